//! Content elements (公开内容要素): the item's JSON Schema, compiled once, applied to `fields`.

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use super::Ctx;
use crate::check::codes::{FIELDS_INVALID_ELEMENT, FIELDS_MISSING_ELEMENT};
use crate::check::engine::Compiled;
use crate::diagnostics::{Diagnostic, pointer_token};
use crate::model::{Item, Text};

pub(crate) fn check(ctx: &Ctx<'_>, compiled: &Compiled, fields: &Value, out: &mut Vec<Diagnostic>) {
    let (Some(item), Some(validator)) = (ctx.item, compiled.validator()) else { return };
    if validator.is_valid(fields) {
        return;
    }
    for err in validator.iter_errors(fields) {
        let at = err.instance_path().as_str();
        match err.kind() {
            ValidationErrorKind::Required { property } => {
                let key = property.as_str().unwrap_or_default();
                let (zh, en) = element_title(item, key);
                out.push(
                    Diagnostic::new(
                        &FIELDS_MISSING_ELEMENT,
                        format!("/fields{at}/{}", pointer_token(key)),
                        Text::new(
                            format!("缺少公开内容要素「{zh}」（`{key}`）"),
                            format!("required element `{key}` ({en}) is missing"),
                        ),
                    )
                    .with_basis(compiled.fields_basis()),
                );
            }
            kind => {
                let key = at.split('/').nth(1).unwrap_or_default();
                let (zh, en) = element_title(item, key);
                let (why_zh, why_en) = describe(kind);
                out.push(
                    Diagnostic::new(
                        &FIELDS_INVALID_ELEMENT,
                        format!("/fields{at}"),
                        Text::new(
                            format!("公开内容要素「{zh}」（`{key}`）{why_zh}"),
                            format!("element `{key}` ({en}) {why_en}"),
                        ),
                    )
                    .with_basis(compiled.fields_basis()),
                );
            }
        }
    }
}

/// The basis of the item's content elements (cached per item by [`Compiled::fields_basis`]).
pub(crate) fn basis(item: &Item) -> String {
    let mut s = format!("公开事项 `{}` 的内容要素", item.id);
    if let Some(c) = item.basis.first() {
        s.push_str("；");
        s.push_str(&c.to_string());
    }
    s
}

fn element_title<'i>(item: &'i Item, key: &str) -> (&'i str, &'i str) {
    item.elements.iter().find(|e| e.key == key).map(|e| (e.title.zh.as_str(), e.title.en.as_str())).unwrap_or(("", ""))
}

fn describe(kind: &ValidationErrorKind) -> (String, String) {
    match kind {
        ValidationErrorKind::Type { kind } => {
            let t = format!("{kind:?}").to_lowercase().replace("single(", "").replace(')', "");
            (format!("类型错误，应为 {t}"), format!("has the wrong type: expected {t}"))
        }
        ValidationErrorKind::Pattern { .. } | ValidationErrorKind::Format { .. } => {
            ("格式不正确".to_owned(), "has the wrong format".to_owned())
        }
        ValidationErrorKind::Enum { options } => {
            (format!("不是允许的取值之一：{options}"), format!("is not one of the allowed values {options}"))
        }
        ValidationErrorKind::MinLength { .. } | ValidationErrorKind::MinItems { .. } => {
            ("为空".to_owned(), "is empty".to_owned())
        }
        ValidationErrorKind::Minimum { limit } => {
            (format!("小于最小值 {limit}"), format!("is below the minimum {limit}"))
        }
        other => {
            let s = format!("{other:?}");
            let s: String = s.chars().take(120).collect();
            (format!("不符合要求（{s}）"), format!("is invalid ({s})"))
        }
    }
}
