#!/usr/bin/env python3
"""Verify the sessions-oauth accuracy labels and merge them into labels.json (stdlib only).

Reads every labels-<language>.yml beside this script and checks that
  * each entry has file, find, label (flaw|safe), control (one of CONTROLS), kind, note
  * the file exists under cases/, `find` occurs exactly once in it, and the range fits
  * no two cases in a file share a line
  * every control has at least MIN flaw and MIN safe cases per language, unless the
    cell is listed in NOT_APPLICABLE
Then writes labels.json (all entries, sorted by file and line) unless --check is given.
`--language L` checks labels-L.yml alone and writes nothing.
Prints counts per control, language and label; exit status 1 on any error.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.abspath(__file__))
CONTROLS = {"SES-FIX", "COOKIE", "CSRF", "OAUTH", "REDIRECT", "CRED-REVOKE", "CRED-ROTATE", "PW-HASH"}
LANGUAGES = {"python", "javascript", "go", "java"}
MIN = 10
# `--language L` checks one language's labels alone (for authors working in parallel).
ONLY = sys.argv[sys.argv.index("--language") + 1] if "--language" in sys.argv else None
NOT_APPLICABLE = {}


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


def main():
    errors = []
    entries = []
    for name in sorted(os.listdir(ROOT)):
        if re.fullmatch(r"labels-[a-z]+\.yml", name) and (ONLY is None or name == f"labels-{ONLY}.yml"):
            try:
                entries += parse_labels_yml(os.path.join(ROOT, name))
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
        if e["control"] not in CONTROLS:
            errors.append(f"{where}: unknown control {e['control']}")
        path = os.path.join(ROOT, e["file"])
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
        parts = e["file"].split("/")
        lang = parts[1] if len(parts) > 2 and parts[0] == "cases" and parts[1] in LANGUAGES else "unknown"
        if lang == "unknown":
            errors.append(f"{where}: {e['file']} is not under cases/<language>/")
        counts[(e["control"], lang, e["label"])] += 1
        merged.append((e["file"], start, {k: e[k] for k in ("file", "find", "lines", "label", "control", "kind", "note") if k in e}))
    languages = [ONLY] if ONLY else sorted(LANGUAGES)
    print(f"{'control':<12} " + " ".join(f"{lang:>16}" for lang in languages))
    for control in sorted(CONTROLS):
        cells = []
        for lang in languages:
            flaw, safe = counts[(control, lang, "flaw")], counts[(control, lang, "safe")]
            cells.append(f"{flaw:>7} / {safe:<6}")
            if (control, lang) not in NOT_APPLICABLE and (flaw < MIN or safe < MIN):
                errors.append(f"{control} x {lang}: {flaw} flaw / {safe} safe cases (need {MIN} each)")
        print(f"{control:<12} " + " ".join(cells))
    print(f"total: {len(merged)} cases (flaw / safe per cell)")
    for err in errors:
        print("error:", err, file=sys.stderr)
    if "--check" not in sys.argv and ONLY is None and not errors:
        merged.sort(key=lambda t: (t[0], t[1]))
        with open(os.path.join(ROOT, "labels.json"), "w", encoding="utf-8") as fh:
            json.dump([m[2] for m in merged], fh, indent=1, ensure_ascii=False)
            fh.write("\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
