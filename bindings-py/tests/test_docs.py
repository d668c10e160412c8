"""Every ```python block in docs/python.md and in the README runs, in order, in one namespace per
file (as a reader would), from the repository root (the README's paths are relative to it)."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "python.md"
README = ROOT / "README.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def test_docs_examples_run():
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    namespace: dict = {}
    for i, code in enumerate(blocks):
        exec(compile(code, f"{DOC}:block{i}", "exec"), namespace)


def test_readme_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "the README has Python examples"
    namespace: dict = {}
    for i, code in enumerate(blocks):
        exec(compile(code, f"{README}:block{i}", "exec"), namespace)
    assert namespace["report"].ok is False
    assert len(namespace["reports"]) == len(namespace["records"]) > 0
