//! No input makes the check panic: arbitrary bytes, arbitrary JSON, and records built from the
//! record's own keys with values of every type. (The cargo-fuzz target in fuzz/ does the same
//! with coverage guidance, on nightly.)

use gongkai::Catalogue;
use gongkai::check::{CheckOptions, check_json, check_value, input};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const KEYS: &[&str] = &[
    "kind",
    "id",
    "institution",
    "item",
    "title",
    "document_number",
    "formed",
    "published",
    "archived",
    "period",
    "channels",
    "fields",
    "body",
    "attachments",
    "review",
    "interpretation",
    "disclosure",
    "status",
    "grounds",
    "reasons",
    "third_party_consultation",
    "public_interest_assessment",
    "stage",
    "date",
    "result",
    "sent",
    "reply",
    "conclusion",
    "tier",
    "role",
    "sector",
    "name",
    "text",
    "document_title",
    "issue_date",
];

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        prop_oneof![
            Just("publication".to_owned()),
            Just("request".to_owned()),
            Just("administrative".to_owned()),
            Just("county".to_owned()),
            Just("admin.art20.01".to_owned()),
            Just("2026-03-02".to_owned()),
            Just("2026-02-30".to_owned()),
            Just("withheld".to_owned()),
            Just("ogi.art15.personal_privacy".to_owned()),
            Just("confidentiality".to_owned()),
            ".{0,40}",
        ]
        .prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..10)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<_, _>>())),
        ]
    })
}

fn record() -> impl Strategy<Value = Value> {
    (value(), prop::collection::vec((prop::sample::select(KEYS), value()), 0..16)).prop_map(|(_, kv)| {
        let mut m: Map<String, Value> = kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        m.entry("kind").or_insert(json!("publication"));
        Value::Object(m)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let opts = CheckOptions::default();
        if let Ok(text) = input::require_utf8(&bytes)
            && let Err(e) = check_json(Catalogue::embedded(), text, &opts) {
                prop_assert!(e.location().is_some());
            }
    }

    #[test]
    fn arbitrary_json_never_panics(v in value()) {
        let _ = check_value(Catalogue::embedded(), &v, &CheckOptions::default());
    }

    #[test]
    fn record_shaped_json_never_panics(v in record()) {
        let diags = check_value(Catalogue::embedded(), &v, &CheckOptions::default().with_today(chrono::NaiveDate::MAX));
        for d in diags {
            prop_assert!(d.path.is_empty() || d.path.starts_with('/'), "pointer {}", d.path);
        }
    }
}
