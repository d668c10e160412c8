//! The embedded data is loaded from JSON converted at build time (core/build.rs) and is not
//! linted at run time. These tests check that what the library loads is exactly what the YAML
//! sources say, and that the sources pass the loaders' validation and lint.

use gongkai::Catalogue;
use gongkai::calendar::Calendar;
use gongkai::catalogue::{embedded, parse_yaml};
use serde_json::Value;

fn yaml_sources(prefix: &str) -> Vec<(String, String)> {
    embedded::FILES
        .iter()
        .filter(|(p, _)| p.starts_with(prefix))
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect()
}

fn as_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("model types serialise")
}

#[test]
fn every_yaml_file_has_its_json_conversion() {
    let yaml: Vec<&str> = embedded::FILES.iter().map(|(p, _)| *p).collect();
    let json: Vec<&str> = embedded::json_files().iter().map(|(p, _)| *p).collect();
    assert_eq!(yaml, json);
    assert!(yaml.len() > 20, "catalogues/ has templates, grounds, calendar years, deadlines, fees");
    for (path, text) in embedded::json_files() {
        let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(v.is_object(), "{path} converted to `{v}`: is the YAML valid?");
    }
}

#[test]
fn embedded_catalogue_equals_the_linted_yaml_sources() {
    let from_yaml = Catalogue::from_sources(&yaml_sources("")).expect("the YAML sources load and lint clean");
    let embedded = Catalogue::embedded();
    assert_eq!(as_json(embedded.registry()), as_json(from_yaml.registry()));
    assert_eq!(as_json(embedded.ground_set()), as_json(from_yaml.ground_set()));
    assert_eq!(as_json(&embedded.templates()), as_json(&from_yaml.templates()));
    for t in from_yaml.templates() {
        assert_eq!(embedded.source_of(&t.id), from_yaml.source_of(&t.id), "source file of `{}`", t.id);
    }
    let ids = |c: &Catalogue| c.all_items().map(|(i, t)| format!("{t}/{}", i.id)).collect::<Vec<_>>();
    assert_eq!(ids(embedded), ids(&from_yaml));
    for (item, _) in from_yaml.all_items() {
        assert!(embedded.item(&item.id).is_some(), "`{}` is indexed", item.id);
    }
}

#[test]
fn embedded_calendar_equals_the_validated_yaml_sources() {
    let from_yaml = Calendar::from_sources(&yaml_sources("calendar/")).expect("the YAML year files validate");
    // The strict calendar holds the announced years only (the embedded one adds provisional years).
    let embedded = Calendar::embedded_strict();
    assert_eq!(as_json(&embedded.year_files()), as_json(&from_yaml.year_files()));
    assert_eq!(embedded.year_files().len(), 20, "2007–2026");
    let provisional: Vec<i32> = Calendar::embedded().provisional_years().iter().map(|p| p.year).collect();
    assert_eq!(provisional, (2027..=2036).collect::<Vec<_>>());
}

#[test]
fn embedded_deadline_and_fee_rules_equal_the_yaml_sources() {
    let text = |p: &str| embedded::file(p).expect("embedded");
    let deadlines: gongkai::deadlines::DeadlineRules = parse_yaml("deadlines.yaml", text("deadlines.yaml")).unwrap();
    assert_eq!(as_json(gongkai::deadlines::rules()), as_json(&deadlines));
    let fees: gongkai::fees::FeeRules = parse_yaml("fees.yaml", text("fees.yaml")).unwrap();
    assert_eq!(as_json(gongkai::fees::rules()), as_json(&fees));
}
