#!/usr/bin/env python3
"""Writes a large, hostile JSON Lines file for the resource-bound runs of `gongkai check` and
Python's `check_many(Path)` (issue 28): realistic publication records mixed with invalid JSON,
lines of form feed / BOM / NBSP, deep nesting, GBK bytes, numbers past 64 bits, lone surrogate
escapes, a few records of tens of MB and a few lines past the 64 MB record limit.

    python3 benches/hostile_jsonl.py /tmp/hostile.jsonl --size-mb 940
    /usr/bin/time -v target/release/gongkai check /tmp/hostile.jsonl --format json > /dev/null
    /usr/bin/time -v .venv/bin/python -c "import gongkai, pathlib; gongkai.check_many(pathlib.Path('/tmp/hostile.jsonl'))"

The file is not committed (it is ~1 GB); the generator is deterministic (fixed seed).
"""
import argparse
import json
import random

BASE = {
    "kind": "publication",
    "institution": {"kind": "administrative", "tier": "county", "role": "government", "name": "某县人民政府"},
    "item": "admin.art20.01",
    "title": "某县人民政府关于印发《某县城乡居民基本医疗保险实施办法》的通知",
    "document_number": "某政发〔2026〕3号",
    "formed": "2026-03-02",
    "published": "2026-03-10",
    "channels": ["government_website"],
    "fields": {"document_title": "某县城乡居民基本医疗保险实施办法", "document_number": "某政发〔2026〕3号", "issue_date": "2026-03-02"},
    "review": [{"stage": "confidentiality", "date": "2026-03-05", "reviewer_role": "县政府办保密审查员"}],
}
PROSE = "各乡镇人民政府，县政府各部门：现将《某县城乡居民基本医疗保险实施办法》印发给你们，请认真贯彻执行。"
PERSONAL = ["当事人张三，身份证号11010519491231002X", "联系电话13812345678", "邮箱zhang.san@example.com", "护照E12345678"]


def record(rng, i, body_chars):
    r = dict(BASE, id=f"r{i}")
    body = (PROSE * (body_chars // len(PROSE) + 1))[:body_chars]
    if rng.random() < 0.3:
        body += rng.choice(PERSONAL)
    r["body"] = body
    return json.dumps(r, ensure_ascii=False).encode()


def hostile(rng, i):
    kind = rng.randrange(12)
    if kind == 0:
        return b'{"kind": "publication", "title": '  # unclosed
    if kind == 1:
        return rng.choice([b"\x0c", b"\xef\xbb\xbf", b"\x0b", b"\xc2\xa0", b"\xef\xbb\xbf\xef\xbb\xbf"])
    if kind == 2:
        return b"[" * 5000 + b"]" * 5000
    if kind == 3:
        return b'{"title": "\xb9\xab\xbf\xaa"}'  # GBK
    if kind == 4:
        return b'{"kind": "publication", "title": 18446744073709551616}'
    if kind == 5:
        return b'{"kind": "publication", "title": 1e400}'
    if kind == 6:
        return b'{"kind": "publication", "title": "\\ud800"}'
    if kind == 7:
        return b"\x0c" + record(rng, i, 200)
    if kind == 8:
        return b"\xc2\xa0" + record(rng, i, 200)
    if kind == 9:
        return b""
    if kind == 10:
        return b'{"kind": "publication", "fields": {"a": [' + b"1," * 20000 + b"1]}}"
    return b'{"kind": "request", "received": "2026-13-40"}'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--size-mb", type=int, default=940)
    ap.add_argument("--seed", type=int, default=28)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    target = args.size_mb << 20
    written = 0
    # Big lines spread through the file: records of 20-40 MB (checked) and lines of 70 MB
    # (past the 64 MB limit: reported, skipped without being held).
    big_at = {int(target * k / 9) for k in range(1, 9)}
    with open(args.out, "wb") as f:
        i = 0
        while written < target:
            i += 1
            if big_at and written >= min(big_at):
                big_at.discard(min(big_at))
                line = record(rng, i, rng.randrange(7, 14) << 20) if len(big_at) % 3 else b'{"body": "' + b"x" * (70 << 20) + b'"}'
            elif rng.random() < 0.25:
                line = hostile(rng, i)
            else:
                line = record(rng, i, rng.randrange(200, 2400))
            f.write(line + b"\n")
            written += len(line) + 1
    print(f"{i} lines, {written / (1 << 20):.0f} MB -> {args.out}")


if __name__ == "__main__":
    main()
