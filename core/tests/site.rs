//! The site inspection against answers worked out by hand from the indicators (国办秘函〔2019〕19号
//! as restated in inspection notices) and the 2026 holiday notice: the two examples, each
//! indicator's edge, early warnings, interaction deadlines on the clock and on the calendar,
//! overlays, and bad input.

use std::collections::BTreeSet;

use gongkai::site::{self, FindingKind, SiteOptions, SiteRules, Verdict};
use serde_json::{Value, json};

fn example(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/site").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn findings(r: &site::SiteReport) -> BTreeSet<(String, &'static str, String)> {
    r.findings.iter().map(|f| (f.diagnostic.path.to_string(), f.kind.as_str(), f.diagnostic.code.to_owned())).collect()
}

fn set(items: &[(&str, &'static str, &str)]) -> BTreeSet<(String, &'static str, String)> {
    items.iter().map(|(p, k, c)| ((*p).to_owned(), *k, (*c).to_owned())).collect()
}

/// A snapshot with nothing wrong on 2026-03-10, to break one thing at a time.
fn base() -> Value {
    json!({
        "kind": "site", "as_of": "2026-03-10",
        "site": {"name": "某县人民政府网站"},
        "homepage": {"last_updated": "2026-03-09"},
        "columns": [
            {"id": "yw", "title": "要闻", "type": "news", "items": [{"title": "a", "published": "2026-03-09"}]},
            {"id": "zxzx", "title": "咨询", "type": "consultation"}
        ]
    })
}

fn check(v: &Value) -> site::SiteReport {
    site::check(v, &SiteOptions::new())
}

#[test]
fn the_clean_example_passes_with_full_marks() {
    let r = check(&example("county-clean.json"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(r.verdict, Verdict::Pass);
    assert_eq!(r.score, 100);
    assert_eq!(r.interaction.messages, 2, "the invalid message is not counted");
    assert_eq!(r.interaction.response_rate, Some(1.0));
    assert_eq!(r.interaction.close_rate, Some(1.0));
}

#[test]
fn the_failing_example_fails_at_each_pointer() {
    let r = check(&example("township-failing.json"));
    let expected = set(&[
        ("/homepage", "veto", "site_homepage_stale"),
        ("/columns/0", "veto", "site_columns_stale"),
        ("/columns/1", "veto", "site_columns_stale"),
        ("/columns/2", "veto", "site_columns_stale"),
        ("/columns/3", "veto", "site_columns_stale"),
        ("/columns/4", "veto", "site_columns_stale"),
        ("/columns/6", "warning", "site_columns_blank_warning"),
        ("/columns/7", "warning", "site_columns_blank_warning"),
        ("/messages/0", "veto", "site_messages_unanswered"),
        ("/messages/0", "warning", "site_interaction_overdue"),
        ("/messages/1", "warning", "site_interaction_response_late"),
        ("/messages/1", "deduction", "site_reply_slow"),
        ("/messages/2", "warning", "site_interaction_response_late"),
        ("/policies/0/interpretation", "deduction", "site_interpretation_unlinked"),
        ("/columns/5/items/0/text", "deduction", "site_personal_data_exposed"),
        ("/accounts/0", "veto", "site_account_stale"),
        ("/accounts/1/interaction", "veto", "site_account_no_interaction"),
        ("/availability", "veto", "site_site_unavailable"),
    ]);
    assert_eq!(findings(&r), expected);
    assert_eq!(r.verdict, Verdict::Fail);
    assert_eq!(r.vetoes, 10);
    // 1 (reply_slow) + 2 (personal data) + 1 (interpretation) points off.
    assert_eq!(r.score, 96);
    // Responses judged: the open message past 72 h, and two answered after more than 72 h.
    assert_eq!((r.interaction.responded_on_time, r.interaction.response_judged), (0, 3));
    assert_eq!((r.interaction.closed_on_time, r.interaction.close_judged), (1, 3));
    // Rectification list: vetoes first.
    assert_eq!(r.rectifications()[0].kind, FindingKind::Veto);
}

#[test]
fn homepage_veto_falls_on_the_fourteenth_day_with_warnings_from_the_tenth() {
    for (last, expect) in [
        ("2026-02-24", Some(("veto", 0))),    // 14 days before: the two weeks hold no update
        ("2026-02-25", Some(("warning", 1))), // 13 days: 1 day left
        ("2026-02-28", Some(("warning", 4))), // 10 days: the warning level
        ("2026-03-01", None),                 // 9 days
    ] {
        let mut v = base();
        v["homepage"]["last_updated"] = json!(last);
        let r = check(&v);
        let got = r
            .findings
            .iter()
            .find(|f| f.diagnostic.path == "/homepage")
            .map(|f| (f.kind.as_str(), f.days_left.unwrap()));
        assert_eq!(got, expect, "last updated {last}");
    }
}

#[test]
fn five_stale_columns_fail_four_warn_with_the_day_the_fifth_falls() {
    let mut v = base();
    let cols = v["columns"].as_array_mut().unwrap();
    for i in 0..4 {
        cols.push(json!({"id": format!("s{i}"), "title": "动态", "type": "news", "items": [{"title": "x", "published": "2026-02-01"}]}));
    }
    // Going stale on 2026-03-12 (last item 2026-02-26 + 14 days), 2 days after as_of.
    cols.push(json!({"id": "soon", "title": "工作动态", "type": "news", "items": [{"title": "x", "published": "2026-02-26"}]}));
    let r = check(&v);
    let soon = r
        .findings
        .iter()
        .find(|f| f.diagnostic.path == "/columns/6")
        .expect("warning for the column about to go stale");
    assert_eq!((soon.kind, soon.days_left), (FindingKind::Warning, Some(2)));
    assert!(r.findings.iter().all(|f| f.kind != FindingKind::Veto), "{:#?}", r.findings);
    assert_eq!(r.verdict, Verdict::Pass);

    // A second-level notice column does not count; a first-level one 6 months old does.
    v["columns"].as_array_mut().unwrap().push(
        json!({"id": "tz2", "title": "通知", "type": "notice", "level": 2, "items": [{"title": "x", "published": "2025-01-01"}]}),
    );
    assert_eq!(check(&v).verdict, Verdict::Pass);
    v["columns"].as_array_mut().unwrap().push(
        json!({"id": "tz1", "title": "通知公告", "type": "notice", "items": [{"title": "x", "published": "2025-09-10"}]}),
    );
    let r = check(&v);
    assert_eq!(r.vetoes, 5, "{:#?}", r.findings);
    assert!(r.findings.iter().any(|f| f.diagnostic.path == "/columns/8" && f.kind == FindingKind::Veto));
}

#[test]
fn blank_and_long_stale_columns_are_counted_to_their_limits() {
    let mut v = base();
    for i in 0..5 {
        v["columns"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": format!("b{i}"), "title": "空", "type": "other", "items": []}));
    }
    let r = check(&v);
    assert_eq!(r.findings.iter().filter(|f| f.diagnostic.code == "site_columns_blank").count(), 5);

    let mut v = base();
    for i in 0..10 {
        v["columns"].as_array_mut().unwrap().push(json!({"id": format!("r{i}"), "title": "人事", "type": "other",
            "update_days": 30, "items": [{"title": "x", "published": "2026-02-08"}]}));
    }
    assert_eq!(check(&v).vetoes, 10, "30 days after 2026-02-08 is 2026-03-10");
    v["columns"][11]["items"][0]["published"] = json!("2026-02-09");
    let r = check(&v);
    assert_eq!(r.vetoes, 0);
    assert_eq!(r.findings.iter().filter(|f| f.diagnostic.code == "site_columns_long_stale_warning").count(), 9);
}

#[test]
fn messages_unanswered_three_months_fail_excluded_columns_do_not() {
    let mut v = base();
    v["columns"].as_array_mut().unwrap().push(json!({"id": "xf", "title": "网上信访", "type": "petition"}));
    v["messages"] = json!([
        {"id": "a", "column": "zxzx", "received": "2025-12-09T10:00"},
        {"id": "b", "column": "zxzx", "received": "2025-12-11T10:00"},
        {"id": "c", "column": "xf", "received": "2025-10-01T10:00"},
        {"id": "d", "column": "zxzx", "received": "2025-12-09T10:00", "valid": false},
        {"id": "e", "column": "zxzx", "received": "2025-02-01T10:00", "replied": "2025-06-01T10:00"},
        {"id": "f", "column": "zxzx", "received": "2025-04-01T10:00", "replied": "2025-07-02T10:00"}
    ]);
    let r = check(&v);
    let vetoes: Vec<&str> =
        r.findings.iter().filter(|f| f.kind == FindingKind::Veto).map(|f| f.diagnostic.path.as_ref()).collect();
    // a: 3 months ran out on 2026-03-09. e: outside the year before monitoring. f: answered after 3 months.
    assert_eq!(vetoes, vec!["/messages/0", "/messages/5"]);
    let warn = r.findings.iter().find(|f| f.diagnostic.code == "site_messages_unanswered_warning").unwrap();
    assert_eq!((warn.diagnostic.path.as_ref(), warn.days_left), ("/messages/1", Some(1)));
}

#[test]
fn closing_limit_counts_working_days_on_the_2026_spring_festival_calendar() {
    // Received Thursday 2026-02-12. 国办发明电〔2025〕号 2026 notice: 15–23 Feb off, Saturday 14 Feb
    // a working day. Five working days: 13, 14, 24, 25, 26 Feb.
    let mut v = base();
    v["messages"] = json!([
        {"id": "on-time", "column": "zxzx", "received": "2026-02-12T09:00", "responded": "2026-02-13T09:00", "replied": "2026-02-26T17:00"},
        {"id": "late", "column": "zxzx", "received": "2026-02-12T09:00", "responded": "2026-02-13T09:00", "replied": "2026-02-27T09:00"}
    ]);
    let r = check(&v);
    assert_eq!(findings(&r), set(&[("/messages/1", "deduction", "site_reply_slow")]));
    let f = &r.findings[0];
    assert_eq!(f.due.unwrap().to_string(), "2026-02-26");
    assert!(f.diagnostic.message.en().contains("working days"), "{}", f.diagnostic.message.en());
    assert_eq!(r.score, 99);
}

#[test]
fn response_limit_counts_hours_on_the_clock() {
    let mut v = base();
    v["messages"] = json!([
        {"id": "72h", "column": "zxzx", "received": "2026-03-06T18:00", "responded": "2026-03-09T18:00"},
        {"id": "72h1m", "column": "zxzx", "received": "2026-03-06T18:00", "responded": "2026-03-09T18:01"},
        {"id": "utc", "column": "zxzx", "received": "2026-03-02T01:00:00Z", "replied": "2026-03-05T08:30:00+08:00"}
    ]);
    let r = check(&v);
    // Over a weekend the clock still runs: 72 hours exactly is on time, one minute more is late.
    // 01:00Z is 09:00 in Beijing: 71.5 hours.
    assert_eq!(findings(&r), set(&[("/messages/1", "warning", "site_interaction_response_late")]));
    assert!(r.findings[0].diagnostic.message.en().contains("on the clock"));
    assert_eq!(r.interaction.response_rate, Some(2.0 / 3.0));
}

#[test]
fn an_overlay_tightens_limits_and_the_linter_refuses_loosening() {
    let tight = r#"
kind: site_overlay
id: province-x-site
version: "2026.1"
title: { zh: 某省政府网站检查细则, en: a province's website inspection rules }
basis:
  - { instrument: 某省政府网站与政务新媒体检查细则, status: unverified }
indicators:
  - id: homepage_stale
    limits: { days: 7 }
    warn: { days: 5 }
    basis:
      - { instrument: 某省政府网站与政务新媒体检查细则, article: 第三条, status: unverified }
interaction:
  response_hours: 24
  close_working_days: 3
  basis:
    - { instrument: 某县人民政府网站留言办理制度, article: 第六条, status: unverified }
"#;
    let rules = SiteRules::embedded().with_overlay("province.yaml", tight).unwrap();
    let mut v = base();
    v["homepage"]["last_updated"] = json!("2026-03-03");
    v["messages"] =
        json!([{"id": "m", "column": "zxzx", "received": "2026-03-02T09:00", "replied": "2026-03-06T09:00"}]);
    let r = site::check_site(&rules, gongkai::calendar::Calendar::embedded(), &v, &SiteOptions::new());
    assert_eq!(
        findings(&r),
        set(&[
            ("/homepage", "veto", "site_homepage_stale"),
            ("/messages/0", "warning", "site_interaction_response_late"),
            ("/messages/0", "warning", "site_interaction_close_late"),
        ])
    );
    assert_eq!(r.overlays, vec!["province-x-site"]);

    let loose = tight.replace("days: 7", "days: 21").replace("response_hours: 24", "response_hours: 96");
    let err = SiteRules::embedded().with_overlay("loose.yaml", &loose).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("site_overlay_loosens_limit") || format!("{err:?}").contains("site_overlay_loosens_limit"),
        "{err:?}"
    );
    let lint = gongkai::registry::lint_source(gongkai::Catalogue::embedded(), "loose.yaml", &loose);
    let got: Vec<(&str, Option<&str>, Option<u32>)> =
        lint.iter().map(|f| (f.diagnostic.code, f.location.path.as_deref(), f.location.line)).collect();
    assert_eq!(
        got,
        vec![
            ("site_overlay_loosens_limit", Some("/indicators/0/limits/days"), Some(10)),
            ("site_overlay_loosens_limit", Some("/interaction/response_hours"), Some(15)),
        ]
    );
    let unknown = tight.replace("id: homepage_stale", "id: homepage_missing");
    let lint = gongkai::registry::lint_source(gongkai::Catalogue::embedded(), "u.yaml", &unknown);
    assert_eq!(lint[0].diagnostic.code, "site_overlay_unknown_indicator");
}

#[test]
fn bad_input_is_reported_at_its_pointer_and_nothing_panics() {
    let mut v = base();
    v["columns"].as_array_mut().unwrap().extend([
        json!({"id": "yw", "title": "重复", "type": "news", "items": [{"title": "x", "published": "2026/03/01"}]}),
        json!({"id": "blog", "title": "博客", "type": "blog"}),
    ]);
    v["messages"] = json!([
        {"id": "m1", "column": "zxzx", "received": "2026-03-05T10:00", "replied": "2026-03-01T10:00"},
        {"id": "m2", "received": "2026-03-05T10:00"},
        {"id": "m3", "column": "nowhere", "received": "2026-03-05T10:00"},
        {"id": "m1", "column": "zxzx", "received": "yesterday"}
    ]);
    v["accounts"] = json!([{"id": "wx", "platform": "wechat", "name": "某县发布", "last_post": "2026-03-09", "interaction": "yes"}]);
    let r = check(&v);
    let input: BTreeSet<(String, String)> = r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Input)
        .map(|f| (f.diagnostic.path.to_string(), f.diagnostic.code.to_owned()))
        .collect();
    let expect: BTreeSet<(String, String)> = [
        ("/columns/2/id", "site_duplicate_id"),
        ("/columns/2/items/0/published", "site_invalid_value"),
        ("/columns/3/type", "site_unknown_column_type"),
        ("/messages/0/replied", "site_dates_out_of_order"),
        ("/messages/1/column", "site_message_without_column"),
        ("/messages/2/column", "site_message_without_column"),
        ("/messages/3/id", "site_duplicate_id"),
        ("/messages/3/received", "site_invalid_value"),
        ("/accounts/0/interaction", "site_invalid_value"),
    ]
    .iter()
    .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
    .collect();
    assert_eq!(input, expect);

    for text in ["[1,2]", "{\"kind\": \"publication\"}", "null", "{", "{\"kind\":\"site\",\"columns\":{}}"] {
        let r =
            site::check_json(SiteRules::embedded(), gongkai::calendar::Calendar::embedded(), text, &SiteOptions::new());
        assert_eq!(r.verdict, Verdict::Fail, "{text}");
        assert!(r.findings.iter().any(|f| f.kind == FindingKind::Input), "{text}: {:#?}", r.findings);
    }
}

#[test]
fn as_of_option_overrides_the_snapshot_and_a_missing_day_is_reported() {
    let mut v = base();
    let r = site::check(&v, &SiteOptions::new().with_as_of(Some("2026-03-30".parse().unwrap())));
    assert!(r.findings.iter().any(|f| f.diagnostic.code == "site_homepage_stale"));
    v.as_object_mut().unwrap().remove("as_of");
    let r = check(&v);
    assert_eq!(findings(&r), set(&[("/as_of", "input", "site_missing_field")]));
    assert_eq!(r.verdict, Verdict::Fail);
}

#[test]
fn every_indicator_cites_its_source_with_an_honest_status_and_has_its_code() {
    let rules = SiteRules::embedded();
    assert!(rules.indicators.len() >= 13);
    for ind in &rules.indicators {
        assert!(!ind.basis.is_empty(), "{}", ind.id);
        assert!(ind.basis[0].instrument.contains("国办秘函〔2019〕19号"), "{}", ind.id);
        assert!(ind.basis[0].article.is_some(), "{}: which row", ind.id);
        // The circular's own text was not found: nothing may claim to be confirmed from it.
        assert_ne!(ind.basis[0].status, gongkai::Status::Confirmed, "{}", ind.id);
        assert!(gongkai::registry::code_info(&format!("site_{}", ind.id)).is_some(), "{}", ind.id);
        for w in ind.warn.keys() {
            assert!(
                gongkai::registry::code_info(&format!("site_{}_warning", ind.id)).is_some() || w == "days_before",
                "{} warns without a warning code",
                ind.id
            );
        }
    }
    assert_eq!(rules.indicator("homepage_stale").unwrap().limits["days"], 14);
    assert_eq!(rules.indicator("columns_stale").unwrap().limits["count"], 5);
    assert_eq!(rules.indicator("columns_long_stale").unwrap().limits["count"], 10);
    assert_eq!(rules.indicator("columns_blank").unwrap().limits["count"], 5);
    assert_eq!(rules.indicator("messages_unanswered").unwrap().limits["months"], 3);
    assert_eq!((rules.interaction.response_hours, rules.interaction.close_working_days), (72, 5));
    assert_eq!((rules.score.full, rules.score.pass), (100, 60));
}

#[test]
fn text_and_html_reports_end_with_the_verdict_and_the_rectification_list() {
    let r = check(&example("township-failing.json"));
    let text = site::render_text(&r, gongkai::Lang::Zh);
    let verdict_at = text.find("结论：不合格").expect(&text);
    let list_at = text.find("整改清单").expect(&text);
    assert!(verdict_at < list_at);
    let html = site::render_html(&r);
    assert!(html.contains("不合格") && html.contains("整改清单") && html.contains("@media print"));
    assert!(!html.contains("<script"));
}

#[test]
fn the_examples_fit_the_committed_snapshot_schema() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalogues/schema/site.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in ["county-clean.json", "township-failing.json"] {
        let errors: Vec<String> =
            validator.iter_errors(&example(name)).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // And the schema refuses what the reader reports.
    assert!(!validator.is_valid(&json!({"kind": "site", "site": {"name": "x"}, "homepage": {},
        "columns": [{"id": "a", "title": "b", "type": "blog"}]})));
}

#[test]
fn a_snapshot_given_to_the_record_check_is_pointed_to_site_check() {
    let snapshot = example("county-clean.json");
    let found = gongkai::check::check_value(gongkai::Catalogue::embedded(), &snapshot, &Default::default());
    let kind = found.iter().find(|d| d.code == "record_unknown_kind").expect("record_unknown_kind");
    let help = kind.help.as_ref().expect("a help text");
    assert!(format!("{help:#}").contains("gongkai site check"), "{help:#}");
}
