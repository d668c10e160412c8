//! `docs/records.md`, the record-format guide for people: every member of each record kind and
//! of the objects inside it, with its type, whether it is required, what it means and an example
//! value, generated from the record JSON Schema (`catalogues/schema/record.schema.json`, itself
//! generated from the Rust types) and from an example record per kind. The test fails when the
//! committed guide is stale (`GONGKAI_BLESS=1` rewrites it) and checks that the examples it
//! shows are records the checker reads without a complaint about their shape.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (kind, schema definition, example file) of each record kind.
const KINDS: &[(&str, &str, &str)] = &[
    ("publication", "PublicationRecord", "examples/records/hospital/01-price-list-ok.json"),
    ("request", "RequestRecord", "examples/records/admin/06-request-reply-late.json"),
];

fn example(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("example is JSON")
}

/// The definition a schema refers to (directly, through `anyOf` with null, or as array items).
fn referenced(schema: &Value) -> Option<&str> {
    if let Some(r) = schema["$ref"].as_str() {
        return r.strip_prefix("#/$defs/");
    }
    if let Some(any) = schema["anyOf"].as_array() {
        return any.iter().find_map(referenced);
    }
    if schema["items"].is_object() {
        return referenced(&schema["items"]);
    }
    None
}

/// A member's type as a person reads it: `string (date)`, `array of Review`, `Institution`, ….
fn type_of(schema: &Value) -> String {
    if let Some(c) = schema.get("const") {
        return format!("`{c}`");
    }
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/$defs/");
        return format!("[{name}](#{})", name.to_lowercase());
    }
    if let Some(any) = schema["anyOf"].as_array() {
        let parts: Vec<String> = any.iter().filter(|s| s["type"] != "null").map(type_of).collect();
        return parts.join(" or ");
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).filter(|t| *t != "null").collect(),
        _ => vec![],
    };
    let mut out = match types.as_slice() {
        ["array"] => format!("array of {}", type_of(&schema["items"])),
        [] => "any".to_owned(),
        ts => ts.join(" or "),
    };
    if let Some(f) = schema["format"].as_str() {
        out.push_str(&format!(" ({f})"));
    }
    if let Some(values) = schema["enum"].as_array() {
        let v: Vec<String> = values.iter().map(|v| format!("`{}`", v.as_str().unwrap_or_default())).collect();
        out = format!("one of {}", v.join(", "));
    }
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn example_cell(v: Option<&Value>) -> String {
    match v {
        None => "—".to_owned(),
        Some(v) => {
            let text = v.to_string();
            let short: String = text.chars().take(60).collect();
            let short = if short.len() < text.len() { format!("{short}…") } else { short };
            format!("`{}`", cell(&short).replace('`', "'"))
        }
    }
}

/// One table of an object's members, and the definitions it leads to, with where an example of
/// each sits in the example record.
fn members(
    out: &mut String,
    defs: &serde_json::Map<String, Value>,
    schema: &Value,
    sample: Option<&Value>,
    queue: &mut Vec<(String, Option<Value>)>,
) {
    let required: Vec<&str> =
        schema["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let Some(props) = schema["properties"].as_object() else { return };
    out.push_str("| member | type | required | meaning | example |\n|---|---|---|---|---|\n");
    // Required members first, then the rest, each in the schema's order.
    let mut names: Vec<&String> = props.keys().collect();
    names.sort_by_key(|n| !required.contains(&n.as_str()));
    for name in names {
        let p = &props[name];
        let value = sample.and_then(|s| s.get(name));
        let _ = writeln!(
            out,
            "| `{name}` | {} | {} | {} | {} |",
            cell(&type_of(p)),
            if required.contains(&name.as_str()) { "yes" } else { "" },
            cell(p["description"].as_str().unwrap_or_default()),
            example_cell(value),
        );
        if let Some(def) = referenced(p)
            && defs
                .get(def)
                .is_some_and(|d| d["properties"].is_object() || d["enum"].is_array() || d["oneOf"].is_array())
        {
            let inner = value
                .map(|v| if let Value::Array(a) = v { a.first().cloned().unwrap_or(Value::Null) } else { v.clone() });
            match queue.iter_mut().find(|(n, _)| n == def) {
                Some((_, seen)) if seen.is_none() => *seen = inner.filter(|v| !v.is_null()),
                Some(_) => {}
                None => queue.push((def.to_owned(), inner.filter(|v| !v.is_null()))),
            }
        }
    }
}

fn guide() -> String {
    let schema = gongkai::check::record_schema();
    let defs = schema["$defs"].as_object().expect("$defs").clone();
    let mut out = String::from(
        "# Record format\n\n\
         <!-- Generated from catalogues/schema/record.schema.json and the example records by \
         `GONGKAI_BLESS=1 cargo test -p gongkai --test record_guide`. Do not edit. -->\n\n\
         A record is one JSON object describing something an institution published (`\"kind\": \"publication\"`,\n\
         主动公开) or a request it answered (`\"kind\": \"request\"`, 依申请公开). `gongkai check` reads records\n\
         from `.json` files (one record, or an array of them), `.jsonl` files (a record a line), folders and\n\
         stdin; Python's `gongkai.check` and the browser's `check` take the same objects. Dates are\n\
         `YYYY-MM-DD`. The machine-readable form of this page is `catalogues/schema/record.schema.json`\n\
         (`gongkai schema record`); what an item's `fields` hold is its own schema (`gongkai schema item ID`).\n\
         Some items have kinds of publication told apart by an element (`publication_type`, `document_type`):\n\
         the kind chosen may require more elements (a penalty decision under `admin.art20.06` states what\n\
         行政处罚法 Art 59 lists), shown by `gongkai catalogue show ID` and as `if`/`then` in the item's schema.\n\n\
         Besides the members below, a record may carry `x-gongkai`, its own suppressions:\n\
         `\"x-gongkai\": {\"ignore\": [\"channel_not_in_catalogue\"], \"reason\": \"…\"}` drops those codes (or\n\
         prefixes) for this record; a suppression without a `reason` is itself a warning.\n",
    );
    let mut queue: Vec<(String, Option<Value>)> = Vec::new();
    for (kind, def, path) in KINDS {
        let sample = example(path);
        let _ = write!(
            out,
            "\n## {} records (`\"kind\": \"{kind}\"`)\n\n{}\n\nAn example (`{path}`):\n\n```json\n{}\n```\n\n",
            if *kind == "publication" { "Publication" } else { "Request" },
            cell(defs[*def]["description"].as_str().unwrap_or_default()),
            std::fs::read_to_string(root().join(path)).expect("example").trim_end(),
        );
        members(&mut out, &defs, &defs[*def], Some(&sample), &mut queue);
    }
    out.push_str("\n## Objects and values inside records\n");
    let mut i = 0;
    let mut done: BTreeMap<String, ()> = BTreeMap::new();
    while i < queue.len() {
        let (name, sample) = queue[i].clone();
        i += 1;
        if done.insert(name.clone(), ()).is_some() {
            continue;
        }
        let d = &defs[&name];
        let _ = write!(out, "\n### {name}\n\n");
        if let Some(desc) = d["description"].as_str() {
            let _ = write!(out, "{}\n\n", desc.replace('\n', " "));
        }
        if let Some(values) = d["enum"].as_array() {
            let v: Vec<String> = values.iter().map(|v| format!("`{}`", v.as_str().unwrap_or_default())).collect();
            let _ = writeln!(out, "One of {}.", v.join(", "));
        } else if let Some(variants) = d["oneOf"].as_array() {
            out.push_str("| value | meaning |\n|---|---|\n");
            for v in variants {
                let _ = writeln!(
                    out,
                    "| `{}` | {} |",
                    v["const"].as_str().unwrap_or_default(),
                    cell(v["description"].as_str().unwrap_or_default())
                );
            }
        } else {
            members(&mut out, &defs, d, sample.as_ref(), &mut queue);
        }
    }
    out
}

#[test]
fn the_record_guide_is_fresh() {
    let path = root().join("docs/records.md");
    let generated = guide();
    if std::env::var_os("GONGKAI_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/records.md");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "docs/records.md is stale: rerun with GONGKAI_BLESS=1");
}

#[test]
fn every_member_of_every_record_object_is_in_the_guide() {
    let text = guide();
    let schema = gongkai::check::record_schema();
    for (name, def) in schema["$defs"].as_object().unwrap() {
        for member in def["properties"].as_object().into_iter().flat_map(|p| p.keys()) {
            assert!(text.contains(&format!("| `{member}` |")), "{name}.{member} missing from the guide");
        }
    }
}

#[test]
fn the_examples_shown_are_read_without_complaint_about_their_shape() {
    let cat = gongkai::Catalogue::embedded();
    for (kind, _, path) in KINDS {
        let record = example(path);
        assert_eq!(record["kind"], *kind);
        let found = gongkai::check::check_value(cat, &record, &gongkai::check::CheckOptions::default());
        let shape: Vec<_> =
            found.iter().filter(|d| d.code.starts_with("record_") || d.code.starts_with("input_")).collect();
        assert!(shape.is_empty(), "{path}: {shape:?}");
    }
}
