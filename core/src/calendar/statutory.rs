//! The statutory holidays of 全国年节及纪念日放假办法 (`catalogues/holidays.yaml`), derived for any
//! year: the version in force on 1 January of the year, the lunar dates of 除夕/春节, 端午 and 中秋
//! (the `chinese-lunisolar-calendar` crate's tables, 1901–2100), the day of the 清明 solar term
//! (computed from the sun's apparent longitude), and Art 6's make-up days for statutory days that
//! fall on a weekend. A year with no State Council notice gets such a *provisional* schedule; the
//! notice's 调休 (Art 7) cannot be derived and is left out.

use std::sync::LazyLock;

use chinese_lunisolar_calendar::LunisolarDate;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::data::{DateRange, HolidaySpec, Notice, YearFile};
use crate::model::{Citation, Text};

/// The file `catalogues/holidays.yaml`: the versions of the 放假办法.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayLaw {
    pub instrument: String,
    pub weekend_rule: WeekendRule,
    /// Ascending by `in_force`.
    pub versions: Vec<LawVersion>,
}

/// Art 6: statutory days on a weekend are made up on a working day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekendRule {
    pub basis: Citation,
    pub note: Text,
}

/// One version of the 办法 and the statutory days it sets (Art 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawVersion {
    /// The year of the revision, e.g. `2024`.
    pub id: String,
    pub in_force: NaiveDate,
    pub basis: Citation,
    pub holidays: Vec<StatutoryHoliday>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatutoryHoliday {
    /// The same ids as the year files: `new_year`, `spring_festival`, …
    pub id: String,
    pub name: Text,
    pub days: Vec<DayRule>,
}

/// How one statutory day falls in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum DayRule {
    /// A fixed Gregorian date.
    Solar { month: u32, day: u32 },
    /// Days after 正月初一 of the lunar year that begins in this Gregorian year (`-1` is 除夕).
    LunarNewYear(i32),
    /// A lunar month and day (not a leap month) of the lunar year that begins in this year.
    Lunar { month: u8, day: u8 },
    /// The day (Beijing time) of the 清明 solar term, the sun at apparent longitude 15°.
    Qingming,
}

/// A statutory day, or a day off that makes one up (Art 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct StatutoryDay {
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub date: NaiveDate,
    /// The holiday's id (`spring_festival`, …).
    pub holiday: String,
    pub name: Text,
}

/// A year whose schedule is derived from the 放假办法 because no notice for it is loaded.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ProvisionalYear {
    pub year: i32,
    pub reason: Text,
    /// The version's Art 2 and Art 6.
    pub basis: Vec<Citation>,
    /// The statutory days assumed (Art 2), ascending.
    pub statutory_days: Vec<StatutoryDay>,
    /// Working days taken off to make up statutory days that fall on a weekend (Art 6), ascending.
    pub makeup_days_off: Vec<StatutoryDay>,
}

/// Why the statutory days of a year cannot be derived.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatutoryError {
    #[error("no version of the 全国年节及纪念日放假办法 in the data was in force on 1 January {year}")]
    NoVersion { year: i32 },
    #[error("no lunar calendar data for {year} (the tables cover 1901–2100)")]
    LunarOutOfRange { year: i32 },
}

static LAW: LazyLock<HolidayLaw> = LazyLock::new(|| crate::data::embedded::parse("holidays.yaml"));

/// The versions of the 放假办法 compiled into the library.
pub fn law() -> &'static HolidayLaw {
    &LAW
}

impl HolidayLaw {
    /// The version in force on 1 January of `year`.
    pub fn version_for(&self, year: i32) -> Option<&LawVersion> {
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
        self.versions.iter().rfind(|v| v.in_force <= jan1)
    }
}

fn lunar(year: i32, month: u8, day: u8) -> Result<NaiveDate, StatutoryError> {
    let y = u16::try_from(year).map_err(|_| StatutoryError::LunarOutOfRange { year })?;
    LunisolarDate::from_ymd(y, month, false, day)
        .map(|d| d.to_naive_date())
        .map_err(|_| StatutoryError::LunarOutOfRange { year })
}

impl DayRule {
    pub fn date_in(self, year: i32) -> Result<NaiveDate, StatutoryError> {
        match self {
            DayRule::Solar { month, day } => {
                NaiveDate::from_ymd_opt(year, month, day).ok_or(StatutoryError::NoVersion { year })
            }
            DayRule::LunarNewYear(offset) => {
                let first = lunar(year, 1, 1)?;
                let shifted = if offset >= 0 {
                    first.checked_add_days(Days::new(offset as u64))
                } else {
                    first.checked_sub_days(Days::new(offset.unsigned_abs() as u64))
                };
                shifted.ok_or(StatutoryError::LunarOutOfRange { year })
            }
            DayRule::Lunar { month, day } => lunar(year, month, day),
            DayRule::Qingming => qingming(year).ok_or(StatutoryError::LunarOutOfRange { year }),
        }
    }
}

/// The sun's apparent ecliptic longitude in degrees at Julian Ephemeris Day `jde` (Meeus,
/// *Astronomical Algorithms* ch. 25, low accuracy: about 0.01°, some 15 minutes of time).
fn sun_apparent_longitude(jde: f64) -> f64 {
    let t = (jde - 2_451_545.0) / 36_525.0;
    let l0 = 280.46646 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let m = (357.52911 + 35_999.050_29 * t - 0.000_153_7 * t * t).to_radians();
    let c = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * m.sin()
        + (0.019_993 - 0.000_101 * t) * (2.0 * m).sin()
        + 0.000_289 * (3.0 * m).sin();
    let omega = (125.04 - 1_934.136 * t).to_radians();
    (l0 + c - 0.00569 - 0.00478 * omega.sin()).rem_euclid(360.0)
}

/// ΔT = TT − UT in seconds (Espenak and Meeus's polynomials, 2005–2050 and after).
fn delta_t(year: f64) -> f64 {
    if year < 2050.0 {
        let t = year - 2000.0;
        62.92 + 0.32217 * t + 0.005589 * t * t
    } else {
        let u = (year - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - year)
    }
}

/// The date in Beijing time (UTC+8) of the 清明 solar term: the sun at apparent longitude 15°.
pub fn qingming(year: i32) -> Option<NaiveDate> {
    let april4 = NaiveDate::from_ymd_opt(year, 4, 4)?;
    // Julian Day of 0h UT on 4 April.
    let mut jde = april4.num_days_from_ce() as f64 + 1_721_424.5;
    for _ in 0..6 {
        let diff = (15.0 - sun_apparent_longitude(jde) + 180.0).rem_euclid(360.0) - 180.0;
        jde += diff * 365.2422 / 360.0;
    }
    let jd_ut = jde - delta_t(year as f64) / 86_400.0;
    let beijing_day = (jd_ut + 0.5 + 8.0 / 24.0).floor() as i64 - 1_721_425;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(beijing_day).ok()?)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The statutory days of `year` under the version of the 办法 in force on 1 January, ascending.
/// A day two holidays share (中秋 on 1–3 October) is listed once, under the first holiday.
pub fn statutory_days(year: i32) -> Result<(&'static LawVersion, Vec<StatutoryDay>), StatutoryError> {
    let version = law().version_for(year).ok_or(StatutoryError::NoVersion { year })?;
    let mut days: Vec<StatutoryDay> = Vec::new();
    for h in &version.holidays {
        for rule in &h.days {
            let date = rule.date_in(year)?;
            if !days.iter().any(|d| d.date == date) {
                days.push(StatutoryDay { date, holiday: h.id.clone(), name: h.name.clone() });
            }
        }
    }
    days.sort_by_key(|d| d.date);
    Ok((version, days))
}

/// Art 6: for each statutory day on a Saturday or Sunday, the first weekday after it that is
/// neither a statutory day nor already taken to make up another.
pub fn weekend_makeup_days(statutory: &[StatutoryDay]) -> Vec<StatutoryDay> {
    let mut out: Vec<StatutoryDay> = Vec::new();
    for day in statutory.iter().filter(|d| is_weekend(d.date)) {
        let mut d = day.date;
        while let Some(next) = d.succ_opt() {
            d = next;
            if !is_weekend(d) && !statutory.iter().any(|s| s.date == d) && !out.iter().any(|o| o.date == d) {
                out.push(StatutoryDay { date: d, holiday: day.holiday.clone(), name: day.name.clone() });
                break;
            }
        }
    }
    out.sort_by_key(|d| d.date);
    out
}

/// Group sorted dates into inclusive ranges of consecutive days.
fn ranges(mut dates: Vec<NaiveDate>) -> Vec<DateRange> {
    dates.sort();
    let mut out: Vec<DateRange> = Vec::new();
    for d in dates {
        match out.last_mut() {
            Some(r) if r.to.succ_opt() == Some(d) => r.to = d,
            _ => out.push(DateRange { from: d, to: d }),
        }
    }
    out
}

/// The provisional schedule of `year`: its statutory days and Art 6 make-up days off, as a year
/// file (no 调休 working days), with the reason and what was assumed.
pub fn provisional_year(year: i32) -> Result<(YearFile, ProvisionalYear), StatutoryError> {
    let (version, statutory) = statutory_days(year)?;
    let makeup = weekend_makeup_days(&statutory);
    let law = law();
    let holidays = version
        .holidays
        .iter()
        .filter_map(|h| {
            let dates: Vec<NaiveDate> =
                statutory.iter().chain(&makeup).filter(|d| d.holiday == h.id).map(|d| d.date).collect();
            (!dates.is_empty()).then(|| HolidaySpec {
                id: h.id.clone(),
                name: h.name.clone(),
                off: ranges(dates),
                makeup_working_days: Vec::new(),
            })
        })
        .collect();
    let title = format!("（暂定）按《{}》推算的{year}年法定节假日，国务院办公厅通知尚未载入", law.instrument);
    let file = YearFile {
        covers: year,
        notices: vec![Notice { title, url: String::new(), title_status: Some("provisional".into()) }],
        holidays,
    };
    let reason = Text::new(
        format!(
            "{year}年的国务院办公厅节假日安排通知未载入：按《{}》（{}年修订）推算法定节假日及周末补假，未含调休；通知公布后以通知为准",
            law.instrument, version.id
        ),
        format!(
            "no State Council notice for {year} is loaded: its statutory days and the weekend make-up days are derived from the {} ({} revision), without the notice's 调休; the notice, once published, replaces them",
            law.instrument, version.id
        ),
    );
    let info = ProvisionalYear {
        year,
        reason,
        basis: vec![version.basis.clone(), law.weekend_rule.basis.clone()],
        statutory_days: statutory,
        makeup_days_off: makeup,
    };
    Ok((file, info))
}

/// Refuse a year file that does not give every statutory day of its year off (the 放假办法 makes
/// them holidays; a notice only adds 调休 around them). Years the data has no version or lunar
/// dates for are not compared.
pub fn check_against_law(file: &str, year: &YearFile) -> Result<(), crate::Error> {
    let Ok((version, days)) = statutory_days(year.covers) else { return Ok(()) };
    let off = |d: NaiveDate| year.holidays.iter().any(|h| h.off.iter().any(|r| r.from <= d && d <= r.to));
    let errors: Vec<crate::Error> = days
        .iter()
        .filter(|s| !off(s.date))
        .map(|s| crate::Error::Catalogue {
            code: "calendar_contradicts_law",
            location: crate::error::Location {
                file: file.to_owned(),
                line: None,
                column: None,
                path: Some("/holidays".into()),
            },
            message: format!(
                "statutory day `{}` ({} {}) is not a day off: 《{}》{} makes it a holiday",
                s.date,
                s.name.zh,
                s.name.en,
                version.basis.instrument,
                version.basis.article.as_deref().unwrap_or_default()
            ),
        })
        .collect();
    super::data::into_result(errors)
}
