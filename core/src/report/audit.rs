//! Coverage audit of one institution for one year: per catalogue item, whether it was published,
//! late or with errors; coverage (公开覆盖率) and timeliness rates; request-handling figures
//! (回应及时率, counts by response type); and a rectification list citing the rules.
//!
//! What is expected in year Y:
//! - a periodic item (annual report, yearly lists): the one instance whose due date falls in Y
//!   (the calendar-year report for Y−1 due 31 January / 31 March of Y; the academic-year report
//!   for September Y−1 – August Y due 31 October of Y);
//! - any other proactive item: at least one publication in Y (an item with no record is reported
//!   as missing: publish it, or record that nothing arose in the year).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use super::codes::{AUDIT_LATE, AUDIT_MISSING, AUDIT_RECORD_ERRORS, AUDIT_REQUEST_LATE, AUDIT_UNKNOWN_ITEM};
use crate::Catalogue;
use crate::calendar::Calendar;
use crate::check::record::{Publication, Reader, read_publication};
use crate::deadlines::RequestRecord;
use crate::deadlines::request::read_request_node;
use crate::diagnostics::{CodeInfo, Diagnostic, Severity, message};
use crate::model::{Institution, Item, Mode, Period, Text, Timing, TimingStart};
use crate::record::{Node, UnknownMembers};

/// Options of an audit.
#[derive(Clone, Debug, Default)]
pub struct AuditOptions {
    /// The day the audit is made: items not yet due on that day are `not_yet_due`, not missing.
    /// `None`: the whole year and its due dates are over.
    pub today: Option<NaiveDate>,
    /// Run the record checks (`check::check_value`) and count items with errors.
    pub check_records: bool,
    /// The working-day calendar (`None`: the embedded one; see `strict_calendar`).
    pub calendar: Option<std::sync::Arc<Calendar>>,
    /// Refuse provisional years (no notice loaded) in the embedded calendar.
    pub strict_calendar: bool,
}

/// Where one item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemStatus {
    /// Published, on time as far as can be told, without errors.
    Published,
    /// Published, but a record has error-severity findings.
    WithErrors,
    /// Published after its time limit.
    Late,
    /// Not published (应公开未公开).
    Missing,
    /// Not published, but not due yet on `today`.
    NotYetDue,
    /// Not published because nothing arose in the year (a `"nothing_arose": true` record):
    /// counted as covered.
    NothingArose,
}

/// One catalogue item's result.
#[derive(Clone, Debug, Serialize)]
pub struct ItemAudit {
    pub id: String,
    pub title: Text,
    pub category: String,
    /// The grassroots domain of the row (基层政务公开标准目录领域), if it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    pub status: ItemStatus,
    /// `periodic`, `event` (within a time limit of an event) or `ongoing` (real-time, timely).
    pub expectation: &'static str,
    /// For a periodic item: the period expected and its due date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub publications: usize,
    pub late: usize,
    pub with_errors: usize,
    /// Publications whose lateness cannot be judged (no start date, calendar year not covered).
    pub timing_unknown: usize,
    pub basis: String,
}

/// Coverage of one 一级 category.
#[derive(Clone, Debug, Serialize)]
pub struct CategoryCoverage {
    pub category: String,
    pub expected: usize,
    pub published: usize,
    pub rate: Option<f64>,
}

/// One grassroots domain's rows for this institution: the table an inspector asks for.
#[derive(Clone, Debug, Serialize)]
pub struct DomainCoverage {
    pub domain: String,
    /// Rows expected in the year (not-yet-due ones excluded).
    pub expected: usize,
    /// Rows with a publication or a `nothing_arose` record.
    pub covered: usize,
    /// 应公开未公开: rows with neither.
    pub missing: Vec<String>,
    /// Rows with a publication after its time limit.
    pub late: Vec<String>,
    /// Rows covered by a `nothing_arose` record.
    pub nothing_arose: Vec<String>,
    pub rate: Option<f64>,
}

/// Timeliness of the publications of one month (by publication date).
#[derive(Clone, Debug, Default, Serialize)]
pub struct MonthTimeliness {
    pub month: u32,
    pub on_time: usize,
    pub late: usize,
    pub unknown: usize,
}

/// Requests (依申请公开) received or answered in the year.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RequestFigures {
    pub received: usize,
    pub answered: usize,
    /// Closed in the year without a reply (`closure`: withdrawn, fee unpaid, no correction, …);
    /// not judged for timeliness.
    pub closed: usize,
    pub open_at_year_end: usize,
    pub answered_on_time: usize,
    pub answered_late: usize,
    /// Answers whose timeliness cannot be judged (calendar year not covered, no dates).
    pub timing_unknown: usize,
    /// Answers whose records have error-severity findings of the request rules.
    pub with_errors: usize,
    /// 回应及时率: answered on time / answered with a known timing.
    pub timeliness_rate: Option<f64>,
    /// Answers by 条例 Art 36 response type (`granted`, `denied`, …; `partial` for 部分公开), and
    /// closures by `closure` (`withdrawn`, `fee_unpaid`, …).
    pub by_response: BTreeMap<String, usize>,
}

/// Totals.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Proactive items expected in the year (not-yet-due ones excluded).
    pub items_expected: usize,
    /// Of those, items with at least one publication.
    pub items_published: usize,
    pub items_missing: usize,
    pub items_late: usize,
    pub items_with_errors: usize,
    pub items_not_yet_due: usize,
    /// Items covered by a `nothing_arose` record (counted in `items_published`).
    pub items_nothing_arose: usize,
    /// 公开覆盖率: items published / items expected.
    pub coverage_rate: Option<f64>,
    pub publications: usize,
    pub publications_on_time: usize,
    pub publications_late: usize,
    pub publications_timing_unknown: usize,
    /// Publications on time / publications with a known timing.
    pub timeliness_rate: Option<f64>,
    /// Publication records of items outside this institution's catalogue.
    pub records_unknown_item: usize,
}

/// One entry of the rectification list (整改清单).
#[derive(Clone, Debug, Serialize)]
pub struct Rectification {
    pub code: &'static str,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// What to fix.
    pub what: Text,
    /// The statutory date it was or is due by, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Whether that date has passed (on `today`, or at the end of the audit).
    pub overdue: bool,
    /// The rule.
    pub basis: String,
}

/// An audit of one institution for one year.
#[derive(Clone, Debug, Serialize)]
pub struct Audit {
    pub institution: Institution,
    pub period: i32,
    pub summary: Summary,
    pub items: Vec<ItemAudit>,
    pub categories: Vec<CategoryCoverage>,
    /// Per grassroots domain (empty when the institution has no domain rows).
    pub domains: Vec<DomainCoverage>,
    /// Twelve months of the year, by publication date.
    pub months: Vec<MonthTimeliness>,
    pub requests: RequestFigures,
    pub rectifications: Vec<Rectification>,
    /// What the record readers found in the records (bad dates and values, undeclared members),
    /// as `gongkai check` reports it, each pointer prefixed with the record's index in the input
    /// (`/3/published`). A record with a bad date is audited without that date, and said so here.
    #[serde(serialize_with = "findings_json")]
    pub record_diagnostics: Vec<Diagnostic>,
}

fn findings_json<S: serde::Serializer>(diags: &[Diagnostic], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(diags.len()))?;
    for d in diags {
        seq.serialize_element(&serde_json::json!({
            "code": d.code, "severity": d.severity, "path": d.path.as_ref(),
            "message": {"zh": d.message.zh(), "en": d.message.en()},
        }))?;
    }
    seq.end()
}

/// A publication record as the audit reads it: the publication reader's answer, with where it was.
struct Read<'a> {
    value: &'a Value,
    id: Option<String>,
    publication: Publication<'a>,
}

/// The records of an audit, each read once by the reader of its kind, with every finding kept.
struct Records<'a> {
    publications: Vec<Read<'a>>,
    requests: Vec<(&'a Value, Option<String>, RequestRecord)>,
    findings: Vec<Diagnostic>,
}

impl<'a> Records<'a> {
    fn read(records: &[(usize, &'a Value)]) -> Self {
        let mut out = Records { publications: Vec::new(), requests: Vec::new(), findings: Vec::new() };
        for &(index, value) in records {
            let node = Node::Value(value);
            let id = value.get("id").and_then(Value::as_str).map(str::to_owned);
            let mut found = Vec::new();
            match value.get("kind").and_then(Value::as_str) {
                Some("publication") => {
                    let publication =
                        read_publication(node, &mut Reader { diags: &mut found, unknown: UnknownMembers::Warn });
                    if publication.nothing_arose {
                        // As the check reads such a statement: only its institution and item matter.
                        found.retain(|d| d.path.starts_with("/institution") || d.path.starts_with("/item"));
                    }
                    out.publications.push(Read { value, id, publication });
                }
                Some("request") => {
                    if let Some(r) = read_request_node(node, UnknownMembers::Warn, &mut found) {
                        out.requests.push((value, id, r));
                    }
                }
                Some(other) => found.push(Diagnostic::new(
                    &crate::check::codes::RECORD_UNKNOWN_KIND,
                    "/kind",
                    message!(
                        "记录类别 `{0}` 不是 `publication` 或 `request`，未计入审计",
                        "record kind `{0}` is neither `publication` nor `request`: not audited",
                        other
                    ),
                )),
                None => found.push(Diagnostic::new(
                    &crate::check::codes::RECORD_MISSING_FIELD,
                    "/kind",
                    message!(
                        "缺少必填字段 `kind`（`publication` 或 `request`），未计入审计",
                        "required field `kind` (`publication` or `request`) is missing: not audited"
                    ),
                )),
            }
            out.findings.extend(found.into_iter().map(|d| d.in_batch(index)));
        }
        out
    }
}

fn rate(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn citations(item: &Item) -> String {
    item.basis.iter().map(ToString::to_string).collect::<Vec<_>>().join("；")
}

/// The instance of a periodic item due in `year`: its label, last day, and due date.
fn periodic_instance(period: Period, due: &str, year: i32) -> Option<(String, NaiveDate, NaiveDate)> {
    let (m, d) = due.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let due_date = NaiveDate::from_ymd_opt(year, m, d)?;
    match period {
        Period::CalendarYear => Some(((year - 1).to_string(), NaiveDate::from_ymd_opt(year - 1, 12, 31)?, due_date)),
        Period::AcademicYear => {
            // The academic year ends 31 August; the due date is the first MM-DD after it.
            let end_year = if (m, d) > (8, 31) { year } else { year - 1 };
            Some((format!("{}-{}", end_year - 1, end_year), NaiveDate::from_ymd_opt(end_year, 8, 31)?, due_date))
        }
    }
}

/// The due date of one publication of an event-driven item, when it can be computed.
fn event_due(cal: &Calendar, timing: &Timing, rec: &Publication<'_>) -> Option<NaiveDate> {
    let start = |from: &TimingStart| match from {
        TimingStart::Approved => rec.approved.or(rec.formed),
        _ => rec.formed,
    };
    match timing {
        Timing::WithinWorkingDays { days, from, .. } => cal.add_working_days(start(from)?, *days).ok(),
        Timing::WithinDays { days, from, .. } => start(from)?.checked_add_days(chrono::Days::new(u64::from(*days))),
        _ => None,
    }
}

/// Error-severity findings of the record checks (`check::check_value`) on one publication record.
/// Timeliness is judged by the audit itself, so the check engine's lateness findings are not
/// counted twice.
fn record_errors(cat: &Catalogue, rec: &Value, opts: &AuditOptions) -> usize {
    if !opts.check_records {
        return 0;
    }
    let check_opts = crate::check::CheckOptions {
        today: opts.today,
        calendar: opts.calendar.clone(),
        strict_calendar: opts.strict_calendar,
        ..Default::default()
    };
    crate::check::check_value(cat, rec, &check_opts)
        .iter()
        .filter(|d| d.severity == Severity::Error && !d.code.contains("late"))
        .count()
}

/// Audit with default options (the year is over; records are checked).
pub fn audit(cat: &Catalogue, inst: &Institution, year: i32, records: &[Value]) -> crate::Result<Audit> {
    audit_with(cat, inst, year, records, &AuditOptions { today: None, check_records: true, ..Default::default() })
}

/// Audit an institution's records for a calendar year.
pub fn audit_with(
    cat: &Catalogue,
    inst: &Institution,
    year: i32,
    records: &[Value],
    opts: &AuditOptions,
) -> crate::Result<Audit> {
    let indexed: Vec<(usize, &Value)> = records.iter().enumerate().collect();
    audit_records(cat, inst, year, &indexed, opts)
}

/// [`audit_with`] over records given with their index in the whole input (pointers name it).
fn audit_records(
    cat: &Catalogue,
    inst: &Institution,
    year: i32,
    records: &[(usize, &Value)],
    opts: &AuditOptions,
) -> crate::Result<Audit> {
    let read = Records::read(records);
    let resolved = cat.resolve(inst)?;
    let strict_or_embedded = if opts.strict_calendar { Calendar::embedded_strict() } else { Calendar::embedded() };
    let cal: &Calendar = opts.calendar.as_deref().unwrap_or(strict_or_embedded);
    let end_of_audit = opts.today.unwrap_or_else(|| NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or_default());

    // Publication records by item id; "nothing arose" statements apart, by item id, for the year.
    let mut by_item: BTreeMap<&str, Vec<&Read<'_>>> = BTreeMap::new();
    let mut nothing: BTreeMap<&str, &Read<'_>> = BTreeMap::new();
    for rec in &read.publications {
        if let Some(id) = rec.publication.item {
            if rec.publication.nothing_arose {
                let in_year = match rec.publication.period {
                    Some(p) => p.trim() == year.to_string(),
                    None => rec.publication.published.is_none_or(|d| d.year() == year),
                };
                if in_year {
                    nothing.insert(id, rec);
                }
            } else {
                by_item.entry(id).or_default().push(rec);
            }
        }
    }
    let mut domains: Vec<DomainCoverage> = Vec::new();

    let mut summary = Summary::default();
    let mut items = Vec::new();
    let mut months: Vec<MonthTimeliness> =
        (1..=12).map(|month| MonthTimeliness { month, ..Default::default() }).collect();
    let mut rectifications = Vec::new();
    let mut categories: Vec<CategoryCoverage> = Vec::new();

    for ri in resolved.items.iter().filter(|ri| ri.item.mode == Mode::Proactive) {
        let item: &Item = &ri.item;
        let recs = by_item.get(item.id.as_str()).map(Vec::as_slice).unwrap_or_default();
        let category = item.category.first().cloned().unwrap_or_default();
        let basis = citations(item);
        let timing_basis = item.timing.basis().map(ToString::to_string).unwrap_or_else(|| basis.clone());
        let mut ia = ItemAudit {
            id: item.id.clone(),
            title: item.title.clone(),
            category: category.clone(),
            domain: item.domain.clone(),
            status: ItemStatus::Published,
            expectation: "event",
            period: None,
            due: None,
            publications: 0,
            late: 0,
            with_errors: 0,
            timing_unknown: 0,
            basis: basis.clone(),
        };
        // Which records count for the year, and each one's due date.
        let mut counted: Vec<(&Read<'_>, Option<NaiveDate>)> = Vec::new();
        match &item.timing {
            Timing::Periodic { period, due, .. } => {
                ia.expectation = "periodic";
                if let Some((label, period_end, due_date)) = periodic_instance(*period, due, year) {
                    ia.period = Some(label.clone());
                    ia.due = Some(due_date);
                    for rec in recs {
                        let matches = match rec.publication.period.map(str::trim) {
                            Some(p) => {
                                p == label || p.ends_with(&format!("-{}", period_end.year())) && label.contains('-')
                            }
                            None => rec.publication.published.is_some_and(|d| d > period_end && d.year() <= year + 1),
                        };
                        if matches {
                            counted.push((rec, Some(due_date)));
                        }
                    }
                }
            }
            timing => {
                if matches!(timing, Timing::RealTime { .. } | Timing::Timely { .. } | Timing::None) {
                    ia.expectation = "ongoing";
                }
                for rec in recs {
                    if rec.publication.published.is_some_and(|d| d.year() == year) {
                        counted.push((rec, event_due(cal, timing, &rec.publication)));
                    }
                }
            }
        }
        for (rec, due) in &counted {
            ia.publications += 1;
            summary.publications += 1;
            let published = rec.publication.published;
            let month = published.filter(|d| d.year() == year).map(|d| d.month0() as usize);
            match (published, due) {
                (Some(p), Some(due)) if p > *due => {
                    ia.late += 1;
                    summary.publications_late += 1;
                    if let Some(m) = month {
                        months[m].late += 1;
                    }
                    rectifications.push(Rectification {
                        code: AUDIT_LATE.code,
                        severity: AUDIT_LATE.severity,
                        item: Some(item.id.clone()),
                        record: rec.id.clone(),
                        what: Text::new(
                            format!("“{}”于 {p} 公开，晚于时限 {due}：查明原因，按时公开今后的同类信息", item.title.zh),
                            format!(
                                "`{}` was published on {p}, after its time limit {due}: find out why and publish such items on time",
                                item.id
                            ),
                        ),
                        due: Some(*due),
                        overdue: true,
                        basis: timing_basis.clone(),
                    });
                }
                (Some(_), Some(_)) => {
                    summary.publications_on_time += 1;
                    if let Some(m) = month {
                        months[m].on_time += 1;
                    }
                }
                _ => {
                    ia.timing_unknown += 1;
                    summary.publications_timing_unknown += 1;
                    if let Some(m) = month {
                        months[m].unknown += 1;
                    }
                }
            }
            let errors = record_errors(cat, rec.value, opts);
            if errors > 0 {
                ia.with_errors += 1;
                rectifications.push(Rectification {
                    code: AUDIT_RECORD_ERRORS.code,
                    severity: AUDIT_RECORD_ERRORS.severity,
                    item: Some(item.id.clone()),
                    record: rec.id.clone(),
                    what: Text::new(
                        format!("更正“{}”的公开内容：检查发现 {errors} 个错误（gongkai check）", item.title.zh),
                        format!("correct the publication of `{}`: {errors} errors found (gongkai check)", item.id),
                    ),
                    due: None,
                    overdue: false,
                    basis: AUDIT_RECORD_ERRORS.basis.to_owned(),
                });
            }
        }
        ia.status = if ia.publications == 0 && nothing.contains_key(item.id.as_str()) {
            ItemStatus::NothingArose
        } else if ia.publications == 0 {
            match ia.due {
                Some(due) if due >= end_of_audit => ItemStatus::NotYetDue,
                _ => ItemStatus::Missing,
            }
        } else if ia.late > 0 {
            ItemStatus::Late
        } else if ia.with_errors > 0 {
            ItemStatus::WithErrors
        } else {
            ItemStatus::Published
        };
        if ia.status == ItemStatus::Missing {
            // The duty to publish is the item's basis; for a periodic item also its due date's.
            let duty = if ia.due.is_some() && timing_basis != basis {
                format!("{basis}；{timing_basis}")
            } else {
                basis.clone()
            };
            rectifications.push(missing(item, &ia, &duty, year, end_of_audit));
        }
        let expected = ia.status != ItemStatus::NotYetDue;
        let published = ia.publications > 0 || ia.status == ItemStatus::NothingArose;
        match ia.status {
            ItemStatus::NotYetDue => summary.items_not_yet_due += 1,
            ItemStatus::NothingArose => summary.items_nothing_arose += 1,
            ItemStatus::Missing => summary.items_missing += 1,
            ItemStatus::Late => summary.items_late += 1,
            ItemStatus::WithErrors => summary.items_with_errors += 1,
            _ => {}
        }
        if expected {
            summary.items_expected += 1;
            summary.items_published += usize::from(published);
            let c = match categories.iter_mut().find(|c| c.category == category) {
                Some(c) => c,
                None => {
                    categories.push(CategoryCoverage {
                        category: category.clone(),
                        expected: 0,
                        published: 0,
                        rate: None,
                    });
                    categories.last_mut().expect("just pushed")
                }
            };
            c.expected += 1;
            c.published += usize::from(published);
            if let Some(d) = &item.domain {
                let dc = match domains.iter_mut().position(|x| &x.domain == d) {
                    Some(i) => &mut domains[i],
                    None => {
                        domains.push(DomainCoverage {
                            domain: d.clone(),
                            expected: 0,
                            covered: 0,
                            missing: Vec::new(),
                            late: Vec::new(),
                            nothing_arose: Vec::new(),
                            rate: None,
                        });
                        domains.last_mut().expect("just pushed")
                    }
                };
                dc.expected += 1;
                dc.covered += usize::from(published);
                match ia.status {
                    ItemStatus::Missing => dc.missing.push(item.id.clone()),
                    ItemStatus::Late => dc.late.push(item.id.clone()),
                    ItemStatus::NothingArose => dc.nothing_arose.push(item.id.clone()),
                    _ => {}
                }
            }
        }
        items.push(ia);
    }
    for c in &mut categories {
        c.rate = rate(c.published, c.expected);
    }
    for d in &mut domains {
        d.rate = rate(d.covered, d.expected);
    }
    // Publications of items this institution does not have.
    for (id, rec) in &nothing {
        if resolved.item(id).is_none() {
            by_item.entry(id).or_default().push(rec);
        }
    }
    for (id, recs) in &by_item {
        if resolved.item(id).is_none() {
            summary.records_unknown_item += recs.len();
            rectifications.push(Rectification {
                code: AUDIT_UNKNOWN_ITEM.code,
                severity: AUDIT_UNKNOWN_ITEM.severity,
                item: Some((*id).to_owned()),
                record: recs.first().and_then(|r| r.id.clone()),
                what: Text::new(
                    format!("{} 条记录的事项 `{id}` 不在本机构的目录中：核对事项编号", recs.len()),
                    format!(
                        "{} records name item `{id}`, which is not in this institution's catalogue: check the id",
                        recs.len()
                    ),
                ),
                due: None,
                overdue: false,
                basis: String::new(),
            });
        }
    }
    summary.coverage_rate = rate(summary.items_published, summary.items_expected);
    summary.timeliness_rate =
        rate(summary.publications_on_time, summary.publications_on_time + summary.publications_late);
    let requests = request_figures(cat, year, &read.requests, opts, &mut rectifications);
    rectifications.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.due.cmp(&b.due)));
    Ok(Audit {
        institution: inst.clone(),
        period: year,
        summary,
        items,
        categories,
        domains,
        months,
        requests,
        rectifications,
        record_diagnostics: read.findings,
    })
}

fn missing(item: &Item, ia: &ItemAudit, basis: &str, year: i32, end: NaiveDate) -> Rectification {
    let (zh, en) = match (&ia.period, ia.due) {
        (Some(p), Some(due)) => (
            format!("公开 {p} 期间的“{}”（应于 {due} 前公开，已逾期）", item.title.zh),
            format!("publish `{}` for {p} (due {due}, overdue)", item.id),
        ),
        _ => (
            format!("{year} 年没有“{}”的公开记录：补充公开，或说明本年度无此类信息", item.title.zh),
            format!("no publication of `{}` in {year}: publish it, or record that nothing arose this year", item.id),
        ),
    };
    info_rect(&AUDIT_MISSING, item, Text::new(zh, en), ia.due, ia.due.is_some_and(|d| d < end), basis)
}

fn info_rect(
    code: &'static CodeInfo,
    item: &Item,
    what: Text,
    due: Option<NaiveDate>,
    overdue: bool,
    basis: &str,
) -> Rectification {
    Rectification {
        code: code.code,
        severity: code.severity,
        item: Some(item.id.clone()),
        record: None,
        what,
        due,
        overdue,
        basis: if basis.is_empty() { code.basis.to_owned() } else { basis.to_owned() },
    }
}

/// Requests received or answered in the year. Timeliness and errors come from the deadline rules
/// (`deadlines::check_request`: 条例 Arts 30–33, consultation periods excluded, extensions).
fn request_figures(
    cat: &Catalogue,
    year: i32,
    records: &[(&Value, Option<String>, RequestRecord)],
    opts: &AuditOptions,
    rects: &mut Vec<Rectification>,
) -> RequestFigures {
    let mut f = RequestFigures::default();
    let name = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_owned));
    for (value, id, rec) in records {
        let done = rec.reply_date.or(rec.closed);
        if rec.received.year() == year {
            f.received += 1;
        }
        if rec.received.year() <= year && done.is_none_or(|d| d.year() > year) {
            f.open_at_year_end += 1;
        }
        if rec.reply_date.is_none()
            && let Some(closure) = rec.closure.filter(|_| rec.closed.is_some_and(|d| d.year() == year))
        {
            f.closed += 1;
            let key = name(serde_json::to_value(closure).ok()).unwrap_or_default();
            *f.by_response.entry(key).or_default() += 1;
            continue;
        }
        let Some(reply) = rec.reply_date.filter(|d| d.year() == year) else { continue };
        f.answered += 1;
        let response = match rec.response_type {
            _ if rec.partial => Some("partial".to_owned()),
            Some(r) => name(serde_json::to_value(r).ok()),
            None => None,
        };
        *f.by_response.entry(response.unwrap_or_else(|| "unknown".into())).or_default() += 1;
        let diags = crate::deadlines::check_request(cat, value);
        if let Some(late) = diags.iter().find(|d| d.code == "request_reply_late") {
            f.answered_late += 1;
            rects.push(Rectification {
                code: AUDIT_REQUEST_LATE.code,
                severity: AUDIT_REQUEST_LATE.severity,
                item: None,
                record: id.clone(),
                what: Text::new(
                    format!("{}（答复于 {reply}）：查明超期原因，完善办理流程", late.message.zh()),
                    format!("{} (answered {reply}): find the cause and fix the handling process", late.message.en()),
                ),
                due: None,
                overdue: true,
                basis: late
                    .basis
                    .clone()
                    .map_or_else(|| AUDIT_REQUEST_LATE.basis.to_owned(), crate::model::SharedStr::into_owned),
            });
        } else if diags.iter().any(|d| d.code == "request_calendar_not_covered" || d.code == "request_invalid_value") {
            f.timing_unknown += 1;
        } else {
            f.answered_on_time += 1;
        }
        let errors = diags.iter().filter(|d| d.severity == Severity::Error && d.code != "request_reply_late").count();
        if opts.check_records && errors > 0 {
            f.with_errors += 1;
            rects.push(Rectification {
                code: AUDIT_RECORD_ERRORS.code,
                severity: AUDIT_RECORD_ERRORS.severity,
                item: None,
                record: id.clone(),
                what: Text::new(
                    format!("更正申请办理记录：检查发现 {errors} 个错误（gongkai check）"),
                    format!("correct the request record: {errors} errors found (gongkai check)"),
                ),
                due: None,
                overdue: false,
                basis: AUDIT_RECORD_ERRORS.basis.to_owned(),
            });
        }
    }
    f.timeliness_rate = rate(f.answered_on_time, f.answered_on_time + f.answered_late);
    f
}

/// An audit of a county and its townships and sub-district offices for one year, with the
/// per-domain table (covered / missing 应公开未公开 / late) for each of them.
#[derive(Clone, Debug, Serialize)]
pub struct AreaAudit {
    pub period: i32,
    /// One audit per institution, the county first.
    pub audits: Vec<Audit>,
    /// Every institution's domain rows, domain by domain.
    pub domains: Vec<AreaDomainRow>,
    /// Records whose `institution.name` names none of the institutions audited.
    pub records_unassigned: usize,
}

/// One institution's coverage of one domain.
#[derive(Clone, Debug, Serialize)]
pub struct AreaDomainRow {
    pub domain: String,
    pub institution: String,
    pub tier: String,
    #[serde(flatten)]
    pub coverage: DomainCoverage,
}

/// Audit a county (the first institution) and its townships and sub-district offices. Each
/// record goes to the institution whose `name` its `institution.name` gives; a record without
/// a name goes to the first institution. Institutions need distinct names.
pub fn audit_area(
    cat: &Catalogue,
    institutions: &[Institution],
    year: i32,
    records: &[Value],
    opts: &AuditOptions,
) -> crate::Result<AreaAudit> {
    let name_of = |i: &Institution| i.name.clone().unwrap_or_default();
    let mut split: Vec<Vec<(usize, &Value)>> = vec![Vec::new(); institutions.len()];
    let mut unassigned = 0;
    for (index, rec) in records.iter().enumerate() {
        // The declared `institution.name`, even of an institution otherwise incomplete (whose
        // audit reports what is missing).
        let name = rec.get("institution").and_then(|i| i.get("name")).and_then(Value::as_str);
        let target = match name {
            None => Some(0),
            Some(n) => institutions.iter().position(|i| name_of(i) == n),
        };
        match target {
            Some(i) if i < split.len() => split[i].push((index, rec)),
            _ => unassigned += 1,
        }
    }
    let mut audits = Vec::new();
    for (inst, recs) in institutions.iter().zip(&split) {
        audits.push(audit_records(cat, inst, year, recs, opts)?);
    }
    let mut rows = Vec::new();
    for d in &cat.domains().domains {
        for a in &audits {
            if let Some(c) = a.domains.iter().find(|c| c.domain == d.id) {
                rows.push(AreaDomainRow {
                    domain: d.id.clone(),
                    institution: name_of(&a.institution),
                    tier: a.institution.tier.clone(),
                    coverage: c.clone(),
                });
            }
        }
    }
    Ok(AreaAudit { period: year, audits, domains: rows, records_unassigned: unassigned })
}
