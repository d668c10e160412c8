//! Elements a kind of publication requires ([`crate::model::Variant`]): when the record's
//! selecting element (`publication_type`) has one of a variant's values, the variant's elements
//! must be present too. What each variant needs is written out when the item is compiled
//! ([`VariantTexts`]); a record costs one lookup of the selecting element per variant.

use std::sync::Arc;

use crate::check::codes::FIELDS_MISSING_ELEMENT;
use crate::check::compiled::{ElementTexts, ItemTexts};
use crate::check::record::Fields;
use crate::diagnostics::{Diagnostic, Message, SharedText, message};
use crate::model::{Item, Variant};

/// A variant as the check needs it, for one of its values (so each message names the value
/// the record has), made once per item.
pub(crate) struct VariantTexts {
    /// Key of the selecting element.
    pub element: Arc<str>,
    pub value: Arc<str>,
    /// The elements it requires that the item does not always require, each with the message
    /// and pointer of its absence (naming the variant).
    pub requires: Vec<ElementTexts>,
    /// The item's element basis, then the variant's own citations.
    pub basis: Arc<str>,
}

impl VariantTexts {
    /// One for each value of `v`.
    pub fn of(item: &Item, v: &Variant, texts: &ItemTexts) -> impl Iterator<Item = Self> {
        v.values.iter().map(move |value| {
            let mut requires: Vec<ElementTexts> = v
                .requires
                .iter()
                .filter(|k| !texts.required.iter().any(|r| &*r.key == k.as_str()))
                .map(|k| {
                    let mut e = texts.element(k).cloned().unwrap_or_else(|| ElementTexts::untitled(k));
                    e.missing = SharedText::of(&missing_message(&e, &v.element, value));
                    e
                })
                .collect();
            requires.sort_unstable_by(|a, b| a.key.cmp(&b.key));
            requires.dedup_by(|a, b| a.key == b.key);
            Self {
                element: Arc::from(v.element.as_str()),
                value: Arc::from(value.as_str()),
                requires,
                basis: Arc::from(basis(item, v, value)),
            }
        })
    }
}

/// What [`FIELDS_MISSING_ELEMENT`] says about an element a variant requires.
fn missing_message(e: &ElementTexts, selector: &str, value: &str) -> Message {
    message!(
        "缺少公开内容要素「{0}」（`{1}`）：`{3}` 为 `{4}` 的公开应当载明",
        "required element `{1}` ({2}) is missing: a publication whose `{3}` is `{4}` must carry it",
        e.zh,
        e.key,
        e.en,
        selector.to_owned(),
        value.to_owned()
    )
}

/// The citation of a variant's findings: the item, then what says the variant's contents.
fn basis(item: &Item, v: &Variant, value: &str) -> String {
    let mut s = format!("公开事项 `{}` 的内容要素（`{}` 为 `{value}`）", item.id, v.element);
    for c in &v.basis {
        s.push('；');
        s.push_str(&c.to_string());
    }
    s
}

/// Each element a variant the record is of requires, and which it leaves out.
pub(crate) fn check(variants: &[VariantTexts], fields: Fields<'_>, out: &mut Vec<Diagnostic>) {
    for v in variants {
        let Some(selected) = fields.get(&v.element) else { continue };
        let Some(selected) = selected.as_str() else { continue };
        if *v.value != *selected {
            continue;
        }
        for e in &v.requires {
            if fields.get(&e.key).is_none() {
                out.push(
                    Diagnostic::new(&FIELDS_MISSING_ELEMENT, &e.pointer, e.missing.message()).with_basis(&v.basis),
                );
            }
        }
    }
}
