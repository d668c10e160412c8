//! A site check for people: text for a terminal (findings, then the verdict and the
//! rectification list), and an HTML report an office can print.

use std::fmt::Write;

use super::check::{FindingKind, SiteReport, Verdict};
use crate::model::{Lang, Status};
use crate::report::render::escape;

fn kind_label(kind: FindingKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FindingKind::Input, Lang::Zh) => "输入",
        (FindingKind::Veto, Lang::Zh) => "否决",
        (FindingKind::Deduction, Lang::Zh) => "扣分",
        (FindingKind::Warning, Lang::Zh) => "预警",
        (FindingKind::Input, _) => "input",
        (FindingKind::Veto, _) => "veto",
        (FindingKind::Deduction, _) => "deduction",
        (FindingKind::Warning, _) => "warning",
    }
}

fn status_note(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Confirmed, _) => "",
        (Status::Secondary, Lang::Zh) => "（依据为转述）",
        (Status::Secondary, _) => " (basis read in restatements)",
        (_, Lang::Zh) => "（未核实）",
        (_, _) => " (unverified)",
    }
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// The text report: one line per finding, then the verdict, the score, the interaction figures
/// and the rectification list (整改清单) by urgency.
pub fn render_text(r: &SiteReport, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut o = String::new();
    let as_of = r.as_of.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
    if zh {
        writeln!(o, "{} · 检查日 {as_of} · {} 个栏目 {} 条信息", r.site.name, r.columns, r.items).ok();
    } else {
        writeln!(o, "{} · checked on {as_of} · {} columns, {} items", r.site.name, r.columns, r.items).ok();
    }
    for f in &r.findings {
        let d = &f.diagnostic;
        let points = f.points.map(|p| if zh { format!(" −{p}分") } else { format!(" −{p}") }).unwrap_or_default();
        writeln!(
            o,
            "[{}] {:<32} {}{points}  {}",
            kind_label(f.kind, lang),
            d.code,
            if d.path.is_empty() { "/" } else { &d.path },
            d.message.get(lang)
        )
        .ok();
    }
    let i = &r.interaction;
    o.push('\n');
    if zh {
        writeln!(
            o,
            "留言 {} 条（已答复 {}，未答复 {}）：回应及时率 {}（{} 小时内），办结及时率 {}（{} 个工作日内）",
            i.messages,
            i.answered,
            i.open,
            percent(i.response_rate),
            i.response_hours,
            percent(i.close_rate),
            i.close_working_days
        )
        .ok();
        let verdict = if r.verdict == Verdict::Pass { "合格" } else { "不合格" };
        writeln!(o, "结论：{verdict} · 得分 {} / 100（{} 分合格）· 单项否决 {} 项", r.score, r.pass_score, r.vetoes)
            .ok();
    } else {
        writeln!(
            o,
            "messages {} ({} answered, {} open): responded on time {} (within {} hours), closed on time {} (within {} working days)",
            i.messages,
            i.answered,
            i.open,
            percent(i.response_rate),
            i.response_hours,
            percent(i.close_rate),
            i.close_working_days
        )
        .ok();
        writeln!(
            o,
            "verdict: {} · score {} / 100 (pass {}) · {} vetoes",
            r.verdict.as_str(),
            r.score,
            r.pass_score,
            r.vetoes
        )
        .ok();
    }
    let list = r.rectifications();
    if !list.is_empty() {
        o.push_str(if zh {
            "\n整改清单（按紧迫程度）：\n"
        } else {
            "\nrectification list (most urgent first):\n"
        });
        for (n, f) in list.iter().enumerate() {
            let due =
                f.due.map(|d| if zh { format!("（期限 {d}）") } else { format!(" (due {d})") }).unwrap_or_default();
            writeln!(
                o,
                "{:>3}. [{}] {} {}{due}{}",
                n + 1,
                kind_label(f.kind, lang),
                if f.diagnostic.path.is_empty() { "/" } else { &f.diagnostic.path },
                f.diagnostic.message.get(lang),
                status_note(f.status, lang)
            )
            .ok();
        }
    }
    o
}

const CSS: &str = r#"
:root{--fail:#b91c1c;--warn:#b45309;--ok:#15803d;--ink:#111827;--mute:#6b7280}
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--ink);max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.5rem;margin:0}.sub{color:var(--mute);margin:.25rem 0 1.5rem}
.verdict{display:inline-block;padding:.3rem .9rem;border-radius:.3rem;color:#fff;font-weight:700}
.pass{background:var(--ok)}.fail{background:var(--fail)}
.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}.card{border:1px solid #e5e7eb;border-radius:.4rem;padding:.6rem .9rem;min-width:10rem}
.card .k{color:var(--mute);font-size:.85rem}.card .v{font-size:1.4rem;font-weight:700}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #e5e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f9fafb}.veto{color:var(--fail);font-weight:700}.deduction{color:var(--warn)}.warning{color:var(--warn)}.input{color:var(--fail)}
code{font-size:.85em}.note{color:var(--mute);font-size:.85rem}
@media print{body{margin:0;max-width:none}.card{break-inside:avoid}tr{break-inside:avoid}}
"#;

/// The HTML report: verdict, score and interaction figures, the indicators table, the
/// rectification list and the sources with their status. Self-contained, for printing.
pub fn render_html(r: &SiteReport) -> String {
    let mut o = String::new();
    let as_of = r.as_of.map(|d| d.to_string()).unwrap_or_default();
    let name = escape(&r.site.name);
    o.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
    write!(o, "<title>{name} 网站检查报告 {as_of}</title><style>{CSS}</style></head><body>").ok();
    write!(o, "<h1>{name} · 政府网站与政务新媒体检查报告</h1>").ok();
    let institution = r.site.institution.as_deref().map(escape).unwrap_or_default();
    write!(o, "<p class=\"sub\">{institution} · 检查日 {as_of} · {} 个栏目、{} 条信息</p>", r.columns, r.items).ok();
    let (class, label) = match r.verdict {
        Verdict::Pass => ("pass", "合格 pass"),
        Verdict::Fail => ("fail", "不合格 fail"),
    };
    write!(o, "<p><span class=\"verdict {class}\">{label}</span></p>").ok();
    let i = &r.interaction;
    let card = |k: &str, v: String, n: String| {
        format!(
            "<div class=\"card\"><div class=\"k\">{k}</div><div class=\"v\">{v}</div><div class=\"n\">{n}</div></div>"
        )
    };
    o.push_str("<div class=\"cards\">");
    o.push_str(&card("得分 score", format!("{} / 100", r.score), format!("{} 分合格", r.pass_score)));
    o.push_str(&card("单项否决 vetoes", r.vetoes.to_string(), "任一即不合格".into()));
    o.push_str(&card(
        "回应及时率 responses",
        percent(i.response_rate),
        format!("{} 小时内响应：{} / {}", i.response_hours, i.responded_on_time, i.response_judged),
    ));
    o.push_str(&card(
        "办结及时率 closed",
        percent(i.close_rate),
        format!("{} 个工作日内：{} / {}", i.close_working_days, i.closed_on_time, i.close_judged),
    ));
    o.push_str("</div>");

    o.push_str("<h2>整改清单 Rectification list</h2>");
    let list = r.rectifications();
    if list.is_empty() {
        o.push_str("<p>未发现问题。No findings.</p>");
    } else {
        o.push_str("<table><tr><th>#</th><th>类别</th><th>位置</th><th>问题</th><th>期限</th><th>依据</th></tr>");
        for (n, f) in list.iter().enumerate() {
            let d = &f.diagnostic;
            let due = f.due.map(|d| d.to_string()).unwrap_or_default();
            let left = match (f.kind, f.days_left) {
                (FindingKind::Warning, Some(n)) if n >= 0 => format!("<br>剩 {n} 天"),
                _ => String::new(),
            };
            write!(
                o,
                "<tr><td>{}</td><td class=\"{}\">{}</td><td><code>{}</code></td><td>{}<br><span class=\"note\">{}</span></td><td>{due}{left}</td><td class=\"note\">{}{}</td></tr>",
                n + 1,
                f.kind.as_str(),
                kind_label(f.kind, Lang::Zh),
                escape(if d.path.is_empty() { "/" } else { &d.path }),
                escape(d.message.zh()),
                escape(d.message.en()),
                escape(d.basis.as_deref().unwrap_or("")),
                status_note(f.status, Lang::Zh)
            )
            .ok();
        }
        o.push_str("</table>");
    }

    o.push_str("<h2>检查指标 Indicators</h2><table><tr><th>指标</th><th>类别</th><th>结果</th><th>发现</th><th>扣分</th><th>依据</th></tr>");
    for ind in &r.indicators {
        let result = match ind.result {
            "fail" => "<span class=\"veto\">否决</span>",
            "deducted" => "<span class=\"deduction\">扣分</span>",
            "warning" => "<span class=\"warning\">预警</span>",
            _ => "通过",
        };
        write!(
            o,
            "<tr><td>{}<br><span class=\"note\">{}</span></td><td>{}</td><td>{result}</td><td>{}</td><td>{}</td><td class=\"note\">{}{}</td></tr>",
            escape(&ind.title.zh),
            escape(&ind.title.en),
            match ind.kind {
                super::IndicatorKind::Veto => "单项否决",
                _ => "扣分",
            },
            ind.found,
            ind.points_lost.map(|p| p.to_string()).unwrap_or_default(),
            escape(&ind.basis),
            status_note(ind.status, Lang::Zh)
        )
        .ok();
    }
    o.push_str("</table>");
    write!(
        o,
        "<p class=\"note\">{}。{}{}。指标依据均读自转述国办秘函〔2019〕19号的地方检查通报与评分表（secondary）；分值与预警线未经核实（unverified）。规则版本 {}{}。</p>",
        escape(i.counting.zh.as_ref()),
        escape(&i.basis),
        status_note(i.status, Lang::Zh),
        escape(&r.rules_version),
        if r.overlays.is_empty() { String::new() } else { format!("，叠加：{}", escape(&r.overlays.join("、"))) }
    )
    .ok();
    o.push_str("</body></html>\n");
    o
}
