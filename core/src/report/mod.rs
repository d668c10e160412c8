//! Annual reports (条例 Arts 49–50) and coverage audits. Owned by issue 8.

use crate::diagnostics::CodeInfo;

/// Diagnostic codes of annual-report checks.
pub static CODES: &[&CodeInfo] = &[];
