//! The `gongkai._gongkai` extension module: a thin layer over the `gongkai` crate.
//! No rule lives here: every answer comes from the core, so Python, the CLI and the browser agree.

mod audit;
mod calendar;
mod catalogue;
mod check;
mod convert;
mod dates;
mod errors;
mod html;
mod packed;
mod purge;
mod report;
mod result;
mod screening;
mod site;

use pyo3::prelude::*;

/// Records are converted on the interpreter's thread and freed on the check threads: glibc's
/// malloc serialises such cross-thread frees on an arena lock, mimalloc does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How long memory freed by a batch stays with the process for the next one.
const KEEP_FREED_MEMORY: std::time::Duration = std::time::Duration::from_secs(60);

/// The module is built on the stable ABI (abi3, CPython 3.10 and later) and reads no private
/// interpreter structure; another implementation, or an older CPython, is refused with a clear
/// ImportError rather than loaded to fail later.
fn supported_interpreter(py: Python<'_>) -> PyResult<()> {
    let sys = py.import("sys")?;
    let implementation: String = sys.getattr("implementation")?.getattr("name")?.extract()?;
    let (major, minor): (u32, u32) =
        (sys.getattr("version_info")?.get_item(0)?.extract()?, sys.getattr("version_info")?.get_item(1)?.extract()?);
    if implementation != "cpython" || (major, minor) < (3, 10) {
        return Err(pyo3::exceptions::PyImportError::new_err(format!(
            "gongkai supports CPython 3.10 or later (its extension uses CPython's stable ABI); this is {implementation} {major}.{minor}"
        )));
    }
    Ok(())
}

#[pymodule]
fn _gongkai(m: &Bound<'_, PyModule>) -> PyResult<()> {
    supported_interpreter(m.py())?;
    // A notebook or service checks batch after batch: what one batch frees is kept for the next
    // rather than handed back to the OS and faulted in again.
    purge::keep_freed_memory(KEEP_FREED_MEMORY);
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    m.add_class::<catalogue::PyCatalogue>()?;
    m.add_function(wrap_pyfunction!(catalogue::grounds, m)?)?;
    m.add_function(wrap_pyfunction!(catalogue::codes, m)?)?;
    m.add_class::<report::PyDiagnostic>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<report::PyReports>()?;
    m.add_function(wrap_pyfunction!(check::check, m)?)?;
    m.add_function(wrap_pyfunction!(audit::audit, m)?)?;
    m.add_function(wrap_pyfunction!(audit::report_check, m)?)?;
    m.add_function(wrap_pyfunction!(check::_check_batch, m)?)?;
    m.add_function(wrap_pyfunction!(check::_check_ndjson, m)?)?;
    m.add_function(wrap_pyfunction!(check::_check_paths, m)?)?;
    m.add_class::<calendar::PyDayKind>()?;
    m.add_class::<screening::PyFinding>()?;
    m.add_class::<screening::PyChange>()?;
    m.add_class::<screening::PyRedaction>()?;
    m.add_function(wrap_pyfunction!(screening::scan, m)?)?;
    m.add_function(wrap_pyfunction!(screening::redact, m)?)?;
    m.add_function(wrap_pyfunction!(screening::scan_file, m)?)?;
    m.add_function(wrap_pyfunction!(screening::redact_file, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::is_working_day, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::day_kind, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::add_working_days, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::working_days_between, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::next_working_day, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::calendar_years, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::deadline, m)?)?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_function(wrap_pyfunction!(calendar::working_days_after, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::request_timeline, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::fee_by_pieces, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::fee_by_pages, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::fee_for_more_pieces, m)?)?;
    m.add_class::<site::PySiteCheck>()?;
    m.add_function(wrap_pyfunction!(site::site_check, m)?)?;
    m.add_function(wrap_pyfunction!(site::proactive_candidates, m)?)?;
    Ok(())
}
