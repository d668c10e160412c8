//! Content screening: personal data and classification markings. Offsets are Unicode scalar
//! indices, so `text[f.start:f.end]` slices the Python string exactly.

use gongkai::facade::{self, ScanRequest};
use gongkai::files::{self, FileError, FileKind, Limits, RedactOptions, resolve_kind};
use pyo3::prelude::*;

use crate::convert::serde_to_py;
use crate::errors::{GongkaiError, Where, raise};

/// One thing found in a text.
#[pyclass(module = "gongkai", name = "Finding", frozen)]
pub struct PyFinding {
    /// e.g. `resident_id`, `mobile`, `classification_marking`.
    #[pyo3(get)]
    kind: &'static str,
    /// The diagnostic code the check engine reports for it.
    #[pyo3(get)]
    code: &'static str,
    #[pyo3(get)]
    severity: &'static str,
    #[pyo3(get)]
    confidence: f64,
    /// The value is already masked.
    #[pyo3(get)]
    redacted: bool,
    #[pyo3(get)]
    label: Option<&'static str>,
    /// Why the context changed the detector's mind (`organisational_label`,
    /// `government_domain`, `contact_block`).
    #[pyo3(get)]
    reason: Option<&'static str>,
    /// Python `str` indices: `text[start:end]`.
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// The value masked: safe to print and log.
    #[pyo3(get)]
    preview: String,
    /// The full value, only with `include_values=True`.
    #[pyo3(get)]
    value: Option<String>,
}

#[pymethods]
impl PyFinding {
    fn __repr__(&self) -> String {
        format!("<Finding {} {}..{} {:?}>", self.kind, self.start, self.end, self.preview)
    }
}

/// scan(text, *, include_values=False, include_redacted=False) -> list[Finding]
#[pyfunction]
#[pyo3(signature = (text, *, include_values=false, include_redacted=false))]
pub fn scan(py: Python<'_>, text: &str, include_values: bool, include_redacted: bool) -> Vec<PyFinding> {
    let request = ScanRequest::new().with_include_values(include_values).with_include_redacted(include_redacted);
    let findings = py.detach(|| facade::scan_with(text, &request));
    findings
        .into_iter()
        .map(|f| PyFinding {
            kind: f.kind.as_str(),
            code: f.code,
            severity: f.severity.as_str(),
            confidence: f.confidence,
            redacted: f.redacted,
            label: f.label,
            reason: f.reason,
            start: f.start,
            end: f.end,
            preview: f.preview,
            value: f.value,
        })
        .collect()
}

/// One replacement made by `redact`, with its span in the original text.
#[pyclass(module = "gongkai", name = "Change", frozen)]
pub struct PyChange {
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    code: &'static str,
    /// Python `str` indices into the original text.
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    replacement: String,
}

/// A redacted text and what was changed.
#[pyclass(module = "gongkai", name = "Redaction", frozen)]
pub struct PyRedaction {
    #[pyo3(get)]
    text: String,
    changes: Vec<(&'static str, &'static str, usize, usize, String)>,
}

#[pymethods]
impl PyRedaction {
    #[getter]
    fn changes(&self) -> Vec<PyChange> {
        self.changes
            .iter()
            .map(|(kind, code, start, end, replacement)| PyChange {
                kind,
                code,
                start: *start,
                end: *end,
                replacement: replacement.clone(),
            })
            .collect()
    }

    fn __str__(&self) -> String {
        self.text.clone()
    }
}

/// redact(text, mode="mask") -> Redaction
///
/// Mask (`110105********002X`), label (`[身份证号]`) or remove personal data.
#[pyfunction]
#[pyo3(signature = (text, mode="mask"))]
pub fn redact(py: Python<'_>, text: &str, mode: &str) -> PyResult<PyRedaction> {
    let mode = facade::redact_mode(mode).map_err(|e| crate::errors::call_error(py, &e))?;
    let r = py.detach(|| facade::redact_with(text, mode));
    Ok(PyRedaction {
        text: r.text,
        changes: r.changes.into_iter().map(|c| (c.kind.as_str(), c.code, c.start, c.end, c.replacement)).collect(),
    })
}

/// A file given as a path or as its bytes, and the name to tell its kind by.
fn file_source(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<(Vec<u8>, Option<String>)> {
    if let Ok(bytes) = source.cast::<pyo3::types::PyBytes>() {
        return Ok((bytes.as_bytes().to_vec(), None));
    }
    if let Ok(bytes) = source.cast::<pyo3::types::PyByteArray>() {
        return Ok((bytes.to_vec(), None));
    }
    let path: std::path::PathBuf = source.extract().map_err(|_| {
        raise::<GongkaiError>(
            py,
            "invalid_argument",
            "expected a path (str or os.PathLike) or the file's bytes".to_owned(),
            Where { path: Some("source"), ..Default::default() },
        )
    })?;
    let name = path.to_string_lossy().into_owned();
    let bytes = py.detach(|| std::fs::read(&path)).map_err(|e| {
        raise::<GongkaiError>(
            py,
            "io_error",
            format!("cannot read `{name}`: {e}"),
            Where { file: Some(&name), ..Default::default() },
        )
    })?;
    Ok((bytes, Some(name)))
}

fn file_kind(py: Python<'_>, kind: Option<&str>, name: Option<&str>, bytes: &[u8]) -> PyResult<FileKind> {
    let forced = match kind {
        None => None,
        Some(k) => Some(FileKind::parse(k).ok_or_else(|| {
            raise::<GongkaiError>(
                py,
                "invalid_argument",
                format!("unknown file kind `{k}`: expected xlsx, xls, ods, docx, pdf, html, csv or text"),
                Where { path: Some("kind"), ..Default::default() },
            )
        })?),
    };
    // Bytes with no kind and nothing to tell it by are read as text, as the command line does.
    Ok(resolve_kind(forced, name, bytes).unwrap_or(FileKind::Text))
}

fn file_error(py: Python<'_>, name: Option<&str>, e: &FileError) -> PyErr {
    let message = match name {
        Some(n) => format!("`{n}`: {e}"),
        None => e.to_string(),
    };
    raise::<GongkaiError>(py, e.code(), message, Where { file: name, ..Default::default() })
}

fn limits(max_uncompressed: u64, max_cells: u64) -> Limits {
    Limits::default().max_uncompressed(max_uncompressed).max_cells(max_cells)
}

/// scan_file(source, *, kind=None, include_values=False, include_redacted=False,
///           max_uncompressed=1 GiB, max_cells=10_000_000) -> dict
///
/// Screen a workbook, Word document, PDF, web page, CSV or text file (a path, or its bytes)
/// as `gongkai scan FILE --format json` does: `{"kind", "encoding"?, "sheets"?, "findings":
/// [{"location": {...}, "kind", "code", ...}], "notices": [...]}`.
#[pyfunction]
#[pyo3(signature = (source, *, kind=None, include_values=false, include_redacted=false, max_uncompressed=1_073_741_824, max_cells=10_000_000))]
pub fn scan_file<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    kind: Option<&str>,
    include_values: bool,
    include_redacted: bool,
    max_uncompressed: u64,
    max_cells: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let (bytes, name) = file_source(py, source)?;
    let kind = file_kind(py, kind, name.as_deref(), &bytes)?;
    let opts = ScanRequest::new().with_include_values(include_values).with_include_redacted(include_redacted).options();
    let limits = limits(max_uncompressed, max_cells);
    let scan = py
        .detach(|| files::scan_file(&bytes, kind, &opts, &limits))
        .map_err(|e| file_error(py, name.as_deref(), &e))?;
    serde_to_py(py, &scan)
}

/// redact_file(source, *, kind=None, mode="mask", remove_hidden_sheets=False) -> (bytes | None, dict)
///
/// A redacted copy of a file (None for a PDF, .xls or .ods, which are reported only) and the
/// report: `{"kind", "masked": [...], "remaining": [...], "removed_sheets"?, "notices": [...]}`.
#[pyfunction]
#[pyo3(signature = (source, *, kind=None, mode="mask", remove_hidden_sheets=false, max_uncompressed=1_073_741_824, max_cells=10_000_000))]
pub fn redact_file<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    kind: Option<&str>,
    mode: &str,
    remove_hidden_sheets: bool,
    max_uncompressed: u64,
    max_cells: u64,
) -> PyResult<(Option<Bound<'py, pyo3::types::PyBytes>>, Bound<'py, PyAny>)> {
    let mode = facade::redact_mode(mode).map_err(|e| crate::errors::call_error(py, &e))?;
    let (bytes, name) = file_source(py, source)?;
    let kind = file_kind(py, kind, name.as_deref(), &bytes)?;
    let opts = RedactOptions::new()
        .mode(mode)
        .remove_hidden_sheets(remove_hidden_sheets)
        .limits(limits(max_uncompressed, max_cells));
    let out = py.detach(|| files::redact_file(&bytes, kind, &opts)).map_err(|e| file_error(py, name.as_deref(), &e))?;
    let copy = out.bytes.as_deref().map(|b| pyo3::types::PyBytes::new(py, b));
    Ok((copy, serde_to_py(py, &out)?))
}
