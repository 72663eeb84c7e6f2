#!/usr/bin/env bash
# Installs what test/vscode/runInCodeServer.mjs needs to run the extension's
# test suite inside a real VS Code (code-server) driven by headless Chromium,
# on machines that reach only the npm registry and Debian apt.
#
#   - Debian packages: libkrb5-dev ripgrep chromium fonts-dejavu-core
#     (apt-get only when one is missing; needs root then)
#   - code-server + playwright-core into .vscode-test/code-server/ (its own
#     npm prefix and package.json; the repo's package.json is not touched)
#
# Idempotent: a second run only checks and exits (a stamp file records the
# versions). Set TERMGUARD_VSCODE_FORCE_INSTALL=1 to reinstall the npm part.
# See test/vscode/README.md and /work/shared/docs/real-editor.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3        # last release whose engines.node accepts Node 20
PLAYWRIGHT_CORE_VERSION=1.65.1     # engines.node >=20; no browser download
RIPGREP_PKG_VERSION=1.15.11        # @vscode/ripgrep version in code-server 4.100.3's shrinkwrap
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(libkrb5-dev ripgrep chromium fonts-dejavu-core)

# npm 11 skips dependency install scripts unless package.json#allowScripts
# (or an npmrc allow-scripts) lists them, and code-server is useless without
# them (native modules, ripgrep, and its own postinstall that runs nested
# `npm install`s in lib/vscode and lib/vscode/extensions). We allow exactly
# these, pinned, and set strict-allow-scripts so any other script is a hard
# error instead of a silently half-installed code-server. The Windows-only
# ones are harmless no-ops on Linux but are "unreviewed" without an entry.
TOP_ALLOW_SCRIPTS=("argon2@0.31.2")   # code-server's own deps (its shrinkwrap)
VSCODE_ALLOW_SCRIPTS=(                 # lib/vscode's deps (its shrinkwrap)
  "@parcel/watcher@2.5.1"
  "@vscode/deviceid@0.1.1"
  "@vscode/ripgrep@${RIPGREP_PKG_VERSION}"
  "@vscode/spdlog@0.15.1"
  "@vscode/windows-process-tree@0.6.0"
  "@vscode/windows-registry@1.1.0"
  "kerberos@2.1.1"
  "native-watchdog@1.4.2"
  "node-pty@1.1.0-beta33"
)

die() { printf '\ninstall.sh: ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf 'install.sh: %s\n' "$*"; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
CACHE="${TERMGUARD_VSCODE_CACHE:-$REPO_ROOT/.vscode-test/code-server}"
STAMP="$CACHE/.termguard-installed"
STAMP_CONTENT="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION node-major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"

# ---------------------------------------------------------------- checks ---
command -v node >/dev/null || die "node is not installed (Node 20 is required)."
command -v npm >/dev/null || die "npm is not installed."
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = 20 ] || die "code-server $CODE_SERVER_VERSION requires Node 20, found $(node -v)."

# Checks that the npm part is complete: every file below is produced by an
# install script, so a missing one means scripts were skipped or failed.
verify_cache() {
  local missing=()
  local vs="$CACHE/node_modules/code-server/lib/vscode"
  local f
  for f in \
    "$CACHE/node_modules/.bin/code-server" \
    "$CACHE/node_modules/playwright-core/package.json" \
    "$CACHE/node_modules/argon2/lib/binding" \
    "$vs/node_modules.asar" \
    "$vs/bin/remote-cli/code-server" \
    "$vs/node_modules/@vscode/ripgrep/bin/rg" \
    "$vs/node_modules/node-pty/build/Release/pty.node" \
    "$vs/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
    "$vs/node_modules/kerberos/build/Release/kerberos.node" \
    "$vs/node_modules/native-watchdog/build/Release/watchdog.node" \
    "$vs/extensions/node_modules/typescript/lib/typescript.js"; do
    case "$f" in
    esac
    [ -e "$f" ] || missing+=("$f")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    printf '  missing: %s\n' "${missing[@]}" >&2
    return 1
  fi
  return 0
}

# ----------------------------------------------------------- apt packages ---
missing_apt=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing_apt+=("$p")
done
if [ "${#missing_apt[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing_apt[*]} — run as root or: sudo apt-get update && sudo apt-get install -y ${missing_apt[*]}"
  log "apt-get install ${missing_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null \
    || die "apt-get install ${missing_apt[*]} failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing the Debian package 'chromium'."
command -v rg >/dev/null || die "rg (Debian package 'ripgrep') not found."

# ---------------------------------------------------- fast path (cached) ---
if [ -z "${TERMGUARD_VSCODE_FORCE_INSTALL:-}" ] && [ -f "$STAMP" ] \
   && [ "$(cat "$STAMP")" = "$STAMP_CONTENT" ] && verify_cache; then
  log "code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_CORE_VERSION already in $CACHE (nothing to do)"
  exit 0
fi

# ------------------------------------------------------------ npm install ---
log "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_CORE_VERSION into $CACHE"
rm -f "$STAMP"
mkdir -p "$CACHE"

# Its own package.json, so the install never walks up to the repo's.
# write_cache_pkg <allow code-server's postinstall: true|false>
write_cache_pkg() {
  cat >"$CACHE/package.json" <<EOF
{
  "name": "termguard-vscode-test-cache",
  "private": true,
  "description": "Generated by test/vscode/install.sh. Not part of the extension.",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  },
  "allowScripts": {
    "code-server@$CODE_SERVER_VERSION": $1$(printf ',\n    "%s": true' "${TOP_ALLOW_SCRIPTS[@]}")
  }
}
EOF
}
write_cache_pkg false

# Pitfall 1: @vscode/ripgrep downloads rg from GitHub unless its tarball is
# already in $TMPDIR/vscode-ripgrep-cache-<version>/. Put Debian's rg there
# (a private TMPDIR, so nothing depends on /tmp's state).
INSTALL_TMP="$CACHE/.tmp"
mkdir -p "$INSTALL_TMP/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
RG_TARBALL="$INSTALL_TMP/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION/$RIPGREP_ASSET"
if [ ! -s "$RG_TARBALL" ]; then
  rgdir="$(mktemp -d "$INSTALL_TMP/rg.XXXXXX")"
  cp "$(command -v rg)" "$rgdir/rg"
  tar -czf "$RG_TARBALL" -C "$rgdir" rg
  rm -rf "$rgdir"
fi

export TMPDIR="$INSTALL_TMP"
export npm_config_strict_allow_scripts=true   # unreviewed install script => error
export npm_config_yes=true            # pitfall 2: node-pty's `npx node-gyp`
export npm_config_unsafe_perm=true    # pitfall 3: code-server's postinstall as root
export npm_config_nodedir=/usr        # pitfall 4: use installed Node headers
export npm_config_ignore_scripts=false
# ~/.npmrc may set omit-lockfile-registry-resolved=true; then `npm rebuild`
# cannot prove a package's version and pinned allowScripts entries never match.
export npm_config_omit_lockfile_registry_resolved=false
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
[ -f /usr/include/node/node.h ] || die "Node headers missing (/usr/include/node/node.h); native modules cannot build offline."

LOG="$CACHE/install.log"
: >"$LOG"
run_npm() { # run_npm <what> <npm args...>
  local what="$1"; shift
  echo "+ npm $*" >>"$LOG"
  if ! npm "$@" >>"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    die "$what failed; full log: $LOG"
  fi
}
start=$(date +%s)

# Step 1: everything, with code-server's own postinstall explicitly denied.
run_npm "npm install into $CACHE" install --prefix "$CACHE" --no-save --foreground-scripts --loglevel=warn

# Step 2: code-server's postinstall runs `npm install` in lib/vscode and
# lib/vscode/extensions, projects whose package.json has no allowScripts. An
# allow-scripts *config* cannot reach them: npm exports it to scripts as
# npm_config_allow_scripts, which a nested project-scoped install rejects
# (EALLOWSCRIPTS). So write the policy into those package.json files, then
# run code-server's postinstall through `npm rebuild`.
CS="$CACHE/node_modules/code-server"
[ -f "$CS/postinstall.sh" ] || die "code-server package not found in $CS after npm install"
node - "$CS/lib/vscode/package.json" "$CS/lib/vscode/extensions/package.json" "${VSCODE_ALLOW_SCRIPTS[@]}" <<'NODE'
const fs = require('fs');
const [vscodePkg, extPkg, ...allow] = process.argv.slice(2);
// lib/vscode/extensions is installed with --omit=dev: its only packages with
// install scripts are devDependencies that are never installed, but the
// strict preflight still sees them in its shrinkwrap, so deny them explicitly.
const policies = [
  [vscodePkg, Object.fromEntries(allow.map((e) => [e, true]))],
  [extPkg, { '@parcel/watcher': false, esbuild: false }],
];
for (const [file, policy] of policies) {
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  pkg.allowScripts = policy;
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}
NODE
write_cache_pkg true
run_npm "code-server's postinstall (npm rebuild code-server)" rebuild code-server --prefix "$CACHE" --foreground-scripts --loglevel=warn

if grep -n -E 'npm (warn|error) install-scripts|not covered by allowScripts|EALLOWSCRIPTS' "$LOG" >&2; then
  die "npm reported skipped/unreviewed install scripts (see above and $LOG); code-server would be incomplete."
fi
verify_cache || die "code-server installed but files made by its install scripts are missing (see above); full log: $LOG"

# Smoke test: the binary starts and is the expected version.
got="$("$CACHE/node_modules/.bin/code-server" --version 2>&1 || true)"
grep -q "^$CODE_SERVER_VERSION .* with Code " <<<"$got" || die "code-server --version did not report $CODE_SERVER_VERSION: $got"

echo "$STAMP_CONTENT" >"$STAMP"
log "done in $(( $(date +%s) - start ))s; $(du -sh "$CACHE" | cut -f1) in $CACHE (log: $LOG)"
