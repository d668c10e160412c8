//! The calendar against independent answers: the 2026 notice as published (cn-law.md §10.2),
//! every day of every covered year against the holiday-cn files, and properties of the counts.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use gongkai::calendar::{Calendar, CalendarError, DayKind};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn range(a: &str, b: &str) -> Vec<NaiveDate> {
    d(a).iter_days().take_while(|x| *x <= d(b)).collect()
}

/// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), transcribed from the notice.
const NOTICE_2026: &[(&str, &str, &str, &[&str])] = &[
    ("元旦", "2026-01-01", "2026-01-03", &["2026-01-04"]),
    ("春节", "2026-02-15", "2026-02-23", &["2026-02-14", "2026-02-28"]),
    ("清明节", "2026-04-04", "2026-04-06", &[]),
    ("劳动节", "2026-05-01", "2026-05-05", &["2026-05-09"]),
    ("端午节", "2026-06-19", "2026-06-21", &[]),
    ("中秋节", "2026-09-25", "2026-09-27", &[]),
    ("国庆节", "2026-10-01", "2026-10-07", &["2026-09-20", "2026-10-10"]),
];

#[test]
fn every_date_of_the_2026_notice() {
    let cal = Calendar::embedded();
    let mut special = HashMap::new();
    for (name, from, to, makeup) in NOTICE_2026 {
        for day in range(from, to) {
            match cal.day_kind(day).unwrap() {
                DayKind::Holiday { name: n } => assert_eq!(&n.zh, name, "{day}"),
                other => panic!("{day} should be {name} off, is {other:?}"),
            }
            special.insert(day, false);
        }
        for m in *makeup {
            match cal.day_kind(d(m)).unwrap() {
                DayKind::MakeupWorkingDay { name: n } => assert_eq!(&n.zh, name, "{m}"),
                other => panic!("{m} should be a make-up working day, is {other:?}"),
            }
            special.insert(d(m), true);
        }
    }
    // Every other day of 2026 follows the ordinary week.
    for day in range("2026-01-01", "2026-12-31") {
        let working = cal.is_working_day(day).unwrap();
        let expected = special.get(&day).copied().unwrap_or(!matches!(day.weekday(), Weekday::Sat | Weekday::Sun));
        assert_eq!(working, expected, "{day}");
    }
    assert_eq!(special.len(), 33 + 6);
}

fn holiday_cn_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/holiday-cn");
    dir.is_dir().then_some(dir)
}

#[test]
fn every_day_of_every_covered_year_matches_holiday_cn() {
    let Some(dir) = holiday_cn_dir() else {
        // CI always has shared/ beside the clone: there the cross-check must run, never pass empty.
        assert!(std::env::var_os("CI").is_none(), "../../shared/data/holiday-cn is missing under CI");
        println!("note: ../../shared/data/holiday-cn not found; cross-check against holiday-cn skipped");
        return;
    };
    let cal = Calendar::embedded();
    // The announced years (those after 2026 are provisional, derived from the 放假办法).
    let years: Vec<i32> = cal.years().filter(|y| !cal.is_provisional(*y)).collect();
    assert_eq!(years, (2007..=2026).collect::<Vec<_>>());
    // A file's year is its notice's year: its dates may lie in the previous year, so read them all.
    let mut listed: HashMap<NaiveDate, (bool, String)> = HashMap::new();
    for year in 2007..=2027 {
        let text = std::fs::read_to_string(dir.join(format!("{year}.json"))).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        for day in json["days"].as_array().unwrap() {
            let date = d(day["date"].as_str().unwrap());
            let off = day["isOffDay"].as_bool().unwrap();
            assert!(listed.insert(date, (off, day["name"].as_str().unwrap().to_owned())).is_none(), "{date} twice");
        }
    }
    let mut checked = 0;
    for year in years {
        for day in range(&format!("{year}-01-01"), &format!("{year}-12-31")) {
            let kind = cal.day_kind(day).unwrap();
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            match listed.get(&day) {
                Some((true, name)) => {
                    assert_eq!(kind, DayKind::Holiday { name: kind.name().unwrap().clone() }, "{day}");
                    assert_eq!(&kind.name().unwrap().zh, name, "{day}");
                }
                Some((false, name)) if weekend => {
                    assert!(matches!(kind, DayKind::MakeupWorkingDay { .. }), "{day}: {kind:?}");
                    assert_eq!(&kind.name().unwrap().zh, name, "{day}");
                }
                Some((false, _)) => assert_eq!(kind, DayKind::WorkingDay, "{day}"),
                None if weekend => assert_eq!(kind, DayKind::Weekend, "{day}"),
                None => assert_eq!(kind, DayKind::WorkingDay, "{day}"),
            }
            assert_eq!(cal.is_working_day(day).unwrap(), kind.is_working_day());
            checked += 1;
        }
    }
    assert_eq!(checked, 7305);
}

#[test]
fn years_outside_the_data_are_errors_that_say_how_to_load_them() {
    // Before the first notice, and past the provisional years, there is no answer.
    for date in ["2006-12-31", "1999-05-01", "2040-01-02"] {
        let err = Calendar::embedded().day_kind(d(date)).unwrap_err();
        assert_eq!(err, CalendarError::YearNotCovered { year: d(date).year() });
    }
    // In strict mode a year without a notice is an error too.
    let cal = Calendar::embedded_strict();
    for date in ["2027-01-01", "2006-12-31", "1999-05-01"] {
        let err = cal.day_kind(d(date)).unwrap_err();
        assert_eq!(err, CalendarError::YearNotCovered { year: d(date).year() });
        let msg = err.to_string();
        assert!(msg.contains(&d(date).year().to_string()) && msg.contains("--calendar"), "{msg}");
    }
    // Counting into a year without data fails and names that year.
    assert_eq!(cal.add_working_days(d("2026-12-20"), 20).unwrap_err(), CalendarError::YearNotCovered { year: 2027 });
    assert_eq!(
        cal.working_days_between(d("2026-12-01"), d("2027-01-05")).unwrap_err(),
        CalendarError::YearNotCovered { year: 2027 }
    );
}

#[test]
fn the_start_day_is_not_counted() {
    let cal = Calendar::embedded();
    // Monday 2026-03-02 + 1 working day = Tuesday.
    assert_eq!(cal.add_working_days(d("2026-03-02"), 1).unwrap(), d("2026-03-03"));
    // A Saturday start: the first working day after it is Monday; 20 working days land four weeks later
    // on Friday. chinese_calendar.find_workday(20, Sat) would answer the Monday after (day 0 = Monday).
    assert_eq!(cal.add_working_days(d("2026-03-07"), 20).unwrap(), d("2026-04-03"));
    assert_eq!(cal.add_working_days(d("2026-03-07"), 0).unwrap(), d("2026-03-07"));
    assert_eq!(cal.next_working_day(d("2026-09-30")).unwrap(), d("2026-10-08"));
    // Make-up Saturday 2026-02-14 counts; the Spring Festival block does not.
    assert_eq!(cal.add_working_days(d("2026-02-13"), 1).unwrap(), d("2026-02-14"));
    assert_eq!(cal.add_working_days(d("2026-02-14"), 1).unwrap(), d("2026-02-24"));
    assert_eq!(cal.working_days_between(d("2026-02-13"), d("2026-02-28")).unwrap(), 6);
    // Across a year end.
    // Across a year end: 2026-01-01..03 off, Sunday 2026-01-04 a make-up working day.
    assert_eq!(cal.add_working_days(d("2025-12-31"), 1).unwrap(), d("2026-01-04"));
    assert_eq!(cal.working_days_between(d("2026-01-05"), d("2025-12-31")).unwrap(), -2);
}

/// A test schedule for 2027: every statutory day of the 放假办法 off (a file that leaves one out
/// is refused), with a New Year 调休 on Sunday 2026-12-27 and 1月4日 a working day.
const YEAR_2027: &str = r#"
covers: 2027
notices:
  - title: "test schedule"
    url: "https://example.invalid/2027"
holidays:
  - id: new_year
    name: {zh: "元旦", en: "New Year's Day"}
    off:
      - {from: 2027-01-01, to: 2027-01-03}
    makeup_working_days: [2026-12-27]
  - {id: spring_festival, name: {zh: 春节, en: Spring Festival}, off: [{from: 2027-02-05, to: 2027-02-11}]}
  - {id: qingming, name: {zh: 清明节, en: Qingming Festival}, off: [{from: 2027-04-03, to: 2027-04-05}]}
  - {id: labour_day, name: {zh: 劳动节, en: Labour Day}, off: [{from: 2027-05-01, to: 2027-05-05}]}
  - {id: dragon_boat, name: {zh: 端午节, en: Dragon Boat Festival}, off: [{from: 2027-06-09, to: 2027-06-09}]}
  - {id: mid_autumn, name: {zh: 中秋节, en: Mid-Autumn Festival}, off: [{from: 2027-09-15, to: 2027-09-15}]}
  - {id: national_day, name: {zh: 国庆节, en: National Day}, off: [{from: 2027-10-01, to: 2027-10-07}]}
"#;

#[test]
fn further_years_and_closures_load_from_strings() {
    let cal = Calendar::embedded().with_years_from_str("2027.yaml", YEAR_2027).unwrap();
    assert_eq!(cal.day_kind(d("2027-01-01")).unwrap().as_str(), "holiday");
    assert_eq!(cal.day_kind(d("2027-01-04")).unwrap(), DayKind::WorkingDay);
    // The 2027 notice may set a December 2026 date.
    assert_eq!(cal.day_kind(d("2026-12-27")).unwrap().as_str(), "makeup_working_day");
    assert_eq!(cal.add_working_days(d("2026-12-31"), 1).unwrap(), d("2027-01-04"));
    assert!(!cal.is_provisional(2027));
    assert!(Calendar::embedded().is_provisional(2027), "the embedded calendar is unchanged");
    assert!(Calendar::embedded_strict().day_kind(d("2027-01-04")).is_err());

    let closures =
        "closures:\n  - name: {zh: 闭馆, en: closure}\n    from: 2026-03-02\n    to: 2026-03-03\n    basis: test\n";
    let cal = cal.with_file_str("closures.yaml", closures).unwrap();
    assert_eq!(cal.day_kind(d("2026-03-02")).unwrap().as_str(), "closure");
    assert_eq!(cal.add_working_days(d("2026-03-01"), 1).unwrap(), d("2026-03-04"));
    // Closures keep the years loaded before.
    assert!(cal.is_working_day(d("2027-01-04")).unwrap());
}

#[test]
fn bad_year_files_are_reported_with_where_and_why() {
    let cal = Calendar::embedded();
    let err = cal.with_years_from_str("bad.yaml", "covers: 2027\nnotices: [\n").unwrap_err();
    assert!(err.to_string().starts_with("bad.yaml:"), "{err}");
    let weekday_makeup = YEAR_2027.replace("2026-12-27", "2026-12-28");
    let err = cal.with_years_from_str("x.yaml", &weekday_makeup).unwrap_err();
    assert!(err.to_string().contains("/holidays/0/makeup_working_days/0"), "{err}");
    let backwards = YEAR_2027.replace("to: 2027-01-03", "to: 2026-12-01");
    assert!(cal.with_years_from_str("x.yaml", &backwards).is_err());
    let no_notice = YEAR_2027
        .replace("notices:\n  - title: \"test schedule\"\n    url: \"https://example.invalid/2027\"", "notices: []");
    assert!(cal.with_years_from_str("x.yaml", &no_notice).unwrap_err().to_string().contains("notice"));
}

#[test]
fn every_covered_year_cites_its_notice() {
    for y in Calendar::embedded_strict().year_files() {
        assert_eq!(y.notices[0].title, format!("国务院办公厅关于{}年部分节假日安排的通知", y.covers));
        assert!(y.notices.iter().all(|n| n.url.contains("gov.cn")));
    }
    let extension = Calendar::embedded().year_file(2020).unwrap();
    assert_eq!(extension.notices.len(), 2, "2020 has the Spring Festival extension notice");
}

fn covered_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..7305).prop_map(|n| d("2007-01-01").checked_add_days(Days::new(n)).unwrap())
}

proptest! {
    #[test]
    fn adding_then_counting_round_trips(start in covered_date(), n in 0u32..200) {
        let cal = Calendar::embedded();
        if let Ok(due) = cal.add_working_days(start, n) {
            prop_assert_eq!(cal.working_days_between(start, due).unwrap(), n as i64);
            if n > 0 {
                prop_assert!(cal.is_working_day(due).unwrap());
                // The day before the due date is still short of n.
                let before = due.pred_opt().unwrap();
                prop_assert_eq!(cal.working_days_between(start, before).unwrap(), n as i64 - 1);
            }
        }
    }

    #[test]
    fn adding_is_monotonic(a in covered_date(), b in covered_date(), n in 0u32..100, m in 0u32..100) {
        let cal = Calendar::embedded();
        let (a, b) = (a.min(b), a.max(b));
        if let (Ok(x), Ok(y)) = (cal.add_working_days(a, n), cal.add_working_days(b, n)) {
            prop_assert!(x <= y);
        }
        if let (Ok(x), Ok(y)) = (cal.add_working_days(a, n.min(m)), cal.add_working_days(a, n.max(m))) {
            prop_assert!(x <= y);
            prop_assert!(x < y || n == m);
        }
    }

    #[test]
    fn counting_matches_a_day_by_day_walk(a in covered_date(), len in 0u64..60) {
        let cal = Calendar::embedded();
        let b = a.checked_add_days(Days::new(len)).unwrap();
        if b.year() <= 2026 {
            let walked = a.iter_days().skip(1).take_while(|x| *x <= b).filter(|x| cal.is_working_day(*x).unwrap()).count();
            prop_assert_eq!(cal.working_days_between(a, b).unwrap(), walked as i64);
        }
    }
}
