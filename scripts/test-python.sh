#!/usr/bin/env bash
# Builds the Python extension (release, abi3) into .venv and runs the pytest suite.
# pytest's exit 5 (no tests collected) is a failure, like any other non-zero exit. Then
# scripts/test-pip-install.sh installs the package with pip into a fresh venv and uses it.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || bash scripts/setup-python.sh
export VIRTUAL_ENV="$PWD/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

# `maturin develop` installs into the active venv; --release because the tests run batches.
(cd bindings-py && maturin develop --release --quiet)

# The CLI answers the conformance tests compare against.
cargo build --quiet --bin gongkai
export GONGKAI_CLI="$PWD/target/debug/gongkai"

set +e
python -m pytest bindings-py/tests -q "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"

# Installing into an environment of one's own: `pip install ./bindings-py` in a fresh venv,
# reusing the release build above through target/ (skipped when no venv can be made).
bash scripts/test-pip-install.sh
