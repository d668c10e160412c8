"""The hand-written stubs (gongkai/__init__.pyi) must match the module: mypy's stubtest compares
names, signatures (from pyo3's text signatures) and kinds of every public object."""

import pathlib
import subprocess
import sys

import gongkai

ALLOWLIST = pathlib.Path(__file__).with_name("stubtest-allowlist.txt")


def test_stubtest_agrees_with_the_module():
    cmd = [sys.executable, "-m", "mypy.stubtest", "gongkai", "--allowlist", str(ALLOWLIST)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_public_name_is_in_all_and_stubbed():
    stub = pathlib.Path(gongkai.__file__).with_name("__init__.pyi").read_text(encoding="utf-8")
    for name in gongkai.__all__:
        assert hasattr(gongkai, name), name
        assert name in stub, name
    assert pathlib.Path(gongkai.__file__).with_name("py.typed").exists()
