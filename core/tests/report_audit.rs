//! Audit of a small institution folder (examples/reports/county-department-2025): coverage,
//! timeliness against the 2025 State Council holiday notice, requests and the rectification list.

use chrono::NaiveDate;
use gongkai::report::audit::ItemStatus;
use gongkai::report::{self, AuditOptions};
use gongkai::{Catalogue, Institution};
use serde_json::{Value, json};

fn records() -> Vec<Value> {
    let dir = format!("{}/../examples/reports/county-department-2025", env!("CARGO_MANIFEST_DIR"));
    let pubs: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/publications.json")).unwrap()).unwrap();
    let reqs = std::fs::read_to_string(format!("{dir}/requests.jsonl")).unwrap();
    pubs.into_iter().chain(reqs.lines().map(|l| serde_json::from_str(l).unwrap())).collect()
}

fn dept() -> Institution {
    Institution::new("administrative", "county", Some("department"))
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn audit_small_institution() {
    let cat = Catalogue::embedded();
    let a = report::audit(cat, &dept(), 2025, &records()).unwrap();
    let proactive = cat.resolve(&dept()).unwrap().items.iter().filter(|i| i.item.is_mandatory()).count();
    let s = &a.summary;
    assert_eq!(s.items_expected, proactive);
    // p1 p2 p3 p4 p5 publish five distinct items in 2025; p6 is a 2024 publication.
    assert_eq!(s.items_published, 5);
    assert_eq!(s.items_missing, proactive - 5);
    assert_eq!(s.coverage_rate, Some(5.0 / proactive as f64));
    // Formed Fri 2025-09-26: 20 working days, counting make-up Sun 09-28 and Sat 10-11 and
    // skipping 10-01..10-08 (国办发明电〔2024〕12号), end on 2025-10-30. p1 on 10-30 is on time,
    // p2 on 10-31 late; the 2024 report (due 2025-01-31) on 02-05 late; the budget (20 calendar
    // days from approval, 预算法 Art 14) on time.
    assert_eq!((s.publications, s.publications_on_time, s.publications_late), (5, 3, 2));
    assert_eq!(s.timeliness_rate, Some(0.6));
    let item = |id: &str| a.items.iter().find(|i| i.id == id).unwrap();
    // p1 is complete (elements, three-stage review); p3 has no review trail or elements.
    assert_eq!(item("admin.art20.01").status, ItemStatus::Published);
    assert_eq!(item("admin.art20.02").status, ItemStatus::WithErrors);
    assert_eq!(item("admin.art20.02").with_errors, 1);
    assert_eq!(item("admin.art20.06").status, ItemStatus::Late);
    let report = item("admin.art49.report.department");
    assert_eq!(
        (report.status, report.period.as_deref(), report.due),
        (ItemStatus::Late, Some("2024"), Some(date("2025-01-31")))
    );
    assert_eq!(item("admin.art20.03").status, ItemStatus::Missing);
    assert_eq!(a.months[9].on_time, 1); // October
    assert_eq!(a.months[9].late, 1);
    assert_eq!(a.months[2].on_time, 1); // March
    assert_eq!(s.records_unknown_item, 1);

    // Requests: q1 on time (due 2025-03-31), q2 late (due 2025-10-30), q3 open at year end.
    let r = &a.requests;
    assert_eq!((r.received, r.answered, r.open_at_year_end), (3, 2, 1));
    assert_eq!((r.answered_on_time, r.answered_late, r.timeliness_rate), (1, 1, Some(0.5)));
    assert_eq!(r.by_response.get("not_exist"), Some(&1));

    // Rectifications: every missing item, each late publication and the late request, cited.
    let count = |code: &str| a.rectifications.iter().filter(|r| r.code == code).count();
    assert_eq!(count("audit_item_missing"), proactive - 5);
    assert_eq!(count("audit_item_late"), 2);
    assert_eq!(count("audit_request_late"), 1);
    assert_eq!(count("audit_unknown_item"), 1);
    // p2..p5 carry check-engine errors (missing elements, no confidentiality review).
    assert_eq!(count("audit_record_errors"), 4);
    assert!(a.rectifications.iter().filter(|r| r.code != "audit_unknown_item").all(|r| !r.basis.is_empty()));
    let late_report =
        a.rectifications.iter().find(|r| r.code == "audit_item_late" && r.record.as_deref() == Some("p4")).unwrap();
    assert!(late_report.basis.contains("第四十九条"), "{}", late_report.basis);
    // Errors first.
    assert_eq!(a.rectifications[0].code, "audit_item_missing");
}

#[test]
fn periodic_item_not_yet_due_is_not_missing() {
    let cat = Catalogue::embedded();
    let opts = AuditOptions { today: Some(date("2026-01-15")), check_records: false, ..Default::default() };
    let a = report::audit_with(cat, &dept(), 2026, &[], &opts).unwrap();
    let report = a.items.iter().find(|i| i.id == "admin.art49.report.department").unwrap();
    assert_eq!(report.status, ItemStatus::NotYetDue);
    assert_eq!(report.due, Some(date("2026-01-31")));
    assert_eq!(a.summary.items_not_yet_due, 1);
    assert_eq!(a.summary.items_published, 0);
    assert_eq!(a.summary.coverage_rate, Some(0.0));
}

#[test]
fn government_report_is_due_31_march() {
    let cat = Catalogue::embedded();
    let gov = Institution::new("administrative", "county", Some("government"));
    let a = report::audit(cat, &gov, 2025, &[]).unwrap();
    let report = a.items.iter().find(|i| i.id == "admin.art49.report.government").unwrap();
    assert_eq!(report.due, Some(date("2025-03-31")));
    assert!(a.items.iter().all(|i| i.id != "admin.art49.report.department"));
}

#[test]
fn unknown_institution_is_an_error_not_a_panic() {
    let cat = Catalogue::embedded();
    let e = report::audit(cat, &Institution::new("administrative", "galactic", None), 2025, &[]).unwrap_err();
    assert!(e.to_string().contains("galactic"), "{e}");
}

#[test]
fn renders_text_and_self_contained_html() {
    let cat = Catalogue::embedded();
    let a = report::audit(cat, &dept(), 2025, &records()).unwrap();
    let text = report::render::text(&a, gongkai::Lang::Zh);
    assert!(text.contains("公开覆盖率") && text.contains("admin.art20.06"), "{text}");
    let html = report::render::html(&a);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg") && html.contains("<style>"));
    // Self-contained: no external scripts, styles, images or fonts.
    for needle in ["<script src", "<link", "http://", "https://", "url("] {
        assert!(!html.contains(needle), "html contains `{needle}`");
    }
    // User text is escaped.
    let mut inst = dept();
    inst.name = Some("<b>某局</b>".into());
    let a = report::audit(cat, &inst, 2025, &[]).unwrap();
    assert!(report::render::html(&a).contains("&lt;b&gt;某局"));
}

/// Every record is read by the reader of its kind: what it finds is reported at the record's
/// index, and a member the record format does not declare is not read (`published_on` is not a
/// publication date), whatever the spelling once meant to the audit.
#[test]
fn records_are_read_by_the_record_readers() {
    let cat = Catalogue::embedded();
    let mut recs = records();
    assert!(report::audit(cat, &dept(), 2025, &recs).unwrap().record_diagnostics.is_empty());
    let n = recs.len();
    recs.push(json!({"kind": "publication", "id": "old", "item": "admin.art20.03", "title": "t",
        "institution": {"kind": "administrative", "tier": "county", "role": "department"},
        "formed": "2025-03-02", "published_on": "2025-03-10", "channels": ["government_website"]}));
    recs.push(json!({"kind": "request", "id": "q9", "received": "2025-13-01", "applicant_type": "natural_person"}));
    recs.push(json!({"kind": "request", "id": "q10", "received": "2025-04-01", "closure": "fee_unpaid",
        "closed": "2025-05-20"}));
    recs.push(json!({"item_id": "admin.art20.03", "published": "2025-04-01"}));
    let a = report::audit(cat, &dept(), 2025, &recs).unwrap();
    let found: Vec<_> = a.record_diagnostics.iter().map(|d| (d.code, d.path.to_string())).collect();
    assert_eq!(
        found,
        [
            ("record_unknown_member", format!("/{n}/published_on")),
            ("request_invalid_value", format!("/{}/received", n + 1)),
            ("record_missing_field", format!("/{}/kind", n + 3)),
        ]
    );
    assert!(a.record_diagnostics[0].message.en().contains("did you mean `published`"));
    let item = a.items.iter().find(|i| i.id == "admin.art20.03").unwrap();
    assert_eq!((item.status, item.publications), (ItemStatus::Missing, 0));
    // q10 is received and closed in the year without a reply (table 三（六）2).
    let r = &a.requests;
    assert_eq!((r.received, r.answered, r.closed, r.open_at_year_end), (4, 2, 1, 1));
    assert_eq!(r.by_response.get("fee_unpaid"), Some(&1));
    let text = report::render::text(&a, gongkai::Lang::En);
    assert!(text.contains("closed without a reply 1"), "{text}");
    assert!(text.contains("3 findings reading the records (2 errors, 1 warning)"), "{text}");
}
