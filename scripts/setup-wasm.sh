#!/usr/bin/env bash
# Installs what the browser package needs and is missing; safe to run again.
#   rustup target wasm32-unknown-unknown; wasm-bindgen-cli at the version pinned in
#   bindings-wasm/Cargo.toml (~3 min to build, skipped when it matches); Debian's chromium for the
#   end-to-end test and binaryen (wasm-opt) for size; the npm dev tools from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

pinned=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' bindings-wasm/Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$pinned" ]; then
  # Not --locked: the registry copy once lacked a pinned patch version of a dependency.
  cargo install wasm-bindgen-cli --version "$pinned"
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v wasm-opt >/dev/null || missing+=(binaryen)
# Chinese glyphs in the demo's screenshots and the audit's HTML report.
[ -d /usr/share/fonts/truetype/wqy ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  # binaryen is optional (a smaller .wasm); chromium is needed for the end-to-end test.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}" ||
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium fonts-wqy-microhei
fi

(cd bindings-wasm && npm ci --no-audit --no-fund)
