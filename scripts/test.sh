#!/usr/bin/env bash
# Runs every test: Rust (workspace), Python (bindings-py), browser (bindings-wasm).
# Installs what is missing first (scripts/setup.sh), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== core layers (no import from a layer above)"
python3 scripts/check-layers.py --self-test
python3 scripts/check-layers.py

echo "== rust: fmt, clippy, tests"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked

if [ -f bindings-py/pyproject.toml ]; then
  echo "== python"
  bash scripts/test-python.sh
fi
if [ -f bindings-wasm/Cargo.toml ]; then
  echo "== browser (wasm)"
  bash scripts/test-wasm.sh
fi
echo "== all tests passed"
