//! Diagnostics written as JSON text for output of many records, byte for byte as serde_json
//! writes them, with the reader's special-byte scanner finding where a string needs an escape.

use super::text::special_byte;
use crate::{Diagnostic, Lang};

/// Append `diagnostics` as a compact JSON array, their messages in `lang`: the bytes
/// `serde_json::to_writer` gives for their [`LocalizedDiagnostic`](crate::diagnostics::LocalizedDiagnostic)s,
/// written with a string escaper that copies plain runs whole (for output of many records:
/// the CLI's `--format json` spent a quarter of its time escaping messages byte by byte).
pub fn write_diagnostics_json(out: &mut Vec<u8>, diagnostics: &[Diagnostic], lang: Lang) {
    out.push(b'[');
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"code\":");
        write_json_str(out, d.code);
        out.extend_from_slice(b",\"severity\":\"");
        out.extend_from_slice(d.severity.as_str().as_bytes());
        out.extend_from_slice(b"\",\"path\":");
        write_json_str(out, &d.path);
        out.extend_from_slice(b",\"message\":");
        write_json_str(out, d.message.get(lang));
        out.extend_from_slice(b",\"basis\":");
        match &d.basis {
            Some(basis) => write_json_str(out, basis),
            None => out.extend_from_slice(b"null"),
        }
        if let Some(help) = &d.help {
            out.extend_from_slice(b",\"help\":");
            write_json_str(out, help.get(lang));
        }
        out.push(b'}');
    }
    out.push(b']');
}

/// Append `s` as a JSON string, escaped exactly as serde_json escapes it (`\"`, `\\`, `\b`, `\f`,
/// `\n`, `\r`, `\t`, other controls as `\u00xx`, nothing else): runs without a special byte are
/// found with [`special_byte`] and copied whole, where serde_json looks at every byte.
fn write_json_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut from = 0;
    loop {
        let at = special_byte(bytes, from);
        out.extend_from_slice(&bytes[from..at]);
        let Some(&b) = bytes.get(at) else { break };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
            }
        }
        from = at + 1;
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::{Diagnostic, Severity};
    use crate::{Lang, Text};

    #[test]
    fn every_escape_is_serde_jsons() {
        let mut tricky: String = (0u8..0x20).map(char::from).collect();
        tricky.push_str("\"\\/\u{7f}\u{80}é中文`x`\u{2028}\u{1F600} tail");
        let long = "中文说明，".repeat(40) + "\"" + &"a".repeat(70) + "\n";
        for (text, basis) in [(tricky.as_str(), None), (long.as_str(), Some("条例第二十条")), ("", Some(""))] {
            let d = Diagnostic::from_parts(
                "item_unknown",
                Severity::Warning,
                text.to_owned(),
                Text::new(text.to_owned(), long.clone()).into(),
                basis.map(|b: &str| b.to_owned().into()),
                Some(Text::new(text.to_owned(), text.to_owned()).into()),
            );
            let diags = vec![d.clone(), Diagnostic { help: None, ..d }];
            for lang in [Lang::Zh, Lang::En] {
                let mut fast = Vec::new();
                super::write_diagnostics_json(&mut fast, &diags, lang);
                let localized: Vec<_> = diags.iter().map(|d| d.localized(lang)).collect();
                assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string(&localized).unwrap());
            }
        }
        let mut empty = Vec::new();
        super::write_diagnostics_json(&mut empty, &[], Lang::En);
        assert_eq!(empty, b"[]");
    }
}
