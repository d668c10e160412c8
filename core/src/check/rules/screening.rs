//! Content screening of the body, attachments and text fields (personal data, classification
//! markings), by the screening module.

use super::Ctx;
use crate::check::bridge;
use crate::check::record::join_pointer;
use crate::diagnostics::Diagnostic;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.opts.skip_screening {
        return;
    }
    if let Some(body) = ctx.rec.body {
        out.extend(bridge::screen(body, || "/body".to_owned(), ctx.item));
    }
    for &(i, text) in &ctx.rec.attachment_texts {
        out.extend(bridge::screen(text, || format!("/attachments/{i}/text"), ctx.item));
    }
    if let Some(fields) = ctx.rec.fields {
        fields.for_each_str(|key, s| out.extend(bridge::screen(s, || join_pointer("/fields", key), ctx.item)));
    }
}
