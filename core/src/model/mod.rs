//! The data model of the catalogues: institutions, templates, items, exemption grounds,
//! overlays and the response types of 条例 Art 36.
//!
//! Every type here is deserialised from the YAML in `catalogues/` and has a generated
//! JSON Schema in `catalogues/schema/`. Unknown keys are rejected so that typos in rule
//! data fail loudly instead of being ignored.

mod citation;
mod domain;
mod ground;
mod institution;
mod item;
mod overlay;
mod shared;
mod template;

pub use citation::{Citation, Status};
pub use domain::{DomainInfo, DomainRegistry, LevelInfo};
pub use ground::{Ground, GroundSet, Nature, NonObligation, ResponseType, ResponseTypeInfo};
pub use institution::{Complaint, Institution, InstitutionRegistry, KindInfo, TierInfo};
pub use item::{
    Audience, Element, ElementType, Flags, Item, Mode, Period, PersonalDataRule, Timing, TimingStart, Variant,
    WithdrawalRule,
};
pub use overlay::{ItemChange, Overlay, RequestOptions};
pub use shared::SharedStr;
pub use template::{Applicability, MissingRow, Source, Template};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A hash map for lookups on the check path (item ids, institution scopes): foldhash rather
/// than SipHash, which showed in profiles; the keys come from the catalogue, not from attackers
/// who could choose colliding ones to slow a service down.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A text in Chinese and English. Chinese is authoritative: legal terms and item titles are
/// as the instrument states them; the English is a working translation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Chinese (authoritative).
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub zh: SharedStr,
    /// English (working translation).
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub en: SharedStr,
}

impl Text {
    /// A text from `&'static str` literals (not copied), shared `Arc<str>`s or `String`s (kept
    /// as they are): most diagnostics carry fixed messages and help, and make them for every
    /// record they flag.
    pub fn new(zh: impl Into<SharedStr>, en: impl Into<SharedStr>) -> Self {
        Self { zh: zh.into(), en: en.into() }
    }

    /// The text in the requested language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Output language of messages and titles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "zh" | "zh-CN" | "zh-Hans" => Ok(Lang::Zh),
            "en" | "en-US" | "en-GB" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}`: expected `zh` or `en`")),
        }
    }
}
