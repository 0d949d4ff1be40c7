#!/usr/bin/env bash
# Builds the wasm module and the page into www/pkg (and a Node build into target/pkg-node).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

cargo build --lib --release --target wasm32-unknown-unknown --quiet
WASM=target/wasm32-unknown-unknown/release/budget_check.wasm

rm -rf www/pkg target/pkg-node
wasm-bindgen --target no-modules --out-dir www/pkg "$WASM"
wasm-bindgen --target nodejs --out-dir target/pkg-node "$WASM"
for f in www/pkg/budget_check_bg.wasm target/pkg-node/budget_check_bg.wasm; do
  node_modules/.bin/wasm-opt -Oz "$f" -o "$f.opt" && mv "$f.opt" "$f"
done

# Example documents the page can load.
mkdir -p www/pkg/samples
cp tests/fixtures/seeds/*.txt www/pkg/samples/
printf '[build] www/pkg/budget_check_bg.wasm: %s bytes\n' "$(wc -c < www/pkg/budget_check_bg.wasm)"
node scripts/single-file.mjs
