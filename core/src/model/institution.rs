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
#[serde(deny_unknown_fields)]
pub struct InstitutionRegistry {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub kinds: Vec<KindInfo>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
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
}

/// One tier (or role, or sector) of a kind.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierInfo {
    pub id: String,
    pub title: Text,
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
}
