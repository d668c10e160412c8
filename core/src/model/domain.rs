use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Text};

/// The grassroots standard-catalogue domains (基层政务公开标准目录, 国办发〔2019〕54号) and the
/// disclosure levels (公开层级) their rows name (`catalogues/domains.yaml`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct DomainRegistry {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default)]
    pub levels: Vec<LevelInfo>,
    #[serde(default)]
    pub domains: Vec<DomainInfo>,
}

/// One disclosure level (公开层级) and the administrative tiers that publish at it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    /// `county`, `township` or `village`.
    pub id: String,
    /// As the catalogues print it: 县级, 乡级, 村级.
    pub title: Text,
    /// Tiers of institutions that publish the rows of this level; empty for 村级 (guidance for
    /// 村（居）民委员会, which are not organs under the 条例).
    #[serde(default)]
    pub tiers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One of the 26 domains.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct DomainInfo {
    /// The domain's name as the catalogue titles use it, e.g. `社会救助`.
    pub id: String,
    /// An ASCII alias for command lines and code, e.g. `social_assistance`.
    pub key: String,
    pub title: Text,
    /// The sectors whose departments own the domain's rows (a row may name others).
    pub sectors: Vec<String>,
    /// The national guideline (标准指引) the local catalogues follow, as far as it is known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guideline: Vec<Citation>,
}

impl DomainRegistry {
    /// A domain by its id (`社会救助`) or its key (`social_assistance`).
    pub fn domain(&self, name: &str) -> Option<&DomainInfo> {
        self.domains.iter().find(|d| d.id == name || d.key == name)
    }

    /// A level by its id (`county`) or its printed title (`县级`).
    pub fn level(&self, name: &str) -> Option<&LevelInfo> {
        self.levels.iter().find(|l| l.id == name || l.title.zh == name)
    }

    /// The levels as the catalogues print them, e.g. `县级、乡级` (a flat column for tables);
    /// `None` for an item with no levels.
    pub fn level_label(&self, levels: &[String]) -> Option<String> {
        (!levels.is_empty()).then(|| {
            levels
                .iter()
                .map(|l| self.level(l).map_or(l.as_str(), |x| x.title.zh.as_ref()))
                .collect::<Vec<_>>()
                .join("、")
        })
    }

    /// Whether an institution tier publishes at any of `levels`.
    pub fn tier_publishes(&self, levels: &[String], tier: &str) -> bool {
        levels.iter().any(|l| self.level(l).is_some_and(|info| info.tiers.iter().any(|t| t == tier)))
    }
}
