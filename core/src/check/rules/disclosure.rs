//! Withholding (条例 Arts 14–16, 32, 36(三), 37): grounds cited, known, available to the
//! institution, qualified grounds with consultation and public-interest records, and no
//! discretionary ground against information a law requires to be disclosed.

use super::Ctx;
use crate::check::codes::*;
use crate::check::record::DisclosureStatus;
use crate::diagnostics::{Diagnostic, index_pointer, message};
use crate::model::{Nature, Text};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(disc) = &ctx.rec.disclosure else { return };
    let restricted = matches!(disc.status, Some(DisclosureStatus::Partial | DisclosureStatus::Withheld));
    if restricted && disc.grounds.is_empty() {
        out.push(
            Diagnostic::new(
                &DISCLOSURE_GROUNDS_MISSING,
                "/disclosure/grounds",
                Text::new("不予公开或部分公开，但未引用依据", "withheld or partly disclosed without citing a ground"),
            )
            .with_help(Text::new(
                "引用 `gongkai grounds list` 中的依据标识，如 `ogi.art15.personal_privacy`",
                "cite ground ids from `gongkai grounds list`, e.g. `ogi.art15.personal_privacy`",
            )),
        );
    }
    if restricted && !disc.has_reasons {
        out.push(Diagnostic::new(
            &DISCLOSURE_REASONS_MISSING,
            "/disclosure/reasons",
            Text::new(
                "不予公开或部分公开，但未说明理由",
                "withheld or partly disclosed without a statement of reasons",
            ),
        ));
    }
    if disc.status == Some(DisclosureStatus::Full) && !disc.grounds.is_empty() {
        out.push(Diagnostic::new(
            &DISCLOSURE_GROUNDS_WITH_FULL,
            "/disclosure/grounds",
            Text::new("全部公开，却引用了不予公开的依据", "fully disclosed, yet exemption grounds are cited"),
        ));
    }
    let inst_kind = ctx.rec.institution.map(|i| i.kind);
    let mut qualified = false;
    for &(i, id) in &disc.grounds {
        let path = index_pointer("/disclosure/grounds", i);
        let Some(ground) = ctx.cat.ground(id) else {
            out.push(
                Diagnostic::new(
                    &GROUND_UNKNOWN,
                    path,
                    message!("不予公开依据 `{0}` 不存在", "unknown exemption ground `{0}`", id),
                )
                .with_help(Text::new(
                    "用 `gongkai grounds list` 查看依据标识",
                    "run `gongkai grounds list` for the ground ids",
                )),
            );
            continue;
        };
        let ground_basis = ground.basis.first().map(|c| c.to_string());
        if let Some(kind) = inst_kind.filter(|k| !ground.kinds.iter().any(|g| g == k)) {
            let list = ground.kinds.join(", ");
            out.push(Diagnostic::new(
                &GROUND_NOT_AVAILABLE,
                path.clone(),
                message!(
                    "依据 `{0}` 仅适用于 {1}，不适用于 `{2}`",
                    "ground `{0}` is available to {1} only, not to `{2}`",
                    id,
                    list,
                    kind
                ),
            ));
        }
        if ground.nature == Nature::Qualified {
            qualified = true;
        }
        if let Some(item) = ctx.item {
            let excluded = item.excluded_grounds.iter().any(|g| g == id);
            let statutory = ground.nature == Nature::Discretionary && item.flags.disclosure_required_by_law;
            if excluded || statutory {
                let d = Diagnostic::new(
                    &GROUND_DISCRETIONARY_ON_STATUTORY,
                    path,
                    message!(
                        "事项 `{0}` 依法应当公开，不能引用依据 `{1}`",
                        "item `{0}` must be disclosed by law: ground `{1}` cannot be cited against it",
                        item.id,
                        id
                    ),
                );
                out.push(match item.basis.first() {
                    Some(c) => d.with_basis(format!("政府信息公开条例第十六条第二款；{c}")),
                    None => d,
                });
            }
        }
        let _ = ground_basis;
    }
    if qualified && restricted {
        if !disc.has_consultation {
            out.push(
                Diagnostic::new(
                    &GROUND_QUALIFIED_NO_CONSULTATION,
                    "/disclosure/third_party_consultation",
                    Text::new(
                        "以第三方权益为由不予公开，但没有书面征求第三方意见的记录",
                        "a third-party ground is cited without a record of consulting the third party in writing",
                    ),
                )
                .with_help(Text::new(
                    "记录 {\"sent\", \"third_party\", \"reply\", \"replied\"}；第三方 15 个工作日内答复（第三十二条）",
                    "record {\"sent\", \"third_party\", \"reply\", \"replied\"}; the third party replies within 15 working days (Art 32)",
                )),
            );
        }
        if !disc.has_assessment {
            out.push(Diagnostic::new(
                &GROUND_QUALIFIED_NO_PUBLIC_INTEREST,
                "/disclosure/public_interest_assessment",
                Text::new(
                    "以第三方权益为由不予公开，但没有记录不公开是否会对公共利益造成重大影响的衡量",
                    "a third-party ground is cited without recording whether withholding would seriously harm the public interest",
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::Catalogue;
    use crate::check::{CheckOptions, Checker};

    /// A catalogue with one Art 15 (qualified) and one Art 16 (discretionary) ground, and an
    /// item that a law requires to be disclosed, as in 条例 Arts 15, 16 ¶2.
    fn fixture() -> Catalogue {
        let grounds = r#"
version: "t"
grounds:
  - id: t.art15.privacy
    title: { zh: 个人隐私, en: personal privacy }
    basis: [{ instrument: 政府信息公开条例, article: 第十五条 }]
    nature: qualified
    kinds: [administrative]
  - id: t.art16.process
    title: { zh: 过程性信息, en: process information }
    basis: [{ instrument: 政府信息公开条例, article: 第十六条第二款 }]
    nature: discretionary
    kinds: [administrative]
response_types: []
"#;
        let template = r#"
id: t.admin
version: "t"
effective: 2019-05-15
title: { zh: 测试, en: test }
applies_to: { kinds: [administrative] }
basis: [{ instrument: 政府信息公开条例, article: 第二十条 }]
items:
  - id: t.penalty
    title: { zh: 行政处罚决定, en: penalty decisions }
    category: [执法]
    basis: [{ instrument: 政府信息公开条例, article: 第二十条第（六）项 }]
    mode: proactive
    timing: { kind: timely }
    flags: { disclosure_required_by_law: true }
  - id: t.other
    title: { zh: 其他, en: other }
    category: [其他]
    basis: [{ instrument: 政府信息公开条例, article: 第二十条第（十五）项 }]
    mode: proactive
    timing: { kind: timely }
"#;
        let registry = crate::data::embedded::file("institutions.yaml").unwrap_or_default();
        Catalogue::from_sources(&[
            ("institutions.yaml".into(), registry.into()),
            ("grounds.yaml".into(), grounds.into()),
            ("templates/t.yaml".into(), template.into()),
        ])
        .expect("fixture catalogue")
    }

    fn codes(item: &str, disclosure: serde_json::Value) -> Vec<(&'static str, String)> {
        let cat = fixture();
        let record = json!({
            "kind": "publication", "item": item, "title": "t", "formed": "2026-03-02", "published": "2026-03-03",
            "institution": {"kind": "administrative", "tier": "county"}, "channels": ["government_website"],
            "review": [{"stage": "confidentiality", "date": "2026-03-02"}], "disclosure": disclosure,
        });
        let mut v: Vec<_> = Checker::new(&cat)
            .check_value(&record, &CheckOptions::default())
            .into_iter()
            .map(|d| (d.code, d.path.into_owned()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn qualified_ground_needs_consultation_and_assessment() {
        let got =
            codes("t.other", json!({"status": "partial", "grounds": ["t.art15.privacy"], "reasons": "涉及个人隐私"}));
        assert_eq!(
            got,
            vec![
                ("ground_qualified_no_consultation", "/disclosure/third_party_consultation".to_owned()),
                ("ground_qualified_no_public_interest", "/disclosure/public_interest_assessment".to_owned()),
            ]
        );
    }

    #[test]
    fn qualified_ground_with_records_is_clean() {
        let got = codes(
            "t.other",
            json!({"status": "partial", "grounds": ["t.art15.privacy"], "reasons": "涉及个人隐私",
                   "third_party_consultation": {"sent": "2026-02-10", "reply": "objection", "replied": "2026-02-20"},
                   "public_interest_assessment": {"date": "2026-02-25", "conclusion": "withhold"}}),
        );
        assert_eq!(got, vec![]);
    }

    #[test]
    fn discretionary_ground_on_statutory_item() {
        let got =
            codes("t.penalty", json!({"status": "withheld", "grounds": ["t.art16.process"], "reasons": "过程性信息"}));
        assert_eq!(got, vec![("ground_discretionary_on_statutory", "/disclosure/grounds/0".to_owned())]);
        // The same ground on an item no law requires to be disclosed is allowed.
        let got =
            codes("t.other", json!({"status": "withheld", "grounds": ["t.art16.process"], "reasons": "过程性信息"}));
        assert_eq!(got, vec![]);
    }
}
