//! The site check: every indicator applied to a snapshot on one day, the 100-point score, the
//! verdict, early warnings with the days left before a veto, and the interaction deadlines.

use chrono::{Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;
use serde_json::Value;

use super::codes::*;
use super::rules::{Indicator, IndicatorKind, SiteRules};
use super::snapshot::{self, ColumnType, MessageType, Moment, SiteInfo};
use crate::calendar::Calendar;
use crate::diagnostics::{CodeInfo, Diagnostic, Severity};
use crate::model::{Lang, Status, Text};

/// What a finding does to the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FindingKind {
    /// The snapshot itself is wrong here: fix the export (the check skips what it cannot read).
    Input,
    /// 单项否决: the site fails.
    Veto,
    /// Points off the score.
    Deduction,
    /// Not yet a finding of the inspection: an early warning or the institution's own deadline.
    Warning,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Input => "input",
            FindingKind::Veto => "veto",
            FindingKind::Deduction => "deduction",
            FindingKind::Warning => "warning",
        }
    }
}

/// One finding of a site check.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SiteFinding {
    pub kind: FindingKind,
    /// The indicator it comes from (`homepage_stale` …), when it comes from one.
    pub indicator: Option<String>,
    pub diagnostic: Diagnostic,
    /// How firmly the rule behind it is established.
    pub status: Status,
    /// Points off, for a deduction (before the indicator's cap).
    pub points: Option<u32>,
    /// For an early warning: days left before the veto (0: it falls due on `as_of`).
    pub days_left: Option<i64>,
    /// The day the limit falls or fell due, where there is one.
    pub due: Option<NaiveDate>,
}

/// `pass` or `fail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
        }
    }
}

/// An indicator's result, for the report's table.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorResult {
    pub id: String,
    pub kind: IndicatorKind,
    pub title: Text,
    /// `pass`, `warning`, `fail` (a veto) or `deducted`.
    pub result: &'static str,
    /// How many findings (columns, messages, accounts …) it counts.
    pub found: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points_lost: Option<u32>,
    pub basis: String,
    pub status: Status,
}

/// Interaction deadlines and the 回应及时率.
#[derive(Clone, Debug, Serialize)]
pub struct InteractionSummary {
    pub response_hours: u32,
    pub close_working_days: u32,
    pub basis: String,
    pub status: Status,
    /// Valid messages of the types the limits apply to.
    pub messages: usize,
    pub answered: usize,
    pub open: usize,
    /// Responses judged (answered, or open past the response limit) and of those on time.
    pub response_judged: usize,
    pub responded_on_time: usize,
    /// 回应及时率: responded within the limit / responses judged.
    pub response_rate: Option<f64>,
    pub close_judged: usize,
    pub closed_on_time: usize,
    /// Closed within the working-day limit / closings judged.
    pub close_rate: Option<f64>,
    /// How the limits are counted, in words.
    pub counting: Text,
}

impl InteractionSummary {
    fn new(rules: &SiteRules) -> Self {
        let rule = &rules.interaction;
        InteractionSummary {
            response_hours: rule.response_hours,
            close_working_days: rule.close_working_days,
            basis: rule.basis.iter().map(ToString::to_string).collect::<Vec<_>>().join("；"),
            status: rule.status,
            counting: Text::new(
                format!(
                    "响应时限按自然时间计算（{} 小时，自收到时起）；办结时限按工作日计算（{} 个工作日，收到当日不计入，依国务院公布的放假安排）",
                    rule.response_hours, rule.close_working_days
                ),
                format!(
                    "the response limit counts hours on the clock ({} hours from receipt); the closing limit counts working days on the PRC calendar ({} working days, the day received not counted)",
                    rule.response_hours, rule.close_working_days
                ),
            ),
            messages: 0,
            answered: 0,
            open: 0,
            response_judged: 0,
            responded_on_time: 0,
            response_rate: None,
            close_judged: 0,
            closed_on_time: 0,
            close_rate: None,
        }
    }
}

/// The answer of a site check.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SiteReport {
    pub site: SiteInfo,
    pub as_of: Option<NaiveDate>,
    pub verdict: Verdict,
    pub score: u32,
    pub pass_score: u32,
    pub vetoes: usize,
    pub findings: Vec<SiteFinding>,
    pub indicators: Vec<IndicatorResult>,
    pub interaction: InteractionSummary,
    /// The rules' version and the overlays applied.
    pub rules_version: String,
    pub overlays: Vec<String>,
    pub columns: usize,
    pub items: usize,
}

/// How to check.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct SiteOptions {
    /// The monitoring day; overrides the snapshot's `as_of`.
    pub as_of: Option<NaiveDate>,
}

impl SiteOptions {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_as_of(mut self, as_of: Option<NaiveDate>) -> Self {
        self.as_of = as_of;
        self
    }
}

struct Ctx<'a> {
    rules: &'a SiteRules,
    cal: &'a Calendar,
    as_of: NaiveDate,
    out: Vec<SiteFinding>,
}

impl Ctx<'_> {
    fn ind(&self, id: &str) -> Option<&Indicator> {
        self.rules.indicator(id)
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: FindingKind,
        info: &'static CodeInfo,
        indicator: Option<&Indicator>,
        path: String,
        text: Text,
        days_left: Option<i64>,
        due: Option<NaiveDate>,
    ) {
        let severity = match kind {
            FindingKind::Input | FindingKind::Veto => Severity::Error,
            FindingKind::Deduction | FindingKind::Warning => Severity::Warning,
        };
        let mut diagnostic = Diagnostic::new(info, path, text).with_severity(severity);
        if let Some(ind) = indicator {
            diagnostic = diagnostic.with_basis(ind.basis_line());
        }
        let points = match (kind, indicator.and_then(|i| i.points)) {
            (FindingKind::Deduction, Some(p)) => Some(p.each),
            _ => None,
        };
        self.out.push(SiteFinding {
            kind,
            indicator: indicator.map(|i| i.id.clone()),
            status: indicator.map_or(self.rules.interaction.status, |i| {
                if kind == FindingKind::Deduction { less_firm(i.points_status, i.status()) } else { i.status() }
            }),
            diagnostic,
            points,
            days_left,
            due,
        });
    }
}

/// The less firm of two statuses (a deduction is as firm as its points and its basis).
fn less_firm(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Confirmed => 0,
        Status::Secondary => 1,
        _ => 2,
    };
    if rank(a) >= rank(b) { a } else { b }
}

fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// Check a snapshot (a JSON value) against `rules`, counting working days on `cal`.
pub fn check_site(rules: &SiteRules, cal: &Calendar, value: &Value, opts: &SiteOptions) -> SiteReport {
    let mut diags = Vec::new();
    let read = snapshot::read(value, &mut diags);
    let as_of = opts.as_of.or(read.snapshot.as_of);
    let mut ctx = Ctx { rules, cal, as_of: as_of.unwrap_or_default(), out: Vec::new() };
    for d in diags {
        ctx.out.push(SiteFinding {
            kind: FindingKind::Input,
            indicator: None,
            diagnostic: d,
            status: Status::Confirmed,
            points: None,
            days_left: None,
            due: None,
        });
    }
    let s = &read.snapshot;
    let mut interaction = InteractionSummary::new(rules);
    let usable = !s.kind.is_empty();
    if as_of.is_none() && usable {
        ctx.push(
            FindingKind::Input,
            &MISSING_FIELD,
            None,
            "/as_of".into(),
            Text::new(
                "缺少检查日期：快照的 `as_of` 或 `--as-of`",
                "no day to check on: the snapshot's `as_of` or `--as-of`",
            ),
            None,
            None,
        );
    }
    if let (true, Some(_)) = (usable, as_of) {
        homepage(&mut ctx, s);
        columns(&mut ctx, s);
        messages(&mut ctx, &read, &mut interaction);
        accounts(&mut ctx, s);
        availability(&mut ctx, s);
        incidents(&mut ctx, s);
        personal_data(&mut ctx, s);
        interpretations(&mut ctx, s);
    }
    finish(ctx, s, as_of, interaction)
}

/// The report for input that is not a snapshot at all.
pub(crate) fn invalid(rules: &SiteRules, diagnostic: Diagnostic) -> SiteReport {
    let ctx = Ctx {
        rules,
        cal: Calendar::embedded(),
        as_of: NaiveDate::default(),
        out: vec![SiteFinding {
            kind: FindingKind::Input,
            indicator: None,
            diagnostic,
            status: Status::Confirmed,
            points: None,
            days_left: None,
            due: None,
        }],
    };
    finish(ctx, &snapshot::SiteSnapshot::default(), None, InteractionSummary::new(rules))
}

fn finish(
    ctx: Ctx<'_>,
    s: &snapshot::SiteSnapshot,
    as_of: Option<NaiveDate>,
    interaction: InteractionSummary,
) -> SiteReport {
    let rules = ctx.rules;
    let mut findings = ctx.out;
    let mut indicators = Vec::new();
    let mut lost = 0u32;
    for ind in &rules.indicators {
        let mine = findings.iter().filter(|f| f.indicator.as_deref() == Some(ind.id.as_str()));
        let (mut found, mut warned) = (0usize, false);
        for f in mine {
            match f.kind {
                FindingKind::Warning => warned = true,
                _ => found += 1,
            }
        }
        let points_lost = ind.points.map(|p| (p.each.saturating_mul(found as u32)).min(p.cap));
        lost += points_lost.unwrap_or(0);
        let result = match (ind.kind, found > 0, warned) {
            (IndicatorKind::Veto, true, _) => "fail",
            (IndicatorKind::Deduction, true, _) => "deducted",
            (_, false, true) => "warning",
            _ => "pass",
        };
        indicators.push(IndicatorResult {
            id: ind.id.clone(),
            kind: ind.kind,
            title: ind.title.clone(),
            result,
            found,
            points_lost,
            basis: ind.basis_line(),
            status: ind.status(),
        });
    }
    let vetoes = findings.iter().filter(|f| f.kind == FindingKind::Veto).count();
    let score = rules.score.full.saturating_sub(lost);
    let input_errors =
        findings.iter().any(|f| f.kind == FindingKind::Input && f.diagnostic.severity == Severity::Error);
    // A snapshot with parts that could not be read cannot be said to pass: fix the export first.
    let verdict = if vetoes > 0 || score < rules.score.pass || as_of.is_none() || input_errors {
        Verdict::Fail
    } else {
        Verdict::Pass
    };
    // Stable order: by kind (input, veto, deduction, warning), then by pointer as given.
    findings.sort_by_key(|f| f.kind);
    SiteReport {
        site: s.site.clone(),
        as_of,
        verdict,
        score,
        pass_score: rules.score.pass,
        vetoes,
        findings,
        indicators,
        interaction,
        rules_version: rules.version.clone(),
        overlays: rules.overlays.clone(),
        columns: s.columns.len(),
        items: s.columns.iter().map(|c| c.items.len()).sum(),
    }
}

fn homepage(ctx: &mut Ctx<'_>, s: &snapshot::SiteSnapshot) {
    let Some(ind) = ctx.ind("homepage_stale").cloned() else { return };
    let limit = i64::from(ind.limit("days"));
    match s.homepage.last_updated {
        Some(last) if last > ctx.as_of => date_after_as_of(ctx, "/homepage/last_updated".into(), last),
        Some(last) => {
            let days = days_between(last, ctx.as_of);
            let due = last + chrono::Days::new(limit as u64);
            if days >= limit {
                ctx.push(
                    FindingKind::Veto,
                    &HOMEPAGE_STALE,
                    Some(&ind),
                    "/homepage".into(),
                    Text::new(
                        format!("首页自 {last} 起 {days} 天未更新（{limit} 天无更新即单项否决）"),
                        format!("the homepage has not been updated for {days} days, since {last} ({limit} days without an update fail the site)"),
                    ),
                    Some(0),
                    Some(due),
                );
            } else if ind.warn_level("days").is_some_and(|w| days >= i64::from(w)) {
                let left = limit - days;
                ctx.push(
                    FindingKind::Warning,
                    &HOMEPAGE_STALE_WARNING,
                    Some(&ind),
                    "/homepage".into(),
                    Text::new(
                        format!("首页自 {last} 起 {days} 天未更新，{left} 天后（{due}）将被单项否决"),
                        format!(
                            "the homepage has not been updated for {days} days: the veto falls in {left} days ({due})"
                        ),
                    ),
                    Some(left),
                    Some(due),
                );
            }
        }
        None => ctx.push(
            FindingKind::Veto,
            &HOMEPAGE_STALE,
            Some(&ind),
            "/homepage".into(),
            Text::new(
                "首页没有注明日期的更新（未注明发布时间的视为不更新）",
                "the homepage shows no dated update (undated counts as not updated)",
            ),
            Some(0),
            None,
        ),
    }
}

fn date_after_as_of(ctx: &mut Ctx<'_>, path: String, d: NaiveDate) {
    let as_of = ctx.as_of;
    ctx.push(
        FindingKind::Input,
        &DATES_OUT_OF_ORDER,
        None,
        path,
        Text::new(format!("日期 {d} 晚于检查日 {as_of}"), format!("the date {d} is after the day checked, {as_of}")),
        None,
        None,
    );
}

/// One column's standing under a time window.
struct Standing {
    index: usize,
    last: Option<NaiveDate>,
    /// The day it is (or was) stale from.
    due: Option<NaiveDate>,
}

fn columns(ctx: &mut Ctx<'_>, s: &snapshot::SiteSnapshot) {
    let as_of = ctx.as_of;
    let mut blank = Vec::new();
    let mut stale = Vec::new();
    let mut approaching = Vec::new();
    let mut long_stale = Vec::new();
    let stale_ind = ctx.ind("columns_stale").cloned();
    let long_ind = ctx.ind("columns_long_stale").cloned();
    let (news_days, notice_months, days_before) = stale_ind.as_ref().map_or((14, 6, 0), |i| {
        (i.limit("news_days"), i.limit("notice_months"), i.warn_level("days_before").unwrap_or(0))
    });
    for (i, c) in s.columns.iter().enumerate() {
        let mut last: Option<NaiveDate> = None;
        let mut future = None;
        for (j, item) in c.items.iter().enumerate() {
            if let Some(p) = item.published {
                if p > as_of {
                    future.get_or_insert((j, p));
                    continue;
                }
                last = Some(last.map_or(p, |l| l.max(p)));
            }
        }
        if let Some((j, p)) = future {
            date_after_as_of(ctx, format!("/columns/{i}/items/{j}/published"), p);
        }
        if c.id.is_empty() {
            continue;
        }
        if c.items.is_empty() {
            if !c.column_type.is_interaction() {
                blank.push(i);
            }
            continue;
        }
        let window_due = match c.column_type {
            ColumnType::News => Some(last.map(|l| l + chrono::Days::new(u64::from(news_days)))),
            ColumnType::Notice | ColumnType::Policy if c.level == 1 => {
                Some(last.map(|l| l.checked_add_months(Months::new(notice_months)).unwrap_or(l)))
            }
            _ => None,
        };
        if let Some(due) = window_due {
            match due {
                Some(d) if d > as_of => {
                    if days_between(as_of, d) <= i64::from(days_before) {
                        approaching.push(Standing { index: i, last, due: Some(d) });
                    }
                }
                _ => stale.push(Standing { index: i, last, due }),
            }
        }
        if let Some(cycle) = c.update_days {
            let due = last.map(|l| l + chrono::Days::new(u64::from(cycle)));
            if due.is_none_or(|d| d <= as_of) {
                long_stale.push(Standing { index: i, last, due });
            }
        }
    }
    if let Some(ind) = ctx.ind("columns_blank").cloned() {
        let limit = ind.limit("count") as usize;
        let warn = ind.warn_level("count").map_or(usize::MAX, |w| w as usize);
        let n = blank.len();
        for &i in &blank {
            let title = &s.columns[i].title;
            if n >= limit {
                ctx.push(
                    FindingKind::Veto,
                    &COLUMNS_BLANK,
                    Some(&ind),
                    format!("/columns/{i}"),
                    Text::new(
                        format!("栏目「{title}」为空白栏目（共 {n} 个空白栏目，{limit} 个即单项否决）"),
                        format!("column `{title}` is blank ({n} blank columns; {limit} fail the site)"),
                    ),
                    Some(0),
                    None,
                );
            } else if n >= warn {
                ctx.push(
                    FindingKind::Warning,
                    &COLUMNS_BLANK_WARNING,
                    Some(&ind),
                    format!("/columns/{i}"),
                    Text::new(
                        format!("栏目「{title}」为空白栏目（共 {n} 个，再有 {} 个即单项否决）", limit - n),
                        format!("column `{title}` is blank ({n} blank columns; {} more fail the site)", limit - n),
                    ),
                    None,
                    None,
                );
            }
        }
    }
    if let Some(ind) = stale_ind {
        let limit = ind.limit("count") as usize;
        let warn = ind.warn_level("count").map_or(usize::MAX, |w| w as usize);
        let n = stale.len();
        approaching.sort_by_key(|a| a.due);
        // The day the count reaches the limit if nothing is published meanwhile.
        let veto_on = (n < limit).then(|| approaching.get(limit - n - 1).and_then(|a| a.due)).flatten();
        let describe = |c: &snapshot::Column, last: Option<NaiveDate>| {
            let window = if c.column_type == ColumnType::News {
                (
                    format!("动态要闻类栏目 {news_days} 天内应有更新"),
                    format!("a news column needs an update within {news_days} days"),
                )
            } else {
                (
                    format!("通知公告、政策文件类一级栏目 {notice_months} 个月内应有更新"),
                    format!("a first-level notice or policy column needs an update within {notice_months} months"),
                )
            };
            let since = last.map_or_else(
                || ("从未有注明日期的更新".to_owned(), "has no dated update".to_owned()),
                |l| {
                    let days = days_between(l, as_of);
                    (format!("自 {l} 起 {days} 天未更新"), format!("has not been updated for {days} days, since {l}"))
                },
            );
            (window, since)
        };
        for st in &stale {
            let c = &s.columns[st.index];
            let ((wz, we), (sz, se)) = describe(c, st.last);
            if n >= limit {
                ctx.push(
                    FindingKind::Veto,
                    &COLUMNS_STALE,
                    Some(&ind),
                    format!("/columns/{}", st.index),
                    Text::new(
                        format!("栏目「{}」{sz}（{wz}；共 {n} 个未更新栏目，{limit} 个即单项否决）", c.title),
                        format!("column `{}` {se} ({we}; {n} stale columns, {limit} fail the site)", c.title),
                    ),
                    Some(0),
                    st.due,
                );
            } else if n >= warn || veto_on.is_some() {
                ctx.push(
                    FindingKind::Warning,
                    &COLUMNS_STALE_WARNING,
                    Some(&ind),
                    format!("/columns/{}", st.index),
                    Text::new(
                        format!(
                            "栏目「{}」{sz}（{wz}；共 {n} 个未更新栏目，再有 {} 个即单项否决）",
                            c.title,
                            limit - n
                        ),
                        format!(
                            "column `{}` {se} ({we}; {n} stale columns, {} more fail the site)",
                            c.title,
                            limit - n
                        ),
                    ),
                    veto_on.map(|d| days_between(as_of, d)),
                    veto_on,
                );
            }
        }
        if let Some(veto_on) = veto_on {
            for a in approaching.iter().filter(|a| a.due <= Some(veto_on)) {
                let c = &s.columns[a.index];
                let left = a.due.map(|d| days_between(as_of, d));
                ctx.push(
                    FindingKind::Warning,
                    &COLUMNS_STALE_WARNING,
                    Some(&ind),
                    format!("/columns/{}", a.index),
                    Text::new(
                        format!(
                            "栏目「{}」{} 天后（{}）将计为未更新；不更新则 {veto_on} 未更新栏目达到 {limit} 个，单项否决",
                            c.title,
                            left.unwrap_or(0),
                            a.due.map(|d| d.to_string()).unwrap_or_default()
                        ),
                        format!(
                            "column `{}` counts as stale in {} days; without updates {limit} columns are stale on {veto_on} and the site fails",
                            c.title,
                            left.unwrap_or(0)
                        ),
                    ),
                    left,
                    a.due,
                );
            }
        }
    }
    if let Some(ind) = long_ind {
        let limit = ind.limit("count") as usize;
        let warn = ind.warn_level("count").map_or(usize::MAX, |w| w as usize);
        let n = long_stale.len();
        for st in &long_stale {
            let c = &s.columns[st.index];
            let cycle = c.update_days.unwrap_or(0);
            let since = st.last.map_or_else(|| "从未".to_owned(), |l| l.to_string());
            let (kind, info) = if n >= limit {
                (FindingKind::Veto, &COLUMNS_LONG_STALE)
            } else if n >= warn {
                (FindingKind::Warning, &COLUMNS_LONG_STALE_WARNING)
            } else {
                continue;
            };
            ctx.push(
                kind,
                info,
                Some(&ind),
                format!("/columns/{}", st.index),
                Text::new(
                    format!("栏目「{}」应每 {cycle} 天更新，最近更新：{since}（共 {n} 个长期未更新栏目，{limit} 个即单项否决）", c.title),
                    format!(
                        "column `{}` should be updated every {cycle} days, last updated {} ({n} long-stale columns; {limit} fail the site)",
                        c.title,
                        st.last.map_or_else(|| "never".to_owned(), |l| l.to_string())
                    ),
                ),
                (kind == FindingKind::Veto).then_some(0),
                st.due,
            );
        }
    }
    if let Some(ind) = ctx.ind("no_interaction_channel").cloned() {
        let counted = &ind.counts_column_types;
        if !s.columns.iter().any(|c| !c.id.is_empty() && counted.contains(&c.column_type)) {
            ctx.push(
                FindingKind::Veto,
                &NO_INTERACTION_CHANNEL,
                Some(&ind),
                "/columns".into(),
                Text::new(
                    "网站没有政务咨询类栏目（type 为 consultation），即未提供网上有效咨询建言渠道",
                    "the site has no consultation column (type `consultation`): no working channel for questions",
                ),
                Some(0),
                None,
            );
        }
    }
}

fn end_of(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
}

fn hours_late(from: Moment, to: Moment, limit_hours: u32) -> (bool, i64) {
    if from.date_only || to.date_only {
        // Whole days only: late when more calendar days passed than the limit covers.
        let days = (to.date() - from.date()).num_days();
        (days * 24 > i64::from(limit_hours), days * 24)
    } else {
        let minutes = (to.at - from.at).num_minutes();
        (minutes > i64::from(limit_hours) * 60, minutes / 60)
    }
}

fn messages(ctx: &mut Ctx<'_>, read: &snapshot::Read, summary: &mut InteractionSummary) {
    let s = &read.snapshot;
    let as_of = ctx.as_of;
    let unanswered = ctx.ind("messages_unanswered").cloned();
    let slow = ctx.ind("reply_slow").cloned();
    let rule = ctx.rules.interaction.clone();
    let now = Moment { at: end_of(as_of), date_only: false };
    for (i, m) in s.messages.iter().enumerate() {
        if !read.message_ok[i] || !m.valid {
            continue;
        }
        let (Some(received), responded, replied) = read.times[i] else { continue };
        let Some(ci) = read.message_column[i] else { continue };
        let column_type = s.columns[ci].column_type;
        let at = format!("/messages/{i}");
        if received.date() > as_of {
            date_after_as_of(ctx, format!("{at}/received"), received.date());
            continue;
        }
        let replied = replied.filter(|r| r.date() <= as_of);
        // 3 months unanswered (veto), in the year before monitoring.
        if let Some(ind) = unanswered.as_ref().filter(|ind| ind.counts_column_types.contains(&column_type)) {
            let lookback = as_of.checked_sub_months(Months::new(ind.limit("lookback_months"))).unwrap_or(as_of);
            let due = received.date().checked_add_months(Months::new(ind.limit("months"))).unwrap_or(as_of);
            if received.date() >= lookback {
                let months = ind.limit("months");
                match replied {
                    Some(r) if r.date() > due => ctx.push(
                        FindingKind::Veto,
                        &MESSAGES_UNANSWERED,
                        Some(ind),
                        at.clone(),
                        Text::new(
                            format!(
                                "留言 `{}` {} 收到，{} 才答复，超过 {months} 个月未回应",
                                m.id,
                                received.date(),
                                r.date()
                            ),
                            format!(
                                "message `{}` received {} was answered only on {}, more than {months} months later",
                                m.id,
                                received.date(),
                                r.date()
                            ),
                        ),
                        Some(0),
                        Some(due),
                    ),
                    None if as_of > due => ctx.push(
                        FindingKind::Veto,
                        &MESSAGES_UNANSWERED,
                        Some(ind),
                        at.clone(),
                        Text::new(
                            format!(
                                "留言 `{}` {} 收到，至 {as_of} 仍未答复，超过 {months} 个月未回应",
                                m.id,
                                received.date()
                            ),
                            format!(
                                "message `{}` received {} is still unanswered on {as_of}, more than {months} months",
                                m.id,
                                received.date()
                            ),
                        ),
                        Some(0),
                        Some(due),
                    ),
                    None if days_between(as_of, due) <= i64::from(ind.warn_level("days_before").unwrap_or(0)) => {
                        let left = days_between(as_of, due);
                        ctx.push(
                            FindingKind::Warning,
                            &MESSAGES_UNANSWERED_WARNING,
                            Some(ind),
                            at.clone(),
                            Text::new(
                                format!("留言 `{}` {} 收到仍未答复，{left} 天后（{due} 之后）超过 {months} 个月，将被单项否决", m.id, received.date()),
                                format!("message `{}` received {} is unanswered: after {due} ({left} days) it is {months} months old and the site fails", m.id, received.date()),
                            ),
                            Some(left),
                            Some(due),
                        );
                    }
                    _ => {}
                }
            }
        }
        // The interaction deadlines: not for interviews, surveys, petitions or discipline reports.
        if matches!(
            column_type,
            ColumnType::Interview | ColumnType::Survey | ColumnType::Petition | ColumnType::Discipline
        ) || !rule.message_types.contains(&m.message_type)
        {
            continue;
        }
        summary.messages += 1;
        if replied.is_some() {
            summary.answered += 1;
        } else {
            summary.open += 1;
        }
        let close_due = match ctx.cal.add_working_days(received.date(), rule.close_working_days) {
            Ok(d) => Some(d),
            Err(e) => {
                ctx.push(
                    FindingKind::Warning,
                    &CALENDAR_NOT_COVERED,
                    None,
                    format!("{at}/received"),
                    Text::new(
                        format!("无法按工作日计算办结时限：{e}"),
                        format!("the closing limit cannot be counted in working days: {e}"),
                    ),
                    None,
                    None,
                );
                None
            }
        };
        let inspection_due =
            slow.as_ref().and_then(|ind| ctx.cal.add_working_days(received.date(), ind.limit("working_days")).ok());
        let response = responded.filter(|r| r.date() <= as_of).or(replied);
        let hours = rule.response_hours;
        let response_due = received.at + chrono::Duration::hours(i64::from(hours));
        match response {
            Some(r) => {
                summary.response_judged += 1;
                let (late, took) = hours_late(received, r, hours);
                if late {
                    ctx.push(
                        FindingKind::Warning,
                        &INTERACTION_RESPONSE_LATE,
                        None,
                        at.clone(),
                        Text::new(
                            format!("留言 `{}` {} 收到，{} 响应，约 {took} 小时，超过 {hours} 小时（按自然时间计算，应于 {} 前）", m.id, received.at, r.at, response_due),
                            format!("message `{}` received {} was responded to at {}, about {took} hours: over {hours} hours on the clock (due by {})", m.id, received.at, r.at, response_due),
                        ),
                        None,
                        Some(response_due.date()),
                    );
                } else {
                    summary.responded_on_time += 1;
                }
            }
            None => {
                let (late, _) = hours_late(received, now, hours);
                if late {
                    summary.response_judged += 1;
                }
            }
        }
        let Some(close_due) = close_due else { continue };
        match replied {
            Some(r) => {
                summary.close_judged += 1;
                if r.date() <= close_due {
                    summary.closed_on_time += 1;
                    continue;
                }
                let working = ctx.cal.working_days_between(received.date(), r.date()).ok();
                let took = working.map_or_else(String::new, |n| n.to_string());
                let inspection_late = inspection_due.is_some_and(|d| r.date() > d);
                let slow_counts = slow.as_ref().is_some_and(|ind| ind.counts_column_types.contains(&column_type))
                    && m.message_type == MessageType::Consultation;
                if inspection_late && slow_counts {
                    let ind = slow.as_ref();
                    let limit = ind.map_or(0, |i| i.limit("working_days"));
                    ctx.push(
                        FindingKind::Deduction,
                        &REPLY_SLOW,
                        ind,
                        at.clone(),
                        Text::new(
                            format!("留言 `{}` {} 收到，{} 答复，用时 {took} 个工作日，超过 {limit} 个工作日（收到当日不计入，应于 {} 前）", m.id, received.date(), r.date(), inspection_due.map(|d| d.to_string()).unwrap_or_default()),
                            format!("message `{}` received {} was answered on {}, {took} working days: over {limit} working days (the day received not counted; due by {})", m.id, received.date(), r.date(), inspection_due.map(|d| d.to_string()).unwrap_or_default()),
                        ),
                        None,
                        inspection_due,
                    );
                } else {
                    let days = rule.close_working_days;
                    ctx.push(
                        FindingKind::Warning,
                        &INTERACTION_CLOSE_LATE,
                        None,
                        at.clone(),
                        Text::new(
                            format!("留言 `{}` {} 收到，{} 办结，用时 {took} 个工作日，超过本机构 {days} 个工作日的办结时限（应于 {close_due} 前）", m.id, received.date(), r.date()),
                            format!("message `{}` received {} was closed on {}, {took} working days: over the institution's {days} working days (due by {close_due})", m.id, received.date(), r.date()),
                        ),
                        None,
                        Some(close_due),
                    );
                }
            }
            None => {
                if as_of > close_due {
                    summary.close_judged += 1;
                    let days = rule.close_working_days;
                    ctx.push(
                        FindingKind::Warning,
                        &INTERACTION_OVERDUE,
                        None,
                        at.clone(),
                        Text::new(
                            format!("留言 `{}` {} 收到，至 {as_of} 未答复，已超过 {days} 个工作日的办结时限（{close_due}）", m.id, received.date()),
                            format!("message `{}` received {} is unanswered on {as_of}, past the {days}-working-day limit ({close_due})", m.id, received.date()),
                        ),
                        Some(days_between(as_of, close_due)),
                        Some(close_due),
                    );
                }
            }
        }
    }
    let rate = |n: usize, d: usize| (d > 0).then(|| n as f64 / d as f64);
    summary.response_rate = rate(summary.responded_on_time, summary.response_judged);
    summary.close_rate = rate(summary.closed_on_time, summary.close_judged);
}

fn accounts(ctx: &mut Ctx<'_>, s: &snapshot::SiteSnapshot) {
    let stale = ctx.ind("account_stale").cloned();
    let no_interaction = ctx.ind("account_no_interaction").cloned();
    for (i, a) in s.accounts.iter().enumerate() {
        if a.id.is_empty() {
            continue;
        }
        let at = format!("/accounts/{i}");
        let name = &a.name;
        if let Some(ind) = &stale {
            let limit = i64::from(ind.limit("days"));
            match a.last_post {
                Some(last) if last > ctx.as_of => date_after_as_of(ctx, format!("{at}/last_post"), last),
                Some(last) => {
                    let days = days_between(last, ctx.as_of);
                    let due = last + chrono::Days::new(limit as u64);
                    if days >= limit {
                        ctx.push(
                            FindingKind::Veto,
                            &ACCOUNT_STALE,
                            Some(ind),
                            at.clone(),
                            Text::new(
                                format!("{}「{name}」自 {last} 起 {days} 天未更新（{limit} 天无更新即单项否决）", a.platform),
                                format!("{} account `{name}` has not posted for {days} days, since {last} ({limit} days fail it)", a.platform),
                            ),
                            Some(0),
                            Some(due),
                        );
                    } else if ind.warn_level("days").is_some_and(|w| days >= i64::from(w)) {
                        let left = limit - days;
                        ctx.push(
                            FindingKind::Warning,
                            &ACCOUNT_STALE_WARNING,
                            Some(ind),
                            at.clone(),
                            Text::new(
                                format!("{}「{name}」{days} 天未更新，{left} 天后（{due}）将被单项否决", a.platform),
                                format!("{} account `{name}` has not posted for {days} days: the veto falls in {left} days ({due})", a.platform),
                            ),
                            Some(left),
                            Some(due),
                        );
                    }
                }
                None => ctx.push(
                    FindingKind::Veto,
                    &ACCOUNT_STALE,
                    Some(ind),
                    at.clone(),
                    Text::new(
                        format!("{}「{name}」没有注明日期的更新", a.platform),
                        format!("{} account `{name}` shows no dated post", a.platform),
                    ),
                    Some(0),
                    None,
                ),
            }
        }
        if let Some(ind) = no_interaction.as_ref().filter(|_| !a.interaction) {
            ctx.push(
                FindingKind::Veto,
                &ACCOUNT_NO_INTERACTION,
                Some(ind),
                format!("{at}/interaction"),
                Text::new(
                    format!("{}「{name}」未提供有效互动功能", a.platform),
                    format!("{} account `{name}` has no working interaction function", a.platform),
                ),
                Some(0),
                None,
            );
        }
    }
}

fn availability(ctx: &mut Ctx<'_>, s: &snapshot::SiteSnapshot) {
    let (Some(a), Some(ind)) = (&s.availability, ctx.ind("site_unavailable").cloned()) else { return };
    if a.visits == 0 {
        return;
    }
    let limit = ind.limit("percent");
    let seconds = ind.limit("seconds");
    let share = f64::from(a.failed) * 100.0 / f64::from(a.visits);
    let reaches = |p: u32| u64::from(a.failed) * 100 >= u64::from(p) * u64::from(a.visits);
    let (kind, info) = if reaches(limit) {
        (FindingKind::Veto, &SITE_UNAVAILABLE)
    } else if ind.warn_level("percent").is_some_and(reaches) {
        (FindingKind::Warning, &SITE_UNAVAILABLE_WARNING)
    } else {
        return;
    };
    ctx.push(
        kind,
        info,
        Some(&ind),
        "/availability".into(),
        Text::new(
            format!(
                "{} 次访问中 {} 次超过 {seconds} 秒仍打不开，占 {share:.1}%（{limit}% 即单项否决）",
                a.visits, a.failed
            ),
            format!(
                "{} of {} visits did not open within {seconds} seconds, {share:.1}% ({limit}% fails the site)",
                a.failed, a.visits
            ),
        ),
        (kind == FindingKind::Veto).then_some(0),
        None,
    );
}

fn incidents(ctx: &mut Ctx<'_>, s: &snapshot::SiteSnapshot) {
    let Some(ind) = ctx.ind("serious_error").cloned() else { return };
    for (i, inc) in s.incidents.iter().enumerate() {
        let label = inc.incident_type.label();
        let note = inc.note.as_deref().map(|n| format!("：{n}")).unwrap_or_default();
        let note_en = inc.note.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
        ctx.push(
            FindingKind::Veto,
            &SERIOUS_ERROR,
            Some(&ind),
            inc.at.clone().filter(|p| !p.is_empty()).unwrap_or_else(|| format!("/incidents/{i}")),
            Text::new(format!("{}{note}", label.zh), format!("{}{note_en}", label.en)),
            Some(0),
            inc.found,
        );
    }
}

fn personal_data(ctx: &mut Ctx<'_>, s: &snapshot::SiteSnapshot) {
    let Some(ind) = ctx.ind("personal_data_exposed").cloned() else { return };
    for (i, c) in s.columns.iter().enumerate() {
        for (j, item) in c.items.iter().enumerate() {
            for (key, text) in [("title", Some(item.title.as_str())), ("text", item.text.as_deref())] {
                let Some(text) = text.filter(|t| !t.is_empty()) else { continue };
                let found: Vec<_> = crate::screening::scan(text)
                    .into_iter()
                    .filter(|f| f.is_actionable() && f.kind.is_personal())
                    .collect();
                if found.is_empty() {
                    continue;
                }
                let kinds: Vec<&str> = found.iter().map(|f| f.kind.label_zh()).collect();
                let kinds_en: Vec<&str> = found.iter().map(|f| f.kind.label_en()).collect();
                let previews: Vec<&str> = found.iter().map(|f| f.preview.as_str()).collect();
                ctx.push(
                    FindingKind::Deduction,
                    &PERSONAL_DATA_EXPOSED,
                    Some(&ind),
                    format!("/columns/{i}/items/{j}/{key}"),
                    Text::new(
                        format!(
                            "「{}」中有未去标识化的个人信息：{}（`{}`）",
                            item.title,
                            kinds.join("、"),
                            previews.join("`, `")
                        ),
                        format!(
                            "`{}` shows personal data not de-identified: {} (`{}`)",
                            item.title,
                            kinds_en.join(", "),
                            previews.join("`, `")
                        ),
                    ),
                    None,
                    None,
                );
            }
        }
    }
}

fn interpretations(ctx: &mut Ctx<'_>, s: &snapshot::SiteSnapshot) {
    let Some(ind) = ctx.ind("interpretation_unlinked").cloned() else { return };
    let policy_at = |id: &str| s.policies.iter().position(|p| !p.id.is_empty() && p.id == id);
    let interp_at = |id: &str| s.interpretations.iter().position(|j| !j.id.is_empty() && j.id == id);
    for (i, p) in s.policies.iter().enumerate() {
        let Some(jid) = p.interpretation.as_deref() else { continue };
        match interp_at(jid) {
            None => ctx.push(
                FindingKind::Deduction,
                &INTERPRETATION_UNLINKED,
                Some(&ind),
                format!("/policies/{i}/interpretation"),
                Text::new(
                    format!("政策文件「{}」链接的解读 `{jid}` 不在快照中", p.title),
                    format!("policy `{}` links to interpretation `{jid}`, which is not in the snapshot", p.title),
                ),
                None,
                None,
            ),
            Some(j) if s.interpretations[j].policy.as_deref() != Some(p.id.as_str()) => ctx.push(
                FindingKind::Deduction,
                &INTERPRETATION_UNLINKED,
                Some(&ind),
                format!("/interpretations/{j}/policy"),
                Text::new(
                    format!("解读「{}」没有链接回政策文件「{}」", s.interpretations[j].title, p.title),
                    format!(
                        "interpretation `{}` does not link back to policy `{}`",
                        s.interpretations[j].title, p.title
                    ),
                ),
                None,
                None,
            ),
            Some(_) => {}
        }
    }
    for interp in &s.interpretations {
        let Some(pid) = interp.policy.as_deref() else { continue };
        if let Some(i) = policy_at(pid)
            && s.policies[i].interpretation.is_none()
        {
            ctx.push(
                FindingKind::Deduction,
                &INTERPRETATION_UNLINKED,
                Some(&ind),
                format!("/policies/{i}/interpretation"),
                Text::new(
                    format!("政策文件「{}」没有链接到其解读「{}」", s.policies[i].title, interp.title),
                    format!("policy `{}` does not link to its interpretation `{}`", s.policies[i].title, interp.title),
                ),
                None,
                None,
            );
        }
    }
}

/// The TypeScript declaration of [`SiteReport::to_json`] (`SiteCheck`, the browser's
/// `siteCheck` answer) and of [`SiteFinding::to_json`], kept next to the code that writes that
/// JSON by hand (bindings-wasm/tests/typescript.rs checks real answers against it).
#[cfg(feature = "typescript")]
pub const SITE_CHECK_TS: &str = r#"/**
 * A site check finding: `kind` is what it does to the verdict.
 */
export interface SiteFinding {
    code: string;
    kind: "input" | "veto" | "deduction" | "warning";
    severity: Severity;
    path: string;
    message: string;
    basis: string | null;
    status: Status;
    indicator?: string;
    points?: number;
    days_left?: number;
    due?: string;
}
/**
 * `gongkai site check --format json`.
 */
export interface SiteCheck {
    kind: "site_check";
    verdict: "pass" | "fail";
    score: number;
    pass_score: number;
    vetoes: number;
    deductions: number;
    warnings: number;
    input_errors: number;
    as_of: string | null;
    site: { name: string; institution?: string; url?: string };
    columns: number;
    items: number;
    findings: SiteFinding[];
    rectifications: { code: string; kind: SiteFinding["kind"]; path: string; what: string; days_left: number | null; due: string | null }[];
    indicators: { id: string; kind: "veto" | "deduction"; title: Text; result: "pass" | "warning" | "fail" | "deducted"; found: number; points_lost?: number; basis: string; status: Status }[];
    interaction: { response_hours: number; close_working_days: number; basis: string; status: Status; counting: string; messages: number; answered: number; open: number; response_judged: number; responded_on_time: number; response_rate: number | null; close_judged: number; closed_on_time: number; close_rate: number | null };
    rules: { version: string; overlays: string[] };
}"#;

#[cfg(feature = "typescript")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const SITE_CHECK_SECTION: &str = SITE_CHECK_TS;

impl SiteFinding {
    /// `{"code", "kind", "severity", "path", "message", "basis", "status", "indicator", "points", "days_left", "due"}`.
    pub fn to_json(&self, lang: Lang) -> Value {
        let d = &self.diagnostic;
        let mut m = serde_json::Map::new();
        m.insert("code".into(), d.code.into());
        m.insert("kind".into(), self.kind.as_str().into());
        m.insert("severity".into(), d.severity.as_str().into());
        m.insert("path".into(), d.path.as_ref().into());
        m.insert("message".into(), d.message.get(lang).into());
        m.insert("basis".into(), d.basis.as_deref().map_or(Value::Null, Into::into));
        m.insert("status".into(), serde_json::to_value(self.status).unwrap_or(Value::Null));
        if let Some(i) = &self.indicator {
            m.insert("indicator".into(), i.as_str().into());
        }
        if let Some(p) = self.points {
            m.insert("points".into(), p.into());
        }
        if let Some(n) = self.days_left {
            m.insert("days_left".into(), n.into());
        }
        if let Some(due) = self.due {
            m.insert("due".into(), due.to_string().into());
        }
        Value::Object(m)
    }
}

impl SiteReport {
    /// The rectification list (整改清单), most urgent first: fix the export, then vetoes, then
    /// early warnings by days left, then deductions by points.
    pub fn rectifications(&self) -> Vec<&SiteFinding> {
        let mut list: Vec<&SiteFinding> = self.findings.iter().collect();
        list.sort_by_key(|f| {
            let rank = match f.kind {
                FindingKind::Input => 0,
                FindingKind::Veto => 1,
                FindingKind::Warning if f.days_left.is_some() => 2,
                FindingKind::Deduction => 3,
                _ => 4,
            };
            (rank, f.days_left.unwrap_or(i64::MAX), std::cmp::Reverse(f.points.unwrap_or(0)))
        });
        list
    }

    /// The answer as JSON: `{"verdict", "score", "pass_score", "vetoes", "as_of", "site",
    /// "findings", "rectifications", "indicators", "interaction", "rules"}`.
    pub fn to_json(&self, lang: Lang) -> Value {
        let findings: Vec<Value> = self.findings.iter().map(|f| f.to_json(lang)).collect();
        let rectifications: Vec<Value> = self
            .rectifications()
            .into_iter()
            .map(|f| {
                serde_json::json!({
                    "code": f.diagnostic.code,
                    "kind": f.kind.as_str(),
                    "path": f.diagnostic.path,
                    "what": f.diagnostic.message.get(lang),
                    "days_left": f.days_left,
                    "due": f.due.map(|d| d.to_string()),
                })
            })
            .collect();
        let counts = |k: FindingKind| self.findings.iter().filter(|f| f.kind == k).count();
        serde_json::json!({
            "kind": "site_check",
            "verdict": self.verdict,
            "score": self.score,
            "pass_score": self.pass_score,
            "vetoes": self.vetoes,
            "deductions": counts(FindingKind::Deduction),
            "warnings": counts(FindingKind::Warning),
            "input_errors": counts(FindingKind::Input),
            "as_of": self.as_of.map(|d| d.to_string()),
            "site": self.site,
            "columns": self.columns,
            "items": self.items,
            "findings": findings,
            "rectifications": rectifications,
            "indicators": self.indicators,
            "interaction": {
                "response_hours": self.interaction.response_hours,
                "close_working_days": self.interaction.close_working_days,
                "basis": self.interaction.basis,
                "status": self.interaction.status,
                "counting": self.interaction.counting.get(lang),
                "messages": self.interaction.messages,
                "answered": self.interaction.answered,
                "open": self.interaction.open,
                "response_judged": self.interaction.response_judged,
                "responded_on_time": self.interaction.responded_on_time,
                "response_rate": self.interaction.response_rate,
                "close_judged": self.interaction.close_judged,
                "closed_on_time": self.interaction.closed_on_time,
                "close_rate": self.interaction.close_rate,
            },
            "rules": {"version": self.rules_version, "overlays": self.overlays},
        })
    }
}
