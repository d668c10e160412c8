//! The rule engine for publication and request records. Owned by issue 3.

use crate::diagnostics::CodeInfo;

/// Diagnostic codes of the record rules.
pub static CODES: &[&CodeInfo] = &[];

/// Schemas this module contributes to `catalogues/schema/`: (file name, schema).
pub fn schemas() -> Vec<(String, serde_json::Value)> {
    Vec::new()
}
