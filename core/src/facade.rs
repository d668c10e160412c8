//! The one facade: every operation the CLI, Python and the browser offer is a typed call here
//! (a request type or typed arguments in, an answer type out: `CheckRequestOptions` →
//! `PreparedCheck`, `RequestTimelineOptions` → `RequestTimelineAnswer`, `DeadlineQuery` →
//! `DeadlineAnswer`, `day_on` → `DayAnswer`, …), and each has a JSON form (`serde_json::Value`
//! in and out, the shapes the CLI prints) for the bindings that hand JSON across. Bindings only
//! convert their language's values into the requests and the answers and errors back. No rule
//! logic lives here: each call delegates to the module that owns it.
//!
//! Errors come back as one [`CallError`]: a stable `code`, a message, and where the problem is
//! (a JSON pointer into the argument, or file/line/column for YAML and JSON text). A problem of
//! a record is a diagnostic inside the answer, never an error.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use chrono::NaiveDate;

use crate::calendar::{Calendar, CalendarError};
use crate::check::{CheckOptions, Checker, input};
use crate::deadlines;
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Location};
use crate::filter::{Filter, Selection};
use crate::model::{Institution, Item};
use crate::registry::codes as all_codes;
use crate::screening::{self, RedactMode, ScanOptions};
use crate::{Catalogue, Lang};

/// An error for a binding to raise: `code` is stable snake_case (the same as [`Error::code`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[error("{message}")]
#[non_exhaustive]
pub struct CallError {
    /// Stable snake_case: `invalid_argument`, `invalid_date`, `invalid_json`, `invalid_yaml`,
    /// `unknown_id`, `unknown_selector`, `calendar_year_not_covered`, a catalogue finding's code …
    pub code: &'static str,
    pub message: String,
    /// JSON pointer (into the argument or the document) of the offending value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Every problem when there were several (e.g. all the findings of a rejected overlay).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional, type = "CallError[]"))]
    pub errors: Box<[CallError]>,
}

impl CallError {
    /// An error with a stable `code` (snake_case) and a message, and nothing located.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        CallError {
            code,
            message: message.into(),
            path: None,
            file: None,
            line: None,
            column: None,
            errors: Box::default(),
        }
    }

    /// The same error, in the file named `file`.
    pub fn in_file(mut self, file: Option<String>) -> Self {
        self.file = file;
        self
    }

    /// The same error, at a JSON pointer `path` (into the argument or the document).
    pub fn at(mut self, path: &str) -> Self {
        self.path = Some(path.to_owned());
        self
    }

    /// An error about an argument: `path` is a JSON pointer into it.
    pub fn argument(path: &str, message: impl Into<String>) -> Self {
        CallError {
            code: "invalid_argument",
            message: message.into(),
            path: Some(path.to_owned()),
            file: None,
            line: None,
            column: None,
            errors: Box::default(),
        }
    }
}

impl From<Error> for CallError {
    fn from(e: Error) -> Self {
        let errors = match &e {
            Error::Many(list) => list.iter().map(CallError::from_ref).collect(),
            _ => Vec::new(),
        };
        let mut out = CallError::from_ref(&e);
        out.errors = errors.into_boxed_slice();
        out
    }
}

impl CallError {
    fn from_ref(e: &Error) -> Self {
        let loc: Option<&Location> = e.location();
        CallError {
            code: e.code(),
            message: e.to_string(),
            path: loc.and_then(|l| l.path.clone()),
            file: loc.map(|l| l.file.clone()).filter(|f| !f.is_empty()),
            line: loc.and_then(|l| l.line),
            column: loc.and_then(|l| l.column),
            errors: Box::default(),
        }
    }
}

pub type CallResult<T = Value> = std::result::Result<T, CallError>;

/// The TypeScript declarations of the facade's request/answer types, derived from the Rust types
/// by tsify (the WebAssembly package's .d.ts carries the same text).
#[cfg(feature = "typescript")]
pub fn typescript_declarations() -> String {
    use crate::{calendar, deadlines, fees, model, site};
    use tsify::Tsify;
    [
        // What the calls take, and the error they give.
        CallError::DECL,
        CheckRequestOptions::DECL,
        RequestTimelineOptions::DECL,
        ItemsQuery::DECL,
        // The catalogue's model, as `items`, `item`, `grounds`, `institutions` and `domains` answer it.
        model::Text::DECL,
        model::Status::DECL,
        model::Citation::DECL,
        model::Item::DECL,
        model::Element::DECL,
        model::ElementType::DECL,
        model::Variant::DECL,
        model::Mode::DECL,
        model::Audience::DECL,
        model::Timing::DECL,
        model::TimingStart::DECL,
        model::Period::DECL,
        model::Flags::DECL,
        model::PersonalDataRule::DECL,
        model::WithdrawalRule::DECL,
        model::Ground::DECL,
        model::Nature::DECL,
        model::InstitutionRegistry::DECL,
        model::KindInfo::DECL,
        model::TierInfo::DECL,
        model::Complaint::DECL,
        model::DomainRegistry::DECL,
        model::LevelInfo::DECL,
        model::DomainInfo::DECL,
        model::MissingRow::DECL,
        DomainsAnswer::DECL,
        DomainAnswer::DECL,
        ItemAnswer::DECL,
        // Diagnostics and codes.
        crate::diagnostics::Severity::DECL,
        crate::diagnostics::CodeInfo::DECL,
        crate::diagnostics::LOCALIZED_DIAGNOSTIC_TS,
        // Calendar, deadlines, requests and fees.
        calendar::DayKind::DECL,
        DayAnswer::DECL,
        calendar::statutory::StatutoryDay::DECL,
        calendar::statutory::ProvisionalYear::DECL,
        deadlines::ExcludedReason::DECL,
        deadlines::ExcludedSpan::DECL,
        deadlines::Explanation::DECL,
        deadlines::Deadline::DECL,
        DeadlineAnswer::DECL,
        deadlines::request::ClockState::DECL,
        deadlines::request::RequestClock::DECL,
        deadlines::request::Timeline::DECL,
        RequestTimelineAnswer::DECL,
        fees::BandCharge::DECL,
        fees::Fee::DECL,
        // Screening.
        screening::Kind::DECL,
        screening::Finding::DECL,
        screening::Change::DECL,
        screening::Redaction::DECL,
        // Site checks and 条例第四十四条 candidates.
        site::SITE_CHECK_TS,
        site::Candidate::DECL,
        site::CandidateRequest::DECL,
        CandidatesAnswer::DECL,
    ]
    .join("\n")
}

/// A string member of an options object: absent or null is `None`, any other non-string is an error.
pub fn opt_str<'a>(options: &'a Value, key: &str) -> CallResult<Option<&'a str>> {
    match options {
        Value::Null => Ok(None),
        Value::Object(m) => match m.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(CallError::argument(
                &format!("/{key}"),
                format!("`{key}` must be a string, not {}", type_name(other)),
            )),
        },
        other => Err(CallError::argument("", format!("options must be an object, not {}", type_name(other)))),
    }
}

/// The output language named by `options.lang` (default Chinese).
pub fn opt_lang(options: &Value) -> CallResult<Lang> {
    match opt_str(options, "lang")? {
        None => Ok(Lang::Zh),
        Some(s) => s.parse().map_err(|m: String| CallError::argument("/lang", m)),
    }
}

/// The JSON type of a value, for messages.
pub use crate::diagnostics::type_name;

fn to_value<T: Serialize>(v: &T) -> Value {
    // Serialising the model's own types cannot fail (string keys, no non-finite floats).
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The institution registry: kinds with their tiers, roles and sectors.
pub fn institutions(cat: &Catalogue) -> Value {
    to_value(cat.registry())
}

/// The grassroots domains and disclosure levels (`catalogues/domains.yaml`), each domain with its
/// template id, row count and the rows its sources show but that are not encoded.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct DomainsAnswer<'a> {
    pub levels: &'a [crate::model::LevelInfo],
    pub domains: Vec<DomainAnswer<'a>>,
}

/// One grassroots domain with the template that encodes its rows (none: no template yet).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct DomainAnswer<'a> {
    #[serde(flatten)]
    pub domain: &'a crate::model::DomainInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<&'a str>,
    /// The template's rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<usize>,
    /// Rows the sources show but that are not encoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(type = "MissingRow[]"))]
    pub missing_rows: Option<&'a [crate::model::MissingRow]>,
}

/// The domains and levels as `gongkai catalogue domains`, Python's `Catalogue.domains` and the
/// browser's `domains` give them.
pub fn domains_with(cat: &Catalogue) -> DomainsAnswer<'_> {
    let registry = cat.domains();
    let domains = registry
        .domains
        .iter()
        .map(|domain| {
            let template = cat.templates().iter().find(|t| t.domain.as_deref() == Some(domain.id.as_str()));
            DomainAnswer {
                domain,
                template: template.map(|t| t.id.as_str()),
                rows: template.map(|t| t.items.len()),
                missing_rows: template.map(|t| t.missing_rows.as_slice()),
            }
        })
        .collect();
    DomainsAnswer { levels: &registry.levels, domains }
}

/// [`domains_with`] as JSON.
pub fn domains(cat: &Catalogue) -> Value {
    to_value(&domains_with(cat))
}

/// Which items to list (`gongkai catalogue`, Python's `Catalogue.items`, the browser's `items`):
/// an institution (`kind`, `tier`, `role`, `sector`, each optional; a tier, role or sector needs
/// a kind), narrowed to one grassroots `domain` (`社会救助` or `social_assistance`) and/or
/// `level` (`county`/`县级`, `township`/`乡级`, `village`/`村级`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(default)]
#[non_exhaustive]
pub struct ItemsQuery {
    pub kind: Option<String>,
    pub tier: Option<String>,
    pub role: Option<String>,
    pub sector: Option<String>,
    pub domain: Option<String>,
    pub level: Option<String>,
}

impl ItemsQuery {
    /// Every item.
    pub fn new() -> Self {
        Self::default()
    }

    /// The items of one institution: `kind` and, optionally, `tier` and `role`.
    pub fn institution(kind: Option<&str>, tier: Option<&str>, role: Option<&str>) -> Self {
        Self { kind: kind.map(Into::into), tier: tier.map(Into::into), role: role.map(Into::into), ..Self::default() }
    }

    pub fn with_sector(mut self, sector: Option<&str>) -> Self {
        self.sector = sector.map(Into::into);
        self
    }

    pub fn with_domain(mut self, domain: Option<&str>) -> Self {
        self.domain = domain.map(Into::into);
        self
    }

    pub fn with_level(mut self, level: Option<&str>) -> Self {
        self.level = level.map(Into::into);
        self
    }

    /// The query of a JSON object (`null`: every item); a member that is not a string is an
    /// error at its pointer.
    pub fn from_json(filter: &Value) -> CallResult<Self> {
        let get = |key: &str| opt_str(filter, key).map(|s| s.map(str::to_owned));
        Ok(Self {
            kind: get("kind")?,
            tier: get("tier")?,
            role: get("role")?,
            sector: get("sector")?,
            domain: get("domain")?,
            level: get("level")?,
        })
    }
}

/// The items a query names, each the catalogue's item object plus `source` (the defining
/// template or overlay), `level` (its levels as printed) and, when overlays changed it,
/// `changed_by`.
///
/// With a kind and a tier, the items resolved for that institution (overlays applied). With a
/// kind and a role or sector but no tier, the items resolved for each tier of the kind. With a
/// kind alone, every item of the templates and overlays that apply to the kind (whatever the
/// tier or role: the annual reports of governments and of departments both). With nothing, every
/// item.
pub fn items_with(cat: &Catalogue, query: &ItemsQuery) -> CallResult<Vec<Value>> {
    let ItemsQuery { kind, tier, role, sector, domain, level } = query;
    let (kind, tier, role, sector) = (kind.as_deref(), tier.as_deref(), role.as_deref(), sector.as_deref());
    let (domain, level) = narrowing(cat, domain.as_deref(), level.as_deref())?;
    let keep = |item: &Item| {
        domain.is_none_or(|d| item.domain.as_deref() == Some(d))
            && level.is_none_or(|l| item.levels.iter().any(|x| cat.domains().level(x).is_some_and(|i| i.id == l)))
    };
    let Some(kind) = kind else {
        if tier.is_some() || role.is_some() || sector.is_some() {
            return Err(CallError::argument("/kind", "`kind` is required when `tier`, `role` or `sector` is given"));
        }
        return Ok(cat
            .all_items()
            .filter(|(i, _)| keep(i))
            .map(|(item, source)| item_json(cat, item, source, &[]))
            .collect());
    };
    let kind_info = cat
        .registry()
        .kind(kind)
        .ok_or_else(|| with_path(Error::Unknown { what: "institution kind", id: kind.to_owned() }.into(), "/kind"))?;
    if tier.is_none() && role.is_none() && sector.is_none() {
        let for_kind = |a: &crate::model::Applicability| a.kinds.is_empty() || a.kinds.iter().any(|x| x == kind);
        let applies = |source: &str| {
            cat.template(source)
                .map(|t| &t.applies_to)
                .or_else(|| cat.overlays().iter().find(|o| o.id == source).map(|o| &o.applies_to))
                .is_none_or(for_kind)
        };
        return Ok(cat
            .all_items()
            .filter(|(item, source)| applies(source) && keep(item))
            .map(|(item, source)| item_json(cat, item, source, &[]))
            .collect());
    }
    let tiers: Vec<&str> = match tier {
        Some(t) => vec![t],
        None => kind_info.tiers.iter().map(|t| t.id.as_str()).collect(),
    };
    let mut out: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for tier in tiers {
        let mut inst = Institution::new(kind, tier, role);
        inst.sector = sector.map(str::to_owned);
        let resolved = cat.resolve(&inst).map_err(|e| {
            let path = if matches!(e, Error::Unknown { .. } | Error::UnknownAmong { .. }) { "/kind" } else { "/tier" };
            with_path(e.into(), path)
        })?;
        for ri in resolved.items.iter().filter(|ri| keep(&ri.item)) {
            if seen.insert(ri.item.id.clone()) {
                out.push(item_json(cat, &ri.item, ri.source, &ri.changed_by));
            }
        }
    }
    Ok(out)
}

/// [`items_with`] over JSON: the filter is an [`ItemsQuery`] object.
pub fn items(cat: &Catalogue, filter: &Value) -> CallResult {
    Ok(Value::Array(items_with(cat, &ItemsQuery::from_json(filter)?)?))
}

fn with_path(mut e: CallError, path: &str) -> CallError {
    e.path.get_or_insert_with(|| path.to_owned());
    e
}

/// A domain and a level named by id, key or printed title, as their ids; unknown ones are errors
/// at `/domain` and `/level` that list the known names.
fn narrowing<'a>(
    cat: &'a Catalogue,
    domain: Option<&str>,
    level: Option<&str>,
) -> CallResult<(Option<&'a str>, Option<&'a str>)> {
    let d = cat.domains();
    let domain = match domain {
        None => None,
        Some(name) => Some(d.domain(name).map(|x| x.id.as_str()).ok_or_else(|| {
            CallError::argument(
                "/domain",
                format!(
                    "unknown domain `{name}`: expected one of {}",
                    d.domains.iter().map(|x| format!("`{}`", x.id)).collect::<Vec<_>>().join(", ")
                ),
            )
        })?),
    };
    let level = match level {
        None => None,
        Some(name) => Some(d.level(name).map(|x| x.id.as_str()).ok_or_else(|| {
            CallError::argument(
                "/level",
                format!("unknown level `{name}`: expected `county` (县级), `township` (乡级) or `village` (村级)"),
            )
        })?),
    };
    Ok((domain, level))
}

/// One item as every front door shows it: the catalogue's item with `level` (its levels as the
/// catalogues print them, `县级、乡级`, a flat column next to the `levels` list), `source` (the
/// defining template or overlay) and, when overlays changed it, `changed_by`.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct ItemAnswer<'a> {
    #[serde(flatten)]
    pub item: &'a Item,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    pub source: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub changed_by: Vec<&'a str>,
}

impl<'a> ItemAnswer<'a> {
    fn new(cat: &Catalogue, item: &'a Item, source: &'a str, changed_by: &[&'a str]) -> Self {
        ItemAnswer { item, level: cat.domains().level_label(&item.levels), source, changed_by: changed_by.to_vec() }
    }
}

fn item_json(cat: &Catalogue, item: &Item, source: &str, changed_by: &[&str]) -> Value {
    to_value(&ItemAnswer::new(cat, item, source, changed_by))
}

/// One item by id (`gongkai catalogue show`, Python's `Catalogue.item`, the browser's `item`);
/// an id the catalogue does not have is `unknown_id`.
pub fn item_with<'a>(cat: &'a Catalogue, id: &str) -> CallResult<ItemAnswer<'a>> {
    let (item, source) =
        cat.item(id).ok_or_else(|| with_path(Error::Unknown { what: "item", id: id.to_owned() }.into(), ""))?;
    Ok(ItemAnswer::new(cat, item, source, &[]))
}

/// The JSON Schema (draft 2020-12) of an item's `fields` object (`gongkai schema item`,
/// Python's `Catalogue.schema`, the browser's `itemSchema`).
pub fn item_schema_with(cat: &Catalogue, id: &str) -> CallResult<Value> {
    Ok(crate::schema::item_fields_schema(item_with(cat, id)?.item))
}

/// The exemption grounds (不予公开情形), all or those of one institution kind (`gongkai grounds
/// list --kind`); an unknown kind is `unknown_id` at `/kind`.
pub fn grounds_with<'a>(cat: &'a Catalogue, kind: Option<&str>) -> CallResult<Vec<&'a crate::model::Ground>> {
    if let Some(k) = kind {
        cat.validate_kind(k).map_err(|e| with_path(e.into(), "/kind"))?;
    }
    Ok(cat.grounds().iter().filter(|g| kind.is_none_or(|k| g.kinds.iter().any(|x| x == k))).collect())
}

/// One exemption ground by id; an unknown id is `unknown_id`.
pub fn ground_with<'a>(cat: &'a Catalogue, id: &str) -> CallResult<&'a crate::model::Ground> {
    cat.ground(id).ok_or_else(|| with_path(Error::Unknown { what: "ground", id: id.to_owned() }.into(), ""))
}

/// The declared diagnostic codes, all or those of one area (`catalogue`, `check`, `input`,
/// `request`, `screening`, `report`, …), each with its severity, basis, summaries and example.
pub fn codes_with(area: Option<&str>) -> Vec<&'static crate::diagnostics::CodeInfo> {
    all_codes().into_iter().filter(|c| area.is_none_or(|a| c.area == a)).collect()
}

/// [`item_with`] as JSON.
pub fn item(cat: &Catalogue, id: &str) -> CallResult {
    Ok(to_value(&item_with(cat, id)?))
}

/// [`item_schema_with`].
pub fn item_schema(cat: &Catalogue, id: &str) -> CallResult {
    item_schema_with(cat, id)
}

/// Every exemption ground, as JSON.
pub fn grounds(cat: &Catalogue) -> Value {
    to_value(&cat.grounds())
}

/// Every declared diagnostic code, as JSON.
pub fn codes() -> Value {
    to_value(&codes_with(None))
}

/// The catalogue with an overlay (YAML text) added; every finding of a rejected overlay is in
/// the error's `errors`.
pub fn load_overlay(cat: &Catalogue, file: &str, yaml: &str) -> CallResult<Catalogue> {
    cat.with_overlay(file, yaml).map_err(CallError::from)
}

/// Parse JSON text (a record, options) with the error's line and column.
pub fn parse_json(file: &str, text: &str) -> CallResult<Value> {
    serde_json::from_str(text).map_err(|e| CallError {
        code: "invalid_json",
        message: format!("{file}:{}:{}: invalid JSON: {e}", e.line(), e.column()),
        path: Some(String::new()),
        file: Some(file.to_owned()),
        line: Some(e.line() as u32),
        column: Some(e.column() as u32),
        errors: Box::default(),
    })
}

/// An object's keys as a map, or an error naming what was given instead.
pub fn as_object<'a>(v: &'a Value, path: &str, what: &str) -> CallResult<&'a Map<String, Value>> {
    v.as_object().ok_or_else(|| CallError::argument(path, format!("{what} must be an object, not {}", type_name(v))))
}

/// The date in `options[key]` (`YYYY-MM-DD`), if any.
pub fn opt_date(options: &Value, key: &str) -> CallResult<Option<NaiveDate>> {
    opt_str(options, key)?.map(|s| parse_date(s, &format!("/{key}"))).transpose()
}

/// A boolean member of an options object (absent or null: `false`).
pub fn opt_bool(options: &Value, key: &str) -> CallResult<bool> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(other) => {
            Err(CallError::argument(&format!("/{key}"), format!("`{key}` must be a boolean, not {}", type_name(other))))
        }
    }
}

/// A `YYYY-MM-DD` date; `path` names the argument in the error.
pub fn parse_date(s: &str, path: &str) -> CallResult<NaiveDate> {
    crate::record::parse_date(s).ok_or_else(|| CallError {
        code: "invalid_date",
        ..CallError::argument(path, crate::record::date_refused(s).en.to_string())
    })
}

/// What a check is asked to do: the options every front door takes (the CLI's flags and
/// settings file, Python's keyword arguments, the options object of the browser's `check`).
/// Read from JSON with [`CheckRequestOptions::from_json`] (errors at a JSON pointer), or built
/// with the `with_*` methods; [`CheckRequestOptions::prepare`] turns it into the checker's
/// [`CheckOptions`] and the [`Filter`] applied to what the check finds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(default)]
#[non_exhaustive]
pub struct CheckRequestOptions {
    /// `YYYY-MM-DD`: records without a `published` date are timed against it (overdue items),
    /// and unanswered requests' reply clocks are read on it.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub today: Option<NaiveDate>,
    /// The messages' language (`zh`, the default, or `en`).
    #[cfg_attr(feature = "typescript", tsify(type = "\"zh\" | \"en\""))]
    pub lang: Lang,
    /// Do not screen text for personal data and classification markings.
    pub skip_screening: bool,
    /// Refuse provisional years (no State Council notice loaded): a time limit in such a year
    /// is not checked.
    pub strict_calendar: bool,
    /// Members the record format does not define are errors, not warnings.
    pub strict_members: bool,
    /// Report only these codes: codes, prefixes (`screening`, `request_fee`), areas (`check`)
    /// or `ALL`. Empty: every code.
    pub select: Vec<String>,
    /// Do not report these codes (named as for `select`); the more specific selector wins.
    pub ignore: Vec<String>,
}

/// A [`CheckRequestOptions`] made ready: the checker's options, the language of the answer and
/// the filter of what is reported (the selection and each record's own `x-gongkai`
/// suppressions).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct PreparedCheck {
    pub options: CheckOptions,
    pub lang: Lang,
    pub filter: Filter,
}

impl CheckRequestOptions {
    /// The defaults: every code, Chinese messages, screening on.
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_today(mut self, today: Option<NaiveDate>) -> Self {
        self.today = today;
        self
    }

    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn with_skip_screening(mut self, skip: bool) -> Self {
        self.skip_screening = skip;
        self
    }

    pub fn with_strict_calendar(mut self, strict: bool) -> Self {
        self.strict_calendar = strict;
        self
    }

    pub fn with_strict_members(mut self, strict: bool) -> Self {
        self.strict_members = strict;
        self
    }

    pub fn with_select(mut self, select: Vec<String>) -> Self {
        self.select = select;
        self
    }

    pub fn with_ignore(mut self, ignore: Vec<String>) -> Self {
        self.ignore = ignore;
        self
    }

    /// The options of a JSON object (`null`: the defaults). A member of the wrong type is an
    /// `invalid_argument` error at its pointer (`/select/1`), a bad `today` `invalid_date`;
    /// members it does not know are left alone, as in every options object of the facade.
    pub fn from_json(options: &Value) -> CallResult<Self> {
        Ok(Self {
            today: opt_date(options, "today")?,
            lang: opt_lang(options)?,
            skip_screening: opt_bool(options, "skip_screening")?,
            strict_calendar: opt_bool(options, "strict_calendar")?,
            strict_members: opt_bool(options, "strict_members")?,
            select: opt_strings(options, "select")?,
            ignore: opt_strings(options, "ignore")?,
        })
    }

    /// The checker's options and the filter. A selector that names no code is an
    /// `unknown_selector` error at `/select` or `/ignore` (with the nearest code when there is
    /// one): a typo is an error, not a silent no-op.
    pub fn prepare(&self) -> CallResult<PreparedCheck> {
        let select: Vec<&str> = self.select.iter().map(String::as_str).collect();
        let ignore: Vec<&str> = self.ignore.iter().map(String::as_str).collect();
        let selection = Selection::new(&select, &ignore).map_err(|e| {
            let path = if self.select.contains(&e.selector) { "/select" } else { "/ignore" };
            CallError::new("unknown_selector", e.to_string()).at(path)
        })?;
        let mut options = CheckOptions::default()
            .with_lang(self.lang)
            .with_skip_screening(self.skip_screening)
            .with_strict_calendar(self.strict_calendar)
            .with_strict_members(self.strict_members);
        if let Some(today) = self.today {
            options = options.with_today(today);
        }
        Ok(PreparedCheck { options, lang: self.lang, filter: Filter::new(selection) })
    }
}

/// A list of strings in `options[key]`: absent or null is empty, one string is a list of one.
fn opt_strings(options: &Value, key: &str) -> CallResult<Vec<String>> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_owned).ok_or_else(|| {
                    CallError::argument(
                        &format!("/{key}/{i}"),
                        format!("`{key}` must list codes as strings, not {}", type_name(v)),
                    )
                })
            })
            .collect(),
        Some(other) => Err(CallError::argument(
            &format!("/{key}"),
            format!("`{key}` must be a list of codes, not {}", type_name(other)),
        )),
    }
}

/// Check options from a JSON object (see [`CheckRequestOptions`]), made ready.
pub fn check_options(options: &Value) -> CallResult<PreparedCheck> {
    CheckRequestOptions::from_json(options)?.prepare()
}

fn diagnostics_json(diags: &[Diagnostic], lang: Lang) -> Value {
    Value::Array(diags.iter().map(|d| to_value(&d.localized(lang))).collect())
}

/// The diagnostics of one record given as a `Value`, filtered as `prepared` says.
pub fn check_value_with(checker: &Checker<'_>, record: &Value, prepared: &PreparedCheck) -> Vec<Diagnostic> {
    let mut diags = checker.check_value(record, &prepared.options);
    prepared.filter.apply(Some(record), &mut diags);
    diags
}

/// The diagnostics of one record given as JSON text (a leading BOM is skipped; malformed JSON is
/// an `input_invalid_json` diagnostic with line and column), filtered as `prepared` says.
pub fn check_text_with(checker: &Checker<'_>, text: &str, prepared: &PreparedCheck) -> Vec<Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut diags = check_text_diagnostics(checker, text, &prepared.options);
    prepared.filter.apply_text(text, &mut diags);
    diags
}

/// The diagnostics of one record given as bytes (a file as read): bytes that are not UTF-8 are
/// an `input_not_utf8` diagnostic.
pub fn check_bytes_with(checker: &Checker<'_>, bytes: &[u8], prepared: &PreparedCheck) -> Vec<Diagnostic> {
    match input::require_utf8(bytes) {
        Ok(text) => check_text_with(checker, text, prepared),
        Err(d) => {
            let mut diags = vec![d];
            prepared.filter.apply(None, &mut diags);
            diags
        }
    }
}

/// Check one record (a publication or a request): the diagnostics, messages in `options.lang`.
/// Options: [`CheckRequestOptions`] as JSON.
pub fn check(checker: &Checker<'_>, record: &Value, options: &Value) -> CallResult {
    let prepared = check_options(options)?;
    Ok(diagnostics_json(&check_value_with(checker, record, &prepared), prepared.lang))
}

/// Check one record given as JSON text. Malformed JSON is a diagnostic (`input_invalid_json`,
/// with line and column in its message), as in the CLI.
pub fn check_text(checker: &Checker<'_>, text: &str, options: &Value) -> CallResult {
    let prepared = check_options(options)?;
    Ok(diagnostics_json(&check_text_with(checker, text, &prepared), prepared.lang))
}

/// [`check_text`] answering with the diagnostics' JSON text, for bindings that hand JSON text
/// across (no intermediate `Value`: building one cost more than the rules in the browser).
pub fn check_text_to_json(checker: &Checker<'_>, text: &str, options: &Value) -> CallResult<String> {
    let prepared = check_options(options)?;
    let diags = check_text_with(checker, text, &prepared);
    let localized: Vec<_> = diags.iter().map(|d| d.localized(prepared.lang)).collect();
    // Diagnostics are strings and enums: serialising them cannot fail.
    Ok(serde_json::to_string(&localized).unwrap_or_else(|_| "[]".to_owned()))
}

fn check_text_diagnostics(checker: &Checker<'_>, text: &str, opts: &CheckOptions) -> Vec<Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match checker.check_text(text, opts) {
        Ok(checked) => checked.diagnostics,
        Err(e) => vec![input::json_error_diagnostic(&e, text)],
    }
}

/// Check one record given as bytes (a file as read): bytes that are not UTF-8 are a diagnostic.
pub fn check_bytes(checker: &Checker<'_>, bytes: &[u8], options: &Value) -> CallResult {
    let prepared = check_options(options)?;
    Ok(diagnostics_json(&check_bytes_with(checker, bytes, &prepared), prepared.lang))
}

fn calendar_error(e: CalendarError, path: &str) -> CallError {
    with_path(Error::from(e).into(), path)
}

/// The calendar itself, or its strict form (no provisional years) when `strict` is set.
pub fn strict_or(cal: &Calendar, strict: bool) -> std::borrow::Cow<'_, Calendar> {
    match strict {
        false => std::borrow::Cow::Borrowed(cal),
        true if std::ptr::eq(cal, Calendar::embedded()) => std::borrow::Cow::Borrowed(Calendar::embedded_strict()),
        true => std::borrow::Cow::Owned(cal.strict()),
    }
}

// ── the calendar ────────────────────────────────────────────────────────────────────────────
// `gongkai calendar`, Python's calendar functions and `Calendar` methods, the browser's
// `isWorkingDay`, `dayKind`, `addWorkingDays`, `workingDaysBetween` and `loadCalendar`. A date
// the calendar has no data for is `calendar_year_not_covered` at the argument's pointer.

/// A day on the calendar: its kind (`working_day`, `weekend`, `holiday`, `makeup_working_day`,
/// `closure`, with the holiday's or closure's `name`), whether it is a working day, and whether
/// it is `provisional` (its year has no State Council notice loaded: derived from the 放假办法).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct DayAnswer {
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub date: NaiveDate,
    #[serde(flatten)]
    // `DayKind` is a union: an interface cannot extend it, an intersection can.
    #[cfg_attr(feature = "typescript", tsify(type = "DayKind"))]
    pub kind: crate::calendar::DayKind,
    pub working_day: bool,
    pub provisional: bool,
}

/// What kind of day `date` is.
pub fn day_on(cal: &Calendar, date: NaiveDate) -> CallResult<DayAnswer> {
    let kind = cal.day_kind(date).map_err(|e| calendar_error(e, "/date"))?;
    let provisional = cal.is_provisional(chrono::Datelike::year(&date));
    Ok(DayAnswer { date, working_day: kind.is_working_day(), kind, provisional })
}

/// Whether `date` is a working day (holidays, make-up days and loaded closures applied).
pub fn is_working_day_on(cal: &Calendar, date: NaiveDate) -> CallResult<bool> {
    cal.is_working_day(date).map_err(|e| calendar_error(e, "/date"))
}

/// The date `n` working days after `date` (the start day not counted).
pub fn add_working_days_on(cal: &Calendar, date: NaiveDate, n: u32) -> CallResult<NaiveDate> {
    cal.add_working_days(date, n).map_err(|e| calendar_error(e, "/date"))
}

/// The first working day after `date`.
pub fn next_working_day_on(cal: &Calendar, date: NaiveDate) -> CallResult<NaiveDate> {
    cal.next_working_day(date).map_err(|e| calendar_error(e, "/date"))
}

/// Working days in `(from, to]`; negative when `to` is before `from`.
pub fn working_days_between_on(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> CallResult<i64> {
    cal.working_days_between(from, to).map_err(|e| calendar_error(e, ""))
}

/// This calendar with one more file given as YAML or JSON text: a year file (a new State
/// Council notice, replacing a year already held) or, with top-level `closures`, an
/// institution's own closures. `file` names it in errors.
pub fn calendar_with_text(cal: &Calendar, file: &str, text: &str) -> CallResult<Calendar> {
    cal.with_file_str(file, text).map_err(CallError::from)
}

/// A calendar of exactly these year files (`(name, text)`, `covers: YYYY` each), nothing embedded.
pub fn calendar_from_texts(sources: &[(String, String)]) -> CallResult<Calendar> {
    Calendar::from_sources(sources).map_err(CallError::from)
}

/// [`is_working_day_on`] of a `YYYY-MM-DD` date.
pub fn is_working_day(cal: &Calendar, date: &str) -> CallResult<bool> {
    is_working_day_on(cal, parse_date(date, "/date")?)
}

/// [`day_on`] of a `YYYY-MM-DD` date, as JSON: `{date, kind, name?, working_day, provisional}`.
pub fn day_kind(cal: &Calendar, date: &str) -> CallResult {
    Ok(to_value(&day_on(cal, parse_date(date, "/date")?)?))
}

/// [`add_working_days_on`] of a `YYYY-MM-DD` date, answering `YYYY-MM-DD`.
pub fn add_working_days(cal: &Calendar, date: &str, n: u32) -> CallResult<String> {
    Ok(add_working_days_on(cal, parse_date(date, "/date")?, n)?.to_string())
}

/// [`working_days_between_on`] of two `YYYY-MM-DD` dates.
pub fn working_days_between(cal: &Calendar, from: &str, to: &str) -> CallResult<i64> {
    working_days_between_on(cal, parse_date(from, "/from")?, parse_date(to, "/to")?)
}

// ── deadlines and fees ──────────────────────────────────────────────────────────────────────
// `gongkai deadline` and `gongkai fee`, Python's `deadline`, `working_days_after` and `fee_*`,
// the browser's `deadline` and `fee*`.

/// How a deadline is counted from its start: a rule of `catalogues/deadlines.yaml` (e.g.
/// `request_reply`, 条例第三十三条) or a number of working days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeadlinePeriod {
    Rule(String),
    WorkingDays(u32),
}

/// A deadline asked for: `start` (not itself counted, 民法典第二百零一条) and the period;
/// `strict_calendar` refuses provisional years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeadlineQuery {
    pub start: NaiveDate,
    #[serde(flatten)]
    pub period: DeadlinePeriod,
    #[serde(default)]
    pub strict_calendar: bool,
}

impl DeadlineQuery {
    /// The due date under a rule of `catalogues/deadlines.yaml`.
    pub fn by_rule(start: NaiveDate, rule: impl Into<String>) -> Self {
        Self { start, period: DeadlinePeriod::Rule(rule.into()), strict_calendar: false }
    }

    /// `n` working days after `start`.
    pub fn working_days(start: NaiveDate, n: u32) -> Self {
        Self { start, period: DeadlinePeriod::WorkingDays(n), strict_calendar: false }
    }

    pub fn with_strict_calendar(mut self, strict: bool) -> Self {
        self.strict_calendar = strict;
        self
    }

    /// The query of a JSON object: `{"start": "YYYY-MM-DD", "rule": id}` or `{"start",
    /// "working_days": n}` (0 to 3660), and `"strict_calendar"`; errors at the member's pointer.
    pub fn from_json(query: &Value) -> CallResult<Self> {
        as_object(query, "", "the deadline query")?;
        let strict_calendar = opt_bool(query, "strict_calendar")?;
        let start = opt_date(query, "start")?.ok_or_else(|| CallError::argument("/start", "`start` is required"))?;
        let period = match (opt_str(query, "rule")?, query.get("working_days")) {
            (Some(rule), None) => DeadlinePeriod::Rule(rule.to_owned()),
            (None, Some(n)) => DeadlinePeriod::WorkingDays(
                n.as_u64().and_then(|n| u32::try_from(n).ok()).filter(|&n| n <= 3660).ok_or_else(|| {
                    CallError::argument("/working_days", "`working_days` must be a whole number from 0 to 3660")
                })?,
            ),
            _ => return Err(CallError::argument("", "give exactly one of `rule` and `working_days`")),
        };
        Ok(Self { start, period, strict_calendar })
    }
}

/// A deadline with its working (`due`, `explanation`) and `provisional`: true when the due date
/// depends on a year with no notice loaded (`explanation.provisional` lists those years, the
/// reason and the statutory days assumed).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct DeadlineAnswer {
    #[serde(flatten)]
    pub deadline: deadlines::Deadline,
    pub provisional: bool,
}

/// The deadline a query names. An unknown rule is `unknown_id` at `/rule`; a date the calendar
/// has no data for `calendar_year_not_covered` at `/start`.
pub fn deadline_with(cal: &Calendar, query: &DeadlineQuery) -> CallResult<DeadlineAnswer> {
    let cal = &*strict_or(cal, query.strict_calendar);
    let deadline = match &query.period {
        DeadlinePeriod::Rule(rule) => {
            deadlines::by_rule(cal, rule, query.start).map_err(|e| with_path(e.into(), "/rule"))?
        }
        DeadlinePeriod::WorkingDays(n) => {
            deadlines::working_days_after(cal, query.start, *n).map_err(|e| calendar_error(e, "/start"))?
        }
    };
    let provisional = deadline.explanation.is_provisional();
    Ok(DeadlineAnswer { deadline, provisional })
}

/// [`deadline_with`] over JSON: the query as [`DeadlineQuery::from_json`] reads it, the answer
/// `{"due", "explanation", "provisional"}`.
pub fn deadline(cal: &Calendar, query: &Value) -> CallResult {
    Ok(to_value(&deadline_with(cal, &DeadlineQuery::from_json(query)?)?))
}

/// What a fee (信息处理费, 国办函〔2020〕109号) is charged on: the cumulative pieces of one
/// applicant in a natural month (第四条) or the pages of one request (第五条), never both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FeeQuery {
    Pieces(u64),
    Pages(u64),
}

/// The fee with its working: the bands charged and their basis (`catalogues/fees.yaml`).
pub fn fee(query: FeeQuery) -> crate::fees::Fee {
    match query {
        FeeQuery::Pieces(n) => crate::fees::fee_by_pieces(n),
        FeeQuery::Pages(n) => crate::fees::fee_by_pages(n),
    }
}

/// [`calendar_with_text`] of a calendar file given as a JSON object.
pub fn load_calendar(cal: &Calendar, file: &str, data: &Value) -> CallResult<Calendar> {
    as_object(data, "", "a calendar file")?;
    // JSON text is also YAML, so this reads the same with or without the `yaml` feature.
    let text = data.to_string();
    let loaded = if data.get("closures").is_some() {
        cal.with_closures_from_str(file, &text)
    } else {
        cal.with_years_from_str(file, &text)
    };
    loaded.map_err(CallError::from)
}

/// What a request timeline is asked for (`gongkai deadline request`, Python's
/// `request_timeline`, the browser's `requestTimeline`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(default)]
#[non_exhaustive]
pub struct RequestTimelineOptions {
    /// The diagnostics' language.
    #[cfg_attr(feature = "typescript", tsify(type = "\"zh\" | \"en\""))]
    pub lang: Lang,
    /// `YYYY-MM-DD`: read the reply clock of an unanswered request (overdue, due soon).
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub today: Option<NaiveDate>,
    /// How near the limit counts as due soon, in working days (default 5).
    pub due_soon_working_days: Option<u32>,
    /// Refuse provisional years (no State Council notice loaded).
    pub strict_calendar: bool,
    /// A receipt on a non-working day counts from the next working day, as well as where the
    /// catalogue's overlays say so (a local reading).
    pub next_working_day_receipt: bool,
}

impl RequestTimelineOptions {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn with_today(mut self, today: Option<NaiveDate>) -> Self {
        self.today = today;
        self
    }

    pub fn with_due_soon_working_days(mut self, n: Option<u32>) -> Self {
        self.due_soon_working_days = n;
        self
    }

    pub fn with_strict_calendar(mut self, strict: bool) -> Self {
        self.strict_calendar = strict;
        self
    }

    pub fn with_next_working_day_receipt(mut self, on: bool) -> Self {
        self.next_working_day_receipt = on;
        self
    }

    /// The options of a JSON object (`null`: the defaults); a member of the wrong type is an
    /// error at its pointer.
    pub fn from_json(options: &Value) -> CallResult<Self> {
        let due_soon = match options.get("due_soon_working_days") {
            None | Some(Value::Null) => None,
            Some(n) => Some(n.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| {
                CallError::argument("/due_soon_working_days", "`due_soon_working_days` must be a whole number")
            })?),
        };
        Ok(Self {
            lang: opt_lang(options)?,
            today: opt_date(options, "today")?,
            due_soon_working_days: due_soon,
            strict_calendar: opt_bool(options, "strict_calendar")?,
            next_working_day_receipt: opt_bool(options, "next_working_day_receipt")?,
        })
    }
}

/// A request's timeline and the request checks. `timeline` is `None` when the record is not a
/// well-formed request, and the diagnostics say why: a problem of the record is in the answer,
/// as in a check, so a batch of requests is answered request by request. Every front door gives
/// this answer (`gongkai deadline request`, Python's `request_timeline`, the browser's
/// `requestTimeline`; `tests/calls/request_timeline.json` checks all three).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct RequestTimelineAnswer {
    pub timeline: Option<deadlines::request::Timeline>,
    /// True when a limit depends on a year with no notice loaded.
    pub provisional: bool,
    #[cfg_attr(feature = "typescript", tsify(type = "Diagnostic[]"))]
    pub diagnostics: Vec<Diagnostic>,
}

impl RequestTimelineAnswer {
    /// `{timeline, provisional, diagnostics}`, the diagnostics' messages in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({ "timeline": to_value(&self.timeline), "provisional": self.provisional,
            "diagnostics": diagnostics_json(&self.diagnostics, lang) })
    }
}

/// A request's timeline (依申请公开) with its working, and the request checks. The catalogue's
/// overlays choose local readings (a receipt on a non-working day moving to the next one). A
/// date the calendar has no data for is an error (`calendar_year_not_covered` at `/received`).
pub fn request_timeline_with(
    cat: &Catalogue,
    cal: &Calendar,
    record: &Value,
    options: &RequestTimelineOptions,
) -> CallResult<RequestTimelineAnswer> {
    let cal = &*strict_or(cal, options.strict_calendar);
    let mut settings = deadlines::request::RequestSettings::from_catalogue(cat)
        .with_today(options.today)
        .with_next_working_day_receipt(options.next_working_day_receipt);
    if let Some(n) = options.due_soon_working_days {
        settings = settings.with_due_soon_working_days(n);
    }
    let diagnostics = deadlines::check_request_with(cat, cal, record, settings);
    let timeline = match deadlines::request::read_request(record) {
        Ok(r) => Some(deadlines::request_timeline(cal, &r, settings).map_err(|e| calendar_error(e, "/received"))?),
        Err(_) => None,
    };
    let provisional = timeline.as_ref().is_some_and(|t| !t.provisional_years().is_empty());
    Ok(RequestTimelineAnswer { timeline, provisional, diagnostics })
}

/// [`request_timeline_with`] over JSON: `{timeline, provisional, diagnostics}` as
/// `gongkai deadline request --format json` prints it; `timeline` is `null` when the record is
/// not a well-formed request. Options: [`RequestTimelineOptions`] as JSON.
pub fn request_timeline(cat: &Catalogue, cal: &Calendar, record: &Value, options: &Value) -> CallResult {
    let options = RequestTimelineOptions::from_json(options)?;
    Ok(request_timeline_with(cat, cal, record, &options)?.to_json(options.lang))
}

/// 信息处理费 for the `n`-th cumulative piece total of one applicant in a natural month, with
/// the bands charged and their basis.
pub fn fee_by_pieces(n: u64) -> Value {
    to_value(&fee(FeeQuery::Pieces(n)))
}

/// 信息处理费 for a request of `n` pages, with the bands charged and their basis.
pub fn fee_by_pages(n: u64) -> Value {
    to_value(&fee(FeeQuery::Pages(n)))
}

/// The fee for `new` more pieces from an applicant who has already had `earlier` this month.
pub fn fee_for_more_pieces(earlier: u64, new: u64) -> u64 {
    crate::fees::fee_for_more_pieces(earlier, new)
}

// ── screening ───────────────────────────────────────────────────────────────────────────────
// Python's `scan` and `redact`, the browser's `scan` and `redact` (files: `crate::files`).

/// What a scan of a text reports besides unredacted findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ScanRequest {
    /// Give each finding's unmasked `value` (off: only the masked `preview`, safe to log).
    pub include_values: bool,
    /// Also report values that are already masked (`redacted`, severity info).
    pub include_redacted: bool,
}

impl ScanRequest {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_include_values(mut self, on: bool) -> Self {
        self.include_values = on;
        self
    }

    pub fn with_include_redacted(mut self, on: bool) -> Self {
        self.include_redacted = on;
        self
    }

    /// The request of a JSON object (`null`: the defaults); a member that is not a boolean is an
    /// error at its pointer.
    pub fn from_json(options: &Value) -> CallResult<Self> {
        if !matches!(options, Value::Null | Value::Object(_)) {
            return Err(CallError::argument("", format!("options must be an object, not {}", type_name(options))));
        }
        Ok(Self {
            include_values: opt_bool(options, "include_values")?,
            include_redacted: opt_bool(options, "include_redacted")?,
        })
    }

    /// The screening options of this request (for the file scans of `crate::files` too).
    pub fn options(&self) -> ScanOptions {
        ScanOptions::new().include_values(self.include_values).include_redacted(self.include_redacted)
    }
}

/// Personal data and classification markings in a text. Offsets come three ways: `start`/`end`
/// (Unicode scalars), `utf16_start`/`utf16_end` (JS string indices) and `byte_start`/`byte_end`.
pub fn scan_with(text: &str, request: &ScanRequest) -> Vec<screening::Finding> {
    screening::scan_with(text, &request.options())
}

/// A redaction mode by name: `mask` (`110105********002X`), `label` (`[身份证号]`) or `remove`;
/// another name is `invalid_argument` at `/mode`.
pub fn redact_mode(name: &str) -> CallResult<RedactMode> {
    match name {
        "mask" => Ok(RedactMode::Mask),
        "label" => Ok(RedactMode::Label),
        "remove" => Ok(RedactMode::Remove),
        other => {
            let shown: String = other.chars().take(40).collect();
            Err(CallError::argument("/mode", format!("unknown mode `{shown}`: expected `mask`, `label` or `remove`")))
        }
    }
}

/// The text with personal data masked, labelled or removed, and each change with its offsets in
/// the original text.
pub fn redact_with(text: &str, mode: RedactMode) -> screening::Redaction {
    screening::redact(text, mode)
}

/// [`scan_with`] over JSON: the request as [`ScanRequest::from_json`] reads it, the findings.
pub fn scan(text: &str, options: &Value) -> CallResult {
    Ok(to_value(&scan_with(text, &ScanRequest::from_json(options)?)))
}

/// [`redact_with`] over JSON, the mode by name (default `mask`).
pub fn redact(text: &str, mode: Option<&str>) -> CallResult {
    Ok(to_value(&redact_with(text, redact_mode(mode.unwrap_or("mask"))?)))
}

// ── site check and proactive candidates ─────────────────────────────────────────────────────
// `gongkai site check` / `site candidates`, Python's `site_check` / `proactive_candidates`, the
// browser's `siteCheck` / `proactiveCandidates`.

/// A site check (政府网站与政务新媒体检查) asked for: the day it is made on (`as_of`, else the
/// snapshot's own) and site overlays (`(file name, YAML or JSON text)`, applied in order).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct SiteCheckRequest {
    pub as_of: Option<NaiveDate>,
    pub overlays: Vec<(String, String)>,
}

impl SiteCheckRequest {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_as_of(mut self, as_of: Option<NaiveDate>) -> Self {
        self.as_of = as_of;
        self
    }

    /// One more site overlay, `file` naming it in errors.
    pub fn with_overlay(mut self, file: impl Into<String>, text: impl Into<String>) -> Self {
        self.overlays.push((file.into(), text.into()));
        self
    }

    /// The request of a JSON options object: `as_of` (`YYYY-MM-DD`) and `overlays` (objects or
    /// JSON texts, named `overlays[i]`).
    pub fn from_json(options: &Value) -> CallResult<Self> {
        let mut request = Self::new().with_as_of(opt_date(options, "as_of")?);
        for (i, o) in options.get("overlays").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let text = match o {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            request = request.with_overlay(format!("overlays[{i}]"), text);
        }
        Ok(request)
    }
}

/// The embedded site rules with the request's overlays; one that loosens a limit (or names an
/// unknown indicator, or has no basis) is an error with every finding in `errors`.
pub fn site_rules(request: &SiteCheckRequest) -> CallResult<std::borrow::Cow<'static, crate::site::SiteRules>> {
    let mut rules = std::borrow::Cow::Borrowed(crate::site::SiteRules::embedded());
    for (file, text) in &request.overlays {
        rules = std::borrow::Cow::Owned(rules.with_overlay(file, text)?);
    }
    Ok(rules)
}

/// A site check of a snapshot given as JSON text. Bad snapshots are findings in the report,
/// not errors; only a rejected overlay is an error.
pub fn site_check_with(cal: &Calendar, text: &str, request: &SiteCheckRequest) -> CallResult<crate::site::SiteReport> {
    let rules = site_rules(request)?;
    let opts = crate::site::SiteOptions::new().with_as_of(request.as_of);
    Ok(crate::site::check_json(&rules, cal, text, &opts))
}

/// [`site_check_with`] over JSON: the answer as `gongkai site check --format json` prints it.
/// Options: `lang` and [`SiteCheckRequest`] as JSON.
pub fn site_check(cal: &Calendar, text: &str, options: &Value) -> CallResult {
    let lang = opt_lang(options)?;
    Ok(site_check_with(cal, text, &SiteCheckRequest::from_json(options)?)?.to_json(lang))
}

/// 条例第四十四条 candidates asked for: how many distinct applicants make information a
/// candidate for proactive disclosure (多个: at least 2, the default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct CandidatesRequest {
    pub min_applicants: usize,
}

impl Default for CandidatesRequest {
    fn default() -> Self {
        Self { min_applicants: 2 }
    }
}

impl CandidatesRequest {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_min_applicants(mut self, n: usize) -> Self {
        self.min_applicants = n;
        self
    }

    /// The request of a JSON options object (`min_applicants`, a whole number).
    pub fn from_json(options: &Value) -> CallResult<Self> {
        let min_applicants = match options.get("min_applicants") {
            None | Some(Value::Null) => 2,
            Some(v) => v.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(|| {
                CallError::argument(
                    "/min_applicants",
                    format!("`min_applicants` must be a whole number, not {}", type_name(v)),
                )
            })?,
        };
        Ok(Self { min_applicants })
    }
}

/// The candidates, and a diagnostic for each record that could not be read (at its index).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CandidatesAnswer {
    pub candidates: Vec<crate::site::Candidate>,
    #[cfg_attr(feature = "typescript", tsify(type = "Diagnostic[]"))]
    pub diagnostics: Vec<Diagnostic>,
}

impl CandidatesAnswer {
    /// `{candidates, diagnostics}`, the diagnostics' messages in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({"candidates": to_value(&self.candidates), "diagnostics": diagnostics_json(&self.diagnostics, lang)})
    }
}

/// 条例第四十四条 candidates from request records.
pub fn proactive_candidates_with(records: &[Value], request: &CandidatesRequest) -> CandidatesAnswer {
    let (candidates, diagnostics) = crate::site::proactive_candidates(records, request.min_applicants);
    CandidatesAnswer { candidates, diagnostics }
}

/// [`proactive_candidates_with`] over JSON: request records (an array, or one record), options
/// `lang` and [`CandidatesRequest`] as JSON; `{candidates, diagnostics}` as `gongkai site
/// candidates --format json` prints them.
pub fn proactive_candidates(records: &Value, options: &Value) -> CallResult {
    let lang = opt_lang(options)?;
    let request = CandidatesRequest::from_json(options)?;
    let list = match records {
        Value::Array(v) => v.as_slice(),
        other => std::slice::from_ref(other),
    };
    Ok(proactive_candidates_with(list, &request).to_json(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_resolve_for_an_institution_and_carry_their_source() {
        let cat = Catalogue::embedded();
        let v = items(cat, &json!({"kind": "administrative", "tier": "county", "role": "government"})).unwrap();
        let first = v.as_array().unwrap().iter().find(|i| i["id"] == "admin.art20.01").unwrap();
        assert_eq!(first["source"], "admin.national");
        assert_eq!(first["title"]["zh"], "行政法规、规章和规范性文件");
    }

    #[test]
    fn a_kind_alone_lists_the_items_of_every_role() {
        // The annual reports (政府信息公开工作年度报告) of governments and of departments are both
        // items of administrative organs, though each resolves only for its own role.
        let v = items(Catalogue::embedded(), &json!({"kind": "administrative"})).unwrap();
        let ids: Vec<&str> = v.as_array().unwrap().iter().filter_map(|i| i["id"].as_str()).collect();
        assert!(ids.contains(&"admin.art49.report.government") && ids.contains(&"admin.art49.report.department"));
        let county = items(Catalogue::embedded(), &json!({"kind": "administrative", "tier": "county"})).unwrap();
        assert!(county.as_array().unwrap().len() < ids.len());
    }

    #[test]
    fn a_tier_without_a_kind_is_an_argument_error_with_a_path() {
        let e = items(Catalogue::embedded(), &json!({"tier": "county"})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("invalid_argument", Some("/kind")));
        let e = items(Catalogue::embedded(), &json!({"kind": 3})).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("/kind"));
        let e = items(Catalogue::embedded(), &json!({"kind": "administrative", "tier": "galaxy"})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("invalid_argument", Some("/tier")));
        let e = items(Catalogue::embedded(), &json!({"kind": "nope"})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("unknown_id", Some("/kind")));
    }

    #[test]
    fn item_schema_lists_the_required_elements() {
        let s = item_schema(Catalogue::embedded(), "admin.art20.01").unwrap();
        assert!(s["required"].as_array().unwrap().iter().any(|k| k == "document_number"));
        assert_eq!(item(Catalogue::embedded(), "no.such.item").unwrap_err().code, "unknown_id");
    }

    #[test]
    fn malformed_json_reports_line_and_column() {
        let e = parse_json("record", "{\n  \"a\": }").unwrap_err();
        assert_eq!((e.code, e.line, e.column), ("invalid_json", Some(2), Some(8)));
    }

    #[test]
    fn check_text_reports_malformed_json_as_a_diagnostic() {
        let v = check_text(Checker::embedded(), "{\"kind\": ", &Value::Null).unwrap();
        assert_eq!(v[0]["code"], "input_invalid_json");
        let v = check_bytes(Checker::embedded(), b"{\"title\":\"\xb9\xab\xbf\xaa\"}", &Value::Null).unwrap();
        assert_eq!(v[0]["code"], "input_not_utf8");
        let e = check(Checker::embedded(), &json!({}), &json!({"today": "2026-13-01"})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("invalid_date", Some("/today")));
    }

    #[test]
    fn select_ignore_and_a_records_suppressions_filter_the_check() {
        let checker = Checker::embedded();
        let record = json!({"kind": "publication", "item": "admin.art20.99", "title": "x"});
        let codes_of = |v: Value| -> Vec<String> {
            v.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()
        };
        let all = codes_of(check(checker, &record, &Value::Null).unwrap());
        assert!(
            all.contains(&"item_unknown".to_owned()) && all.contains(&"record_missing_field".to_owned()),
            "{all:?}"
        );
        let only = codes_of(check(checker, &record, &json!({"select": ["item_unknown"]})).unwrap());
        assert_eq!(only, ["item_unknown"]);
        let rest = codes_of(check_text(checker, &record.to_string(), &json!({"ignore": "item"})).unwrap());
        assert!(!rest.is_empty() && !rest.contains(&"item_unknown".to_owned()), "{rest:?}");
        // The record's own suppression, as `gongkai check` reads it, from a value and from text.
        let mut suppressed = record.clone();
        suppressed["x-gongkai"] = json!({"ignore": ["item_unknown"], "reason": "a local item"});
        for found in [
            codes_of(check(checker, &suppressed, &Value::Null).unwrap()),
            codes_of(check_bytes(checker, suppressed.to_string().as_bytes(), &Value::Null).unwrap()),
        ] {
            assert!(!found.contains(&"item_unknown".to_owned()) && found.contains(&"record_missing_field".to_owned()));
        }
        let e = check(checker, &record, &json!({"ignore": ["itme_unknown"]})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("unknown_selector", Some("/ignore")));
        assert!(e.message.contains("item_unknown"), "{}", e.message);
        let e = check(checker, &record, &json!({"select": ["item_unknown", 3]})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("invalid_argument", Some("/select/1")));
    }

    #[test]
    fn check_request_options_read_from_json_and_serialise_back() {
        let v = json!({"today": "2026-03-02", "lang": "en", "strict_members": true, "select": ["check"]});
        let o = CheckRequestOptions::from_json(&v).unwrap();
        assert_eq!(
            o,
            CheckRequestOptions::new()
                .with_today(NaiveDate::from_ymd_opt(2026, 3, 2))
                .with_lang(Lang::En)
                .with_strict_members(true)
                .with_select(vec!["check".into()])
        );
        let back: CheckRequestOptions = serde_json::from_value(serde_json::to_value(&o).unwrap()).unwrap();
        assert_eq!(back, o);
        assert_eq!(o.prepare().unwrap().options.unknown_members, crate::record::UnknownMembers::Error);
    }

    #[test]
    fn a_request_timeline_or_null_with_the_diagnostics() {
        let (cat, cal) = (Catalogue::embedded(), Calendar::embedded());
        // 条例第三十三条: 20 working days from the day after receipt; National Day 2025 not counted.
        let record = json!({"kind": "request", "received": "2025-09-30"});
        let opts = RequestTimelineOptions::new().with_today(NaiveDate::from_ymd_opt(2025, 10, 20));
        let answer = request_timeline_with(cat, cal, &record, &opts).unwrap();
        let timeline = answer.timeline.as_ref().unwrap();
        assert_eq!(timeline.reply_due.as_ref().unwrap().due.to_string(), "2025-11-04");
        assert!(!answer.provisional);
        let v =
            request_timeline(cat, cal, &json!({"kind": "request", "received": "2025-02-30"}), &Value::Null).unwrap();
        assert!(v["timeline"].is_null());
        assert!(v["diagnostics"].as_array().unwrap().iter().any(|d| d["path"] == "/received"), "{v}");
        let e = request_timeline(cat, cal, &record, &json!({"due_soon_working_days": -1})).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("/due_soon_working_days"));
    }

    #[test]
    fn national_day_2025_pushes_a_20_working_day_deadline() {
        // 国办发明电〔2024〕12号: 1–8 October 2025 off; Sunday 28 September and Saturday 11 October worked.
        let cal = Calendar::embedded();
        assert!(!is_working_day(cal, "2025-10-03").unwrap());
        assert_eq!(day_kind(cal, "2025-10-11").unwrap()["kind"], "makeup_working_day");
        // From 30 September: 9, 10, 11 October, then 13 days to 31 October, then 3 and 4 November.
        let d = deadline(cal, &json!({"start": "2025-09-30", "working_days": 20})).unwrap();
        assert_eq!(d["due"], "2025-11-04");
        assert_eq!(add_working_days(cal, "2025-09-30", 20).unwrap(), "2025-11-04");
        assert_eq!(working_days_between(cal, "2025-09-30", "2025-11-04").unwrap(), 20);
        assert_eq!(is_working_day(cal, "1990-01-01").unwrap_err().code, "calendar_year_not_covered");
    }

    #[test]
    fn a_deadline_query_reads_from_json_as_the_typed_call_takes_it() {
        // 条例第三十三条's 20 working days from 30 September 2025: 4 November (National Day not counted).
        let cal = Calendar::embedded();
        let start = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        let q = DeadlineQuery::from_json(&json!({"start": "2025-09-30", "rule": "request_reply"})).unwrap();
        assert_eq!(q, DeadlineQuery::by_rule(start, "request_reply"));
        let a = deadline_with(cal, &q).unwrap();
        assert_eq!((a.deadline.due.to_string().as_str(), a.provisional), ("2025-11-04", false));
        let e = deadline_with(cal, &DeadlineQuery::by_rule(start, "request_rpely")).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("unknown_id", Some("/rule")));
        let e = DeadlineQuery::from_json(&json!({"start": "2025-9-30", "working_days": 3})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("invalid_date", Some("/start")));
        let e = deadline_with(cal, &DeadlineQuery::working_days(NaiveDate::from_ymd_opt(1990, 1, 2).unwrap(), 3))
            .unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("calendar_year_not_covered", Some("/start")));
    }

    #[test]
    fn the_catalogue_queries_answer_typed_and_as_json_alike() {
        let cat = Catalogue::embedded();
        let answer = item_with(cat, "admin.art20.01").unwrap();
        assert_eq!(answer.source, "admin.national");
        let v = item(cat, "admin.art20.01").unwrap();
        assert_eq!((v["id"].as_str(), v["source"].as_str()), (Some("admin.art20.01"), Some("admin.national")));
        assert!(v.get("changed_by").is_none());
        // A grassroots row carries its levels as printed, next to the list.
        let row = cat.all_items().find(|(i, _)| !i.levels.is_empty()).unwrap().0;
        assert!(item(cat, &row.id).unwrap()["level"].is_string());
        assert_eq!(item_with(cat, "admin.nowhere").unwrap_err().code, "unknown_id");
        let all = grounds_with(cat, None).unwrap();
        let admin = grounds_with(cat, Some("administrative")).unwrap();
        assert!(!admin.is_empty() && admin.len() <= all.len());
        assert!(admin.iter().all(|g| g.kinds.iter().any(|k| k == "administrative")));
        let e = grounds_with(cat, Some("spaceport")).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("unknown_id", Some("/kind")));
        assert!(ground_with(cat, &all[0].id).is_ok());
        let request = codes_with(Some("request"));
        assert!(!request.is_empty() && request.iter().all(|c| c.area == "request"));
        assert_eq!(codes_with(None).len(), codes().as_array().unwrap().len());
    }

    #[test]
    fn site_and_candidate_requests_read_from_json_with_pointers() {
        let e = SiteCheckRequest::from_json(&json!({"as_of": "2026/03/10"})).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), ("invalid_date", Some("/as_of")));
        let r = SiteCheckRequest::from_json(&json!({"as_of": "2026-03-10", "overlays": [{"id": "x"}]})).unwrap();
        assert_eq!((r.as_of, r.overlays[0].0.as_str()), (NaiveDate::from_ymd_opt(2026, 3, 10), "overlays[0]"));
        assert_eq!(CandidatesRequest::from_json(&Value::Null).unwrap().min_applicants, 2);
        let e = CandidatesRequest::from_json(&json!({"min_applicants": "2"})).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("/min_applicants"));
    }

    #[test]
    fn scan_offsets_are_utf16_and_redact_masks() {
        let text = "申请人身份证号：11010519491231002X (the GB 11643 example)，电话";
        let v = scan(text, &Value::Null).unwrap();
        let f = v.as_array().unwrap().iter().find(|f| f["kind"] == "resident_id").unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let (a, b) = (f["utf16_start"].as_u64().unwrap() as usize, f["utf16_end"].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16_lossy(&utf16[a..b]), "11010519491231002X");
        let r = redact(text, None).unwrap();
        assert!(!r["text"].as_str().unwrap().contains("11010519491231002X"));
        assert_eq!(redact(text, Some("shred")).unwrap_err().path.as_deref(), Some("/mode"));
    }

    #[test]
    fn a_broken_overlay_is_rejected_with_where() {
        let e = load_overlay(Catalogue::embedded(), "local.yaml", "id: [").unwrap_err();
        assert_eq!(e.code, "invalid_yaml");
        assert_eq!(e.file.as_deref(), Some("local.yaml"));
        assert!(e.line.is_some());
    }
}
