//! A township government's annual report (条例 Art 49 names county level and above): accepted with
//! an info under the national item; under a local item from an overlay, checked against the local
//! rule, whose basis its diagnostics cite.

use gongkai::Catalogue;
use gongkai::check::{CheckOptions, check_json};
use serde_json::json;

fn record(item: &str, fields: serde_json::Value) -> String {
    json!({
        "kind": "publication",
        "institution": {"kind": "administrative", "tier": "township", "role": "government", "name": "甲镇人民政府"},
        "item": item,
        "title": "甲镇人民政府2025年政府信息公开工作年度报告",
        "formed": "2026-01-10",
        "published": "2026-04-20",
        "period": "2025",
        "channels": ["government_website"],
        "review": [{"stage": "confidentiality", "date": "2026-04-18"}],
        "fields": fields,
    })
    .to_string()
}

fn local_fields() -> serde_json::Value {
    json!({
        "basic_situation": "全年主动公开信息312条",
        "practices": "建立信息发布审核台账",
        "fees": "未收取费用",
        "reconsideration_litigation": "无",
        "problems_improvements": "村务公开栏更新不及时，按月检查",
    })
}

fn overlaid() -> Catalogue {
    let path = format!("{}/../examples/overlays/township-annual-report.yaml", env!("CARGO_MANIFEST_DIR"));
    Catalogue::embedded().clone().with_overlay_file(path).expect("the example overlay loads")
}

#[test]
fn under_a_local_item_the_report_is_checked_against_the_local_rule() {
    let cat = overlaid();
    let opts = CheckOptions::default();
    let clean = check_json(&cat, &record("township.annual_report", local_fields()), &opts).unwrap();
    assert!(clean.is_empty(), "{clean:?}");

    let mut fields = local_fields();
    fields.as_object_mut().unwrap().remove("fees");
    let missing = check_json(&cat, &record("township.annual_report", fields), &opts).unwrap();
    let got: Vec<(&str, &str)> = missing.iter().map(|d| (d.code, d.path.as_ref())).collect();
    assert_eq!(got, [("fields_missing_element", "/fields/fees")]);
    let basis = missing[0].basis.as_deref().unwrap_or("");
    assert!(basis.contains("固东镇人民政府信息公开工作年度报告制度"), "{basis}");
}

#[test]
fn under_the_national_item_an_info_names_the_local_item_when_an_overlay_has_one() {
    let opts = CheckOptions::default();
    let rec = record("admin.art49.report.government", json!({}));
    for (cat, names_local) in [(Catalogue::embedded().clone(), false), (overlaid(), true)] {
        let diags = check_json(&cat, &rec, &opts).unwrap();
        let info: Vec<_> = diags.iter().filter(|d| d.code == "annual_report_below_county").collect();
        assert_eq!(info.len(), 1, "{diags:?}");
        assert_eq!(info[0].severity, gongkai::Severity::Info);
        assert_eq!(info[0].message.en().contains("township.annual_report"), names_local, "{}", info[0].message.en());
        assert!(!diags.iter().any(|d| d.code == "item_not_applicable" || d.code == "publication_late"), "{diags:?}");
        // Its contents are still checked: the 2021 format's 总体情况 parts are missing.
        assert!(diags.iter().any(|d| d.path == "/fields/overview_information_management"));
    }
}
