//! Tables 三 and 四 of an annual report from request records (`"kind": "request"`), so that a
//! report comes from case data rather than typing. The records are read by the request reader
//! ([`crate::deadlines::request::read_request_node`]), so the builder sees the members the record
//! format declares and reports what the reader finds, as `gongkai check` does.
//!
//! For year Y: a request received in Y is `new`; one received earlier and not answered before Y
//! is `carried_in`; one answered (or closed) in Y goes to its outcome row; one still open at the
//! end of Y is `carried_out`. The outcome row comes from the record's `report_row` when given,
//! else from its `closure`, response type and the cited grounds' `report_row` (catalogues/grounds.yaml).

use chrono::Datelike;
use serde_json::Value;

use super::codes::BUILD_SKIPPED;
use super::model::{AnnualReport, CaseGroup, Column, ReportFormat, Row, TABLE3_ROWS, Table3, Table4};
use crate::Catalogue;
use crate::deadlines::request::read_request_node;
use crate::deadlines::{CaseOutcome, Closure, RequestRecord};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{ResponseType, Text};
use crate::record::{Node, UnknownMembers};

/// A built report and what was found in its records.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Built {
    pub report: AnnualReport,
    /// One warning per record left out, with its index in the input as the path.
    pub skipped: Vec<Diagnostic>,
    /// What the request reader found in the records (bad values, undeclared members), as
    /// `gongkai check` reports it, each pointer prefixed with the record's index (`/3/received`).
    pub diagnostics: Vec<Diagnostic>,
}

/// The members of a request record the tables are counted from.
const COUNTED_FROM: [&str; 11] = [
    "/received",
    "/reply_date",
    "/closed",
    "/closure",
    "/applicant_type",
    "/response_type",
    "/partial",
    "/grounds",
    "/report_row",
    "/reconsideration",
    "/litigation",
];

/// Build tables 三 and 四 for `year` in the 2021 format, using the embedded catalogue's grounds.
pub fn build_report(year: i32, records: &[Value]) -> AnnualReport {
    build_report_with(Catalogue::embedded(), year, ReportFormat::F2021, records).report
}

/// Build tables 三 and 四 for `year` in a given format, with the grounds of `cat`.
pub fn build_report_with(cat: &Catalogue, year: i32, format: ReportFormat, records: &[Value]) -> Built {
    let mut t3 = Table3::default();
    for spec in TABLE3_ROWS.iter().filter(|s| s.in_format(format)) {
        if let Some(row) = t3.row_mut(spec.key) {
            *row = Row::zeros();
        }
    }
    let mut t4 = Table4 {
        reconsideration: CaseGroup::zeros(),
        litigation_direct: CaseGroup::zeros(),
        litigation_after_reconsideration: CaseGroup::zeros(),
    };
    let mut skipped = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, value) in records.iter().enumerate() {
        let id = value.get("id").and_then(Value::as_str);
        let mut skip = |path: &str, why_zh: &str, why_en: &str| {
            let who = id.map(|id| format!(" `{id}`")).unwrap_or_default();
            skipped.push(Diagnostic::new(
                &BUILD_SKIPPED,
                format!("/{index}{path}"),
                Text::new(format!("记录{who}未计入：{why_zh}"), format!("record{who} not counted: {why_en}")),
            ));
        };
        match value.get("kind").and_then(Value::as_str) {
            Some("request") => {}
            Some("publication") => continue,
            _ => {
                skip(
                    "/kind",
                    "不是申请记录（`kind` 应为 `request`）",
                    "not a request record (`kind` is not `request`)",
                );
                continue;
            }
        }
        let mut found = Vec::new();
        let read = read_request_node(Node::Value(value), UnknownMembers::Warn, &mut found);
        // An error in a member the tables are counted from leaves the record out; one elsewhere
        // (a channel, a fee) is reported but does not change where the request is counted.
        let blocking = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .find(|d| COUNTED_FROM.iter().any(|m| d.is_within(m)))
            .map(|d| d.path.to_string());
        diagnostics.extend(found.into_iter().map(|d| d.in_batch(index)));
        let rec = match (read, blocking) {
            (Some(rec), None) => rec,
            (_, at) => {
                let at = at.unwrap_or_default();
                skip(&at, &format!("`{at}` 的值有错误"), &format!("`{at}` has an error"));
                continue;
            }
        };
        let done = rec.reply_date.or(rec.closed);
        if rec.received.year() > year || done.is_some_and(|d| d.year() < year) {
            continue; // not in this year's books
        }
        let Some(column) = rec.applicant_type.map(Column::of) else {
            skip("/applicant_type", "没有申请人类型（applicant_type）", "no applicant type (`applicant_type`)");
            continue;
        };
        let done_this_year = done.is_some_and(|d| d.year() == year);
        let outcome = if done_this_year {
            match outcome_row(cat, &rec, format) {
                Ok(row) => Some(row),
                Err((path, zh, en)) => {
                    skip(path, &zh, &en);
                    continue;
                }
            }
        } else {
            None
        };
        let first_row = if rec.received.year() == year { "new" } else { "carried_in" };
        for key in [Some(first_row), outcome, (!done_this_year).then_some("carried_out")].into_iter().flatten() {
            if let Some(row) = t3.row_mut(key) {
                row.add_one(column);
            }
        }
        if outcome.is_some() {
            t3.r7_total.get_or_insert_with(Row::zeros).add_one(column);
        }
        count_cases(&rec, year, done.map(|d| d.year()), &mut t4);
    }
    let report = AnnualReport { format, year, table3: t3, table4: Some(t4), ..Default::default() };
    Built { report, skipped, diagnostics }
}

/// The outcome row of an answered or closed request, or (the member at fault, why it has none).
fn outcome_row(
    cat: &Catalogue,
    rec: &RequestRecord,
    format: ReportFormat,
) -> Result<&'static str, (&'static str, String, String)> {
    let valid =
        |key: &str| TABLE3_ROWS.iter().find(|s| s.key == key && s.outcome && s.in_format(format)).map(|s| s.key);
    let other = |sub: &'static str| if format == ReportFormat::F2019 { "r6" } else { sub };
    if let Some(explicit) = rec.report_row.as_deref() {
        let key = if format == ReportFormat::F2019 && explicit.starts_with("r6") { "r6" } else { explicit };
        return valid(key).ok_or_else(|| {
            (
                "/report_row",
                format!("`report_row` 值 `{explicit}` 不是表三的办理结果行"),
                format!("`report_row` `{explicit}` is not an outcome row of table 三"),
            )
        });
    }
    if let Some(closure) = rec.closure {
        return Ok(match closure {
            Closure::NoCorrection => other("r6_1"),
            Closure::FeeUnpaid => other("r6_2"),
            Closure::Withdrawn | Closure::Other => other("r6_3"),
        });
    }
    let ground_row = || {
        rec.grounds.iter().find_map(|g| {
            cat.ground(g)
                .and_then(|x| x.report_row.as_deref())
                .or_else(|| {
                    cat.ground_set().non_obligations.iter().find(|n| &n.id == g).and_then(|n| n.report_row.as_deref())
                })
                .and_then(valid)
        })
    };
    let row = match rec.response_type {
        // 区分处理的，只计“部分公开”这一情形 (table note).
        _ if rec.partial => Some("r2_partial"),
        Some(ResponseType::Granted | ResponseType::AlreadyPublic) => Some("r1_granted"),
        Some(ResponseType::Repeat) => Some("r5_2"),
        // INFERRED: 条例 Art 36(四)/(五) replies are counted as （四）1 本机关不掌握相关政府信息
        // when no ground with a row is cited.
        Some(ResponseType::NotExist | ResponseType::NotResponsible) => ground_row().or(Some("r4_1")),
        _ => ground_row(),
    };
    let name = rec
        .response_type
        .and_then(|r| serde_json::to_value(r).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    row.ok_or_else(|| {
        (
            "/response_type",
            format!("答复类型 `{name}` 及所引依据都没有对应的表三行；请在记录中写明 `report_row`"),
            format!(
                "response type `{name}` and its grounds map to no row of table 三: give `report_row` in the record"
            ),
        )
    })
}

/// Table 四: reconsideration and litigation attached to a request, counted in the year they were
/// filed (or, without a filing date, the year of the reply).
fn count_cases(rec: &RequestRecord, year: i32, reply_year: Option<i32>, t4: &mut Table4) {
    let mut add = |group: &str, filed: Option<chrono::NaiveDate>, outcome: Option<CaseOutcome>| {
        if filed.map(|d| d.year()).or(reply_year) != Some(year) {
            return;
        }
        let part = match outcome.unwrap_or_default() {
            CaseOutcome::Upheld => "upheld",
            CaseOutcome::Corrected => "corrected",
            CaseOutcome::Other => "other",
            CaseOutcome::Pending => "pending",
        };
        let g = t4.group_mut(group);
        let cell = g.get_mut(part);
        *cell = super::model::Cell(Some(cell.value() + 1.0));
        g.total = super::model::Cell(Some(g.total.value() + 1.0));
    };
    if let Some(case) = &rec.reconsideration {
        add("reconsideration", case.filed, case.outcome);
    }
    if let Some(case) = &rec.litigation {
        let group = if case.after_reconsideration { "litigation_after_reconsideration" } else { "litigation_direct" };
        add(group, case.filed, case.outcome);
    }
}
