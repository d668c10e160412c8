"""gongkai.check_many against pure-Python pipelines doing the same checks, measured in one run.

  A. jsonschema + re + chinese_calendar (the obvious pipeline)
  B. fastjsonschema (compiled) + precompiled re + a precomputed working-day table (the best we could write)

Checks in each: the record schema, the item exists, the item's `fields` schema, the deadline
(N working days after `formed`, 条例第二十六条) against `published`, and screening of the body for
resident ID numbers (with the GB 11643 check digit), mobile numbers and classification markings.
gongkai does more on the same records, so the comparison leans against it: it reports every
missing field element (fastjsonschema stops at the first error of a record), checks that the item
applies to the institution (kind, tier, role), that the channels are the catalogue's, the
confidentiality review (保密审查), ID numbers' region and birth date as well as the check digit, and
bank card numbers (Luhn), e-mail addresses, passport, permit and plate numbers; every diagnostic carries a zh and an en message and its citation. The
run prints the findings of the checks all three share so that they can be compared.
Also: per-call overhead of gongkai.check on a tiny record, and add_working_days against
chinese_calendar.find_workday. Figures are medians of several runs; each gongkai-vs-B ratio is the
median of pairs timed alternately. Quote the ratios.

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

ID_RE = re.compile(r"(?<!\d)(\d{17}[\dXx])(?!\d)")
MOBILE_RE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")
MARKING_RE = re.compile(r"(绝密|机密|秘密)\s*★")
# The best pipeline scans for digit runs once (ASCII classes are cheaper) and classifies each run.
DIGIT_RUN_RE = re.compile(r"[0-9]{11,}[Xx]?", re.ASCII)
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

    return fastjsonschema.compile(record_schema()), {i: fastjsonschema.compile(s) for i, s in schemas.items()}


def pipeline_b(records, items, validators, limits, table):
    import fastjsonschema

    validate_record, validate_fields = validators
    days, index = table
    ordinal = {}

    def to_ordinal(s):
        o = ordinal.get(s)
        if o is None:
            o = ordinal[s] = dt.date.fromisoformat(s).toordinal()
        return o

    out = []
    for r in records:
        problems = []
        try:
            validate_record(r)
        except fastjsonschema.JsonSchemaException as e:
            problems.append(("schema", e.name))
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


# ── measuring ───────────────────────────────────────────────────────────────────────────────


def median_seconds(fn, repeat, setup=None):
    """Median wall time of `fn()` (or `fn(setup())`, the setup not timed)."""
    times = []
    for _ in range(repeat):
        arg = setup() if setup else None
        t = time.perf_counter()
        fn(arg) if setup else fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def paired(fn_b, fn_g, repeat, setup_g=None):
    """Time a pure-Python pipeline and gongkai alternately, `repeat` times each (gongkai's setup
    not timed): the median seconds of each and the median of the pairs' ratios. On a shared
    machine the load drifts within a run; alternating exposes both sides to it alike."""
    tb, tg, ratios = [], [], []
    for _ in range(repeat):
        t = time.perf_counter()
        fn_b()
        b = time.perf_counter() - t
        arg = setup_g() if setup_g else None
        t = time.perf_counter()
        fn_g(arg) if setup_g else fn_g()
        g = time.perf_counter() - t
        tb.append(b)
        tg.append(g)
        ratios.append(b / g)
    return statistics.median(tb), statistics.median(tg), statistics.median(ratios)


SHARED = {"publication_late": "publication_late", "item_unknown": "item_unknown", "mobile": "screening_mobile",
          "id": "screening_resident_id", "marking": "screening_classified_marking"}


def shared_findings(records, items, vb, limits, table):
    """Counts of the findings the pipelines share, from pipeline B and from gongkai."""
    from collections import Counter

    b = Counter(p[0] for problems in pipeline_b(records, items, vb, limits, table) for p in problems)
    g = Counter(d.code for r in gongkai.check_many(records) for d in r.diagnostics)
    return {k: (b[k], g[code]) for k, code in SHARED.items()}, g


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
    print(f"{args.records} records, mean {size / 1024:.1f} KB of JSON each; {os.cpu_count()} cores")

    table = working_day_table(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    sample = records[: min(args.slow_sample, len(records))]
    # Validators are compiled before timing, as a long-running service would.
    va, vb = prepare_a(schemas), prepare_b(schemas)
    t_a = median_seconds(lambda: pipeline_a(sample, items, va, limits), 1) * len(records) / len(sample)
    fresh = lambda: [json.loads(line) for line in lines]  # noqa: E731
    t_b, t_g, r_dicts = paired(
        lambda: pipeline_b(records, items, vb, limits, table), lambda rs: gongkai.check_many(rs), args.repeat, fresh
    )
    # The same pipeline starting from the JSON lines a records export gives (json.loads included).
    # gongkai gets fresh strings too: CPython caches a string's UTF-8 form once asked for it.
    fresh_lines = lambda: [line.encode().decode() for line in lines]  # noqa: E731
    t_bj, t_gj, r_lines = paired(
        lambda: pipeline_b([json.loads(line) for line in lines], items, vb, limits, table),
        lambda ls: gongkai.check_many(ls),
        args.repeat,
        fresh_lines,
    )
    # From a JSON Lines file, as an export is read: B with the best Python reader (json.loads of
    # each line of a binary file), gongkai given the file's path (read in Rust, as the CLI does).
    import tempfile

    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as f:
        f.write("\n".join(lines).encode("utf-8") + b"\n")
        path = f.name

    def b_file():
        with open(path, "rb") as fh:
            pipeline_b([json.loads(line) for line in fh], items, vb, limits, table)

    def g_file():
        gongkai.check_many(pathlib.Path(path))

    t_bf, t_gf, r_file = paired(b_file, g_file, args.repeat)
    os.unlink(path)
    t_g1 = median_seconds(lambda rs: gongkai.check_many(rs, threads=1), args.repeat, fresh)

    rate = lambda t: f"{len(records) / t:>10,.0f} rec/s"  # noqa: E731
    print(f"A  jsonschema + re + chinese_calendar   {rate(t_a)}  (timed on {len(sample)} records, scaled)")
    print(f"B  fastjsonschema + re + day table      {rate(t_b)}")
    print(f"B  from JSON lines (json.loads + B)     {rate(t_bj)}")
    print(f"G  gongkai.check_many(dicts)            {rate(t_g)}")
    print(f"G  gongkai.check_many(JSON lines)       {rate(t_gj)}")
    print(f"G1 gongkai.check_many(dicts, threads=1) {rate(t_g1)}")
    print(f"B  from a JSONL file (json.loads + B)   {rate(t_bf)}")
    print(f"G  gongkai.check_many(pathlib.Path(f))  {rate(t_gf)}")
    print(f"ratio A/G  = {t_a / t_g:6.1f}x   (target >= 100x)")
    print("ratios below: the median of B and G timed alternately, pair by pair")
    print(f"ratio B/G  = {r_dicts:6.1f}x   (target >= 10x)")
    print(f"ratio B/G(JSON lines) = {t_b / t_gj:6.1f}x;  B/G1 = {t_b / t_g1:6.1f}x  (medians of separate timings)")
    print(f"ratio from JSON lines, both parsing them: (json.loads + B) / G(JSON lines) = {r_lines:6.1f}x")
    print(f"ratio from a JSONL file, both reading it: B(file) / G(file) = {r_file:6.1f}x   (target >= 10x)")
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
