"""check() and check_many(): answers, result shapes and conversions."""

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

import gongkai

GOOD = {
    "kind": "publication",
    "id": "xian-2025-001",
    "item": "admin.art20.01",
    "institution": {"kind": "administrative", "tier": "county", "role": "government"},
    "title": "某县人民政府关于印发某办法的通知",
    "formed": "2025-01-24",
    # 条例第二十六条: 20 working days; 24 Jan + 20 working days (Spring Festival 28 Jan – 4 Feb) is 28 Feb.
    "published": "2025-02-07",
    "channels": ["government_website"],
    "fields": {"document_title": "某办法", "document_number": "某府发〔2025〕1号", "issue_date": "2025-01-24"},
}


def late(record, published):
    return {**record, "published": published}


def test_check_dict_and_json_string_agree():
    a = gongkai.check(GOOD)
    b = gongkai.check(json.dumps(GOOD, ensure_ascii=False))
    c = gongkai.check(json.dumps(GOOD).encode())
    assert a.to_dicts() == b.to_dicts() == c.to_dicts()
    assert a.id == "xian-2025-001"


def test_unknown_item_is_reported_with_its_path():
    report = gongkai.check({**GOOD, "item": "admin.art20.99"})
    assert not report.ok
    codes = {(d.code, d.path) for d in report.diagnostics}
    assert ("item_unknown", "/item") in codes
    d = next(d for d in report.diagnostics if d.code == "item_unknown")
    assert d.severity == "error" and d.message and d.message_en and d.message_zh


def test_working_day_deadline_across_the_spring_festival():
    # 20 working days after 24 Jan 2025: 26 Jan (调休) 27 Jan, 5–7 Feb, 8 Feb (调休), 10–14, 17–21, 24–27 Feb = 20 → 27 Feb.
    assert gongkai.add_working_days(dt.date(2025, 1, 24), 20) == dt.date(2025, 2, 27)
    on_time = gongkai.check(late(GOOD, "2025-02-27"))
    if "timeliness_unchecked" in {d.code for d in on_time.diagnostics}:
        pytest.skip("this build's check engine is not linked to the calendar yet (timeliness_unchecked)")
    assert "publication_late" not in {d.code for d in on_time.diagnostics}
    one_day_late = gongkai.check(late(GOOD, "2025-02-28"))
    assert ("publication_late", "/published") in {(d.code, d.path) for d in one_day_late.diagnostics}


def test_lang_switches_the_message():
    zh = gongkai.check({**GOOD, "item": "admin.art20.99"}, lang="zh").diagnostics[0]
    en = gongkai.check({**GOOD, "item": "admin.art20.99"}, lang="en").diagnostics[0]
    assert zh.message == zh.message_zh and en.message == en.message_en
    with pytest.raises(ValueError):
        gongkai.check(GOOD, lang="fr")


def test_check_many_keeps_order_and_equals_check():
    records = [GOOD, {**GOOD, "item": "admin.art20.99", "id": "b"}, late(GOOD, "2025-03-31")] * 5
    reports = gongkai.check_many(records)
    assert len(reports) == len(records)
    for rec, rep in zip(records, reports):
        assert rep.to_dicts() == gongkai.check(rec).to_dicts()
    assert reports[-1].to_dicts() == reports[2].to_dicts()
    assert not reports.ok and reports.errors >= 5
    with pytest.raises(IndexError):
        reports[len(records)]


def test_check_many_threads_and_generators_give_the_same_answers():
    records = [GOOD, {**GOOD, "item": "admin.art20.99"}] * 3000
    a = gongkai.check_many(records).to_dicts()
    b = gongkai.check_many((r for r in records), threads=1).to_dicts()
    assert a == b
    with pytest.raises(ValueError):
        gongkai.check_many(records, threads=0)


def test_results_convert_to_frames_and_arrow():
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    reports = gongkai.check_many([GOOD, {**GOOD, "item": "admin.art20.99", "id": "bad"}])
    rows = reports.to_dicts()
    frame = reports.to_pandas()
    assert list(frame.columns) == ["record", "id", "source", "code", "severity", "path", "message", "basis"]
    assert len(frame) == len(rows) == len(reports[0]) + len(reports[1])
    assert (frame[frame["record"] == 1]["id"] == "bad").all()
    assert reports.to_polars().height == len(rows)
    table = reports.to_arrow()
    assert table.num_rows == len(rows) and table.schema.field("record").type == pa.int64()
    assert pl.from_arrow(table)["code"].to_list() == frame["code"].tolist()


def test_dataframes_give_the_same_answers_as_dicts():
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    records = [GOOD, {**GOOD, "item": "admin.art20.99", "id": "b"}, late(GOOD, "2025-03-31")]
    want = gongkai.check_many(records).to_dicts()
    assert gongkai.check_many(pd.DataFrame(records)).to_dicts() == want
    assert gongkai.check_many(pl.DataFrame(records)).to_dicts() == want
    assert gongkai.check_many(pa.Table.from_pylist(records)).to_dicts() == want


def test_dataframes_larger_than_a_slice_keep_record_order(monkeypatch):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    import gongkai._batch as batch

    # Frames are written and checked a slice of rows at a time: several slices, one of them short.
    monkeypatch.setattr(batch, "_SLICE", 4)
    records = [{**GOOD, "id": f"r{i}", "item": "admin.art20.99" if i % 3 == 0 else GOOD["item"]} for i in range(10)]
    want = gongkai.check_many(records).to_dicts()
    assert {d["code"] for d in want if d["id"] == "r3"} >= {"item_unknown"}
    for frame in (pd.DataFrame(records), pl.DataFrame(records)):
        reports = gongkai.check_many(frame)
        assert [r.id for r in reports] == [f"r{i}" for i in range(10)]
        assert reports.to_dicts() == want
    assert len(gongkai.check_many(pd.DataFrame(records[:0]))) == 0


def test_progress_bar_reports_every_record(capsys, monkeypatch):
    import gongkai._batch as batch

    monkeypatch.setattr(batch, "_progress_bar", lambda total: batch._StderrCounter(total))
    gongkai.check_many([GOOD] * 10, progress=True)
    assert "checked 10/10 records" in capsys.readouterr().err


def test_repr_html_of_reports():
    report = gongkai.check({**GOOD, "item": "<script>"})
    html = report._repr_html_()
    assert html.startswith("<table") and "<script>" not in html and "&lt;script&gt;" in html
    assert "failed" in repr(report)
    assert "records" in gongkai.check_many([GOOD])._repr_html_()


def _every_field(report):
    return (report.id, report.source, [
        (d.code, d.severity, d.path, d.message, d.message_zh, d.message_en, d.basis, d.help) for d in report.diagnostics
    ])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_batchs_results_read_back_as_check_gives_them(lang):
    # Batches keep their results packed until read; every field of every diagnostic of the
    # conformance records (all kinds of messages, citations and help) must come back exactly as
    # check() gives it, across blocks and chunks, in order.
    import pathlib

    cases = pathlib.Path(__file__).resolve().parents[2] / "tests" / "cases"
    groups = {}
    for path in sorted(cases.rglob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        options = case.get("options") or {}
        if isinstance(case.get("record"), dict):
            key = (options.get("today"), not options.get("skip_screening", False), tuple(options.get("overlays", [])))
            groups.setdefault(key, []).append(case["record"])
    assert sum(len(g) for g in groups.values()) > 150
    diagnostics, codes = 0, set()
    for (today, screening, overlays), records in groups.items():
        catalogue = gongkai.Catalogue.default()
        for overlay in overlays:
            catalogue = catalogue.with_overlay(cases / overlay)
        kwargs = dict(lang=lang, today=today and dt.date.fromisoformat(today), screening=screening, catalogue=catalogue)
        want = [_every_field(gongkai.check(r, **kwargs)) for r in records]
        diagnostics += sum(len(w[2]) for w in want)
        codes |= {d[0] for w in want for d in w[2]}
        repeat = 5000 // len(records) + 1  # more than one chunk of records, many blocks
        reports = gongkai.check_many(records * repeat, **kwargs)
        assert [_every_field(r) for r in reports] == want * repeat
        assert _every_field(reports[-1]) == want[-1]
        assert reports.errors == repeat * sum(1 for w in want for d in w[2] if d[1] == "error")
        rows = [row for row in reports.to_dicts() if row["record"] < len(records)]
        assert rows == [
            {**d.to_dict(), "record": i, "id": reports[i].id, "source": None}
            for i in range(len(records))
            for d in reports[i].diagnostics
        ]
    assert diagnostics > 150 and len(codes) > 40, (diagnostics, sorted(codes))


@pytest.mark.skipif(sys.platform != "linux", reason="minor page faults as Linux counts them")
def test_memory_a_batch_frees_is_kept_for_the_next():
    # What one batch frees stays with the process for the next: handed back to the OS (as
    # mimalloc does a second after it is freed, by default), the next batch faults it in again
    # as fresh pages, which the kernel zeroes. Against a run that hands everything back at once
    # (MIMALLOC_PURGE_DELAY=0, which gongkai leaves alone when set), a batch after a pause
    # longer than mimalloc's default must fault in next to nothing.
    script = (
        "import json, resource, sys, time, gongkai\n"
        "record = {'kind': 'publication', 'item': 'admin.art20.01', 'title': '公开' * 20,"
        " 'institution': {'kind': 'administrative', 'tier': 'county'}, 'formed': '2025-03-03',"
        " 'body': '正文' * 600, 'channels': ['x']}\n"
        "def batch():\n"
        "    records = [dict(record, id=str(i)) for i in range(50000)]\n"
        "    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n"
        "    gongkai.check_many(records)\n"
        "    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before\n"
        "batch()\n"
        "time.sleep(1.5)\n"
        "print(batch())\n"
    )
    faults = {}
    for delay in (None, "0"):
        env = {k: v for k, v in os.environ.items() if k != "MIMALLOC_PURGE_DELAY"}
        if delay:
            env["MIMALLOC_PURGE_DELAY"] = delay
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        faults[delay] = int(out.stdout)
    assert faults["0"] > 2000, faults  # what the first batch gave back, faulted in again
    assert faults[None] < faults["0"] / 20, faults


def test_select_ignore_and_strict_members_in_check_and_check_many():
    # An undefined member (`remark`) holding a mobile: two findings, chosen by code, prefix or area.
    record = {**GOOD, "remark": "经办人电话13912345678"}
    codes = lambda report: sorted(d.code for d in report.diagnostics)  # noqa: E731
    everything = codes(gongkai.check(record))
    assert {"record_unknown_member", "screening_mobile"} <= set(everything)
    assert codes(gongkai.check(record, select="screening")) == ["screening_mobile"]
    assert codes(gongkai.check(json.dumps(record), ignore=["screening_mobile"])) == [
        c for c in everything if c != "screening_mobile"
    ]
    # The more specific selector wins, as in `gongkai check --ignore screening --select screening_mobile`.
    assert codes(gongkai.check(record, select=["screening_mobile"], ignore=("screening",))) == ["screening_mobile"]
    strict = gongkai.check(record, strict_members=True, select=["record"])
    assert [(d.code, d.severity) for d in strict.diagnostics] == [("record_unknown_member", "error")]
    many = gongkai.check_many([record, json.dumps(record)], select="screening")
    assert [codes(r) for r in many] == [["screening_mobile"], ["screening_mobile"]]


def test_a_records_suppression_applies_from_dicts_text_and_frames():
    plain = {**GOOD, "remark": "备注"}
    others = sorted((d.code, d.path) for d in gongkai.check(plain).diagnostics if d.code != "record_unknown_member")
    assert len(others) < len(gongkai.check(plain).diagnostics)
    record = {**plain, "x-gongkai": {"ignore": ["record_unknown_member"], "reason": "导出系统的附加列"}}
    pairs = lambda report: sorted((d.code, d.path) for d in report.diagnostics)  # noqa: E731
    assert pairs(gongkai.check(record)) == others
    many = gongkai.check_many([record, json.dumps(record, ensure_ascii=False)])
    assert [pairs(r) for r in many] == [others, others]
    unexplained = {**record, "x-gongkai": {"ignore": ["record_unknown_member"]}}
    assert pairs(gongkai.check(unexplained)) == sorted(others + [("suppression_without_reason", "/x-gongkai/ignore")])


def test_an_unknown_selector_is_an_error_with_a_code():
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.check(GOOD, ignore=["itme_unknown"])
    assert (e.value.code, e.value.path) == ("unknown_selector", "ignore")
    assert "item_unknown" in str(e.value)
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.check_many([GOOD], select=[3])
    assert (e.value.code, e.value.path) == ("invalid_argument", "select")
