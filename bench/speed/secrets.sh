#!/usr/bin/env bash
# Speed of the secret pass: `authgate scan --secrets-only` against ripgrep (the floor:
# the detectors' keywords as case-insensitive fixed strings) and detect-secrets (PyPI,
# --no-verify), on the corpus of run.sh. Not part of CI.
# Usage: bash bench/speed/secrets.sh [--report-only]
# Environment: JOBS (threads, default 2), RUNS (measured runs, default 5),
# DS_RUNS (detect-secrets runs, default 1), SKIP_BUILD=1 (use target/release/authgate),
# SKIP_DS=1 (keep the last detect-secrets measurement: one run takes about ten minutes).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="$HERE/corpus"
WORK="$HERE/scratch/secrets"
JOBS="${JOBS:-2}"
RUNS="${RUNS:-5}"
DS_RUNS="${DS_RUNS:-1}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

if [[ "${1:-}" == --report-only ]]; then
  python3 "$HERE/tools.py" secrets-report "$WORK" "$HERE/secrets-results.md"
  exit 0
fi
[[ -d "$CORPUS" ]] || { echo "no corpus: run 'bash bench/speed/run.sh --corpus-only' first" >&2; exit 1; }
mkdir -p "$WORK"

AUTHGATE="${CARGO_TARGET_DIR:-$ROOT/target}/release/authgate"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -x "$AUTHGATE" ]]; then
  (cd "$ROOT" && cargo build --release --locked)
fi
BUILD_COMMIT="commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v hyperfine >/dev/null || missing+=(hyperfine)
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
[[ -x "$scripts/detect-secrets" ]] || python3 -m pip install -q detect-secrets==1.5.0
DS="$scripts/detect-secrets"
RG="$(command -v rg)"

qjoin() { local out="" a; for a in "$@"; do out+="${out:+ }$(printf '%q' "$a")"; done; printf '%s' "$out"; }

rg_kw=()
while IFS= read -r kw; do
  [[ -n "$kw" ]] && rg_kw+=(-e "$kw")
done < <(python3 "$HERE/tools.py" secret-keywords "$ROOT/rules")
# authgate skips files over 1 MiB and never reads binary files; rg is held to the same.
ag_cmd="$(qjoin "$AUTHGATE" scan . --secrets-only --format json -o /dev/null -j "$JOBS")"
rg_cmd="$(qjoin "$RG" -l -i -F -j "$JOBS" --max-filesize 1M "${rg_kw[@]}" .)"
# A secret scan reads every file to its end; rg -l stops at a file's first keyword.
rg_all_cmd="$(qjoin "$RG" -c -i -F -j "$JOBS" --max-filesize 1M "${rg_kw[@]}" .)"
ds_cmd="$(qjoin "$DS" scan --all-files --no-verify .) > /dev/null"

cd "$CORPUS"
"$AUTHGATE" scan . --secrets-only --format json -o "$WORK/authgate-findings.json" -j "$JOBS" || true
hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hyperfine.json" \
  -n "authgate --secrets-only" "$ag_cmd" \
  -n "ripgrep -l (first keyword per file)" "$rg_cmd" \
  -n "ripgrep -c (every keyword: floor)" "$rg_all_cmd"
if [[ "${SKIP_DS:-0}" == 1 && -f "$WORK/hyperfine-detect-secrets.json" ]]; then
  echo "detect-secrets: reusing the previous measurement (SKIP_DS=1)"
else
  hyperfine --runs "$DS_RUNS" -i --export-json "$WORK/hyperfine-detect-secrets.json" \
    -n "detect-secrets" "$ds_cmd"
fi
cd "$ROOT"

read -r files mb < <(python3 - "$CORPUS" <<'EOF'
import os, sys
files = size = 0
for dirpath, _, names in os.walk(sys.argv[1]):
    for name in names:
        files += 1
        size += os.path.getsize(os.path.join(dirpath, name))
print(files, f"{size / 1e6:.1f}")
EOF
)
BENCH_DATE="$(date -u +%Y-%m-%d)" \
BENCH_MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
BENCH_JOBS="$JOBS" BENCH_RUNS="$RUNS" BENCH_DS_RUNS="$DS_RUNS" BENCH_CORPUS_FILES="$files" BENCH_CORPUS_MB="$mb" \
BENCH_VERSIONS="authgate $("$AUTHGATE" --version | awk '{print $2}') (built from $BUILD_COMMIT), $("$RG" --version | head -n 1), detect-secrets $("$DS" --version), $(hyperfine --version)" \
BENCH_COMMANDS="$(printf '%s\n' "authgate: $ag_cmd" "ripgrep -l: $rg_cmd" "ripgrep -c: $rg_all_cmd" "detect-secrets: $ds_cmd")" \
  python3 "$HERE/tools.py" save-meta "$WORK/meta.json"
python3 "$HERE/tools.py" secrets-report "$WORK" "$HERE/secrets-results.md"
cat "$HERE/secrets-results.md"
