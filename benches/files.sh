#!/usr/bin/env bash
# Files as published, timed end to end with the release CLI (GNU time for peak memory):
#   a workbook of 500,000 cells of mixed Chinese text (targets: ≤ 5 s, ≤ 300 MB peak),
#   zip bombs that unpack to 1 GiB, honest and lying about their size (target: refused ≤ 2 s),
#   and for scale the same workbook read by calamine (the peer: cells only, no screening).
# The files are made by core/examples/make_files.rs into target/bench-files/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench-files
mkdir -p "$out"
cargo build --release -q -p gongkai-cli
cargo build --release -q -p gongkai --example make_files --example calamine_peer
make=target/release/examples/make_files
[ -f "$out/workbook.xlsx" ] || "$make" workbook "$out/workbook.xlsx" 500000
# The issue's figure: 500,000 cells in a 50 MB workbook (more random characters a cell, less packing).
[ -f "$out/workbook-50mb.xlsx" ] || "$make" workbook "$out/workbook-50mb.xlsx" 500000 9
[ -f "$out/bomb.xlsx" ] || "$make" bomb "$out/bomb.xlsx" 1024
[ -f "$out/bomb-lying.xlsx" ] || "$make" bomb "$out/bomb-lying.xlsx" 1024 --lie
ls -l "$out"
measure() {
    local label=$1; shift
    /usr/bin/time -f "$label: %e s, %M KB peak, exit %x" "$@" > /dev/null 2> "$out/time.txt" || true
    tail -n 1 "$out/time.txt"
}
measure "scan workbook.xlsx (500,000 cells)" target/release/gongkai scan "$out/workbook.xlsx" --format json
measure "calamine reading the same cells (peer)" target/release/examples/calamine_peer "$out/workbook.xlsx"
measure "scan workbook-50mb.xlsx (500,000 cells, 50 MB)" target/release/gongkai scan "$out/workbook-50mb.xlsx" --format json
measure "calamine reading the 50 MB workbook (peer)" target/release/examples/calamine_peer "$out/workbook-50mb.xlsx"
measure "scan bomb.xlsx (1 GiB declared)" target/release/gongkai scan "$out/bomb.xlsx"
measure "scan bomb-lying.xlsx (1 GiB, 100 bytes declared)" target/release/gongkai scan "$out/bomb-lying.xlsx"
