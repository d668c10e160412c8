#!/usr/bin/env bash
# Creates .venv at the repository root (if missing) with what the Python binding's build,
# tests and benchmark need. Idempotent: quick when everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi

# Loose pins: major versions known to work with the binding (abi3, Python >= 3.10).
REQUIREMENTS=(
  "maturin>=1.9,<2"
  "pytest>=8"
  "mypy>=1.10"
  "pandas>=2"
  "polars>=1"
  "pyarrow>=15"
  "dask[distributed]>=2024.1"
  "tqdm>=4"
  # file fixtures and their own readers for tests/test_scan_file.py
  "openpyxl>=3.1"
  "python-docx>=1.1"
  # peers for benches/peers/python_bench.py
  "jsonschema>=4"
  "fastjsonschema>=2.19"
  "chinesecalendar>=1.9"
)

# Skip pip entirely when every requirement is already satisfied (a second run takes < 1 s).
if .venv/bin/python - "${REQUIREMENTS[@]}" <<'PY' 2>/dev/null; then
import sys
from importlib.metadata import version, PackageNotFoundError
try:
    from packaging.requirements import Requirement
except ImportError:
    sys.exit(1)
for spec in sys.argv[1:]:
    req = Requirement(spec)
    try:
        if not req.specifier.contains(version(req.name), prereleases=True):
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
  echo "python: .venv is up to date"
  exit 0
fi

.venv/bin/python -m pip install --quiet --upgrade pip packaging
.venv/bin/python -m pip install --quiet "${REQUIREMENTS[@]}"
echo "python: .venv ready ($(.venv/bin/python --version))"
