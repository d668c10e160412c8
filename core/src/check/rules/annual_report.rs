//! Annual reports of township governments and street offices. 条例 Art 49 names 县级以上人民政府部门
//! and 县级以上地方人民政府 only; many provinces and townships have their own rule requiring one.
//! Such a report is accepted: against a local item from an overlay (whose basis is the local
//! rule) it is checked like any item; against the national item it is checked for contents
//! only, with an info diagnostic saying the 条例 itself does not require it. Never an error.

use crate::check::codes::ANNUAL_REPORT_BELOW_COUNTY;
use crate::check::record::InstitutionRef;
use crate::diagnostics::{Diagnostic, message};
use crate::model::Item;

/// The category the annual-report items share (national and local).
const ANNUAL_REPORT: &str = "政府信息公开工作年度报告";

fn is_annual_report(item: &Item) -> bool {
    item.category.iter().any(|c| c == ANNUAL_REPORT)
}

/// Whether `item` is a national Art 49 report and `inst` a township government or street office.
pub(crate) fn national_report_below_county(item: &Item, inst: &InstitutionRef<'_>) -> bool {
    inst.kind == "administrative"
        && matches!(inst.tier, "township" | "subdistrict")
        && item.id.starts_with("admin.art49.report.")
        && is_annual_report(item)
}

/// The info diagnostic for a national report item used below county level; `local` are the
/// items that apply to the institution (an overlay's local annual-report item is named).
pub(crate) fn below_county<'a>(local: impl Iterator<Item = &'a Item>) -> Diagnostic {
    // The first by id, so that the answer does not depend on the scope's hash order.
    let local =
        local.filter(|i| is_annual_report(i) && !i.id.starts_with("admin.art49.")).min_by(|a, b| a.id.cmp(&b.id));
    match local {
        Some(item) => {
            let basis: Vec<String> = item.basis.iter().map(ToString::to_string).collect();
            Diagnostic::new(
                &ANNUAL_REPORT_BELOW_COUNTY,
                "/item",
                message!(
                    "条例第四十九条本身不要求乡镇、街道的年度报告；本地事项 `{0}`（依据：{1}）要求它：请改用该事项",
                    "条例 Art 49 does not itself require a township's or street office's report; the local item `{0}` (basis: {1}) does: name that item",
                    item.id.as_str(),
                    basis.join("；")
                ),
            )
        }
        None => Diagnostic::new(
            &ANNUAL_REPORT_BELOW_COUNTY,
            "/item",
            message!(
                "条例第四十九条只规定县级以上人民政府及其部门，本身不要求乡镇人民政府、街道办事处的年度报告；已按报告内容检查，未检查报告时限",
                "条例 Art 49 names governments and departments at county level and above and does not itself require a township's or street office's report: its contents were checked, its due date was not"
            ),
        )
        .with_help(message!(
            "本省或本地规定要求时，用覆盖层加入引用该规定的年度报告事项（见 examples/overlays/township-annual-report.yaml）",
            "where a provincial or local rule requires it, add an annual-report item citing that rule in an overlay (see examples/overlays/township-annual-report.yaml)"
        )),
    }
}
