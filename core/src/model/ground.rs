use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Status, Text};

/// An exemption ground (不予公开情形).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Ground {
    /// Stable id, e.g. `ogi.art14.state_secret`.
    pub id: String,
    pub title: Text,
    pub basis: Vec<Citation>,
    pub nature: Nature,
    /// Institution kinds that may cite it.
    pub kinds: Vec<String>,
    /// What must be true for it to apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Text>,
    /// When it does not apply even though the conditions hold (consent, public interest, a law).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<Text>,
    /// What a decision citing it must state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decision_must_state: Vec<Text>,
    /// Key of the annual-report row (table 三) it is counted under, e.g. `r3_1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_row: Option<String>,
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub status: Status,
}

/// How strongly a ground binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Nature {
    /// Shall not be disclosed (条例 Art 14).
    Absolute,
    /// Shall not be disclosed unless the third party consents or non-disclosure would seriously
    /// harm the public interest (条例 Art 15).
    Qualified,
    /// May be withheld (条例 Art 16); yields to a law, regulation or rule requiring disclosure.
    Discretionary,
}

/// Something the organ is not obliged to do (条例 Arts 38–39): not a ground for withholding,
/// but a lawful reason not to provide or process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NonObligation {
    pub id: String,
    pub title: Text,
    pub basis: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_row: Option<String>,
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub status: Status,
}

/// The seven response types of 条例 Art 36.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResponseType {
    /// (一) already proactively disclosed: tell where to obtain it.
    AlreadyPublic,
    /// (二) can be disclosed: provide it, or tell how and when.
    Granted,
    /// (三) not disclosed under the 条例: tell and give reasons.
    Denied,
    /// (四) does not exist after search.
    NotExist,
    /// (五) not this organ's to disclose: name the responsible organ if known.
    NotResponsible,
    /// (六) repeat of an answered request: not processed again.
    Repeat,
    /// (七) special statutory access regime (registration records etc.).
    SpecialRegime,
}

impl ResponseType {
    pub const ALL: [ResponseType; 7] = [
        ResponseType::AlreadyPublic,
        ResponseType::Granted,
        ResponseType::Denied,
        ResponseType::NotExist,
        ResponseType::NotResponsible,
        ResponseType::Repeat,
        ResponseType::SpecialRegime,
    ];
}

/// Data on a response type: its citation and what the reply must say.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTypeInfo {
    pub id: ResponseType,
    pub title: Text,
    pub basis: Vec<Citation>,
    pub reply_must_state: Vec<Text>,
    /// Whether a reply of this type must cite grounds.
    #[serde(default)]
    pub requires_grounds: bool,
}

/// The file `catalogues/grounds.yaml`: every exemption ground, the non-obligations and the
/// Art 36 response types.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroundSet {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub version: String,
    pub grounds: Vec<Ground>,
    #[serde(default)]
    pub non_obligations: Vec<NonObligation>,
    pub response_types: Vec<ResponseTypeInfo>,
}
