//! The review trail (条例 Art 17): a confidentiality review before publication; no sign-off
//! after publication; no publication over a rejection.

use super::Ctx;
use crate::check::codes::{REVIEW_AFTER_PUBLICATION, REVIEW_CONFIDENTIALITY_MISSING, REVIEW_REJECTED};
use crate::check::record::{ReviewResult, ReviewStage};
use crate::diagnostics::{Diagnostic, Severity, message};
use crate::model::Text;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let reviews = ctx.rec.review.as_deref().unwrap_or(&[]);
    if !reviews.iter().any(|r| r.stage == Some(ReviewStage::Confidentiality)) {
        // Art 17 binds administrative bodies; for other institutions it is the same practice
        // under the State Secrets Law, reported as a warning.
        let administrative = ctx.rec.institution.is_none_or(|i| i.kind == "administrative");
        let d = Diagnostic::new(
            &REVIEW_CONFIDENTIALITY_MISSING,
            "/review",
            Text::new("审查记录中没有保密审查（confidentiality）", "the review trail has no confidentiality review"),
        )
        .with_help(Text::new(
            "公开前由保密审查人员签署，记录 {\"stage\": \"confidentiality\", \"date\", \"reviewer_role\"}",
            "have it signed off before publication: {\"stage\": \"confidentiality\", \"date\", \"reviewer_role\"}",
        ));
        out.push(if administrative { d } else { d.with_severity(Severity::Warning) });
    }
    let Some(published) = ctx.rec.published else { return };
    for r in reviews {
        if let Some(date) = r.date.filter(|d| *d > published) {
            let stage = stage_name(r.stage);
            out.push(Diagnostic::new(
                &REVIEW_AFTER_PUBLICATION,
                format!("/review/{}/date", r.index),
                message!(
                    "{0} {1} 晚于公开日期 {2}",
                    "{3} on {1} is after publication on {2}",
                    stage.0,
                    date,
                    published,
                    stage.1
                ),
            ));
        }
        if r.result == ReviewResult::Rejected {
            let stage = stage_name(r.stage);
            out.push(Diagnostic::new(
                &REVIEW_REJECTED,
                format!("/review/{}/result", r.index),
                message!(
                    "{0}未同意公开，但记录已于 {1} 公开",
                    "the {2} did not approve publication, yet it was published on {1}",
                    stage.0,
                    published,
                    stage.1
                ),
            ));
        }
    }
}

fn stage_name(stage: Option<ReviewStage>) -> (&'static str, &'static str) {
    match stage {
        Some(ReviewStage::Business) => ("业务审核", "business review"),
        Some(ReviewStage::Legal) => ("合法性审核", "legal review"),
        Some(ReviewStage::Confidentiality) => ("保密审查", "confidentiality review"),
        None => ("审查", "review"),
    }
}
