//! `gongkai.audit(...)` and `gongkai.report_check(...)`: the coverage/timeliness audit and the
//! annual-report checks, as `gongkai audit` and `gongkai report check` run them.

use std::path::PathBuf;

use gongkai::report::{self, AnnualReport, AuditOptions};
use gongkai::sources;
use gongkai::{Catalogue, Institution};
use pyo3::prelude::*;
use serde_json::Value;

use crate::catalogue::PyCatalogue;
use crate::check::record_value;
use crate::dates::date_arg;
use crate::errors::{GongkaiError, Where, raise, to_pyerr};
use crate::report::{PyReport, RecordResult};

/// A JSON value as the Python object `json.loads` would give.
fn to_python(py: Python<'_>, value: &impl serde::Serialize) -> PyResult<Py<PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| raise::<GongkaiError>(py, "internal", e.to_string(), Where::default()))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// Records from a path (file or folder, read as `check_many(path)` reads them) or from an iterable
/// of dicts / JSON texts. A record that cannot be read raises, naming where.
fn records_arg(py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<Vec<Value>> {
    let os = py.import("os")?;
    if records.is_instance(&os.getattr("PathLike")?)? {
        let path: PathBuf = records.extract()?;
        let (found, missing) = sources::expand(&[path.display().to_string()]);
        if let Some((name, e)) = missing.into_iter().next() {
            return Err(PyErr::from(std::io::Error::new(e.kind(), format!("cannot read `{name}`: {e}"))));
        }
        let mut out = Vec::new();
        for unit in sources::read_all(found) {
            match unit.payload {
                sources::Payload::Value(v) => out.push(v),
                sources::Payload::Text(t) => match gongkai::check::parse_json(&t) {
                    Ok(v) => out.push(v),
                    Err(e) => {
                        return Err(raise::<GongkaiError>(
                            py,
                            e.code(),
                            format!("{}: {e}", unit.source),
                            Where::default(),
                        ));
                    }
                },
                sources::Payload::Problem(d) => {
                    return Err(raise::<GongkaiError>(
                        py,
                        d.code,
                        format!("{}: {}", unit.source, d.message.en()),
                        Where::default(),
                    ));
                }
                _ => {}
            }
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    for r in records.try_iter()? {
        out.push(record_value(py, &r?, gongkai::Lang::En)?);
    }
    Ok(out)
}

/// audit(records, *, kind, tier, period, role=None, sector=None, name=None, today=None, catalogue=None) -> dict
///
/// Audit one institution's records for a calendar year: which catalogue items are covered, which
/// are missing or late, request handling, and the rectification list, as `gongkai audit --format
/// json` prints it. `records` is a `pathlib.Path` (a file or folder) or an iterable of records.
#[pyfunction]
#[pyo3(signature = (records, *, kind, tier, period, role=None, sector=None, name=None, today=None, catalogue=None))]
#[allow(clippy::too_many_arguments)]
pub fn audit(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    kind: String,
    tier: String,
    period: i32,
    role: Option<String>,
    sector: Option<String>,
    name: Option<String>,
    today: Option<&Bound<'_, PyAny>>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
) -> PyResult<Py<PyAny>> {
    let records = records_arg(py, records)?;
    let inst = Institution { kind, tier, role, sector, name };
    let mut opts = AuditOptions { check_records: true, ..Default::default() };
    if let Some(d) = today.filter(|d| !d.is_none()) {
        opts.today = Some(date_arg(py, d, "today")?);
    }
    let cat_ref = PyCatalogue::resolve_arg(catalogue);
    let cat: &Catalogue = cat_ref.get();
    let audit = py.detach(|| report::audit_with(cat, &inst, period, &records, &opts)).map_err(|e| to_pyerr(py, &e))?;
    to_python(py, &audit)
}

/// An annual report from a dict, JSON text or a path to a `.json` file.
fn annual_report(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<AnnualReport> {
    let os = py.import("os")?;
    let (file, text) = if obj.is_instance(&os.getattr("PathLike")?)? {
        let path: PathBuf = obj.extract()?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            PyErr::from(std::io::Error::new(e.kind(), format!("cannot read `{}`: {e}", path.display())))
        })?;
        (path.display().to_string(), text)
    } else if let Ok(text) = obj.extract::<String>() {
        (String::new(), text)
    } else {
        (String::new(), serde_json::to_string(&record_value(py, obj, gongkai::Lang::En)?).unwrap_or_default())
    };
    AnnualReport::from_json(&file, &text).map_err(|e| to_pyerr(py, &e))
}

/// report_check(report, previous=None, *, lang="zh") -> Report
///
/// Check an annual report (政府信息公开工作年度报告): 勾稽关系, table totals, the format's rows and
/// columns, and against `previous` (last year's report) the carried-in figures. `report` is a
/// dict, JSON text or a `pathlib.Path`; the answer is a `Report` of diagnostics, as `gongkai
/// report check` gives them.
#[pyfunction]
#[pyo3(signature = (report, previous=None, *, lang="zh"))]
pub fn report_check(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    previous: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<PyReport> {
    let lang = lang.parse::<gongkai::Lang>().map_err(|e| {
        raise::<GongkaiError>(py, "invalid_argument", e, Where { path: Some("lang"), ..Default::default() })
    })?;
    let current = annual_report(py, report)?;
    let previous = previous.filter(|p| !p.is_none()).map(|p| annual_report(py, p)).transpose()?;
    let diagnostics = report::check_report(&current, previous.as_ref());
    Ok(PyReport { result: RecordResult::checked(None, diagnostics), lang })
}
