//! Tables 三 and 四 of an annual report from request records (`"kind": "request"`), so that a
//! report comes from case data rather than typing.
//!
//! For year Y: a request received in Y is `new`; one received earlier and not answered before Y
//! is `carried_in`; one answered (or closed) in Y goes to its outcome row; one still open at the
//! end of Y is `carried_out`. The outcome row comes from the record's `report_row` when given,
//! else from the response type and the cited grounds' `report_row` (catalogues/grounds.yaml).

use chrono::Datelike;
use serde_json::Value;

use super::codes::BUILD_SKIPPED;
use super::fields;
use super::model::{AnnualReport, CaseGroup, Column, ReportFormat, Row, TABLE3_ROWS, Table3, Table4};
use crate::Catalogue;
use crate::diagnostics::Diagnostic;
use crate::model::Text;

/// A built report and the records that could not be counted.
#[derive(Clone, Debug)]
pub struct Built {
    pub report: AnnualReport,
    /// One warning per request record left out, with its index in the input as the path.
    pub skipped: Vec<Diagnostic>,
}

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
    for (index, rec) in records.iter().enumerate() {
        if fields::kind(rec) != Some("request") {
            continue;
        }
        let mut skip = |why_zh: String, why_en: String| {
            let who = fields::id(rec).map(|id| format!(" `{id}`")).unwrap_or_default();
            skipped.push(Diagnostic::new(
                &BUILD_SKIPPED,
                format!("/{index}"),
                Text::new(format!("申请记录{who}未计入：{why_zh}"), format!("request{who} not counted: {why_en}")),
            ));
        };
        let Some(received) = fields::received(rec) else {
            skip("没有收到日期（received）".into(), "no received date (`received`)".into());
            continue;
        };
        let replied = fields::replied(rec);
        if received.year() > year || replied.is_some_and(|d| d.year() < year) {
            continue; // not in this year's books
        }
        let Some(column) = fields::applicant_type(rec).and_then(Column::from_applicant) else {
            let given = fields::applicant_type(rec).unwrap_or("");
            skip(
                format!("申请人类型 `{given}` 无法归入表三的列"),
                format!("applicant type `{given}` is not one of the table's columns"),
            );
            continue;
        };
        let answered_this_year = replied.is_some_and(|d| d.year() == year);
        let outcome = if answered_this_year {
            match outcome_row(cat, rec, format) {
                Ok(row) => Some(row),
                Err((zh, en)) => {
                    skip(zh, en);
                    continue;
                }
            }
        } else {
            None
        };
        let first_row = if received.year() == year { "new" } else { "carried_in" };
        for key in [Some(first_row), outcome, (!answered_this_year).then_some("carried_out")].into_iter().flatten() {
            if let Some(row) = t3.row_mut(key) {
                row.add_one(column);
            }
        }
        if outcome.is_some() {
            t3.r7_total.get_or_insert_with(Row::zeros).add_one(column);
        }
        count_cases(rec, year, replied.map(|d| d.year()), &mut t4);
    }
    let report = AnnualReport { format, year, table3: t3, table4: Some(t4), ..Default::default() };
    Built { report, skipped }
}

/// The outcome row of an answered request, or why it has none.
fn outcome_row(cat: &Catalogue, rec: &Value, format: ReportFormat) -> Result<&'static str, (String, String)> {
    let valid =
        |key: &str| TABLE3_ROWS.iter().find(|s| s.key == key && s.outcome && s.in_format(format)).map(|s| s.key);
    if let Some(explicit) = fields::str_at(rec, &["report_row", "response.report_row"]) {
        let key = if format == ReportFormat::F2019 && explicit.starts_with("r6") { "r6" } else { explicit };
        return valid(key).ok_or_else(|| {
            (
                format!("`report_row` 值 `{explicit}` 不是表三的办理结果行"),
                format!("`report_row` `{explicit}` is not an outcome row of table 三"),
            )
        });
    }
    let response = fields::response_type(rec).unwrap_or("");
    let ground_row = || {
        fields::grounds(rec).into_iter().find_map(|g| {
            cat.ground(g)
                .and_then(|x| x.report_row.as_deref())
                .or_else(|| {
                    cat.ground_set().non_obligations.iter().find(|n| n.id == g).and_then(|n| n.report_row.as_deref())
                })
                .and_then(valid)
        })
    };
    let other = |sub: &'static str| if format == ReportFormat::F2019 { "r6" } else { sub };
    let row = match response {
        // 区分处理的，只计“部分公开”这一情形 (table note).
        _ if fields::is_partial(rec) || response == "partial" => Some("r2_partial"),
        "granted" | "already_public" => Some("r1_granted"),
        "repeat" => Some("r5_2"),
        "no_correction" | "abandoned_no_correction" => Some(other("r6_1")),
        "fee_unpaid" | "abandoned_fee_unpaid" => Some(other("r6_2")),
        "withdrawn" | "other" => Some(other("r6_3")),
        // INFERRED: 条例 Art 36(四)/(五) replies are counted as （四）1 本机关不掌握相关政府信息
        // when no ground with a row is cited.
        "not_exist" | "not_responsible" => ground_row().or(Some("r4_1")),
        _ => ground_row(),
    };
    row.ok_or_else(|| {
        (
            format!("答复类型 `{response}` 及所引依据都没有对应的表三行；请在记录中写明 `report_row`"),
            format!(
                "response type `{response}` and its grounds map to no row of table 三: give `report_row` in the record"
            ),
        )
    })
}

/// Table 四: reconsideration and litigation attached to a request, counted in the year they were
/// filed (or, without a filing date, the year of the reply).
fn count_cases(rec: &Value, year: i32, reply_year: Option<i32>, t4: &mut Table4) {
    let mut add = |group: &str, case: &Value| {
        let filed = fields::date_at(case, &["filed", "date", "filed_on"]).map(|d| d.year()).or(reply_year);
        if filed != Some(year) {
            return;
        }
        let part = match fields::str_at(case, &["outcome", "result"]) {
            Some("upheld" | "维持") => "upheld",
            Some("corrected" | "纠正" | "revoked" | "changed") => "corrected",
            Some("pending" | "尚未审结") | None => "pending",
            Some(_) => "other",
        };
        let g = t4.group_mut(group);
        let cell = g.get_mut(part);
        *cell = super::model::Cell(Some(cell.value() + 1.0));
        g.total = super::model::Cell(Some(g.total.value() + 1.0));
    };
    if let Some(case) = rec.get("reconsideration").filter(|v| v.is_object()) {
        add("reconsideration", case);
    }
    if let Some(case) = rec.get("litigation").filter(|v| v.is_object()) {
        let after = case.get("after_reconsideration").and_then(Value::as_bool).unwrap_or(false);
        add(if after { "litigation_after_reconsideration" } else { "litigation_direct" }, case);
    }
}
