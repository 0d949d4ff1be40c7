#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit and integration tests, the wasm module under
# Node, and the page in headless Chromium. Installs what is missing first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

echo "== format and lints"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --quiet -- -D warnings

echo "== Rust tests"
cargo test --quiet

echo "== build wasm + page"
scripts/build.sh

echo "== wasm under Node and page in headless Chromium"
node --test tests/js/
