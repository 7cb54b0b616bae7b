#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline apart from the npm registry and Debian's apt:
#   - Debian's chromium (driven by playwright-core; never `npx playwright install`), plus the
#     libkrb5 headers and ripgrep that code-server's native modules and search need;
#   - code-server 4.100.3 (VS Code 1.100.3, the newest release that runs on Node 20) into
#     .e2e/code-server, without its postinstall (which downloads ripgrep from GitHub).
# Idempotent: each part is skipped when it is already there. Run as root for the apt part.
# --no-browser: code-server only (what `npm start` needs), without chromium.
set -euo pipefail

CS_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${CONTAINMENT_CODE_SERVER_DIR:-$ROOT/.e2e/code-server}"
APT_PACKAGES=(chromium libkrb5-dev ripgrep)
WANT_BROWSER=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) WANT_BROWSER=0; APT_PACKAGES=(libkrb5-dev ripgrep) ;;
    -h|--help) echo "usage: bash scripts/e2e/install.sh [--no-browser]"; exit 0 ;;
    *) echo "[e2e:install] unknown option: $arg" >&2; exit 2 ;;
  esac
done

say() { printf '[e2e:install] %s\n' "$*"; }
fail() { trap - EXIT; printf '[e2e:install] ERROR: %s\n' "$*" >&2; exit 1; }
step=''
trap 'rc=$?; [ $rc -ne 0 ] && printf "[e2e:install] ERROR: failed (exit %s) during: %s\n" "$rc" "${step:-setup}" >&2' EXIT

started=$SECONDS

# --- Debian packages ---------------------------------------------------------------------------
step='checking Debian packages'
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "Debian packages present: ${APT_PACKAGES[*]}"
elif [ "$(id -u)" -ne 0 ]; then
  fail "missing Debian packages: ${missing[*]}. Install them as root: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
else
  step='apt-get update'
  say "apt-get update (missing: ${missing[*]})"
  apt-get update -qq
  step="apt-get install ${missing[*]}"
  say "apt-get install -y --no-install-recommends ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ "$WANT_BROWSER" = 0 ] || [ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after the install"
command -v rg >/dev/null || fail "ripgrep (rg) is missing after the install"

# --- code-server -------------------------------------------------------------------------------
step='checking code-server'
CS_BIN="$DEST/node_modules/.bin/code-server"
# Without --config, code-server writes ~/.config/code-server/config.yaml (with a password) first.
cs_version() { "$CS_BIN" --config "$DEST/version-check.yaml" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n1 || true; }
current=''
if [ -x "$CS_BIN" ]; then current="$(cs_version)"; fi
if [[ "$current" == "$CS_VERSION "* ]]; then
  say "code-server present: $current ($DEST)"
  say "done in $((SECONDS - started)) s"
  exit 0
fi

command -v node >/dev/null || fail "node is not on PATH (Node 20 is needed)"
command -v npm >/dev/null || fail "npm is not on PATH"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node $node_major found; code-server $CS_VERSION needs Node 20"
for tool in make g++ python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing: native modules are built with node-gyp (apt-get install -y build-essential python3)"
done

if [ -e "$DEST" ]; then
  say "removing an incomplete or other-version code-server in $DEST${current:+ ($current)}"
  rm -rf "$DEST"
fi
mkdir -p "$DEST"
cd "$DEST"
echo '{"private":true}' > package.json
echo 'auth: none' > version-check.yaml

step="npm install code-server@$CS_VERSION"
say "npm install --ignore-scripts code-server@$CS_VERSION (its postinstall would download ripgrep)"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"

VS="$DEST/node_modules/code-server/lib/vscode"
[ -d "$VS" ] || fail "$VS is missing after npm install"
cd "$VS"
step='npm install (lib/vscode)'
say "npm install --omit=dev --ignore-scripts in lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

step='npm rebuild native modules (lib/vscode)'
say "npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog"
npm_config_yes=true npm rebuild --loglevel=error kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog

step='links (ripgrep, node_modules.asar, remote-cli, helpers)'
say "linking /usr/bin/rg, node_modules.asar, bin/remote-cli/code-server, bin/helpers/browser.sh"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

step='npm install (lib/vscode/extensions)'
say "npm install --omit=dev --ignore-scripts in lib/vscode/extensions"
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

step='npm rebuild argon2'
cd "$DEST"
say "npm rebuild argon2"
npm_config_yes=true npm rebuild --loglevel=error argon2

step='checking the installed code-server'
version="$(cs_version)"
[[ "$version" == "$CS_VERSION "* ]] || fail "code-server --version answered '$version', expected $CS_VERSION"
say "code-server installed: $version ($DEST)"
say "done in $((SECONDS - started)) s"
