#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests, the wasm module under Node, and the page in
# headless Chromium. Installs what is missing first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

echo "== Rust tests"
cargo test --quiet

echo "== build wasm + page"
scripts/build.sh

echo "== wasm under Node and page in headless Chromium"
node --test tests/js/
