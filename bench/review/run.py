#!/usr/bin/env python3
"""Review speed: `authgate review` of a 20-file change on a repository of at least
10,000 files. Not part of CI.

The repository is built from the real-code corpus of the speed benchmark
(`bash bench/speed/run.sh --corpus-only` fetches it); without it, from generated files.
The change edits 20 files: ten get identity code (a JWT decode, a password hash, a
session cookie...), ten get ordinary edits. `git diff --stat` on the same change is
measured in the same run as the floor.

Usage: python3 bench/review/run.py [--files N] [--runs N] [--binary PATH]
Builds the release binary unless --binary is given.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(ROOT, "bench", "speed", "corpus")

IDENTITY_EDITS = {
    ".py": "\nimport jwt\n\ndef _bench_claims(token, key):\n    return jwt.decode(token, key, algorithms=['HS256'])\n",
    ".js": "\nconst jwt = require('jsonwebtoken');\nfunction benchClaims(token, key) { return jwt.verify(token, key, { algorithms: ['HS256'] }); }\n",
    ".ts": "\nimport bcrypt from 'bcrypt';\nexport async function benchHash(password: string) { return bcrypt.hash(password, 12); }\n",
    ".go": "\nfunc benchCookie(w http.ResponseWriter) { http.SetCookie(w, &http.Cookie{Name: \"session_id\", HttpOnly: true}) }\n",
    ".java": "\nclass BenchAuth { boolean ok(String a, String b) { return java.security.MessageDigest.isEqual(a.getBytes(), b.getBytes()); } }\n",
}


def git(repo, *args, capture=False):
    return subprocess.run(["git", "-C", repo, *args], check=True,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True).stdout


def corpus_files():
    if not os.path.isdir(CORPUS):
        return []
    out = []
    for dirpath, _, names in os.walk(CORPUS):
        for name in names:
            path = os.path.join(dirpath, name)
            if os.path.splitext(name)[1] in IDENTITY_EDITS and os.path.getsize(path) < 200_000:
                out.append(path)
    out.sort()
    return out


def build_repo(repo, count):
    sources = corpus_files()
    rng = random.Random(7)
    if len(sources) >= count:
        chosen = sorted(rng.sample(sources, count))
        for src in chosen:
            rel = os.path.relpath(src, CORPUS)
            dst = os.path.join(repo, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(src, dst)
        origin = "real-code corpus"
    else:
        exts = list(IDENTITY_EDITS)
        for i in range(count):
            ext = exts[i % len(exts)]
            dst = os.path.join(repo, f"pkg{i // 100:03d}", f"mod{i:05d}{ext}")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "w") as f:
                f.write(f"// generated module {i}\n" * 40)
        origin = "generated files"
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "bench@example.com")
    git(repo, "config", "user.name", "bench")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return origin


def make_change(repo, changed):
    files = git(repo, "ls-files", capture=True).split("\n")
    files = [f for f in files if os.path.splitext(f)[1] in IDENTITY_EDITS]
    rng = random.Random(11)
    picked = rng.sample(files, changed)
    for i, rel in enumerate(picked):
        path = os.path.join(repo, rel)
        with open(path, "a") as f:
            if i < changed // 2:
                f.write(IDENTITY_EDITS[os.path.splitext(rel)[1]])
            else:
                f.write("\n// bench: an ordinary edit\n" if not rel.endswith(".py") else "\n# bench: an ordinary edit\n")
    git(repo, "commit", "-q", "-am", "change")


def timed(cmd, cwd, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        samples.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[:400]}")
    return statistics.median(samples), min(samples), max(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary) if args.binary else None
    if not binary:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
        binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "authgate")
    with tempfile.TemporaryDirectory(prefix="authgate-review-bench-") as repo:
        origin = build_repo(repo, args.files)
        make_change(repo, args.changed)
        tracked = len(git(repo, "ls-files", capture=True).split("\n")) - 1
        review = [binary, "review", "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "-j", "2"]
        timed(review, repo, 1)  # warm the page cache
        median, low, high = timed(review, repo, args.runs)
        floor, _, _ = timed(["git", "diff", "--stat", "HEAD~1", "HEAD"], repo, args.runs)
        out = subprocess.run(review, cwd=repo, stdout=subprocess.PIPE, text=True).stdout
        import json
        report = json.loads(out)
        print(f"repository: {tracked} files ({origin}); change: {args.changed} files")
        print(f"authgate review: median {median:.3f} s (min {low:.3f}, max {high:.3f}) over {args.runs} runs")
        print(f"git diff --stat (floor): median {floor:.3f} s; ratio {median / floor:.1f}x")
        print(f"decision {report['decision']}, tier {report['tier']}, areas {', '.join(report['areas'])}, "
              f"{len(report['new_findings'])} new finding(s), {len(report['tests_read'])} test file(s) read")


if __name__ == "__main__":
    main()
