//! `calendar::notice::parse_notice` on the texts of real notices (tests/fixtures/notices/, each
//! with its source address on the first line): every one gives the same working and non-working
//! days, and the same 调休 working days, as the embedded year files (from holiday-cn).

use chrono::{Datelike, NaiveDate};
use gongkai::calendar::Calendar;
use gongkai::calendar::notice::parse_notice;

fn fixture(year: i32) -> String {
    let path = format!("{}/tests/fixtures/notices/{year}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Days the later notice of the year changed, left out of the comparison: 2015's second notice
/// (the 70th-anniversary days off, 9月3日–5日, 9月6日 worked), 2019's second (Labour Day 5月1日–4日,
/// 4月28日 and 5月5日 worked).
fn amended(day: NaiveDate) -> bool {
    (d("2015-09-03") <= day && day <= d("2015-09-06")) || (d("2019-04-28") <= day && day <= d("2019-05-05"))
}

#[test]
fn real_notices_give_the_embedded_days() {
    let embedded = Calendar::embedded_strict();
    for year in [2015, 2019, 2023, 2024, 2025, 2026] {
        let text = fixture(year);
        let file = parse_notice(&format!("{year}.txt"), &text, "https://example.invalid").unwrap();
        assert_eq!(file.covers, year);
        let json = serde_json::to_string(&file).unwrap();
        let cal = embedded.with_years_from_str(&format!("{year}.json"), &json).unwrap();
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let mut compared = 0;
        for day in first.iter_days().take_while(|x| x.year() == year).filter(|x| !amended(*x)) {
            let (a, b) = (cal.day_kind(day).unwrap(), embedded.day_kind(day).unwrap());
            assert_eq!(a.is_working_day(), b.is_working_day(), "{year}: {day}: imported {a:?}, embedded {b:?}");
            assert_eq!(a.as_str() == "makeup_working_day", b.as_str() == "makeup_working_day", "{day}");
            compared += 1;
        }
        assert!(compared >= 357, "{year}: {compared}");
        // The notice's days in the previous December (2019: 2018-12-29..31; 2023: 2022-12-31).
        for day in ["2018-12-29", "2018-12-30", "2018-12-31", "2022-12-31"] {
            if d(day).year() + 1 == year {
                assert_eq!(cal.day_kind(d(day)).unwrap(), embedded.day_kind(d(day)).unwrap(), "{day}");
            }
        }
    }
}

#[test]
fn bad_notice_texts_name_the_line() {
    let text = fixture(2026);
    // A make-up day that is not a weekend: 1月5日 is a Monday.
    let bad = text.replace("1月4日（周日）上班", "1月5日（周一）上班");
    let err = parse_notice("n.txt", &bad, "").unwrap_err().to_string();
    assert!(err.contains("n.txt:8") && err.contains("2026-01-05"), "{err}");
    // Dates out of order.
    let bad = text.replace("10月1日（周四）至7日", "10月7日（周四）至1日");
    let err = parse_notice("n.txt", &bad, "").unwrap_err().to_string();
    assert!(err.contains("n.txt:20") && err.contains("before"), "{err}");
    // A missing holiday.
    let bad: String = text.lines().filter(|l| !l.contains("端午节：")).collect::<Vec<_>>().join("\n");
    let err = parse_notice("n.txt", &bad, "").unwrap_err().to_string();
    assert!(err.contains("端午节"), "{err}");
    // A date that does not exist.
    let bad = text.replace("2月28日（周六）上班", "2月30日（周六）上班");
    assert!(parse_notice("n.txt", &bad, "").unwrap_err().to_string().contains("n.txt:10"));
    // No year.
    assert!(parse_notice("n.txt", "一、元旦：1月1日放假。", "").is_err());
}

#[test]
fn a_notice_contradicting_the_statutory_days_is_refused() {
    // 中秋 2026 is 9月25日: a notice giving only 26–27日 off leaves a statutory day out.
    let text = fixture(2026).replace("9月25日（周五）至27日（周日）放假", "9月26日（周六）至27日（周日）放假");
    let file = parse_notice("n.txt", &text, "").unwrap();
    let err = Calendar::embedded()
        .with_years_from_str("n.txt", &serde_json::to_string(&file).unwrap())
        .unwrap_err()
        .to_string();
    assert!(err.contains("2026-09-25") && err.contains("中秋节") && err.contains("第二条"), "{err}");
}
