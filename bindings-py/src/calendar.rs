//! The PRC working-day calendar: `datetime.date` in and out. Dates outside the years with
//! State Council notices raise `CalendarError` (code `calendar_year_not_covered`), never a guess.

use chrono::NaiveDate;
use gongkai::calendar::{Calendar, CalendarError as CoreCalendarError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyString};

use crate::errors::{CalendarError, GongkaiError, Where, raise, to_pyerr};

/// A date argument: a `datetime.date` (a `datetime` counts by its date) or an ISO `YYYY-MM-DD` string.
pub fn date_arg(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    if obj.cast::<PyDate>().is_ok() {
        let (y, m, d): (i32, u32, u32) =
            (obj.getattr("year")?.extract()?, obj.getattr("month")?.extract()?, obj.getattr("day")?.extract()?);
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            return Ok(date);
        }
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
            raise::<CalendarError>(
                py,
                "invalid_date",
                format!("`{name}`: `{s}` is not a valid date (YYYY-MM-DD): {e}"),
                Where { path: Some(name), ..Default::default() },
            )
        });
    }
    let type_name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Err(raise::<GongkaiError>(
        py,
        "invalid_argument",
        format!("`{name}` must be a datetime.date or a `YYYY-MM-DD` string, found `{type_name}`"),
        Where { path: Some(name), ..Default::default() },
    ))
}

fn cal_err(py: Python<'_>, e: CoreCalendarError) -> PyErr {
    to_pyerr(py, &gongkai::Error::Calendar(e))
}

/// What kind of day a date is.
#[pyclass(module = "gongkai", name = "DayKind", frozen, eq)]
#[derive(PartialEq)]
pub struct PyDayKind {
    /// `working_day`, `weekend`, `holiday`, `makeup_working_day` or `closure`.
    #[pyo3(get)]
    kind: &'static str,
    /// The holiday's (or make-up day's, or closure's) name in Chinese, e.g. `春节`.
    #[pyo3(get)]
    name: Option<String>,
    #[pyo3(get)]
    name_en: Option<String>,
    #[pyo3(get)]
    is_working_day: bool,
}

#[pymethods]
impl PyDayKind {
    fn __repr__(&self) -> String {
        match &self.name {
            Some(n) => format!("<DayKind {} ({n})>", self.kind),
            None => format!("<DayKind {}>", self.kind),
        }
    }
}

/// is_working_day(date) -> bool
#[pyfunction]
pub fn is_working_day(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
    let d = date_arg(py, date, "date")?;
    Calendar::embedded().is_working_day(d).map_err(|e| cal_err(py, e))
}

/// day_kind(date) -> DayKind
#[pyfunction]
pub fn day_kind(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<PyDayKind> {
    let d = date_arg(py, date, "date")?;
    let k = Calendar::embedded().day_kind(d).map_err(|e| cal_err(py, e))?;
    Ok(PyDayKind {
        kind: k.as_str(),
        name: k.name().map(|t| t.zh.clone()),
        name_en: k.name().map(|t| t.en.clone()),
        is_working_day: k.is_working_day(),
    })
}

/// add_working_days(date, n) -> datetime.date
///
/// The n-th working day after `date` (the start day is not counted).
#[pyfunction]
pub fn add_working_days(py: Python<'_>, date: &Bound<'_, PyAny>, n: i64) -> PyResult<NaiveDate> {
    let d = date_arg(py, date, "date")?;
    let n = u32::try_from(n).map_err(|_| {
        raise::<GongkaiError>(
            py,
            "invalid_argument",
            format!("`n` must be between 0 and {}, found {n}", u32::MAX),
            Where { path: Some("n"), ..Default::default() },
        )
    })?;
    Calendar::embedded().add_working_days(d, n).map_err(|e| cal_err(py, e))
}

/// working_days_between(a, b) -> int
///
/// Working days in (a, b]; negative when b is before a.
#[pyfunction]
pub fn working_days_between(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
    let (a, b) = (date_arg(py, a, "a")?, date_arg(py, b, "b")?);
    Calendar::embedded().working_days_between(a, b).map_err(|e| cal_err(py, e))
}

/// next_working_day(date) -> datetime.date
///
/// The first working day after `date`.
#[pyfunction]
pub fn next_working_day(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    let d = date_arg(py, date, "date")?;
    Calendar::embedded().next_working_day(d).map_err(|e| cal_err(py, e))
}

/// calendar_years() -> list[int]
///
/// The years whose holiday notices the calendar holds.
#[pyfunction]
pub fn calendar_years() -> Vec<i32> {
    Calendar::embedded().years().collect()
}

/// deadline(rule, start) -> dict
///
/// The due date under a rule of `catalogues/deadlines.yaml` (e.g. `request_reply`: 20 working
/// days, 条例第三十三条) with its working: `due` (a date), `explanation` (start, days excluded and
/// why, notes, basis).
#[pyfunction]
pub fn deadline<'py>(py: Python<'py>, rule: &str, start: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let start = date_arg(py, start, "start")?;
    let d = gongkai::deadlines::by_rule(Calendar::embedded(), rule, start).map_err(|e| to_pyerr(py, &e))?;
    let out = crate::convert::serde_to_py(py, &d)?;
    out.set_item("due", d.due)?;
    Ok(out)
}
