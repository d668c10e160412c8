use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Text};

/// A public institution as the catalogues see it: what kind it is, at which tier, and
/// where it matters its role (a government or one of its departments) and sector.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    /// `administrative`, `university`, `school`, `health`, … (see `catalogues/institutions.yaml`).
    pub kind: String,
    /// Kind-specific tier, e.g. `county` for an administrative body, `hospital` for a health institution.
    pub tier: String,
    /// `government` or `department` for administrative bodies; annual-report dates depend on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For a department: its sector, e.g. `education` for an education bureau.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Display name, e.g. `某县教育局`. Informational only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Institution {
    pub fn new(kind: &str, tier: &str, role: Option<&str>) -> Self {
        Self { kind: kind.to_owned(), tier: tier.to_owned(), role: role.map(str::to_owned), sector: None, name: None }
    }
}

/// The registry of institution kinds, their tiers, roles and sectors
/// (`catalogues/institutions.yaml`).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct InstitutionRegistry {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub kinds: Vec<KindInfo>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct KindInfo {
    pub id: String,
    pub title: Text,
    pub basis: Vec<Citation>,
    pub tiers: Vec<TierInfo>,
    /// Roles an institution of this kind may have; empty when roles do not apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<TierInfo>,
    /// Sectors a department of this kind may belong to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<TierInfo>,
    /// Where a person complains when an institution of this kind does not disclose (条例 Art 55 ¶2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint: Option<Complaint>,
    /// Whether the 条例's request procedure (依申请公开, Chapter 4) applies, in words, when it does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_request: Option<Text>,
}

/// The channel for a complaint about non-disclosure: the competent department, with its basis.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// The department complained to, e.g. `县级以上地方交通运输主管部门`.
    pub to: Text,
    pub basis: Vec<Citation>,
}

/// One tier (or role, or sector) of a kind.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct TierInfo {
    pub id: String,
    pub title: Text,
    /// The rule that governs this tier or sector, where it has its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<Citation>,
    /// The sector's own complaint channel (its competent department), over the kind's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint: Option<Complaint>,
    /// What a resolve for this tier or sector should tell the user (e.g. no national catalogue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl InstitutionRegistry {
    pub fn kind(&self, id: &str) -> Option<&KindInfo> {
        self.kinds.iter().find(|k| k.id == id)
    }
}

impl KindInfo {
    pub fn has_tier(&self, id: &str) -> bool {
        self.tiers.iter().any(|t| t.id == id)
    }
    pub fn has_role(&self, id: &str) -> bool {
        self.roles.iter().any(|t| t.id == id)
    }
    pub fn has_sector(&self, id: &str) -> bool {
        self.sectors.iter().any(|t| t.id == id)
    }
    pub fn tier(&self, id: &str) -> Option<&TierInfo> {
        self.tiers.iter().find(|t| t.id == id)
    }
    pub fn sector(&self, id: &str) -> Option<&TierInfo> {
        self.sectors.iter().find(|t| t.id == id)
    }
}
