//! Input problems shared by the CLI and the bindings: JSON syntax errors with line and column,
//! empty input, nesting beyond serde_json's recursion limit, and bytes that are not UTF-8
//! (with a GBK hint, since GBK exports are common in Chinese CMSs).

use serde_json::Value;

use super::codes::*;
use crate::diagnostics::Diagnostic;
use crate::model::Text;

/// Parse one JSON value. serde_json's recursion limit (128 levels) guards against deep nesting.
pub fn parse_record(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text)
}

/// Whether a byte is whitespace in JSON's grammar (RFC 8259 §2: space, tab, LF, CR); form
/// feed, vertical tab, NBSP and the like are not.
pub fn is_json_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// `b` without JSON whitespace at either end.
pub fn trim_json_whitespace(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&c| !is_json_whitespace(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|&c| !is_json_whitespace(c)).map_or(start, |p| p + 1);
    &b[start..end]
}

/// Whether a text holds nothing but JSON whitespace: an empty input.
pub fn is_json_blank(text: &str) -> bool {
    text.bytes().all(is_json_whitespace)
}

/// A one-line message for a JSON error (English, lowercase), in the project's words.
pub fn json_error_message(e: &serde_json::Error, empty: bool) -> String {
    if empty {
        return "input is empty".to_owned();
    }
    own_words(&serde_message(e)).1
}

/// serde_json's message without the " at line L column C" it appends (reported separately).
fn serde_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

pub use crate::diagnostics::wording::own_words;

/// A diagnostic for a JSON text that could not be parsed.
pub fn json_error_diagnostic(e: &serde_json::Error, text: &str) -> Diagnostic {
    json_error_diagnostic_at(e, text, 1)
}

/// As [`json_error_diagnostic`], for a text that starts on line `first_line` of its file
/// (a JSON Lines record), so the line reported is the file's.
pub fn json_error_diagnostic_at(e: &serde_json::Error, text: &str, first_line: usize) -> Diagnostic {
    let empty = is_json_blank(text);
    let (msg_zh, msg) = own_words(&serde_message(e));
    let (line, col) = (e.line() + first_line.saturating_sub(1), e.column());
    if empty {
        return Diagnostic::new(&INPUT_EMPTY, "", Text::new("输入为空，没有记录", "input is empty: no records"));
    }
    if msg.contains("recursion limit") {
        return Diagnostic::new(
            &INPUT_TOO_DEEP,
            "",
            Text::new(
                format!("JSON 嵌套超过 128 层（第 {line} 行第 {col} 列）"),
                format!("the JSON is nested more than 128 levels deep (line {line}, column {col})"),
            ),
        )
        .with_help(Text::new(
            "记录的结构应当扁平；请检查导出程序",
            "records are shallow; check the exporting program",
        ));
    }
    Diagnostic::new(
        &INPUT_INVALID_JSON,
        "",
        Text::new(
            format!("JSON 语法错误（第 {line} 行第 {col} 列）：{msg_zh}"),
            format!("invalid JSON at line {line}, column {col}: {msg}"),
        ),
    )
}

/// Check that bytes are UTF-8; if not, a diagnostic saying where, and whether the bytes look
/// like GBK/GB 18030 (then how to convert them).
///
/// Validated with SIMD (`simdutf8`): records are mostly Chinese, where the standard library's
/// validator ran at about a byte a cycle and was half of what a JSON Lines reader spent.
// The diagnostic is the answer a caller reports, not an error it propagates: kept whole.
#[allow(clippy::result_large_err)]
pub fn require_utf8(bytes: &[u8]) -> Result<&str, Diagnostic> {
    match simdutf8::compat::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s)),
        Err(e) => Err(not_utf8_diagnostic(bytes, e.valid_up_to())),
    }
}

fn not_utf8_diagnostic(bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let line = 1 + bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count();
    let offending: String =
        bytes[valid_up_to..].iter().take(4).map(|b| format!("\\x{b:02x}")).collect::<Vec<_>>().join("");
    let gbk = looks_like_gbk(bytes);
    let d = Diagnostic::new(
        &INPUT_NOT_UTF8,
        "",
        if gbk {
            Text::new(
                format!("输入不是 UTF-8，看起来是 GBK 编码（第 {line} 行，字节 `{offending}`）"),
                format!("input is not UTF-8: it looks like GBK (line {line}, bytes `{offending}`)"),
            )
        } else {
            Text::new(
                format!("输入不是 UTF-8（第 {line} 行，字节 `{offending}`）"),
                format!("input is not UTF-8 (line {line}, bytes `{offending}`)"),
            )
        },
    );
    d.with_help(Text::new(
        "请转换为 UTF-8 后再检查，例如：iconv -f GBK -t UTF-8 输入.json > 输出.json",
        "convert it to UTF-8 first, e.g. `iconv -f GBK -t UTF-8 in.json > out.json`",
    ))
}

/// Whether non-ASCII bytes pair up as GBK double-byte characters (lead 0x81–0xFE, trail
/// 0x40–0xFE except 0x7F) and at least one pair is in the GB 2312 hanzi area.
pub fn looks_like_gbk(bytes: &[u8]) -> bool {
    let (mut i, mut hanzi) = (0, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xfe).contains(&b) || i + 1 >= bytes.len() {
            return false;
        }
        let t = bytes[i + 1];
        if !(0x40..=0xfe).contains(&t) || t == 0x7f {
            return false;
        }
        if (0xb0..=0xf7).contains(&b) && (0xa1..=0xfe).contains(&t) {
            hanzi += 1;
        }
        i += 2;
    }
    hanzi > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_text_is_recognised() {
        // 公开 in GBK is B9 AB BF AA (GB 2312 code table).
        let gbk = b"{\"title\": \"\xb9\xab\xbf\xaa\"}";
        let d = require_utf8(gbk).unwrap_err();
        assert_eq!(d.code, "input_not_utf8");
        assert!(d.message.en().contains("GBK"), "{}", d.message.en());
        assert!(d.message.en().contains("`\\xb9\\xab\\xbf\\xaa`"));
    }

    #[test]
    fn latin1_is_not_called_gbk() {
        let d = require_utf8(b"caf\xe9 \"x\"").unwrap_err();
        assert!(!d.message.en().contains("GBK"), "{}", d.message.en());
    }

    #[test]
    fn bom_is_skipped() {
        assert_eq!(require_utf8("\u{feff}{}".as_bytes()).unwrap(), "{}");
    }

    #[test]
    fn deep_nesting_is_reported_as_too_deep() {
        let text = "[".repeat(500) + &"]".repeat(500);
        let e = parse_record(&text).unwrap_err();
        assert_eq!(json_error_diagnostic(&e, &text).code, "input_too_deep");
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let text = "{\n  \"kind\": \"publication\",\n}";
        let e = parse_record(text).unwrap_err();
        let d = json_error_diagnostic(&e, text);
        assert_eq!(d.code, "input_invalid_json");
        assert!(d.message.en().contains("line 3, column 1"), "{}", d.message.en());
    }
}
