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
mod engine;
pub mod input;
mod options;
pub mod record;
mod rules;
mod text;

use serde_json::Value;

use crate::Catalogue;
use crate::diagnostics::{CodeInfo, Diagnostic};
use crate::error::{Error, Result};
use crate::record::{Doc, Node};

pub use codes::CODES;
pub use engine::Checker;
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

impl Checker<'_> {
    /// Parse one record from JSON text and check it, as [`check_json`] does.
    pub fn check_json(&self, text: &str, opts: &CheckOptions) -> Result<Vec<Diagnostic>> {
        self.check_text(text, opts).map(|c| c.diagnostics).map_err(|e| json_error(&e, text))
    }

    /// Parse one record from JSON text and check it, keeping its `id`. A syntax error is returned
    /// as serde_json's, for [`input::json_error_diagnostic_at`] with the line in the caller's file.
    ///
    /// The text is read into a tree that borrows its strings ([`Doc`]) and checked by the same
    /// reader as a `Value` ([`Checker::check_node`]): the same diagnostics either way.
    ///
    /// ```
    /// use gongkai::{Catalogue, check::{CheckOptions, Checker}};
    /// let checker = Checker::new(Catalogue::embedded());
    /// let opts = CheckOptions::default();
    /// let record = r#"{"kind": "publication", "id": 7, "item": "admin.art20.99"}"#;
    /// let checked = checker.check_text(record, &opts).unwrap();
    /// assert_eq!(checked.id, 7);
    /// assert!(checked.diagnostics.iter().any(|d| d.code == "item_unknown"));
    /// assert_eq!(checker.check_text("{\n  \"id\": }", &opts).unwrap_err().line(), 2);
    /// ```
    pub fn check_text(&self, text: &str, opts: &CheckOptions) -> std::result::Result<CheckedRecord, serde_json::Error> {
        Ok(self.check_doc(&parse_doc(text)?, opts))
    }

    /// Check a record lent by any serde deserializer whose strings live for `'de` (a binding's
    /// own tree of host-language strings), read without copying them. `None` when the
    /// deserializer fails (a value with no JSON form); the diagnostics are those of the same
    /// record as a `Value`.
    ///
    /// ```
    /// use gongkai::{Catalogue, check::{CheckOptions, Checker}};
    /// use serde_json::json;
    /// let checker = Checker::new(Catalogue::embedded());
    /// let record = json!({"kind": "publication", "item": "admin.art20.99",
    ///     "institution": {"kind": "administrative", "tier": "county"}, "title": "t",
    ///     "formed": "2026-03-02", "channels": ["government_website"]});
    /// let checked = checker.check_borrowed(&record, &CheckOptions::default()).unwrap();
    /// assert!(checked.diagnostics.iter().any(|d| d.code == "item_unknown"));
    /// ```
    pub fn check_borrowed<'de, D: serde::Deserializer<'de>>(
        &self,
        record: D,
        opts: &CheckOptions,
    ) -> Option<CheckedRecord> {
        use serde::Deserialize;
        Some(self.check_doc(&Doc::deserialize(record).ok()?, opts))
    }

    fn check_doc(&self, doc: &Doc<'_>, opts: &CheckOptions) -> CheckedRecord {
        let node = Node::Doc(doc);
        let id = node.get("id").map_or(Value::Null, |id| id.to_value().into_owned());
        CheckedRecord { id, diagnostics: self.check_node(node, opts) }
    }
}

/// Read JSON text into a [`Doc`]: with the fast string scanner ([`text::Reader`]) when it takes
/// the text, else with serde_json, whose errors carry line and column.
fn parse_doc(text: &str) -> std::result::Result<Doc<'_>, serde_json::Error> {
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

fn json_error(e: &serde_json::Error, text: &str) -> Error {
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
