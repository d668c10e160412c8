import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> pathlib.Path:
    return REPO


@pytest.fixture(scope="session")
def cli() -> str:
    """Path to the `gongkai` CLI binary (scripts/test-python.sh builds it and sets GONGKAI_CLI)."""
    path = os.environ.get("GONGKAI_CLI") or shutil.which("gongkai")
    if not path:
        for profile in ("debug", "release"):
            candidate = REPO / "target" / profile / "gongkai"
            if candidate.exists():
                path = str(candidate)
                break
    if not path:
        subprocess.run(["cargo", "build", "--quiet", "--bin", "gongkai"], cwd=REPO, check=True)
        path = str(REPO / "target" / "debug" / "gongkai")
    return path
