//! 文号: the record's document number agrees with the one in its fields, and is well formed.

use super::Ctx;
use crate::check::codes::{DOCUMENT_NUMBER_MALFORMED, DOCUMENT_NUMBER_MISMATCH, FIELDS_MISSING_ELEMENT};
use crate::diagnostics::{Diagnostic, message};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let top = ctx.rec.document_number;
    let in_fields = ctx.rec.fields.and_then(|f| f.get("document_number")).and_then(crate::record::Node::as_str);
    if let (Some(a), Some(b)) = (top, in_fields)
        && a.trim() != b.trim()
    {
        out.push(Diagnostic::new(
            &DOCUMENT_NUMBER_MISMATCH,
            "/fields/document_number",
            message!(
                "内容要素中的文号 `{0}` 与记录的文号 `{1}` 不一致",
                "document number `{0}` in the fields differs from the record's `{1}`",
                b,
                a
            ),
        ));
    }
    // An item flagged as numbered but without a `document_number` element: the record's own field.
    if let Some(item) = ctx.item {
        let has_element = item.elements.iter().any(|e| e.key == "document_number");
        if item.flags.document_number && !has_element && top.is_none_or(|s| s.trim().is_empty()) {
            out.push(Diagnostic::new(
                &FIELDS_MISSING_ELEMENT,
                "/document_number",
                message!(
                    "公开事项 `{0}` 的文件应有文号，记录中缺少",
                    "item `{0}` is published with a document number, and the record has none",
                    item.id
                ),
            ));
        }
    }
    for (path, number) in [("/document_number", top), ("/fields/document_number", in_fields)] {
        if let Some(n) = number
            && let Some(year) = bracketed_year(n)
        {
            out.push(
                Diagnostic::new(
                    &DOCUMENT_NUMBER_MALFORMED,
                    path,
                    message!(
                        "文号 `{0}` 的年份应使用六角括号，写作〔{1}〕",
                        "document number `{0}`: write the year in hexagonal brackets, as 〔{1}〕",
                        n,
                        year
                    ),
                )
                .with_help(message!("例如：某政发〔{0}〕3号", "e.g. 某政发〔{0}〕3号", year)),
            );
            if top == in_fields {
                break;
            }
        }
    }
}

/// A four-digit year in brackets other than 〔〕 (e.g. `[2026]`, `（2026）`, `【2026】`); with
/// several, the first of the first bracket kind in `PAIRS`.
///
/// One pass over the digit runs rather than a search per bracket kind: this runs on every
/// record, twice.
fn bracketed_year(s: &str) -> Option<&str> {
    const PAIRS: [(char, char); 6] = [('[', ']'), ('(', ')'), ('（', '）'), ('【', '】'), ('［', '］'), ('〖', '〗')];
    let b = s.as_bytes();
    let mut best: Option<(usize, &str)> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start != 4 {
            continue;
        }
        let (before, after) = (s[..start].chars().next_back(), s[i..].chars().next());
        let pair = PAIRS.iter().position(|&(open, close)| before == Some(open) && after == Some(close));
        if let Some(p) = pair.filter(|&p| best.is_none_or(|(q, _)| p < q)) {
            best = Some((p, &s[start..i]));
        }
    }
    best.map(|(_, year)| year)
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
        assert_eq!(bracketed_year("某政发[20265]3号"), None);
        assert_eq!(bracketed_year("某政发（2025]3号"), None);
        assert_eq!(bracketed_year("某政发【2026】"), Some("2026"));
        assert_eq!(bracketed_year("2026]"), None);
        // The first bracket kind wins, as the message names one year.
        assert_eq!(bracketed_year("（2025）[2026]"), Some("2026"));
        assert_eq!(bracketed_year("（2025）（2026）"), Some("2025"));
    }
}
