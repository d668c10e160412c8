//! [`CheckOptions`]: what a caller may set for a check (today's date, the calendar, screening).

use chrono::NaiveDate;

use crate::model::Lang;

/// Options for a check.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct CheckOptions {
    /// The date to check unpublished records against (a record with no `published` date is
    /// overdue when `today` is past its deadline). `None`: unpublished records are not timed.
    pub today: Option<NaiveDate>,
    /// Preferred message language (diagnostics carry both; output picks this one).
    pub lang: Lang,
    /// Skip content screening (personal data, classification markings) of body, attachments and fields.
    pub skip_screening: bool,
    /// The working-day calendar for time limits (`None`: the embedded one, or its strict form
    /// when `strict_calendar` is set), e.g. with a newer notice or closures loaded.
    pub calendar: Option<std::sync::Arc<crate::calendar::Calendar>>,
    /// Refuse provisional years (derived from the 放假办法, no notice loaded): a time limit in
    /// such a year is not checked, as for a year with no data. Applies to the embedded calendar.
    pub strict_calendar: bool,
    /// Members the record format does not define: a warning with the nearest defined member
    /// (the default), or an error for strict pipelines.
    pub unknown_members: crate::record::UnknownMembers,
}

impl CheckOptions {
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.today = Some(today);
        self
    }
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
    pub fn with_skip_screening(mut self, skip: bool) -> Self {
        self.skip_screening = skip;
        self
    }
    pub fn with_calendar(mut self, calendar: crate::calendar::Calendar) -> Self {
        self.calendar = Some(std::sync::Arc::new(calendar));
        self
    }
    pub fn with_strict_calendar(mut self, strict: bool) -> Self {
        self.strict_calendar = strict;
        self
    }
    /// Report members the record format does not define as errors rather than warnings.
    pub fn with_strict_members(mut self, strict: bool) -> Self {
        self.unknown_members =
            if strict { crate::record::UnknownMembers::Error } else { crate::record::UnknownMembers::Warn };
        self
    }
    /// The calendar time limits are computed on.
    pub fn calendar(&self) -> &crate::calendar::Calendar {
        match &self.calendar {
            Some(c) => c,
            None if self.strict_calendar => crate::calendar::Calendar::embedded_strict(),
            None => crate::calendar::Calendar::embedded(),
        }
    }
}
