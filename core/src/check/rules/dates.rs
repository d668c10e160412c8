//! Dates in the order the chain runs: formed → published → archived; consultation sent → replied.

use chrono::NaiveDate;

use super::Ctx;
use crate::check::codes::DATES_OUT_OF_ORDER;
use crate::diagnostics::{Diagnostic, message};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let r = ctx.rec;
    let mut pair =
        |path: &'static str, earlier: (&str, &str, Option<NaiveDate>), later: (&str, &str, Option<NaiveDate>)| {
            if let (Some(a), Some(b)) = (earlier.2, later.2)
                && b < a
            {
                out.push(Diagnostic::new(
                    &DATES_OUT_OF_ORDER,
                    path,
                    message!(
                        "{0}（{1}）早于{2}（{3}）",
                        "{4} ({1}) is before {5} ({3})",
                        later.0,
                        b,
                        earlier.0,
                        a,
                        later.1,
                        earlier.1
                    ),
                ));
            }
        };
    pair("/published", ("形成日期", "the date formed", r.formed), ("公开日期", "the publication date", r.published));
    pair(
        "/archived",
        ("公开日期", "the publication date", r.published),
        ("归档日期", "the archiving date", r.archived),
    );
}
