//! Loading, resolving and linting catalogues: behaviour the data model promises.

use gongkai::catalogue::{embedded, lint_source};
use gongkai::{Catalogue, Error, Institution};

fn sources() -> Vec<(String, String)> {
    embedded::FILES.iter().map(|(p, t)| ((*p).to_owned(), (*t).to_owned())).collect()
}

fn with_template(extra: &str) -> Result<Catalogue, Error> {
    let mut s = sources();
    s.push(("templates/zz-test.yaml".to_owned(), extra.to_owned()));
    Catalogue::from_sources(&s)
}

fn codes(e: &Error) -> Vec<&'static str> {
    match e {
        Error::Many(list) => list.iter().map(Error::code).collect(),
        other => vec![other.code()],
    }
}

const ITEM: &str = r#"
  - id: test.item
    title: { zh: 测试事项, en: test item }
    category: [测试]
    basis:
      - { instrument: 政府信息公开条例, article: 第二十条 }
    mode: proactive
    timing: { kind: within_working_days, days: 20, basis: { instrument: 政府信息公开条例, article: 第二十六条 } }
"#;

fn template(id: &str, extends: Option<&str>, items: &str) -> String {
    let ext = extends.map(|e| format!("extends: {e}\n")).unwrap_or_default();
    format!(
        "id: {id}\nversion: '1'\neffective: 2019-05-15\ntitle: {{ zh: 测试, en: test }}\napplies_to: {{ kinds: [administrative] }}\n{ext}basis:\n  - {{ instrument: 政府信息公开条例 }}\nitems:{items}"
    )
}

#[test]
fn embedded_catalogue_loads_and_resolves_every_known_tier() {
    let cat = Catalogue::embedded();
    for kind in &cat.registry().kinds {
        for tier in &kind.tiers {
            let inst = Institution::new(&kind.id, &tier.id, None);
            let resolved = cat.resolve(&inst).expect("every registered tier resolves");
            for ri in &resolved.items {
                assert!(!ri.item.basis.is_empty(), "{} has a citation", ri.item.id);
                assert!(resolved.templates.contains(&ri.source), "{} comes from an applied template", ri.item.id);
            }
        }
    }
}

#[test]
fn resolve_rejects_unknown_kind_and_tier() {
    let cat = Catalogue::embedded();
    assert_eq!(cat.resolve(&Institution::new("ministry", "county", None)).unwrap_err().code(), "unknown_id");
    let err = cat.resolve(&Institution::new("administrative", "village", None)).unwrap_err();
    assert!(err.to_string().contains("`village`"), "{err}");
}

#[test]
fn a_template_inherits_its_parents_items() {
    let child = template("test.child", Some("admin.national"), ITEM);
    let cat = with_template(&child).expect("valid child template");
    let resolved = cat.resolve(&Institution::new("administrative", "county", None)).unwrap();
    let ids: Vec<&str> = resolved.items.iter().map(|i| i.item.id.as_str()).collect();
    assert!(ids.contains(&"test.item"));
    assert!(ids.contains(&"admin.art20.01"), "inherited from admin.national");
    let pos_parent = resolved.templates.iter().position(|t| *t == "admin.national").unwrap();
    let pos_child = resolved.templates.iter().position(|t| *t == "test.child").unwrap();
    assert!(pos_parent < pos_child, "root first");
}

#[test]
fn missing_parent_self_extension_and_duplicates_are_errors_with_locations() {
    let err = with_template(&template("test.orphan", Some("admin.nowhere"), ITEM)).unwrap_err();
    assert!(codes(&err).contains(&"catalogue_unknown_parent"), "{err}");

    let err = with_template(&template("test.loop", Some("test.loop"), ITEM)).unwrap_err();
    assert!(codes(&err).contains(&"catalogue_extends_cycle"), "{err}");

    let dup = format!("{ITEM}{ITEM}");
    let err = with_template(&template("test.dup", None, &dup)).unwrap_err();
    assert!(codes(&err).contains(&"catalogue_duplicate_id"), "{err}");
    let loc = err.location().expect("located");
    assert_eq!(loc.file, "templates/zz-test.yaml");
    assert!(loc.line.is_some_and(|l| l > 8), "line of the second id: {loc:?}");
}

#[test]
fn unknown_keys_and_malformed_yaml_name_the_line() {
    let bad = template("test.bad", None, &ITEM.replace("mode: proactive", "mode: proactive\n    colour: red"));
    let err = with_template(&bad).unwrap_err();
    assert!(codes(&err).contains(&"invalid_yaml"), "{err}");
    assert!(err.to_string().contains("colour"), "names the key: {err}");
    let loc = err.location().unwrap();
    assert_eq!(loc.line, Some(15), "line of `colour`: {err}");

    let err = with_template("id: [unclosed\n").unwrap_err();
    assert!(err.location().and_then(|l| l.line).is_some(), "{err}");
}

#[test]
fn an_item_without_citation_or_with_unknown_tier_is_rejected() {
    let no_basis =
        ITEM.replace("    basis:\n      - { instrument: 政府信息公开条例, article: 第二十条 }\n", "    basis: []\n");
    let err = with_template(&template("test.nobasis", None, &no_basis)).unwrap_err();
    assert!(codes(&err).contains(&"catalogue_missing_citation"), "{err}");

    let tiered = ITEM.replace("mode: proactive", "mode: proactive\n    tiers: [village]");
    let err = with_template(&template("test.tier", None, &tiered)).unwrap_err();
    assert!(codes(&err).contains(&"catalogue_unknown_tier"), "{err}");
}

const OVERLAY_HEAD: &str = "id: test.overlay\nversion: '1'\ntitle: { zh: 测试目录, en: test overlay }\napplies_to: { kinds: [administrative], tiers: [county] }\nbasis:\n  - { instrument: 某县政务公开标准目录 }\n";

fn lint_codes(text: &str) -> Vec<(&'static str, Option<u32>)> {
    lint_source(Catalogue::embedded(), "overlay.yaml", text)
        .into_iter()
        .map(|f| (f.diagnostic.code, f.location.line))
        .collect()
}

#[test]
fn overlay_may_tighten_but_not_loosen_or_drop() {
    let tighten = format!(
        "{OVERLAY_HEAD}changes:\n  - item: admin.art20.01\n    timing: {{ kind: within_working_days, days: 10, basis: {{ instrument: 某县政务公开标准目录 }} }}\n    basis:\n      - {{ instrument: 某县政务公开标准目录 }}\n"
    );
    assert!(lint_codes(&tighten).is_empty(), "{:?}", lint_codes(&tighten));
    let cat = Catalogue::embedded().with_overlay("overlay.yaml", &tighten).unwrap();
    let resolved = cat.resolve(&Institution::new("administrative", "county", None)).unwrap();
    let item = resolved.item("admin.art20.01").unwrap();
    assert_eq!(item.item.timing.limit_days(), Some(10));
    assert_eq!(item.changed_by, vec!["test.overlay"]);
    // The overlay applies to counties only: a province keeps 20.
    let prov = cat.resolve(&Institution::new("administrative", "provincial", None)).unwrap();
    assert_eq!(prov.item("admin.art20.01").unwrap().item.timing.limit_days(), Some(20));

    let loosen = tighten.replace("days: 10", "days: 30");
    let found = lint_codes(&loosen);
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), vec!["catalogue_loosens_time_limit"]);
    assert_eq!(found[0].1, Some(9), "line of the timing");
    assert!(Catalogue::embedded().with_overlay("overlay.yaml", &loosen).is_err());

    let drop = format!("{OVERLAY_HEAD}remove: [admin.art20.01]\n");
    assert_eq!(lint_codes(&drop).iter().map(|f| f.0).collect::<Vec<_>>(), vec!["catalogue_drops_mandatory_item"]);

    let unknown = format!("{OVERLAY_HEAD}remove: [admin.art99]\n");
    assert_eq!(lint_codes(&unknown).iter().map(|f| f.0).collect::<Vec<_>>(), vec!["catalogue_unknown_item"]);

    let tier = OVERLAY_HEAD.replace("tiers: [county]", "tiers: [village]");
    assert_eq!(lint_codes(&tier).iter().map(|f| f.0).collect::<Vec<_>>(), vec!["catalogue_unknown_tier"]);

    let absolute = format!(
        "{OVERLAY_HEAD}changes:\n  - item: admin.art20.01\n    excluded_grounds: [ogi.art14.state_secret]\n    basis:\n      - {{ instrument: 某县政务公开标准目录 }}\n"
    );
    assert_eq!(
        lint_codes(&absolute).iter().map(|f| f.0).collect::<Vec<_>>(),
        vec!["catalogue_bars_non_discretionary_ground"]
    );
}

#[test]
fn embedded_catalogue_is_parsed_once() {
    let a = Catalogue::embedded() as *const Catalogue;
    let b = Catalogue::embedded() as *const Catalogue;
    assert_eq!(a, b);
}
