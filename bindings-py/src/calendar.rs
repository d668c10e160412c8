//! The PRC working-day calendar: `datetime.date` in and out. Dates outside the years with
//! State Council notices raise `CalendarError` (code `calendar_year_not_covered`), never a guess.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use gongkai::calendar::Calendar;
use gongkai::facade::{self, RequestTimelineOptions};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;

use crate::convert::serde_to_py;
use crate::dates::date_arg;
use crate::errors::{GongkaiError, Where, raise, to_pyerr};

fn cal_err(py: Python<'_>, e: facade::CallError) -> PyErr {
    crate::errors::call_error(py, &e)
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
    /// The year has no State Council notice loaded: the day is derived from the 放假办法.
    #[pyo3(get)]
    provisional: bool,
}

#[pymethods]
impl PyDayKind {
    fn __repr__(&self) -> String {
        match &self.name {
            Some(n) => format!("<DayKind {} ({n}){}>", self.kind, if self.provisional { " provisional" } else { "" }),
            None => format!("<DayKind {}{}>", self.kind, if self.provisional { " provisional" } else { "" }),
        }
    }
}

/// The embedded calendar (a `'static` borrow) or one loaded with more years or closures.
#[derive(Clone)]
pub enum CalendarRef {
    Embedded,
    /// The embedded calendar without provisional years.
    Strict,
    Loaded(Arc<Calendar>),
}

impl CalendarRef {
    fn get(&self) -> &Calendar {
        match self {
            CalendarRef::Embedded => Calendar::embedded(),
            CalendarRef::Strict => Calendar::embedded_strict(),
            CalendarRef::Loaded(c) => c,
        }
    }

    fn resolve(calendar: Option<&Bound<'_, PyCalendar>>) -> CalendarRef {
        calendar.map(|c| c.get().inner.clone()).unwrap_or(CalendarRef::Embedded)
    }
}

fn day_kind_of(day: &facade::DayAnswer) -> PyDayKind {
    PyDayKind {
        provisional: day.provisional,
        kind: day.kind.as_str(),
        name: day.kind.name().map(|t| t.zh.to_string()),
        name_en: day.kind.name().map(|t| t.en.to_string()),
        is_working_day: day.working_day,
    }
}

fn working_days_arg(py: Python<'_>, n: i64, name: &str) -> PyResult<u32> {
    u32::try_from(n).map_err(|_| {
        raise::<GongkaiError>(
            py,
            "invalid_argument",
            format!("`{name}` must be between 0 and {}, found {n}", u32::MAX),
            Where { path: Some(name), ..Default::default() },
        )
    })
}

/// Keys whose values are ISO dates in the core's JSON: they come out as `datetime.date`.
const DATE_KEYS: &[&str] = &[
    "due",
    "start",
    "counting_from",
    "from",
    "to",
    "received",
    "effective_received",
    "reply_date",
    "date",
    "on",
    "limit",
];

/// A serde value as Python objects, with the date fields (`DATE_KEYS`) as `datetime.date`.
fn dated_to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    dated(py, &json)
}

fn dated<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                let date = match v {
                    Value::String(s) if DATE_KEYS.contains(&k.as_str()) => gongkai::parse_date(s),
                    _ => None,
                };
                match date {
                    Some(d) => dict.set_item(k, d)?,
                    None => dict.set_item(k, dated(py, v)?)?,
                }
            }
            Ok(dict.into_any())
        }
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(dated(py, item)?)?;
            }
            Ok(list.into_any())
        }
        other => crate::convert::to_py(py, other),
    }
}

fn is_working_day_in(py: Python<'_>, cal: &Calendar, date: &Bound<'_, PyAny>) -> PyResult<bool> {
    facade::is_working_day_on(cal, date_arg(py, date, "date")?).map_err(|e| cal_err(py, e))
}

fn day_kind_in(py: Python<'_>, cal: &Calendar, date: &Bound<'_, PyAny>) -> PyResult<PyDayKind> {
    facade::day_on(cal, date_arg(py, date, "date")?).map(|day| day_kind_of(&day)).map_err(|e| cal_err(py, e))
}

fn add_working_days_in(py: Python<'_>, cal: &Calendar, date: &Bound<'_, PyAny>, n: i64) -> PyResult<NaiveDate> {
    let d = date_arg(py, date, "date")?;
    let n = working_days_arg(py, n, "n")?;
    facade::add_working_days_on(cal, d, n).map_err(|e| cal_err(py, e))
}

fn working_days_between_in(
    py: Python<'_>,
    cal: &Calendar,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<i64> {
    let (a, b) = (date_arg(py, a, "a")?, date_arg(py, b, "b")?);
    facade::working_days_between_on(cal, a, b).map_err(|e| cal_err(py, e))
}

fn next_working_day_in(py: Python<'_>, cal: &Calendar, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    facade::next_working_day_on(cal, date_arg(py, date, "date")?).map_err(|e| cal_err(py, e))
}

fn deadline_in<'py>(
    py: Python<'py>,
    cal: &Calendar,
    rule: &str,
    start: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let query = facade::DeadlineQuery::by_rule(date_arg(py, start, "start")?, rule);
    dated_to_py(py, &facade::deadline_with(cal, &query).map_err(|e| cal_err(py, e))?)
}

fn working_days_after_in<'py>(
    py: Python<'py>,
    cal: &Calendar,
    start: &Bound<'py, PyAny>,
    n: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let query = facade::DeadlineQuery::working_days(date_arg(py, start, "start")?, working_days_arg(py, n, "n")?);
    dated_to_py(py, &facade::deadline_with(cal, &query).map_err(|e| cal_err(py, e))?)
}

/// A working-day calendar: the State Council's holiday notices compiled into the library, with
/// more years (a new notice) or an institution's own closures loaded from YAML files laid out
/// like `catalogues/calendar/` (see docs/calendar.md).
#[pyclass(module = "gongkai", name = "Calendar", frozen)]
pub struct PyCalendar {
    inner: CalendarRef,
}

impl PyCalendar {
    fn loaded(py: Python<'_>, result: Result<Calendar, facade::CallError>) -> PyResult<Self> {
        result.map(|c| Self { inner: CalendarRef::Loaded(Arc::new(c)) }).map_err(|e| crate::errors::file_error(py, &e))
    }
}

fn read_text(py: Python<'_>, path: &Path) -> PyResult<(String, String)> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| to_pyerr(py, &gongkai::Error::Io { path: name.clone(), source: e }))?;
    Ok((name, text))
}

#[pymethods]
impl PyCalendar {
    /// default() -> Calendar
    ///
    /// The calendar compiled into the library (the years of `calendar_years()`).
    #[staticmethod]
    fn default() -> Self {
        Self { inner: CalendarRef::Embedded }
    }

    /// strict() -> Calendar
    ///
    /// The embedded calendar without provisional years: a date in a year with no State Council
    /// notice raises `CalendarError`, instead of being derived from the 放假办法.
    #[staticmethod]
    fn strict() -> Self {
        Self { inner: CalendarRef::Strict }
    }

    /// is_provisional(year) -> bool
    ///
    /// Whether `year`'s days are derived from the 放假办法 (no notice loaded).
    fn is_provisional(&self, year: i32) -> bool {
        self.inner.get().is_provisional(year)
    }

    /// provisional_years() -> list[dict]
    ///
    /// Each provisional year: `year`, `reason` (`zh`, `en`), `basis`, `statutory_days` and
    /// `makeup_days_off` (Art 6), with `date` as `datetime.date`.
    fn provisional_years<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dated_to_py(py, &self.inner.get().provisional_years())
    }

    /// from_paths(paths) -> Calendar
    ///
    /// A calendar of exactly these year files (`covers: YYYY`, one notice each), nothing embedded.
    #[staticmethod]
    fn from_paths(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Self> {
        let sources = paths.iter().map(|p| read_text(py, p)).collect::<PyResult<Vec<_>>>()?;
        Self::loaded(py, py.detach(|| facade::calendar_from_texts(&sources)))
    }

    /// with_file(path) -> Calendar
    ///
    /// A new calendar with one more file: a year file (a year already covered is replaced by it)
    /// or a closures file (top-level `closures:`, the institution's own closing days).
    fn with_file(&self, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let (name, text) = read_text(py, &path)?;
        self.with_yaml(py, &text, &name)
    }

    /// with_yaml(text, name="<string>") -> Calendar
    ///
    /// As `with_file`, from YAML text (`name` is used in error messages).
    #[pyo3(signature = (text, name="<string>"))]
    fn with_yaml(&self, py: Python<'_>, text: &str, name: &str) -> PyResult<Self> {
        let base = self.inner.clone();
        Self::loaded(py, py.detach(|| facade::calendar_with_text(base.get(), name, text)))
    }

    /// The years whose holiday notices this calendar holds.
    #[getter]
    fn years(&self) -> Vec<i32> {
        self.inner.get().years().collect()
    }

    /// The closures loaded: a list of dicts (name, from, to, basis).
    #[getter]
    fn closures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dated_to_py(py, &self.inner.get().closures())
    }

    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        is_working_day_in(py, self.inner.get(), date)
    }

    fn day_kind(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<PyDayKind> {
        day_kind_in(py, self.inner.get(), date)
    }

    fn add_working_days(&self, py: Python<'_>, date: &Bound<'_, PyAny>, n: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        add_working_days_in(py, self.inner.get(), date, int_arg(py, n, "n")?)
    }

    fn working_days_between(&self, py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
        working_days_between_in(py, self.inner.get(), a, b)
    }

    fn next_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        next_working_day_in(py, self.inner.get(), date)
    }

    fn deadline<'py>(&self, py: Python<'py>, rule: &str, start: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        deadline_in(py, self.inner.get(), rule, start)
    }

    fn working_days_after<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        working_days_after_in(py, self.inner.get(), start, int_arg(py, n, "n")?)
    }

    fn __repr__(&self) -> String {
        let cal = self.inner.get();
        let years: Vec<i32> = cal.years().collect();
        match (years.first(), years.last()) {
            (Some(a), Some(b)) => format!("<gongkai.Calendar {a}–{b}, {} closures>", cal.closures().len()),
            _ => "<gongkai.Calendar (no years)>".to_owned(),
        }
    }
}

/// is_working_day(date) -> bool
#[pyfunction]
pub fn is_working_day(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
    is_working_day_in(py, Calendar::embedded(), date)
}

/// day_kind(date) -> DayKind
#[pyfunction]
pub fn day_kind(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<PyDayKind> {
    day_kind_in(py, Calendar::embedded(), date)
}

/// add_working_days(date, n) -> datetime.date
///
/// The n-th working day after `date` (the start day is not counted).
#[pyfunction]
pub fn add_working_days(py: Python<'_>, date: &Bound<'_, PyAny>, n: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    add_working_days_in(py, Calendar::embedded(), date, int_arg(py, n, "n")?)
}

/// working_days_between(a, b) -> int
///
/// Working days in (a, b]; negative when b is before a.
#[pyfunction]
pub fn working_days_between(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
    working_days_between_in(py, Calendar::embedded(), a, b)
}

/// next_working_day(date) -> datetime.date
///
/// The first working day after `date`.
#[pyfunction]
pub fn next_working_day(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    next_working_day_in(py, Calendar::embedded(), date)
}

/// calendar_years() -> list[int]
///
/// The years whose holiday notices the calendar holds.
#[pyfunction]
pub fn calendar_years() -> Vec<i32> {
    Calendar::embedded().years().collect()
}

/// deadline(rule, start, *, calendar=None) -> dict
///
/// The due date under a rule of `catalogues/deadlines.yaml` (e.g. `request_reply`: 20 working
/// days, 条例第三十三条) with its working: `due`, `explanation` (start, days excluded and why,
/// notes, basis). Dates are `datetime.date`.
#[pyfunction]
#[pyo3(signature = (rule, start, *, calendar=None))]
pub fn deadline<'py>(
    py: Python<'py>,
    rule: &str,
    start: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    deadline_in(py, CalendarRef::resolve(calendar).get(), rule, start)
}

/// working_days_after(start, n, *, calendar=None) -> dict
///
/// `n` working days after `start` (the start day not counted, 民法典第二百零一条) with the working.
#[pyfunction]
#[pyo3(signature = (start, n, *, calendar=None))]
pub fn working_days_after<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    n: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    working_days_after_in(py, CalendarRef::resolve(calendar).get(), start, int_arg(py, n, "n")?)
}

/// request_timeline(record, *, calendar=None, catalogue=None, today=None, due_soon_working_days=5, lang="zh") -> dict
///
/// A request's timeline (依申请公开) and the request checks, the facade's answer as
/// `gongkai deadline request --format json` and the browser's `requestTimeline` give it:
/// `{"timeline", "provisional", "diagnostics"}`. `timeline` says when the request counts as
/// received (条例第三十一条), when a notice to correct was due (第三十条), the reply limit
/// (第三十三条, consultations excluded) and the extended one, each with its working, and whether the
/// reply was in time; it is `None` when the record is not a well-formed request, and the
/// diagnostics say why (as they also list a late reply, an overdue one, …). `record` is a
/// request record (dict or JSON text, the shape of `record.schema.json`); the catalogue's
/// overlays choose local readings (a receipt on a non-working day moving to the next working
/// day). With `today`, `timeline["clock"]` says the working days elapsed and left and the state
/// (`running`, `due_soon` within `due_soon_working_days`, `overdue`; or `replied_in_time` /
/// `replied_late` on the reply date). `provisional` is true when a limit depends on a year with
/// no notice loaded. Dates in the timeline are `datetime.date`.
#[pyfunction]
#[pyo3(signature = (record, *, calendar=None, catalogue=None, today=None, due_soon_working_days=5, lang="zh"))]
#[allow(clippy::too_many_arguments)]
pub fn request_timeline<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
    catalogue: Option<&Bound<'py, crate::catalogue::PyCatalogue>>,
    today: Option<&Bound<'py, PyAny>>,
    due_soon_working_days: u32,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = lang_arg(py, lang)?;
    let today = match today.filter(|t| !t.is_none()) {
        Some(t) => Some(date_arg(py, t, "today")?),
        None => None,
    };
    let value = crate::check::record_value(py, record, gongkai::Lang::En)?;
    let cat_ref = crate::catalogue::PyCatalogue::resolve_arg(catalogue);
    let cal = CalendarRef::resolve(calendar);
    let options = RequestTimelineOptions::new()
        .with_lang(lang)
        .with_today(today)
        .with_due_soon_working_days(Some(due_soon_working_days));
    let answer = facade::request_timeline_with(cat_ref.get(), cal.get(), &value, &options)
        .map_err(|e| crate::errors::call_error(py, &e))?;
    let out = PyDict::new(py);
    match &answer.timeline {
        Some(timeline) => out.set_item("timeline", dated_to_py(py, timeline)?)?,
        None => out.set_item("timeline", py.None())?,
    }
    out.set_item("provisional", answer.provisional)?;
    let diagnostics: Vec<_> = answer.diagnostics.iter().map(|d| d.localized(lang)).collect();
    out.set_item("diagnostics", serde_to_py(py, &diagnostics)?)?;
    Ok(out.into_any())
}

/// `lang="zh"` or `"en"`; anything else is `invalid_argument` at `lang`.
fn lang_arg(py: Python<'_>, lang: &str) -> PyResult<gongkai::Lang> {
    lang.parse().map_err(|message: String| {
        raise::<GongkaiError>(py, "invalid_argument", message, Where { path: Some("lang"), ..Default::default() })
    })
}

/// fee_by_pieces(n) -> dict
///
/// The information processing fee for `n` pieces requested by one applicant in one natural month
/// (国办函〔2020〕109号 第四条, bands in catalogues/fees.yaml): `amount` (yuan) and the working
/// (`bands`, `basis`, `notes`).
#[pyfunction]
pub fn fee_by_pieces<'py>(py: Python<'py>, n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let n = count_arg(py, int_arg(py, n, "n")?, "n")?;
    serde_to_py(py, &facade::fee(facade::FeeQuery::Pieces(n)))
}

/// fee_by_pages(n) -> dict
///
/// The information processing fee for a request of `n` pages (国办函〔2020〕109号 第五条).
#[pyfunction]
pub fn fee_by_pages<'py>(py: Python<'py>, n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let n = count_arg(py, int_arg(py, n, "n")?, "n")?;
    serde_to_py(py, &facade::fee(facade::FeeQuery::Pages(n)))
}

/// fee_for_more_pieces(earlier, new) -> int
///
/// The fee (yuan) for `new` more pieces from an applicant who already had `earlier` this month.
#[pyfunction]
pub fn fee_for_more_pieces(py: Python<'_>, earlier: &Bound<'_, PyAny>, new: &Bound<'_, PyAny>) -> PyResult<u64> {
    let earlier = count_arg(py, int_arg(py, earlier, "earlier")?, "earlier")?;
    Ok(facade::fee_for_more_pieces(earlier, count_arg(py, int_arg(py, new, "new")?, "new")?))
}

/// A whole-number argument: any `int` (not `bool`), as an i64; past the i64 range, or not an
/// int, a `GongkaiError` (`invalid_argument`), never an `OverflowError` or a `TypeError`.
pub fn int_arg(py: Python<'_>, n: &Bound<'_, PyAny>, name: &str) -> PyResult<i64> {
    let bad = |message: String| {
        raise::<GongkaiError>(py, "invalid_argument", message, Where { path: Some(name), ..Default::default() })
    };
    if n.is_instance_of::<pyo3::types::PyBool>() || !n.is_instance_of::<pyo3::types::PyInt>() {
        let found = n.get_type().name().map(|t| t.to_string()).unwrap_or_default();
        return Err(bad(format!("`{name}` must be a whole number, found `{found}`")));
    }
    n.extract::<i64>().map_err(|_| bad(format!("`{name}` is out of range, found {n}")))
}

fn count_arg(py: Python<'_>, n: i64, name: &str) -> PyResult<u64> {
    u64::try_from(n).map_err(|_| {
        raise::<GongkaiError>(
            py,
            "invalid_argument",
            format!("`{name}` must not be negative, found {n}"),
            Where { path: Some(name), ..Default::default() },
        )
    })
}
