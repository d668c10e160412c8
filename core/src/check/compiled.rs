//! An item compiled for checking: the item as it applies (overlays applied), its field
//! validators, and the texts its diagnostics quote and cite, built on first use and owned by
//! the checker that compiled them (freed with it).

use std::sync::{Arc, OnceLock};

use super::rules;
use super::rules::fields::Validator;
use crate::diagnostics::{SharedText, code_list};
use crate::model::Item;

/// An item as it applies (overlays applied) with its field validator, compiled on first use.
pub(crate) struct Compiled {
    pub item: Item,
    /// The template or overlay the item comes from.
    source: String,
    validator: OnceLock<Option<Validator>>,
    /// The same schema without `required` (see [`rules::fields::absent`]).
    present_validator: OnceLock<Option<Validator>>,
    texts: OnceLock<ItemTexts>,
}

/// What diagnostics about an item quote and cite, kept by the checker (freed with it) and
/// shared by each diagnostic: copying them (and formatting the citation) per diagnostic cost
/// more than validating a small record, and made a batch's results a third larger.
pub(crate) struct ItemTexts {
    pub id: Arc<str>,
    pub source: Arc<str>,
    /// The citation of every `fields_*` diagnostic.
    pub fields_basis: Arc<str>,
    /// The item's channels as a message quotes them (`` `a`, `b` ``).
    pub channels: Arc<str>,
    /// The help of `channel_not_in_catalogue`: publish on the item's channels.
    pub channels_help: SharedText,
    /// The citation of its time limit, if it has one.
    pub timing_basis: Option<Arc<str>>,
    /// Each element's key and title.
    pub elements: Vec<ElementTexts>,
    /// The required elements' texts, in key order.
    pub required: Vec<ElementTexts>,
    /// What each of the item's variants requires besides (see [`rules::fields::variants`]).
    pub variants: Vec<rules::fields::variants::VariantTexts>,
}

#[derive(Clone)]
pub(crate) struct ElementTexts {
    pub key: Arc<str>,
    pub zh: Arc<str>,
    pub en: Arc<str>,
    /// What `fields_missing_element` says when the element is absent, and where.
    pub missing: SharedText,
    pub pointer: Arc<str>,
}

impl ItemTexts {
    pub fn element(&self, key: &str) -> Option<&ElementTexts> {
        self.elements.iter().find(|e| &*e.key == key)
    }
}

impl ElementTexts {
    fn new(key: &str, zh: &str, en: &str) -> Self {
        let (key, zh, en): (Arc<str>, Arc<str>, Arc<str>) = (Arc::from(key), Arc::from(zh), Arc::from(en));
        ElementTexts {
            missing: SharedText::of(&rules::fields::missing_message(&key, &zh, &en)),
            pointer: Arc::from(rules::fields::missing_pointer("", &key)),
            key,
            zh,
            en,
        }
    }

    /// The texts of a key the item has no element for (the linter reports such a key).
    pub fn untitled(key: &str) -> Self {
        Self::new(key, "", "")
    }
}

impl Compiled {
    pub(super) fn new(item: Item, source: &str) -> Self {
        Self {
            item,
            source: source.to_owned(),
            validator: OnceLock::new(),
            present_validator: OnceLock::new(),
            texts: OnceLock::new(),
        }
    }

    pub fn validator(&self) -> Option<&Validator> {
        self.validator.get_or_init(|| Validator::new(&self.item, true)).as_ref()
    }

    pub fn present_validator(&self) -> Option<&Validator> {
        self.present_validator.get_or_init(|| Validator::new(&self.item, false)).as_ref()
    }

    pub fn texts(&self) -> &ItemTexts {
        self.texts.get_or_init(|| {
            let item = &self.item;
            let element = |e: &crate::model::Element| ElementTexts::new(&e.key, &e.title.zh, &e.title.en);
            let channels: Arc<str> = Arc::from(code_list(item.channels.iter().map(String::as_str)));
            let mut required: Vec<ElementTexts> = item.elements.iter().filter(|e| e.required).map(element).collect();
            required.sort_unstable_by(|a, b| a.key.cmp(&b.key));
            let mut texts = ItemTexts {
                id: Arc::from(item.id.as_str()),
                source: Arc::from(self.source.as_str()),
                fields_basis: Arc::from(rules::fields::basis(item)),
                channels_help: SharedText::of(&rules::channels::help(&channels)),
                channels,
                timing_basis: item.timing.basis().map(|c| Arc::from(c.to_string())),
                elements: item.elements.iter().map(element).collect(),
                required,
                variants: Vec::new(),
            };
            texts.variants =
                item.variants.iter().flat_map(|v| rules::fields::variants::VariantTexts::of(item, v, &texts)).collect();
            texts
        })
    }
}
