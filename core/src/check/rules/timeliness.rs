//! Time limits: working days (条例 Art 26, via the calendar), calendar days where the law counts
//! them (预算法 Art 14), and periodic due dates.

use chrono::{Datelike, Duration, NaiveDate};

use super::Ctx;
use crate::check::bridge::{self, NoDeadline};
use crate::check::codes::{PUBLICATION_LATE, PUBLICATION_OVERDUE, TIMELINESS_UNCHECKED};
use crate::diagnostics::{Diagnostic, Message, message};
use crate::model::{Period, Text, Timing};

/// A deadline and how it was worked out; the explanation is written only for a late record
/// (formatting it for every on-time record cost more than the rest of the rule).
struct Due {
    date: NaiveDate,
    how: How,
}

enum How {
    WorkingDays { days: u32, formed: NaiveDate },
    CalendarDays { days: u32, formed: NaiveDate },
    Periodic { period_end: NaiveDate },
}

impl Due {
    /// How the deadline was worked out (both languages).
    fn working(&self) -> Message {
        let date = self.date;
        match self.how {
            How::WorkingDays { days, formed } => message!(
                "自 {0} 起 {1} 个工作日内，即 {2} 前",
                "within {1} working days of {0}, i.e. by {2}",
                formed,
                days,
                date
            ),
            How::CalendarDays { days, formed } => message!(
                "自 {0} 起 {1} 日内（按日历日计算），即 {2} 前",
                "within {1} calendar days of {0}, i.e. by {2}",
                formed,
                days,
                date
            ),
            How::Periodic { period_end } => {
                message!("期间截至 {0}，应于 {1} 前公开", "for the period ending {0}, due by {1}", period_end, date)
            }
        }
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(item) = ctx.item else { return };
    // The 条例 sets no due date for a township's or street office's report (Art 49).
    if ctx.rec.institution.is_some_and(|i| super::annual_report::national_report_below_county(item, &i)) {
        return;
    }
    let Some(formed) = ctx.rec.formed else { return };
    let (end, published) = match (ctx.rec.published, ctx.opts.today) {
        (Some(p), _) => (p, true),
        (None, Some(today)) => (today, false),
        (None, None) => return,
    };
    if end < formed {
        return; // dates out of order: reported by the dates rule
    }
    let due = match &item.timing {
        Timing::WithinWorkingDays { days, .. } => match bridge::add_working_days(ctx.opts.calendar(), formed, *days) {
            Ok(date) => {
                provisional_note(ctx.opts.calendar(), formed, date, out);
                Due { date, how: How::WorkingDays { days: *days, formed } }
            }
            Err(why) => {
                out.push(unchecked(why, formed));
                return;
            }
        },
        Timing::WithinDays { days, .. } => {
            Due { date: formed + Duration::days(i64::from(*days)), how: How::CalendarDays { days: *days, formed } }
        }
        Timing::Periodic { period, due, .. } => {
            let Some((period_end, date)) = periodic_due(*period, due, ctx.rec.period, formed) else { return };
            Due { date, how: How::Periodic { period_end } }
        }
        _ => return,
    };
    if end <= due.date {
        return;
    }
    let late = (end - due.date).num_days();
    // Kept with the item's other texts: shared, not formatted for each late record.
    let basis: Option<crate::model::SharedStr> = match ctx.texts {
        Some(texts) => texts.timing_basis.as_ref().map(Into::into),
        None => item.timing.basis().map(|c| c.to_string().into()),
    };
    let working = due.working();
    let d = if published {
        Diagnostic::new(
            &PUBLICATION_LATE,
            "/published",
            message!(
                "{0} 公开，超过时限 {1} 天（{2}）",
                "published {0}, {1} day(s) after the time limit ({2})",
                end,
                late,
                working
            ),
        )
    } else {
        Diagnostic::new(
            &PUBLICATION_OVERDUE,
            "/published",
            message!(
                "尚未公开，已超过时限 {0} 天（{1}）",
                "not yet published, {0} day(s) past the time limit ({1})",
                late,
                working
            ),
        )
        .with_help(Text::new("尽快公开，并在年度报告中如实反映", "publish now, and report it in the annual report"))
    };
    out.push(match basis {
        Some(b) => d.with_basis(b),
        None => d,
    });
}

/// Say so when a time limit counts days of a provisional year (no notice loaded).
fn provisional_note(cal: &crate::calendar::Calendar, formed: NaiveDate, due: NaiveDate, out: &mut Vec<Diagnostic>) {
    let years = cal.provisional_between(formed, due);
    if years.is_empty() {
        return;
    }
    let list: Vec<String> = years.iter().map(|p| p.year.to_string()).collect();
    let (zh, en) = (&years[0].reason.zh, &years[0].reason.en);
    out.push(
        Diagnostic::new(
            &crate::check::codes::CALENDAR_PROVISIONAL,
            "/formed",
            Text::new(
                format!("时限（至{due}）为暂定（{}年）：{zh}", list.join("、")),
                format!("the time limit ({due}) is provisional ({}): {en}", list.join(", ")),
            ),
        )
        .with_help(Text::new(
            "通知公布后用 `gongkai calendar import` 载入；或用 --strict-calendar 拒绝暂定年度",
            "load the notice once published (`gongkai calendar import`), or refuse provisional years with `--strict-calendar`",
        )),
    );
}

fn unchecked(why: NoDeadline, formed: NaiveDate) -> Diagnostic {
    let (zh, en) = match why {
        NoDeadline::Calendar(e) => {
            let why = e.message();
            (format!("未检查时限：{}", why.zh), format!("time limit not checked: {}", why.en))
        }
    };
    let _ = formed;
    Diagnostic::new(&TIMELINESS_UNCHECKED, "/formed", Text::new(zh, en))
}

/// The end of the period a periodic record covers and its due date. `period` is `2025`
/// (calendar year) or `2025-2026` (academic year); without it, the last period that ended
/// before the record was formed.
fn periodic_due(period: Period, due: &str, stated: Option<&str>, formed: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let (month, day) = due.split_once('-').and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))?;
    let end_in = |year: i32| match period {
        Period::CalendarYear => NaiveDate::from_ymd_opt(year, 12, 31),
        Period::AcademicYear => NaiveDate::from_ymd_opt(year, 8, 31),
    };
    let period_end = match stated {
        Some(s) => {
            let last_year = s.rsplit('-').next()?.trim().parse::<i32>().ok()?;
            end_in(last_year)?
        }
        None => {
            let this_year = end_in(formed.year())?;
            if this_year < formed { this_year } else { end_in(formed.year() - 1)? }
        }
    };
    let mut due_date = NaiveDate::from_ymd_opt(period_end.year(), month, day)?;
    if due_date <= period_end {
        due_date = NaiveDate::from_ymd_opt(period_end.year() + 1, month, day)?;
    }
    Some((period_end, due_date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn annual_report_due_dates() {
        // 条例 Art 49: departments by 31 January for the previous year.
        assert_eq!(
            periodic_due(Period::CalendarYear, "01-31", None, d("2026-01-20")),
            Some((d("2025-12-31"), d("2026-01-31")))
        );
        assert_eq!(
            periodic_due(Period::CalendarYear, "03-31", Some("2025"), d("2026-04-20")),
            Some((d("2025-12-31"), d("2026-03-31")))
        );
        assert_eq!(
            periodic_due(Period::AcademicYear, "10-31", Some("2024-2025"), d("2025-10-01")),
            Some((d("2025-08-31"), d("2025-10-31")))
        );
    }
}
