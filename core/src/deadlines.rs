//! Statutory deadlines and request handling (依申请公开). Owned by the calendar work (issue 4).

use crate::diagnostics::CodeInfo;

/// Diagnostic codes for request records.
pub static CODES: &[&CodeInfo] = &[];
