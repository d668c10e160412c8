//! Screening inside the check engine: findings of one field's text as [`Diagnostic`]s,
//! respecting the item's `personal_data` rule.

use std::borrow::Cow;

use super::Finding;
use super::codes::MUST_BE_MASKED;
use crate::diagnostics::{Diagnostic, message};
use crate::model::{Item, Text};

/// The field key a JSON pointer ends in (`/fields/name` → `name`; `/fields/people/0/id` → `id`
/// is not used: the first token after `fields` names the element).
fn field_key(pointer: &str) -> Option<Cow<'_, str>> {
    let mut tokens = pointer.split('/').skip(1);
    while let Some(t) = tokens.next() {
        if t == "fields" {
            // Most keys have no escapes: borrow them rather than allocate twice.
            return tokens.next().map(|k| match k.contains('~') {
                true => Cow::Owned(k.replace("~1", "/").replace("~0", "~")),
                false => Cow::Borrowed(k),
            });
        }
    }
    None
}

/// Screen `text`, found at JSON pointer `json_pointer_base` of a record, and report what must
/// not be published. Informational findings (credit codes, organisational contacts, masked
/// values) are not reported. When `item` has a `personal_data` rule naming the field: kinds in
/// `allowed` pass; kinds in `masked` are reported as [`MUST_BE_MASKED`] unless masked.
pub fn scan_to_diagnostics(text: &str, json_pointer_base: &str, item: Option<&Item>) -> Vec<Diagnostic> {
    scan_to_diagnostics_at(text, || json_pointer_base.to_owned(), item)
}

/// [`scan_to_diagnostics`] with the pointer built only when something is found: most texts
/// are clean, and the check engine screens every field of every record.
pub(crate) fn scan_to_diagnostics_at(
    text: &str,
    json_pointer: impl FnOnce() -> String,
    item: Option<&Item>,
) -> Vec<Diagnostic> {
    // Most texts have no finding, or only informational ones (an office's telephone, a credit
    // code): decided on the hits, before offsets and masked previews are written for them.
    let hits = super::hits(text, false);
    if !hits.iter().any(|h| !h.redacted && h.info.severity > crate::diagnostics::Severity::Info) {
        return Vec::new();
    }
    let mut findings = super::findings_from_hits(text, &hits, false);
    findings.retain(Finding::is_actionable);
    let pointer = json_pointer();
    let rule = item.and_then(|i| i.personal_data.as_ref());
    let key = field_key(&pointer);
    let rule_for_field = rule.filter(|r| key.as_ref().is_some_and(|k| r.fields.iter().any(|f| f == k)));
    findings
        .into_iter()
        .filter_map(|f| {
            let kind = f.kind.as_str();
            match rule_for_field {
                Some(r) if r.allowed.iter().any(|k| k == kind) => None,
                Some(r) if r.masked.iter().any(|k| k == kind) => Some(must_be_masked(&f, &pointer, r)),
                _ => Some(plain(&f, &pointer)),
            }
        })
        .collect()
}

fn info_for(code: &str) -> &'static crate::diagnostics::CodeInfo {
    super::CODES.iter().copied().find(|c| c.code == code).unwrap_or(&MUST_BE_MASKED)
}

/// One finding as a diagnostic at `pointer` (no item rule applies): what a file's findings become.
pub(crate) fn plain(f: &Finding, pointer: &str) -> Diagnostic {
    let info = info_for(f.code);
    let message = message!(
        "第 {0} 个字符处：{1}：`{2}`",
        "at character {0}: {3}: `{2}`",
        f.start + 1,
        info.summary_zh,
        f.preview,
        info.summary_en
    );
    let help = if f.kind.is_personal() {
        message!(
            "公开前脱敏（如 `{0}`），或运行 gongkai redact",
            "mask it before publication (e.g. `{0}`), or run gongkai redact",
            f.preview
        )
    } else {
        Text::new("公开前按保密审查程序处理，不得公开涉密内容", "submit it to the secrecy review before publication")
            .into()
    };
    Diagnostic::new(info, pointer.to_owned(), message).with_severity(f.severity).with_help(help)
}

fn must_be_masked(f: &Finding, pointer: &str, rule: &crate::model::PersonalDataRule) -> Diagnostic {
    let message = message!(
        "第 {0} 个字符处：该字段可以公开{1}，但必须脱敏：`{2}`",
        "at character {0}: this field may carry a {3} only masked: `{2}`",
        f.start + 1,
        f.kind.label_zh(),
        f.preview,
        f.kind.label_en()
    );
    let mut d = Diagnostic::new(&MUST_BE_MASKED, pointer.to_owned(), message).with_help(message!(
        "改为 `{0}`",
        "write `{0}` instead",
        f.preview
    ));
    if !rule.basis.is_empty() {
        let basis: Vec<String> = rule.basis.iter().map(ToString::to_string).collect();
        d = d.with_basis(basis.join("；"));
    }
    d
}
