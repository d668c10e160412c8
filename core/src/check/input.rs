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
        // A raw NUL is never valid JSON: ASCII in UTF-16 is valid UTF-8 with every other byte
        // zero, and would otherwise be reported as a syntax error with no hint of the encoding.
        Ok(_)
            if memchr::memchr(0, bytes).is_some_and(|_| {
                matches!(Encoding::detect(bytes, bytes.len()), Some(Encoding::Utf16Le | Encoding::Utf16Be))
            }) =>
        {
            Err(not_utf8_diagnostic(bytes, memchr::memchr(0, bytes).unwrap_or(0)))
        }
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s)),
        Err(e) => Err(not_utf8_diagnostic(bytes, e.valid_up_to())),
    }
}

/// What bytes that are not UTF-8 most likely are, by their shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// A UTF-16 byte-order mark, or ASCII with every other byte zero.
    Utf16Le,
    Utf16Be,
    /// GBK's double-byte characters (and GB 18030's four-byte ones).
    Gb18030,
    /// Single high bytes among ASCII (`café`): ISO 8859-1 or Windows-1252.
    Latin1,
    /// UTF-8 that breaks off part-way (a truncated or damaged file).
    DamagedUtf8,
}

impl Encoding {
    /// Guess from the bytes, `valid_up_to` being where UTF-8 stopped.
    pub fn detect(bytes: &[u8], valid_up_to: usize) -> Option<Self> {
        if bytes.starts_with(b"\xff\xfe") {
            return Some(Self::Utf16Le);
        }
        if bytes.starts_with(b"\xfe\xff") {
            return Some(Self::Utf16Be);
        }
        let sample = &bytes[..bytes.len().min(4096)];
        let zeros = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
        let half = sample.len() / 2;
        if half > 0 && zeros(1) * 3 > half && zeros(0) * 10 < half {
            return Some(Self::Utf16Le);
        }
        if half > 0 && zeros(0) * 3 > half && zeros(1) * 10 < half {
            return Some(Self::Utf16Be);
        }
        if looks_like_gbk(bytes) {
            return Some(Self::Gb18030);
        }
        if bytes[..valid_up_to].iter().any(|&b| b >= 0x80) {
            return Some(Self::DamagedUtf8);
        }
        let isolated = !bytes.is_empty() && bytes.windows(2).all(|w| w[0] < 0x80 || w[1] < 0x80);
        isolated.then_some(Self::Latin1)
    }

    /// (zh, en) of the encoding's name, and `iconv`'s name for it.
    fn names(self) -> (&'static str, &'static str, Option<&'static str>) {
        match self {
            Self::Utf16Le => ("UTF-16（小端）", "UTF-16 (little-endian)", Some("UTF-16LE")),
            Self::Utf16Be => ("UTF-16（大端）", "UTF-16 (big-endian)", Some("UTF-16BE")),
            Self::Gb18030 => ("GB18030/GBK", "GB18030/GBK", Some("GB18030")),
            Self::Latin1 => {
                ("Latin-1（ISO 8859-1 或 Windows-1252）", "Latin-1 (ISO 8859-1 or Windows-1252)", Some("WINDOWS-1252"))
            }
            Self::DamagedUtf8 => ("截断或损坏的 UTF-8", "truncated or damaged UTF-8", None),
        }
    }
}

fn not_utf8_diagnostic(bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let line = 1 + bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count();
    let offending: String =
        bytes[valid_up_to..].iter().take(4).map(|b| format!("\\x{b:02x}")).collect::<Vec<_>>().join("");
    let detected = Encoding::detect(bytes, valid_up_to);
    let d = Diagnostic::new(
        &INPUT_NOT_UTF8,
        "",
        match detected.map(Encoding::names) {
            Some((zh, en, _)) => Text::new(
                format!("输入不是 UTF-8，看起来是 {zh}（第 {line} 行，字节 `{offending}`）"),
                format!("input is not UTF-8: it looks like {en} (line {line}, bytes `{offending}`)"),
            ),
            None => Text::new(
                format!("输入不是 UTF-8（第 {line} 行，字节 `{offending}`）"),
                format!("input is not UTF-8 (line {line}, bytes `{offending}`)"),
            ),
        },
    );
    match detected.map(Encoding::names) {
        Some((_, _, Some(iconv))) => d.with_help(Text::new(
            format!("请转换为 UTF-8 后再检查，例如：iconv -f {iconv} -t UTF-8 输入.json > 输出.json"),
            format!("convert it to UTF-8 first, e.g. `iconv -f {iconv} -t UTF-8 in.json > out.json`"),
        )),
        Some((_, _, None)) => d.with_help(Text::new(
            "文件在此处中断：请重新导出或下载完整文件",
            "the file breaks off here: export or download it again",
        )),
        None => d.with_help(Text::new(
            "请确认文件的编码并转换为 UTF-8（iconv -f 编码 -t UTF-8）",
            "find the file's encoding and convert it to UTF-8 (`iconv -f ENCODING -t UTF-8`)",
        )),
    }
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
        // GB 18030's four-byte form: lead, digit, lead, digit.
        if t.is_ascii_digit()
            && i + 3 < bytes.len()
            && (0x81..=0xfe).contains(&bytes[i + 2])
            && bytes[i + 3].is_ascii_digit()
        {
            hanzi += 1;
            i += 4;
            continue;
        }
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
        assert!(d.message.en().contains("Latin-1"), "{}", d.message.en());
        assert!(d.help.unwrap().en().contains("iconv -f WINDOWS-1252"));
    }

    #[test]
    fn the_advice_names_the_encoding_detected() {
        let utf16: Vec<u8> =
            [0xff, 0xfe].into_iter().chain("{\"title\": \"公开\"}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let d = require_utf8(&utf16).unwrap_err();
        assert!(d.message.en().contains("UTF-16 (little-endian)"), "{}", d.message.en());
        assert!(d.help.unwrap().en().contains("iconv -f UTF-16LE"));
        // No byte-order mark: a JSON Lines line of UTF-16 read after a newline.
        let no_bom: Vec<u8> = "{\"kind\": \"publication\"}".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(require_utf8(&no_bom).unwrap_err().message.en().contains("UTF-16 (big-endian)"));
        // 公开 in GB 18030 with a four-byte character (€ is 0xA2 0xE3; U+00B7 is 0x81 0x30 0x86 0x30).
        let gb = b"{\"t\": \"\xb9\xab\xbf\xaa\x81\x30\x86\x30\"}";
        let d = require_utf8(gb).unwrap_err();
        assert!(d.help.unwrap().en().contains("iconv -f GB18030"));
        let damaged = "{\"t\": \"公开\"}".as_bytes()[..11].to_vec();
        let d = require_utf8(&damaged).unwrap_err();
        assert!(d.message.en().contains("truncated or damaged UTF-8"), "{}", d.message.en());
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
