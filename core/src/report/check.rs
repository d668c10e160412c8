//! Checks of an annual report's tables: the official 勾稽关系, the totals the row and column
//! structure implies, cell values, cross-year consistency and the publication date (条例 Art 49).

use chrono::NaiveDate;

use super::codes::*;
use super::model::{AnnualReport, Cell, Column, ReportFormat, TABLE3_ROWS, Table2, Table4};
use crate::diagnostics::Diagnostic;
use crate::model::Text;

/// Counts are compared after rounding: transcribed cells are whole numbers.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.5
}

/// The largest count added exactly: whole numbers beyond 2^53 − 1 are not all representable,
/// and a sum past it would be a wrong total shown as right.
const MAX_COUNT: f64 = 9_007_199_254_740_991.0;

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() <= MAX_COUNT { format!("{}", v as i64) } else { format!("{v}") }
}

/// The sum of counts, with the check a wrong total needs: `None` when a count was too large
/// (reported by [`cell_value`], which gives it as NaN) or a partial sum passes [`MAX_COUNT`].
fn checked_sum(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut sum = 0.0f64;
    for v in values {
        sum += v;
        if !sum.is_finite() || sum.abs() > MAX_COUNT {
            return None;
        }
    }
    Some(sum)
}

/// The sums on both sides of a relation, or the diagnostic saying they are too large to compare
/// (only for sums that overflowed: a cell too large is reported once, at the cell).
fn both_sums(
    a: Option<f64>,
    b: Option<f64>,
    cells_ok: bool,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<(f64, f64)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => {
            if cells_ok {
                out.push(Diagnostic::new(
                    &TOO_LARGE,
                    path.to_owned(),
                    Text::new(
                        format!("合计超过 {}，过大，无法核对", fmt(MAX_COUNT)),
                        format!("the figures add up to more than {}: too large to check", fmt(MAX_COUNT)),
                    ),
                ));
            }
            None
        }
    }
}

/// Check a report; `previous` is last year's report of the same organ, when known.
pub fn check_report(report: &AnnualReport, previous: Option<&AnnualReport>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_format_year(report, &mut out);
    check_table3(report, &mut out);
    if let Some(t4) = &report.table4 {
        check_table4(t4, &mut out);
    }
    if let Some(t2) = &report.table2 {
        check_table2(report.format, t2, &mut out);
    }
    if let Some(prev) = previous {
        check_previous(report, prev, &mut out);
    }
    check_deadline(report, &mut out);
    out
}

fn check_format_year(r: &AnnualReport, out: &mut Vec<Diagnostic>) {
    let expected = if r.year >= 2021 { ReportFormat::F2021 } else { ReportFormat::F2019 };
    if r.year >= 2019 && r.format != expected {
        out.push(Diagnostic::new(
            &FORMAT_YEAR,
            "/format",
            Text::new(
                format!("{} 年度报告应使用 {} 格式，而不是 `{}`", r.year, expected.instrument(), r.format.as_str()),
                format!(
                    "a report for {} uses the {} format ({}), not `{}`",
                    r.year,
                    expected.as_str(),
                    expected.instrument(),
                    r.format.as_str()
                ),
            ),
        ));
    }
}

/// Flag a cell that is blank, negative or not whole; return its value (blank as 0).
fn cell_value(cell: Cell, path: &str, allow_negative: bool, allow_fraction: bool, out: &mut Vec<Diagnostic>) -> f64 {
    match cell.0 {
        None => {
            out.push(
                Diagnostic::new(&BLANK, path.to_owned(), Text::new("空白栏，按 0 计算", "blank cell, counted as 0"))
                    .with_help(Text::new("无数据的栏填 0", "write 0 where there is nothing to report")),
            );
            0.0
        }
        Some(v) if v.abs() > MAX_COUNT => {
            out.push(Diagnostic::new(
                &TOO_LARGE,
                path.to_owned(),
                Text::new(
                    format!("件数 `{v}` 过大（上限 {}），不参与合计", fmt(MAX_COUNT)),
                    format!("count `{v}` is too large (limit {}): not added up", fmt(MAX_COUNT)),
                ),
            ));
            f64::NAN
        }
        Some(v) => {
            if v < 0.0 && !allow_negative {
                out.push(Diagnostic::new(
                    &NEGATIVE,
                    path.to_owned(),
                    Text::new(format!("件数 `{}` 为负数", fmt(v)), format!("count `{}` is negative", fmt(v))),
                ));
            }
            if v.fract() != 0.0 && !allow_fraction {
                out.push(Diagnostic::new(
                    &NOT_INTEGER,
                    path.to_owned(),
                    Text::new(format!("件数 `{v}` 不是整数"), format!("count `{v}` is not a whole number")),
                ));
            }
            v
        }
    }
}

fn check_table3(r: &AnnualReport, out: &mut Vec<Diagnostic>) {
    let t = &r.table3;
    // Values by (row index, column), blank as 0; every cell of the format checked once.
    let mut values = vec![[0.0f64; 7]; TABLE3_ROWS.len()];
    let mut blank = vec![[true; 7]; TABLE3_ROWS.len()];
    for (ri, spec) in TABLE3_ROWS.iter().enumerate() {
        let row = t.row(spec.key);
        if !spec.in_format(r.format) {
            if row.is_some() {
                out.push(
                    Diagnostic::new(
                        &ROW_NOT_IN_FORMAT,
                        format!("/table3/{}", spec.key),
                        Text::new(
                            format!("`{}` 行不属于 {} 格式（{}）", spec.key, r.format.as_str(), r.format.instrument()),
                            format!(
                                "row `{}` is not part of the {} format ({})",
                                spec.key,
                                r.format.as_str(),
                                r.format.instrument()
                            ),
                        ),
                    )
                    .with_help(Text::new(
                        "2021 格式用 r6_1、r6_2、r6_3；2019 格式用 r6",
                        "the 2021 format uses r6_1, r6_2, r6_3; the 2019 format uses r6",
                    )),
                );
            }
            continue;
        }
        match row {
            None => out.push(
                Diagnostic::new(
                    &BLANK,
                    format!("/table3/{}", spec.key),
                    Text::new(
                        format!("缺少“{}”一行，按 0 计算", spec.label),
                        format!("row `{}` is missing, counted as 0", spec.key),
                    ),
                )
                .with_help(Text::new("无数据的栏填 0", "write 0 where there is nothing to report")),
            ),
            Some(row) => {
                for (ci, col) in Column::ALL.into_iter().enumerate() {
                    let path = format!("/table3/{}/{}", spec.key, col.key());
                    values[ri][ci] = cell_value(row.get(col), &path, false, false, out);
                    blank[ri][ci] = row.get(col).is_blank();
                }
            }
        }
    }
    let idx = |key: &str| TABLE3_ROWS.iter().position(|s| s.key == key).unwrap_or(0);
    let (new, carried_in, total, carried_out) = (idx("new"), idx("carried_in"), idx("r7_total"), idx("carried_out"));

    for (ci, col) in Column::ALL.into_iter().enumerate() {
        let v = |ri: usize| values[ri][ci];
        let cells_ok = |rows: &[usize]| rows.iter().all(|&ri| !v(ri).is_nan());
        // 1. The official 勾稽关系.
        let path = format!("/table3/r7_total/{}", col.key());
        let four = [new, carried_in, total, carried_out];
        let balance = both_sums(
            checked_sum([v(new), v(carried_in)]),
            checked_sum([v(total), v(carried_out)]),
            cells_ok(&four),
            &path,
            out,
        );
        if let Some((lhs, rhs)) = balance
            && !same(lhs, rhs)
        {
            out.push(
                Diagnostic::new(
                    &BALANCE,
                    format!("/table3/r7_total/{}", col.key()),
                    Text::new(
                        format!(
                            "“{}”列：本年新收 {} + 上年结转 {} = {}，但办理结果总计 {} + 结转下年度 {} = {}",
                            col.label_zh(),
                            fmt(v(new)),
                            fmt(v(carried_in)),
                            fmt(lhs),
                            fmt(v(total)),
                            fmt(v(carried_out)),
                            fmt(rhs)
                        ),
                        format!(
                            "column `{}`: new {} + carried in {} = {}, but total {} + carried out {} = {}",
                            col.key(),
                            fmt(v(new)),
                            fmt(v(carried_in)),
                            fmt(lhs),
                            fmt(v(total)),
                            fmt(v(carried_out)),
                            fmt(rhs)
                        ),
                    ),
                )
                .with_help(Text::new(
                    "核对四个数：差额通常是漏计的结转或漏填的办理结果",
                    "recheck the four figures: the gap is usually an uncounted carry-over or a missing outcome",
                )),
            );
        }
        // 2. （七）总计 = Σ outcomes (INFERRED). When one side is wholly blank the report left the
        // cells out (common in the 总计 column): the blank-cell warning says so; no mismatch on top.
        let outcome_rows = || TABLE3_ROWS.iter().enumerate().filter(|(_, s)| s.outcome && s.in_format(r.format));
        let outcomes_blank = outcome_rows().all(|(ri, _)| blank[ri][ci]);
        let rows: Vec<usize> = outcome_rows().map(|(ri, _)| ri).chain([total]).collect();
        let sums = both_sums(
            checked_sum(outcome_rows().map(|(ri, _)| v(ri))),
            checked_sum([v(total)]),
            cells_ok(&rows),
            &path,
            out,
        );
        if let Some((sum, _)) = sums
            && !same(sum, v(total))
            && !outcomes_blank
            && !blank[total][ci]
        {
            out.push(
                Diagnostic::new(
                    &OUTCOME_TOTAL,
                    format!("/table3/r7_total/{}", col.key()),
                    Text::new(
                        format!(
                            "“{}”列：（七）总计 {}，但（一）至（六）之和为 {}",
                            col.label_zh(),
                            fmt(v(total)),
                            fmt(sum)
                        ),
                        format!(
                            "column `{}`: total {} but the outcomes add up to {}",
                            col.key(),
                            fmt(v(total)),
                            fmt(sum)
                        ),
                    ),
                )
                .with_help(Text::new(
                    "推定关系（INFERRED）：每件申请只计入一种办理结果",
                    "INFERRED relation: each request is counted under exactly one outcome",
                )),
            );
        }
    }
    // 3. 总计 column = Σ applicant columns (INFERRED), per row present.
    for (ri, spec) in TABLE3_ROWS.iter().enumerate() {
        if !spec.in_format(r.format) || t.row(spec.key).is_none() {
            continue;
        }
        let total = values[ri][6];
        let parts_blank = blank[ri][..6].iter().all(|b| *b);
        let cells_ok = values[ri].iter().all(|v| !v.is_nan());
        let path = format!("/table3/{}/total", spec.key);
        let sums = both_sums(checked_sum(values[ri][..6].iter().copied()), checked_sum([total]), cells_ok, &path, out);
        if let Some((sum, _)) = sums
            && !same(sum, total)
            && !parts_blank
            && !blank[ri][6]
        {
            out.push(
                Diagnostic::new(
                    &COLUMN_TOTAL,
                    format!("/table3/{}/total", spec.key),
                    Text::new(
                        format!("“{}”：总计 {}，但各类申请人之和为 {}", spec.label, fmt(total), fmt(sum)),
                        format!(
                            "row `{}`: total {} but the applicant columns add up to {}",
                            spec.key,
                            fmt(total),
                            fmt(sum)
                        ),
                    ),
                )
                .with_help(Text::new(
                    "推定关系（INFERRED）：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
                    "INFERRED relation: total = natural persons + the five kinds of legal persons and organisations",
                )),
            );
        }
    }
}

fn check_table4(t: &Table4, out: &mut Vec<Diagnostic>) {
    for (key, label) in Table4::GROUPS {
        let g = t.group(key);
        let parts: Vec<f64> = crate::report::model::CaseGroup::PARTS
            .iter()
            .map(|(part, _)| cell_value(g.get(part), &format!("/table4/{key}/{part}"), false, false, out))
            .collect();
        let total = cell_value(g.total, &format!("/table4/{key}/total"), false, false, out);
        let parts_blank = crate::report::model::CaseGroup::PARTS.iter().all(|(p, _)| g.get(p).is_blank());
        let cells_ok = parts.iter().chain([&total]).all(|v| !v.is_nan());
        let path = format!("/table4/{key}/total");
        let sums = both_sums(checked_sum(parts.iter().copied()), checked_sum([total]), cells_ok, &path, out);
        if let Some((sum, _)) = sums
            && !same(sum, total)
            && !parts_blank
            && !g.total.is_blank()
        {
            out.push(
                Diagnostic::new(
                    &CASE_TOTAL,
                    format!("/table4/{key}/total"),
                    Text::new(
                        format!("{label}：总计 {}，但维持、纠正、其他、尚未审结之和为 {}", fmt(total), fmt(sum)),
                        format!(
                            "`{key}`: total {} but upheld + corrected + other + pending = {}",
                            fmt(total),
                            fmt(sum)
                        ),
                    ),
                )
                .with_help(Text::new(
                    "推定关系（INFERRED）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                    "INFERRED relation: total = upheld + corrected + other + pending",
                )),
            );
        }
    }
}

fn check_table2(format: ReportFormat, t: &Table2, out: &mut Vec<Diagnostic>) {
    for (key, label, row) in t.rows() {
        let allowed = Table2::columns(format, key);
        for (col, cell) in row.cells() {
            let path = format!("/table2/{key}/{col}");
            if !allowed.contains(&col) {
                if !cell.is_blank() {
                    out.push(Diagnostic::new(
                        &COLUMN_NOT_IN_FORMAT,
                        path,
                        Text::new(
                            format!("{label}：`{col}` 栏不属于 {} 格式", format.as_str()),
                            format!("`{key}`: column `{col}` is not part of the {} format", format.as_str()),
                        ),
                    ));
                }
                continue;
            }
            cell_value(cell, &path, col == "change", col == "amount", out);
        }
    }
}

fn check_previous(r: &AnnualReport, prev: &AnnualReport, out: &mut Vec<Diagnostic>) {
    if prev.year != r.year - 1 {
        out.push(Diagnostic::new(
            &PREVIOUS_YEAR,
            "/year",
            Text::new(
                format!("上年报告是 {} 年度的，本报告是 {} 年度的", prev.year, r.year),
                format!("the previous report is for {}, this one for {}", prev.year, r.year),
            ),
        ));
        return;
    }
    let (Some(now), Some(before)) = (r.table3.carried_in.as_ref(), prev.table3.carried_out.as_ref()) else {
        return;
    };
    for col in Column::ALL {
        let (a, b) = (now.get(col), before.get(col));
        if a.is_blank() && b.is_blank() {
            continue;
        }
        // A count too large to compare exactly is reported by the cell checks.
        let exact = |v: f64| v.abs() <= MAX_COUNT;
        if exact(a.value()) && exact(b.value()) && !same(a.value(), b.value()) {
            out.push(
                Diagnostic::new(
                    &CARRIED_IN,
                    format!("/table3/carried_in/{}", col.key()),
                    Text::new(
                        format!(
                            "“{}”列：上年结转 {}，但 {} 年度报告结转下年度 {}",
                            col.label_zh(),
                            fmt(a.value()),
                            prev.year,
                            fmt(b.value())
                        ),
                        format!(
                            "column `{}`: carried in {} but the {} report carried out {}",
                            col.key(),
                            fmt(a.value()),
                            prev.year,
                            fmt(b.value())
                        ),
                    ),
                )
                .with_help(Text::new(
                    "推定的跨年一致性检查（INFERRED，格式未明文规定）；如有差异应在报告中说明",
                    "INFERRED cross-year consistency check (not stated in the format): explain any difference in the report",
                )),
            );
        }
    }
}

/// The statutory publication date of an annual report for `year` (条例 Art 49): 31 January of the
/// next year for departments, 31 March for governments. `None` for an unknown role.
pub fn publication_due(year: i32, role: &str) -> Option<NaiveDate> {
    match role {
        "department" | "部门" => NaiveDate::from_ymd_opt(year + 1, 1, 31),
        "government" | "人民政府" | "政府" => NaiveDate::from_ymd_opt(year + 1, 3, 31),
        _ => None,
    }
}

fn check_deadline(r: &AnnualReport, out: &mut Vec<Diagnostic>) {
    let Some(published) = r.published else { return };
    let Some(due) = r.role.as_deref().and_then(|role| publication_due(r.year, role)) else {
        out.push(Diagnostic::new(
            &NO_ROLE,
            "/role",
            Text::new(
                "未说明 `role`（government 或 department），未检查公布期限",
                "`role` (government or department) not given: publication date not checked",
            ),
        ));
        return;
    };
    if published > due {
        out.push(
            Diagnostic::new(
                &LATE,
                "/published",
                Text::new(
                    format!("{} 年度报告于 {published} 公布，晚于法定期限 {due}", r.year),
                    format!("the {} report was published on {published}, after the statutory date {due}", r.year),
                ),
            )
            .with_help(Text::new("按期公布下一年度报告", "publish next year's report on time")),
        );
    }
}
