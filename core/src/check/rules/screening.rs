//! Content screening (personal data, classification markings) of every string of a record,
//! wherever it sits: title, body, attachments, each element of `fields` down to the cells of a
//! table, the review trail and disclosure, members the format does not define. Left out: the
//! members whose values are the format's own vocabulary, checked as such (ids, the institution's
//! kind and tier, the item, dates, channels), which cannot carry published text.

use super::Ctx;
use crate::check::bridge;
use crate::diagnostics::Diagnostic;
use crate::record::parse_date;

/// Members of the record whose strings are identifiers, dates and codes, not published text.
const NOT_SCREENED: &[&str] = &[
    "id",
    "kind",
    "institution",
    "item",
    "formed",
    "published",
    "archived",
    "approved",
    "period",
    "channels",
    "x-gongkai",
    "$schema",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.opts.skip_screening {
        return;
    }
    let Some(root) = ctx.rec.root else { return };
    root.for_each_string(NOT_SCREENED, &mut |pointer, text| {
        // A date (the one date rule's `YYYY-MM-DD`: ten characters, digits and two hyphens) holds
        // nothing screening finds; a record has a dozen, each a digit group the detectors weighed.
        if parse_date(text).is_none() {
            out.extend(bridge::screen(text, pointer, ctx.item));
        }
    });
}
