//! Statutory deadlines (catalogues/deadlines.yaml) computed on the working-day calendar, each with
//! its working: the start, the excluded spans (weekends, holidays by name, consultation periods),
//! the due date and the rule's citation. Request records (依申请公开) are checked in [`request`].

pub mod request;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayKind, DaySpan, ProvisionalYear};
use crate::model::{Citation, Status, Text};
pub use request::{
    ApplicantType, CODES, CaseOutcome, Closure, Litigation, Reconsideration, RequestRecord, check_request,
    check_request_with, request_timeline,
};

/// The file `catalogues/deadlines.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRules {
    pub version: String,
    pub counting: Counting,
    pub rules: Vec<DeadlineRule>,
    pub annual_reports: Vec<AnnualReportRule>,
    pub receipt_channels: Vec<ReceiptChannel>,
    pub receipt_basis: Vec<Citation>,
    pub non_working_day_receipt: NonWorkingDayReceipt,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counting {
    pub unit: String,
    pub start_day_counted: bool,
    pub basis: Vec<Citation>,
    /// How firmly the convention is established for these periods: the basis may be read in its
    /// own text while its application to 条例 periods is only practice (`unverified`).
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub status: Status,
    pub note: Text,
}

/// A time limit in working days.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    pub id: String,
    pub title: Text,
    pub working_days: u32,
    /// The limit is a maximum that the organ may use in part (an extension).
    #[serde(default)]
    pub maximum: bool,
    /// Conditions for using it (approval, notice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Text>,
    /// The period does not count against the reply period (Art 33 ¶3).
    #[serde(default)]
    pub excluded_from_reply_period: bool,
    pub from: Text,
    pub basis: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A fixed-date deadline for an annual report.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnualReportRule {
    pub id: String,
    pub title: Text,
    pub due: MonthDay,
    pub period: Text,
    pub basis: Vec<Citation>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl AnnualReportRule {
    /// The due date of the report published in `year`.
    pub fn due_in(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.due.month, self.due.day)
    }
}

/// 条例 Art 31: the day a request counts as received, by channel.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiptChannel {
    pub id: String,
    pub received_on: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NonWorkingDayReceipt {
    pub default_moves_to_next_working_day: bool,
    pub note: Text,
}

static RULES: LazyLock<DeadlineRules> = LazyLock::new(|| crate::data::embedded::parse("deadlines.yaml"));

/// The deadline rules compiled into the library, parsed once.
pub fn rules() -> &'static DeadlineRules {
    &RULES
}

impl DeadlineRules {
    pub fn rule(&self, id: &str) -> Option<&DeadlineRule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn annual_report(&self, id: &str) -> Option<&AnnualReportRule> {
        self.annual_reports.iter().find(|r| r.id == id)
    }

    pub fn channel(&self, id: &str) -> Option<&ReceiptChannel> {
        self.receipt_channels.iter().find(|c| c.id == id)
    }
}

/// Why some days in a deadline's span do not count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExcludedReason {
    Weekend,
    Holiday,
    /// The institution's own closure.
    Closure,
    /// A third-party or co-maker consultation (条例 Arts 32–34), not counted in the reply period.
    Consultation,
}

/// A run of days that do not count towards a deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ExcludedSpan {
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub from: NaiveDate,
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub to: NaiveDate,
    /// Calendar days in the span.
    pub days: i64,
    pub reason: ExcludedReason,
    /// The holiday's, closure's or consultation's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
}

/// How a deadline was computed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Explanation {
    /// The rule applied, when the deadline comes from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The date the period runs from (the start day itself is not counted).
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub start: NaiveDate,
    /// The first day that can count.
    #[cfg_attr(feature = "typescript", tsify(type = "string | null"))]
    pub counting_from: Option<NaiveDate>,
    pub working_days: u32,
    /// Days between the start and the due date that did not count.
    pub excluded: Vec<ExcludedSpan>,
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub due: NaiveDate,
    /// Notes on readings applied (start day, receipt on a non-working day, …).
    pub notes: Vec<Text>,
    pub basis: Vec<Citation>,
    /// The provisional years the due date depends on (no State Council notice loaded; days
    /// derived from the 放假办法), with the reason and the statutory days assumed. Empty when
    /// every day counted is from an announced year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub provisional: Vec<ProvisionalYear>,
}

impl Explanation {
    /// Whether the answer depends on a provisional year.
    pub fn is_provisional(&self) -> bool {
        !self.provisional.is_empty()
    }
}

/// A computed deadline with its working.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Deadline {
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub due: NaiveDate,
    pub explanation: Explanation,
}

/// A period excluded from a deadline (a consultation), inclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspension {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub name: Text,
}

fn start_day_note() -> Text {
    let c = &rules().counting;
    let basis = c.basis.iter().map(|b| b.to_string()).collect::<Vec<_>>().join("、");
    if c.status.is_confirmed() {
        Text::new(format!("期间开始的当日不计入（{basis}）"), "the start day is not counted (Civil Code Art 201)")
    } else {
        Text::new(
            format!("期间开始的当日不计入（{basis}；用于本期间为通行做法，未核实为规则）"),
            "the start day is not counted (Civil Code Art 201; applying it to this period is practice, not a confirmed rule)",
        )
    }
}

/// `n` working days after `start` (the start day not counted), with the working.
pub fn working_days_after(cal: &Calendar, start: NaiveDate, n: u32) -> Result<Deadline, CalendarError> {
    working_days_after_excluding(cal, start, n, &[])
}

/// `n` working days after `start`, not counting working days inside any `suspensions` (consultation
/// periods, 条例 Art 33 ¶3).
pub fn working_days_after_excluding(
    cal: &Calendar,
    start: NaiveDate,
    n: u32,
    suspensions: &[Suspension],
) -> Result<Deadline, CalendarError> {
    // Working days lost to suspensions inside (start, due]; grows until the due date is stable
    // (each round adds at least one day, and no more than the suspensions' working days).
    let mut lost = 0u32;
    let mut due = cal.add_working_days(start, n)?;
    loop {
        let mut now_lost = 0i64;
        for s in suspensions {
            let from = s.from.pred_opt().unwrap_or(s.from).max(start);
            let to = s.to.min(due);
            if to > from {
                now_lost += cal.working_days_between(from, to)?;
            }
        }
        let now_lost = u32::try_from(now_lost).unwrap_or(u32::MAX);
        if now_lost == lost {
            break;
        }
        lost = now_lost;
        due = cal.add_working_days(start, n.saturating_add(lost))?;
    }
    let mut excluded = Vec::new();
    for s in suspensions {
        if s.to > start && s.from <= due {
            excluded.push(ExcludedSpan {
                from: s.from,
                to: s.to,
                days: (s.to - s.from).num_days() + 1,
                reason: ExcludedReason::Consultation,
                name: Some(s.name.clone()),
            });
        }
    }
    for span in cal.non_working_spans(start, due)? {
        // Weekends and holidays inside a consultation are already excluded by it.
        if !suspensions.iter().any(|s| s.from <= span.from && span.to <= s.to) {
            excluded.push(calendar_span(span));
        }
    }
    excluded.sort_by_key(|e| (e.from, e.to));
    let counting_from = if n == 0 { None } else { start.succ_opt() };
    Ok(Deadline {
        due,
        explanation: Explanation {
            rule: None,
            start,
            counting_from,
            working_days: n,
            excluded,
            due,
            notes: vec![start_day_note()],
            basis: rules().counting.basis.clone(),
            provisional: cal.provisional_between(start, due).into_iter().cloned().collect(),
        },
    })
}

fn calendar_span(span: DaySpan) -> ExcludedSpan {
    let days = span.days();
    let (reason, name) = match span.kind {
        DayKind::Holiday { name } => (ExcludedReason::Holiday, Some(name)),
        DayKind::Closure { name } => (ExcludedReason::Closure, Some(name)),
        _ => (ExcludedReason::Weekend, None),
    };
    ExcludedSpan { from: span.from, to: span.to, days, reason, name }
}

/// A deadline under a named rule of catalogues/deadlines.yaml.
pub fn by_rule(cal: &Calendar, rule_id: &str, start: NaiveDate) -> Result<Deadline, crate::Error> {
    let rule =
        rules().rule(rule_id).ok_or_else(|| crate::Error::Unknown { what: "deadline rule", id: rule_id.into() })?;
    let mut deadline = working_days_after(cal, start, rule.working_days)?;
    deadline.explanation.rule = Some(rule.id.clone());
    deadline.explanation.basis.splice(0..0, rule.basis.iter().cloned());
    Ok(deadline)
}

/// The due date of an annual report published in `year` (a fixed date, not working days).
pub fn annual_report_due(rule_id: &str, year: i32) -> Result<(NaiveDate, &'static AnnualReportRule), crate::Error> {
    let rule = rules()
        .annual_report(rule_id)
        .ok_or_else(|| crate::Error::Unknown { what: "annual report rule", id: rule_id.into() })?;
    let due = rule
        .due_in(year)
        .ok_or_else(|| crate::Error::Invalid(format!("no date {}-{} in {year}", rule.due.month, rule.due.day)))?;
    debug_assert_eq!(due.year(), year);
    Ok((due, rule))
}
