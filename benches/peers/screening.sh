#!/usr/bin/env sh
# One comparison run: Python `re`, node RegExp and gongkai (criterion) over the same corpus.
# Quote ratios from a single run; the machine's load moves absolute figures.
set -eu
cd "$(dirname "$0")/../.."
python3 benches/peers/screening_peer.py tests/corpus/corpus.jsonl
node benches/peers/screening_peer.mjs tests/corpus/corpus.jsonl
cargo bench -p gongkai --bench screening -- --warm-up-time 1 --measurement-time 3 scan/ 2>&1 | grep -E '^screening|thrpt:' | grep -v '%'
