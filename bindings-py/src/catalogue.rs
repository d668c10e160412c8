//! `gongkai.Catalogue`: the embedded catalogues, a catalogue directory, overlays, items and grounds.

use std::path::PathBuf;
use std::sync::Arc;

use gongkai::Catalogue;
use gongkai::check::Checker;
use gongkai::facade::{self, ItemsQuery};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::serde_to_py;
use crate::errors::{GongkaiError, Where, call_error, raise, to_pyerr};
use crate::html;

/// The embedded catalogue is a `'static` borrow; loaded ones are shared between Python handles.
#[derive(Clone)]
pub enum CatalogueRef {
    Embedded,
    Loaded(Arc<Loaded>),
}

impl CatalogueRef {
    fn loaded(cat: Catalogue) -> Self {
        CatalogueRef::Loaded(Arc::new(Loaded { checker: Checker::shared(Arc::new(cat)) }))
    }

    pub fn get(&self) -> &Catalogue {
        match self {
            CatalogueRef::Embedded => Catalogue::embedded(),
            CatalogueRef::Loaded(l) => l.checker.catalogue(),
        }
    }
}

/// A loaded catalogue with its checker, built on first use and kept: the checker caches each
/// institution's resolved items and compiled field schemas, which cost far more than a check.
pub struct Loaded {
    /// Owns the catalogue (`Checker::shared`), so no borrow has to outlive anything.
    checker: Checker<'static>,
}

impl Loaded {
    pub fn checker(&self) -> &Checker<'static> {
        &self.checker
    }
}

/// A set of catalogue templates, exemption grounds and overlays.
#[pyclass(module = "gongkai", name = "Catalogue", frozen)]
pub struct PyCatalogue {
    pub inner: CatalogueRef,
}

impl PyCatalogue {
    /// The catalogue a call should use: the one given, or the embedded default.
    pub fn resolve_arg(catalogue: Option<&Bound<'_, PyCatalogue>>) -> CatalogueRef {
        catalogue.map(|c| c.get().inner.clone()).unwrap_or(CatalogueRef::Embedded)
    }
}

/// The facade's `unknown_id` for an item, with `path` the id asked for (as this binding has
/// always said where: the argument's value).
fn unknown_item(py: Python<'_>, id: &str, e: &facade::CallError) -> PyErr {
    raise::<GongkaiError>(py, e.code, e.message.clone(), Where { path: Some(id), ..Default::default() })
}

#[pymethods]
impl PyCatalogue {
    /// default() -> Catalogue
    ///
    /// The catalogues compiled into the library (parsed once per process).
    #[staticmethod]
    fn default() -> Self {
        Self { inner: CatalogueRef::Embedded }
    }

    /// from_path(path) -> Catalogue
    ///
    /// Load a directory laid out like `catalogues/`: `institutions.yaml`, `grounds.yaml`, `templates/*.yaml`.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let loaded = py.detach(|| Catalogue::from_dir(&path));
        loaded.map(|c| Self { inner: CatalogueRef::loaded(c) }).map_err(|e| to_pyerr(py, &e))
    }

    /// with_overlay(path) -> Catalogue
    ///
    /// A new catalogue with a local overlay file added (linted first; rejected with its errors).
    fn with_overlay(&self, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let base = self.inner.clone();
        let next = py.detach(|| base.get().with_overlay_file(&path));
        next.map(|c| Self { inner: CatalogueRef::loaded(c) }).map_err(|e| to_pyerr(py, &e))
    }

    /// items(kind=None, tier=None, role=None, sector=None, domain=None, level=None) -> list[dict]
    ///
    /// With `kind` and `tier`: the items that institution must handle, resolved with overlays
    /// (each with `source` and, when an overlay changed it, `changed_by`). With `kind` and a
    /// `role` or `sector` but no tier: those resolved for each tier of the kind. With `kind` only:
    /// the items of the templates and overlays for that kind. With neither: every item (the
    /// facade's `ItemsQuery`, as the browser's `items` takes it). `domain`
    /// (`社会救助` or `social_assistance`) and `level` (`county`/`县级`, `township`/`乡级`,
    /// `village`/`村级`) narrow to grassroots rows; each such row has `domain`, `levels` and a flat
    /// `level` (`县级、乡级`), so `pandas.DataFrame(items)` has them as columns.
    #[pyo3(signature = (kind=None, tier=None, role=None, sector=None, domain=None, level=None))]
    #[allow(clippy::too_many_arguments)]
    fn items<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
        tier: Option<&str>,
        role: Option<&str>,
        sector: Option<&str>,
        domain: Option<&str>,
        level: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        // The facade's query, as the browser's `items` makes it.
        let query = ItemsQuery::institution(kind, tier, role).with_sector(sector).with_domain(domain).with_level(level);
        let found = facade::items_with(self.inner.get(), &query).map_err(|e| call_error(py, &e))?;
        let out = PyList::empty(py);
        for item in &found {
            out.append(crate::convert::to_py(py, item)?)?;
        }
        Ok(out)
    }

    /// domains() -> dict
    ///
    /// The 26 grassroots domains (`id`, `key`, owning `sectors`, `guideline`, `template`, `rows`,
    /// `missing_rows`) and the disclosure `levels`.
    fn domains<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &gongkai::facade::domains(self.inner.get()))
    }

    /// item(id) -> dict
    ///
    /// One item by id, with `source` (the template or overlay defining it).
    fn item<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let answer = facade::item_with(self.inner.get(), id).map_err(|e| unknown_item(py, id, &e))?;
        serde_to_py(py, &answer)
    }

    /// schema(id) -> dict
    ///
    /// The JSON Schema of the item's `fields` object (its content elements).
    fn schema<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let schema = facade::item_schema_with(self.inner.get(), id).map_err(|e| unknown_item(py, id, &e))?;
        crate::convert::to_py(py, &schema)
    }

    /// grounds() -> list[dict]
    ///
    /// The exemption grounds (不予公开情形) with their citations.
    fn grounds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &facade::grounds_with(self.inner.get(), None).map_err(|e| call_error(py, &e))?)
    }

    /// Ids of the templates, root templates first as loaded.
    #[getter]
    fn templates(&self) -> Vec<String> {
        self.inner.get().templates().iter().map(|t| t.id.clone()).collect()
    }

    /// Ids of the overlays added, in order.
    #[getter]
    fn overlays(&self) -> Vec<String> {
        self.inner.get().overlays().iter().map(|o| o.id.clone()).collect()
    }

    fn __len__(&self) -> usize {
        self.inner.get().all_items().count()
    }

    fn __repr__(&self) -> String {
        let cat = self.inner.get();
        format!(
            "<gongkai.Catalogue: {} templates, {} overlays, {} items, {} grounds>",
            cat.templates().len(),
            cat.overlays().len(),
            cat.all_items().count(),
            cat.grounds().len()
        )
    }

    fn _repr_html_(&self) -> String {
        let cat = self.inner.get();
        let mut rows: Vec<Vec<String>> = cat
            .templates()
            .iter()
            .map(|t| {
                vec![
                    format!("<code>{}</code>", html::escape(&t.id)),
                    "template".to_owned(),
                    html::escape(&format!("{} — {}", t.title.zh, t.title.en)),
                    html::escape(&t.applies_to.kinds.join(", ")),
                    t.items.len().to_string(),
                ]
            })
            .collect();
        rows.extend(cat.overlays().iter().map(|o| {
            vec![
                format!("<code>{}</code>", html::escape(&o.id)),
                "overlay".to_owned(),
                html::escape(&format!("{} — {}", o.title.zh, o.title.en)),
                html::escape(&o.applies_to.kinds.join(", ")),
                o.items.len().to_string(),
            ]
        }));
        let caption = format!(
            "<b>gongkai.Catalogue</b>: {} items, {} exemption grounds",
            cat.all_items().count(),
            cat.grounds().len()
        );
        html::table(&caption, &["id", "type", "title", "kinds", "items"], &rows)
    }
}

/// grounds() -> list[dict]
///
/// The exemption grounds of the embedded catalogue.
#[pyfunction]
pub fn grounds(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    serde_to_py(py, Catalogue::embedded().grounds())
}

/// codes() -> list[dict]
///
/// Every diagnostic code gongkai can emit: code, severity, basis, summaries, example, area.
#[pyfunction]
pub fn codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    serde_to_py(py, &facade::codes_with(None))
}
