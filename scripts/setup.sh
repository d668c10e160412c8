#!/usr/bin/env bash
# Installs what the tests need and is missing; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo >/dev/null || { echo "cargo is required (rustup)" >&2; exit 2; }
rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy

if [ -f bindings-py/pyproject.toml ] && [ -f scripts/setup-python.sh ]; then
  bash scripts/setup-python.sh
fi
if [ -f bindings-wasm/Cargo.toml ] && [ -f scripts/setup-wasm.sh ]; then
  bash scripts/setup-wasm.sh
fi
