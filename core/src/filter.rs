//! Which diagnostics a run reports, as linters do it: `select`/`ignore` by code, prefix or area;
//! a record's own suppressions (`"x-gongkai": {"ignore": ["code"], "reason": "…"}`); and a
//! baseline of findings already known, so that only new ones are reported.
//!
//! A filter over the diagnostics a check returns: the rules never see it, and the CLI, Python and
//! the browser apply the same one. It sits above the registry: a selector is checked against
//! every code there is. Its own codes are declared with the checker's (`check::codes`).
//!
//! ```
//! use gongkai::{Filter, Selection};
//! use gongkai::{Catalogue, check::{check_value, CheckOptions}};
//! use serde_json::json;
//! let record = json!({"kind": "publication", "item": "admin.art20.99",
//!     "x-gongkai": {"ignore": ["item_unknown"], "reason": "a local item the catalogue lacks"}});
//! let mut found = check_value(Catalogue::embedded(), &record, &CheckOptions::default());
//! let filter = Filter::new(Selection::new(&[], &["record_missing_field"]).unwrap());
//! filter.apply(Some(&record), &mut found);
//! assert!(found.iter().all(|d| d.code != "item_unknown" && d.code != "record_missing_field"));
//! ```

use std::collections::HashMap;

use serde_json::Value;

use crate::check::codes::{SUPPRESSION_INVALID, SUPPRESSION_UNKNOWN_CODE, SUPPRESSION_WITHOUT_REASON};
use crate::diagnostics::{CodeInfo, Diagnostic, message, suggest};
use crate::model::Text;
use crate::registry::codes;

/// The member of a record that holds its suppressions.
pub use crate::check::codes::SUPPRESSION_MEMBER;

/// A declared code by name, from a table built once (a filter looks up every diagnostic).
fn code_info(code: &str) -> Option<&'static CodeInfo> {
    static TABLE: std::sync::LazyLock<HashMap<&'static str, &'static CodeInfo>> =
        std::sync::LazyLock::new(|| codes().into_iter().map(|c| (c.code, c)).collect());
    TABLE.get(code).copied()
}

/// The areas a selector may name (`gongkai codes --area`).
const AREAS: &[&str] = &["catalogue", "check", "input", "request", "screening", "report"];

/// How specifically `selector` names `code`: `None` when it does not; otherwise higher is more
/// specific (the code itself, then longer prefixes, then an area, then `ALL`).
fn specificity(selector: &str, code: &CodeInfo) -> Option<usize> {
    if selector == "ALL" {
        return Some(0);
    }
    if selector == code.code {
        return Some(usize::MAX);
    }
    let prefix = selector.strip_suffix('_').unwrap_or(selector);
    if code.code.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('_')) {
        return Some(2 + prefix.len());
    }
    (selector == code.area).then_some(1)
}

/// A selector that names no known code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown code or prefix `{selector}`{}", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
#[non_exhaustive]
pub struct UnknownSelector {
    pub selector: String,
    pub suggestion: Option<String>,
}

fn check_selector(selector: &str) -> Result<(), UnknownSelector> {
    let all = codes();
    if all.iter().any(|c| specificity(selector, c).is_some()) {
        return Ok(());
    }
    let names = all.iter().map(|c| c.code).chain(AREAS.iter().copied());
    Err(UnknownSelector {
        selector: selector.to_owned(),
        suggestion: suggest::nearest(selector, names).map(str::to_owned),
    })
}

fn own_selectors(list: &[&str]) -> Result<Vec<String>, UnknownSelector> {
    list.iter()
        .map(|s| {
            let s = s.trim();
            check_selector(s).map(|()| s.to_owned())
        })
        .collect()
}

/// Codes selected and ignored, by code (`item_unknown`), prefix (`screening`, `request_fee`),
/// area (`check`) or `ALL`. An empty `select` selects every code. When a select and an ignore
/// both name a code, the more specific one wins (`--ignore screening --select screening_mobile`
/// keeps mobiles only); between equals, ignore wins.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

impl Selection {
    /// Every selector must name at least one known code: a typo is an error, not a silent no-op.
    pub fn new(select: &[&str], ignore: &[&str]) -> Result<Self, UnknownSelector> {
        Ok(Self { select: own_selectors(select)?, ignore: own_selectors(ignore)? })
    }

    /// Whether diagnostics with this code are reported.
    pub fn allows(&self, code: &str) -> bool {
        let Some(info) = code_info(code) else { return true };
        let best = |list: &[String]| list.iter().filter_map(|s| specificity(s, info)).max();
        let ignored = best(&self.ignore);
        let selected = if self.select.is_empty() { Some(0) } else { best(&self.select) };
        match (selected, ignored) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(s), Some(i)) => s > i,
        }
    }

    /// Whether it selects and ignores nothing (every code reported).
    pub fn is_everything(&self) -> bool {
        self.select.is_empty() && self.ignore.is_empty()
    }
}

/// A record's suppressions, read from its `x-gongkai` member.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// Codes or prefixes, as in [`Selection`].
    pub ignore: Vec<String>,
    pub reason: Option<String>,
}

impl Suppressions {
    /// Read `record["x-gongkai"]`, with a diagnostic for each problem in it (no reason, an
    /// unknown code, a wrong shape). A record without the member has none.
    pub fn of_record(record: &Value) -> (Self, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let Some(member) = record.get(SUPPRESSION_MEMBER) else { return (Self::default(), problems) };
        let base = format!("/{SUPPRESSION_MEMBER}");
        let invalid = |path: String| {
            Diagnostic::new(
                &SUPPRESSION_INVALID,
                path,
                Text::new(
                    "x-gongkai 应为对象：{\"ignore\": [代码…], \"reason\": \"理由\"}",
                    "x-gongkai must be an object: {\"ignore\": [codes…], \"reason\": \"why\"}",
                ),
            )
        };
        let Some(object) = member.as_object() else {
            problems.push(invalid(base));
            return (Self::default(), problems);
        };
        let mut out = Self::default();
        for (key, value) in object {
            let path = format!("{base}/{}", crate::diagnostics::pointer_token(key));
            match (key.as_str(), value) {
                ("ignore", Value::Array(list)) => {
                    for (i, code) in list.iter().enumerate() {
                        let at = crate::diagnostics::index_pointer(&path, i);
                        match code.as_str() {
                            Some(c) => match check_selector(c) {
                                Ok(()) => out.ignore.push(c.to_owned()),
                                Err(e) => {
                                    let help = e
                                        .suggestion
                                        .as_ref()
                                        .map(|s| message!("是否应为 `{0}`？", "did you mean `{0}`?", s.clone()));
                                    let mut d = Diagnostic::new(
                                        &SUPPRESSION_UNKNOWN_CODE,
                                        at,
                                        message!("没有代码 `{0}`，抑制无效", "no code `{0}`: nothing suppressed", c),
                                    );
                                    d.help = help;
                                    problems.push(d);
                                }
                            },
                            None => problems.push(invalid(at)),
                        }
                    }
                }
                ("reason", Value::String(r)) => out.reason = Some(r.clone()).filter(|r| !r.trim().is_empty()),
                ("ignore" | "reason", _) => problems.push(invalid(path)),
                (other, _) => {
                    let mut d = invalid(path);
                    d.message = message!(
                        "x-gongkai 中的未知成员 `{0}`（可用：ignore、reason）",
                        "unknown member `{0}` in x-gongkai (known: ignore, reason)",
                        other
                    );
                    problems.push(d);
                }
            }
        }
        if !out.ignore.is_empty() && out.reason.is_none() {
            problems.push(
                Diagnostic::new(
                    &SUPPRESSION_WITHOUT_REASON,
                    format!("{base}/ignore"),
                    Text::new(
                        "抑制诊断须在 x-gongkai.reason 中说明理由",
                        "a suppression must say why in x-gongkai.reason",
                    ),
                )
                .with_help(Text::new(
                    "添加 \"reason\": \"…\"，说明为何此记录不适用这些规则",
                    "add \"reason\": \"…\" saying why these rules do not apply to this record",
                )),
            );
        }
        (out, problems)
    }

    /// As [`Suppressions::of_record`], from a record's JSON text: parsed only when the text names
    /// the member, so records without suppressions cost a substring search. A name spelt with
    /// escapes of ASCII letters (`x-g\u006fngkai`) is found too: the search also looks for
    /// `\u00`, which the usual escaped output (non-ASCII only, `\u4e00` …) does not contain.
    pub fn of_text(text: &str) -> (Self, Vec<Diagnostic>) {
        // One finder for the process (`memmem::find` builds its searcher on every call); escapes
        // are rare in records (serializers escape only quotes, control and non-ASCII characters),
        // so the second search starts at the first backslash, when there is one.
        static MEMBER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new(SUPPRESSION_MEMBER));
        let bytes = text.as_bytes();
        let named = MEMBER.find(bytes).is_some()
            || memchr::memchr(b'\\', bytes).is_some_and(|at| memchr::memmem::find(&bytes[at..], b"\\u00").is_some());
        if !named {
            return (Self::default(), Vec::new());
        }
        match serde_json::from_str::<Value>(text) {
            Ok(record) => Self::of_record(&record),
            Err(_) => (Self::default(), Vec::new()),
        }
    }

    /// Whether this record suppresses the code.
    pub fn covers(&self, code: &str) -> bool {
        code_info(code).is_some_and(|info| self.ignore.iter().any(|s| specificity(s, info).is_some()))
    }
}

/// What a run reports: a [`Selection`] and the records' own suppressions.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub selection: Selection,
}

impl Filter {
    pub fn new(selection: Selection) -> Self {
        Self { selection }
    }

    /// Drop what the record suppresses and what the selection leaves out, and add the
    /// suppression's own problems (themselves subject to the selection). `record` is the parsed
    /// record, when there is one.
    pub fn apply(&self, record: Option<&Value>, diagnostics: &mut Vec<Diagnostic>) {
        let (suppressions, problems) = record.map(Suppressions::of_record).unwrap_or_default();
        self.finish(&suppressions, problems, diagnostics);
    }

    /// As [`Filter::apply`], for a record given as JSON text.
    pub fn apply_text(&self, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        let (suppressions, problems) = Suppressions::of_text(text);
        self.finish(&suppressions, problems, diagnostics);
    }

    fn finish(&self, suppressions: &Suppressions, problems: Vec<Diagnostic>, diagnostics: &mut Vec<Diagnostic>) {
        if !suppressions.ignore.is_empty() {
            diagnostics.retain(|d| !suppressions.covers(d.code));
        }
        diagnostics.extend(problems);
        if !self.selection.is_everything() {
            diagnostics.retain(|d| self.selection.allows(d.code));
        }
    }
}

/// Findings already known (a previous run's `gongkai check --format json`): a run with a
/// baseline reports only what is not in it. A finding is known by its file, its record (the
/// record's `id`, or where it sits when it has none), its code and its JSON pointer, so records
/// moving within a file keep their baseline; each known finding excuses one finding now.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    known: HashMap<(String, String, String, String), u32>,
}

/// A baseline file that is not a gongkai JSON report.
#[derive(Debug, thiserror::Error)]
#[error("baseline is not the output of `gongkai check --format json`: {0}")]
pub struct BaselineError(String);

impl Baseline {
    /// Read the JSON report of an earlier run (`{"results": [{"source", "file"?, "id",
    /// "diagnostics": [{"code", "path"}]}]}`).
    pub fn from_json(text: &str) -> Result<Self, BaselineError> {
        let report: Value = serde_json::from_str(text).map_err(|e| BaselineError(e.to_string()))?;
        let results = report
            .get("results")
            .and_then(Value::as_array)
            .ok_or_else(|| BaselineError("no `results` array".to_owned()))?;
        let mut known = HashMap::new();
        for (i, r) in results.iter().enumerate() {
            let source = r.get("source").and_then(Value::as_str).unwrap_or_default();
            let file = r.get("file").and_then(Value::as_str).map_or_else(|| file_of_source(source), str::to_owned);
            let record = record_key(r.get("id").unwrap_or(&Value::Null), source);
            let diagnostics = r
                .get("diagnostics")
                .and_then(Value::as_array)
                .ok_or_else(|| BaselineError(format!("result {i} has no `diagnostics` array")))?;
            for d in diagnostics {
                let code = d.get("code").and_then(Value::as_str).unwrap_or_default();
                let path = d.get("path").and_then(Value::as_str).unwrap_or_default();
                *known.entry((file.clone(), record.clone(), code.to_owned(), path.to_owned())).or_insert(0) += 1;
            }
        }
        Ok(Self { known })
    }

    /// Findings the baseline holds.
    pub fn len(&self) -> usize {
        self.known.values().map(|&n| n as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drop from `diagnostics` the findings the baseline knows for this record, using them up;
    /// returns how many were dropped.
    pub fn take(&mut self, file: &str, source: &str, id: &Value, diagnostics: &mut Vec<Diagnostic>) -> usize {
        let record = record_key(id, source);
        let before = diagnostics.len();
        diagnostics.retain(|d| {
            let key = (file.to_owned(), record.clone(), d.code.to_owned(), d.path.to_string());
            match self.known.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - diagnostics.len()
    }
}

/// A record's identity in a baseline: its `id`, or its source (`FILE:LINE`, `FILE#/3`) without one.
fn record_key(id: &Value, source: &str) -> String {
    match id {
        Value::Null => format!("@{source}"),
        id => format!("id:{id}"),
    }
}

/// The file part of a result's source: `FILE:LINE` and `FILE#/INDEX` without the suffix.
fn file_of_source(source: &str) -> String {
    if let Some((file, _)) = source.rsplit_once("#/") {
        return file.to_owned();
    }
    match source.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => file.to_owned(),
        _ => source.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn selectors_by_code_prefix_area_and_specificity() {
        let s = Selection::new(&["screening"], &["screening_email"]).unwrap();
        assert!(s.allows("screening_mobile"));
        assert!(!s.allows("screening_email"));
        assert!(!s.allows("item_unknown"));
        let s = Selection::new(&["screening_mobile"], &["screening"]).unwrap();
        assert!(s.allows("screening_mobile") && !s.allows("screening_email") && !s.allows("item_unknown"));
        let s = Selection::new(&["check"], &[]).unwrap();
        assert!(s.allows("item_unknown") && !s.allows("request_reply_late"));
        let s = Selection::new(&["request_fee_"], &[]).unwrap();
        assert!(s.allows("request_fee_in_free_band") && !s.allows("request_reply_late"));
        // `request_f` is not a prefix at a word boundary.
        let e = Selection::new(&["request_f"], &[]).unwrap_err();
        assert_eq!(e.selector, "request_f");
        let e = Selection::new(&[], &["chanel_not_in_catalogue"]).unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("channel_not_in_catalogue"));
        assert_eq!(
            e.to_string(),
            "unknown code or prefix `chanel_not_in_catalogue` (did you mean `channel_not_in_catalogue`?)"
        );
    }

    #[test]
    fn a_suppression_needs_a_reason_and_known_codes() {
        let (s, problems) = Suppressions::of_record(&json!({"x-gongkai": {"ignore": ["item_unknown", "itemunknown"]}}));
        assert_eq!(s.ignore, ["item_unknown"]);
        let codes: Vec<_> = problems.iter().map(|d| (d.code, d.path.as_ref())).collect();
        assert_eq!(
            codes,
            [("suppression_unknown_code", "/x-gongkai/ignore/1"), ("suppression_without_reason", "/x-gongkai/ignore")]
        );
        assert_eq!(
            problems[0].help.as_ref().map(|h| h.en().to_owned()).as_deref(),
            Some("did you mean `item_unknown`?")
        );
        let (_, problems) =
            Suppressions::of_record(&json!({"x-gongkai": {"ignore": ["item_unknown"], "reason": "local item"}}));
        assert!(problems.is_empty());
        let (_, problems) = Suppressions::of_record(&json!({"x-gongkai": {"ignore": "item_unknown", "why": 1}}));
        let paths: Vec<_> = problems.iter().map(|d| d.path.as_ref()).collect();
        assert_eq!(paths, ["/x-gongkai/ignore", "/x-gongkai/why"]);
        assert_eq!(Suppressions::of_text(r#"{"kind": "publication"}"#), (Suppressions::default(), vec![]));
        // The member's name written with escapes is the same member.
        let escaped = r#"{"x-g\u006fngkai": {"ignore": ["item_unknown"], "reason": "local item"}}"#;
        assert_eq!(Suppressions::of_text(escaped).0.ignore, ["item_unknown"]);
    }

    #[test]
    fn a_baseline_excuses_each_known_finding_once() {
        let report = json!({"results": [
            {"source": "a.jsonl:3", "id": "r1", "diagnostics": [{"code": "item_unknown", "path": "/item"}]},
            {"source": "a.jsonl:4", "id": null, "diagnostics": [{"code": "channels_missing", "path": "/channels"}]},
        ]});
        let mut b = Baseline::from_json(&report.to_string()).unwrap();
        assert_eq!(b.len(), 2);
        let d = |code: &'static CodeInfo, path: &'static str| Diagnostic::new(code, path, Text::new("x", "x"));
        use crate::check::codes::{CHANNELS_MISSING, ITEM_UNKNOWN};
        // The record moved to line 9: known by its id.
        let mut now = vec![d(&ITEM_UNKNOWN, "/item"), d(&ITEM_UNKNOWN, "/item")];
        assert_eq!(b.take("a.jsonl", "a.jsonl:9", &json!("r1"), &mut now), 1);
        assert_eq!(now.len(), 1, "a second finding of the same kind is new");
        // No id: known by where it sits.
        let mut now = vec![d(&CHANNELS_MISSING, "/channels")];
        assert_eq!(b.take("a.jsonl", "a.jsonl:5", &Value::Null, &mut now), 0);
        assert_eq!(b.take("a.jsonl", "a.jsonl:4", &Value::Null, &mut now), 1);
        assert!(Baseline::from_json("[]").is_err());
        assert_eq!(file_of_source("x/a.json#/3"), "x/a.json");
        assert_eq!(file_of_source("C:/a.jsonl:12"), "C:/a.jsonl");
        assert_eq!(file_of_source("-"), "-");
    }
}
