//! Content screening: personal data and classification markings. Offsets are Unicode scalar
//! indices, so `text[f.start:f.end]` slices the Python string exactly.

use gongkai::screening::{self, RedactMode, ScanOptions};
use pyo3::prelude::*;

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
    let opts = ScanOptions::new().include_values(include_values).include_redacted(include_redacted);
    let findings = py.detach(|| screening::scan_with(text, &opts));
    findings
        .into_iter()
        .map(|f| PyFinding {
            kind: f.kind.as_str(),
            code: f.code,
            severity: f.severity.as_str(),
            confidence: f.confidence,
            redacted: f.redacted,
            label: f.label,
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
    let mode = match mode {
        "mask" => RedactMode::Mask,
        "label" => RedactMode::Label,
        "remove" => RedactMode::Remove,
        other => {
            return Err(raise::<GongkaiError>(
                py,
                "invalid_argument",
                format!("unknown redaction mode `{other}`: expected `mask`, `label` or `remove`"),
                Where { path: Some("mode"), ..Default::default() },
            ));
        }
    };
    let r = py.detach(|| screening::redact(text, mode));
    Ok(PyRedaction {
        text: r.text,
        changes: r.changes.into_iter().map(|c| (c.kind.as_str(), c.code, c.start, c.end, c.replacement)).collect(),
    })
}
