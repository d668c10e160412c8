//! The rule engine for records: publication records (this module) and request records
//! (dispatched to [`crate::deadlines`]). Owned by issue 3.
//!
//! ```
//! use gongkai::{Catalogue, check::{check_json, CheckOptions}};
//! let record = r#"{"kind": "publication", "item": "admin.art20.99"}"#;
//! let diags = check_json(Catalogue::embedded(), record, &CheckOptions::default()).unwrap();
//! assert!(diags.iter().any(|d| d.code == "item_unknown"));
//! ```

#[cfg(feature = "files")]
pub mod attachments;
mod bridge;
pub mod codes;
mod compiled;
mod engine;
pub mod input;
mod json_out;
mod options;
pub mod record;
mod rules;
mod text;

use serde_json::Value;

use crate::Catalogue;
use crate::diagnostics::{CodeInfo, Diagnostic};
use crate::error::{Error, Result};
use crate::record::Doc;

pub use codes::CODES;
pub use engine::Checker;
pub use json_out::write_diagnostics_json;
pub use options::CheckOptions;

/// Check one record (a publication or a request) already parsed as JSON.
///
/// Uses a shared, cached [`Checker`] for the embedded catalogue; for another catalogue (with
/// overlays), keep a [`Checker`] and call [`Checker::check_value`] so its caches are reused.
pub fn check_value(cat: &Catalogue, record: &Value, opts: &CheckOptions) -> Vec<Diagnostic> {
    if std::ptr::eq(cat, Catalogue::embedded()) {
        engine::embedded_checker().check_value(record, opts)
    } else {
        Checker::new(cat).check_value(record, opts)
    }
}

/// Parse one record from JSON text and check it. Syntax errors are an [`Error::Json`] with
/// line and column; see [`input::json_error_diagnostic`] to turn them into a diagnostic.
pub fn check_json(cat: &Catalogue, text: &str, opts: &CheckOptions) -> Result<Vec<Diagnostic>> {
    if std::ptr::eq(cat, Catalogue::embedded()) {
        engine::embedded_checker().check_json(text, opts)
    } else {
        Checker::new(cat).check_json(text, opts)
    }
}

/// One record checked from its JSON text: its `id` (`null` when it has none), which the CLI and
/// the bindings echo, and its diagnostics.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CheckedRecord {
    pub id: Value,
    pub diagnostics: Vec<Diagnostic>,
}

/// Read JSON text into a [`Doc`]: with the fast string scanner ([`text::Reader`]) when it takes
/// the text, else with serde_json, whose errors carry line and column.
pub(super) fn parse_doc(text: &str) -> std::result::Result<Doc<'_>, serde_json::Error> {
    use serde::Deserialize;
    let mut fast = text::Reader::new(text);
    if let Ok(doc) = fast.doc()
        && fast.end().is_ok()
    {
        return Ok(doc);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = Doc::deserialize(&mut de)?;
    de.end()?;
    Ok(doc)
}

/// Parse one record's JSON text with the check's limits (nesting depth, size). Syntax errors are
/// an [`Error::Json`] with line and column.
pub fn parse_json(text: &str) -> Result<Value> {
    input::parse_record(text).map_err(|e| json_error(&e, text))
}

pub(super) fn json_error(e: &serde_json::Error, text: &str) -> Error {
    Error::Json {
        location: crate::error::Location {
            file: String::new(),
            line: (e.line() > 0).then(|| e.line() as u32),
            column: (e.line() > 0).then(|| e.column() as u32),
            path: None,
        },
        message: input::json_error_message(e, input::is_json_blank(text)),
    }
}

/// Schemas this module contributes to `catalogues/schema/`: (file name, schema).
pub fn schemas() -> Vec<(String, Value)> {
    vec![("record.schema.json".to_owned(), record_schema())]
}

/// The JSON Schema of records: a `oneOf` on `kind` between a publication record and a request
/// record ([`crate::deadlines::RequestRecord`]).
pub fn record_schema() -> Value {
    use serde_json::{Map, json};
    let mut defs = Map::new();
    let mut variant = |name: &str, kind: &str, mut schema: Value| {
        if let Value::Object(m) = &mut schema {
            if let Some(Value::Object(d)) = m.remove("$defs") {
                defs.extend(d);
            }
            m.remove("$schema");
            if let Some(Value::Object(props)) = m.get_mut("properties") {
                props.insert("kind".into(), json!({"const": kind}));
            }
        }
        defs.insert(name.to_owned(), schema);
        json!({"$ref": format!("#/$defs/{name}")})
    };
    let publication =
        variant("PublicationRecord", "publication", crate::schema::schema_for::<record::PublicationRecord>());
    let request = variant("RequestRecord", "request", crate::schema::schema_for::<crate::deadlines::RequestRecord>());
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://gongkai.invalid/schema/record.schema.json",
        "title": "gongkai record: a publication (主动公开) or a request (依申请公开)",
        "oneOf": [publication, request],
        "$defs": defs,
    })
}

/// Every code this module declares (re-exported for [`crate::registry::codes`]).
pub fn codes() -> &'static [&'static CodeInfo] {
    CODES
}

#[cfg(test)]
mod declared_members_tests {
    use std::collections::BTreeMap;

    use crate::check::record::{PublicationRecord, ReviewStage};
    use crate::deadlines::RequestRecord;
    use crate::record::{declared_members, declared_values, generated_members, generated_values};

    /// The table built from the committed record schema is what the Rust types declare: a member
    /// added to a type without `GONGKAI_BLESS=1 cargo test -p gongkai --test schemas` fails here.
    #[test]
    fn record_members_are_fresh() {
        let table = declared_members::<PublicationRecord>();
        for generated in [generated_members::<PublicationRecord>(), generated_members::<RequestRecord>()] {
            for (name, members) in &generated {
                assert_eq!(table.get(name), Some(members), "members of `{name}`: regenerate catalogues/schema");
            }
        }
        // The string enums' values, which the reader reports as the allowed ones.
        for generated in [generated_values::<PublicationRecord>(), generated_values::<RequestRecord>()] {
            let table: BTreeMap<&str, &[&str]> = crate::data::embedded::RECORD_VALUES.iter().copied().collect();
            for (name, values) in &generated {
                let values: Vec<&str> = values.iter().map(String::as_str).collect();
                assert_eq!(
                    table.get(name.as_str()).map(|v| v.to_vec()),
                    Some(values),
                    "values of `{name}`: regenerate"
                );
            }
        }
        assert_eq!(declared_values::<ReviewStage>(), ["business", "legal", "confidentiality"]);
        assert!(table["PublicationRecord"].iter().any(|m| m == "published"));
        assert!(table["RequestRecord"].iter().any(|m| m == "received"));
    }
}
