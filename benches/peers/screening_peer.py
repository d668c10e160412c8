#!/usr/bin/env python3
"""Peer for the screening benchmark: the same detectors written with Python `re` plus the same
check-character validation, over the same corpus (tests/corpus/corpus.jsonl) as
core/benches/screening.rs. Prints MB/s (1 MB = 10^6 bytes of UTF-8) for `dense` and `plain`.

    python3 benches/peers/screening_peer.py [corpus.jsonl]
"""

import json
import re
import sys
import time

ID18 = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])")
ID15 = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+86[- ]?|0086[- ]?)?1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})(?![0-9A-Za-z*])")
CARD = re.compile(r"(?<![0-9A-Za-z])[3-69]\d{3}(?:\d{12,15}|(?: \d{4}){3}(?: \d{1,4})?)(?![0-9A-Za-z])")
EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
DOCS = re.compile(r"(?<![0-9A-Za-z])(?:E[A-HJ-NP-Z0-9]\d{7}|[GDSP]\d{8}|C[A-HJ-NP-Z0-9]\d{7}|W\d{8}|[HM]\d{8}(?:\d{2})?)(?![0-9A-Za-z])")
PLATE = re.compile(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·\- ]?(?:[DF]\d{5}|\d{5}[DF]|[A-HJ-NP-Z0-9]{5})(?![0-9A-Za-z])")
CREDIT = re.compile(r"(?<![0-9A-Za-z])[1-9ANY][1-9]\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Za-z])")
MARKING = re.compile(r"(?:绝密|机密|秘密)\s?★\s?(?:\d{1,3}(?:个月|年|月|天|日)|长期)?|(?m:^[【\[（(]?(?:内部资料|内部文件|内部材料|注意保存)(?:[，、 ]?注意保存)?)")

W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W_CREDIT = [pow(3, i, 31) for i in range(17)]


def id_ok(s):
    body = s[:17]
    return "10X98765432"[sum(int(d) * w for d, w in zip(body, W_ID)) % 11] == s[17].upper()


def luhn(d):
    total = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2:
            v = v * 2 - 9 if v > 4 else v * 2
        total += v
    return total % 10 == 0


def credit_ok(s):
    t = sum(CREDIT_CHARS.index(c) * w for c, w in zip(s[:17], W_CREDIT))
    return CREDIT_CHARS[(31 - t % 31) % 31] == s[17]


def scan(text):
    found = []
    for m in ID18.finditer(text):
        if id_ok(m.group()):
            found.append(("resident_id", m.start()))
    found += [("resident_id_legacy", m.start()) for m in ID15.finditer(text)]
    found += [("mobile", m.start()) for m in MOBILE.finditer(text)]
    for m in CARD.finditer(text):
        if luhn(m.group().replace(" ", "")):
            found.append(("bank_card", m.start()))
    found += [("email", m.start()) for m in EMAIL.finditer(text)]
    found += [("passport_or_permit", m.start()) for m in DOCS.finditer(text)]
    found += [("vehicle_plate", m.start()) for m in PLATE.finditer(text)]
    for m in CREDIT.finditer(text):
        if credit_ok(m.group()):
            found.append(("credit_code", m.start()))
    found += [("marking", m.start()) for m in MARKING.finditer(text)]
    return found


def texts(path, only_unlabelled):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if only_unlabelled and rec["labels"]:
                continue
            out.append(rec["text"] + "\n")
    return "".join(out)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/corpus/corpus.jsonl"
    for name in ("dense", "plain"):
        text = texts(path, name == "plain")
        size = len(text.encode("utf-8"))
        best = float("inf")
        count = 0
        for _ in range(5):
            t0 = time.perf_counter()
            count = len(scan(text))
            best = min(best, time.perf_counter() - t0)
        print(f"python-re scan/{name}: {size / best / 1e6:.1f} MB/s ({size} bytes, {count} matches, best of 5)")


if __name__ == "__main__":
    main()
