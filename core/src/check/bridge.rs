//! The check's links to the calendar, screening and request-record modules, in one place.
//! Each function is the single switch-over point from "not in this build" to the real module.

use chrono::NaiveDate;

use crate::Catalogue;
use crate::calendar::{Calendar, CalendarError};
use crate::diagnostics::Diagnostic;
use crate::model::Item;
use crate::record::Node;

/// Why a working-day deadline could not be computed.
#[derive(Debug)]
pub(crate) enum NoDeadline {
    /// The calendar has no data for the year.
    Calendar(CalendarError),
}

/// `from` plus `days` working days (the start day not counted), on the PRC calendar with
/// statutory holidays and make-up working days. Never approximated with calendar days.
pub(crate) fn add_working_days(cal: &Calendar, from: NaiveDate, days: u32) -> Result<NaiveDate, NoDeadline> {
    cal.add_working_days(from, days).map_err(NoDeadline::Calendar)
}

/// Screening diagnostics for one text (personal data, classification markings).
/// `pointer` is only called when something is found (most texts are clean).
pub(crate) fn screen(text: &str, pointer: impl FnOnce() -> String, item: Option<&Item>) -> Vec<Diagnostic> {
    crate::screening::scan_to_diagnostics_at(text, pointer, item)
}

/// Check a request record (依申请公开).
pub(crate) fn check_request(cat: &Catalogue, record: Node<'_>, opts: &super::CheckOptions) -> Vec<Diagnostic> {
    let settings = crate::deadlines::request::RequestSettings::from_catalogue(cat)
        .with_today(opts.today)
        .with_unknown_members(opts.unknown_members);
    crate::deadlines::request::check_request_node(cat, opts.calendar(), record, settings)
}
