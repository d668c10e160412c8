#!/usr/bin/env python3
"""Counts the lines of code that read records, as the README's figures table quotes them.

Code lines: not blank, not only a comment, outside `#[cfg(test)]` modules. Files (and where
the reading starts in the files that also hold other things):
- core/src/record.rs, core/src/check/text.rs: whole;
- core/src/check/record.rs: from its "lenient reading" section on (the borrowed views the reader
  fills, and the reader; the types above it are the vocabulary's one declaration);
- core/src/deadlines/request.rs: from `pub fn read_request` on (above it: the request checks).

    python3 scripts/count-reader-lines.py
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    ("core/src/record.rs", None),
    ("core/src/check/text.rs", None),
    ("core/src/check/record.rs", "// ── lenient reading"),
    ("core/src/deadlines/request.rs", "pub fn read_request("),
]


def code_lines(text: str, start: str | None) -> tuple[int, int]:
    lines = text.splitlines()
    if start is not None:
        at = next(i for i, line in enumerate(lines) if line.lstrip().startswith(start))
        # the doc comment of the starting item belongs to it
        while at > 0 and lines[at - 1].lstrip().startswith("///"):
            at -= 1
        lines = lines[at:]
    code = total = 0
    in_tests = False
    for i, line in enumerate(lines):
        s = line.strip()
        if s == "#[cfg(test)]" and i + 1 < len(lines) and lines[i + 1].startswith("mod tests"):
            in_tests = True
        if in_tests:
            continue
        total += 1
        if s and not s.startswith("//"):
            code += 1
    return code, total


def main() -> None:
    counts = []
    for path, start in FILES:
        code, total = code_lines((ROOT / path).read_text(encoding="utf-8"), start)
        counts.append(code)
        print(f"{code:5} code lines ({total} with comments and blanks)  {path}" + (f" from `{start}`" if start else ""))
    print(f"{sum(counts):5} in all ({' + '.join(map(str, counts))})")


if __name__ == "__main__":
    main()
