//! Loading, validating and resolving catalogues.
//!
//! A [`Catalogue`] holds the institution registry, the templates, the exemption grounds and
//! any overlays. The embedded default is parsed once, on first use, from the YAML compiled
//! into the library ([`Catalogue::embedded`]). Resolving it for an institution gives the flat
//! list of items that institution must publish, each saying where it came from.

pub mod lint;
#[cfg(feature = "yaml")]
pub(crate) mod located;
/// Without a YAML reader there are no source positions: findings keep their JSON pointer only.
#[cfg(not(feature = "yaml"))]
pub(crate) mod located {
    pub(crate) struct Located;
    impl Located {
        pub fn parse(_text: &str) -> Option<Located> {
            None
        }
        pub fn position(&self, _pointer: &str) -> (u32, u32) {
            (0, 0)
        }
    }
}
mod resolve;

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use crate::error::{Error, Location, Result};
use crate::model::{
    DomainRegistry, FastMap, Ground, GroundSet, InstitutionRegistry, Item, Overlay, ResponseType, ResponseTypeInfo,
    Template,
};

pub use crate::data::{embedded, parse_yaml};
pub use lint::{Finding, lint_source};
pub use resolve::{Resolved, ResolvedItem};

const REGISTRY_FILE: &str = "institutions.yaml";
const GROUNDS_FILE: &str = "grounds.yaml";
/// Optional: the grassroots domains and disclosure levels. A catalogue directory without it has none.
const DOMAINS_FILE: &str = "domains.yaml";
const TEMPLATES_DIR: &str = "templates/";

/// Templates, grounds and overlays, validated and indexed.
#[derive(Clone, Debug)]
pub struct Catalogue {
    registry: InstitutionRegistry,
    domains: DomainRegistry,
    templates: Vec<Template>,
    grounds: GroundSet,
    overlays: Vec<Overlay>,
    /// Source file of each template and overlay, by id.
    sources: HashMap<String, String>,
    /// (template index, item index) by item id.
    item_index: FastMap<String, (usize, usize)>,
    ground_index: FastMap<String, usize>,
}

/// The embedded catalogue, parsed once on first use.
static EMBEDDED: LazyLock<Catalogue> = LazyLock::new(Catalogue::parse_embedded);

impl Catalogue {
    /// The catalogues compiled into the library, parsed once on first use.
    pub fn embedded() -> &'static Catalogue {
        &EMBEDDED
    }

    /// Parse the embedded catalogues afresh into an owned catalogue (what [`Catalogue::embedded`]
    /// does once). They come from the JSON converted at build time and are not linted here: the
    /// test suite lints the YAML sources and checks this equals what [`Catalogue::from_sources`]
    /// builds from them.
    pub fn parse_embedded() -> Catalogue {
        let mut templates = Vec::new();
        let mut sources = HashMap::new();
        for (path, _) in embedded::json_files().iter().filter(|(p, _)| p.starts_with(TEMPLATES_DIR)) {
            let mut t: Template = embedded::parse(path);
            inherit_domain(&mut t);
            sources.insert(t.id.clone(), (*path).to_owned());
            templates.push(t);
        }
        let mut catalogue = Catalogue {
            registry: embedded::parse(REGISTRY_FILE),
            domains: embedded::json(DOMAINS_FILE).map(|_| embedded::parse(DOMAINS_FILE)).unwrap_or_default(),
            templates,
            grounds: embedded::parse(GROUNDS_FILE),
            overlays: Vec::new(),
            sources,
            item_index: FastMap::default(),
            ground_index: FastMap::default(),
        };
        catalogue.reindex();
        catalogue
    }

    /// Load a catalogue directory laid out like `catalogues/`: `institutions.yaml`,
    /// `grounds.yaml` and `templates/*.yaml`.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Catalogue> {
        let dir = dir.as_ref();
        let mut sources = Vec::new();
        for name in [REGISTRY_FILE, GROUNDS_FILE] {
            sources.push((name.to_owned(), read(&dir.join(name))?));
        }
        if dir.join(DOMAINS_FILE).exists() {
            sources.push((DOMAINS_FILE.to_owned(), read(&dir.join(DOMAINS_FILE))?));
        }
        let tdir = dir.join(TEMPLATES_DIR);
        let mut paths: Vec<_> = std::fs::read_dir(&tdir)
            .map_err(|source| Error::Io { path: tdir.display().to_string(), source })?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        paths.sort();
        for p in paths {
            let name = format!("{TEMPLATES_DIR}{}", p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
            sources.push((name, read(&p)?));
        }
        Catalogue::from_sources(&sources)
    }

    /// Build a catalogue from (file name, YAML text) pairs. Files outside `institutions.yaml`,
    /// `grounds.yaml` and `templates/` are ignored (they belong to other modules).
    /// Every problem in every file is reported, not only the first.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Catalogue> {
        let mut errors = Vec::new();
        let find = |name: &str| sources.iter().find(|(p, _)| p == name);
        let registry = match find(REGISTRY_FILE) {
            Some((p, t)) => parse_yaml::<InstitutionRegistry>(p, t).map_err(|e| errors.push(e)).ok(),
            None => {
                errors.push(missing_file(REGISTRY_FILE));
                None
            }
        };
        let grounds = match find(GROUNDS_FILE) {
            Some((p, t)) => parse_yaml::<GroundSet>(p, t).map_err(|e| errors.push(e)).ok(),
            None => {
                errors.push(missing_file(GROUNDS_FILE));
                None
            }
        };
        let domains = match find(DOMAINS_FILE) {
            Some((p, t)) => parse_yaml::<DomainRegistry>(p, t).map_err(|e| errors.push(e)).ok(),
            None => Some(DomainRegistry::default()),
        };
        let mut templates = Vec::new();
        let mut sources_by_id = HashMap::new();
        let mut texts = HashMap::new();
        for (path, text) in sources.iter().filter(|(p, _)| p.starts_with(TEMPLATES_DIR)) {
            match parse_yaml::<Template>(path, text) {
                Ok(mut t) => {
                    inherit_domain(&mut t);
                    sources_by_id.insert(t.id.clone(), path.clone());
                    texts.insert(path.clone(), text.as_str());
                    templates.push(t);
                }
                Err(e) => errors.push(e),
            }
        }
        let (Some(registry), Some(grounds), Some(domains)) = (registry, grounds, domains) else {
            return Err(Error::Many(errors));
        };
        let mut catalogue = Catalogue {
            registry,
            domains,
            templates,
            grounds,
            overlays: Vec::new(),
            sources: sources_by_id,
            item_index: FastMap::default(),
            ground_index: FastMap::default(),
        };
        // Rule checks on the typed data, with lines looked up in the source texts.
        let texts: HashMap<String, String> = texts.into_iter().map(|(k, v)| (k, v.to_owned())).collect();
        for finding in lint::check_catalogue(&catalogue, &texts) {
            if finding.diagnostic.severity == crate::Severity::Error {
                errors.push(finding.into_error());
            }
        }
        if !errors.is_empty() {
            return Err(Error::Many(errors));
        }
        catalogue.reindex();
        Ok(catalogue)
    }

    fn reindex(&mut self) {
        self.item_index.clear();
        for (ti, t) in self.templates.iter().enumerate() {
            for (ii, item) in t.items.iter().enumerate() {
                self.item_index.insert(item.id.clone(), (ti, ii));
            }
        }
        self.ground_index = self.grounds.grounds.iter().enumerate().map(|(i, g)| (g.id.clone(), i)).collect();
    }

    /// A copy of this catalogue with an overlay added, after linting it. An overlay with any
    /// error-severity finding is rejected with all its findings.
    pub fn with_overlay(&self, file: &str, text: &str) -> Result<Catalogue> {
        let overlay = parse_yaml::<Overlay>(file, text)?;
        Finding::reject_errors(lint::check_overlay(self, &overlay, file, text))?;
        let mut next = self.clone();
        next.sources.insert(overlay.id.clone(), file.to_owned());
        next.overlays.push(overlay);
        Ok(next)
    }

    /// Read an overlay file and add it (see [`Catalogue::with_overlay`]).
    pub fn with_overlay_file(&self, path: impl AsRef<Path>) -> Result<Catalogue> {
        let path = path.as_ref();
        let text = read(path)?;
        self.with_overlay(&path.display().to_string(), &text)
    }

    pub fn registry(&self) -> &InstitutionRegistry {
        &self.registry
    }

    /// The grassroots domains and disclosure levels (`domains.yaml`).
    pub fn domains(&self) -> &DomainRegistry {
        &self.domains
    }

    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id == id)
    }

    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The file a template or overlay was loaded from.
    pub fn source_of(&self, id: &str) -> Option<&str> {
        self.sources.get(id).map(String::as_str)
    }

    /// An item of an embedded template or of an overlay, with the id of where it is defined.
    pub fn item(&self, id: &str) -> Option<(&Item, &str)> {
        if let Some(&(ti, ii)) = self.item_index.get(id) {
            let t = &self.templates[ti];
            return Some((&t.items[ii], t.id.as_str()));
        }
        self.overlays.iter().find_map(|o| o.items.iter().find(|i| i.id == id).map(|i| (i, o.id.as_str())))
    }

    /// Every item of every template and overlay.
    pub fn all_items(&self) -> impl Iterator<Item = (&Item, &str)> {
        self.templates
            .iter()
            .flat_map(|t| t.items.iter().map(move |i| (i, t.id.as_str())))
            .chain(self.overlays.iter().flat_map(|o| o.items.iter().map(move |i| (i, o.id.as_str()))))
    }

    pub fn grounds(&self) -> &[Ground] {
        &self.grounds.grounds
    }

    pub fn ground(&self, id: &str) -> Option<&Ground> {
        self.ground_index.get(id).map(|&i| &self.grounds.grounds[i])
    }

    pub fn ground_set(&self) -> &GroundSet {
        &self.grounds
    }

    pub fn response_type(&self, t: ResponseType) -> Option<&ResponseTypeInfo> {
        self.grounds.response_types.iter().find(|r| r.id == t)
    }

    /// Ancestors of a template, nearest first (the template itself excluded).
    pub fn ancestors<'a>(&'a self, template: &'a Template) -> Vec<&'a Template> {
        let mut out: Vec<&Template> = Vec::new();
        let mut cur = template;
        while let Some(parent) = cur.extends.as_deref().and_then(|p| self.template(p)) {
            if out.iter().any(|t| t.id == parent.id) || parent.id == template.id {
                break; // cycles are rejected at load; never loop on bad data
            }
            out.push(parent);
            cur = parent;
        }
        out
    }
}

/// Rows of a domain template carry the template's domain unless they name one.
fn inherit_domain(t: &mut Template) {
    if let Some(domain) = &t.domain {
        for item in t.items.iter_mut().filter(|i| i.domain.is_none()) {
            item.domain = Some(domain.clone());
        }
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.display().to_string(), source })
}

fn missing_file(name: &str) -> Error {
    Error::Catalogue {
        code: "catalogue_missing_file",
        location: Location { file: name.to_owned(), ..Default::default() },
        message: format!("catalogue file `{name}` is missing"),
    }
}
