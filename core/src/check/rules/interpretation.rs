//! 文件+解读: items that need a policy interpretation have one, published no later than the document.

use super::Ctx;
use crate::check::codes::{INTERPRETATION_LATE, INTERPRETATION_MISSING};
use crate::diagnostics::{Diagnostic, message};
use crate::model::Text;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let basis = ctx.item.and_then(|i| i.flags.interpretation_basis.as_ref()).map(|c| c.to_string());
    let with_basis = |d: Diagnostic| match &basis {
        Some(b) => d.with_basis(b.clone()),
        None => d,
    };
    match &ctx.rec.interpretation {
        None => {
            if let Some(item) = ctx.item.filter(|i| i.flags.interpretation_required) {
                out.push(with_basis(
                    Diagnostic::new(
                        &INTERPRETATION_MISSING,
                        "/interpretation",
                        message!(
                            "事项 `{0}` 须同步发布政策解读，记录中没有解读",
                            "item `{0}` needs an interpretation published with it, and there is none",
                            item.id
                        ),
                    )
                    .with_help(Text::new(
                        "与文件同步发布解读，并记录 {\"published\", \"title\", \"url\"}",
                        "publish the interpretation with the document and record {\"published\", \"title\", \"url\"}",
                    )),
                ));
            }
        }
        Some(interp) => {
            if let (Some(i), Some(p)) = (interp.published, ctx.rec.published)
                && i > p
            {
                let days = (i - p).num_days();
                out.push(with_basis(Diagnostic::new(
                    &INTERPRETATION_LATE,
                    "/interpretation/published",
                    message!(
                        "解读 {0} 发布，比文件（{1}）晚 {2} 天",
                        "the interpretation was published {0}, {2} days after the document ({1})",
                        i,
                        p,
                        days
                    ),
                )));
            }
        }
    }
}
