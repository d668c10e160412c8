//! Annual-report checks against real published figures (cn-law.md §3.3–3.4 worked checks), broken
//! copies of them, and report generation from request records.

use gongkai::report::{self, AnnualReport, Cell, Column, ReportFormat};
use gongkai::{Diagnostic, Severity};
use serde_json::{Value, json};

fn example(name: &str) -> AnnualReport {
    let path = format!("{}/../examples/reports/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    AnnualReport::from_json(&path, &text).unwrap()
}

fn hangzhou() -> AnnualReport {
    example("hangzhou-style-2025.json")
}

fn shanghai() -> AnnualReport {
    example("shanghai-2019.json")
}

fn codes(d: &[Diagnostic]) -> Vec<&'static str> {
    let mut c: Vec<_> = d.iter().map(|d| d.code).collect();
    c.sort();
    c.dedup();
    c
}

fn errors(d: &[Diagnostic]) -> Vec<&Diagnostic> {
    d.iter().filter(|d| d.severity == Severity::Error).collect()
}

fn total(r: &AnnualReport, row: &str) -> f64 {
    r.table3.row(row).unwrap().total.value()
}

#[test]
fn hangzhou_worked_check_balances() {
    let r = hangzhou();
    // 14069 + 560 = 14629 = 13810 + 819 (cn-law.md §3.3).
    assert_eq!(total(&r, "new") + total(&r, "carried_in"), 14629.0);
    assert_eq!(total(&r, "r7_total") + total(&r, "carried_out"), 14629.0);
    // 13810 = 5548 + 2168 + 730 + 3421 + 457 + 1486: the six outcome groups.
    let group = |prefix: &str| -> f64 {
        report::model::TABLE3_ROWS
            .iter()
            .filter(|s| s.key.starts_with(prefix) && s.outcome)
            .map(|s| total(&r, s.key))
            .sum()
    };
    assert_eq!(
        [group("r1"), group("r2"), group("r3"), group("r4"), group("r5"), group("r6_")],
        [5548.0, 2168.0, 730.0, 3421.0, 457.0, 1486.0]
    );
    let d = report::check_report(&r, None);
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn hangzhou_table4_groups_add_up() {
    let r = hangzhou();
    let t4 = r.table4.as_ref().unwrap();
    assert_eq!(t4.reconsideration.total.value(), 376.0 + 97.0 + 196.0 + 121.0);
    assert_eq!(t4.litigation_direct.total.value(), 16.0 + 1.0 + 12.0 + 27.0);
    assert_eq!(t4.litigation_after_reconsideration.total.value(), 74.0 + 1.0 + 30.0 + 51.0);
}

#[test]
fn shanghai_2019_balances_with_blank_cells_flagged() {
    let r = shanghai();
    assert_eq!(r.format, ReportFormat::F2019);
    // 859 + 18 = 877 = 805 + 72.
    assert_eq!(total(&r, "new") + total(&r, "carried_in"), 877.0);
    assert_eq!(total(&r, "r7_total") + total(&r, "carried_out"), 877.0);
    let d = report::check_report(&r, None);
    assert!(errors(&d).is_empty(), "{:#?}", errors(&d));
    assert_eq!(codes(&d), ["report_blank_cell"]);
    // The report leaves (一)'s 总计 blank: flagged at its pointer.
    assert!(d.iter().any(|d| d.path == "/table3/r1_granted/total"));
    // Published 2020-01-31, the last permitted day for a department (条例 Art 49).
    assert!(!d.iter().any(|d| d.code == "report_published_late"));
}

#[test]
fn broken_total_fails_balance_and_sums() {
    let mut r = hangzhou();
    r.table3.r7_total.as_mut().unwrap().total = Cell::count(13811);
    let d = report::check_report(&r, None);
    assert_eq!(codes(&d), ["report_balance_mismatch", "report_column_total_mismatch", "report_outcome_total_mismatch"]);
    assert!(d.iter().all(|d| d.path.ends_with("/total")));
    let balance = d.iter().find(|d| d.code == "report_balance_mismatch").unwrap();
    assert!(
        balance.message.en().contains("14629") && balance.message.en().contains("14630"),
        "{}",
        balance.message.en()
    );
    // The official relation is cited as such; the derived ones say INFERRED.
    assert!(balance.basis.as_deref().unwrap().contains("勾稽关系"));
    let outcome = d.iter().find(|d| d.code == "report_outcome_total_mismatch").unwrap();
    assert!(outcome.basis.as_deref().unwrap().contains("INFERRED"));
}

#[test]
fn broken_carried_in_fails_its_column() {
    let mut r = hangzhou();
    r.table3.carried_in.as_mut().unwrap().natural_person = Cell::count(536);
    let d = report::check_report(&r, None);
    let balance: Vec<_> = d.iter().filter(|d| d.code == "report_balance_mismatch").collect();
    assert_eq!(balance.len(), 1);
    assert_eq!(balance[0].path, "/table3/r7_total/natural_person");
    assert!(d.iter().any(|d| d.code == "report_column_total_mismatch" && d.path == "/table3/carried_in/total"));
}

#[test]
fn broken_outcome_row_fails_outcome_total() {
    let mut r = hangzhou();
    r.table3.r3_1.as_mut().unwrap().research = Cell::count(1);
    let d = report::check_report(&r, None);
    assert!(d.iter().any(|d| d.code == "report_outcome_total_mismatch" && d.path == "/table3/r7_total/research"));
    assert!(d.iter().any(|d| d.code == "report_column_total_mismatch" && d.path == "/table3/r3_1/total"));
}

#[test]
fn broken_table4_group_fails() {
    let mut r = hangzhou();
    r.table4.as_mut().unwrap().reconsideration.total = Cell::count(800);
    let d = report::check_report(&r, None);
    assert_eq!(codes(&d), ["report_case_total_mismatch"]);
    assert_eq!(d[0].path, "/table4/reconsideration/total");
}

#[test]
fn negative_fractional_and_blank_cells() {
    let mut v: Value = serde_json::to_value(hangzhou()).unwrap();
    v["table3"]["r5_3"]["research"] = json!(-1);
    v["table3"]["r5_3"]["other"] = json!(0.5);
    v["table3"]["r5_3"]["commercial"] = Value::Null;
    v["table3"]["r5_3"]["social_welfare"] = json!(" — ");
    let r: AnnualReport = serde_json::from_value(v).unwrap();
    let d = report::check_report(&r, None);
    assert!(d.iter().any(|d| d.code == "report_negative_count" && d.path == "/table3/r5_3/research"));
    assert!(d.iter().any(|d| d.code == "report_not_integer" && d.path == "/table3/r5_3/other"));
    let blanks: Vec<_> = d.iter().filter(|d| d.code == "report_blank_cell").map(|d| d.path.as_ref()).collect();
    assert_eq!(blanks, ["/table3/r5_3/commercial", "/table3/r5_3/social_welfare"]);
    assert!(d.iter().all(|d| d.code != "report_blank_cell" || d.severity == Severity::Warning));
}

#[test]
fn rows_of_the_other_format_are_rejected() {
    let mut r = hangzhou();
    r.table3.r6 = Some(report::Row::zeros());
    let d = report::check_report(&r, None);
    assert_eq!(codes(&d), ["report_row_not_in_format"]);
    assert_eq!(d[0].path, "/table3/r6");

    let mut s = shanghai();
    s.table3.r6_1 = Some(report::Row::zeros());
    assert!(report::check_report(&s, None).iter().any(|d| d.code == "report_row_not_in_format"));

    let mut s = shanghai();
    s.table2.as_mut().unwrap().rules.as_mut().unwrap().issued = Cell::count(13);
    let d = report::check_report(&s, None);
    assert!(d.iter().any(|d| d.code == "report_column_not_in_format" && d.path == "/table2/rules/issued"));
}

#[test]
fn carried_in_must_match_last_years_carried_out() {
    let this = hangzhou();
    let mut last = AnnualReport { year: 2024, ..Default::default() };
    last.table3.carried_out = this.table3.carried_in;
    assert!(report::check_report(&this, Some(&last)).is_empty());

    last.table3.carried_out.as_mut().unwrap().natural_person = Cell::count(600);
    let d = report::check_report(&this, Some(&last));
    assert_eq!(codes(&d), ["report_carried_in_mismatch"]);
    assert_eq!(d[0].path, "/table3/carried_in/natural_person");
    assert!(d[0].help.as_ref().unwrap().en().contains("INFERRED"));

    last.year = 2022;
    assert_eq!(codes(&report::check_report(&this, Some(&last))), ["report_previous_not_prior_year"]);
}

#[test]
fn publication_deadline_article_49() {
    use chrono::NaiveDate;
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(report::publication_due(2024, "department"), Some(date("2025-01-31")));
    assert_eq!(report::publication_due(2024, "government"), Some(date("2025-03-31")));
    let mut r = hangzhou();
    for (role, published, late) in [
        ("government", "2026-03-31", false),
        ("government", "2026-04-01", true),
        ("department", "2026-01-31", false),
        ("department", "2026-02-01", true),
    ] {
        r.role = Some(role.into());
        r.published = Some(date(published));
        let d = report::check_report(&r, None);
        assert_eq!(d.iter().any(|d| d.code == "report_published_late"), late, "{role} {published}");
    }
    r.role = None;
    assert_eq!(codes(&report::check_report(&r, None)), ["report_role_unknown"]);
}

#[test]
fn format_must_match_year() {
    let mut r = shanghai();
    r.year = 2022;
    assert!(report::check_report(&r, None).iter().any(|d| d.code == "report_format_year_mismatch"));
}

#[test]
fn bad_json_names_line_and_column() {
    let e = AnnualReport::from_json("r.json", "{\n \"year\": 2024,\n \"table3\": {\"new\": {\"total\": \"many\"}}}")
        .unwrap_err();
    let loc = e.location().unwrap();
    assert_eq!(loc.line, Some(3));
    assert!(e.to_string().contains("many"), "{e}");
    let e = AnnualReport::from_json("r.json", "{\"year\": 2024, \"table3\": {\"r9\": {}}}").unwrap_err();
    assert!(e.to_string().contains("r9"), "{e}");
}

fn request(id: &str, received: &str, replied: Option<&str>, response: &str, applicant: &str) -> Value {
    let mut v = json!({"kind": "request", "id": id, "received": received, "applicant_type": applicant});
    if let Some(d) = replied {
        v["response_type"] = json!(response);
        v["reply_date"] = json!(d);
    }
    v
}

#[test]
fn build_tables_from_request_records() {
    let mut records = vec![
        request("a", "2025-03-03", Some("2025-03-20"), "granted", "natural_person"),
        request("b", "2025-04-01", Some("2025-04-10"), "granted", "commercial"),
        request("c", "2025-05-06", Some("2025-05-30"), "not_exist", "natural_person"),
        request("d", "2025-06-02", Some("2025-06-10"), "repeat", "legal_services"),
        // Received last year, answered this year: carried in.
        request("e", "2024-12-20", Some("2025-01-15"), "granted", "natural_person"),
        // Received this year, still open at year end: carried out.
        request("f", "2025-12-22", None, "", "research"),
        // Answered next year: carried out too.
        request("g", "2025-12-25", Some("2026-01-10"), "granted", "natural_person"),
        // Outside the year entirely.
        request("h", "2024-03-01", Some("2024-03-15"), "granted", "natural_person"),
        json!({"kind": "publication", "item": "admin.art20.01"}),
    ];
    let mut denied = request("i", "2025-07-01", Some("2025-07-20"), "denied", "natural_person");
    denied["grounds"] = json!(["ogi.art14.state_secret"]);
    records.push(denied);
    let mut partial = request("j", "2025-08-01", Some("2025-08-20"), "granted", "social_welfare");
    partial["partial"] = json!(true);
    records.push(partial);
    let mut with_case = request("k", "2025-09-01", Some("2025-09-10"), "granted", "natural_person");
    with_case["reconsideration"] = json!({"filed": "2025-10-01", "outcome": "upheld"});
    with_case["litigation"] = json!({"filed": "2025-11-01"});
    records.push(with_case);

    let r = report::build_report(2025, &records);
    let t = &r.table3;
    let cell = |row: &str, c: Column| t.row(row).unwrap().get(c).value();
    // Received in 2025: a b c d f g i j k.
    assert_eq!(cell("new", Column::Total), 9.0);
    assert_eq!(cell("new", Column::NaturalPerson), 5.0);
    assert_eq!(cell("carried_in", Column::Total), 1.0);
    assert_eq!(cell("r1_granted", Column::Total), 4.0); // a b e k
    assert_eq!(cell("r2_partial", Column::SocialWelfare), 1.0);
    assert_eq!(cell("r3_1", Column::NaturalPerson), 1.0);
    assert_eq!(cell("r4_1", Column::NaturalPerson), 1.0);
    assert_eq!(cell("r5_2", Column::LegalServices), 1.0);
    assert_eq!(cell("r7_total", Column::Total), 8.0);
    assert_eq!(cell("carried_out", Column::Total), 2.0);
    assert_eq!(cell("carried_out", Column::Research), 1.0);
    let t4 = r.table4.as_ref().unwrap();
    assert_eq!(t4.reconsideration.upheld.value(), 1.0);
    assert_eq!(t4.litigation_direct.pending.value(), 1.0);
    // A built report passes its own checks.
    let d = report::check_report(&r, None);
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn build_reports_records_it_cannot_place() {
    let cat = gongkai::Catalogue::embedded();
    let records = vec![
        request("x", "2025-03-03", Some("2025-03-20"), "denied", "natural_person"), // no grounds
        request("y", "2025-03-03", Some("2025-03-20"), "granted", "alien"),
        json!({"kind": "request", "id": "z"}),
        request("ok", "2025-03-03", Some("2025-03-20"), "granted", "natural_person"),
    ];
    let built = report::build_report_with(cat, 2025, ReportFormat::F2019, &records);
    let paths: Vec<_> = built.skipped.iter().map(|d| d.path.as_ref()).collect();
    // Each at the member that kept the record out of the tables.
    assert_eq!(paths, ["/0/response_type", "/1/applicant_type", "/2/received"]);
    // The reader's own findings, as `gongkai check` gives them, at the record's index.
    let found: Vec<_> = built.diagnostics.iter().map(|d| (d.code, d.path.as_ref())).collect();
    assert_eq!(found, [("request_invalid_value", "/1/applicant_type"), ("request_invalid_value", "/2/received")]);
    assert!(built.skipped.iter().all(|d| d.code == "report_record_not_counted"));
    assert_eq!(built.report.table3.new.unwrap().total.value(), 1.0);
    assert!(built.report.table3.r6.is_some() && built.report.table3.r6_1.is_none());
    // Only the format/year warning: 2019-format tables for 2025.
    assert_eq!(codes(&report::check_report(&built.report, None)), ["report_format_year_mismatch"]);
}

#[test]
fn annual_report_schema_is_committed_and_fresh() {
    let cat = gongkai::Catalogue::embedded();
    let (_, text) = gongkai::registry::generated_files(cat)
        .into_iter()
        .find(|(n, _)| n == "annual-report.schema.json")
        .expect("annual-report schema is generated");
    let path = format!("{}/../catalogues/schema/annual-report.schema.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("GONGKAI_UPDATE_SCHEMAS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == text, "{path} is stale: run GONGKAI_UPDATE_SCHEMAS=1 cargo test -p gongkai --test report");
    // The examples validate against it.
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in ["hangzhou-style-2025.json", "shanghai-2019.json"] {
        let path = format!("{}/../examples/reports/{name}", env!("CARGO_MANIFEST_DIR"));
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let errs: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errs.is_empty(), "{name}: {errs:?}");
    }
}

/// A count past 2^53 − 1 cannot be added exactly: it is reported as too large (not summed to a
/// wrong total such as 9223372036854775807), and so is a sum of exact counts that passes it.
#[test]
fn counts_too_large_to_add_up_are_said_to_be() {
    let mut v: Value = serde_json::to_value(hangzhou()).unwrap();
    v["table4"]["reconsideration"]["upheld"] = serde_json::from_str("18446744073709551616").unwrap();
    let r: AnnualReport = serde_json::from_value(v).unwrap();
    let d = report::check_report(&r, None);
    assert_eq!(codes(&d), ["report_count_too_large"], "{d:#?}");
    assert_eq!(d[0].path, "/table4/reconsideration/upheld");
    let en = d[0].message.en();
    assert!(en.contains("too large") && !en.contains("9223372036854775807"), "{en}");

    // Two exact halves whose sum passes the limit.
    let mut v: Value = serde_json::to_value(hangzhou()).unwrap();
    v["table4"]["litigation_direct"]["upheld"] = json!(9_000_000_000_000_000u64);
    v["table4"]["litigation_direct"]["corrected"] = json!(9_000_000_000_000_000u64);
    let r: AnnualReport = serde_json::from_value(v).unwrap();
    let d = report::check_report(&r, None);
    assert_eq!(codes(&d), ["report_count_too_large"], "{d:#?}");
    assert_eq!(d[0].path, "/table4/litigation_direct/total");
    assert!(d[0].message.en().contains("add up to more than 9007199254740991"));

    // Table 三: a too-large cell is reported once, and no mismatch is built on it.
    let mut v: Value = serde_json::to_value(hangzhou()).unwrap();
    v["table3"]["new"]["natural_person"] = json!(1e300);
    let r: AnnualReport = serde_json::from_value(v).unwrap();
    let d = report::check_report(&r, None);
    assert_eq!(codes(&d), ["report_count_too_large"], "{d:#?}");
    assert_eq!(d[0].path, "/table3/new/natural_person");
}

/// Requests closed without a reply go to the rows of （六）其他处理, an explicit `report_row` wins,
/// and table 四 counts outcomes by group (国办公开办函〔2021〕30号 tables 三 and 四).
#[test]
fn build_counts_closures_report_rows_and_cases() {
    let closed = |id: &str, closure: &str| {
        let mut v = request(id, "2025-03-03", None, "", "natural_person");
        v["closure"] = json!(closure);
        v["closed"] = json!("2025-04-01");
        v
    };
    let mut internal = request("r", "2025-05-06", Some("2025-05-20"), "denied", "research");
    internal["report_row"] = json!("r3_5");
    let mut sued = request("s", "2025-06-02", Some("2025-06-20"), "granted", "commercial");
    sued["reconsideration"] = json!({"filed": "2025-07-01", "outcome": "corrected"});
    sued["litigation"] = json!({"filed": "2025-09-01", "outcome": "other", "after_reconsideration": true});
    // Filed the year after: not in this year's table 四.
    let mut late_suit = request("t", "2025-06-02", Some("2025-06-20"), "granted", "commercial");
    late_suit["litigation"] = json!({"filed": "2026-01-05", "outcome": "upheld"});
    let records = vec![
        closed("n", "no_correction"),
        closed("f", "fee_unpaid"),
        closed("w", "withdrawn"),
        closed("o", "other"),
        internal,
        sued,
        late_suit,
    ];
    let cat = gongkai::Catalogue::embedded();
    let built = report::build_report_with(cat, 2025, ReportFormat::F2021, &records);
    assert!(built.skipped.is_empty() && built.diagnostics.is_empty(), "{:#?}", (built.skipped, built.diagnostics));
    let t = &built.report.table3;
    let cell = |row: &str| t.row(row).unwrap().get(Column::Total).value();
    assert_eq!([cell("r6_1"), cell("r6_2"), cell("r6_3")], [1.0, 1.0, 2.0]);
    assert_eq!(t.row("r3_5").unwrap().get(Column::Research).value(), 1.0);
    assert_eq!((cell("r1_granted"), cell("r7_total"), cell("carried_out")), (2.0, 7.0, 0.0));
    let t4 = built.report.table4.as_ref().unwrap();
    assert_eq!((t4.reconsideration.corrected.value(), t4.reconsideration.total.value()), (1.0, 1.0));
    assert_eq!(t4.litigation_after_reconsideration.other.value(), 1.0);
    assert_eq!(t4.litigation_direct.total.value(), 0.0);
    assert!(report::check_report(&built.report, None).is_empty());
    // The 2019 format has one row for （六）.
    let built = report::build_report_with(cat, 2025, ReportFormat::F2019, &records);
    assert_eq!(built.report.table3.r6.unwrap().total.value(), 4.0);
}

/// The spellings the report builder once read besides the record format (`applicant.type`,
/// `response.type`, `response.date`) are not read: each is reported as `gongkai check` reports it
/// (`applicant` is who asked, a string; its help names `applicant_type`), and the record is left
/// out at the member it lacks.
#[test]
fn build_reports_undeclared_spellings_at_their_pointers() {
    let records = vec![json!({"kind": "request", "id": "old", "received": "2025-03-03",
        "applicant": {"type": "natural_person"}, "response": {"type": "granted", "date": "2025-03-20"}})];
    let built = report::build_report_with(gongkai::Catalogue::embedded(), 2025, ReportFormat::F2021, &records);
    let found: Vec<_> = built.diagnostics.iter().map(|d| (d.path.as_ref(), d.message.en().to_string())).collect();
    assert_eq!(
        found,
        [
            ("/0/response", "unknown member `response`: did you mean `response_type`?".to_owned()),
            ("/0/applicant", "invalid value: expected a string, found an object".to_owned()),
        ]
    );
    assert!(built.diagnostics[1].help.as_ref().unwrap().en().contains("`applicant_type`"));
    let skipped: Vec<_> = built.skipped.iter().map(|d| d.path.as_ref()).collect();
    assert_eq!(skipped, ["/0/applicant_type"]);
}
