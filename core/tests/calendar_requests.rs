//! Request records: every conformance case in tests/cases/request/ through `check_request`
//! (codes and paths compared exactly, in any order), and the timeline's readings.

use std::path::PathBuf;

use chrono::NaiveDate;
use gongkai::Catalogue;
use gongkai::calendar::Calendar;
use gongkai::deadlines::request::{RequestSettings, request_timeline};
use gongkai::deadlines::{self, RequestRecord};

/// The Art 15 grounds the cases cite. Until the grounds catalogue in this build has them, the test
/// adds them (the same ids and nature as the data work's catalogue).
const ART15_GROUNDS: &str = r#"
  - id: ogi.art15.trade_secret
    title: { zh: 涉及商业秘密的政府信息, en: information involving trade secrets }
    basis:
      - { instrument: 政府信息公开条例, article: 第十五条 }
    nature: qualified
    kinds: [administrative]
  - id: ogi.art15.personal_privacy
    title: { zh: 涉及个人隐私的政府信息, en: information involving personal privacy }
    basis:
      - { instrument: 政府信息公开条例, article: 第十五条 }
    nature: qualified
    kinds: [administrative]
"#;

fn catalogue() -> Catalogue {
    let embedded = Catalogue::embedded();
    if embedded.ground("ogi.art15.trade_secret").is_some() {
        return embedded.clone();
    }
    let sources: Vec<(String, String)> = gongkai::catalogue::embedded::FILES
        .iter()
        .map(|(p, t)| {
            let text = if *p == "grounds.yaml" {
                t.replacen("\nresponse_types:", &format!("{ART15_GROUNDS}response_types:"), 1)
            } else {
                (*t).to_owned()
            };
            ((*p).to_owned(), text)
        })
        .collect();
    Catalogue::from_sources(&sources).unwrap()
}

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/cases/request")
}

#[test]
fn every_request_case() {
    let cat = catalogue();
    let mut paths: Vec<_> = std::fs::read_dir(cases_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut seen_codes = std::collections::BTreeMap::<String, usize>::new();
    for path in &paths {
        let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut expected: Vec<(String, String)> = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["code"].as_str().unwrap().to_owned(), e["path"].as_str().unwrap().to_owned()))
            .collect();
        // Options: `today` reads the reply clock; `strict_calendar` refuses provisional years.
        let opts = &case["options"];
        let today = opts["today"].as_str().map(|t| t.parse().unwrap());
        let cal = if opts["strict_calendar"] == true { Calendar::embedded_strict() } else { Calendar::embedded() };
        let settings = RequestSettings::from_catalogue(&cat).with_today(today);
        let mut got: Vec<(String, String)> = deadlines::check_request_with(&cat, cal, &case["record"], settings)
            .into_iter()
            .map(|d| (d.code.to_owned(), d.path.into_owned()))
            .collect();
        expected.sort();
        got.sort();
        for (code, _) in &expected {
            *seen_codes.entry(code.clone()).or_default() += 1;
        }
        if expected != got {
            failures.push(format!("{}: expected {expected:?}, got {got:?}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every declared code has at least two cases.
    for info in deadlines::CODES {
        let n = seen_codes.get(info.code).copied().unwrap_or(0);
        assert!(n >= 2, "code {} has {n} case(s)", info.code);
    }
    assert!(paths.len() >= 2 * deadlines::CODES.len());
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn record(received: &str) -> RequestRecord {
    RequestRecord { kind: "request".into(), received: d(received), ..Default::default() }
}

#[test]
fn non_working_day_receipt_reading_is_an_option() {
    let cal = Calendar::embedded();
    // Received on Saturday 2026-03-07.
    let plain = request_timeline(cal, &record("2026-03-07"), RequestSettings::default()).unwrap();
    assert_eq!(plain.effective_received, d("2026-03-07"));
    assert_eq!(plain.reply_due.as_ref().unwrap().due, d("2026-04-03"));
    assert!(plain.receipt_reading.en.contains("actual receipt date"));
    let moved = RequestSettings::default().with_next_working_day_receipt(true);
    let local = request_timeline(cal, &record("2026-03-07"), moved).unwrap();
    assert_eq!(local.effective_received, d("2026-03-09"));
    // One working day later: what chinese_calendar.find_workday(20, d) answers.
    assert_eq!(local.reply_due.as_ref().unwrap().due, d("2026-04-07"));
    assert!(local.reply_due.unwrap().explanation.notes.iter().any(|n| n.en.contains("next working day")));
}

#[test]
fn overlay_switches_the_option_on() {
    let overlay = r#"
id: test.local
version: "1"
title: { zh: 测试, en: test }
applies_to: { kinds: [administrative] }
basis:
  - { instrument: 某省政府信息公开规定, article: 第十条 }
request_options:
  non_working_day_receipt_moves_to_next_working_day: true
  basis:
    - { instrument: 某省政府信息公开规定, article: 第十条 }
"#;
    let cat = catalogue().with_overlay("local.yaml", overlay).unwrap();
    assert!(RequestSettings::from_catalogue(&cat).non_working_day_receipt_moves_to_next_working_day);
    let rec = serde_json::json!({"kind": "request", "received": "2026-03-07", "reply_date": "2026-04-07", "response_type": "granted"});
    assert!(deadlines::check_request(&cat, &rec).is_empty());
    let late: Vec<_> = deadlines::check_request(&catalogue(), &rec).into_iter().map(|d| d.code).collect();
    assert_eq!(late, ["request_reply_late"]);
}

#[test]
fn reply_timeline_shows_its_working() {
    let cal = Calendar::embedded();
    let mut rec = record("2026-09-25");
    rec.consultations.push(deadlines::request::Consultation {
        party: deadlines::request::Party::ThirdParty,
        start: d("2026-10-12"),
        end: d("2026-10-16"),
    });
    let t = request_timeline(cal, &rec, RequestSettings::default()).unwrap();
    let due = t.reply_due.unwrap();
    // 2026-10-29 without the consultation; its 5 working days push it to 2026-11-05.
    assert_eq!(due.due, d("2026-11-05"));
    let reasons: Vec<_> = due.explanation.excluded.iter().map(|e| serde_json::to_value(&e.reason).unwrap()).collect();
    assert!(reasons.contains(&"consultation".into()) && reasons.contains(&"holiday".into()));
    let national_day = due.explanation.excluded.iter().find(|e| e.from == d("2026-10-01")).unwrap();
    assert_eq!((national_day.to, national_day.name.as_ref().unwrap().zh.as_ref()), (d("2026-10-07"), "国庆节"));
    assert_eq!(due.explanation.rule.as_deref(), Some("request_reply"));
    assert!(due.explanation.basis.iter().any(|b| b.article.as_deref() == Some("第三十三条第二款")));
}

#[test]
fn bad_records_never_panic() {
    let cat = catalogue();
    for v in [
        serde_json::json!(null),
        serde_json::json!([1]),
        serde_json::json!({"received": 5}),
        serde_json::json!({"received": "2026-03-02", "corrections": "x", "consultations": [{}], "extension": {"approved": "yes"}, "fee": {"amount": -1}}),
    ] {
        let diags = deadlines::check_request(&cat, &v);
        assert!(!diags.is_empty(), "{v}");
        assert!(diags.iter().all(|d| d.code == "request_invalid_value"), "{v}: {diags:?}");
    }
}

#[test]
fn the_request_clock_says_working_days_elapsed_and_left() {
    let cal = Calendar::embedded();
    let record = RequestRecord { kind: "request".into(), received: d("2026-03-02"), ..Default::default() };
    // Received Mon 2 March: due Mon 30 March. On Thu 26 March 18 working days have gone, 2 are left.
    let settings = RequestSettings::default().with_today(Some(d("2026-03-26")));
    let clock = request_timeline(cal, &record, settings).unwrap().clock.unwrap();
    assert_eq!((clock.limit, clock.working_days_elapsed, clock.working_days_left), (d("2026-03-30"), 18, 2));
    // On 15 April, over Qingming (4–6 April off): 11 working days past the limit.
    let settings = RequestSettings::default().with_today(Some(d("2026-04-15")));
    let clock = request_timeline(cal, &record, settings).unwrap().clock.unwrap();
    assert_eq!((clock.working_days_elapsed, clock.working_days_left), (31, -11));
    assert_eq!(serde_json::to_value(clock.state).unwrap(), "overdue");
    // A reply reads the clock on the reply date, with or without `today`.
    let replied = RequestRecord { reply_date: Some(d("2026-03-27")), ..record.clone() };
    let clock = request_timeline(cal, &replied, RequestSettings::default()).unwrap().clock.unwrap();
    assert_eq!((clock.working_days_elapsed, clock.working_days_left), (19, 1));
    // No reply and no `today`: no clock.
    assert!(request_timeline(cal, &record, RequestSettings::default()).unwrap().clock.is_none());
}
