//! Content screening: unredacted personal data and classification markings. Owned by issue 5.

use crate::diagnostics::CodeInfo;

/// Diagnostic codes of the screening detectors.
pub static CODES: &[&CodeInfo] = &[];
