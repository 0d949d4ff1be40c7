#!/usr/bin/env bash
# Installs what the build and the tests need. Safe to rerun: each step checks first.
#   scripts/setup.sh build   — wasm target, wasm-bindgen CLI (pinned to Cargo.lock), npm packages
#                              (binaryen's wasm-opt, playwright-core; versions in package-lock.json)
#   scripts/setup.sh test    — the above, plus Debian Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_install() {
  # apt-get needs root; on a machine without it, say what is missing instead of failing obscurely.
  if [ "$(id -u)" != 0 ]; then
    log "need root to install $*; install it and rerun"
    return 1
  fi
  if [ ! -f /tmp/.budget-check-apt-updated ]; then
    apt-get update -qq && touch /tmp/.budget-check-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The one pin: the wasm-bindgen version in Cargo.lock. The CLI must match it exactly.
[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(scripts/wasm-bindgen-version.sh)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --quiet
fi

# npm's binaryen, not Debian's: binaryen 108 writes wasm-bindgen's externref table as anyref and
# the optimised module then fails to start ("Table.grow(): failed to grow table").
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = test ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian chromium"
  apt_install chromium
fi
