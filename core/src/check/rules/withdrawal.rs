//! Withdrawal of a published decision that was later changed, revoked, or confirmed unlawful or
//! void (行政处罚法 Art 48 ¶2): within the item's working days of that date (three; Art 85 makes
//! them working days), with the reasons published.

use super::Ctx;
use crate::check::bridge::{self, NoDeadline};
use crate::check::codes::{DATES_OUT_OF_ORDER, TIMELINESS_UNCHECKED, WITHDRAWAL_LATE, WITHDRAWAL_REASONS_MISSING};
use crate::diagnostics::{Diagnostic, message};
use crate::model::Text;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(w) = &ctx.rec.withdrawal else { return };
    let Some(rule) = ctx.item.and_then(|i| i.withdrawal.as_ref()) else { return };
    let Some(changed) = w.date else { return };
    let basis = rule.basis.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("、");
    if let Some(withdrawn) = w.withdrawn {
        if withdrawn < changed {
            out.push(Diagnostic::new(
                &DATES_OUT_OF_ORDER,
                "/withdrawal/withdrawn",
                message!(
                    "撤回日期 {0} 早于决定被变更或撤销的日期 {1}",
                    "withdrawn {0}, before the decision was changed or revoked ({1})",
                    withdrawn,
                    changed
                ),
            ));
            return;
        }
        if rule.reasons_required && !w.has_reasons {
            out.push(
                Diagnostic::new(
                    &WITHDRAWAL_REASONS_MISSING,
                    "/withdrawal/reasons",
                    Text::new(
                        "撤回了公开的决定，但没有公开说明理由",
                        "the decision was withdrawn without published reasons",
                    ),
                )
                .with_basis(basis.clone()),
            );
        }
    }
    let (end, withdrawn) = match (w.withdrawn, ctx.opts.today) {
        (Some(d), _) => (d, true),
        (None, Some(today)) => (today, false),
        (None, None) => return,
    };
    let due = match bridge::add_working_days(ctx.opts.calendar(), changed, rule.working_days) {
        Ok(due) => due,
        Err(NoDeadline::Calendar(e)) => {
            out.push(Diagnostic::new(&TIMELINESS_UNCHECKED, "/withdrawal/date", {
                let why = e.message();
                Text::new(
                    format!("未检查撤回时限：{}", why.zh),
                    format!("withdrawal time limit not checked: {}", why.en),
                )
            }));
            return;
        }
    };
    if end <= due {
        return;
    }
    let days = rule.working_days;
    let d = if withdrawn {
        Diagnostic::new(
            &WITHDRAWAL_LATE,
            "/withdrawal/withdrawn",
            message!(
                "{0} 才撤回；决定于 {1} 被变更或撤销，应在 {2} 个工作日内即 {3} 前撤回",
                "withdrawn {0}; the decision was changed or revoked {1} and had to be withdrawn within {2} working days, by {3}",
                end,
                changed,
                days,
                due
            ),
        )
    } else {
        Diagnostic::new(
            &WITHDRAWAL_LATE,
            "/withdrawal",
            message!(
                "尚未撤回；决定于 {0} 被变更或撤销，应在 {1} 个工作日内即 {2} 前撤回",
                "not yet withdrawn; the decision was changed or revoked {0} and had to be withdrawn within {1} working days, by {2}",
                changed,
                days,
                due
            ),
        )
        .with_help(Text::new("立即撤回已公开的决定信息，并公开说明理由", "withdraw the published decision now and publish the reasons"))
    };
    out.push(d.with_basis(basis));
}
