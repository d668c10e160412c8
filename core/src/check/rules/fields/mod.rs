//! Content elements (公开内容要素): each item's `fields` JSON Schema applied to a record's
//! `fields`. Two validators of the same generated schemas report the same [`Problem`]s: the
//! `jsonschema` crate (feature `jsonschema`, the default) and a built-in one for the small
//! subset of JSON Schema the schemas use (the WebAssembly build). A test checks they agree.

mod builtin;
pub(crate) mod variants;
#[cfg(feature = "jsonschema")]
mod with_jsonschema;

use std::sync::Arc;

#[cfg(test)]
use serde_json::Value;

use super::Ctx;
use crate::check::codes::{FIELDS_INVALID_ELEMENT, FIELDS_MISSING_ELEMENT};
use crate::check::compiled::{Compiled, ElementTexts};
use crate::check::record::Fields;
use crate::diagnostics::{Diagnostic, Message, concat, message, pointer_token};
use crate::model::Item;
use crate::model::SharedStr;

#[cfg(not(feature = "jsonschema"))]
pub(crate) use builtin::Validator;
#[cfg(feature = "jsonschema")]
pub(crate) use with_jsonschema::Validator;

/// What is wrong with a value, in the terms of the schema keyword it fails.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Problem {
    /// `required`: the element (its key) is absent.
    Missing(String),
    /// `type`: the JSON type expected (`string`, `integer`, …).
    WrongType(String),
    /// `pattern` (or `format`).
    Format,
    /// `enum`: the allowed values as compact JSON.
    NotInEnum(String),
    /// `minLength` / `minItems`.
    Empty,
    /// `minimum`: the limit.
    BelowMinimum(String),
    /// Anything else the validator reports (not produced by the generated schemas).
    #[cfg_attr(not(feature = "jsonschema"), allow(dead_code))]
    Other(String),
}

/// One failure: where in `fields` (a JSON pointer, `""` for `fields` itself) and what.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FieldError {
    pub at: String,
    pub problem: Problem,
}

pub(crate) fn check(ctx: &Ctx<'_>, compiled: &Compiled, fields: Fields<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.item.is_none() {
        return;
    }
    check_elements(compiled, fields, out);
    variants::check(&compiled.texts().variants, fields, out);
}

/// The item's schema (without its variants) applied to `fields`.
fn check_elements(compiled: &Compiled, fields: Fields<'_>, out: &mut Vec<Diagnostic>) {
    let texts = compiled.texts();
    // The usual case: what is wrong is only what is absent, read off the item's texts.
    let absent = absent_members(&texts.required, |e| &*e.key, compiled, fields);
    if let Some(absent) = absent {
        for e in absent {
            out.push(missing_element(e).with_basis(&texts.fields_basis));
        }
        return;
    }
    let Some(whole) = compiled.validator() else { return };
    let fields = fields.to_value();
    if whole.is_valid(&fields) {
        return;
    }
    for FieldError { at, problem } in sorted(whole.errors(&fields)) {
        let diagnostic = match problem {
            Problem::Missing(key) => {
                // The key is one of the item's elements (the schema's `required` lists only
                // those): its texts are lent, not copied.
                match texts.element(&key) {
                    Some(e) => missing(&e.key, &e.zh, &e.en, &at),
                    None => missing(&Arc::from(key), &Arc::from(""), &Arc::from(""), &at),
                }
            }
            problem => {
                let key = at.split('/').nth(1).unwrap_or_default();
                let (zh, en) = texts
                    .element(key)
                    .map_or_else(Default::default, |e| (SharedStr::from(&e.zh), SharedStr::from(&e.en)));
                let (why_zh, why_en) = describe(&problem);
                Diagnostic::new(
                    &FIELDS_INVALID_ELEMENT,
                    concat(&["/fields", &at]),
                    message!("公开内容要素「{0}」（`{1}`）{2}", "element `{1}` ({3}) {4}", zh, key, why_zh, en, why_en),
                )
            }
        };
        out.push(diagnostic.with_basis(&texts.fields_basis));
    }
}

/// A required element absent from the object at `at` (a pointer within `fields`).
fn missing(key: &Arc<str>, zh: &Arc<str>, en: &Arc<str>, at: &str) -> Diagnostic {
    Diagnostic::new(&FIELDS_MISSING_ELEMENT, missing_pointer(at, key), missing_message(key, zh, en))
}

/// An element of the item absent from `fields` itself: its message and pointer are the
/// element's own, written out when the item was compiled ([`ElementTexts::missing`]).
fn missing_element(e: &ElementTexts) -> Diagnostic {
    Diagnostic::new(&FIELDS_MISSING_ELEMENT, &e.pointer, e.missing.message())
}

/// The pointer of the element `key` of the object at `at` (a pointer within `fields`).
pub(crate) fn missing_pointer(at: &str, key: &str) -> String {
    concat(&["/fields", at, "/", &pointer_token(key)])
}

/// What [`FIELDS_MISSING_ELEMENT`] says about the element `key` (titled `zh`, `en`).
pub(crate) fn missing_message(key: &Arc<str>, zh: &Arc<str>, en: &Arc<str>) -> Message {
    message!("缺少公开内容要素「{0}」（`{1}`）", "required element `{1}` ({2}) is missing", zh, key, en)
}

/// Most records fail only by leaving elements out, and the validator's error reports cost
/// several times the check itself. So when the elements present pass the schema without
/// `required` (`present`), the absent required elements are the whole answer, read off the
/// item: `required` concerns only the top-level keys of an object, so the schema holds exactly
/// when both parts do, and fails with one error per absent key otherwise. `required` is the
/// item's required elements in key order, the validator's order; `None`: the whole schema's
/// validator must say what is wrong.
#[cfg(test)]
pub(crate) fn absent<'e, E>(
    required: &'e [E],
    key: impl Fn(&E) -> &str,
    present: Option<&Validator>,
    fields: &Value,
) -> Option<Vec<&'e E>> {
    let (Value::Object(map), Some(present)) = (fields, present) else { return None };
    if !present.is_valid(fields) {
        return None;
    }
    Some(required.iter().filter(|e| !map.contains_key(key(e))).collect())
}

/// [`absent`] read off the record's members, without making them a `Value`. `None`
/// (make the `Value` and ask the validator) when a member the item has an element for is not
/// a string that the element's schema accepts ([`builtin::string_passes`], which a test holds
/// to the `jsonschema` crate's answers), or when the item's schema does not compile.
fn absent_members<'e, E>(
    required: &'e [E],
    key: impl Fn(&E) -> &str,
    compiled: &Compiled,
    fields: Fields<'_>,
) -> Option<Vec<&'e E>> {
    compiled.present_validator()?;
    let elements = &compiled.item.elements;
    for (k, v) in fields.members() {
        // A schema's `properties` keeps the last of elements with one key.
        let Some(element) = elements.iter().rfind(|e| e.key == k) else { continue };
        match v.as_str() {
            Some(s) if builtin::string_passes(element.kind, &element.values, s) => {}
            _ => return None,
        }
    }
    Some(required.iter().filter(|e| fields.get(key(e)).is_none()).collect())
}

/// What is wrong with `fields` against the item's schema (`whole`), in one order whichever
/// validator ran (by place, then by problem); `None` if nothing is. What [`check`] reports,
/// as data, for the validators' agreement tests.
#[cfg(test)]
pub(crate) fn field_errors<'v>(
    item: &Item,
    whole: impl FnOnce() -> Option<&'v Validator>,
    present: Option<&Validator>,
    fields: &Value,
) -> Option<Vec<FieldError>> {
    let mut required: Vec<&str> = item.elements.iter().filter(|e| e.required).map(|e| e.key.as_str()).collect();
    required.sort_unstable();
    if let Some(absent) = absent(&required, |k| k, present, fields) {
        let missing =
            absent.into_iter().map(|k| FieldError { at: String::new(), problem: Problem::Missing((*k).to_owned()) });
        return Some(missing.collect::<Vec<_>>()).filter(|m| !m.is_empty());
    }
    let whole = whole()?;
    if whole.is_valid(fields) {
        return None;
    }
    Some(sorted(whole.errors(fields)))
}

fn sorted(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    errors.sort();
    errors
}

/// The basis of the item's content elements (kept per item by [`Compiled::texts`]).
pub(crate) fn basis(item: &Item) -> String {
    let mut s = format!("公开事项 `{}` 的内容要素", item.id);
    if let Some(c) = item.basis.first() {
        s.push('；');
        s.push_str(&c.to_string());
    }
    s
}

fn describe(problem: &Problem) -> (String, String) {
    match problem {
        Problem::WrongType(t) => (format!("类型错误，应为 {t}"), format!("has the wrong type: expected {t}")),
        Problem::Format => ("格式不正确".to_owned(), "has the wrong format".to_owned()),
        Problem::NotInEnum(options) => {
            (format!("不是允许的取值之一：{options}"), format!("is not one of the allowed values {options}"))
        }
        Problem::Empty => ("为空".to_owned(), "is empty".to_owned()),
        Problem::BelowMinimum(limit) => (format!("小于最小值 {limit}"), format!("is below the minimum {limit}")),
        Problem::Missing(_) | Problem::Other(_) => {
            let s = match problem {
                Problem::Other(s) => s.chars().take(120).collect(),
                _ => String::new(),
            };
            (format!("不符合要求（{s}）"), format!("is invalid ({s})"))
        }
    }
}
