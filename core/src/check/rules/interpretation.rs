//! 文件+解读: items that need a policy interpretation have one, published no later than the document.

use super::Ctx;
use crate::check::codes::{INTERPRETATION_LATE, INTERPRETATION_MISSING};
use crate::diagnostics::Diagnostic;
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
                        Text::new(
                            format!("事项 `{}` 须同步发布政策解读，记录中没有解读", item.id),
                            format!("item `{}` needs an interpretation published with it, and there is none", item.id),
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
            if let (Some(i), Some(p)) = (interp.published, ctx.rec.published) {
                if i > p {
                    let days = (i - p).num_days();
                    out.push(with_basis(Diagnostic::new(
                        &INTERPRETATION_LATE,
                        "/interpretation/published",
                        Text::new(
                            format!("解读 {i} 发布，比文件（{p}）晚 {days} 天"),
                            format!("the interpretation was published {i}, {days} days after the document ({p})"),
                        ),
                    )));
                }
            }
        }
    }
}
