//! The check's links to the calendar, screening and request-record modules, in one place.
//! Each function is the single switch-over point from "not in this build" to the real module.

use chrono::NaiveDate;
use serde_json::Value;

use crate::Catalogue;
use crate::calendar::CalendarError;
use crate::diagnostics::Diagnostic;
use crate::model::{Item, Text};

/// Why a working-day deadline could not be computed.
#[derive(Debug)]
pub(crate) enum NoDeadline {
    /// The build has no working-day calendar.
    NoCalendar,
    /// The calendar has no data for the year.
    #[allow(dead_code)] // constructed once the calendar module lands
    Calendar(CalendarError),
}

/// `from` plus `days` working days (the start day not counted), on the PRC calendar with
/// statutory holidays and make-up working days. Never approximated with calendar days.
pub(crate) fn add_working_days(from: NaiveDate, days: u32) -> Result<NaiveDate, NoDeadline> {
    let _ = (from, days);
    // Switches to `crate::calendar::Calendar::embedded().add_working_days(from, days)` once the
    // calendar module lands.
    Err(NoDeadline::NoCalendar)
}

/// Screening diagnostics for one text (personal data, classification markings).
pub(crate) fn screen(text: &str, pointer: &str, item: Option<&Item>) -> Vec<Diagnostic> {
    let _ = (text, pointer, item);
    // Switches to `crate::screening::scan_to_diagnostics(text, pointer, item)` once it lands.
    Vec::new()
}

/// Check a request record (依申请公开).
pub(crate) fn check_request(cat: &Catalogue, record: &Value) -> Vec<Diagnostic> {
    let _ = (cat, record);
    // Switches to `crate::deadlines::check_request(cat, record)` once it lands.
    vec![Diagnostic::new(
        &super::codes::REQUEST_CHECKS_UNAVAILABLE,
        "/kind",
        Text::new("本版本尚不能检查依申请公开记录（request）", "request records cannot be checked by this build yet"),
    )]
}
