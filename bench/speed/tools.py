#!/usr/bin/env python3
"""Helpers for bench/speed/run.sh (standard library only, plus PyYAML or ruamel.yaml
when present for reading rule files).

Subcommands:
  prune DIR                 normalise the corpus so every tool sees the same files
  stats DIR                 print file count and size per language
  ast-grep-rules RULES OUT  copy authgate's rules for ast-grep, cloning JS rules for TS/TSX
  keywords RULES            print the union of the rules' metadata.keywords, one a line
  save-meta OUT.json        save the BENCH_* environment variables run.sh sets
  report WORK OUT.md        medians from hyperfine JSON, finding counts, Markdown table
"""

from __future__ import annotations

import collections
import json
import os
import re
import shutil
import statistics
import sys
from pathlib import Path

# The extensions authgate parses (src/scan/lang.rs), by language.
LANG_EXTS = {
    "python": ("py", "pyi"),
    "javascript": ("js", "jsx", "mjs", "cjs"),
    "typescript": ("ts", "mts", "cts", "tsx"),
    "go": ("go",),
    "java": ("java",),
}
EXT_LANG = {ext: lang for lang, exts in LANG_EXTS.items() for ext in exts}

# authgate's default excluded directory names (src/scan/walk.rs DEFAULT_EXCLUDED_DIRS).
EXCLUDED_DIRS = {
    ".git",
    "node_modules",
    "bower_components",
    "vendor",
    "third_party",
    "dist",
    "build",
    ".venv",
    "venv",
    "site-packages",
    "__pycache__",
}

# The strictest of the tools' size limits: semgrep's --max-target-bytes default is
# 1,000,000 bytes, authgate's --max-file-size default is 1 MiB.
MAX_BYTES = 1_000_000
# authgate skips a file with a line longer than this as minified (src/scan/walk.rs).
MINIFIED_LINE_BYTES = 4096


def lang_of(path: str) -> str | None:
    _, dot, ext = path.rpartition(".")
    return EXT_LANG.get(ext) if dot else None


def prune(root: Path) -> None:
    """Leaves only regular source files that every tool scans the same way.

    Removes: symbolic links; hidden files and directories (ignore files such as
    .gitignore go with them); authgate's default-excluded directories; files of other
    languages; source files over 1,000,000 bytes, minified (a line over 4096 bytes or a
    .min.js name) or binary (a NUL byte in the first 8 KiB); empty directories.
    """
    removed = collections.Counter()
    for dirpath, dirnames, filenames in os.walk(root, topdown=True):
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                os.unlink(full)
                removed["symlink"] += 1
            elif d.startswith(".") or d in EXCLUDED_DIRS:
                shutil.rmtree(full)
                removed["excluded or hidden dir"] += 1
            else:
                keep.append(d)
        dirnames[:] = keep
        for f in filenames:
            full = os.path.join(dirpath, f)
            reason = None
            if os.path.islink(full) or not os.path.isfile(full):
                reason = "symlink or special file"
            elif f.startswith("."):
                reason = "hidden file"
            elif lang_of(f) is None:
                reason = "other language"
            elif f.endswith(".min.js"):
                reason = "minified"
            else:
                size = os.path.getsize(full)
                if size > MAX_BYTES:
                    reason = "over 1,000,000 bytes"
                else:
                    with open(full, "rb") as fh:
                        data = fh.read()
                    if b"\0" in data[:8192]:
                        reason = "binary"
                    elif any(len(line) > MINIFIED_LINE_BYTES for line in data.split(b"\n")):
                        reason = "minified (line over 4096 bytes)"
            if reason:
                os.unlink(full)
                removed[reason] += 1
    # Empty directories, bottom up.
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        if dirpath != str(root) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    if removed:
        print("  pruned: " + ", ".join(f"{n} {why}" for why, n in sorted(removed.items())))


def stats(root: Path) -> dict:
    per = collections.defaultdict(lambda: [0, 0])
    for dirpath, _, filenames in os.walk(root):
        for f in filenames:
            lang = lang_of(f)
            if lang:
                per[lang][0] += 1
                per[lang][1] += os.path.getsize(os.path.join(dirpath, f))
    return per


def print_stats(root: Path) -> None:
    print(stats_markdown(stats(root)))


def stats_markdown(per: dict) -> str:
    lines = ["| language | files | MB |", "| --- | ---: | ---: |"]
    files = size = 0
    for lang in LANG_EXTS:
        n, b = per.get(lang, (0, 0))
        files += n
        size += b
        lines.append(f"| {lang} | {n} | {b / 1e6:.1f} |")
    lines.append(f"| **total** | **{files}** | **{size / 1e6:.1f}** |")
    return "\n".join(lines)


def load_yaml(path: Path):
    text = path.read_text(encoding="utf-8")
    try:
        import yaml  # type: ignore

        return yaml.safe_load(text)
    except ImportError:
        from ruamel.yaml import YAML  # type: ignore

        return YAML(typ="safe").load(text)


def rule_files(rules: Path):
    """authgate's grammar rules. Text rules (rules/text/), secret detectors
    (rules/secrets/, benchmarked by secrets.sh) and the library data have no ast-grep or
    semgrep counterpart, so they are left out of every peer's input."""
    grammars = {"python", "javascript", "go", "java"}
    return sorted(p for p in rules.rglob("*.yml") if p.is_file() and p.relative_to(rules).parts[0] in grammars)


def keywords(rules: Path) -> list[str]:
    seen: list[str] = []
    for path in rule_files(rules):
        doc = load_yaml(path) or {}
        for kw in (doc.get("metadata") or {}).get("keywords") or []:
            if str(kw) not in seen:
                seen.append(str(kw))
    return seen


def secret_keywords(rules: Path) -> list[str]:
    """The prefilter keywords of every secret detector (rules/secrets/)."""
    seen: list[str] = []
    for path in sorted((rules / "secrets").glob("*.yml")):
        doc = load_yaml(path) or {}
        for kw in (doc.get("metadata") or {}).get("keywords") or []:
            if str(kw).lower() not in (k.lower() for k in seen):
                seen.append(str(kw))
    return seen


def secrets_report(work: Path, out: Path) -> None:
    """secrets-results.md from secrets.sh's hyperfine exports and meta.json."""
    meta = json.loads((work / "meta.json").read_text(encoding="utf-8"))
    rows = []
    for name in ("hyperfine.json", "hyperfine-detect-secrets.json"):
        path = work / name
        if path.exists():
            rows += json.loads(path.read_text(encoding="utf-8"))["results"]
    mb = float(meta["BENCH_CORPUS_MB"])
    floor = next(r for r in rows if "floor" in r["command"])
    lines = [
        "# authgate speed benchmark: the secret pass",
        "",
        f"Generated by `bash bench/speed/secrets.sh` on {meta['BENCH_DATE']}, {meta['BENCH_MACHINE']}.",
        f"Same corpus as results.md ({meta['BENCH_CORPUS_FILES']} files, {mb:.1f} MB), {meta['BENCH_JOBS']} threads each,",
        f"hyperfine `--warmup 1 --runs {meta['BENCH_RUNS']}` (detect-secrets: {meta['BENCH_DS_RUNS']} run(s), no warm-up: it takes minutes).",
        "",
        "| tool | median s | min s | max s | MB/s | throughput vs rg |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        median = r["median"]
        lines.append(
            f"| {r['command']} | {median:.3f} | {r['min']:.3f} | {r['max']:.3f} | {mb / median:.1f} | {floor['median'] / median:.2f}x |"
        )
    lines += [
        "",
        "The bar (issue #4): authgate's secret pass reaches at least half of rg's throughput.",
        "The floor is `rg -c`: the detectors' keywords searched through every file to its end, as",
        "a secret scan must. `rg -l` stops at the first keyword of a file and skips the rest; it",
        "is listed for reference.",
        "",
        "- **authgate --secrets-only**: every secret detector (rules/secrets/), keyword prefilter, regexes in ASCII mode.",
        "- **ripgrep**: the same detectors' keywords as case-insensitive fixed strings.",
        "- **detect-secrets**: `detect-secrets scan --all-files --no-verify` (its default plugins).",
        "",
        f"Versions: {meta['BENCH_VERSIONS']}.",
        "",
        "Commands (run in bench/speed/corpus):",
        "",
        "```",
        *[portable(c) for c in meta["BENCH_COMMANDS"].splitlines()],
        "```",
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def ast_grep_rules(rules: Path, out: Path) -> None:
    """Copies authgate's rules as ast-grep rule files. ast-grep applies a rule to one
    grammar only, while authgate runs a JavaScript rule on JS, TS and TSX: clone each
    JavaScript rule for typescript and tsx with a new id."""
    if out.exists():
        shutil.rmtree(out)
    rule_dir = out / "rules"
    rule_dir.mkdir(parents=True)
    count = 0
    for path in rule_files(rules):
        text = path.read_text(encoding="utf-8")
        lang = re.search(r"^language:\s*(\S+)\s*$", text, re.M).group(1).lower()
        rule_id = re.search(r"^id:\s*(\S+)\s*$", text, re.M).group(1)
        (rule_dir / f"{rule_id}.yml").write_text(text, encoding="utf-8")
        count += 1
        if lang in ("javascript", "js", "jsx"):
            for clone in ("typescript", "tsx"):
                cloned = re.sub(r"^language:.*$", f"language: {clone}", text, count=1, flags=re.M)
                cloned = re.sub(r"^id:.*$", f"id: {rule_id}--{clone}", cloned, count=1, flags=re.M)
                (rule_dir / f"{rule_id}--{clone}.yml").write_text(cloned, encoding="utf-8")
                count += 1
    (out / "sgconfig.yml").write_text("ruleDirs:\n  - rules\n", encoding="utf-8")
    print(f"  {count} ast-grep rule files in {rule_dir}")


# ---------------------------------------------------------------------------- report


def base_rule_id(rule_id: str) -> str:
    # semgrep prefixes the id with the config path; ast-grep clones end in --typescript/--tsx.
    return rule_id.rsplit(".", 1)[-1].split("--", 1)[0]


def count_authgate(path: Path):
    doc = json.loads(path.read_text())
    return collections.Counter(f["rule_id"] for f in doc["findings"]), doc.get("stats", {})


def count_semgrep(path: Path):
    doc = json.loads(path.read_text())
    counts = collections.Counter(base_rule_id(r["check_id"]) for r in doc["results"])
    info = {
        "files_scanned": len(doc.get("paths", {}).get("scanned", [])),
        "errors": len(doc.get("errors", [])),
        # An error's type is a string or a list such as ["PartialParsing", [locations]].
        "error_types": collections.Counter(
            e["type"][0] if isinstance(e.get("type"), list) else str(e.get("type", "?"))
            for e in doc.get("errors", [])
        ),
    }
    return counts, info


def count_ast_grep(path: Path):
    counts = collections.Counter()
    for line in path.read_text().splitlines():
        line = line.strip()
        if line:
            counts[base_rule_id(json.loads(line)["ruleId"])] += 1
    return counts


def report(work: Path, out: Path) -> None:
    """Writes results.md from scratch/hyperfine.json, the tools' finding files and
    scratch/meta.json (the BENCH_* variables run.sh saved with save-meta)."""
    meta = json.loads((work / "meta.json").read_text())
    env = meta.get
    runs = json.loads((work / "hyperfine.json").read_text())["results"]
    med = {r["command"]: (statistics.median(r["times"]), min(r["times"]), max(r["times"])) for r in runs}
    ag = med.get("authgate")
    floor = med.get("ripgrep (floor)")
    lines = [
        "| tool | median s | min s | max s | time vs authgate | x of floor (rg) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        name = r["command"]
        m, lo, hi = med[name]
        vs = f"{m / ag[0]:.2f}x" if ag else "-"
        fl = f"{m / floor[0]:.1f}x" if floor else "-"
        lines.append(f"| {name} | {m:.3f} | {lo:.3f} | {hi:.3f} | {vs} | {fl} |")
    table = "\n".join(lines)

    ag_counts, ag_stats = count_authgate(work / "authgate-findings.json")
    np_counts, np_stats = count_authgate(work / "authgate-noprefilter-findings.json")
    sg_counts, sg_info = count_semgrep(work / "semgrep-findings.json")
    ast_counts = count_ast_grep(work / "ast-grep-findings.jsonl")
    rule_ids = sorted(set(ag_counts) | set(np_counts) | set(sg_counts) | set(ast_counts))
    flines = [
        "| rule | authgate | authgate --no-prefilter | ast-grep (same rules) | semgrep (rewritten rules) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for rid in rule_ids:
        flines.append(f"| {rid} | {ag_counts[rid]} | {np_counts[rid]} | {ast_counts[rid]} | {sg_counts[rid]} |")
    flines.append(
        f"| **total** | **{sum(ag_counts.values())}** | **{sum(np_counts.values())}** | "
        f"**{sum(ast_counts.values())}** | **{sum(sg_counts.values())}** |"
    )
    findings = "\n".join(flines)

    files = "\n".join(
        [
            "| tool | files |",
            "| --- | ---: |",
            f"| authgate: scanned / parsed (prefilter on) | {ag_stats.get('files_scanned')} / {ag_stats.get('files_parsed')} |",
            f"| authgate --no-prefilter: scanned / parsed | {np_stats.get('files_scanned')} / {np_stats.get('files_parsed')} |",
            f"| ast-grep: scannedFileCount (`--inspect summary`) | {env('BENCH_AST_GREP_FILES', '?')} |",
            f"| semgrep: `paths.scanned` | {sg_info['files_scanned']} |",
            f"| ripgrep: files of the rules' types / files with a keyword | {env('BENCH_RG_FILES', '?').strip()} / {env('BENCH_RG_MATCHING', '?').strip()} |",
        ]
    )
    counts = {
        "authgate": ag_stats.get("files_scanned"),
        "ast-grep": env("BENCH_AST_GREP_FILES", "?").strip(),
        "semgrep": sg_info["files_scanned"],
        "ripgrep": env("BENCH_RG_FILES", "?").strip(),
    }
    if len({str(v) for v in counts.values()}) > 1:
        warning = (
            "\n**Warning: the tools did not look at the same number of files "
            f"({', '.join(f'{k} {v}' for k, v in counts.items())}); the times are not comparable.**\n"
        )
        print(warning, file=sys.stderr)
        files += "\n" + warning
    sg_errors = ", ".join(f"{n} {t}" for t, n in sg_info["error_types"].items()) or "none"
    commands = "\n".join(f"    {portable(c)}" for c in env("BENCH_COMMANDS", "").splitlines())

    md = f"""# authgate speed benchmark: results

Generated by `bash bench/speed/run.sh` on {env('BENCH_DATE', '?')}, {env('BENCH_MACHINE', '?')}.
Each tool: {env('BENCH_JOBS', '?')} threads, hyperfine `--warmup 1 --runs {env('BENCH_RUNS', '?')}`
(warm page cache), the same corpus; the median is over the measured runs.

## Wall-clock time

{table}

Versions: {env('BENCH_VERSIONS', '?')}.

## Corpus

{env('BENCH_CORPUS_TABLE', '?')}

## Findings (one extra run per tool; authgate with `--show-controls` so its control rule counts)

{findings}

{files}

semgrep errors in its JSON output: {sg_errors}.

## Commands (run in bench/speed/corpus)

{commands}
"""
    out.write_text(md, encoding="utf-8")
    print(md)


def portable(command: str) -> str:
    """Commands as they can be committed: no absolute paths of this machine."""
    repo = str(Path(__file__).resolve().parents[2])
    command = command.replace(repo + "/", "").replace(repo, ".")
    command = re.sub(r"\S*/bin/(ast-grep|semgrep|rg|detect-secrets)\b", r"\1", command)
    return command


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "prune":
        prune(Path(args[0]))
    elif cmd == "stats":
        print_stats(Path(args[0]))
    elif cmd == "ast-grep-rules":
        ast_grep_rules(Path(args[0]), Path(args[1]))
    elif cmd == "keywords":
        print("\n".join(keywords(Path(args[0]))))
    elif cmd == "secret-keywords":
        print("\n".join(secret_keywords(Path(args[0]))))
    elif cmd == "secrets-report":
        secrets_report(Path(args[0]), Path(args[1]))
    elif cmd == "rule-ids":
        for path in rule_files(Path(args[0])):
            print((load_yaml(path) or {}).get("id"))
    elif cmd == "save-meta":
        # run.sh passes what it measured as BENCH_* variables; keep them for --report-only.
        meta = {k: v for k, v in os.environ.items() if k.startswith("BENCH_")}
        Path(args[0]).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    elif cmd == "report":
        report(Path(args[0]), Path(args[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
