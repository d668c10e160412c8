//! The checker: per-catalogue caches (items resolved per institution, compiled field schemas)
//! and the order in which rules run.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, OnceLock, RwLock};

use serde_json::{Map, Value};

use super::codes::*;
use super::compiled::Compiled;
use super::record::{InstitutionRef, Publication, Reader, read_publication};
use super::rules::{self, Ctx};
use super::{CheckOptions, CheckedRecord, bridge, json_error, parse_doc};
use crate::Catalogue;
use crate::diagnostics::{Diagnostic, Message, SharedText, concat, message};
use crate::error::Result;
use crate::model::{FastMap, Text};
use crate::record::{Doc, Node};

/// Checks records against one catalogue, caching what is costly: the items that apply to each
/// institution (kind, tier, role, sector) and each item's compiled field schema. Share one
/// across threads (it is `Sync`).
pub struct Checker<'c> {
    cat: CatalogueRef<'c>,
    /// Tells this checker's scopes apart in each thread's [`SCOPE_CACHE`].
    id: u64,
    scopes: RwLock<Vec<Arc<Scope>>>,
    /// Every item of the catalogue by id, compiled on first use, for records that name an item
    /// outside their institution's scope (or have no institution). The map is made whole the
    /// first time one is needed, so looking one up takes no lock.
    loose: OnceLock<FastMap<String, OnceLock<Compiled>>>,
}

/// The catalogue a checker works on: borrowed, or shared with it (so bindings can keep a
/// checker beside a catalogue they own, e.g. one with overlays loaded at run time).
enum CatalogueRef<'c> {
    Borrowed(&'c Catalogue),
    Shared(Arc<Catalogue>),
}

#[derive(PartialEq, Eq)]
struct ScopeKey {
    kind: String,
    tier: String,
    role: Option<String>,
    sector: Option<String>,
}

impl ScopeKey {
    fn of(inst: &InstitutionRef<'_>) -> Self {
        ScopeKey {
            kind: inst.kind.to_owned(),
            tier: inst.tier.to_owned(),
            role: inst.role.map(str::to_owned),
            sector: inst.sector.map(str::to_owned),
        }
    }

    fn matches(&self, i: &InstitutionRef<'_>) -> bool {
        self.kind == i.kind
            && self.tier == i.tier
            && self.role.as_deref() == i.role
            && self.sector.as_deref() == i.sector
    }
}

/// Scopes each thread keeps at hand, with the id of the checker they belong to. At most this
/// many, so a dropped checker's scopes live on only until newer ones push them out.
const SCOPE_CACHE_SIZE: usize = 16;

thread_local! {
    static SCOPE_CACHE: RefCell<Vec<(u64, Arc<Scope>)>> = const { RefCell::new(Vec::new()) };
}

/// The items that apply to one institution, or why the institution is not recognised.
struct Scope {
    key: ScopeKey,
    /// `kind/tier[/role][/sector]` as messages quote it, and the help of `item_not_applicable`
    /// here, written out once and shared by each diagnostic; empty for an institution not
    /// recognised (its values come from the record, and are never kept).
    label: Arc<str>,
    not_applicable_help: SharedText,
    invalid: Option<(String, Message)>,
    items: FastMap<String, Arc<Compiled>>,
}

static EMBEDDED: LazyLock<Checker<'static>> = LazyLock::new(|| Checker::new(Catalogue::embedded()));

pub(crate) fn embedded_checker() -> &'static Checker<'static> {
    &EMBEDDED
}

static EMPTY_OBJECT: LazyLock<Value> = LazyLock::new(|| Value::Object(Map::new()));

impl Checker<'static> {
    /// The shared checker of the embedded catalogue (what [`super::check_value`] uses for it).
    pub fn embedded() -> &'static Checker<'static> {
        &EMBEDDED
    }

    /// A checker that keeps the catalogue alive itself: hold it for as long as the catalogue
    /// is in use, and its caches are reused across calls.
    pub fn shared(cat: Arc<Catalogue>) -> Self {
        Self::with_ref(CatalogueRef::Shared(cat))
    }
}

impl<'c> Checker<'c> {
    pub fn new(cat: &'c Catalogue) -> Self {
        Self::with_ref(CatalogueRef::Borrowed(cat))
    }

    fn with_ref(cat: CatalogueRef<'c>) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Self { cat, id, scopes: RwLock::new(Vec::new()), loose: OnceLock::new() }
    }

    pub fn catalogue(&self) -> &Catalogue {
        match &self.cat {
            CatalogueRef::Borrowed(c) => c,
            CatalogueRef::Shared(c) => c,
        }
    }

    /// Check one record (a publication or a request).
    pub fn check_value(&self, record: &Value, opts: &CheckOptions) -> Vec<Diagnostic> {
        self.check_node(Node::Value(record), opts)
    }

    /// Check one record from whichever tree holds it: every front door comes here.
    pub fn check_node(&self, record: Node<'_>, opts: &CheckOptions) -> Vec<Diagnostic> {
        // Room for the few findings a record usually has: grown from empty, the vector was
        // allocated, then reallocated and copied at the fifth.
        let mut out = Vec::with_capacity(8);
        let mut reader = Reader { diags: &mut out, unknown: opts.unknown_members };
        if !record.is_object() {
            reader.diags.push(Diagnostic::new(
                &RECORD_NOT_OBJECT,
                "",
                message!(
                    "记录应为 JSON 对象，实际为 {0}",
                    "a record must be a JSON object, found {0}",
                    record.type_name()
                ),
            ));
            return out;
        }
        match record.get("kind") {
            Some(k) if k.as_str() == Some("publication") => self.check_publication(record, opts, &mut out),
            Some(k) if k.as_str() == Some("request") => {
                out.extend(bridge::check_request(self.catalogue(), record, opts))
            }
            Some(k) => match k.as_str() {
                Some(k) => out.push(
                    Diagnostic::new(
                        &RECORD_UNKNOWN_KIND,
                        "/kind",
                        message!("未知的记录类别 `{0}`", "unknown record kind `{0}`", k),
                    )
                    .with_help(if k == "site" {
                        // A site snapshot is a whole website, not one record: its own command.
                        Text::new(
                            "这是网站检查快照：请用 `gongkai site check 文件 --as-of 日期` 检查",
                            "this is a site snapshot: check it with `gongkai site check FILE --as-of DATE`",
                        )
                    } else {
                        Text::new(
                            "kind 应为 `publication`（主动公开）或 `request`（依申请公开）",
                            "`kind` is `publication` (proactive) or `request` (on request)",
                        )
                    }),
                ),
                None => reader.wrong_type("/kind".into(), "string", k),
            },
            None => reader.missing("/kind".into(), "记录类别"),
        }
        out
    }

    fn check_publication(&self, record: Node<'_>, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
        let unknown = opts.unknown_members;
        if record.get("nothing_arose").and_then(Node::as_bool) == Some(true) {
            // A statement that nothing arose carries no content, dates or channels: keep what the
            // reader says about its institution and item, and check the item applies.
            let mut read = Vec::new();
            let rec: Publication<'_> = read_publication(record, &mut Reader { diags: &mut read, unknown });
            out.extend(read.into_iter().filter(|d| d.path.starts_with("/institution") || d.path.starts_with("/item")));
            return self.check_read_publication(&rec, opts, out);
        }
        let rec: Publication<'_> = read_publication(record, &mut Reader { diags: out, unknown });
        self.check_read_publication(&rec, opts, out);
    }

    /// Run every rule on a publication record already read.
    fn check_read_publication(&self, rec: &Publication<'_>, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
        let Some(inst) = rec.institution.as_ref() else {
            return self.check_in_scope(rec, None, opts, out);
        };
        // The scope comes from this thread's cache, lent for the record: on a hit nothing
        // shared between threads is written. Before, every record took the scopes' read lock
        // and two reference counts, the same few cache lines written by every check thread.
        let cached = SCOPE_CACHE.try_with(|cache| {
            let Ok(mut cache) = cache.try_borrow_mut() else { return false };
            let at = match cache.iter().position(|(id, s)| *id == self.id && s.key.matches(inst)) {
                Some(at) => at,
                None => {
                    if cache.len() == SCOPE_CACHE_SIZE {
                        cache.remove(0);
                    }
                    cache.push((self.id, self.scope(inst)));
                    cache.len() - 1
                }
            };
            self.check_in_scope(rec, Some(&cache[at].1), opts, out);
            true
        });
        if cached != Ok(true) {
            let scope = self.scope(inst);
            self.check_in_scope(rec, Some(&scope), opts, out);
        }
    }

    fn check_in_scope(
        &self,
        rec: &Publication<'_>,
        scope: Option<&Scope>,
        opts: &CheckOptions,
        out: &mut Vec<Diagnostic>,
    ) {
        if let Some((path, msg)) = scope.and_then(|s| s.invalid.as_ref()) {
            out.push(Diagnostic::new(&RECORD_UNKNOWN_INSTITUTION, path.clone(), msg.clone()));
        }
        let compiled = match rec.item {
            Some(id) => match scope.and_then(|s| s.items.get(id)) {
                Some(c) => Some(&**c),
                None => self.loose_item(id, scope, rec, out),
            },
            None => None,
        };
        if rec.nothing_arose {
            return;
        }
        let item = compiled.map(|c| &c.item);
        let ctx = Ctx { cat: self.catalogue(), opts, rec, item, texts: compiled.map(Compiled::texts) };
        if let Some(c) = compiled {
            rules::fields::check(&ctx, c, rec.fields.unwrap_or(Node::Value(&EMPTY_OBJECT)), out);
        }
        for rule in rules::RULES {
            rule(&ctx, out);
        }
    }

    /// An item the record names that is not among those that apply to its institution:
    /// reports it as unknown or as not applicable.
    fn loose_item(
        &self,
        id: &str,
        scope: Option<&Scope>,
        rec: &Publication<'_>,
        out: &mut Vec<Diagnostic>,
    ) -> Option<&Compiled> {
        let loose = self
            .loose
            .get_or_init(|| self.catalogue().all_items().map(|(item, _)| (item.id.clone(), OnceLock::new())).collect());
        let known = self.catalogue().item(id).zip(loose.get(id));
        let Some(((item, source), slot)) = known else {
            out.push(
                Diagnostic::new(
                    &ITEM_UNKNOWN,
                    "/item",
                    message!("目录中没有公开事项 `{0}`", "unknown catalogue item `{0}`", id),
                )
                .with_help(Text::new(
                    "用 `gongkai catalogue list` 查看事项标识",
                    "run `gongkai catalogue list` for the item ids",
                )),
            );
            return None;
        };
        let compiled = slot.get_or_init(|| Compiled::new(item.clone(), source));
        if let (Some(scope), Some(inst)) = (scope, rec.institution.as_ref())
            && scope.invalid.is_none()
        {
            if rules::annual_report::national_report_below_county(&compiled.item, inst) {
                out.push(rules::annual_report::below_county(scope.items.values().map(|c| &c.item)));
            } else {
                let texts = compiled.texts();
                out.push(
                    Diagnostic::new(
                        &ITEM_NOT_APPLICABLE,
                        "/item",
                        message!(
                            "公开事项 `{0}`（来自 `{1}`）不适用于 `{2}`",
                            "item `{0}` (from `{1}`) does not apply to `{2}`",
                            &texts.id,
                            &texts.source,
                            &scope.label
                        ),
                    )
                    .with_help(scope.not_applicable_help.message()),
                );
            }
        }
        Some(compiled)
    }

    fn scope(&self, inst: &InstitutionRef<'_>) -> Arc<Scope> {
        if let Ok(scopes) = self.scopes.read()
            && let Some(s) = scopes.iter().find(|s| s.key.matches(inst))
        {
            return s.clone();
        }
        let scope = Arc::new(self.build_scope(inst));
        if let Ok(mut scopes) = self.scopes.write()
            && !scopes.iter().any(|s| s.key.matches(inst))
        {
            scopes.push(scope.clone());
        }
        scope
    }

    fn build_scope(&self, inst: &InstitutionRef<'_>) -> Scope {
        let registry = self.catalogue().registry();
        let invalid = |path: &str, what_zh: &str, what_en: &str, value: &str, allowed: Vec<&str>| {
            let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
            Scope {
                key: ScopeKey::of(inst),
                label: Arc::from(""),
                not_applicable_help: SharedText::empty(),
                invalid: Some((
                    path.to_owned(),
                    message!(
                        "未知的机构{0} `{1}`（可选：{2}）",
                        "unknown institution {3} `{1}` (expected one of {2})",
                        what_zh,
                        value,
                        list,
                        what_en
                    ),
                )),
                items: FastMap::default(),
            }
        };
        let Some(kind) = registry.kind(inst.kind) else {
            return invalid(
                "/institution/kind",
                "类别",
                "kind",
                inst.kind,
                registry.kinds.iter().map(|k| k.id.as_str()).collect(),
            );
        };
        if !kind.has_tier(inst.tier) {
            return invalid(
                "/institution/tier",
                "层级",
                "tier",
                inst.tier,
                kind.tiers.iter().map(|t| t.id.as_str()).collect(),
            );
        }
        if let Some(role) = inst.role.filter(|r| !kind.has_role(r)) {
            return invalid(
                "/institution/role",
                "角色",
                "role",
                role,
                kind.roles.iter().map(|t| t.id.as_str()).collect(),
            );
        }
        if let Some(sector) = inst.sector.filter(|s| !kind.has_sector(s)) {
            return invalid(
                "/institution/sector",
                "领域",
                "sector",
                sector,
                kind.sectors.iter().map(|t| t.id.as_str()).collect(),
            );
        }
        match self.catalogue().resolve(&inst.to_owned()) {
            Ok(resolved) => Scope {
                key: ScopeKey::of(inst),
                label: Arc::from(inst_label(inst)),
                not_applicable_help: SharedText::of(&message!(
                    "用 `gongkai catalogue resolve --kind {0} --tier {1}` 查看适用的事项",
                    "run `gongkai catalogue resolve --kind {0} --tier {1}` for the items that apply",
                    inst.kind,
                    inst.tier
                )),
                invalid: None,
                items: resolved
                    .items
                    .into_iter()
                    .map(|ri| (ri.item.id.clone(), Arc::new(Compiled::new(ri.item.into_owned(), ri.source))))
                    .collect(),
            },
            Err(e) => Scope {
                key: ScopeKey::of(inst),
                label: Arc::from(""),
                not_applicable_help: SharedText::empty(),
                invalid: Some(("/institution".to_owned(), Text::new(e.to_string(), e.to_string()).into())),
                items: FastMap::default(),
            },
        }
    }
}

fn inst_label(i: &InstitutionRef<'_>) -> String {
    let mut s = concat(&[i.kind, "/", i.tier]);
    for part in [i.role, i.sector].into_iter().flatten() {
        s.push('/');
        s.push_str(part);
    }
    s
}

impl Checker<'_> {
    /// Parse one record from JSON text and check it, as [`check_json`](super::check_json) does.
    pub fn check_json(&self, text: &str, opts: &CheckOptions) -> Result<Vec<Diagnostic>> {
        self.check_text(text, opts).map(|c| c.diagnostics).map_err(|e| json_error(&e, text))
    }

    /// Parse one record from JSON text and check it, keeping its `id`. A syntax error is returned
    /// as serde_json's, for [`super::input::json_error_diagnostic_at`] with the line in the caller's file.
    ///
    /// The text is read into a tree that borrows its strings ([`Doc`]) and checked by the same
    /// reader as a `Value` ([`Checker::check_node`]): the same diagnostics either way.
    ///
    /// ```
    /// use gongkai::{Catalogue, check::{CheckOptions, Checker}};
    /// let checker = Checker::new(Catalogue::embedded());
    /// let opts = CheckOptions::default();
    /// let record = r#"{"kind": "publication", "id": 7, "item": "admin.art20.99"}"#;
    /// let checked = checker.check_text(record, &opts).unwrap();
    /// assert_eq!(checked.id, 7);
    /// assert!(checked.diagnostics.iter().any(|d| d.code == "item_unknown"));
    /// assert_eq!(checker.check_text("{\n  \"id\": }", &opts).unwrap_err().line(), 2);
    /// ```
    pub fn check_text(&self, text: &str, opts: &CheckOptions) -> std::result::Result<CheckedRecord, serde_json::Error> {
        Ok(self.check_doc(&parse_doc(text)?, opts))
    }

    /// Check a record lent by any serde deserializer whose strings live for `'de` (a binding's
    /// own tree of host-language strings), read without copying them. `None` when the
    /// deserializer fails (a value with no JSON form); the diagnostics are those of the same
    /// record as a `Value`.
    ///
    /// ```
    /// use gongkai::{Catalogue, check::{CheckOptions, Checker}};
    /// use serde_json::json;
    /// let checker = Checker::new(Catalogue::embedded());
    /// let record = json!({"kind": "publication", "item": "admin.art20.99",
    ///     "institution": {"kind": "administrative", "tier": "county"}, "title": "t",
    ///     "formed": "2026-03-02", "channels": ["government_website"]});
    /// let checked = checker.check_borrowed(&record, &CheckOptions::default()).unwrap();
    /// assert!(checked.diagnostics.iter().any(|d| d.code == "item_unknown"));
    /// ```
    pub fn check_borrowed<'de, D: serde::Deserializer<'de>>(
        &self,
        record: D,
        opts: &CheckOptions,
    ) -> Option<CheckedRecord> {
        use serde::Deserialize;
        Some(self.check_doc(&Doc::deserialize(record).ok()?, opts))
    }

    fn check_doc(&self, doc: &Doc<'_>, opts: &CheckOptions) -> CheckedRecord {
        let node = Node::Doc(doc);
        let id = node.get("id").map_or(Value::Null, |id| id.to_value().into_owned());
        CheckedRecord { id, diagnostics: self.check_node(node, opts) }
    }
}
