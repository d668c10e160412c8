//! `Diagnostic`, `Report` (one record) and `Reports` (a batch), with conversions to rows,
//! pandas / polars DataFrames and Arrow tables.

use gongkai::SharedStr;
use gongkai::{Diagnostic, Lang, Severity};
use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::html;
use crate::packed::Results;
pub use crate::result::RecordResult;

/// One problem found in a record.
#[pyclass(module = "gongkai", name = "Diagnostic", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyDiagnostic {
    /// Stable snake_case code (see `gongkai.codes()`).
    #[pyo3(get)]
    code: &'static str,
    /// `error`, `warning` or `info`.
    #[pyo3(get)]
    severity: &'static str,
    /// JSON pointer of the offending value; `""` is the whole record.
    #[pyo3(get)]
    path: String,
    /// The message in the report's language.
    #[pyo3(get)]
    message: String,
    #[pyo3(get)]
    message_zh: String,
    #[pyo3(get)]
    message_en: String,
    /// The citation that makes it a rule.
    #[pyo3(get)]
    basis: Option<String>,
    /// What to do about it, in the report's language.
    #[pyo3(get)]
    help: Option<String>,
}

impl PyDiagnostic {
    fn new(d: &Diagnostic, lang: Lang) -> Self {
        Self {
            code: d.code,
            severity: d.severity.as_str(),
            path: d.path.to_string(),
            message: d.message.get(lang).to_owned(),
            message_zh: d.message.zh().to_owned(),
            message_en: d.message.en().to_owned(),
            basis: d.basis.as_deref().map(str::to_owned),
            help: d.help.as_ref().map(|h| h.get(lang).to_owned()),
        }
    }
}

/// The CLI's JSON shape of a diagnostic: code, severity, path, message, basis (and help when set).
fn diagnostic_dict<'py>(py: Python<'py>, d: &Diagnostic, lang: Lang) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("code", d.code)?;
    dict.set_item("severity", d.severity.as_str())?;
    dict.set_item("path", d.path.as_str())?;
    dict.set_item("message", d.message.get(lang))?;
    dict.set_item("basis", d.basis.as_deref())?;
    if let Some(help) = &d.help {
        dict.set_item("help", help.get(lang))?;
    }
    Ok(dict)
}

#[pymethods]
impl PyDiagnostic {
    /// to_dict() -> dict
    ///
    /// The diagnostic as the CLI's `--format json` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", self.code)?;
        dict.set_item("severity", self.severity)?;
        dict.set_item("path", &self.path)?;
        dict.set_item("message", &self.message)?;
        dict.set_item("basis", self.basis.as_deref())?;
        if let Some(help) = &self.help {
            dict.set_item("help", help)?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!("<Diagnostic {} {} at {:?}: {}>", self.severity, self.code, self.path, self.message)
    }
}

/// The result of checking one record: its diagnostics and whether it passed.
#[pyclass(module = "gongkai", name = "Report", frozen)]
pub struct PyReport {
    pub result: RecordResult,
    pub lang: Lang,
}

/// Diagnostics shown in a notebook's table.
const LIMIT: usize = 200;

fn severity_badge(s: Severity) -> &'static str {
    match s {
        Severity::Error => "<span style=\"color:#b00020;font-weight:bold\">error</span>",
        Severity::Warning => "<span style=\"color:#a15c00;font-weight:bold\">warning</span>",
        _ => "<span style=\"color:#555\">info</span>",
    }
}

/// An HTML table of the first `LIMIT` diagnostics of `results` (record index, when given, and
/// results) out of `total`.
fn diagnostics_table(caption: &str, results: &[(Option<usize>, RecordResult)], lang: Lang, total: usize) -> String {
    let mut rows = Vec::new();
    for (index, r) in results {
        for d in &r.diagnostics {
            if rows.len() >= LIMIT {
                break;
            }
            let mut row = Vec::new();
            if let Some(i) = index {
                row.push(i.to_string());
            }
            row.push(severity_badge(d.severity).to_owned());
            row.push(format!("<code>{}</code>", html::escape(d.code)));
            row.push(format!("<code>{}</code>", html::escape(&d.path)));
            row.push(html::escape(d.message.get(lang)));
            row.push(html::escape(d.basis.as_deref().unwrap_or("")));
            rows.push(row);
        }
    }
    let more = if total > rows.len() { format!(" (first {} of {total} shown)", rows.len()) } else { String::new() };
    let header: &[&str] = if results.first().is_none_or(|(i, _)| i.is_some()) {
        &["record", "severity", "code", "path", "message", "basis"]
    } else {
        &["severity", "code", "path", "message", "basis"]
    };
    html::table(&format!("{caption}{more}"), header, &rows)
}

#[pymethods]
impl PyReport {
    /// Every diagnostic, in the engine's order.
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        self.result.diagnostics.iter().map(|d| PyDiagnostic::new(d, self.lang)).collect()
    }

    /// True when no diagnostic has severity `error`.
    #[getter]
    fn ok(&self) -> bool {
        self.result.ok()
    }

    /// The record's `id`, when it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.result.id.as_deref()
    }

    /// Where the record was read from (`FILE:LINE` in a JSON Lines file, `FILE#/INDEX` in a JSON
    /// array, `FILE`), when `check_many` was given paths; `None` for records given as objects.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.result.source.as_deref()
    }

    #[getter]
    fn errors(&self) -> usize {
        self.result.count(Severity::Error)
    }

    #[getter]
    fn warnings(&self) -> usize {
        self.result.count(Severity::Warning)
    }

    /// to_dicts() -> list[dict]
    ///
    /// The diagnostics as the CLI's `--format json` prints them.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for d in &self.result.diagnostics {
            list.append(diagnostic_dict(py, d, self.lang)?)?;
        }
        Ok(list)
    }

    fn __len__(&self) -> usize {
        self.result.diagnostics.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<gongkai.Report {}: {} errors, {} warnings, {} diagnostics>",
            if self.result.ok() { "ok" } else { "failed" },
            self.errors(),
            self.warnings(),
            self.result.diagnostics.len()
        )
    }

    fn _repr_html_(&self) -> String {
        let verdict = if self.result.ok() { "✅ ok" } else { "❌ failed" };
        let id = self.result.id.as_deref().map(|i| format!(" <code>{}</code>", html::escape(i))).unwrap_or_default();
        let caption =
            format!("<b>gongkai.Report</b>{id}: {verdict} — {} errors, {} warnings", self.errors(), self.warnings());
        diagnostics_table(&caption, &[(None, self.result.clone())], self.lang, self.result.diagnostics.len())
    }
}

/// The results of a batch, in input order.
#[pyclass(module = "gongkai", name = "Reports", frozen, sequence)]
pub struct PyReports {
    pub results: Results,
    pub lang: Lang,
    /// Lines of JSON Lines read, for a batch read from files.
    pub lines: Option<gongkai::sources::LineCounts>,
}

/// Column-wise rows, one per diagnostic, for DataFrames and Arrow.
fn columns<'py>(py: Python<'py>, reports: &PyReports) -> PyResult<Bound<'py, PyDict>> {
    let n: usize = reports.results.iter().map(|r| r.len()).sum();
    let mut record = Vec::with_capacity(n);
    let mut id = Vec::with_capacity(n);
    let mut source = Vec::with_capacity(n);
    let mut code = Vec::with_capacity(n);
    let mut severity = Vec::with_capacity(n);
    let mut path = Vec::with_capacity(n);
    let mut message = Vec::with_capacity(n);
    let mut basis = Vec::with_capacity(n);
    for (i, r) in reports.results.iter().enumerate() {
        if r.len() == 0 {
            continue;
        }
        let r = r.get();
        for d in r.diagnostics {
            record.push(i);
            id.push(r.id.clone());
            source.push(r.source.clone());
            code.push(d.code);
            severity.push(d.severity.as_str());
            message.push(d.message.get(reports.lang).to_owned());
            path.push(d.path.into_owned());
            basis.push(d.basis.map(SharedStr::into_owned));
        }
    }
    let cols = PyDict::new(py);
    cols.set_item("record", record)?;
    cols.set_item("id", id)?;
    cols.set_item("source", source)?;
    cols.set_item("code", code)?;
    cols.set_item("severity", severity)?;
    cols.set_item("path", path)?;
    cols.set_item("message", message)?;
    cols.set_item("basis", basis)?;
    Ok(cols)
}

#[pymethods]
impl PyReports {
    fn __len__(&self) -> usize {
        self.results.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyReport> {
        let len = self.results.len() as isize;
        let i = if index < 0 { index + len } else { index };
        match usize::try_from(i).ok().and_then(|i| self.results.get(i)) {
            Some(r) => Ok(PyReport { result: r.get(), lang: self.lang }),
            None => Err(PyIndexError::new_err(format!("report index {index} out of range for {len} records"))),
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        let reports = self
            .results
            .iter()
            .map(|r| Bound::new(py, PyReport { result: r.get(), lang: self.lang }))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, reports)?.into_any().try_iter()
    }

    /// True when no record has an error-severity diagnostic.
    #[getter]
    fn ok(&self) -> bool {
        self.results.iter().all(|r| r.ok())
    }

    #[getter]
    fn errors(&self) -> usize {
        self.results.iter().map(|r| r.count(Severity::Error)).sum()
    }

    /// Reports of inputs that could not be read as a record (an `input_*` diagnostic: not
    /// UTF-8, invalid JSON, empty, too large, unreadable). `len(reports) - unreadable` were checked.
    #[getter]
    fn unreadable(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.len() > 0 && r.get().diagnostics.iter().any(|d| d.code.starts_with("input_")))
            .count()
    }

    /// JSON Lines read, for a batch read from files (`None` otherwise): every line is a report
    /// or blank (JSON whitespace only), so `lines == blank_lines + ` the reports from lines.
    #[getter]
    fn lines(&self) -> Option<u64> {
        self.lines.map(|c| c.lines)
    }

    #[getter]
    fn blank_lines(&self) -> Option<u64> {
        self.lines.map(|c| c.blank)
    }

    #[getter]
    fn warnings(&self) -> usize {
        self.results.iter().map(|r| r.count(Severity::Warning)).sum()
    }

    /// to_dicts() -> list[dict]
    ///
    /// One row per diagnostic: record (index in the input), id, source, code, severity, path, message, basis.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for (i, r) in self.results.iter().enumerate() {
            if r.len() == 0 {
                continue;
            }
            let r = r.get();
            for d in &r.diagnostics {
                let row = diagnostic_dict(py, d, self.lang)?;
                row.set_item("record", i)?;
                row.set_item("id", r.id.as_deref())?;
                row.set_item("source", r.source.as_deref())?;
                list.append(row)?;
            }
        }
        Ok(list)
    }

    /// to_pandas() -> pandas.DataFrame
    ///
    /// One row per diagnostic (columns: record, id, source, code, severity, path, message, basis).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let cols = columns(py, self)?;
        py.import("pandas")?.getattr("DataFrame")?.call1((cols,))
    }

    /// to_polars() -> polars.DataFrame
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let cols = columns(py, self)?;
        py.import("polars")?.getattr("DataFrame")?.call1((cols,))
    }

    /// to_arrow() -> pyarrow.Table
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pa = py.import("pyarrow")?;
        let cols = columns(py, self)?;
        let arrays = PyDict::new(py);
        for (name, values) in cols.iter() {
            let ty = if name.extract::<String>()? == "record" {
                pa.call_method0("int64")?
            } else {
                pa.call_method0("string")?
            };
            let kwargs = PyDict::new(py);
            kwargs.set_item("type", ty)?;
            arrays.set_item(name, pa.getattr("array")?.call((values,), Some(&kwargs))?)?;
        }
        pa.getattr("table")?.call1((arrays,))
    }

    fn __repr__(&self) -> String {
        let failed = self.results.iter().filter(|r| !r.ok()).count();
        format!(
            "<gongkai.Reports: {} records, {failed} failed, {} errors, {} warnings>",
            self.results.len(),
            self.errors(),
            self.warnings()
        )
    }

    fn _repr_html_(&self) -> String {
        let failed = self.results.iter().filter(|r| !r.ok()).count();
        let caption = format!(
            "<b>gongkai.Reports</b>: {} records, {failed} failed — {} errors, {} warnings",
            self.results.len(),
            self.errors(),
            self.warnings()
        );
        // The table shows the first diagnostics: only the records they come from are made again.
        let mut shown = 0;
        let indexed: Vec<(Option<usize>, RecordResult)> = self
            .results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.len() > 0)
            .take_while(|(_, r)| {
                let more = shown < LIMIT;
                shown += r.len();
                more
            })
            .map(|(i, r)| (Some(i), r.get()))
            .collect();
        let total = self.results.iter().map(|r| r.len()).sum();
        diagnostics_table(&caption, &indexed, self.lang, total)
    }
}
