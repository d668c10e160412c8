"""Calendars with more data, deadlines and request timelines, and information processing fees.

Expected answers are worked by hand from the sources, not taken from the library:
- 2025 holidays: 国务院办公厅关于2025年部分节假日安排的通知 (春节 28 Jan – 4 Feb, 调休 Sun 26 Jan and
  Sat 8 Feb; 清明 4–6 Apr); 2026: the 2026 notice (中秋 25–27 Sep 2026).
- Time limits: 政府信息公开条例 第三十条 (notice to correct within 7 working days), 第三十三条 (reply
  within 20 working days, extension at most 20 more; consultations not counted).
- Fees: 政府信息公开信息处理费管理办法 (国办函〔2020〕109号) 第四条 per piece: 1–10 free, 11–30 100 yuan
  each, 31–40 200 each (the usual reading of the bands beyond 30); 第五条 per page: 1–30 free, 31–100
  10 yuan, 101–200 20 yuan, above 200 40 yuan each.
"""

import datetime as dt
import json

import pytest

import gongkai

D = dt.date


# ── Calendar objects ─────────────────────────────────────────────────────────────────────────


def test_default_calendar_is_the_embedded_one():
    cal = gongkai.Calendar.default()
    assert cal.years == gongkai.calendar_years()
    assert cal.closures == []
    assert cal.add_working_days(D(2025, 1, 27), 1) == D(2025, 2, 5)
    assert "Calendar" in repr(cal)


def test_a_calendar_of_one_year_file_answers_for_that_year_only(repo):
    cal = gongkai.Calendar.from_paths([repo / "catalogues" / "calendar" / "2025.yaml"])
    assert cal.years == [2025]
    assert cal.day_kind(D(2025, 1, 29)).name == "春节"
    assert cal.day_kind(D(2025, 2, 8)).kind == "makeup_working_day"
    with pytest.raises(gongkai.CalendarError) as e:
        cal.is_working_day(D(2026, 3, 2))
    assert e.value.code == "calendar_year_not_covered"


def test_a_year_file_replaces_the_year_it_covers(repo, tmp_path):
    # A corrected 2026 schedule without the 10 Oct make-up working day: Sat 10 Oct is a weekend again.
    text = (repo / "catalogues" / "calendar" / "2026.yaml").read_text(encoding="utf-8")
    assert "makeup_working_days: [2026-09-20, 2026-10-10]" in text
    corrected = tmp_path / "2026.yaml"
    corrected.write_text(text.replace("[2026-09-20, 2026-10-10]", "[2026-09-20]"), encoding="utf-8")
    default = gongkai.Calendar.default()
    assert default.day_kind(D(2026, 10, 10)).kind == "makeup_working_day"
    cal = default.with_file(corrected)
    assert cal.day_kind(D(2026, 10, 10)).kind == "weekend"
    assert cal.years == default.years
    # Everything else in 2026 still follows the notice.
    assert cal.day_kind(D(2026, 10, 1)).name == "国庆节"
    # A schedule that leaves out a statutory day (中秋 25 Sep) contradicts the 放假办法: refused.
    head, _, tail = text.partition("  - id: mid_autumn")
    assert tail
    without = tmp_path / "without.yaml"
    without.write_text(head, encoding="utf-8")
    with pytest.raises(gongkai.GongkaiError) as e:
        default.with_file(without)
    assert "2026-09-25" in str(e.value) and "第二条" in str(e.value)


def test_closures_are_not_working_days_and_move_deadlines():
    closures = """closures:
  - name: {zh: "办公楼检修", en: "building maintenance"}
    from: 2026-03-09
    to: 2026-03-10
    basis: "某县人民政府办公室通知"
"""
    cal = gongkai.Calendar.default().with_yaml(closures, "closures.yaml")
    kind = cal.day_kind(D(2026, 3, 9))
    assert (kind.kind, kind.name, kind.is_working_day) == ("closure", "办公楼检修", False)
    # Fri 6 Mar 2026 + 1 working day: Mon 9 and Tue 10 Mar closed → Wed 11 Mar.
    assert cal.add_working_days(D(2026, 3, 6), 1) == D(2026, 3, 11)
    assert gongkai.add_working_days(D(2026, 3, 6), 1) == D(2026, 3, 9)
    assert cal.working_days_between(D(2026, 3, 6), D(2026, 3, 13)) == 3
    assert cal.closures[0]["from"] == D(2026, 3, 9)
    d = gongkai.working_days_after(D(2026, 3, 6), 1, calendar=cal)
    assert any(span["reason"] == "closure" for span in d["explanation"]["excluded"])


@pytest.mark.parametrize(
    "text, code",
    [
        ("covers: 2026\nholidays: [", "invalid_yaml"),
        ("closures:\n  - name: {zh: x, en: x}\n    from: 2026-03-05\n    to: 2026-03-01\n    basis: b\n", "calendar_invalid"),
    ],
)
def test_bad_calendar_files_raise_catalogue_errors(text, code):
    with pytest.raises(gongkai.CatalogueError) as e:
        gongkai.Calendar.default().with_yaml(text, "bad.yaml")
    assert isinstance(e.value, ValueError)
    assert e.value.code == code


def test_missing_calendar_file_raises(tmp_path):
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.Calendar.default().with_file(tmp_path / "nope.yaml")
    assert e.value.code == "io_error"


# ── deadlines with their working ─────────────────────────────────────────────────────────────


def test_deadline_dates_are_dates():
    d = gongkai.deadline("request_reply", D(2025, 1, 24))
    assert d["due"] == D(2025, 2, 27)
    assert d["explanation"]["start"] == D(2025, 1, 24)
    assert d["explanation"]["counting_from"] == D(2025, 1, 25)
    spring = [s for s in d["explanation"]["excluded"] if s["reason"] == "holiday"]
    assert [(s["from"], s["to"]) for s in spring] == [(D(2025, 1, 28), D(2025, 2, 4))]


def test_working_days_after_matches_the_correction_limit():
    # 第三十条: 7 working days from Fri 24 Jan 2025 → Sun 26 Jan (调休), Mon 27, Wed 5, Thu 6, Fri 7,
    # Sat 8 Feb (调休), Mon 10 Feb.
    assert gongkai.working_days_after(D(2025, 1, 24), 7)["due"] == D(2025, 2, 10)
    assert gongkai.deadline("request_correction_notice", D(2025, 1, 24))["due"] == D(2025, 2, 10)


def test_request_timeline_reply_and_extension():
    record = {"kind": "request", "received": "2025-01-24", "reply_date": "2025-03-20",
              "extension": {"approved": True, "notified": True, "working_days": 20}}
    answer = gongkai.request_timeline(record)
    assert (answer["provisional"], answer["diagnostics"]) == (False, [])
    t = answer["timeline"]
    assert t["received"] == D(2025, 1, 24) and t["effective_received"] == D(2025, 1, 24)
    assert t["reply_due"]["due"] == D(2025, 2, 27)
    # 20 more working days after Thu 27 Feb 2025 (no holiday in March): Thu 27 Mar.
    assert t["extended_due"]["due"] == D(2025, 3, 27)
    assert t["reply_in_time"] is True
    late = gongkai.request_timeline(json.dumps({**record, "reply_date": "2025-03-28"}), lang="en")
    assert late["timeline"]["reply_in_time"] is False
    # The request checks come with the timeline: the reply after the extended limit is late.
    assert [(d["code"], d["path"]) for d in late["diagnostics"]] == [("request_reply_late", "/reply_date")]
    assert late["diagnostics"][0]["message"][0].islower()


def test_request_timeline_excludes_consultations_and_counts_from_the_correction():
    # Received Mon 3 Mar 2025: 20 working days → Mon 31 Mar. A third-party consultation over
    # 10–14 Mar takes 5 working days out: Tue 1, Wed 2, Thu 3 Apr, (清明 4–6 Apr), Mon 7, Tue 8 Apr.
    record = {"kind": "request", "received": "2025-03-03"}
    assert gongkai.request_timeline(record)["timeline"]["reply_due"]["due"] == D(2025, 3, 31)
    consulted = {**record, "consultations": [{"party": "third_party", "start": "2025-03-10", "end": "2025-03-14"}]}
    t = gongkai.request_timeline(consulted)["timeline"]
    assert t["reply_due"]["due"] == D(2025, 4, 8)
    reasons = {s["reason"] for s in t["reply_due"]["explanation"]["excluded"]}
    assert {"consultation", "holiday", "weekend"} <= reasons
    # 第三十条: after a notice to correct, the clock runs from the corrected request (Fri 24 Jan 2025).
    corrected = {"kind": "request", "received": "2025-01-10",
                 "corrections": [{"notice_date": "2025-01-15", "corrected_received": "2025-01-24"}]}
    t = gongkai.request_timeline(corrected)["timeline"]
    assert t["reply_due"]["due"] == D(2025, 2, 27)
    # The notice itself was due 7 working days after Fri 10 Jan: 13–17 Jan (5), 20, 21 Jan.
    assert t["correction_notice_due"]["due"] == D(2025, 1, 21)


def test_request_timeline_uses_the_given_calendar(repo):
    only_2025 = gongkai.Calendar.from_paths([repo / "catalogues" / "calendar" / "2025.yaml"])
    with pytest.raises(gongkai.CalendarError):
        gongkai.request_timeline({"kind": "request", "received": "2026-03-02"}, calendar=only_2025)


@pytest.mark.parametrize(
    "bad, at",
    [
        ({"kind": "request"}, "/received"),
        ({"kind": "request", "received": "2025-02-30"}, "/received"),
        # The one date rule: YYYY-MM-DD, two-digit month and day.
        ({"kind": "request", "received": "2025-9-30"}, "/received"),
        ({"kind": "request", "received": 5}, "/received"),
        ([1], ""),
    ],
)
def test_records_that_are_not_requests_answer_no_timeline_and_say_why(bad, at):
    # As the CLI and the browser answer: the problems are in the answer, not raised.
    answer = gongkai.request_timeline(bad)
    assert answer["timeline"] is None and answer["provisional"] is False
    errors = [d for d in answer["diagnostics"] if d["severity"] == "error"]
    assert errors and errors[0]["path"] == at, answer["diagnostics"]


def test_json_text_that_does_not_parse_raises_record_error():
    with pytest.raises(gongkai.RecordError) as e:
        gongkai.request_timeline("[1,")
    assert e.value.code == "input_invalid_json"


# ── fees ─────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("n, amount", [(0, 0), (10, 0), (11, 100), (30, 2000), (31, 2200), (35, 3000), (40, 4000), (41, 4300)])
def test_fee_by_pieces_follows_the_bands(n, amount):
    fee = gongkai.fee_by_pieces(n)
    assert (fee["unit"], fee["units"], fee["amount"]) == ("pieces", n, amount)
    assert sum(b["subtotal"] for b in fee["bands"]) == amount
    assert any("109号" in b["instrument"] for b in fee["basis"])


def test_fee_beyond_thirty_pieces_says_the_reading_is_an_interpretation():
    assert gongkai.fee_by_pieces(30).get("notes", []) == []
    assert gongkai.fee_by_pieces(31)["notes"]


@pytest.mark.parametrize("n, amount", [(30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (250, 4700)])
def test_fee_by_pages_follows_the_bands(n, amount):
    fee = gongkai.fee_by_pages(n)
    assert (fee["unit"], fee["amount"]) == ("pages", amount)


def test_fee_for_more_pieces_is_the_monthly_increment():
    # 8 pieces earlier this month, 5 more: pieces 9–13, of which 11–13 are charged 100 each.
    assert gongkai.fee_for_more_pieces(8, 5) == 300
    assert gongkai.fee_for_more_pieces(0, 10) == 0


@pytest.mark.parametrize("call", [lambda: gongkai.fee_by_pages(-1), lambda: gongkai.fee_by_pieces(-5),
                                  lambda: gongkai.fee_for_more_pieces(1, -1)])
def test_negative_counts_are_refused(call):
    with pytest.raises(gongkai.GongkaiError) as e:
        call()
    assert e.value.code == "invalid_argument"


# ── provisional years, strict mode, the request clock ────────────────────────────────────────


def test_a_deadline_into_2027_is_provisional():
    d = gongkai.working_days_after(D(2026, 12, 7), 20)
    assert d["due"] == D(2027, 1, 5) and d["provisional"] is True
    p = d["explanation"]["provisional"][0]
    assert p["year"] == 2027 and "2024" in p["reason"]["en"]
    assert {"date": D(2027, 1, 1), "holiday": "new_year", "name": {"zh": "元旦", "en": "New Year's Day"}} in p["statutory_days"]
    assert gongkai.working_days_after(D(2026, 3, 2), 20)["provisional"] is False
    with pytest.raises(gongkai.CalendarError):
        gongkai.working_days_after(D(2026, 12, 7), 20, calendar=gongkai.Calendar.strict())


def test_spring_festival_2027_is_off_and_provisional():
    k = gongkai.day_kind(D(2027, 2, 8))
    assert (k.kind, k.name, k.provisional) == ("holiday", "春节", True)
    assert gongkai.day_kind(D(2026, 2, 17)).provisional is False
    cal = gongkai.Calendar.default()
    assert cal.is_provisional(2027) and not cal.is_provisional(2026)
    assert cal.provisional_years()[0]["year"] == 2027
    with pytest.raises(gongkai.CalendarError):
        gongkai.Calendar.strict().day_kind(D(2027, 2, 8))


def test_an_unanswered_overdue_request_is_reported():
    record = {"kind": "request", "received": "2026-03-02", "channel": "in_person"}
    report = gongkai.check(record, today=D(2026, 4, 15))
    assert [d.code for d in report.diagnostics] == ["request_overdue_unanswered"]
    t = gongkai.request_timeline(record, today=D(2026, 3, 26))
    assert t["timeline"]["clock"] == {"on": D(2026, 3, 26), "limit": D(2026, 3, 30), "working_days_elapsed": 18,
                          "working_days_left": 2, "state": "due_soon"}
    assert t["provisional"] is False
    late = {"kind": "request", "received": "2026-12-07", "channel": "online"}
    assert {d.code for d in gongkai.check(late).diagnostics} == {"calendar_provisional"}
    assert {d.code for d in gongkai.check(late, strict_calendar=True).diagnostics} == {"request_calendar_not_covered"}
    assert gongkai.request_timeline(late)["provisional"] is True
