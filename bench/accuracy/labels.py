"""Shared checker for the accuracy sets' labels (stdlib only).

Each set's `check_labels.py` calls `check()` with its controls, its minimum per cell and
how a case's language is decided. `check()` reads every labels-<language>.yml in the set
and checks that
  * each entry has file, find, label (flaw|safe), control (one of the set's), kind, note
  * the file exists under cases/, `find` occurs exactly once in it, and the range fits
  * no two cases in a file share a line
  * every control has at least `minimum` flaw and safe cases per language, unless the
    cell is listed as not applicable
then writes labels.json (all entries, sorted by file and line) unless --check or
--language is given. It prints counts per control, language and label.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

EXTENSIONS = {".py": "python", ".js": "javascript", ".ts": "javascript", ".go": "go", ".java": "java"}
LANGUAGES = ("python", "javascript", "go", "java")


def language_by_extension(file):
    """The language of a source file's extension; `text` for everything else."""
    return EXTENSIONS.get(os.path.splitext(file)[1], "text")


def language_by_directory(file):
    """The `cases/<language>/` directory a file sits in (so `.sql` counts for its app)."""
    parts = file.split("/")
    if len(parts) > 2 and parts[0] == "cases" and parts[1] in LANGUAGES:
        return parts[1]
    return None


def parse_labels_yml(path):
    """'- key: value' starts an entry, '  key: value' continues it; values are plain or JSON-quoted."""
    entries = []
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("- "):
                entries.append({"_where": f"{os.path.basename(path)}:{number}"})
                line = "  " + line[2:]
            if not line.startswith("  ") or not entries:
                raise ValueError(f"{path}:{number}: unexpected line {line!r}")
            key, _, val = line.strip().partition(":")
            val = val.strip()
            if val.startswith('"'):
                val = json.loads(val)
            elif val.startswith("'"):
                val = val[1:-1].replace("''", "'")
            elif re.fullmatch(r"\d+", val):
                val = int(val)
            entries[-1][key] = val
    return entries


def check(root, controls, minimum, language_of, languages=None, not_applicable=()):
    """Checks the set in `root`; `language_of(file)` names a case's language or None.

    `languages` fixes the columns (default: those found). `--check` writes nothing;
    `--language L` checks labels-L.yml alone and writes nothing. Returns the exit status.
    """
    only = sys.argv[sys.argv.index("--language") + 1] if "--language" in sys.argv else None
    errors = []
    entries = []
    for name in sorted(os.listdir(root)):
        if re.fullmatch(r"labels-[a-z]+\.yml", name) and (only is None or name == f"labels-{only}.yml"):
            try:
                entries += parse_labels_yml(os.path.join(root, name))
            except (ValueError, json.JSONDecodeError) as e:
                errors.append(str(e))
    lines_used = defaultdict(dict)
    counts = Counter()
    merged = []
    for e in entries:
        where = e.pop("_where")
        missing = [k for k in ("file", "find", "label", "control", "kind", "note") if k not in e]
        if missing:
            errors.append(f"{where}: missing {', '.join(missing)}")
            continue
        if e["label"] not in ("flaw", "safe"):
            errors.append(f"{where}: label must be flaw or safe")
        if e["control"] not in controls:
            errors.append(f"{where}: unknown control {e['control']}")
        path = os.path.join(root, e["file"])
        if not os.path.isfile(path):
            errors.append(f"{where}: no file {e['file']}")
            continue
        text = open(path, encoding="utf-8").read()
        hits = [m.start() for m in re.finditer(re.escape(e["find"]), text)]
        if len(hits) != 1:
            errors.append(f"{where}: `{e['find']}` occurs {len(hits)} times in {e['file']}")
            continue
        start = text[: hits[0]].count("\n") + 1
        n = int(e.get("lines", 1))
        end = start + n - 1
        if end > text.count("\n") + 1:
            errors.append(f"{where}: range {start}-{end} runs past the end of {e['file']}")
        for line in range(start, end + 1):
            other = lines_used[e["file"]].get(line)
            if other:
                errors.append(f"{where}: line {line} of {e['file']} is also in {other}")
            lines_used[e["file"]][line] = where
        lang = language_of(e["file"])
        if lang is None:
            errors.append(f"{where}: {e['file']} is not under cases/<language>/")
            lang = "unknown"
        counts[(e["control"], lang, e["label"])] += 1
        merged.append((e["file"], start, {k: e[k] for k in ("file", "find", "lines", "label", "control", "kind", "note") if k in e}))
    if only:
        languages = [only]
    elif languages is None:
        languages = sorted({lang for (_, lang, _) in counts})
    print(f"{'control':<12} " + " ".join(f"{lang:>16}" for lang in languages))
    for control in sorted(controls):
        cells = []
        for lang in languages:
            flaw, safe = counts[(control, lang, "flaw")], counts[(control, lang, "safe")]
            cells.append(f"{flaw:>7} / {safe:<6}")
            if (control, lang) not in not_applicable and (flaw < minimum or safe < minimum):
                errors.append(f"{control} x {lang}: {flaw} flaw / {safe} safe cases (need {minimum} each)")
        print(f"{control:<12} " + " ".join(cells))
    print(f"total: {len(merged)} cases (flaw / safe per cell)")
    for err in errors:
        print("error:", err, file=sys.stderr)
    if "--check" not in sys.argv and only is None and not errors:
        merged.sort(key=lambda t: (t[0], t[1]))
        with open(os.path.join(root, "labels.json"), "w", encoding="utf-8") as fh:
            json.dump([m[2] for m in merged], fh, indent=1, ensure_ascii=False)
            fh.write("\n")
    return 1 if errors else 0
