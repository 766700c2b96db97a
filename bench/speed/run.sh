#!/usr/bin/env bash
# Speed benchmark: authgate against semgrep, ast-grep and ripgrep (the floor) on a corpus
# of real Python, JavaScript/TypeScript, Go and Java code fetched from package registries.
# Not part of CI. Usage: bash bench/speed/run.sh [--corpus-only | --report-only]
# Environment: JOBS (threads per tool, default 2), RUNS (measured runs, default 5),
# SKIP_BUILD=1 (use the existing target/release/authgate).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="$HERE/corpus"
WORK="$HERE/scratch"
DL="$WORK/downloads"
JOBS="${JOBS:-2}"
RUNS="${RUNS:-5}"
case "${1:-}" in
  "") MODE=all ;;
  --corpus-only) MODE=corpus-only ;;
  --report-only) MODE=report-only ;;
  *) echo "usage: bash bench/speed/run.sh [--corpus-only | --report-only]" >&2; exit 2 ;;
esac

# No network at scan time: semgrep gets local rules only, no metrics, no version check.
export SEMGREP_ENABLE_VERSION_CHECK=0 SEMGREP_SEND_METRICS=off
export PIP_DISABLE_PIP_VERSION_CHECK=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Corpus: pinned versions of real projects, fetched through package registries only.
PYPI_SDISTS=(
  Django==5.2.19
  SQLAlchemy==2.1.9
  sympy==1.14.0
  Authlib==1.9.8
  oauthlib==4.0.1
  PyJWT==2.15.1
  django-allauth==65.21.1
  djangorestframework==3.18.3
  djangorestframework-simplejwt==5.5.1
  Flask==3.1.3
)
NPM_PACKAGES=(
  express@5.3.0
  passport@0.7.0
  passport-jwt@4.0.1
  jsonwebtoken@9.0.3
  lodash@4.18.1
  three@0.187.0
  rxjs@7.8.2
  typeorm@1.1.1
  @nestjs/core@12.5.1
  @nestjs/common@12.5.1
  webpack@5.112.2
  eslint@10.15.0
  mongoose@9.12.1
  sequelize@6.37.8
  next-auth@4.24.15
)
# Debian's Go source packages (unpacked with dpkg-deb, not installed).
GO_DEBS=(
  golang-golang-x-crypto-dev
  golang-golang-x-oauth2-dev
  golang-github-dgrijalva-jwt-go-dev
  golang-github-appleboy-gin-jwt-dev
  golang-github-coreos-go-oidc-dev
  golang-github-gorilla-mux-dev
  golang-github-gorilla-sessions-dev
  golang-github-gin-gonic-gin-dev
  golang-github-docker-distribution-dev
  golang-github-minio-minio-go-v7-dev
  golang-github-crowdsecurity-crowdsec-dev
  golang-etcd-server-dev
  golang-github-docker-docker-dev
)
# Modules of the JDK's own source (openjdk-17-source ships it as lib/src.zip).
JDK_MODULES=(java.base java.security.jgss java.xml.crypto java.net.http java.sql jdk.crypto.cryptoki)

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

apt_updated=0
apt_update_once() {
  if [[ $apt_updated == 0 ]]; then
    apt-get update -qq
    apt_updated=1
  fi
}

# ------------------------------------------------------------------------------ 1. build
build_authgate() {
  AUTHGATE="${CARGO_TARGET_DIR:-$ROOT/target}/release/authgate"
  # What the binary is built from (its rules are compiled in).
  local dirty
  BUILD_COMMIT="commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  dirty="$(git -C "$ROOT" status --porcelain -- src rules build.rs Cargo.toml Cargo.lock 2>/dev/null | wc -l)"
  if [[ "$dirty" != 0 ]]; then BUILD_COMMIT+=" + $dirty uncommitted file(s) in src/ rules/"; fi
  if [[ "${SKIP_BUILD:-0}" == 1 && -x "$AUTHGATE" ]]; then
    log "using existing $AUTHGATE (SKIP_BUILD=1)"
    return
  fi
  log "cargo build --release --locked"
  (cd "$ROOT" && cargo build --release --locked)
  [[ -x "$AUTHGATE" ]] || die "no binary at $AUTHGATE"
}

# ------------------------------------------------------------------------------ 2. peers
install_peers() {
  log "peers"
  local missing=()
  command -v rg >/dev/null || missing+=(ripgrep)
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  command -v dpkg-deb >/dev/null || missing+=(dpkg)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v npm >/dev/null || missing+=(npm)
  if ((${#missing[@]})); then
    apt_update_once
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  local scripts
  scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
  if [[ ! -x "$scripts/semgrep" ]] || ! { [[ -x "$scripts/ast-grep" ]] || [[ -x "$scripts/sg" ]]; }; then
    python3 -m pip install -q semgrep ast-grep-cli
  fi
  # Call the real entry points, not a version manager's shims (pyenv's add ~80 ms a run).
  SEMGREP="$scripts/semgrep"
  [[ -x "$SEMGREP" ]] || SEMGREP="$(command -v semgrep)" || die "semgrep not installed"
  AST_GREP=""
  # ast-grep-cli installs `ast-grep` and `sg`; /usr/bin/sg may be shadow's `sg` (newgrp).
  for candidate in "$scripts/ast-grep" "$scripts/sg" "$(command -v ast-grep || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] && "$candidate" --version 2>/dev/null | grep -q '^ast-grep'; then
      AST_GREP="$candidate"
      break
    fi
  done
  [[ -n "$AST_GREP" ]] || die "ast-grep not installed (pip install ast-grep-cli)"
  RG="$(command -v rg)"
  echo "  authgate: $AUTHGATE"
  echo "  semgrep:  $SEMGREP ($("$SEMGREP" --version 2>/dev/null | tail -n 1))"
  echo "  ast-grep: $AST_GREP ($("$AST_GREP" --version))"
  echo "  rg:       $RG ($("$RG" --version | head -n 1))"
  echo "  hyperfine: $(hyperfine --version)"
}

# ------------------------------------------------------------------------------ 3. corpus
# Each project lands in its own corpus directory; a directory that exists is done
# (delete it, or the whole corpus/, to fetch again). Archives are cached in scratch/downloads.

unpack_archive() { # archive dest: unpacks, dropping a single top-level directory
  local archive="$1" dest="$2" tmp
  tmp="$(mktemp -d "$WORK/unpack.XXXXXX")"
  case "$archive" in
    *.zip) unzip -q "$archive" -d "$tmp" ;;
    *) tar -xf "$archive" -C "$tmp" ;;
  esac
  local entries=("$tmp"/*)
  mkdir -p "$(dirname "$dest")"
  if [[ ${#entries[@]} == 1 && -d "${entries[0]}" ]]; then
    mv "${entries[0]}" "$dest.partial"
    rmdir "$tmp"
  else
    mv "$tmp" "$dest.partial"
  fi
  python3 "$HERE/tools.py" prune "$dest.partial"
  mv "$dest.partial" "$dest"
}

fetch_pypi() {
  local spec name dest dir archive
  for spec in "${PYPI_SDISTS[@]}"; do
    name="${spec%%==*}"
    dest="$CORPUS/python/$name"
    [[ -d "$dest" ]] && continue
    echo "  pypi $spec"
    dir="$DL/pypi/$name"
    mkdir -p "$dir"
    archive="$(find "$dir" -maxdepth 1 -type f \( -name '*.tar.gz' -o -name '*.zip' \) | head -n 1)"
    if [[ -z "$archive" ]]; then
      python3 -m pip download -q --no-binary :all: --no-deps -d "$dir" "$spec"
      archive="$(find "$dir" -maxdepth 1 -type f \( -name '*.tar.gz' -o -name '*.zip' \) | head -n 1)"
    fi
    [[ -n "$archive" ]] || die "no sdist for $spec"
    rm -rf "$dest.partial"
    unpack_archive "$archive" "$dest"
  done
}

fetch_npm() {
  local spec name safe dest dir archive
  for spec in "${NPM_PACKAGES[@]}"; do
    name="${spec%@*}"
    safe="${name//\//__}"
    dest="$CORPUS/javascript/$safe"
    [[ -d "$dest" ]] && continue
    echo "  npm $spec"
    dir="$DL/npm/$safe"
    mkdir -p "$dir"
    archive="$(find "$dir" -maxdepth 1 -type f -name '*.tgz' | head -n 1)"
    if [[ -z "$archive" ]]; then
      (cd "$dir" && npm pack --silent "$spec" >/dev/null)
      archive="$(find "$dir" -maxdepth 1 -type f -name '*.tgz' | head -n 1)"
    fi
    [[ -n "$archive" ]] || die "npm pack $spec produced nothing"
    rm -rf "$dest.partial"
    unpack_archive "$archive" "$dest"
  done
}

apt_download() { # package dir: the package's .deb into dir (cached)
  local pkg="$1" dir="$2" deb
  mkdir -p "$dir"
  deb="$(find "$dir" -maxdepth 1 -name "${pkg}_*.deb" | head -n 1)"
  if [[ -z "$deb" ]]; then
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then apt_update_once; fi
    (cd "$dir" && apt-get download -qq -o APT::Sandbox::User=root "$pkg")
    deb="$(find "$dir" -maxdepth 1 -name "${pkg}_*.deb" | head -n 1)"
  fi
  [[ -n "$deb" ]] || die "apt-get download $pkg produced nothing"
  printf '%s\n' "$deb"
}

fetch_go() {
  local pkg dest deb tmp
  for pkg in "${GO_DEBS[@]}"; do
    dest="$CORPUS/go/$pkg"
    [[ -d "$dest" ]] && continue
    echo "  debian $pkg"
    deb="$(apt_download "$pkg" "$DL/deb")"
    tmp="$(mktemp -d "$WORK/unpack.XXXXXX")"
    dpkg-deb -x "$deb" "$tmp"
    rm -rf "$dest.partial"
    mkdir -p "$CORPUS/go"
    if [[ -d "$tmp/usr/share/gocode/src" ]]; then
      mv "$tmp/usr/share/gocode/src" "$dest.partial"
      rm -rf "$tmp"
    else
      mv "$tmp" "$dest.partial"
    fi
    python3 "$HERE/tools.py" prune "$dest.partial"
    mv "$dest.partial" "$dest"
  done
}

fetch_java() {
  local complete=1 module deb tmp src
  for module in "${JDK_MODULES[@]}"; do
    [[ -d "$CORPUS/java/$module" ]] || complete=0
  done
  [[ $complete == 1 ]] && return
  echo "  debian openjdk-17-source: ${JDK_MODULES[*]}"
  deb="$(apt_download openjdk-17-source "$DL/deb")"
  tmp="$(mktemp -d "$WORK/unpack.XXXXXX")"
  dpkg-deb -x "$deb" "$tmp"
  src="$(find "$tmp" -name src.zip | head -n 1)"
  [[ -n "$src" ]] || die "no src.zip in $deb"
  for module in "${JDK_MODULES[@]}"; do
    [[ -d "$CORPUS/java/$module" ]] && continue
    rm -rf "$CORPUS/java/$module.partial"
    mkdir -p "$CORPUS/java/$module.partial"
    unzip -q "$src" "$module/*" -d "$tmp/x"
    mv "$tmp/x/$module"/* "$CORPUS/java/$module.partial/"
    python3 "$HERE/tools.py" prune "$CORPUS/java/$module.partial"
    mv "$CORPUS/java/$module.partial" "$CORPUS/java/$module"
  done
  rm -rf "$tmp"
}

assemble_corpus() {
  log "corpus in $CORPUS"
  mkdir -p "$CORPUS" "$DL"
  rm -rf "$WORK"/unpack.*
  fetch_pypi
  fetch_npm
  fetch_go
  fetch_java
  rm -rf "$WORK"/unpack.*
  # Safety net: a rerun after editing the prune rules re-applies them everywhere.
  python3 "$HERE/tools.py" prune "$CORPUS"
  CORPUS_TABLE="$(python3 "$HERE/tools.py" stats "$CORPUS")"
  printf '%s\n' "$CORPUS_TABLE"
}

# ------------------------------------------------------------------------------ 4. bench
qjoin() { # prints its arguments shell-quoted, space-separated
  local out="" a
  for a in "$@"; do out+="${out:+ }$(printf '%q' "$a")"; done
  printf '%s' "$out"
}

run_bench() {
  log "preparing peers' inputs"
  # ast-grep: authgate's rule files as they are, JS rules cloned for typescript and tsx.
  python3 "$HERE/tools.py" ast-grep-rules "$ROOT/rules" "$WORK/ast-grep"
  # ripgrep: every rule keyword as a fixed string, over the rules' file types.
  local rg_types=(--type-add 'auth:*.{py,pyi,js,jsx,mjs,cjs,ts,tsx,mts,cts,go,java}' -t auth)
  local rg_kw=() kw
  while IFS= read -r kw; do
    [[ -n "$kw" ]] && rg_kw+=(-e "$kw")
  done < <(python3 "$HERE/tools.py" keywords "$ROOT/rules")
  echo "  rg keywords: ${rg_kw[*]}"

  # Every tool runs in the corpus on `.`. The corpus holds no ignore files, and the
  # repository's .gitignore entry for it does not apply below the scan root (authgate,
  # ast-grep and ripgrep share the `ignore` crate's semantics; checked with file counts).
  local ag sg_cmd ast_cmd rg_cmd
  ag="$(qjoin "$AUTHGATE" scan . --format json -o /dev/null -j "$JOBS")"
  # semgrep: --project-root . makes the corpus a project without VCS, --no-git-ignore
  # keeps git out of it; without a .semgrepignore of its own semgrep would apply a
  # built-in default one (tests/, test/, *_test.go, ...), which
  # --x-ignore-semgrepignore-files turns off, so semgrep scans the tests authgate scans.
  sg_cmd="$(qjoin "$SEMGREP" scan --config "$HERE/semgrep-rules/" --metrics=off --disable-version-check \
    -j "$JOBS" --json -o /dev/null --project-root . --no-git-ignore --x-ignore-semgrepignore-files --quiet .)"
  ast_cmd="$(qjoin "$AST_GREP" scan -c "$WORK/ast-grep/sgconfig.yml" -j "$JOBS" --json=compact .)"
  rg_cmd="$(qjoin "$RG" -l -j "$JOBS" -F "${rg_types[@]}" "${rg_kw[@]}" .)"

  cd "$CORPUS"
  log "finding counts (one run each, outputs in $WORK)"
  "$AUTHGATE" scan . --format json -o "$WORK/authgate-findings.json" -j "$JOBS" --show-controls 2>/dev/null || true
  "$AUTHGATE" scan . --format json -o "$WORK/authgate-noprefilter-findings.json" -j "$JOBS" --show-controls --no-prefilter 2>/dev/null || true
  "$SEMGREP" scan --config "$HERE/semgrep-rules/" --metrics=off --disable-version-check -j "$JOBS" --json \
    -o "$WORK/semgrep-findings.json" --project-root . --no-git-ignore --x-ignore-semgrepignore-files --quiet . \
    2>"$WORK/semgrep.stderr" || true
  "$AST_GREP" scan -c "$WORK/ast-grep/sgconfig.yml" -j "$JOBS" --json=stream --inspect summary . \
    >"$WORK/ast-grep-findings.jsonl" 2>"$WORK/ast-grep.stderr" || true
  AST_GREP_FILES="$(sed -n 's/.*scannedFileCount=\([0-9]*\).*/\1/p' "$WORK/ast-grep.stderr" | tail -n 1)"
  RG_FILES="$("$RG" --files "${rg_types[@]}" . | wc -l)"
  RG_MATCHING="$(eval "$rg_cmd" | wc -l)"

  log "hyperfine: --warmup 1 --runs $RUNS, $JOBS threads each, in $CORPUS"
  hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hyperfine.json" \
    -n "authgate" "$ag" \
    -n "authgate --no-prefilter" "$ag --no-prefilter" \
    -n "authgate --no-facts" "$ag --no-facts" \
    -n "ast-grep" "$ast_cmd" \
    -n "semgrep" "$sg_cmd" \
    -n "ripgrep (floor)" "$rg_cmd"
  cd "$ROOT"

  local versions
  versions="authgate $("$AUTHGATE" --version | awk '{print $2}') (built from $BUILD_COMMIT), semgrep $("$SEMGREP" --version 2>/dev/null | tail -n 1), $("$AST_GREP" --version), $("$RG" --version | head -n 1), $(hyperfine --version)"
  BENCH_DATE="$(date -u +%Y-%m-%d)" \
  BENCH_MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
  BENCH_JOBS="$JOBS" BENCH_RUNS="$RUNS" BENCH_CORPUS_TABLE="$CORPUS_TABLE" BENCH_VERSIONS="$versions" \
  BENCH_AST_GREP_FILES="$AST_GREP_FILES" BENCH_RG_FILES="$RG_FILES" BENCH_RG_MATCHING="$RG_MATCHING" \
  BENCH_COMMANDS="$(printf '%s\n' "authgate: $ag" "ast-grep: $ast_cmd" "semgrep: $sg_cmd" "ripgrep: $rg_cmd")" \
    python3 "$HERE/tools.py" save-meta "$WORK/meta.json"
  python3 "$HERE/tools.py" report "$WORK" "$HERE/results.md"
}

if [[ $MODE == report-only ]]; then
  # Rewrites results.md from the last run's files in scratch/.
  python3 "$HERE/tools.py" report "$WORK" "$HERE/results.md"
  exit 0
fi
build_authgate
install_peers
assemble_corpus
[[ $MODE == corpus-only ]] && exit 0
run_bench
