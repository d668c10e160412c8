//! Content screening (personal data, classification markings) of every string of a record,
//! wherever it sits: title, body, attachments, each element of `fields` down to the cells of a
//! table, members the format does not define. Only the record's own identifiers are left out.

use super::Ctx;
use crate::check::bridge;
use crate::diagnostics::Diagnostic;

/// Members whose strings are the CMS's or gongkai's own identifiers, not published text.
const NOT_SCREENED: &[&str] = &["id", "kind", "x-gongkai", "$schema"];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.opts.skip_screening {
        return;
    }
    let Some(root) = ctx.rec.root else { return };
    root.for_each_string(NOT_SCREENED, &mut |pointer, text| out.extend(bridge::screen(text, pointer, ctx.item)));
}
