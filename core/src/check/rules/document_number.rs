//! 文号: the record's document number agrees with the one in its fields, and is well formed.

use super::Ctx;
use crate::check::codes::{DOCUMENT_NUMBER_MALFORMED, DOCUMENT_NUMBER_MISMATCH, FIELDS_MISSING_ELEMENT};
use crate::diagnostics::Diagnostic;
use crate::model::Text;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let top = ctx.rec.document_number;
    let in_fields = ctx.rec.fields.and_then(|f| f.get("document_number")).and_then(|v| v.as_str());
    if let (Some(a), Some(b)) = (top, in_fields) {
        if a.trim() != b.trim() {
            out.push(Diagnostic::new(
                &DOCUMENT_NUMBER_MISMATCH,
                "/fields/document_number",
                Text::new(
                    format!("内容要素中的文号 `{b}` 与记录的文号 `{a}` 不一致"),
                    format!("document number `{b}` in the fields differs from the record's `{a}`"),
                ),
            ));
        }
    }
    // An item flagged as numbered but without a `document_number` element: the record's own field.
    if let Some(item) = ctx.item {
        let has_element = item.elements.iter().any(|e| e.key == "document_number");
        if item.flags.document_number && !has_element && top.is_none_or(|s| s.trim().is_empty()) {
            out.push(Diagnostic::new(
                &FIELDS_MISSING_ELEMENT,
                "/document_number",
                Text::new(
                    format!("公开事项 `{}` 的文件应有文号，记录中缺少", item.id),
                    format!("item `{}` is published with a document number, and the record has none", item.id),
                ),
            ));
        }
    }
    for (path, number) in [("/document_number", top), ("/fields/document_number", in_fields)] {
        if let Some(n) = number {
            if let Some(year) = bracketed_year(n) {
                out.push(
                    Diagnostic::new(
                        &DOCUMENT_NUMBER_MALFORMED,
                        path,
                        Text::new(
                            format!("文号 `{n}` 的年份应使用六角括号，写作〔{year}〕"),
                            format!("document number `{n}`: write the year in hexagonal brackets, as 〔{year}〕"),
                        ),
                    )
                    .with_help(Text::new(format!("例如：某政发〔{year}〕3号"), format!("e.g. 某政发〔{year}〕3号"))),
                );
                if top == in_fields {
                    break;
                }
            }
        }
    }
}

/// A four-digit year in brackets other than 〔〕 (e.g. `[2026]`, `（2026）`, `【2026】`).
fn bracketed_year(s: &str) -> Option<&str> {
    const PAIRS: [(char, char); 6] = [('[', ']'), ('(', ')'), ('（', '）'), ('【', '】'), ('［', '］'), ('〖', '〗')];
    for (open, close) in PAIRS {
        let mut rest = s;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let digits = after.as_bytes().iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 4 && after[4..].starts_with(close) {
                return Some(&after[..4]);
            }
            rest = after;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::bracketed_year;

    #[test]
    fn brackets() {
        assert_eq!(bracketed_year("某政发[2026]3号"), Some("2026"));
        assert_eq!(bracketed_year("某政发（2026）3号"), Some("2026"));
        assert_eq!(bracketed_year("某政发〔2026〕3号"), None);
        assert_eq!(bracketed_year("某政发(26)3号"), None);
    }
}
