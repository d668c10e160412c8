//! Item variants: elements one kind of publication requires. The conformance cases
//! (`tests/cases/publication/art20_*`) hold the codes and pointers in every language; here, what
//! only the Rust API shows: the citation and the wording of each finding, the generated schema
//! saying the same as the check, and the linter refusing a variant that names what the item lacks.

use gongkai::Catalogue;
use gongkai::catalogue::lint_source;
use gongkai::check::{CheckOptions, Checker};
use serde_json::{Value, json};

/// 行政处罚法 Art 59 ¶1, as admin.art20.06's elements name its contents.
const ART59: [&str; 9] = [
    "party_name",
    "party_address",
    "violation_facts",
    "penalty_content",
    "penalty_basis",
    "performance",
    "remedies",
    "deciding_organ",
    "decision_date",
];

fn decision(fields: Value) -> Value {
    json!({
        "kind": "publication",
        "id": "x-1",
        "institution": {"kind": "administrative", "tier": "county", "role": "department", "sector": "other"},
        "item": "admin.art20.06",
        "title": "某县市场监督管理局行政处罚决定书",
        "formed": "2026-04-01",
        "published": "2026-04-08",
        "channels": ["government_website"],
        "fields": fields,
        "review": [{"stage": "legal", "date": "2026-03-30"}, {"stage": "confidentiality", "date": "2026-04-07"}],
    })
}

fn missing(record: &Value) -> Vec<gongkai::Diagnostic> {
    Checker::embedded()
        .check_value(record, &CheckOptions::default())
        .into_iter()
        .filter(|d| d.code() == "fields_missing_element")
        .collect()
}

#[test]
fn a_penalty_decision_without_its_art59_contents_cites_art59() {
    let found = missing(&decision(json!({"publication_type": "行政处罚决定"})));
    let mut paths: Vec<&str> = found.iter().map(|d| d.path()).collect();
    paths.sort_unstable();
    let mut expected: Vec<String> = ART59.iter().map(|k| format!("/fields/{k}")).collect();
    expected.sort_unstable();
    assert_eq!(paths, expected);
    for d in &found {
        let basis = d.basis().unwrap_or_default();
        assert!(basis.contains("《行政处罚法》第五十九条第一款"), "{basis}");
        assert!(basis.contains("`publication_type` 为 `行政处罚决定`"), "{basis}");
        assert!(
            d.message().en().contains("a publication whose `publication_type` is `行政处罚决定`"),
            "{}",
            d.message().en()
        );
    }
    let remedies = found.iter().find(|d| d.path() == "/fields/remedies").unwrap();
    insta::assert_snapshot!(
        format!("{}\n{}\n{}", remedies.message().zh(), remedies.message().en(), remedies.basis().unwrap_or_default()),
        @r"
    缺少公开内容要素「申请行政复议、提起行政诉讼的途径和期限」（`remedies`）：`publication_type` 为 `行政处罚决定` 的公开应当载明
    required element `remedies` (how and by when to apply for reconsideration or sue) is missing: a publication whose `publication_type` is `行政处罚决定` must carry it
    公开事项 `admin.art20.06` 的内容要素（`publication_type` 为 `行政处罚决定`）；《行政处罚法》第四十八条第一款；《行政处罚法》第五十九条第一款
    "
    );
}

#[test]
fn the_rules_of_penalties_need_no_decision_contents() {
    let rules =
        json!({"publication_type": "实施依据、条件、程序", "legal_basis": "行政处罚法", "conditions": "违法事实清楚"});
    let found = missing(&decision(rules));
    assert_eq!(found.iter().map(|d| d.path()).collect::<Vec<_>>(), ["/fields/procedure"]);
    assert!(found[0].basis().unwrap_or_default().contains("《政府信息公开条例》第二十条第（六）项"));
}

/// The published schema (`catalogues/schema/items/admin.art20.06.schema.json`, an `if`/`then`
/// per variant) and the check require the same elements: a form builder validating with the
/// schema sees what the check reports.
#[cfg(feature = "jsonschema")]
#[test]
fn the_items_schema_requires_what_the_check_does() {
    let (item, _) = Catalogue::embedded().item("admin.art20.06").unwrap();
    let schema = gongkai::item_fields_schema(item);
    let validator = jsonschema::validator_for(&schema).unwrap();
    for fields in [
        json!({"publication_type": "行政处罚决定"}),
        json!({"publication_type": "行政处罚决定", "party_name": "某公司", "remedies": "六十日内申请复议"}),
        json!({"publication_type": "实施依据、条件、程序"}),
        json!({"publication_type": "处罚决定"}),
    ] {
        let mut by_schema: Vec<String> = validator
            .iter_errors(&fields)
            .filter_map(|e| match e.kind() {
                jsonschema::error::ValidationErrorKind::Required { property } => {
                    property.as_str().map(|p| format!("/fields/{p}"))
                }
                _ => None,
            })
            .collect();
        by_schema.sort_unstable();
        let mut by_check: Vec<String> =
            missing(&decision(fields.clone())).iter().map(|d| d.path().to_owned()).collect();
        by_check.sort_unstable();
        assert_eq!(by_schema, by_check, "{fields}");
    }
}

const OVERLAY_HEAD: &str = "id: test.overlay\nversion: '1'\ntitle: { zh: 测试目录, en: test overlay }\napplies_to: { kinds: [administrative], tiers: [county] }\nbasis:\n  - { instrument: 某县政务公开标准目录 }\nitems:\n  - id: test.item\n    title: { zh: 测试事项, en: test item }\n    category: [测试]\n    basis:\n      - { instrument: 政府信息公开条例, article: 第二十条 }\n    mode: proactive\n    timing: { kind: timely }\n    elements:\n      - { key: publication_type, title: { zh: 公开类型, en: type }, type: enum, values: [通知, 结果] }\n      - { key: title, title: { zh: 标题, en: title }, type: text }\n      - { key: results, title: { zh: 结果, en: results }, type: table, required: false }\n    variants:\n";

fn lint(variant: &str) -> Vec<(&'static str, Option<u32>, String)> {
    let text = format!("{OVERLAY_HEAD}{variant}");
    lint_source(Catalogue::embedded(), "overlay.yaml", &text)
        .into_iter()
        .map(|f| (f.diagnostic.code(), f.location.line, f.diagnostic.message().en().to_owned()))
        .collect()
}

const BASIS: &str = "        basis: [{ instrument: 某县政务公开标准目录 }]\n";

#[test]
fn a_sound_variant_lints_clean() {
    let found = lint(&format!(
        "      - element: publication_type\n        values: [结果]\n        requires: [results]\n{BASIS}"
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_linter_refuses_a_variant_naming_what_the_item_lacks() {
    // An element the item does not have, at its line, with the nearest key.
    let found = lint(&format!(
        "      - element: publication_type\n        values: [结果]\n        requires: [result]\n{BASIS}"
    ));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), ("catalogue_invalid_element", Some(22)));
    assert!(found[0].2.contains("`result`") && found[0].2.contains("did you mean `results`?"), "{}", found[0].2);

    // A value the selecting element does not allow, with the nearest allowed one.
    let found = lint(&format!(
        "      - element: publication_type\n        values: [结 果]\n        requires: [results]\n{BASIS}"
    ));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), ("catalogue_invalid_element", Some(21)));
    assert!(
        found[0].2.contains("did you mean `结果`?") && found[0].2.contains("allowed: 通知, 结果"),
        "{}",
        found[0].2
    );

    // A selecting element that is not an enum, or not there at all.
    let found = lint(&format!("      - element: title\n        values: [结果]\n        requires: [results]\n{BASIS}"));
    assert!(found.iter().any(|f| f.2.contains("must be an enum element")), "{found:?}");
    let found = lint(&format!(
        "      - element: publication_typ\n        values: [结果]\n        requires: [results]\n{BASIS}"
    ));
    assert!(found.iter().any(|f| f.2.contains("did you mean `publication_type`?")), "{found:?}");

    // An element the item always requires; a variant without a basis; a misspelt member.
    let found =
        lint(&format!("      - element: publication_type\n        values: [结果]\n        requires: [title]\n{BASIS}"));
    assert!(found.iter().any(|f| f.2.contains("always required")), "{found:?}");
    let found = lint(
        "      - element: publication_type\n        values: [结果]\n        requires: [results]\n        basis: []\n",
    );
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), ["catalogue_missing_citation"]);
    let found = lint(&format!(
        "      - element: publication_type\n        values: [结果]\n        require: [results]\n{BASIS}"
    ));
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), ["catalogue_invalid_yaml"], "{found:?}");
}
