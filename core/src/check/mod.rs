//! The rule engine for records: publication records (this module) and request records
//! (dispatched to [`crate::deadlines`]). Owned by issue 3.
//!
//! ```
//! use gongkai::{Catalogue, check::{check_json, CheckOptions}};
//! let record = r#"{"kind": "publication", "item": "admin.art20.99"}"#;
//! let diags = check_json(Catalogue::embedded(), record, &CheckOptions::default()).unwrap();
//! assert!(diags.iter().any(|d| d.code == "item_unknown"));
//! ```

mod bridge;
pub mod codes;
mod engine;
pub mod input;
pub mod record;
mod rules;

use chrono::NaiveDate;
use serde_json::Value;

use crate::Catalogue;
use crate::diagnostics::{CodeInfo, Diagnostic};
use crate::error::{Error, Result};
use crate::model::Lang;

pub use codes::CODES;
pub use engine::Checker;

/// Options for a check.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct CheckOptions {
    /// The date to check unpublished records against (a record with no `published` date is
    /// overdue when `today` is past its deadline). `None`: unpublished records are not timed.
    pub today: Option<NaiveDate>,
    /// Preferred message language (diagnostics carry both; output picks this one).
    pub lang: Lang,
    /// Skip content screening (personal data, classification markings) of body, attachments and fields.
    pub skip_screening: bool,
}

impl CheckOptions {
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.today = Some(today);
        self
    }
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
    pub fn with_skip_screening(mut self, skip: bool) -> Self {
        self.skip_screening = skip;
        self
    }
}

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
    let value = input::parse_record(text).map_err(|e| Error::Json {
        location: crate::error::Location {
            file: String::new(),
            line: (e.line() > 0).then(|| e.line() as u32),
            column: (e.line() > 0).then(|| e.column() as u32),
            path: None,
        },
        message: input::json_error_message(&e, text.trim().is_empty()),
    })?;
    Ok(check_value(cat, &value, opts))
}

/// Schemas this module contributes to `catalogues/schema/`: (file name, schema).
pub fn schemas() -> Vec<(String, Value)> {
    vec![("record.schema.json".to_owned(), record_schema())]
}

/// The JSON Schema of records: a publication record (and, once request records have their
/// own type in [`crate::deadlines`], a `oneOf` on `kind`).
pub fn record_schema() -> Value {
    let mut schema = crate::schema::schema_for::<record::PublicationRecord>();
    if let Value::Object(m) = &mut schema {
        m.insert("$id".into(), Value::String("https://gongkai.invalid/schema/record.schema.json".into()));
        if let Some(Value::Object(props)) = m.get_mut("properties") {
            props.insert("kind".into(), serde_json::json!({"const": "publication"}));
        }
    }
    schema
}

/// Every code this module declares (re-exported for [`crate::diagnostics::codes`]).
pub fn codes() -> &'static [&'static CodeInfo] {
    CODES
}
