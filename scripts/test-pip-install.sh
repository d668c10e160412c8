#!/usr/bin/env bash
# `pip install ./bindings-py` into a fresh virtual environment, as a user installs gongkai into
# their own environment (PEP 517: pip fetches maturin from PyPI as the build backend), then
# imports it from outside the repository and checks a record. The wheel is built in the
# workspace's target/ (CARGO_TARGET_DIR), so after scripts/test-python.sh it reuses that build.
# Skipped, with a note, when no virtual environment can be made (python3-venv missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! python3 -m venv "$tmp/venv" >/dev/null 2>&1; then
  echo "note: python3 -m venv failed (python3-venv missing?): pip install test skipped" >&2
  exit 0
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
started=$(date +%s)
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check "$root/bindings-py"
installed=$(date +%s)
# From the temporary folder: the installed package, not bindings-py/python, is imported.
cd "$tmp"
"$tmp/venv/bin/python" - "$root" <<'PY'
import json, sys, pathlib
import gongkai

root = pathlib.Path(sys.argv[1])
assert pathlib.Path(gongkai.__file__).resolve().is_relative_to(pathlib.Path(sys.prefix).resolve()), gongkai.__file__
# The late normative document of the examples: late, with its citation (条例 Art 26's limit).
record = json.loads((root / "examples/records/admin/02-normative-document-late.json").read_text("utf-8"))
report = gongkai.check(record, lang="en")
codes = [d.code for d in report.diagnostics]
assert "publication_late" in codes, codes
assert not report.ok
# A record written here, with an ID number in a table row: found at its cell.
mine = {"kind": "publication", "institution": {"kind": "health", "tier": "hospital"}, "item": "health.art6.05",
        "title": "价格公示", "formed": "2026-03-02", "published": "2026-03-04", "channels": ["notice_board"],
        "fields": {"price_items": [{"name": "床位费", "contact": "11010519491231002X"}]},
        "review": [{"stage": "confidentiality", "date": "2026-03-03"}]}
found = [d for d in gongkai.check(mine).diagnostics if d.code == "screening_resident_id"]
assert [d.path for d in found] == ["/fields/price_items/0/contact"], found
print(f"installed gongkai from {pathlib.Path(gongkai.__file__).parent}: checks records")
PY
echo "pip install ./bindings-py in a fresh venv: ok (install $((installed - started)) s, in all $(( $(date +%s) - started )) s)"
