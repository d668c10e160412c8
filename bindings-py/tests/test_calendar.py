"""Calendar answers against the State Council's holiday notices (国办发明电〔2024〕12号 for 2025)."""

import datetime as dt

import pytest

import gongkai


def test_spring_festival_2025_block_and_makeup_days():
    # 春节: 28 Jan – 4 Feb 2025 off; Sun 26 Jan and Sat 8 Feb are working days (调休).
    for day in range(28, 32):
        assert not gongkai.is_working_day(dt.date(2025, 1, day))
    kind = gongkai.day_kind(dt.date(2025, 1, 29))
    assert (kind.kind, kind.name, kind.is_working_day) == ("holiday", "春节", False)
    makeup = gongkai.day_kind(dt.date(2025, 1, 26))
    assert makeup.kind == "makeup_working_day" and makeup.is_working_day
    assert gongkai.day_kind(dt.date(2025, 2, 8)).kind == "makeup_working_day"
    assert gongkai.day_kind(dt.date(2025, 3, 1)).kind == "weekend"
    assert gongkai.day_kind(dt.date(2025, 3, 3)).kind == "working_day"


def test_add_working_days_skips_the_holiday_and_counts_makeup_days():
    # The first working day after Mon 27 Jan 2025 is Wed 5 Feb (28 Jan – 4 Feb off).
    assert gongkai.add_working_days(dt.date(2025, 1, 27), 1) == dt.date(2025, 2, 5)
    # From Fri 24 Jan: Sun 26 (调休), Mon 27, then 5, 6, 7 Feb.
    assert gongkai.add_working_days(dt.date(2025, 1, 24), 5) == dt.date(2025, 2, 7)
    assert gongkai.add_working_days(dt.date(2025, 1, 24), 0) == dt.date(2025, 1, 24)
    assert gongkai.add_working_days("2025-01-24", 5) == dt.date(2025, 2, 7)
    assert isinstance(gongkai.add_working_days(dt.date(2025, 1, 24), 5), dt.date)


def test_working_days_between_counts_the_half_open_interval():
    assert gongkai.working_days_between(dt.date(2025, 1, 24), dt.date(2025, 2, 7)) == 5
    assert gongkai.working_days_between(dt.date(2025, 2, 7), dt.date(2025, 1, 24)) == -5
    assert gongkai.next_working_day(dt.date(2025, 1, 27)) == dt.date(2025, 2, 5)


def test_datetime_counts_by_its_date():
    assert gongkai.is_working_day(dt.datetime(2025, 1, 26, 9, 30)) is True


def test_years_outside_the_notices_raise_calendar_error():
    years = gongkai.calendar_years()
    assert 2025 in years
    beyond = max(years) + 1
    with pytest.raises(gongkai.CalendarError) as e:
        gongkai.is_working_day(dt.date(beyond, 3, 2))
    assert e.value.code == "calendar_year_not_covered"
    assert isinstance(e.value, ValueError)


@pytest.mark.parametrize("bad", ["2025-02-30", "2025/01/01", "", "tomorrow", "2025-9-7", "+2025-03-02", " 2025-03-02"])
def test_invalid_date_strings_raise(bad):
    # the one date rule: YYYY-MM-DD exactly, as the record reader and the CLI read dates
    with pytest.raises(gongkai.CalendarError) as e:
        gongkai.is_working_day(bad)
    assert e.value.code == "invalid_date"
    assert e.value.path == "date"
    assert "expected YYYY-MM-DD" in str(e.value)


@pytest.mark.parametrize("bad", [None, 20250101, 3.5, b"2025-01-01"])
def test_wrong_types_raise_value_errors(bad):
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.day_kind(bad)
    assert e.value.code == "invalid_argument"


def test_negative_n_is_refused():
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.add_working_days(dt.date(2025, 1, 2), -1)
    assert e.value.code == "invalid_argument"


def test_request_reply_deadline_with_its_working():
    # 条例第三十三条: reply within 20 working days of receipt; received Fri 24 Jan 2025 → Thu 27 Feb
    # (Spring Festival 28 Jan – 4 Feb not counted; Sun 26 Jan and Sat 8 Feb count, 调休).
    d = gongkai.deadline("request_reply", dt.date(2025, 1, 24))
    assert d["due"] == dt.date(2025, 2, 27)
    assert d["explanation"]["working_days"] == 20
    assert any(b["article"].startswith("第三十三条") for b in d["explanation"]["basis"] if b.get("article"))
    assert any(span["reason"] == "holiday" for span in d["explanation"]["excluded"])
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.deadline("no_such_rule", dt.date(2025, 1, 24))
    assert e.value.code == "unknown_id"
