//! `gongkai.site_check(snapshot)` and `gongkai.proactive_candidates(records)`: the core's site
//! inspection and 条例 Art 44 list, with findings as dicts or a pandas / polars DataFrame.

use gongkai::Lang;
use gongkai::facade::{self, CandidatesRequest, SiteCheckRequest};
use gongkai::site::{self, SiteReport};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde_json::Value;

use crate::convert::{serde_to_py, to_py};
use crate::errors::to_pyerr;

fn lang(s: &str) -> PyResult<Lang> {
    match s {
        "zh" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        other => Err(PyTypeError::new_err(format!("lang must be `zh` or `en`, not `{other}`"))),
    }
}

/// The snapshot as JSON text: a `str`/`bytes` of JSON, a path (`pathlib.Path`, `os.PathLike`),
/// or a dict (dates and other non-JSON values written with `str`, as `json.dumps(default=str)`).
fn snapshot_text(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_str()?.to_owned());
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
    }
    let os = py.import("os")?;
    if obj.is_instance(&os.getattr("PathLike")?)? {
        let path: String = os.getattr("fspath")?.call1((obj,))?.extract()?;
        return std::fs::read_to_string(&path)
            .map_err(|e| pyo3::exceptions::PyOSError::new_err(format!("{path}: {e}")));
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("default", py.import("builtins")?.getattr("str")?)?;
    kwargs.set_item("ensure_ascii", false)?;
    py.import("json")?.getattr("dumps")?.call((obj,), Some(&kwargs))?.extract()
}

/// The answer of a site check: `.verdict` (`pass`/`fail`), `.score`, `.vetoes`, `.findings`
/// (dicts), `.to_pandas()` / `.to_polars()` (a row per finding), `.rectifications`,
/// `.interaction` (回应及时率 …), `.indicators`, `.text()`, `.html()`.
#[pyclass(name = "SiteCheck", module = "gongkai", frozen)]
pub struct PySiteCheck {
    report: SiteReport,
    lang: Lang,
}

#[pymethods]
impl PySiteCheck {
    #[getter]
    fn verdict(&self) -> &'static str {
        self.report.verdict.as_str()
    }
    #[getter]
    fn passed(&self) -> bool {
        self.report.verdict == site::Verdict::Pass
    }
    #[getter]
    fn score(&self) -> u32 {
        self.report.score
    }
    #[getter]
    fn pass_score(&self) -> u32 {
        self.report.pass_score
    }
    #[getter]
    fn vetoes(&self) -> usize {
        self.report.vetoes
    }
    #[getter]
    fn as_of(&self) -> Option<String> {
        self.report.as_of.map(|d| d.to_string())
    }
    /// Every finding: `{"code", "kind", "severity", "path", "message", "basis", "status", …}`.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v: Vec<Value> = self.report.findings.iter().map(|f| f.to_json(self.lang)).collect();
        to_py(py, &Value::Array(v))
    }
    /// The rectification list (整改清单), most urgent first.
    #[getter]
    fn rectifications<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.to_json(self.lang)["rectifications"])
    }
    /// Interaction deadlines and rates: `response_rate` is the 回应及时率.
    #[getter]
    fn interaction<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.to_json(self.lang)["interaction"])
    }
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.report.indicators)
    }
    /// The whole answer as the CLI's `--format json` prints it.
    fn to_json<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.to_json(self.lang))
    }
    /// to_pandas() -> pandas.DataFrame, a row per finding (code, kind, severity, path, message,
    /// basis, status, indicator, points, days_left, due).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("pandas")?.getattr("DataFrame")?.call1((self.columns(py)?,))
    }
    /// to_polars() -> polars.DataFrame, as `to_pandas`.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("polars")?.getattr("DataFrame")?.call1((self.columns(py)?,))
    }
    /// The text report (findings, verdict, rectification list).
    fn text(&self) -> String {
        site::render_text(&self.report, self.lang)
    }
    /// The printable HTML report.
    fn html(&self) -> String {
        site::render_html(&self.report)
    }
    fn _repr_html_(&self) -> String {
        site::render_html(&self.report)
    }
    fn __bool__(&self) -> bool {
        self.passed()
    }
    fn __len__(&self) -> usize {
        self.report.findings.len()
    }
    fn __repr__(&self) -> String {
        format!(
            "SiteCheck(verdict='{}', score={}, vetoes={}, findings={})",
            self.report.verdict.as_str(),
            self.report.score,
            self.report.vetoes,
            self.report.findings.len()
        )
    }
}

impl PySiteCheck {
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        const NAMES: [&str; 11] = [
            "code",
            "kind",
            "severity",
            "path",
            "message",
            "basis",
            "status",
            "indicator",
            "points",
            "days_left",
            "due",
        ];
        let rows: Vec<Value> = self.report.findings.iter().map(|f| f.to_json(self.lang)).collect();
        let cols = PyDict::new(py);
        for name in NAMES {
            let list = PyList::empty(py);
            for r in &rows {
                list.append(to_py(py, r.get(name).unwrap_or(&Value::Null))?)?;
            }
            cols.set_item(name, list)?;
        }
        Ok(cols)
    }
}

/// site_check(snapshot, *, as_of=None, overlays=(), lang="zh") -> SiteCheck
///
/// Check a site snapshot (a dict, JSON text or a path) against the inspection indicators of
/// 国办秘函〔2019〕19号. `as_of` (a `datetime.date` or `YYYY-MM-DD`) overrides the snapshot's day;
/// `overlays` are site overlay files with stricter limits (one that loosens a limit raises
/// `CatalogueError`). Bad input is never raised: it is in `.findings` with kind `input`.
#[pyfunction]
#[pyo3(signature = (snapshot, *, as_of = None, overlays = Vec::new(), lang = "zh"))]
pub fn site_check(
    py: Python<'_>,
    snapshot: &Bound<'_, PyAny>,
    as_of: Option<&Bound<'_, PyAny>>,
    overlays: Vec<std::path::PathBuf>,
    lang: &str,
) -> PyResult<PySiteCheck> {
    let lang = self::lang(lang)?;
    let as_of = match as_of.filter(|d| !d.is_none()) {
        None => None,
        Some(d) => Some(crate::dates::date_arg(py, d, "as_of")?),
    };
    let text = snapshot_text(py, snapshot)?;
    let mut request = SiteCheckRequest::new().with_as_of(as_of);
    for path in &overlays {
        let name = path.display().to_string();
        let overlay = std::fs::read_to_string(path)
            .map_err(|e| to_pyerr(py, &gongkai::Error::Io { path: name.clone(), source: e }))?;
        request = request.with_overlay(name, overlay);
    }
    let report = py
        .detach(|| facade::site_check_with(gongkai::calendar::Calendar::embedded(), &text, &request))
        .map_err(|e| crate::errors::file_error(py, &e))?;
    Ok(PySiteCheck { report, lang })
}

/// proactive_candidates(records, *, min_applicants=2, lang="zh") -> dict
///
/// 条例第四十四条: information granted to several applicants of one organ, from request records
/// (dicts with `requested` and `applicant`). Returns `{"candidates": [...], "diagnostics": [...]}`.
#[pyfunction]
#[pyo3(signature = (records, *, min_applicants = 2, lang = "zh"))]
pub fn proactive_candidates<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    min_applicants: usize,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = self::lang(lang)?;
    let text = snapshot_text(py, records)?;
    let value: Value = serde_json::from_str(&text).map_err(|e| PyTypeError::new_err(format!("records: {e}")))?;
    let list = match value {
        Value::Array(v) => v,
        other => vec![other],
    };
    let answer =
        facade::proactive_candidates_with(&list, &CandidatesRequest::new().with_min_applicants(min_applicants));
    crate::convert::to_py(py, &answer.to_json(lang))
}
