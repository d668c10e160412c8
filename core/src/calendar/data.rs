//! The YAML files behind the calendar: one per year (`catalogues/calendar/YYYY.yaml`) and an
//! institution's own closures. See `catalogues/calendar/README.md` for the format.

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Location};
use crate::model::Text;

/// Years a calendar file may cover: wide enough for any real schedule, narrow enough that the
/// day tables stay small.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1950..=2199;

/// One year's schedule, as set by the State Council General Office notice(s).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearFile {
    /// The calendar year the notice schedules.
    pub covers: i32,
    /// The notice(s) cited; later ones amend earlier ones.
    pub notices: Vec<Notice>,
    pub holidays: Vec<HolidaySpec>,
}

/// A State Council (General Office) notice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub title: String,
    pub url: String,
    /// `unverified` when the title was not confirmed against the notice itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_status: Option<String>,
}

/// A holiday block: its days off and the make-up working days that go with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidaySpec {
    pub id: String,
    pub name: Text,
    pub off: Vec<DateRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub makeup_working_days: Vec<NaiveDate>,
}

/// An inclusive range of dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// An institution's own closures (days it is shut that are not State holidays).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosureFile {
    pub closures: Vec<Closure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    pub name: Text,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The institution's decision or notice that sets the closure.
    pub basis: String,
}

fn invalid(file: &str, path: String, message: String) -> Error {
    Error::Catalogue {
        code: "calendar_invalid",
        location: Location { file: file.to_owned(), line: None, column: None, path: Some(path) },
        message,
    }
}

fn check_range(file: &str, path: &str, from: NaiveDate, to: NaiveDate, errors: &mut Vec<Error>) {
    if to < from {
        errors.push(invalid(file, path.to_owned(), format!("range ends (`{to}`) before it starts (`{from}`)")));
    } else if (to - from).num_days() > 366 {
        errors.push(invalid(file, path.to_owned(), format!("range `{from}`..`{to}` is longer than a year")));
    }
    if !YEAR_RANGE.contains(&from.year()) || !YEAR_RANGE.contains(&to.year()) {
        errors.push(invalid(
            file,
            path.to_owned(),
            format!("dates must lie in {}–{}", YEAR_RANGE.start(), YEAR_RANGE.end()),
        ));
    }
}

impl YearFile {
    pub fn parse(file: &str, text: &str) -> Result<YearFile, Error> {
        let year: YearFile = crate::data::parse_yaml(file, text)?;
        year.validate(file)?;
        Ok(year)
    }

    /// Rules a notice always satisfies: dates near the year covered, make-up days on weekends.
    fn validate(&self, file: &str) -> Result<(), Error> {
        let mut errors = Vec::new();
        if !YEAR_RANGE.contains(&self.covers) {
            errors.push(invalid(
                file,
                "/covers".into(),
                format!("year `{}` outside {}–{}", self.covers, YEAR_RANGE.start(), YEAR_RANGE.end()),
            ));
        }
        if self.notices.is_empty() {
            errors.push(invalid(file, "/notices".into(), "a year must cite its State Council notice".into()));
        }
        let near = (self.covers - 1)..=(self.covers + 1);
        for (h, holiday) in self.holidays.iter().enumerate() {
            for (r, range) in holiday.off.iter().enumerate() {
                let path = format!("/holidays/{h}/off/{r}");
                check_range(file, &path, range.from, range.to, &mut errors);
                if !near.contains(&range.from.year()) || !near.contains(&range.to.year()) {
                    errors.push(invalid(file, path, format!("date not within a year of {}", self.covers)));
                }
            }
            for (m, day) in holiday.makeup_working_days.iter().enumerate() {
                let path = format!("/holidays/{h}/makeup_working_days/{m}");
                if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                    errors.push(invalid(
                        file,
                        path,
                        format!("make-up working day `{day}` is not a Saturday or Sunday"),
                    ));
                } else if !near.contains(&day.year()) {
                    errors.push(invalid(file, path, format!("date not within a year of {}", self.covers)));
                }
            }
        }
        into_result(errors)
    }
}

impl ClosureFile {
    pub fn parse(file: &str, text: &str) -> Result<ClosureFile, Error> {
        let closures: ClosureFile = crate::data::parse_yaml(file, text)?;
        let mut errors = Vec::new();
        for (i, c) in closures.closures.iter().enumerate() {
            check_range(file, &format!("/closures/{i}"), c.from, c.to, &mut errors);
        }
        into_result(errors)?;
        Ok(closures)
    }
}

pub(crate) fn into_result(mut errors: Vec<Error>) -> Result<(), Error> {
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}
