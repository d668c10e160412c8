use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Applicability, Citation, Item, Text, Timing};

/// A local catalogue (a province's, a county's or one institution's) loaded at run time on top
/// of the embedded templates. It may add items and tighten limits; it may never drop an
/// inherited mandatory item or loosen a time limit (the linter rejects that).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: String,
    pub version: String,
    pub title: Text,
    /// Which institutions it applies to.
    pub applies_to: Applicability,
    /// The instrument that sets these local rules.
    pub basis: Vec<Citation>,
    /// New items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// Changes to inherited items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ItemChange>,
    /// Inherited items to drop: allowed only for items that are not mandatory.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<String>,
    /// Request-handling options set by local rules (see the deadline rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_options: Option<RequestOptions>,
}

/// Request-handling options that the 条例 leaves to local rules.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestOptions {
    /// A request received on a non-working day counts as received on the next working day.
    /// The 条例 does not say so; some local rules do.
    #[serde(default)]
    pub non_working_day_receipt_moves_to_next_working_day: bool,
    /// The local rule that sets the options.
    pub basis: Vec<Citation>,
}

/// A change to an inherited item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemChange {
    /// The inherited item's id.
    pub item: String,
    /// A stricter timing (fewer days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// The row's disclosure levels (公开层级) locally: must keep every inherited level (may add).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Vec<String>>,
    /// Further channels the item must also be published on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_channels: Vec<String>,
    /// Further required elements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_elements: Vec<super::Element>,
    /// Set the interpretation requirement (may only be switched on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation_required: Option<bool>,
    /// Exemption grounds a local rule bars for this item (only discretionary grounds can be barred).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_grounds: Vec<String>,
    pub basis: Vec<Citation>,
}
