//! Date arguments from Python: what the calendar, deadline and check functions all accept.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyString};

use crate::errors::{CalendarError, GongkaiError, Where, raise};

/// A date argument: a `datetime.date` (a `datetime` counts by its date) or a `YYYY-MM-DD` string.
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
        // The one date rule of every front door: strict `YYYY-MM-DD` (`2026-9-7` is refused).
        return gongkai::parse_date_strict(&s).map_err(|e| {
            raise::<CalendarError>(
                py,
                "invalid_date",
                format!("`{name}`: {e}"),
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
