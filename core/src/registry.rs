//! The top of the core: everything that lists all areas — every diagnostic code (for
//! `gongkai codes`, docs/diagnostics.md and the bindings) and every generated JSON Schema
//! (catalogues/schema/). Each area declares its own codes and schemas; only this module
//! gathers them, so no lower module has to know the ones above it.

use serde_json::Value;

use crate::Catalogue;
use crate::diagnostics::CodeInfo;
use crate::model::Item;
use crate::schema;

/// Every declared diagnostic code, grouped by area, in a stable order.
///
/// Each module declares its codes as `static` [`CodeInfo`]s and lists them in its `CODES`.
pub fn codes() -> Vec<&'static CodeInfo> {
    let lists: [&'static [&'static CodeInfo]; 7] = [
        crate::catalogue::lint::CODES,
        crate::check::CODES,
        crate::check::codes::FILTER_CODES,
        crate::deadlines::CODES,
        crate::screening::CODES,
        crate::report::CODES,
        crate::site::CODES,
    ];
    lists.iter().flat_map(|l| l.iter().copied()).collect()
}

/// Look up a declared code.
pub fn code_info(code: &str) -> Option<&'static CodeInfo> {
    codes().into_iter().find(|c| c.code == code)
}

/// `docs/diagnostics.md`: every code by area, with severity, basis, summary and an example.
/// The file is generated from [`codes`] and checked fresh by a test (`GONGKAI_BLESS=1` rewrites it).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Diagnostic codes\n\n\
         <!-- Generated from `gongkai::registry::codes()` by `GONGKAI_BLESS=1 cargo test -p gongkai --test diagnostics_doc`. Do not edit. -->\n\n\
         Every diagnostic gongkai reports has a stable snake_case code, a severity, a JSON pointer to the\n\
         offending value, a message in Chinese and English, and the basis that makes it a rule.\n\
         `gongkai codes` prints the same list.\n",
    );
    let mut area = "";
    for c in codes() {
        if c.area != area {
            area = c.area;
            out.push_str(&format!(
                "\n## {area}\n\n| code | severity | summary | basis | example |\n|---|---|---|---|---|\n"
            ));
        }
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        out.push_str(&format!(
            "| `{}` | {} | {}<br>{} | {} | `{}` |\n",
            c.code,
            c.severity,
            cell(c.summary_zh),
            cell(c.summary_en),
            if c.basis.is_empty() { "—".to_owned() } else { cell(c.basis) },
            cell(c.example).replace('`', "'"),
        ));
    }
    out
}

/// Every generated schema file: (path under `catalogues/schema/`, pretty JSON).
pub fn generated_files(cat: &Catalogue) -> Vec<(String, String)> {
    let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap_or_default() + "\n";
    let mut out = vec![
        ("template.schema.json".to_owned(), pretty(&schema::template_schema())),
        ("overlay.schema.json".to_owned(), pretty(&schema::overlay_schema())),
        ("grounds.schema.json".to_owned(), pretty(&schema::grounds_schema())),
        ("institutions.schema.json".to_owned(), pretty(&schema::institutions_schema())),
        ("domains.schema.json".to_owned(), pretty(&schema::schema_for::<crate::model::DomainRegistry>())),
    ];
    out.extend(extra_schemas().into_iter().map(|(name, v)| (name, pretty(&v))));
    let mut items: Vec<&Item> = cat.all_items().map(|(i, _)| i).collect();
    items.sort_by(|a, b| a.id.cmp(&b.id));
    for item in items {
        out.push((format!("items/{}.schema.json", item.id), pretty(&schema::item_fields_schema(item))));
    }
    out
}

/// Schemas contributed by other modules (records, calendar data, …).
fn extra_schemas() -> Vec<(String, Value)> {
    let mut v = vec![
        ("calendar-year.schema.json".to_owned(), schema::schema_for::<crate::calendar::YearFile>()),
        ("calendar-closures.schema.json".to_owned(), schema::schema_for::<crate::calendar::ClosureFile>()),
        ("holidays.schema.json".to_owned(), schema::schema_for::<crate::calendar::statutory::HolidayLaw>()),
        ("deadlines.schema.json".to_owned(), schema::schema_for::<crate::deadlines::DeadlineRules>()),
        ("fees.schema.json".to_owned(), schema::schema_for::<crate::fees::FeeRules>()),
    ];
    v.extend(crate::check::schemas());
    v.extend(crate::report::schemas());
    v.extend(crate::site::schemas());
    v
}

/// Lint any data file gongkai reads: a site overlay by the site module's rules, every other
/// catalogue file (template, overlay, grounds, registry) by the catalogue's. Returns every
/// finding; an empty list means the file is clean. (Here, above both, so neither imports the other.)
pub fn lint_source(cat: &crate::Catalogue, file: &str, text: &str) -> Vec<crate::catalogue::Finding> {
    if crate::site::is_site_overlay(text) {
        return crate::site::lint_overlay_source(file, text);
    }
    crate::catalogue::lint_source(cat, file, text)
}
