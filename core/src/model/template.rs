use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Item, Status, Text};

/// A catalogue template: a versioned, dated set of items for some kinds and tiers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable id, e.g. `admin.national`.
    pub id: String,
    /// Version of this data, e.g. `2019.1`.
    pub version: String,
    /// The date the underlying instrument took effect.
    pub effective: NaiveDate,
    pub title: Text,
    /// Which institutions it applies to.
    pub applies_to: Applicability,
    /// Template whose items this one inherits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// The grassroots domain (基层政务公开标准目录领域) of every item, by id in `catalogues/domains.yaml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The instruments this template encodes.
    pub basis: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The sources the rows were compiled from (local catalogues, guidelines), with addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Rows the sources show exist but that could not be read, so are not encoded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_rows: Vec<MissingRow>,
    pub items: Vec<Item>,
}

/// Which institutions a template applies to: each list empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Applicability {
    pub kinds: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
}

impl Applicability {
    /// Whether an institution falls under these lists. A role or sector restriction only
    /// matches institutions that state that role or sector.
    pub fn matches(&self, kind: &str, tier: &str, role: Option<&str>, sector: Option<&str>) -> bool {
        fn ok(list: &[String], v: Option<&str>) -> bool {
            list.is_empty() || v.is_some_and(|v| list.iter().any(|x| x == v))
        }
        ok(&self.kinds, Some(kind)) && ok(&self.tiers, Some(tier)) && ok(&self.roles, role) && ok(&self.sectors, sector)
    }
}

/// A document a template was compiled from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short key the rows' basis cites, e.g. `JZ-A`.
    pub key: String,
    /// The document's own title.
    pub title: String,
    /// Where it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Local (a county's or township's copy) or national.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// A row the sources show but that is not encoded (its wording could not be read).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct MissingRow {
    /// Category path as far as known (一级事项, 二级事项).
    pub category: Vec<String>,
    /// What is known about it and from where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
