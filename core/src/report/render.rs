//! An audit as a terminal table and as a self-contained, printable HTML page (inline CSS and
//! SVG charts, no external assets).

use std::fmt::Write;

use super::audit::{AreaAudit, Audit, DomainCoverage, ItemStatus};
use crate::model::Lang;

fn pct(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}%", r * 100.0)).unwrap_or_else(|| "—".into())
}

fn status_label(s: ItemStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (ItemStatus::Published, Lang::Zh) => "已公开",
        (ItemStatus::WithErrors, Lang::Zh) => "有错误",
        (ItemStatus::Late, Lang::Zh) => "超期公开",
        (ItemStatus::Missing, Lang::Zh) => "未公开",
        (ItemStatus::NotYetDue, Lang::Zh) => "未到期",
        (ItemStatus::Published, Lang::En) => "published",
        (ItemStatus::WithErrors, Lang::En) => "with errors",
        (ItemStatus::Late, Lang::En) => "late",
        (ItemStatus::Missing, Lang::En) => "missing",
        (ItemStatus::NotYetDue, Lang::En) => "not yet due",
        (ItemStatus::NothingArose, Lang::Zh) => "本期无此类信息",
        (ItemStatus::NothingArose, Lang::En) => "nothing arose",
    }
}

fn institution_label(a: &Audit) -> String {
    let i = &a.institution;
    let mut s = i.name.clone().unwrap_or_default();
    if !s.is_empty() {
        s.push(' ');
    }
    write!(s, "({} / {}", i.kind, i.tier).ok();
    if let Some(r) = &i.role {
        write!(s, " / {r}").ok();
    }
    s.push(')');
    s
}

/// Display width of a string in a terminal: CJK characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 }).sum()
}

fn pad(s: &str, w: usize) -> String {
    let mut out: String = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = width(&c.to_string());
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push_str(&" ".repeat(w.saturating_sub(used)));
    out
}

/// The audit as a table for a terminal.
pub fn text(a: &Audit, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let s = &a.summary;
    let mut o = String::new();
    let title = if zh { "政府信息公开审计" } else { "disclosure audit" };
    writeln!(o, "{title} {} — {}", a.period, institution_label(a)).ok();
    writeln!(
        o,
        "{}: {} ({}/{})   {}: {} ({}/{})   {}: {}",
        if zh { "公开覆盖率" } else { "coverage (公开覆盖率)" },
        pct(s.coverage_rate),
        s.items_published,
        s.items_expected,
        if zh { "公开及时率" } else { "timeliness" },
        pct(s.timeliness_rate),
        s.publications_on_time,
        s.publications_on_time + s.publications_late,
        if zh { "回应及时率" } else { "request timeliness (回应及时率)" },
        pct(a.requests.timeliness_rate),
    )
    .ok();
    writeln!(o).ok();
    let head = if zh {
        ["状态", "事项", "名称", "公开", "超期", "有错", "期限"]
    } else {
        ["status", "item", "title", "pubs", "late", "errors", "due"]
    };
    let widths = [10, 30, 40, 5, 5, 6, 10];
    let line = |cells: [&str; 7]| -> String {
        cells.iter().zip(widths).map(|(c, w)| pad(c, w)).collect::<Vec<_>>().join(" ").trim_end().to_owned()
    };
    writeln!(o, "{}", line(head)).ok();
    let mut items: Vec<_> = a.items.iter().collect();
    items.sort_by(|x, y| y.status.cmp(&x.status).then(x.id.cmp(&y.id)));
    for i in items {
        let due = i.due.map(|d| d.to_string()).unwrap_or_default();
        let (p, l, e) = (i.publications.to_string(), i.late.to_string(), i.with_errors.to_string());
        writeln!(o, "{}", line([status_label(i.status, lang), &i.id, i.title.get(lang), &p, &l, &e, &due])).ok();
    }
    if !a.domains.is_empty() {
        writeln!(o).ok();
        domain_table(&mut o, a.domains.iter().map(|d| (None, d)), lang);
    }
    let r = &a.requests;
    writeln!(o).ok();
    writeln!(
        o,
        "{}: {} {}, {} {}, {} {}, {} {}",
        if zh { "依申请公开" } else { "requests" },
        if zh { "收到" } else { "received" },
        r.received,
        if zh { "答复" } else { "answered" },
        r.answered,
        if zh { "超期" } else { "late" },
        r.answered_late,
        if zh { "年底未结" } else { "open at year end" },
        r.open_at_year_end
    )
    .ok();
    if r.closed > 0 {
        writeln!(o, "  {} {}", if zh { "未答复而终止办理" } else { "closed without a reply" }, r.closed).ok();
    }
    if !r.by_response.is_empty() {
        let parts: Vec<String> = r.by_response.iter().map(|(k, v)| format!("{k} {v}")).collect();
        writeln!(o, "  {}", parts.join(", ")).ok();
    }
    if !a.record_diagnostics.is_empty() {
        let errors = a.record_diagnostics.iter().filter(|d| d.severity == crate::Severity::Error).count();
        let (total, warnings) = (a.record_diagnostics.len(), a.record_diagnostics.len() - errors);
        writeln!(o).ok();
        if zh {
            writeln!(o, "记录读取发现 {total} 个问题（错误 {errors}，警告 {warnings}）：见 `gongkai check`").ok();
        } else {
            let n = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
            let (total, errors, warnings) = (n(total, "finding"), n(errors, "error"), n(warnings, "warning"));
            writeln!(o, "{total} reading the records ({errors}, {warnings}): see `gongkai check`").ok();
        }
    }
    writeln!(o).ok();
    writeln!(o, "{} ({})", if zh { "整改清单" } else { "rectification list" }, a.rectifications.len()).ok();
    for (n, x) in a.rectifications.iter().enumerate() {
        let due = match (x.due, x.overdue) {
            (Some(d), true) => format!(" [{} {d}]", if zh { "已逾期，期限" } else { "overdue since" }),
            (Some(d), false) => format!(" [{} {d}]", if zh { "期限" } else { "due" }),
            _ => String::new(),
        };
        writeln!(o, "{:>3}. {} {}{due}", n + 1, x.severity, x.what.get(lang)).ok();
        if !x.basis.is_empty() {
            writeln!(o, "     {}: {}", if zh { "依据" } else { "basis" }, x.basis).ok();
        }
    }
    o
}

/// Escape text for HTML.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const CSS: &str = r#"
:root { --ok: #2e7d32; --late: #ef6c00; --bad: #c62828; --muted: #6b7280; --line: #d1d5db; --bar: #1565c0; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: #111827; margin: 0 auto; max-width: 1100px; padding: 24px 32px; font-size: 14px; line-height: 1.5; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid #111827; padding-bottom: 4px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.card .k { color: var(--muted); font-size: 12px; }
.card .v { font-size: 26px; font-weight: 700; }
.card .n { color: var(--muted); font-size: 12px; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.chart h3 { font-size: 14px; margin: 0 0 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.st { font-weight: 600; white-space: nowrap; }
.st-published { color: var(--ok); } .st-late { color: var(--late); } .st-missing { color: var(--bad); }
.st-with_errors { color: var(--bad); } .st-not_yet_due { color: var(--muted); }
.sev-error { color: var(--bad); font-weight: 600; } .sev-warning { color: var(--late); } .sev-info { color: var(--muted); }
.basis { color: var(--muted); font-size: 12px; }
.legend span { display: inline-block; margin-right: 12px; font-size: 12px; }
.sw { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
@media print {
  body { padding: 0; max-width: none; font-size: 12px; }
  h2 { break-after: avoid; }
  tr, .card, .chart { break-inside: avoid; }
  @page { size: A4; margin: 14mm; }
}
"#;

fn svg_coverage(a: &Audit) -> String {
    let rows = a.categories.len().max(1);
    let (label_w, bar_w, row_h) = (150.0, 300.0, 22.0);
    let h = rows as f64 * row_h + 10.0;
    let mut s = format!(
        r#"<svg viewBox="0 0 {} {h}" width="100%" role="img" aria-label="coverage by category">"#,
        label_w + bar_w + 100.0
    );
    for (n, c) in a.categories.iter().enumerate() {
        let y = n as f64 * row_h + 4.0;
        let r = c.rate.unwrap_or(0.0);
        let colour = if r >= 0.999 {
            "var(--ok)"
        } else if r >= 0.5 {
            "var(--bar)"
        } else {
            "var(--bad)"
        };
        write!(
            s,
            r##"<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text><rect x="{label_w}" y="{y}" width="{bar_w}" height="14" fill="#eef2f7"/><rect x="{label_w}" y="{y}" width="{:.1}" height="14" fill="{colour}"/><text x="{}" y="{}" font-size="12">{} ({}/{})</text>"##,
            label_w - 6.0,
            y + 11.0,
            escape(&c.category),
            bar_w * r,
            label_w + bar_w + 4.0,
            y + 11.0,
            pct(c.rate),
            c.published,
            c.expected
        )
        .ok();
    }
    s.push_str("</svg>");
    s
}

fn svg_months(a: &Audit) -> String {
    let max = a.months.iter().map(|m| m.on_time + m.late + m.unknown).max().unwrap_or(0).max(1);
    let (w, h, left, bottom) = (460.0, 200.0, 28.0, 22.0);
    let plot_h = h - bottom - 8.0;
    let col_w = (w - left) / 12.0;
    let mut s = format!(r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="timeliness by month">"#);
    // Axis with a few ticks.
    for t in 0..=4 {
        let v = (max as f64 * t as f64 / 4.0).round();
        let y = 8.0 + plot_h - plot_h * v / max as f64;
        write!(
            s,
            r##"<line x1="{left}" x2="{w}" y1="{y:.1}" y2="{y:.1}" stroke="#e5e7eb"/><text x="{}" y="{:.1}" font-size="10" text-anchor="end">{v}</text>"##,
            left - 4.0,
            y + 3.0
        )
        .ok();
    }
    for m in &a.months {
        let x = left + (m.month - 1) as f64 * col_w + col_w * 0.15;
        let bw = col_w * 0.7;
        let mut y = 8.0 + plot_h;
        for (n, colour) in [(m.on_time, "var(--ok)"), (m.late, "var(--late)"), (m.unknown, "#9ca3af")] {
            if n == 0 {
                continue;
            }
            let bh = plot_h * n as f64 / max as f64;
            y -= bh;
            write!(s, r#"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}" fill="{colour}"/>"#).ok();
        }
        write!(
            s,
            r#"<text x="{:.1}" y="{}" font-size="10" text-anchor="middle">{}月</text>"#,
            x + bw / 2.0,
            h - 6.0,
            m.month
        )
        .ok();
    }
    s.push_str("</svg>");
    s
}

/// The audit as one self-contained HTML page (Chinese, with English where it helps), for a
/// supervisor to open and print.
pub fn html(a: &Audit) -> String {
    let s = &a.summary;
    let r = &a.requests;
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
    write!(o, "<title>{} 年政府信息公开审计 — {}</title>", a.period, escape(&institution_label(a))).ok();
    write!(o, "<style>{CSS}</style></head><body>").ok();
    write!(
        o,
        "<h1>{} 年度政府信息公开审计报告</h1><p class=\"sub\">{} · 统计期限 {}-01-01 至 {}-12-31 · 公开覆盖率、及时率与整改清单</p>",
        a.period,
        escape(&institution_label(a)),
        a.period,
        a.period
    )
    .ok();
    let card = |k: &str, v: String, n: String| {
        format!(
            "<div class=\"card\"><div class=\"k\">{k}</div><div class=\"v\">{v}</div><div class=\"n\">{n}</div></div>"
        )
    };
    o.push_str("<div class=\"cards\">");
    o.push_str(&card(
        "公开覆盖率 coverage",
        pct(s.coverage_rate),
        format!("{} / {} 项已公开", s.items_published, s.items_expected),
    ));
    o.push_str(&card(
        "公开及时率 timeliness",
        pct(s.timeliness_rate),
        format!(
            "{} 条按时，{} 条超期，{} 条无法判断",
            s.publications_on_time, s.publications_late, s.publications_timing_unknown
        ),
    ));
    o.push_str(&card(
        "回应及时率 requests",
        pct(r.timeliness_rate),
        format!("答复 {} 件，超期 {} 件，年底未结 {} 件", r.answered, r.answered_late, r.open_at_year_end),
    ));
    o.push_str(&card(
        "整改事项 to fix",
        a.rectifications.len().to_string(),
        format!("未公开 {} 项，超期 {} 项，有错误 {} 项", s.items_missing, s.items_late, s.items_with_errors),
    ));
    o.push_str("</div>");

    o.push_str("<h2>图表 Charts</h2><div class=\"charts\">");
    write!(o, "<div class=\"chart\"><h3>分类公开覆盖率 Coverage by category</h3>{}</div>", svg_coverage(a)).ok();
    write!(
        o,
        "<div class=\"chart\"><h3>按月公开及时情况 Timeliness by month</h3>{}<div class=\"legend\"><span><i class=\"sw\" style=\"background:var(--ok)\"></i>按时</span><span><i class=\"sw\" style=\"background:var(--late)\"></i>超期</span><span><i class=\"sw\" style=\"background:#9ca3af\"></i>无法判断</span></div></div>",
        svg_months(a)
    )
    .ok();
    o.push_str("</div>");

    o.push_str("<h2>整改清单 Rectification list</h2>");
    if a.rectifications.is_empty() {
        o.push_str("<p>无。</p>");
    } else {
        o.push_str(
            "<table><thead><tr><th>#</th><th>级别</th><th>整改内容</th><th>期限</th><th>依据</th></tr></thead><tbody>",
        );
        for (n, x) in a.rectifications.iter().enumerate() {
            let due = match (x.due, x.overdue) {
                (Some(d), true) => format!("{d}（已逾期）"),
                (Some(d), false) => d.to_string(),
                _ => "—".into(),
            };
            write!(
                o,
                "<tr><td class=\"num\">{}</td><td class=\"sev-{}\">{}</td><td>{}<br><span class=\"basis\">{}</span></td><td>{}</td><td class=\"basis\">{}</td></tr>",
                n + 1,
                x.severity,
                x.severity,
                escape(&x.what.zh),
                escape(&x.what.en),
                due,
                escape(&x.basis)
            )
            .ok();
        }
        o.push_str("</tbody></table>");
    }

    o.push_str("<h2>逐项情况 Items</h2><table><thead><tr><th>状态</th><th>事项</th><th>类别</th><th>期间 / 期限</th><th class=\"num\">公开</th><th class=\"num\">超期</th><th class=\"num\">有错</th><th>依据</th></tr></thead><tbody>");
    let mut items: Vec<_> = a.items.iter().collect();
    items.sort_by(|x, y| y.status.cmp(&x.status).then(x.id.cmp(&y.id)));
    for i in items {
        let status =
            serde_json::to_value(i.status).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let when = match (&i.period, i.due) {
            (Some(p), Some(d)) => format!("{p} / {d}"),
            _ => "—".into(),
        };
        write!(
            o,
            "<tr><td class=\"st st-{status}\">{}</td><td>{}<br><span class=\"basis\">{}</span></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"basis\">{}</td></tr>",
            status_label(i.status, Lang::Zh),
            escape(&i.title.zh),
            escape(&i.id),
            escape(&i.category),
            when,
            i.publications,
            i.late,
            i.with_errors,
            escape(&i.basis)
        )
        .ok();
    }
    o.push_str("</tbody></table>");

    o.push_str("<h2>依申请公开 Requests</h2><table><tbody>");
    for (k, v) in [
        ("本年收到 received", r.received.to_string()),
        ("本年答复 answered", r.answered.to_string()),
        ("按时答复 on time", r.answered_on_time.to_string()),
        ("超期答复 late", r.answered_late.to_string()),
        ("无法判断 timing unknown", r.timing_unknown.to_string()),
        ("年底未结 open at year end", r.open_at_year_end.to_string()),
        ("回应及时率 timeliness", pct(r.timeliness_rate)),
    ] {
        write!(o, "<tr><th>{k}</th><td class=\"num\">{v}</td></tr>").ok();
    }
    for (k, v) in &r.by_response {
        write!(o, "<tr><th>答复类型 {}</th><td class=\"num\">{v}</td></tr>", escape(k)).ok();
    }
    o.push_str("</tbody></table>");
    o.push_str("<footer>由 gongkai 生成。时限按国务院办公厅节假日安排计算工作日（首日不计）；依申请答复期限按《政府信息公开条例》第三十条至第三十三条计算（20 个工作日，经批准延长不超过 20 个工作日，征求意见期间不计入）。</footer>");
    o.push_str("</body></html>\n");
    o
}

/// Per-domain coverage rows (领域 / 应公开 / 已覆盖 / 未公开 / 超期), optionally with the institution,
/// then the ids of the missing and late rows, domain by domain.
fn domain_table<'a>(o: &mut String, rows: impl Iterator<Item = (Option<&'a str>, &'a DomainCoverage)>, lang: Lang) {
    let zh = lang == Lang::Zh;
    let head = if zh {
        ["领域", "机构", "应公开", "已覆盖", "覆盖率", "未公开", "超期", "无此类信息"]
    } else {
        ["domain", "institution", "expected", "covered", "rate", "missing", "late", "nothing arose"]
    };
    let widths = [26, 18, 8, 8, 8, 8, 6, 10];
    let line = |cells: [&str; 8]| -> String {
        cells.iter().zip(widths).map(|(c, w)| pad(c, w)).collect::<Vec<_>>().join(" ").trim_end().to_owned()
    };
    writeln!(o, "{}", line(head)).ok();
    let rows: Vec<_> = rows.collect();
    for (inst, d) in &rows {
        let cells =
            [d.expected, d.covered, d.missing.len(), d.late.len(), d.nothing_arose.len()].map(|n| n.to_string());
        writeln!(
            o,
            "{}",
            line([&d.domain, inst.unwrap_or(""), &cells[0], &cells[1], &pct(d.rate), &cells[2], &cells[3], &cells[4]])
        )
        .ok();
    }
    writeln!(o).ok();
    let (missing, late) = if zh {
        ("未公开（应公开未公开）", "超期公开")
    } else {
        ("missing (应公开未公开)", "late")
    };
    for (inst, d) in &rows {
        let who = inst.map(|i| format!(" · {i}")).unwrap_or_default();
        if !d.missing.is_empty() {
            writeln!(o, "{}{who} · {missing}: {}", d.domain, d.missing.join(", ")).ok();
        }
        if !d.late.is_empty() {
            writeln!(o, "{}{who} · {late}: {}", d.domain, d.late.join(", ")).ok();
        }
    }
}

/// A county-and-townships audit as one table per domain, then each institution's summary.
pub fn area_text(a: &AreaAudit, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut o = String::new();
    writeln!(
        o,
        "{} {}",
        if zh { "基层政务公开标准目录分领域审计" } else { "grassroots catalogue audit by domain" },
        a.period
    )
    .ok();
    for x in &a.audits {
        let s = &x.summary;
        writeln!(
            o,
            "  {}: {} {} ({}/{}), {} {}, {} {}",
            institution_label(x),
            if zh { "覆盖率" } else { "coverage" },
            pct(s.coverage_rate),
            s.items_published,
            s.items_expected,
            if zh { "未公开" } else { "missing" },
            s.items_missing,
            if zh { "超期" } else { "late" },
            s.items_late
        )
        .ok();
    }
    if a.records_unassigned > 0 {
        writeln!(
            o,
            "  {} {}",
            a.records_unassigned,
            if zh {
                "条记录的 institution.name 不是所审计的机构"
            } else {
                "records name an institution not audited (institution.name)"
            }
        )
        .ok();
    }
    writeln!(o).ok();
    domain_table(&mut o, a.domains.iter().map(|r| (Some(r.institution.as_str()), &r.coverage)), lang);
    o
}
