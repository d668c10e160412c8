#!/usr/bin/env bash
# Builds the npm package into bindings-wasm/pkg/: the release .wasm (profile wasm-release:
# opt-level 3, fat LTO, WebAssembly SIMD via .cargo/config.toml), wasm-opt -O3 when binaryen is
# installed, the JS glue from wasm-bindgen-cli (--target web; node.js wraps it for node), then
# the package files from pkg-src/.
#   bash bindings-wasm/build.sh                 → bindings-wasm/pkg/        (default: no file readers)
#   bash bindings-wasm/build.sh --features files → bindings-wasm/pkg-files/  (scanFile/redactFile)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bindings-wasm/pkg
features=()
if [ "${1:-}" = "--features" ] && [ "${2:-}" = "files" ]; then
  out=bindings-wasm/pkg-files
  features=(--features files)
fi
cargo build -p gongkai-wasm --profile wasm-release --target wasm32-unknown-unknown --locked "${features[@]}"
rm -rf "$out" && mkdir -p "$out"
wasm=target/wasm32-unknown-unknown/wasm-release/gongkai_wasm.wasm
if command -v wasm-opt >/dev/null; then
  # Optimise before wasm-bindgen: Debian 12's binaryen (108) breaks the externref table that
  # wasm-bindgen adds, but handles rustc's output (with the features rustc emits named).
  wasm-opt -O3 --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue --enable-simd \
    "$wasm" -o target/wasm32-unknown-unknown/wasm-release/gongkai_wasm.opt.wasm
  wasm=target/wasm32-unknown-unknown/wasm-release/gongkai_wasm.opt.wasm
else
  echo "note: wasm-opt (Debian package binaryen) not found; the .wasm is not post-optimised" >&2
fi
wasm-bindgen --target web --out-dir "$out" --out-name gongkai "$wasm"
# Options arguments are optional in JS; wasm-bindgen's unchecked_param_type makes them required
# in the .d.ts, so mark them optional (tsc --noEmit in the tests checks the result).
sed -i -E 's/^(export function (items|check|scan|redact|requestTimeline|siteCheck|proactiveCandidates)\(.*)(filter|options|mode): ([A-Za-z]+)\)/\1\3?: \4)/' "$out/gongkai.d.ts"
cp bindings-wasm/pkg-src/* "$out/"
echo "built $out: $(stat -c %s "$out/gongkai_bg.wasm") bytes wasm, $(gzip -9c "$out/gongkai_bg.wasm" | wc -c) gzipped"
