//! Deadline rules (catalogues/deadlines.yaml) against the 条例's numbers and the 2026 notice.

use chrono::NaiveDate;
use gongkai::calendar::Calendar;
use gongkai::deadlines::{self, ExcludedReason};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn rules_carry_the_statutory_numbers_and_citations() {
    let r = deadlines::rules();
    let days = |id: &str| r.rule(id).unwrap().working_days;
    // 条例 Art 26, 30, 32–34; fee payment per the local restatement of 国办函〔2020〕109号.
    assert_eq!(
        [
            days("proactive_publication"),
            days("request_correction_notice"),
            days("request_reply"),
            days("request_extension")
        ],
        [20, 7, 20, 20]
    );
    assert_eq!([days("third_party_consultation"), days("co_maker_consultation"), days("fee_payment")], [15, 15, 20]);
    for rule in &r.rules {
        assert!(!rule.basis.is_empty(), "{} cites nothing", rule.id);
    }
    let fee = r.rule("fee_payment").unwrap();
    assert_eq!(fee.basis[0].status, gongkai::Status::Unverified);
    assert!(r.rule("third_party_consultation").unwrap().excluded_from_reply_period);
    assert!(r.rule("request_extension").unwrap().maximum);
    assert_eq!(r.receipt_channels.len(), 5);
}

#[test]
fn annual_report_dates() {
    assert_eq!(deadlines::annual_report_due("annual_report.department", 2026).unwrap().0, d("2026-01-31"));
    assert_eq!(deadlines::annual_report_due("annual_report.government", 2026).unwrap().0, d("2026-03-31"));
    assert_eq!(deadlines::annual_report_due("annual_report.university", 2026).unwrap().0, d("2026-10-31"));
    assert!(deadlines::annual_report_due("annual_report.nobody", 2026).is_err());
}

#[test]
fn proactive_publication_over_spring_festival_shows_its_working() {
    let cal = Calendar::embedded();
    // Formed Friday 2026-02-06: 2026-02-09..13 (5), Sat 02-14 make-up (6), 02-15..23 off, 02-24..27 (10),
    // Sat 02-28 make-up (11), 03-02..06 (16), 03-09..12 (20).
    let dl = deadlines::by_rule(cal, "proactive_publication", d("2026-02-06")).unwrap();
    assert_eq!(dl.due, d("2026-03-12"));
    let e = &dl.explanation;
    assert_eq!(e.start, d("2026-02-06"));
    assert_eq!(e.counting_from, Some(d("2026-02-07")));
    let festival = e.excluded.iter().find(|s| s.reason == ExcludedReason::Holiday).unwrap();
    assert_eq!((festival.from, festival.to, festival.days), (d("2026-02-15"), d("2026-02-23"), 9));
    assert_eq!(festival.name.as_ref().unwrap().en, "Spring Festival");
    assert!(e.excluded.iter().all(|s| s.from != d("2026-02-14") && s.from != d("2026-02-28")));
    assert_eq!(e.basis[0].article.as_deref(), Some("第二十六条"));
    let json = serde_json::to_value(&dl).unwrap();
    assert_eq!(json["due"], "2026-03-12");
    assert!(deadlines::by_rule(cal, "no_such_rule", d("2026-02-06")).is_err());
}
