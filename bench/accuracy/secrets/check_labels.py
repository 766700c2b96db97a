#!/usr/bin/env python3
"""Verify the SECRETS accuracy labels (python3 stdlib only).

Checks
  * labels.yml (tiny hand parser for the generated format) matches labels.json
  * every entry has a known label/kind, a file that exists, lines >= 1
  * `find` occurs exactly once in the file; the case range fits in the file
  * no two cases overlap (two cases never share a line)
  * multi-line PEM/PGP cases run from a BEGIN line to the matching END line
  * GitHub gh[pousr]_ and npm_ tokens in flaw cases carry a valid base62 CRC32
  * JWT flaw cases contain a token whose header decodes to JSON with "alg"
  * vendor-documented example keys do not appear anywhere in cases/
  * at least 100 flaws and 100 safe cases
Prints counts per label and kind; exit status 1 on any error.
"""
import base64
import json
import os
import re
import sys
import zlib
from collections import Counter

ROOT = os.path.dirname(os.path.abspath(__file__))
FLAW_KINDS = {"aws-access-key-id", "aws-secret-access-key", "gcp-service-account", "gcp-api-key",
              "azure-storage-key", "azure-connection-string", "github-pat", "github-fine-grained-pat",
              "github-oauth", "github-app-token", "gitlab-token", "slack-token", "slack-webhook",
              "stripe-secret-key", "twilio", "sendgrid", "npm-token", "pypi-token", "openai-key",
              "anthropic-key", "private-key", "jwt", "database-url", "url-credentials", "generic",
              "signing-key"}
SAFE_KINDS = {"placeholder", "env-lookup", "hash", "uuid-or-id", "base64-blob", "public-key",
              "identifier", "generated-key", "local-default"}
VENDOR_EXAMPLES = ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                   "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",  # jwt.io sample signature
                   "4eC39HqLyjWDarjtT1zdp7dc", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"]
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def parse_labels_yml(path):
    """Parse the generated labels.yml: '- key: value' starts an entry, '  key: value' continues it."""
    entries = []
    with open(path) as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("- "):
                entries.append({})
                line = "  " + line[2:]
            if not line.startswith("  ") or not entries:
                raise ValueError(f"unexpected line in labels.yml: {line!r}")
            key, _, val = line.strip().partition(":")
            val = val.strip()
            if val.startswith('"'):
                val = json.loads(val)
            elif re.fullmatch(r"\d+", val):
                val = int(val)
            entries[-1][key] = val
    return entries


def base62(num):
    out = ""
    while num:
        num, r = divmod(num, 62)
        out = B62[r] + out
    return out.rjust(6, "0")


def b64u_decode(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def main():
    errors = []
    labels = json.load(open(os.path.join(ROOT, "labels.json")))
    yml = parse_labels_yml(os.path.join(ROOT, "labels.yml"))
    if yml != labels:
        errors.append("labels.yml and labels.json differ")

    spans = {}
    texts = {}
    for i, e in enumerate(labels):
        where = f"#{i} {e.get('file')} find={e.get('find')!r}"
        if e.get("label") not in ("flaw", "safe"):
            errors.append(f"{where}: bad label {e.get('label')!r}")
            continue
        kinds = FLAW_KINDS if e["label"] == "flaw" else SAFE_KINDS
        if e.get("kind") not in kinds:
            errors.append(f"{where}: kind {e.get('kind')!r} not valid for {e['label']}")
        n = e.get("lines", 1)
        if not isinstance(n, int) or n < 1:
            errors.append(f"{where}: bad lines {n!r}")
            continue
        path = os.path.join(ROOT, e["file"])
        if not os.path.isfile(path):
            errors.append(f"{where}: file missing")
            continue
        if path not in texts:
            texts[path] = open(path, encoding="utf-8").read()
        text = texts[path]
        find = e["find"]
        if not find or "\n" in find:
            errors.append(f"{where}: empty or multi-line find")
            continue
        count = 0
        pos = text.find(find)
        first = pos
        while pos != -1:
            count += 1
            pos = text.find(find, pos + 1)
        if count != 1:
            errors.append(f"{where}: find occurs {count} times")
            continue
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        start = text.count("\n", 0, first)  # 0-based line index
        if start + n > len(lines):
            errors.append(f"{where}: range runs past end of file")
            continue
        taken = spans.setdefault(path, {})
        for ln in range(start, start + n):
            if ln in taken:
                errors.append(f"{where}: line {ln + 1} also belongs to case #{taken[ln]}")
            taken[ln] = i
        block = lines[start:start + n]
        if n > 1 and "-----BEGIN" in block[0]:
            if "-----END" not in block[-1] or any("-----END" in l for l in block[:-1]):
                errors.append(f"{where}: PEM span does not end at its END line")
        if e["label"] == "flaw" and e["kind"] == "private-key" and n == 1 and "-----END" not in block[0]:
            errors.append(f"{where}: one-line private key without END marker")
        case_text = "\n".join(block)
        if e["label"] == "flaw":
            for tok in re.findall(r"\b(?:gh[pousr]|npm)_[A-Za-z0-9]{36}\b", case_text):
                body, check = tok.split("_", 1)[1][:30], tok[-6:]
                if base62(zlib.crc32(body.encode()) & 0xFFFFFFFF) != check:
                    errors.append(f"{where}: bad checksum in {tok[:8]}...")
            if e["kind"] in ("github-pat", "github-oauth", "github-app-token", "npm-token") and not re.search(
                    r"\b(?:gh[pousr]|npm)_[A-Za-z0-9]{36}\b", case_text):
                errors.append(f"{where}: no well-formed {e['kind']} token")
            if e["kind"] == "github-fine-grained-pat" and not re.search(
                    r"\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b", case_text):
                errors.append(f"{where}: malformed fine-grained PAT")
            if e["kind"] == "jwt":
                m = re.search(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+", case_text)
                try:
                    header = json.loads(b64u_decode(m.group(0).split(".")[0]))
                    json.loads(b64u_decode(m.group(0).split(".")[1]))
                    assert "alg" in header
                except Exception:
                    errors.append(f"{where}: no JWT with a JSON header containing alg")

    for root, _, files in os.walk(os.path.join(ROOT, "cases")):
        for f in files:
            body = open(os.path.join(root, f), encoding="utf-8").read()
            for ex in VENDOR_EXAMPLES:
                if ex in body:
                    errors.append(f"{os.path.relpath(os.path.join(root, f), ROOT)}: vendor example key {ex[:12]}...")

    by_label = Counter(e["label"] for e in labels)
    by_kind = Counter((e["label"], e["kind"]) for e in labels)
    for label in ("flaw", "safe"):
        print(f"{label}: {by_label[label]}")
        for (lab, kind), c in sorted(by_kind.items()):
            if lab == label:
                print(f"  {kind:26s} {c}")
    print(f"files: {len({e['file'] for e in labels})}")
    if by_label["flaw"] < 100:
        errors.append(f"only {by_label['flaw']} flaws (< 100)")
    if by_label["safe"] < 100:
        errors.append(f"only {by_label['safe']} safe cases (< 100)")
    for err in errors:
        print("ERROR:", err)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
