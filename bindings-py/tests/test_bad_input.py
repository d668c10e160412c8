"""Bad input never crashes the interpreter: a diagnostic per record, from `check` as from
`check_many` and the CLI (the same code, and where)."""

import json
import math
import os
import random
import subprocess
import sys

import pytest

import gongkai

RECORD = {"kind": "publication", "id": "x", "item": "admin.art20.01"}


def codes(report):
    return {d.code for d in report.diagnostics}


def test_invalid_json_text_is_a_diagnostic_with_line_and_column():
    text = '{"kind": "publication",\n "item": }'
    report = gongkai.check(text, lang="en")
    assert not report.ok
    assert [d.code for d in report.diagnostics] == ["input_invalid_json"]  # the code check_many and the CLI give
    assert "line 2" in report.diagnostics[0].message
    assert report.to_dicts() == gongkai.check_many([text], lang="en")[0].to_dicts()
    assert gongkai.check("not json").to_dicts() == gongkai.check_many(["not json"])[0].to_dicts()


def test_non_utf8_bytes_are_a_diagnostic_alone_and_in_batches():
    gbk = '{"title": "公开"}'.encode("gbk")
    assert codes(gongkai.check(gbk)) == {"input_not_utf8"}
    report = gongkai.check_many([gbk, RECORD])
    assert codes(report[0]) == {"input_not_utf8"}
    assert "input_not_utf8" not in codes(report[1])


@pytest.mark.parametrize("record", [42, "42", [1, 2], None, True, "[]", '"text"'])
def test_non_object_records_get_a_diagnostic(record):
    report = gongkai.check(record)
    assert not report.ok
    assert report.diagnostics[0].path == ""


def test_objects_without_json_form():
    report = gongkai.check({**RECORD, "fields": {"tags": {1, 2}}})
    assert [(d.code, d.path) for d in report.diagnostics] == [("input_invalid_json", "/fields/tags")]
    report = gongkai.check({**RECORD, "fields": {"n": math.nan}})
    assert report.diagnostics[0].path == "/fields/n"
    assert codes(gongkai.check({1: "non-string key"})) == {"input_invalid_json"}
    report = gongkai.check_many([RECORD, {"x": object()}, {"y": float("inf")}, RECORD])
    assert [codes(r) == {"input_invalid_json"} for r in report] == [False, True, True, False]
    assert report[1].diagnostics[0].path == "/x"


def test_wrong_types_in_fields_are_diagnostics_not_exceptions():
    report = gongkai.check({**RECORD, "published": 20250101, "channels": "website", "institution": []})
    assert not report.ok
    assert {d.path for d in report.diagnostics} & {"/published", "/channels", "/institution"}


def test_invalid_dates_in_records_are_diagnostics():
    report = gongkai.check({**RECORD, "formed": "2025-02-30", "published": "yesterday"})
    assert {"/formed", "/published"} <= {d.path for d in report.diagnostics}


def test_lone_surrogates_and_deep_nesting():
    assert codes(gongkai.check({**RECORD, "title": "\ud800"})) == {"input_invalid_json"}
    deep = cur = {}
    for _ in range(10_000):
        cur["a"] = {}
        cur = cur["a"]
    assert not gongkai.check(deep).ok
    assert codes(gongkai.check_many(["[" * 10_000])[0]) == {"input_too_deep"}


def test_long_strings_convert_like_json_text():
    # Long strings (the body) take another route from dicts to the checker: the answers must be
    # those of the same record given as JSON text, for ASCII, CJK and astral-plane text alike.
    body = "联系电话13912345678。" * 20 + "abc" * 50 + "𝄞" * 130
    records = [{**RECORD, "id": "long", "body": body, "fields": {"note": ["x" * 200, body]}}]
    as_text = gongkai.check_many([json.dumps(r, ensure_ascii=False) for r in records])
    assert gongkai.check_many(records).to_dicts() == as_text.to_dicts()
    assert "screening_mobile" in codes(as_text[0])
    assert gongkai.check(records[0]).to_dicts() == as_text[0].to_dicts()


@pytest.mark.parametrize(
    "prefix",
    [
        "中" * 200,  # whole blocks of three-byte characters
        "中" * 7 + "a" + "中" * 300,  # a block broken by one ASCII character
        "é" * 130,  # two-byte characters
        "\u07ff\u0800\ud7ff\ue000\uffff" * 40,  # the edges of each UTF-8 length
        "\U0010ffff𝄞" * 70,  # astral plane, four bytes each
        "ab" * 100 + "é",  # ASCII but for the last character
    ],
)
def test_long_strings_of_every_utf8_width_convert_like_json_text(prefix):
    # The screening message gives the number's character offset and the number itself: a
    # character lost or garbled on the way to UTF-8 changes it.
    record = {**RECORD, "body": prefix + "联系电话13912345678", "title": prefix}
    as_text = gongkai.check_many([json.dumps(record, ensure_ascii=False)])
    from_dict = gongkai.check_many([record])
    assert from_dict.to_dicts() == as_text.to_dicts()
    assert "screening_mobile" in codes(from_dict[0])


@pytest.mark.parametrize(
    "prefix",
    ["中" * 200, "中" * 7 + "a" + "中" * 300, "é" * 130, "\u07ff\u0800\ud7ff\ue000\uffff" * 40, "\U0010ffff𝄞" * 70, "ab" * 100 + "é", "ab" * 100],
)
def test_json_lines_as_str_answer_as_utf8_bytes(prefix):
    # A long non-ASCII line leaves the interpreter as UCS-4 and is made UTF-8 on a check thread;
    # the same line as UTF-8 bytes is read as it is. Both must give the same answers.
    record = {**RECORD, "body": prefix + "联系电话13912345678", "title": prefix[:40]}
    line = json.dumps(record, ensure_ascii=False)
    as_str = gongkai.check_many([line, line + " "])
    as_bytes = gongkai.check_many([line.encode(), (line + " ").encode()])
    assert as_str.to_dicts() == as_bytes.to_dicts()
    assert "screening_mobile" in codes(as_str[0])


@pytest.mark.parametrize("title", ["\ud800", "正" * 200 + "\udfff"])
def test_a_json_line_with_a_lone_surrogate_is_a_diagnostic_in_a_batch(title):
    # CPython cannot encode the line to UTF-8: that record says so; the batch goes on.
    line = '{"kind": "publication", "item": "admin.art20.01", "title": "' + title + '"}'
    batch = gongkai.check_many([line, json.dumps(RECORD)])
    assert [(d.code, d.path) for d in batch[0].diagnostics] == [("input_invalid_json", "")]
    assert "lone surrogate" in batch[0].diagnostics[0].message_en
    assert batch[1].to_dicts() == gongkai.check(RECORD).to_dicts()


def test_strings_arrive_character_for_character():
    # A channel the catalogue does not list is quoted back in its message: random text of every
    # UTF-8 width (mostly three-byte, as Chinese is), long or short, ASCII or not, must come back
    # exactly as it went in, whichever route it took (lent, or copied out as UCS-4).
    rng = random.Random(11)
    odd = [chr(c) for c in (0x41, 0xE9, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x1D11E, 0x10FFFF)]
    texts = [
        "".join(rng.choice(odd) if rng.random() < p else chr(rng.randint(0x800, 0xD7FF)) for _ in range(n))
        for p in (0.0, 0.02, 0.3, 1.0)
        for n in [rng.randint(128, 300) for _ in range(10)] + [rng.randint(1, 127) for _ in range(10)]
    ] + ["".join(chr(rng.randint(0x21, 0x7E)) for _ in range(n)) for n in (1, 3, 4, 5, 8, 127, 128, 129)]
    # Runs of ASCII inside long Chinese text, at every alignment to blocks of eight characters.
    # (UCS-2 text is taken sixteen characters at a time while all take three bytes: k up to 17.)
    texts += ["中" * k + "plain ASCII, 2026-12-01"[:m] + "文" * 140 for k in range(18) for m in (1, 7, 8, 9, 16, 23)]
    # Surrogate edges and two-byte characters at every place in a block of sixteen.
    texts += ["中" * k + c + "文" * (40 - k) for k in range(17) for c in ("\u07ff", "\ud7ff", "\ue000", "\uffff", "é", "\U0001d11e")]
    # ASCII and three-byte characters mixed within blocks (JSON text: `","title":"某县`), every
    # pattern of widths in a block's halves.
    texts += [
        "".join(rng.choice('a9 ,:"') if rng.random() < p else chr(rng.choice((0x800, 0x4E2D, 0xD7FF, 0xE000, 0xFFFF)))
                for _ in range(rng.randint(128, 400)))
        for p in (0.1, 0.5, 0.9) for _ in range(20)
    ]
    batch = gongkai.check_many([{**RECORD, "channels": [t]} for t in texts])
    for text, report in zip(texts, batch):
        quoted = [d.message for d in report.diagnostics if d.code == "channel_not_in_catalogue"]
        assert quoted and f"`{text}`" in quoted[0]


def test_strings_convert_alike_as_dicts_and_as_json_lines():
    # Strings are read through CPython's limited API (their UTF-8 form) whatever their kind:
    # Latin-1, UCS-2 and UCS-4 text, long and short, answer alike as dicts and as JSON lines.
    script = (
        "import json, random, gongkai\n"
        "rng = random.Random(3)\n"
        "odd = [chr(c) for c in (0x41, 0xE9, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x1D11E, 0x10FFFF)]\n"
        "texts = ['中' * 130, 'é' * 200, 'é', 'ÿ' * 9, '中文', '公开' * 5] + [''.join(rng.choice(odd) if rng.random() < p else chr(rng.randint(0x800, 0xD7FF))"
        " for _ in range(n)) for p in (0.0, 0.02, 0.3) for n in (3, 9, 17, 200) for _ in range(3)]\n"
        "texts += ['中' * k + 'plain ASCII, 2026-12-01'[:m] + '文' * 140 for k in range(9) for m in (7, 8, 16, 23)]\n"
        "texts += [''.join(rng.choice('a9 ,:') if rng.random() < p else '中' for _ in range(300)) for p in (0.1, 0.5, 0.9)]\n"
        "records = [{'kind': 'publication', 'item': 'admin.art20.01', 'channels': [t], 'title': t[:20],"
        " 'body': t + '电话13912345678'} for t in texts]\n"
        "lines = [json.dumps(r, ensure_ascii=False) for r in records]\n"
        "print(json.dumps([gongkai.check_many(records).to_dicts(), gongkai.check_many(lines).to_dicts(), len(records)],"
        " ensure_ascii=False))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    first = json.loads(out.stdout)
    assert first[0] == first[1], "dicts and JSON lines answer alike"
    # Each body ends with one mobile number, after text with no run of digits.
    assert sum(d["code"] == "screening_mobile" for d in first[0]) == first[2]


def test_check_many_leaves_the_records_as_they_were():
    # The records a batch reads are not changed by it (only CPython's own cached UTF-8 form of
    # a string may be made, as any reader through the limited API makes it).
    title, body = "".join(["公开", "目录"]), "".join(["正文"] * 200)
    record = {"kind": "publication", "item": "admin.art20.01", "title": title, "body": body}
    before = json.dumps(record, ensure_ascii=False)
    gongkai.check_many([record])
    assert json.dumps(record, ensure_ascii=False) == before


@pytest.mark.parametrize("title", ["\ud800", "正文\ud800", "正文正文\ud800", "abcd\udfff", "正" * 130 + "\ud800"])
def test_lone_surrogates_in_strings_of_any_length_are_reported_where_they_are(title):
    batch = gongkai.check_many([{**RECORD, "title": title}, RECORD])
    assert [(d.code, d.path) for d in batch[0].diagnostics] == [("input_invalid_json", "/title")]
    assert batch[1].ok == gongkai.check(RECORD).ok


def test_lone_surrogates_in_long_strings_are_reported_where_they_are():
    bad = {**RECORD, "body": "正文" * 100 + "\ud800"}
    batch = gongkai.check_many([bad, RECORD])
    assert [(d.code, d.path) for d in batch[0].diagnostics] == [("input_invalid_json", "/body")]
    assert batch[1].id == RECORD.get("id")
    assert [(d.code, d.path) for d in gongkai.check(bad).diagnostics] == [("input_invalid_json", "/body")]


def test_nan_and_none_cells_in_dataframes_are_missing_fields():
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    rows = [dict(RECORD, published="yesterday"), dict(RECORD, published=None), dict(RECORD, published=math.nan)]
    frame = pd.DataFrame(rows)
    got = [r.to_dicts() for r in gongkai.check_many(frame)]
    without = gongkai.check(RECORD).to_dicts()
    assert got[1] == without and got[2] == without
    assert got[0] != without
    assert [r.to_dicts() for r in gongkai.check_many(pl.DataFrame(rows[:2]))] == got[:2]


def test_datetime_columns_become_dates():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([dict(RECORD, formed="2025-01-24", published="2025-02-07")])
    dated = frame.assign(formed=pd.to_datetime(frame["formed"]), published=pd.to_datetime(frame["published"]))
    assert gongkai.check_many(dated).to_dicts() == gongkai.check_many(frame).to_dicts()


@pytest.mark.parametrize("bad", ["not a list", b"bytes", {"a": 1}, 42])
def test_check_many_needs_many_records(bad):
    with pytest.raises(TypeError):
        gongkai.check_many(bad)


def test_a_failing_iterator_raises_its_own_error():
    def records():
        yield RECORD
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError, match="source broke"):
        gongkai.check_many(records())


def test_bad_options():
    with pytest.raises(gongkai.GongkaiError):
        gongkai.check(RECORD, today="2025-02-30")
    with pytest.raises(TypeError):
        gongkai.check(RECORD, catalogue="default")


MEDDLING = """
import datetime as dt, gongkai

RECORD = {"kind": "publication", "id": "x", "item": "admin.art20.01"}


class Meddling(dt.date):
    def isoformat(self):
        holder.clear()
        channels.clear()
        return "2025-01-24"


def strings(n=100):
    # Made afresh (`n` keeps them from being constants): the strings before the date have no
    # reference but their container's. Long ASCII strings are lent where CPython keeps them,
    # non-ASCII ones read in place.
    return "联系电话13912842996" + "标题" * 4 * n, "x" * 20 * n + " tel 13912842996", "正文" * 3 * n, "web" + "!" * 6 * n


title, body, text, channel = strings()
# What the checker sees: the dict's walk ends where the dict was emptied, the list's too.
seen = {**RECORD, "title": title, "body": body, "channels": [channel, text, "2025-01-24"]}
want = gongkai.check(seen).to_dicts()
assert "screening_mobile" in {d["code"] for d in want}
for _ in range(20):
    title, body, text, channel = strings()
    channels = [channel, text, Meddling(2025, 1, 24)]
    holder = {**RECORD, "title": title, "body": body, "channels": channels, "formed": Meddling(2025, 1, 24)}
    del title, body, text, channel
    batch = gongkai.check_many([holder, RECORD])
    assert batch[0].to_dicts() == want, batch[0].to_dicts()
    assert batch[1].to_dicts() == gongkai.check(RECORD).to_dicts()
print("same")
"""


def test_records_changed_by_their_own_values_while_converted_do_not_crash():
    # A batch borrows a record's keys and values while it converts them; a date's `isoformat`
    # is Python code, here one that empties the very dict and list being converted, dropping
    # the last references to strings already taken. CPython's debug allocator overwrites what
    # is freed, so a string read after it was freed would not read back as it was.
    env = {**os.environ, "PYTHONMALLOC": "debug"}
    out = subprocess.run([sys.executable, "-c", MEDDLING], env=env, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "same", out.stderr[-2000:]
