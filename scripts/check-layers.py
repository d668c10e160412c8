#!/usr/bin/env python3
"""Fails when a module of the core (core/src) imports from a layer above its own.

The layer order is declared once, in LAYERS below (docs/architecture.md describes it): a
module may use modules of its own layer and of the layers before it, never of a later one.
Every `crate::name` path counts (in `use` lines and in code), and a name the crate root
re-exports (`crate::Catalogue`) counts as the module it comes from (lib.rs's `pub use`).
A top-level module not listed is an error too, so a new module is placed on purpose.

    python3 scripts/check-layers.py            # check core/src
    python3 scripts/check-layers.py --self-test  # show it catches a planted upward import
"""

import re
import sys
import tempfile
from pathlib import Path

# Bottom first. Modules on one line are one layer.
LAYERS = [
    ["model", "error"],
    ["diagnostics", "data", "record"],
    ["calendar", "screening", "catalogue", "fees", "files"],
    ["deadlines"],
    ["schema"],
    ["check"],
    ["report", "sources", "site"],
    ["registry"],
    ["filter"],
    ["facade"],
]

# Known upward imports, each with the reason it is still there. Keep this empty: an entry is a
# debt with an owner, not a permission.
ALLOWED = set()

LAYER_OF = {m: i for i, layer in enumerate(LAYERS) for m in layer}
PATH = re.compile(r"\bcrate::([A-Za-z_][A-Za-z0-9_]*)")
GROUP = re.compile(r"\buse\s+crate::\{([^;]*)\};", re.S)
ROOT_USE = re.compile(r"^pub use ([a-z_]+)::(\{[^;]*\}|[A-Za-z_][A-Za-z0-9_]*);", re.M)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def root_names(src):
    """Names the crate root re-exports, and the module each comes from."""
    names = {}
    lib = src / "lib.rs"
    if not lib.exists():
        return names
    for module, items in ROOT_USE.findall(strip_comments(lib.read_text(encoding="utf-8"))):
        for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", items):
            names[name] = module
    return names


def module_of(src, path):
    rel = path.relative_to(src).parts
    if len(rel) == 1:
        return None if rel[0] in ("lib.rs", "main.rs") else rel[0].removesuffix(".rs")
    return rel[0]


def imported(text, roots):
    """Top-level modules a file's `crate::` paths name."""
    text = strip_comments(text)
    names = PATH.findall(text)
    for group in GROUP.findall(text):
        names += [p.split("::")[0] for p in re.findall(r"[A-Za-z_][A-Za-z0-9_:]*", group)]
    return {roots.get(n, n) for n in names if n not in ("self", "super")}


def check(src):
    src = Path(src)
    roots = root_names(src)
    problems = []
    for path in sorted(src.rglob("*.rs")):
        module = module_of(src, path)
        if module is None:
            continue
        if module not in LAYER_OF:
            problems.append(f"{path}: module `{module}` is in no layer (add it to LAYERS in scripts/check-layers.py)")
            continue
        for used in sorted(imported(path.read_text(encoding="utf-8"), roots)):
            if used == module or used not in LAYER_OF and used not in roots.values():
                continue
            if (path.relative_to(src).as_posix(), used) in ALLOWED:
                continue
            if used not in LAYER_OF:
                problems.append(f"{path}: uses `crate::{used}`, which is in no layer")
            elif LAYER_OF[used] > LAYER_OF[module]:
                problems.append(
                    f"{path}: `{module}` (layer {LAYER_OF[module]}) uses `crate::{used}` (layer {LAYER_OF[used]}), a layer above it"
                )
    return problems


def self_test():
    """A planted upward import (model → check) must be reported; the same tree without it not."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        (src / "model").mkdir()
        (src / "lib.rs").write_text("pub mod model;\npub mod check;\npub use check::{Checker};\n")
        (src / "check.rs").write_text("use crate::model::Item;\npub struct Checker;\n")
        (src / "model" / "mod.rs").write_text("// crate::check in a comment does not count\npub struct Item;\n")
        if check(src):
            return ["the clean tree was reported: " + "; ".join(check(src))]
        (src / "model" / "mod.rs").write_text("use crate::{Checker};\npub struct Item;\n")
        found = check(src)
        if not any("`model` (layer 0) uses `crate::check`" in p for p in found):
            return [f"a planted upward import (model → check) was not reported: {found}"]
    return []


def main():
    if "--self-test" in sys.argv:
        problems = self_test()
        print("check-layers self-test: " + ("ok" if not problems else "FAILED"))
    else:
        src = Path(__file__).resolve().parent.parent / "core" / "src"
        problems = check(src)
        if not problems:
            print(f"check-layers: no upward import in {src}")
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
