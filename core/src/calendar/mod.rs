//! PRC working-day calendar: statutory holidays and 调休 make-up working days, from the State
//! Council General Office's yearly notices (`catalogues/calendar/YYYY.yaml`).
//!
//! ```
//! use chrono::NaiveDate;
//! use gongkai::calendar::{Calendar, DayKind};
//! let cal = Calendar::embedded();
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! assert!(matches!(cal.day_kind(d("2026-02-14")).unwrap(), DayKind::MakeupWorkingDay { .. }));
//! // 20 working days after 2026-09-25 (a holiday), the start day not counted (民法典 Art 201).
//! assert_eq!(cal.add_working_days(d("2026-09-25"), 20).unwrap(), d("2026-10-29"));
//! // 2027 has no notice yet: its days come from the 放假办法 and are marked provisional.
//! assert!(cal.is_provisional(2027));
//! assert!(matches!(cal.day_kind(d("2027-02-08")).unwrap(), DayKind::Holiday { .. }));
//! assert_eq!(cal.add_working_days(d("2026-12-07"), 20).unwrap(), d("2027-01-05"));
//! // The strict calendar refuses what no notice backs.
//! assert!(Calendar::embedded_strict().day_kind(d("2027-01-04")).is_err());
//! ```
//!
//! After loading, every query is O(1): a table per day (kind and name) and the cumulative count of
//! working days, plus the sorted list of working days, so adding or counting working days never walks
//! the days in between.

pub mod data;
pub mod notice;
pub mod statutory;

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

pub use crate::error::CalendarError;
use crate::error::Error;
use crate::model::Text;
pub use data::{Closure, ClosureFile, DateRange, HolidaySpec, Notice, YearFile};
pub use statutory::{ProvisionalYear, StatutoryDay};

/// How many years after the latest announced one get a provisional schedule.
pub const PROVISIONAL_YEARS_AHEAD: i32 = 10;

/// What kind of day a date is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayKind {
    /// An ordinary Monday–Friday.
    WorkingDay,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A day off of a statutory holiday block (including weekends inside the block).
    Holiday { name: Text },
    /// A Saturday or Sunday that the notice makes a working day (调休上班).
    MakeupWorkingDay { name: Text },
    /// A day the institution itself is closed (loaded closures).
    Closure { name: Text },
}

impl DayKind {
    pub fn is_working_day(&self) -> bool {
        matches!(self, DayKind::WorkingDay | DayKind::MakeupWorkingDay { .. })
    }

    /// Stable snake_case name: `working_day`, `weekend`, `holiday`, `makeup_working_day`, `closure`.
    pub fn as_str(&self) -> &'static str {
        match self {
            DayKind::WorkingDay => "working_day",
            DayKind::Weekend => "weekend",
            DayKind::Holiday { .. } => "holiday",
            DayKind::MakeupWorkingDay { .. } => "makeup_working_day",
            DayKind::Closure { .. } => "closure",
        }
    }

    /// The holiday's or closure's name.
    pub fn name(&self) -> Option<&Text> {
        match self {
            DayKind::Holiday { name } | DayKind::MakeupWorkingDay { name } | DayKind::Closure { name } => Some(name),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Working,
    Weekend,
    Holiday,
    Makeup,
    Closure,
}

/// One day of the table: its kind and, for named kinds, an index into `names`.
#[derive(Clone, Copy, Debug)]
struct Day {
    kind: Kind,
    name: u32,
}

/// The PRC working-day calendar for the years whose notices are loaded.
#[derive(Clone, Debug)]
pub struct Calendar {
    years: Vec<YearFile>,
    /// The years among `years` derived from the 放假办法 (no notice loaded), ascending.
    provisional: Vec<ProvisionalYear>,
    closures: Vec<Closure>,
    /// First and last covered years; the tables span 1 January of the first to 31 December of the last.
    first_year: i32,
    last_year: i32,
    /// Day number (days from CE) of 1 January of `first_year`.
    base: i32,
    /// Whether each year from `first_year` is covered (a gap year has no notice loaded).
    covered: Vec<bool>,
    days: Vec<Day>,
    names: Vec<Text>,
    /// `working_before[i]`: working days strictly before day `i`.
    working_before: Vec<u32>,
    /// Offsets of the working days, ascending.
    working: Vec<u32>,
}

static EMBEDDED: LazyLock<Calendar> = LazyLock::new(|| {
    // From the JSON converted at build time; the test suite validates the YAML sources and
    // checks this calendar equals the one built from them.
    let years: Vec<YearFile> = crate::data::embedded::json_files()
        .iter()
        .filter(|(p, _)| p.starts_with("calendar/"))
        .map(|(p, _)| crate::data::embedded::parse(p))
        .collect();
    // The embedded data is checked by the test suite; failing here is a build defect, not bad input.
    let announced = Calendar::build(years, Vec::new(), Vec::new())
        .unwrap_or_else(|e| panic!("embedded calendar data is invalid: {e}"));
    announced.with_provisional_years(PROVISIONAL_YEARS_AHEAD)
});

static EMBEDDED_STRICT: LazyLock<Calendar> = LazyLock::new(|| Calendar::embedded().strict());

impl Calendar {
    /// The calendar compiled into the library, parsed once on first use: the announced years
    /// (2007–2026) and, for the [`PROVISIONAL_YEARS_AHEAD`] years after them, provisional years
    /// derived from the 放假办法 ([`statutory`]).
    pub fn embedded() -> &'static Calendar {
        &EMBEDDED
    }

    /// The embedded calendar in strict mode: announced years only; a date in any other year is
    /// an error ([`CalendarError::YearNotCovered`]).
    pub fn embedded_strict() -> &'static Calendar {
        &EMBEDDED_STRICT
    }

    /// This calendar without its provisional years (strict mode).
    pub fn strict(&self) -> Calendar {
        let years = self.years.iter().filter(|y| !self.is_provisional(y.covers)).cloned().collect();
        Calendar::build(years, self.closures.clone(), Vec::new()).unwrap_or_else(|_| self.clone())
    }

    /// This calendar with provisional years for the `ahead` years after the latest loaded one
    /// that is not provisional (each derived from the 放假办法; a year the lunar tables do not
    /// reach is left out).
    pub fn with_provisional_years(&self, ahead: i32) -> Calendar {
        let Some(last) = self.years.iter().map(|y| y.covers).filter(|y| !self.is_provisional(*y)).max() else {
            return self.clone();
        };
        let mut years: Vec<YearFile> = self.years.clone();
        let mut provisional = self.provisional.clone();
        for year in (last + 1)..=(last + ahead) {
            if years.iter().any(|y| y.covers == year) {
                continue;
            }
            if let Ok((file, info)) = statutory::provisional_year(year) {
                years.push(file);
                provisional.push(info);
            }
        }
        Calendar::build(years, self.closures.clone(), provisional).unwrap_or_else(|_| self.clone())
    }

    /// Whether `year`'s schedule is provisional (derived, no notice loaded).
    pub fn is_provisional(&self, year: i32) -> bool {
        self.provisional.iter().any(|p| p.year == year)
    }

    /// The provisional year's derivation, when `year` is provisional.
    pub fn provisional_year(&self, year: i32) -> Option<&ProvisionalYear> {
        self.provisional.iter().find(|p| p.year == year)
    }

    /// The provisional years an answer spanning `a`..=`b` depends on, ascending.
    pub fn provisional_between(&self, a: NaiveDate, b: NaiveDate) -> Vec<&ProvisionalYear> {
        let (lo, hi) = (a.year().min(b.year()), a.year().max(b.year()));
        self.provisional.iter().filter(|p| p.year >= lo && p.year <= hi).collect()
    }

    /// Every provisional year, ascending.
    pub fn provisional_years(&self) -> &[ProvisionalYear] {
        &self.provisional
    }

    /// Build a calendar from (file name, YAML text) year files.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Calendar, Error> {
        let mut errors = Vec::new();
        let mut years = Vec::new();
        for (file, text) in sources {
            match YearFile::parse(file, text) {
                Ok(y) => years.push(y),
                Err(e) => errors.push(e),
            }
        }
        data::into_result(errors)?;
        Calendar::build(years, Vec::new(), Vec::new())
    }

    /// This calendar with one more year file (a new notice) loaded. A year already covered is
    /// replaced by the new file (a corrected or amended schedule, or a provisional year's notice).
    /// A notice that contradicts the 放假办法 (a statutory day it does not give off) is refused.
    pub fn with_years_from_str(&self, file: &str, text: &str) -> Result<Calendar, Error> {
        let year = YearFile::parse(file, text)?;
        self.with_year(file, year)
    }

    /// This calendar with a parsed year file loaded (see [`Calendar::with_years_from_str`]).
    pub fn with_year(&self, file: &str, year: YearFile) -> Result<Calendar, Error> {
        statutory::check_against_law(file, &year)?;
        let mut years: Vec<YearFile> = self.years.iter().filter(|y| y.covers != year.covers).cloned().collect();
        let provisional = self.provisional.iter().filter(|p| p.year != year.covers).cloned().collect();
        years.push(year);
        Calendar::build(years, self.closures.clone(), provisional)
    }

    /// This calendar with an institution's own closures added.
    pub fn with_closures_from_str(&self, file: &str, text: &str) -> Result<Calendar, Error> {
        let extra = ClosureFile::parse(file, text)?;
        let mut closures = self.closures.clone();
        closures.extend(extra.closures);
        Calendar::build(self.years.clone(), closures, self.provisional.clone())
    }

    /// Load a file of either kind: a closures file (top-level `closures:`) or a year file.
    pub fn with_file_str(&self, file: &str, text: &str) -> Result<Calendar, Error> {
        if text.lines().any(|l| l.starts_with("closures:")) {
            self.with_closures_from_str(file, text)
        } else {
            self.with_years_from_str(file, text)
        }
    }

    fn build(
        mut years: Vec<YearFile>,
        closures: Vec<Closure>,
        mut provisional: Vec<ProvisionalYear>,
    ) -> Result<Calendar, Error> {
        years.sort_by_key(|y| y.covers);
        provisional.sort_by_key(|p| p.year);
        let (Some(first_year), Some(last_year)) = (years.first().map(|y| y.covers), years.last().map(|y| y.covers))
        else {
            return Err(Error::Invalid("a calendar needs at least one year file".into()));
        };
        let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).map(|d| d.num_days_from_ce());
        let (Some(base), Some(end)) = (jan1(first_year), jan1(last_year + 1)) else {
            return Err(Error::Invalid(format!("calendar years {first_year}–{last_year} out of range")));
        };
        let mut covered = vec![false; (last_year - first_year + 1) as usize];
        let mut days: Vec<Day> = (base..end)
            .map(|n| {
                let weekend = NaiveDate::from_num_days_from_ce_opt(n)
                    .is_some_and(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun));
                Day { kind: if weekend { Kind::Weekend } else { Kind::Working }, name: 0 }
            })
            .collect();
        let mut names = Vec::new();
        let len = days.len();
        let index = |d: NaiveDate| {
            let i = d.num_days_from_ce() - base;
            (i >= 0 && (i as usize) < len).then_some(i as usize)
        };
        for year in &years {
            covered[(year.covers - first_year) as usize] = true;
            for holiday in &year.holidays {
                let name = names.len() as u32;
                names.push(holiday.name.clone());
                for range in &holiday.off {
                    for d in range.from.iter_days().take_while(|d| *d <= range.to) {
                        if let Some(i) = index(d) {
                            days[i] = Day { kind: Kind::Holiday, name };
                        }
                    }
                }
                for d in &holiday.makeup_working_days {
                    if let Some(i) = index(*d) {
                        days[i] = Day { kind: Kind::Makeup, name };
                    }
                }
            }
        }
        for closure in &closures {
            let name = names.len() as u32;
            names.push(closure.name.clone());
            for d in closure.from.iter_days().take_while(|d| *d <= closure.to) {
                if let Some(i) = index(d)
                    && days[i].kind != Kind::Holiday
                {
                    days[i] = Day { kind: Kind::Closure, name };
                }
            }
        }
        let mut working_before = Vec::with_capacity(days.len() + 1);
        let mut working = Vec::new();
        for (i, day) in days.iter().enumerate() {
            working_before.push(working.len() as u32);
            if matches!(day.kind, Kind::Working | Kind::Makeup) {
                working.push(i as u32);
            }
        }
        working_before.push(working.len() as u32);
        Ok(Calendar {
            years,
            provisional,
            closures,
            first_year,
            last_year,
            base,
            covered,
            days,
            names,
            working_before,
            working,
        })
    }

    /// The years covered, ascending.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().map(|y| y.covers)
    }

    /// The loaded year files (notices, holidays), ascending by year.
    pub fn year_files(&self) -> &[YearFile] {
        &self.years
    }

    /// The loaded closures.
    pub fn closures(&self) -> &[Closure] {
        &self.closures
    }

    /// The year file for a year, when covered.
    pub fn year_file(&self, year: i32) -> Option<&YearFile> {
        self.years.iter().find(|y| y.covers == year)
    }

    fn is_covered(&self, year: i32) -> bool {
        year >= self.first_year
            && year <= self.last_year
            && self.covered.get((year - self.first_year) as usize).copied().unwrap_or(false)
    }

    /// The table index of a date in a covered year.
    fn offset(&self, d: NaiveDate) -> Result<usize, CalendarError> {
        if !self.is_covered(d.year()) {
            return Err(CalendarError::YearNotCovered { year: d.year() });
        }
        Ok((d.num_days_from_ce() - self.base) as usize)
    }

    /// Every year from `a` to `b` (inclusive) must be covered: a span across a gap has no answer.
    fn check_span(&self, a: i32, b: i32) -> Result<(), CalendarError> {
        match (a.min(b)..=a.max(b)).find(|y| !self.is_covered(*y)) {
            Some(year) => Err(CalendarError::YearNotCovered { year }),
            None => Ok(()),
        }
    }

    fn date_at(&self, offset: u32) -> NaiveDate {
        // Offsets come from the table, which spans only valid dates.
        NaiveDate::from_num_days_from_ce_opt(self.base + offset as i32).unwrap_or(NaiveDate::MAX)
    }

    /// What kind of day `d` is.
    pub fn day_kind(&self, d: NaiveDate) -> Result<DayKind, CalendarError> {
        let day = self.days[self.offset(d)?];
        let name = || self.names[day.name as usize].clone();
        Ok(match day.kind {
            Kind::Working => DayKind::WorkingDay,
            Kind::Weekend => DayKind::Weekend,
            Kind::Holiday => DayKind::Holiday { name: name() },
            Kind::Makeup => DayKind::MakeupWorkingDay { name: name() },
            Kind::Closure => DayKind::Closure { name: name() },
        })
    }

    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        Ok(matches!(self.days[self.offset(d)?].kind, Kind::Working | Kind::Makeup))
    }

    /// The date `n` working days after `d`, `d` itself not counted (民法典 Art 201: "开始的当日不计入").
    /// `n = 0` gives `d`. Whether `d` is a working day does not matter: the count starts the next day.
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.offset(d)?;
        if n == 0 {
            return Ok(d);
        }
        // Working days up to and including d, then the n-th after them.
        let target = self.working_before[i + 1] as usize + n as usize - 1;
        match self.working.get(target) {
            Some(&offset) => {
                let due = self.date_at(offset);
                self.check_span(d.year(), due.year())?;
                Ok(due)
            }
            None => {
                // Past the last covered year: name the first year without data after d.
                let year = (d.year()..=self.last_year).find(|y| !self.is_covered(*y)).unwrap_or(self.last_year + 1);
                Err(CalendarError::YearNotCovered { year })
            }
        }
    }

    /// Working days in `(a, b]` (negative when `b < a`).
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        let (i, j) = (self.offset(a)?, self.offset(b)?);
        self.check_span(a.year(), b.year())?;
        Ok(self.working_before[j + 1] as i64 - self.working_before[i + 1] as i64)
    }

    /// The first working day after `d`.
    pub fn next_working_day(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(d, 1)
    }

    /// `d` if it is a working day, else the next working day.
    pub fn working_day_on_or_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(d)? { Ok(d) } else { self.next_working_day(d) }
    }

    /// The non-working days in `(a, b]`, grouped into runs of the same kind and name: the
    /// working of a deadline. Walks the span, so it is meant for explanations, not hot loops.
    pub fn non_working_spans(&self, a: NaiveDate, b: NaiveDate) -> Result<Vec<DaySpan>, CalendarError> {
        let mut spans: Vec<DaySpan> = Vec::new();
        let Some(mut d) = a.checked_add_days(Days::new(1)) else { return Ok(spans) };
        while d <= b {
            let kind = self.day_kind(d)?;
            if !kind.is_working_day() {
                match spans.last_mut() {
                    Some(last) if last.kind == kind && last.to.succ_opt() == Some(d) => last.to = d,
                    _ => spans.push(DaySpan { from: d, to: d, kind }),
                }
            }
            let Some(next) = d.succ_opt() else { break };
            d = next;
        }
        Ok(spans)
    }
}

/// A run of consecutive days of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DaySpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub kind: DayKind,
}

impl DaySpan {
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

crate::diagnostics::code!(
    CALENDAR_PROVISIONAL,
    "check",
    "calendar_provisional",
    Info,
    "全国年节及纪念日放假办法第二条、第六条",
    "期限落在尚无国务院办公厅节假日安排通知的年度，按放假办法推算（暂定，未含调休）",
    "the time limit runs into a year with no State Council holiday notice yet: its days are derived from the 放假办法 (provisional, without 调休)",
    "formed 2027-01-05 (2027 notice not yet published)"
);
