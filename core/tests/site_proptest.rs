//! The snapshot reader on arbitrary input: never a panic, and every input finding's pointer
//! names a place in the snapshot (the value itself, or a missing member of an object there).

use gongkai::site::{self, FindingKind, SiteOptions};
use proptest::prelude::*;
use serde_json::{Value, json};

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![
            Just("2026-03-01".to_owned()),
            Just("2026-03-01T09:00".to_owned()),
            Just("news".to_owned()),
            Just("consultation".to_owned()),
            Just("site".to_owned()),
            Just("yw".to_owned()),
            "[a-z0-9/:T -]{0,12}",
        ]
        .prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let keys = prop_oneof![
        Just("kind"),
        Just("as_of"),
        Just("site"),
        Just("name"),
        Just("homepage"),
        Just("last_updated"),
        Just("columns"),
        Just("id"),
        Just("title"),
        Just("type"),
        Just("items"),
        Just("published"),
        Just("messages"),
        Just("column"),
        Just("received"),
        Just("replied"),
        Just("accounts"),
        Just("interaction"),
        Just("availability"),
        Just("visits"),
        Just("failed"),
        Just("incidents"),
        Just("at"),
    ];
    scalar().prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

/// The pointer names the value, or a member missing from an object on the way.
fn names_a_place(root: &Value, pointer: &str) -> bool {
    if pointer.is_empty() || root.pointer(pointer).is_some() {
        return true;
    }
    let parent = &pointer[..pointer.rfind('/').unwrap_or(0)];
    parent.is_empty() && root.is_object() || root.pointer(parent).is_some_and(Value::is_object)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn arbitrary_snapshots_never_panic_and_point_into_the_input(mut v in value(), wrap in any::<bool>()) {
        if wrap {
            // Most arbitrary values are not snapshots at all: make half of them look like one.
            let mut base = json!({"kind": "site", "as_of": "2026-03-10", "site": {"name": "x"}, "homepage": {}});
            if let Value::Object(m) = &mut v {
                for (k, x) in std::mem::take(m) {
                    if k != "kind" {
                        base[k] = x;
                    }
                }
            }
            v = base;
        }
        let r = site::check(&v, &SiteOptions::new());
        for f in r.findings.iter().filter(|f| f.kind == FindingKind::Input) {
            prop_assert!(names_a_place(&v, &f.diagnostic.path), "{} at `{}` in {v}", f.diagnostic.code, f.diagnostic.path);
        }
    }
}
