//! PRC working-day calendar (statutory holidays and 调休 make-up working days).
//! Owned by the calendar work (issue 4); this placeholder only fixes the error type's place.

/// A calendar problem: most often a date outside the years with data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    #[error("no calendar data for {year}: load the State Council notice for {year} with `--calendar FILE`")]
    YearNotCovered { year: i32 },
}

impl CalendarError {
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::YearNotCovered { .. } => "calendar_year_not_covered",
        }
    }
}
