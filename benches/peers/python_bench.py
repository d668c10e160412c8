"""gongkai.check_many against pure-Python pipelines, measured in one run.

  A. jsonschema + re + chinese_calendar (the obvious pipeline)
  B. fastjsonschema (compiled) + precompiled re + a precomputed working-day table, on a subset
     of the checks
  S. the same tools doing the same checks as gongkai (the issue's peer: "a pure-Python pipeline
     doing the same checks", the best we could write)

Checks in A and B: the record schema, the item exists, the item's `fields` schema, the deadline
(N working days after `formed`, 条例第二十六条) against `published`, and screening of the body for
resident ID numbers (with the GB 11643 check digit), mobile numbers and classification markings.
S adds what gongkai also checks on these publication records: every missing field element
(fastjsonschema stops at the first error of a record), that the item applies to the institution
(kind, tier, role), that the channels are the catalogue's, the confidentiality review (保密审查),
the dates' order, the document number, ID numbers' region and birth date as well as the check
digit, bank card numbers (Luhn), e-mail addresses, passport, permit and plate numbers, internal-use
markings, in every string of the record (body, title, every string of `fields`), with the items' personal-data rules. The
run checks that S and gongkai report the same findings, (code, JSON pointer) by (code, pointer),
on the first 5,000 records; gongkai's diagnostics also carry a zh and an en message and a
citation, which S does not build. B's ratios are printed too: B is the lower bar.
From dicts, gongkai is also timed on one core (its threads pinned to one CPU) in the same rounds:
the ratio a host that gives one core shows; the pure-Python pipelines use one core in any case.
Also: per-call overhead of gongkai.check on a tiny record, and add_working_days against
chinese_calendar.find_workday. Figures are medians of several runs; each ratio to gongkai is the
median over rounds that time B, S and gongkai in turn. Quote the ratios.

gongkai gets fresh records for every timed run (json.loads of the same lines, or fresh copies of
the lines, outside the timing), as a pipeline reading records would: repeated runs over the same
objects would let it reuse the UTF-8 form CPython caches in each string.

Usage: .venv/bin/python benches/peers/python_bench.py [--records N] [--repeat R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import random
import re
import statistics
import time

import gongkai

REPO = pathlib.Path(__file__).resolve().parents[2]

# ── data ────────────────────────────────────────────────────────────────────────────────────

PHRASES = [
    "为进一步做好政务公开工作", "根据《中华人民共和国政府信息公开条例》", "结合本县实际", "现将有关事项通知如下",
    "各乡镇人民政府、县政府各部门", "请认真贯彻落实", "本办法自发布之日起施行", "加强组织领导", "明确责任分工",
    "严格落实保密审查制度", "及时回应社会关切", "推进决策公开、执行公开、管理公开、服务公开、结果公开",
]


def id_number(rng: random.Random) -> str:
    body = f"{rng.randint(110000, 659000)}{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def make_record(i: int, rng: random.Random, items: list[str]) -> dict:
    text = "".join(rng.choice(PHRASES) + "，" for _ in range(60))
    if i % 50 == 0:
        text += f"联系人身份证号{id_number(rng)}。"
    if i % 70 == 0:
        text += f"联系电话1{rng.choice('3589')}{rng.randint(100000000, 999999999)}。"
    formed = dt.date(2025, 1, 2) + dt.timedelta(days=rng.randint(0, 300))
    published = formed + dt.timedelta(days=rng.randint(0, 40))
    item = rng.choice(items) if i % 40 else "admin.art20.99"
    return {
        "kind": "publication",
        "id": f"rec-{i:06d}",
        "item": item,
        "institution": {"kind": "administrative", "tier": "county", "role": "government", "name": "某县人民政府"},
        "title": f"某县人民政府关于第{i}号事项的通知",
        "formed": formed.isoformat(),
        "published": published.isoformat(),
        "channels": ["government_website"],
        "fields": {"document_title": f"关于第{i}号事项的通知", "document_number": f"某府发〔2025〕{i % 300}号",
                   "issue_date": formed.isoformat()},
        "body": text,
    }


# ── pure-Python pipelines ─────────────────────────────────────────────────────────────────────

MARKING_RE = re.compile(r"(绝密|机密|秘密)\s*★")
# The best pipeline scans for digit runs once (ASCII classes are cheaper) and classifies each run.
# Spelled `[0-9][0-9]{10,}`, not `[0-9]{11,}`: the same matches, but `re` skips ahead to a digit
# only when a pattern starts with a single character class (2.5x faster on these bodies).
DIGIT_RUN_RE = re.compile(r"[0-9][0-9]{10,}[Xx]?", re.ASCII)
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_valid(s: str) -> bool:
    return "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], WEIGHTS)) % 11] == s[17].upper()


def record_schema() -> dict:
    generated = REPO / "catalogues" / "schema" / "record.schema.json"
    if generated.exists():
        return json.loads(generated.read_text(encoding="utf-8"))
    return {
        "type": "object",
        "required": ["kind", "item", "institution"],
        "properties": {
            "kind": {"enum": ["publication", "request"]}, "id": {"type": "string"}, "item": {"type": "string"},
            "institution": {"type": "object", "required": ["kind", "tier"]}, "title": {"type": "string"},
            "formed": {"type": "string", "format": "date"}, "published": {"type": "string", "format": "date"},
            "channels": {"type": "array", "items": {"type": "string"}}, "fields": {"type": "object"},
            "body": {"type": "string"},
        },
    }


def catalogue_data():
    cat = gongkai.Catalogue.default()
    items = {i["id"]: i for i in cat.items()}
    schemas = {i: cat.schema(i) for i in items}
    limits = {i: (it["timing"].get("days") if it["timing"].get("kind") == "within_working_days" else None) for i, it in items.items()}
    return items, schemas, limits


def prepare_a(schemas):
    import jsonschema

    return jsonschema.Draft202012Validator(record_schema()), {i: jsonschema.Draft202012Validator(s) for i, s in schemas.items()}


def pipeline_a(records, items, validators, limits):
    import chinese_calendar

    record_validator, field_validators = validators
    out = []
    for r in records:
        problems = [("schema", "/" + "/".join(map(str, e.path))) for e in record_validator.iter_errors(r)]
        item = r.get("item")
        if item not in items:
            problems.append(("item_unknown", "/item"))
        else:
            problems += [("field", "/fields") for _ in field_validators[item].iter_errors(r.get("fields", {}))]
            days = limits[item]
            if days and r.get("formed") and r.get("published"):
                formed = dt.date.fromisoformat(r["formed"])
                # find_workday counts a non-working start day as day 0's move: the law does not count it.
                due = chinese_calendar.find_workday(days if chinese_calendar.is_workday(formed) else days - 1, formed)
                if dt.date.fromisoformat(r["published"]) > due:
                    problems.append(("publication_late", "/published"))
        body = r.get("body", "")
        problems += [("id", "/body") for m in re.finditer(r"(?<!\d)(\d{17}[\dXx])(?!\d)", body) if id_valid(m.group(1))]
        problems += [("mobile", "/body") for _ in re.finditer(r"(?<!\d)(1[3-9]\d{9})(?!\d)", body)]
        problems += [("marking", "/body") for _ in re.finditer(r"(绝密|机密|秘密)\s*★", body)]
        out.append(problems)
    return out


def working_day_table(first: dt.date, last: dt.date):
    import chinese_calendar

    days, index, d = [], {}, first
    while d <= last:
        index[d.toordinal()] = len(days)  # working days on or before d
        if chinese_calendar.is_workday(d):
            days.append(d.toordinal())
            index[d.toordinal()] = len(days)
        d += dt.timedelta(days=1)
    return days, index


def prepare_b(schemas):
    import fastjsonschema

    return record_validator(), {i: fastjsonschema.compile(s) for i, s in schemas.items()}


def record_validator():
    """The record schema (a `oneOf` of a publication and a request), compiled by fastjsonschema,
    with each record validated against its own kind's branch: the branches' `kind` constants
    exclude each other, so this is the same test, and it skips trying the other branch. Returns
    a function giving a record's schema finding (`[]` or one `("schema", path)`)."""
    import fastjsonschema

    schema = record_schema()
    whole = fastjsonschema.compile(schema)
    base = {k: v for k, v in schema.items() if k != "oneOf"}
    by_kind = {kind: fastjsonschema.compile({**base, "$ref": f"#/$defs/{name}"})
               for kind, name in (("publication", "PublicationRecord"), ("request", "RequestRecord"))
               if name in schema.get("$defs", {})}

    def problems(r):
        """The record's schema finding, as a list the pipeline goes on to fill."""
        try:
            by_kind.get(r.get("kind"), whole)(r) if type(r) is dict else whole(r)
        except fastjsonschema.JsonSchemaException as e:
            return [("schema", e.name)]
        return []

    return problems


def ordinal_cache():
    """A date string's ordinal, parsed once per distinct string (records share dates)."""
    ordinal = {}

    def to_ordinal(s):
        o = ordinal.get(s)
        if o is None:
            o = ordinal[s] = dt.date.fromisoformat(s).toordinal()
        return o

    return to_ordinal


def pipeline_b(records, items, validators, limits, table):
    import fastjsonschema

    record_problems, validate_fields = validators
    days, index = table
    to_ordinal = ordinal_cache()
    out = []
    for r in records:
        problems = record_problems(r)
        item = r.get("item")
        if item not in items:
            problems.append(("item_unknown", "/item"))
        else:
            try:
                validate_fields[item](r.get("fields", {}))
            except fastjsonschema.JsonSchemaException as e:
                problems.append(("field", e.name))
            n = limits[item]
            if n and "formed" in r and "published" in r:
                due = days[index[to_ordinal(r["formed"])] + n - 1]
                if to_ordinal(r["published"]) > due:
                    problems.append(("publication_late", "/published"))
        body = r.get("body", "")
        for m in DIGIT_RUN_RE.finditer(body):
            run = m.group()
            if len(run) == 18 and id_valid(run):
                problems.append(("id", "/body"))
            elif len(run) == 11 and run[1] in "3456789" and run[0] == "1":
                problems.append(("mobile", "/body"))
        if "★" in body:
            problems += [("marking", "/body") for _ in MARKING_RE.finditer(body)]
        out.append(problems)
    return out


# ── the same checks as gongkai, in the best pure Python we could write ─────────────────────────
#
# Pipeline B does a subset of gongkai's checks. The issue's peer is "a pure-Python pipeline doing
# the same checks", so S adds, for the publication records here, what gongkai also checks: the
# item applies to the institution (kind, tier, role) and the institution is a known one; every
# absent required element (not only the first error); the channels are the item's; a
# confidentiality review is recorded, dated no later than publication and not rejected;
# `published` is not before `formed`; the document number agrees with the fields' and writes its
# year in 〔〕; the same screening of the body and of every string in `fields`: resident IDs with
# region and birth date as well as the check character (and the 15-digit form), mobile numbers
# bare, grouped or after +86/0086, bank cards (issuer prefix and Luhn), e-mail addresses,
# passports, permits and plates, classification and internal-use markings (unified social credit
# codes are told apart, not reported). What gongkai precomputes is precomputed here too, outside
# timing (required elements, channels); the items that apply to an institution are resolved once
# per institution and cached, as gongkai caches its scopes.

PROVINCES_2 = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
               "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83"}
MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
# ASCII tokens screening classifies: alphanumeric runs (after an optional `+`) with digit groups
# joined by one `-` or space. The pattern starts with one character class, so that `re` skips to
# a candidate rather than trying a match at every character (4x faster on a body than the
# alternation below). Short texts take the alternation, which matches only the tokens that can be
# a finding: digit groups, digit-led runs of 11 or more, `+` and digits, letter-led runs (a
# shorter digit run fails every branch at its start and cannot hold a longer one, so no match
# starts inside a run), and so spares the Python loop most tokens of a title or a date. E-mail
# addresses and markings are looked for only in texts that have an `@` or a keyword (`in`).
TOKEN_RE = re.compile(r"[0-9A-Za-z+][0-9A-Za-z]*(?:[- ][0-9]+)*", re.ASCII)
CANDIDATE_RE = re.compile(
    r"[0-9]+(?:[- ][0-9]+)+|[0-9][0-9A-Za-z]{10,}(?:[- ][0-9]+)*|\+[0-9]+(?:[- ][0-9]+)*|[A-Za-z][0-9A-Za-z]*", re.ASCII
)
SHORT_TEXT = 200
EMAIL_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._%+*-]*@[0-9A-Za-z.-]+\.[A-Za-z]{2,}", re.ASCII)
LEVEL_RE = re.compile(r"绝密|机密|秘密")
INTERNAL = ("内部资料", "内部文件", "内部材料", "注意保存")
INTERNAL_RE = re.compile("|".join(INTERNAL))
EDGE_OPEN, EDGE_CLOSE = " \t\u3000\xa0【[［（(〔「《", " \t\u3000\xa0】]］）)〕」》"
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
BRACKET_YEAR_RE = re.compile(r"[\[(（【［〖](\d{4})[\])）】］〗]")


def valid_date(y: int, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1 or d > MONTH_DAYS[m]:
        return False
    return m != 2 or d < 29 or (y % 4 == 0 and y % 100 != 0) or y % 400 == 0


def id18_shaped(t: str) -> bool:
    return (t[:2] in PROVINCES_2 and t[:17].isdigit() and t[6:8] in ("18", "19", "20")
            and valid_date(int(t[6:10]), int(t[10:12]), int(t[12:14])))


def id15(t: str) -> bool:
    return t.isdigit() and t[:2] in PROVINCES_2 and valid_date(1900 + int(t[6:8]), int(t[8:10]), int(t[10:12]))


def luhn(t: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(t)):
        v = ord(c) - 48
        if i % 2:
            v = v * 2 - 9 if v > 4 else v * 2
        total += v
    return total % 10 == 0


def card(t: str) -> bool:
    return t.isdigit() and (t[0] in "34569" or t.startswith("81")) and luhn(t)


def credit_code(t: str) -> bool:
    if t[0] not in "123456789ANY" or t[1] not in "123456789" or not t[2:8].isdigit():
        return False
    if t[2:4] not in PROVINCES_2 and t[2:4] != "10":
        return False
    try:
        total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(t[:17], CREDIT_W))
    except ValueError:
        return False
    return CREDIT_CHARS[(31 - total % 31) % 31] == t[17]


def mobile(t: str) -> bool:
    return len(t) == 11 and t[0] == "1" and t[1] in "3456789" and t.isdigit()


PROVINCE_CHARS = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
PLATE_TAILS = frozenset("警学挂港澳领试")
ALNUM_RE = re.compile(r"[0-9A-Za-z]+", re.ASCII)


def plate_letter(c: str) -> bool:
    return "A" <= c <= "Z" and c not in "IO"


def plate_body(body: str, tail: bool) -> bool:
    if not body or not plate_letter(body[0]):
        return False
    rest = body[1:]
    if len(rest) == 4:
        return tail and rest.isdigit()
    if len(rest) == 5:
        return all(c.isdigit() or plate_letter(c) for c in rest) and sum(c.isdigit() for c in rest) >= 3
    if len(rest) == 6:
        return (rest[0] in "DF" and rest[1:].isdigit()) or (rest[:5].isdigit() and rest[5] in "DF")
    return False


def letters(text: str, start: int, t: str, at: str, out: list) -> None:
    """A letter-led run: passport, travel permit, credit code, vehicle plate."""
    n, c = len(t), t[0]
    second = n > 1 and plate_letter(t[1])
    kind = None
    if n == 9 and c in "EC" and (t[1:].isdigit() or (second and t[2:].isdigit())):
        kind = "screening_passport" if c == "E" else "screening_travel_permit"
    elif n == 9 and c in "GDSP" and t[1:].isdigit():
        kind = "screening_passport"
    elif (n == 9 and c in "WHM" or n == 11 and c in "HM") and t[1:].isdigit():
        kind = "screening_travel_permit"
    elif n == 18 and credit_code(t):
        return  # an organisation's code: found, not reported by a check (not personal data)
    if kind:
        out.append((kind, at))
    elif start and text[start - 1] in PROVINCE_CHARS:
        end = start + n
        if plate_body(t, text[end:end + 1] in PLATE_TAILS):
            out.append(("screening_vehicle_plate", at))
        elif n == 1 and plate_letter(c) and text[end:end + 1] in (" ", "-", "·"):
            m = ALNUM_RE.match(text, end + 1)
            if m and 5 <= len(m.group()) <= 6 and plate_body(c + m.group(), False):
                out.append(("screening_vehicle_plate", at))


def screen_token(plus: bool, tok: str, at: str, out: list) -> None:
    if " " in tok or "-" in tok:
        groups = tok.replace("-", " ").split(" ")
        national = groups[1:] if (plus and groups[0] == "86") or groups[0] == "0086" else groups
        lens = [len(g) for g in national]
        if (lens == [11] or lens == [3, 4, 4]) and mobile("".join(national)):
            out.append(("screening_mobile", at))
            return
        joined = "".join(groups)
        if len(national) == len(groups):
            if [len(g) for g in groups] == [6, 8, 4] and id18_shaped(joined) and id_valid(joined):
                out.append(("screening_resident_id", at))
                return
            if (len(groups) >= 4 and all(len(g) == 4 for g in groups[:-1]) and 1 <= len(groups[-1]) <= 4
                    and 16 <= len(joined) <= 19 and card(joined)):
                out.append(("screening_bank_card", at))
                return
        if "-" in tok:
            return  # a hyphenated number that is not an identifier
        tok = groups[0]
    n = len(tok)
    if n == 18:
        if id18_shaped(tok):
            if id_valid(tok):
                out.append(("screening_resident_id", at))
        elif credit_code(tok):
            pass  # an organisation's code: found, not reported by a check (not personal data)
        elif card(tok):
            out.append(("screening_bank_card", at))
    elif n == 11:
        if mobile(tok):
            out.append(("screening_mobile", at))
    elif n == 13:
        if plus and tok.startswith("86") and mobile(tok[2:]):
            out.append(("screening_mobile", at))
    elif n == 15:
        if tok.startswith("0086") and mobile(tok[4:]):
            out.append(("screening_mobile", at))
        elif id15(tok):
            out.append(("screening_resident_id_legacy", at))
    elif 16 <= n <= 19 and card(tok):
        out.append(("screening_bank_card", at))


def line_start_before(text: str, at: int) -> bool:
    """Only spaces or opening brackets (at most four) between `at` and the start of its line."""
    for c in reversed(text[max(0, at - 5):at]):
        if c in "\n\r":
            return True
        if c not in EDGE_OPEN:
            return False
    return at <= 4


def line_end_after(text: str, at: int) -> bool:
    """Only spaces or closing brackets (at most four) between `at` and the end of its line."""
    for c in text[at:at + 5]:
        if c in "\n\r":
            return True
        if c not in EDGE_CLOSE:
            return False
    return at + 4 >= len(text)


def internal_marking(text: str, start: int, end: int) -> int:
    """Where an internal-use marking that starts its line ends (a following one joined by a comma
    or spaces is the same marking), or 0 if it is not one."""
    if not line_start_before(text, start):
        return 0
    probe = end
    while probe < len(text) and text[probe] in " \t\u3000\xa0，,、":
        probe += 1
    stop = next((probe + len(w) for w in INTERNAL if text.startswith(w, probe)), end)
    return stop if line_end_after(text, stop) or text[stop:stop + 1] in ("，", ",", "、", "；", ";", "。") else 0


def screen(text: str, at: str, out: list) -> None:
    skip = 0
    if "@" in text:
        for m in EMAIL_RE.finditer(text):
            if "*" not in m.group().split("@")[0]:
                out.append(("screening_email", at))
            skip = m.end()
    for m in (CANDIDATE_RE if len(text) < SHORT_TEXT else TOKEN_RE).finditer(text):
        tok, start = m.group(), m.start()
        if start < skip:
            continue
        plus = tok[0] == "+"
        if plus:
            tok, start = tok[1:], start + 1
            if not tok:
                continue
        if tok[0] > "9":
            letters(text, start, ALNUM_RE.match(tok).group(), at, out)
            continue
        grouped = " " in tok or "-" in tok
        if not grouped and len(tok) < 11:
            continue
        # Digits around a decimal point are amounts or measurements.
        end = m.end()
        if (start >= 2 and text[start - 1] == "." and text[start - 2].isdigit()) or (
                not grouped and text[end:end + 1] == "." and text[end + 1:end + 2].isdigit()):
            continue
        screen_token(plus, tok, at, out)
    if "秘密" in text or "机密" in text or "绝密" in text:
        for m in LEVEL_RE.finditer(text):
            start, end = m.span()
            # with ★ (秘密★1年), after a label (密级：机密), or alone on its line
            if (text[end:end + 8].lstrip(" \t\u3000\xa0").startswith("★")
                    or text[max(0, start - 3):start] in ("密级：", "密级:", "密级 ")
                    or (line_start_before(text, start) and line_end_after(text, end))):
                out.append(("screening_classified_marking", at))
    if "内部" in text or "注意保存" in text:
        resume = 0
        for m in INTERNAL_RE.finditer(text):
            if m.start() >= resume:
                stop = internal_marking(text, m.start(), m.end())
                if stop:
                    out.append(("screening_internal_marking", at))
                    resume = stop


def prepare_same(schemas):
    import fastjsonschema

    cat = gongkai.Catalogue.default()
    items = {i["id"]: i for i in cat.items()}
    present = {}
    for i, s in schemas.items():
        s = dict(s)
        s.pop("required", None)
        present[i] = fastjsonschema.compile(s)
    required = {i: [e["key"] for e in it.get("elements", []) if e.get("required", True)] for i, it in items.items()}
    channels = {i: frozenset(it.get("channels", [])) for i, it in items.items()}
    numbered = {i for i, it in items.items() if it.get("flags", {}).get("document_number")
                and not any(e["key"] == "document_number" for e in it.get("elements", []))}
    # An item's personal-data rule: in the fields it names, some findings are allowed and some
    # must be masked (screening_must_be_masked instead of the finding's own code).
    personal = {}
    for i, it in items.items():
        rule = it.get("personal_data")
        if rule:
            allowed = {"screening_" + k for k in rule.get("allowed", [])}
            masked = {"screening_" + k for k in rule.get("masked", [])}
            personal[i] = {f: (allowed, masked) for f in rule.get("fields", [])}
    return cat, present, required, channels, numbered, personal


def pointer_token(k: str) -> str:
    return k.replace("~", "~0").replace("/", "~1")


def screen_all(v, at: str, out: list) -> None:
    """Screen every string in `v` (found at pointer `at`)."""
    t = type(v)
    if t is str:
        screen(v, at, out)
    elif t is dict:
        for k, c in v.items():
            screen_all(c, at + "/" + pointer_token(k), out)
    elif t is list:
        for i, c in enumerate(v):
            screen_all(c, f"{at}/{i}", out)


def pipeline_same(records, items, validators, limits, table, same):
    import fastjsonschema

    record_problems, _ = validators
    cat, present, required, channels, numbered, personal = same
    days, index = table
    to_ordinal, applicable = ordinal_cache(), {}
    out = []
    for r in records:
        problems = record_problems(r)
        inst = r.get("institution") or {}
        key = (inst.get("kind"), inst.get("tier"), inst.get("role"))
        scope = applicable.get(key)
        if scope is None:
            try:
                scope = applicable[key] = frozenset(i["id"] for i in cat.items(kind=key[0], tier=key[1], role=key[2]))
            except ValueError:
                scope = applicable[key] = frozenset()
                problems.append(("record_unknown_institution", "/institution"))
        item = r.get("item")
        fields = r.get("fields", {})
        if item not in items:
            problems.append(("item_unknown", "/item"))
        else:
            if item not in scope:
                problems.append(("item_not_applicable", "/item"))
            try:
                present[item](fields)
                problems += [("fields_missing_element", "/fields/" + k) for k in required[item] if k not in fields]
            except fastjsonschema.JsonSchemaException as e:
                problems.append(("fields_invalid_element", e.name))
            chans = channels[item]
            if chans:
                problems += [("channel_not_in_catalogue", f"/channels/{i}") for i, c in enumerate(r.get("channels", ()))
                             if c not in chans]
            if item in numbered and not r.get("document_number", "").strip():
                problems.append(("fields_missing_element", "/document_number"))
            n = limits[item]
            if n and "formed" in r and "published" in r:
                due = days[index[to_ordinal(r["formed"])] + n - 1]
                if to_ordinal(r["published"]) > due:
                    problems.append(("publication_late", "/published"))
        if not r.get("channels"):
            problems.append(("channels_missing", "/channels"))
        published = r.get("published")
        reviews = r.get("review") or []
        if not any(v.get("stage") == "confidentiality" for v in reviews):
            problems.append(("review_confidentiality_missing", "/review"))
        for v in reviews:
            if published and v.get("date", "") > published:
                problems.append(("review_after_publication", "/review"))
            if v.get("result") == "rejected":
                problems.append(("review_rejected", "/review"))
        if published and "formed" in r and to_ordinal(published) < to_ordinal(r["formed"]):
            problems.append(("dates_out_of_order", "/published"))
        top, number = r.get("document_number"), fields.get("document_number")
        if top is not None and number is not None and top.strip() != number.strip():
            problems.append(("document_number_mismatch", "/fields/document_number"))
        for path, n in (("/document_number", top), ("/fields/document_number", number)):
            if n and BRACKET_YEAR_RE.search(n):
                problems.append(("document_number_malformed", path))
        # Every string of the record, wherever it sits, as gongkai screens it (the format's own
        # vocabulary aside: ids, institution, item, dates, channels); the item's personal-data
        # rule for the elements it names.
        rules = personal.get(item)
        for k, v in r.items():
            if k in ("id", "kind", "institution", "item", "formed", "published", "archived", "approved", "period",
                     "channels", "x-gongkai", "$schema"):
                continue
            if k == "fields" and type(v) is dict:
                for fk, fv in v.items():
                    if rules and fk in rules:
                        found = []
                        screen_all(fv, "/fields/" + pointer_token(fk), found)
                        allowed, masked = rules[fk]
                        problems += [("screening_must_be_masked" if c in masked else c, p) for c, p in found
                                     if c not in allowed]
                    else:
                        screen_all(fv, "/fields/" + pointer_token(fk), problems)
            else:
                screen_all(v, "/" + pointer_token(k), problems)
        out.append(problems)
    return out


# ── measuring ───────────────────────────────────────────────────────────────────────────────


def core_share() -> float:
    """How much of two cores the machine gives now: the speed of each of two CPU-bound processes
    run together, as a fraction of one run alone (1.0: two free cores; 0.5: one core shared).
    gongkai's batches use both cores and the pure-Python pipelines one, so the ratios depend on
    it; on a shared host it varies from run to run."""
    import subprocess
    import sys

    code = "import time\nt = time.perf_counter()\ns = 0\nfor i in range(5_000_000): s += i\nprint(time.perf_counter() - t)"
    solos, pairs = [], []
    for _ in range(3):
        solos.append(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout))
        pair = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(2)]
        pairs.append(max(float(p.communicate()[0]) for p in pair))
    return min(solos) / statistics.median(pairs)


def on_one_core(fn):
    """`fn` run with the calling thread, and so every thread it starts (a pool of one for
    `threads=1`, and the thread checking each chunk), on one CPU; `None` where the OS cannot
    pin threads."""
    if not hasattr(os, "sched_setaffinity"):
        return None

    def run(arg):
        cpus = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(cpus)})
        try:
            return fn(arg)
        finally:
            os.sched_setaffinity(0, cpus)

    return run


def median_seconds(fn, repeat, setup=None):
    """Median wall time of `fn()` (or `fn(setup())`, the setup not timed)."""
    times = []
    for _ in range(repeat):
        arg = setup() if setup else None
        t = time.perf_counter()
        fn(arg) if setup else fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def paired(peers, fn_g, repeat, setup_g=None, one_core=None):
    """Time pure-Python pipelines and gongkai in turn, `repeat` rounds (gongkai's setup not
    timed). `peers` maps a name to a pipeline; `one_core`, if given, is gongkai on one core,
    timed in the same rounds. Returns (median seconds of each peer, median seconds of gongkai,
    median of each peer's per-round ratio to gongkai's time in that round, the same ratios to
    `one_core`'s time). On a shared machine the load drifts within a run; alternating exposes
    all sides to it alike."""
    times = {name: [] for name in peers}
    ratios = {name: [] for name in peers}
    ratios_one = {name: [] for name in peers}
    tg = []
    for _ in range(repeat):
        round_times = {}
        for name, fn in peers.items():
            t = time.perf_counter()
            fn()
            round_times[name] = time.perf_counter() - t
        arg = setup_g() if setup_g else None
        t = time.perf_counter()
        fn_g(arg) if setup_g else fn_g()
        g = time.perf_counter() - t
        tg.append(g)
        g1 = None
        if one_core:
            arg = setup_g() if setup_g else None
            t = time.perf_counter()
            one_core(arg) if setup_g else one_core()
            g1 = time.perf_counter() - t
        for name, b in round_times.items():
            times[name].append(b)
            ratios[name].append(b / g)
            if g1 is not None:
                ratios_one[name].append(b / g1)
    med = statistics.median
    return ({n: med(v) for n, v in times.items()}, med(tg), {n: med(v) for n, v in ratios.items()},
            {n: med(v) for n, v in ratios_one.items() if v})


SHARED = {"publication_late": "publication_late", "item_unknown": "item_unknown", "mobile": "screening_mobile",
          "id": "screening_resident_id", "marking": "screening_classified_marking"}


def shared_findings(records, items, vb, limits, table):
    """Counts of the findings the pipelines share, from pipeline B and from gongkai."""
    from collections import Counter

    b = Counter(p[0] for problems in pipeline_b(records, items, vb, limits, table) for p in problems)
    g = Counter(d.code for r in gongkai.check_many(records) for d in r.diagnostics)
    return {k: (b[k], g[code]) for k, code in SHARED.items()}, g


def same_findings(records, items, vb, limits, table, same):
    """Pipeline S's findings against gongkai's, as (code, JSON pointer) counts: (total, differences)."""
    from collections import Counter

    s = Counter(p for problems in pipeline_same(records, items, vb, limits, table, same) for p in problems)
    g = Counter((d.code, d.path) for r in gongkai.check_many(records) for d in r.diagnostics)
    return sum(g.values()), (s - g) + (g - s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--slow-sample", type=int, default=5_000, help="records timed for pipeline A (then scaled)")
    args = ap.parse_args()

    rng = random.Random(2025)
    items, schemas, limits = catalogue_data()
    timed = [i for i, n in limits.items() if n]
    records = [make_record(i, rng, timed or list(items)) for i in range(args.records)]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    size = statistics.mean(len(s.encode()) for s in lines[:1000])
    print(f"{args.records} records, mean {size / 1024:.1f} KB of JSON each; {os.cpu_count()} cores; "
          f"two CPU-bound processes each run at {core_share():.2f} of one alone")

    table = working_day_table(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    sample = records[: min(args.slow_sample, len(records))]
    # Validators are compiled before timing, as a long-running service would.
    va, vb, same = prepare_a(schemas), prepare_b(schemas), prepare_same(schemas)
    total, differences = same_findings(records[:5000], items, vb, limits, table, same)
    print(f"S and gongkai on the first 5,000 records: {total} findings, differing (code, pointer) counts: "
          f"{dict(differences) or 'none'}")
    t_a = median_seconds(lambda: pipeline_a(sample, items, va, limits), 1) * len(records) / len(sample)
    fresh = lambda: [json.loads(line) for line in lines]  # noqa: E731
    # gongkai on one core too, in the same rounds: the ratio a host that gives one core would
    # show (the pure-Python pipelines use one core in any case).
    t, t_g, r_dicts, r_dicts_one = paired(
        {"B": lambda: pipeline_b(records, items, vb, limits, table),
         "S": lambda: pipeline_same(records, items, vb, limits, table, same)},
        lambda rs: gongkai.check_many(rs), args.repeat, fresh,
        one_core=on_one_core(lambda rs: gongkai.check_many(rs, threads=1)),
    )
    t_b, t_s = t["B"], t["S"]
    # The same pipelines starting from the JSON lines a records export gives (json.loads included).
    # gongkai gets fresh strings too: CPython caches a string's UTF-8 form once asked for it.
    fresh_lines = lambda: [line.encode().decode() for line in lines]  # noqa: E731
    t, t_gj, r_lines, _ = paired(
        {"B": lambda: pipeline_b([json.loads(line) for line in lines], items, vb, limits, table),
         "S": lambda: pipeline_same([json.loads(line) for line in lines], items, vb, limits, table, same)},
        lambda ls: gongkai.check_many(ls),
        args.repeat,
        fresh_lines,
    )
    t_bj, t_sj = t["B"], t["S"]
    # From a JSON Lines file, as an export is read: B with the best Python reader (json.loads of
    # each line of a binary file), gongkai given the file's path (read in Rust, as the CLI does).
    import tempfile

    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as f:
        f.write("\n".join(lines).encode("utf-8") + b"\n")
        path = f.name

    def b_file():
        with open(path, "rb") as fh:
            pipeline_b([json.loads(line) for line in fh], items, vb, limits, table)

    def s_file():
        with open(path, "rb") as fh:
            pipeline_same([json.loads(line) for line in fh], items, vb, limits, table, same)

    def g_file():
        gongkai.check_many(pathlib.Path(path))

    t, t_gf, r_file, _ = paired({"B": b_file, "S": s_file}, g_file, args.repeat)
    t_bf, t_sf = t["B"], t["S"]
    os.unlink(path)

    rate = lambda t: f"{len(records) / t:>10,.0f} rec/s"  # noqa: E731
    print(f"A  jsonschema + re + chinese_calendar   {rate(t_a)}  (timed on {len(sample)} records, scaled)")
    print(f"B  fastjsonschema + re + day table      {rate(t_b)}   (a subset of the checks)")
    print(f"S  the same checks as gongkai           {rate(t_s)}")
    print(f"G  gongkai.check_many(dicts)            {rate(t_g)}")
    print(f"B  from JSON lines (json.loads + B)     {rate(t_bj)}")
    print(f"S  from JSON lines (json.loads + S)     {rate(t_sj)}")
    print(f"G  gongkai.check_many(JSON lines)       {rate(t_gj)}")
    print(f"B  from a JSONL file (json.loads + B)   {rate(t_bf)}")
    print(f"S  from a JSONL file (json.loads + S)   {rate(t_sf)}")
    print(f"G  gongkai.check_many(pathlib.Path(f))  {rate(t_gf)}")
    print(f"two CPU-bound processes each run at {core_share():.2f} of one alone (after the timings)")
    print(f"ratio A/G  = {t_a / t_g:6.1f}x   (target >= 100x)")
    print("ratios below: medians of the peer and G timed in turn, round by round (target >= 10x)")
    print(f"  from dicts:      S/G = {r_dicts['S']:5.1f}x   B/G = {r_dicts['B']:5.1f}x")
    if r_dicts_one:
        print(f"  from dicts on one core: S/G1 = {r_dicts_one['S']:5.1f}x   B/G1 = {r_dicts_one['B']:5.1f}x"
              "   (gongkai's threads pinned to one CPU: what a host giving one core shows)")
    print(f"  from JSON lines: S/G = {r_lines['S']:5.1f}x   B/G = {r_lines['B']:5.1f}x   (both parse the lines)")
    print(f"  from a file:     S/G = {r_file['S']:5.1f}x   B/G = {r_file['B']:5.1f}x   (both read the file)")
    shared, g_codes = shared_findings(records[:5000], items, vb, limits, table)
    print("shared findings on the first 5,000 records (B, gongkai): "
          + ", ".join(f"{k} {b}/{g}" for k, (b, g) in shared.items()))
    print("  (gongkai's resident IDs also need a valid region and birth date; B's `field` stops at a record's first error)")
    only_g = {c: n for c, n in g_codes.items() if c not in SHARED.values()}
    print(f"  gongkai's other findings: {dict(sorted(only_g.items(), key=lambda kv: -kv[1]))}")

    tiny = {"kind": "publication", "item": "admin.art20.01"}
    n = 100_000
    t_tiny = median_seconds(lambda: [gongkai.check(tiny) for _ in range(n)], args.repeat) / n
    t_noop = median_seconds(lambda: [len(tiny) for _ in range(n)], args.repeat) / n
    # The binding's own cost: a record the core answers at once (not an object) or nearly so (`{}`).
    t_bare = median_seconds(lambda: [gongkai.check(42) for _ in range(n)], args.repeat) / n
    t_empty = median_seconds(lambda: [gongkai.check({}) for _ in range(n)], args.repeat) / n
    print(f"gongkai.check(tiny record): {t_tiny * 1e6:.2f} µs per call ({(t_tiny - t_noop) * 1e6:.2f} µs over a len() call; "
          f"12 diagnostics from the core); binding overhead: check(42) {t_bare * 1e6:.2f} µs, check({{}}) {t_empty * 1e6:.2f} µs")

    import chinese_calendar

    starts = [dt.date(2025, 1, 1) + dt.timedelta(days=i % 300) for i in range(20_000)]
    t_cc = median_seconds(lambda: [chinese_calendar.find_workday(20, d) for d in starts], args.repeat)
    t_gk = median_seconds(lambda: [gongkai.add_working_days(d, 20) for d in starts], args.repeat)
    same = all(
        chinese_calendar.find_workday(20 if chinese_calendar.is_workday(d) else 19, d) == gongkai.add_working_days(d, 20)
        for d in starts[:300]
    )
    print(f"add_working_days(d, 20): {t_gk / len(starts) * 1e6:.2f} µs; chinese_calendar.find_workday(20, d): "
          f"{t_cc / len(starts) * 1e6:.2f} µs; ratio {t_cc / t_gk:.1f}x; same answers: {same}")


if __name__ == "__main__":
    main()
