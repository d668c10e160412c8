#!/usr/bin/env bash
# Browser package tests: release build + wasm-bindgen (+ wasm-opt), the .d.ts checked by tsc,
# the node suites (shared conformance cases, API, hostile input), then the demo driven in headless
# Chromium. Run scripts/setup-wasm.sh first on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash bindings-wasm/build.sh
# The files-enabled build (scanFile/redactFile), for test/files.test.mjs and the drop-zone page.
bash bindings-wasm/build.sh --features files
cd bindings-wasm
echo "== tsc --noEmit"
npx tsc -p tsconfig.json
echo "== node --test (package)"
node --test test/
echo "== node --test (Chromium end-to-end)"
node --test e2e/
