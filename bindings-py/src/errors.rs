//! Python exceptions. Every one subclasses `ValueError` (through `GongkaiError`) and carries
//! `code` (stable snake_case), `file`, `line`, `column` and `path` (a JSON pointer or key path).

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    gongkai,
    GongkaiError,
    PyValueError,
    "Base of gongkai's errors: has `code`, `file`, `line`, `column`, `path`."
);
create_exception!(gongkai, CatalogueError, GongkaiError, "A catalogue or overlay file could not be loaded.");
create_exception!(gongkai, RecordError, GongkaiError, "A record is not valid JSON or has no JSON form.");
create_exception!(gongkai, CalendarError, GongkaiError, "A date the calendar cannot answer for.");

/// Where an error is, as the exception attributes carry it.
#[derive(Default)]
pub struct Where<'a> {
    pub file: Option<&'a str>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub path: Option<&'a str>,
}

/// Build an exception of class `E` with the structured attributes set.
pub fn raise<E: pyo3::PyTypeInfo>(py: Python<'_>, code: &str, message: String, at: Where<'_>) -> PyErr {
    let err = PyErr::new::<E, _>(message);
    let value = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail short of memory exhaustion,
    // and then the exception without attributes is still the right thing to raise.
    let _ = value.setattr("code", code);
    let _ = value.setattr("file", at.file);
    let _ = value.setattr("line", at.line);
    let _ = value.setattr("column", at.column);
    let _ = value.setattr("path", at.path);
    err
}

/// Map the core's error to the matching exception class.
pub fn to_pyerr(py: Python<'_>, e: &gongkai::Error) -> PyErr {
    let loc = e.location();
    let at = Where {
        file: loc.map(|l| l.file.as_str()).filter(|f| !f.is_empty()),
        line: loc.and_then(|l| l.line),
        column: loc.and_then(|l| l.column),
        path: loc.and_then(|l| l.path.as_deref()),
    };
    let message = e.to_string();
    match e {
        gongkai::Error::Json { .. } => raise::<RecordError>(py, e.code(), message, at),
        gongkai::Error::Calendar(_) => raise::<CalendarError>(py, e.code(), message, at),
        gongkai::Error::Yaml { .. }
        | gongkai::Error::Catalogue { .. }
        | gongkai::Error::Many(_)
        | gongkai::Error::Io { .. } => raise::<CatalogueError>(py, e.code(), message, at),
        _ => raise::<GongkaiError>(py, e.code(), message, at),
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("GongkaiError", py.get_type::<GongkaiError>())?;
    m.add("CatalogueError", py.get_type::<CatalogueError>())?;
    m.add("RecordError", py.get_type::<RecordError>())?;
    m.add("CalendarError", py.get_type::<CalendarError>())?;
    Ok(())
}
