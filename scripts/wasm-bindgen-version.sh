#!/usr/bin/env bash
# Prints the wasm-bindgen version locked in Cargo.lock: the one place the version is pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
