//! One diagnostic type for everything gongkai reports about a record, a catalogue file or an
//! annual report: a stable snake_case code, a severity, a JSON pointer, a message in Chinese and
//! English, and the legal basis that makes it a rule.
//!
//! Every code is declared once as a [`CodeInfo`] in the module that emits it;
//! `crate::registry::codes` lists them all, and `docs/diagnostics.md` is generated from that list.

pub(crate) mod locate;
pub(crate) mod message;
pub(crate) mod suggest;
pub(crate) mod wording;

use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::model::{Lang, SharedStr};
pub use locate::{Lines, Span, locate};
pub(crate) use message::message;
pub use message::{Arg, Message, MessageParts, MessageTemplate, ToArg};
pub use suggest::{edit_distance, nearest};

/// How serious a diagnostic is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A declared diagnostic code: what it means, how severe it is by default, and why it is a rule.
/// Declared inside the crate only (`crate::registry::codes` lists them); read its fields.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CodeInfo {
    /// Stable snake_case code. Never renamed or reused.
    pub code: &'static str,
    pub severity: Severity,
    /// The citation that makes it a rule (instrument + article), or the standard it checks.
    pub basis: &'static str,
    /// One-line summary in Chinese.
    pub summary_zh: &'static str,
    /// One-line summary in English.
    pub summary_en: &'static str,
    /// An example of input that triggers it.
    pub example: &'static str,
    /// Which part of gongkai emits it: `catalogue`, `check`, `request`, `screening`, `report`, `input`.
    pub area: &'static str,
}

/// Declares a diagnostic code once, as a `pub static` [`CodeInfo`]:
/// `code!(NAME, "area", "snake_case_code", Severity, "basis", "summary zh", "summary en", "example")`.
macro_rules! code {
    ($name:ident, $area:literal, $code:literal, $sev:ident, $basis:literal, $zh:literal, $en:literal, $ex:literal) => {
        pub static $name: $crate::diagnostics::CodeInfo = $crate::diagnostics::CodeInfo {
            code: $code,
            severity: $crate::diagnostics::Severity::$sev,
            basis: $basis,
            summary_zh: $zh,
            summary_en: $en,
            example: $ex,
            area: $area,
        };
    };
}
pub(crate) use code;

/// A problem found in some input.
///
/// ```
/// use gongkai::{Lang, check::CheckOptions};
/// let record = serde_json::json!({"kind": "publication", "title": "某县2026年预算"});
/// let found = gongkai::check::check_value(gongkai::Catalogue::embedded(), &record, &CheckOptions::default());
/// let d = found.iter().find(|d| d.code() == "record_missing_field").unwrap();
/// assert!(d.path().starts_with('/'));
/// assert!(!d.message().get(Lang::En).is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// JSON pointer (RFC 6901) of the offending value in the record; `""` is the whole record.
    /// Lent or shared when it is fixed (`/review`, an item's element): most findings' pointers are.
    pub path: SharedStr,
    /// In Chinese and English (`message.zh()`, `.en()`, `.get(lang)`), written out when read.
    pub message: Message,
    /// The citation that makes it a rule (a code's own basis is lent, an item's shared, not copied).
    pub basis: Option<SharedStr>,
    /// What to do about it.
    pub help: Option<Message>,
}

impl Diagnostic {
    /// A diagnostic made again from its parts (as a binding that stored them keeps them):
    /// nothing is checked or looked up.
    pub fn from_parts(
        code: &'static str,
        severity: Severity,
        path: impl Into<SharedStr>,
        message: Message,
        basis: Option<SharedStr>,
        help: Option<Message>,
    ) -> Self {
        Self { code, severity, path: path.into(), message, basis, help }
    }

    /// The same finding in a batch: its pointer under `/<index>`.
    pub(crate) fn in_batch(mut self, index: usize) -> Self {
        self.path = format!("/{index}{}", self.path).into();
        self
    }

    /// Whether it points at `pointer` or inside it (`/fee/amount` is within `/fee`, `/feed` is not).
    pub(crate) fn is_within(&self, pointer: &str) -> bool {
        self.path.strip_prefix(pointer).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }

    /// Its stable snake_case code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// JSON pointer (RFC 6901) of the offending value; `""` is the whole record.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// In Chinese and English.
    pub fn message(&self) -> &Message {
        &self.message
    }

    /// The citation that makes it a rule.
    pub fn basis(&self) -> Option<&str> {
        self.basis.as_deref()
    }

    /// What to do about it.
    pub fn help(&self) -> Option<&Message> {
        self.help.as_ref()
    }

    /// A diagnostic for a declared code, with the code's default severity and basis.
    pub fn new(info: &'static CodeInfo, path: impl Into<SharedStr>, message: impl Into<Message>) -> Self {
        Self {
            code: info.code,
            severity: info.severity,
            path: path.into(),
            message: message.into(),
            basis: (!info.basis.is_empty()).then_some(SharedStr::Static(info.basis)),
            help: None,
        }
    }

    pub fn with_basis(mut self, basis: impl Into<SharedStr>) -> Self {
        self.basis = Some(basis.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Write out the message and help in `lang` now rather than when first read: a program that
    /// checks on many threads and prints on one calls it on the checking threads.
    pub fn prepare(&self, lang: Lang) {
        self.message.get(lang);
        if let Some(help) = &self.help {
            help.get(lang);
        }
    }

    /// A view for serialisation with messages in one language.
    pub fn localized(&self, lang: Lang) -> LocalizedDiagnostic<'_> {
        LocalizedDiagnostic { diagnostic: self, lang }
    }
}

/// A diagnostic serialised with its message in one language:
/// `{"code", "severity", "path", "message", "basis", "help"}`.
/// Its TypeScript declaration is [`LOCALIZED_DIAGNOSTIC_TS`] (the `Serialize` below is written by hand).
pub struct LocalizedDiagnostic<'a> {
    pub diagnostic: &'a Diagnostic,
    pub lang: Lang,
}

impl Serialize for LocalizedDiagnostic<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let d = self.diagnostic;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", d.code)?;
        map.serialize_entry("severity", &d.severity)?;
        map.serialize_entry("path", &d.path)?;
        map.serialize_entry("message", d.message.get(self.lang))?;
        map.serialize_entry("basis", &d.basis)?;
        if let Some(help) = &d.help {
            map.serialize_entry("help", help.get(self.lang))?;
        }
        map.end()
    }
}

/// The TypeScript declaration of [`LocalizedDiagnostic`]'s JSON, named `Diagnostic` as the
/// browser's `check` returns it; kept next to the hand-written `Serialize` it mirrors
/// (bindings-wasm/tests/typescript.rs checks real answers against it).
#[cfg(feature = "typescript")]
pub const LOCALIZED_DIAGNOSTIC_TS: &str = r#"/**
 * A problem found in a record: message in the requested language, with its legal basis.
 */
export interface Diagnostic {
    /**
     * Stable snake_case code (`codes()` lists them).
     */
    code: string;
    severity: Severity;
    /**
     * JSON pointer (RFC 6901) into the record; "" is the whole record.
     */
    path: string;
    message: string;
    /**
     * The citation that makes it a rule.
     */
    basis: string | null;
    /**
     * What to do about it.
     */
    help?: string;
}"#;

#[cfg(feature = "typescript")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const LOCALIZED_DIAGNOSTIC_SECTION: &str = LOCALIZED_DIAGNOSTIC_TS;

/// A message with no part from the record, written out once when an item or a scope is
/// compiled and kept by the checker that compiled it: a diagnostic made from it shares both
/// texts (a reference count), with nothing to format or copy. For messages that quote only
/// catalogue texts (an element's title, an item's channels), which were templates written out
/// again for every record they flagged. Freed with the checker and the diagnostics that hold it.
#[derive(Clone, Debug)]
pub(crate) struct SharedText {
    pub zh: Arc<str>,
    pub en: Arc<str>,
}

impl SharedText {
    /// No text: for what is never shown (an institution not recognised has no items to list).
    pub fn empty() -> Self {
        Self { zh: Arc::from(""), en: Arc::from("") }
    }

    /// `message` written out in both languages and kept.
    pub fn of(message: &Message) -> Self {
        Self { zh: Arc::from(message.zh()), en: Arc::from(message.en()) }
    }

    pub fn message(&self) -> Message {
        Message::from(crate::model::Text::new(&self.zh, &self.en))
    }
}

/// The pieces joined, in one allocation. Paths and quoted lists are made for every finding of
/// every record; `format!` costs several times more for the same string.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|p| s.push_str(p));
    s
}

/// `` `a`, `b`, `c` ``: identifiers in backticks, as messages quote them.
pub(crate) fn code_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut s = String::new();
    for (k, item) in items.into_iter().enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        s.push('`');
        s.push_str(item);
        s.push('`');
    }
    s
}

/// `base/index`: the JSON pointer of an array element.
pub(crate) fn index_pointer(base: &str, index: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = index;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(base.len() + 1 + digits.len() - at);
    s.push_str(base);
    s.push('/');
    digits[at..].iter().for_each(|&d| s.push(char::from(d)));
    s
}

/// Escape one reference token of a JSON pointer (RFC 6901).
pub fn pointer_token(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) { token.replace('~', "~0").replace('/', "~1").into() } else { token.into() }
}

/// How a message names a JSON value's type ("a number", "an object").
pub fn type_name(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_write_what_format_writes() {
        for i in [0usize, 7, 10, 99, 12345, usize::MAX] {
            assert_eq!(index_pointer("/channels", i), format!("/channels/{i}"));
        }
        assert_eq!(code_list(["a", "b~c"]), "`a`, `b~c`");
        assert_eq!(code_list([]), "");
        assert_eq!(concat(&["/fields", "", "/x"]), "/fields/x");
    }
}
