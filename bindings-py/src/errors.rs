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
    let one = error_dict(py, code, &message, &at);
    raise_all::<E>(py, code, message, at, one.into_iter().collect())
}

/// `{"code", "message", "file", "line", "column", "path"}`: one entry of an exception's `.errors`.
fn error_dict<'py>(
    py: Python<'py>,
    code: &str,
    message: &str,
    at: &Where<'_>,
) -> Option<Bound<'py, pyo3::types::PyDict>> {
    let d = pyo3::types::PyDict::new(py);
    d.set_item("code", code).ok()?;
    d.set_item("message", message).ok()?;
    d.set_item("file", at.file).ok()?;
    d.set_item("line", at.line).ok()?;
    d.set_item("column", at.column).ok()?;
    d.set_item("path", at.path).ok()?;
    Some(d)
}

/// As [`raise`], with every error (`.errors`) when there are several: the attributes are the
/// first one's.
fn raise_all<E: pyo3::PyTypeInfo>(
    py: Python<'_>,
    code: &str,
    message: String,
    at: Where<'_>,
    errors: Vec<Bound<'_, pyo3::types::PyDict>>,
) -> PyErr {
    let err = PyErr::new::<E, _>(message);
    let value = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail short of memory exhaustion,
    // and then the exception without attributes is still the right thing to raise.
    let _ = value.setattr("code", code);
    let _ = value.setattr("file", at.file);
    let _ = value.setattr("line", at.line);
    let _ = value.setattr("column", at.column);
    let _ = value.setattr("path", at.path);
    let _ = value.setattr("errors", pyo3::types::PyList::new(py, errors).ok());
    err
}

/// Where the core's error is, as the exception attributes carry it.
fn where_of(e: &gongkai::Error) -> Where<'_> {
    let loc = e.location();
    Where {
        file: loc.map(|l| l.file.as_str()).filter(|f| !f.is_empty()),
        line: loc.and_then(|l| l.line),
        column: loc.and_then(|l| l.column),
        path: loc.and_then(|l| l.path.as_deref()),
    }
}

/// Map the core's error to the matching exception class.
pub fn to_pyerr(py: Python<'_>, e: &gongkai::Error) -> PyErr {
    let at = where_of(e);
    let message = e.to_string();
    if let gongkai::Error::Many(all) = e {
        let errors =
            all.iter().filter_map(|one| error_dict(py, one.code(), &one.to_string(), &where_of(one))).collect();
        return raise_all::<CatalogueError>(py, e.code(), message, at, errors);
    }
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

/// The facade's error as the matching exception: `GongkaiError` (or its subclass for the code's
/// kind) with the same `code`; `path` names the argument (`select`, not `/select`) or, deeper,
/// keeps the facade's pointer.
pub fn call_error(py: Python<'_>, e: &gongkai::facade::CallError) -> PyErr {
    match e.code {
        "invalid_json" => call_error_as::<RecordError>(py, e),
        code if code.starts_with("calendar_") => call_error_as::<CalendarError>(py, e),
        "invalid_yaml" | "io_error" => call_error_as::<CatalogueError>(py, e),
        code if code.starts_with("catalogue_") || code.starts_with("overlay_") => {
            call_error_as::<CatalogueError>(py, e)
        }
        _ => call_error_as::<GongkaiError>(py, e),
    }
}

/// The facade's error about a file being loaded (a catalogue, overlay or calendar file, whatever
/// its code): `CatalogueError`, as the documentation promises for every file that cannot be loaded.
pub fn file_error(py: Python<'_>, e: &gongkai::facade::CallError) -> PyErr {
    call_error_as::<CatalogueError>(py, e)
}

fn call_error_as<E: pyo3::PyTypeInfo>(py: Python<'_>, e: &gongkai::facade::CallError) -> PyErr {
    let path = e.path.as_deref().map(|p| p.strip_prefix('/').filter(|rest| !rest.contains('/')).unwrap_or(p));
    let at = Where { file: e.file.as_deref(), line: e.line, column: e.column, path };
    let mut errors: Vec<_> = e
        .errors
        .iter()
        .filter_map(|one| {
            let at = Where { file: one.file.as_deref(), line: one.line, column: one.column, path: one.path.as_deref() };
            error_dict(py, one.code, &one.message, &at)
        })
        .collect();
    if errors.is_empty() {
        errors.extend(error_dict(py, e.code, &e.message, &at));
    }
    raise_all::<E>(py, e.code, e.message.clone(), at, errors)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("GongkaiError", py.get_type::<GongkaiError>())?;
    m.add("CatalogueError", py.get_type::<CatalogueError>())?;
    m.add("RecordError", py.get_type::<RecordError>())?;
    m.add("CalendarError", py.get_type::<CalendarError>())?;
    Ok(())
}
