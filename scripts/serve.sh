#!/usr/bin/env bash
# Builds everything and serves the checker page on http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve.mjs www "${PORT:-8080}"
