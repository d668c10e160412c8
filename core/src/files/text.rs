//! Text and CSV in UTF-8, UTF-16 (with a byte-order mark) or GB18030 (which covers GBK and
//! GB2312): detected, decoded with `encoding_rs`, and the encoding reported.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::{FileError, FileKind, Place, ReadSummary, Sink};

/// Decode text, saying which encoding it was in. UTF-8 (with or without a BOM) and UTF-16
/// with a BOM are taken as marked; anything else that is not UTF-8 must decode as GB18030
/// without a single malformed sequence, or it is refused rather than guessed.
pub(crate) fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), FileError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(FileError::Encoding {
                message: format!("the text is marked {} (byte-order mark) but does not decode as it", encoding.name()),
            });
        }
        return Ok((text, encoding));
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), UTF_8));
    }
    if let Some(utf16) = unmarked_utf16(bytes) {
        let (text, had_errors) = utf16.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok((text, utf16));
        }
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        let at = simdutf8::compat::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
        return Err(FileError::Encoding {
            message: format!(
                "the text is neither UTF-8 (invalid byte at offset {at}) nor GB18030/GBK, nor UTF-16 with a byte-order mark"
            ),
        });
    }
    Ok((text, GB18030))
}

/// UTF-16 without a BOM, told by the zero bytes of ASCII characters (a CSV export of digits
/// and punctuation has many).
fn unmarked_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let (even, odd) = sample
        .chunks_exact(2)
        .fold((0usize, 0usize), |(e, o), p| (e + usize::from(p[0] == 0), o + usize::from(p[1] == 0)));
    let pairs = sample.len() / 2;
    if odd * 3 > pairs && even == 0 {
        Some(UTF_16LE)
    } else if even * 3 > pairs && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

pub(crate) fn read(bytes: &[u8], kind: FileKind, sink: &mut Sink) -> Result<ReadSummary, FileError> {
    let (text, encoding) = decode(bytes)?;
    if kind == FileKind::Csv {
        for_each_field(&text, |line, column, field| sink(&|| Place::Line { line, column: Some(column) }, field));
    } else {
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                sink(&|| Place::Line { line: i as u32 + 1, column: None }, line);
            }
        }
    }
    Ok(ReadSummary { encoding: Some(label(encoding)), ..ReadSummary::default() })
}

/// The name an encoding is reported by (`GB18030`, `UTF-8`, `UTF-16LE`).
pub(crate) fn label(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 { "GB18030" } else { encoding.name() }
}

/// Each field of a CSV (RFC 4180 quoting; `,`, or tab when the first line has tabs and no
/// commas), with its 1-based line (where the field starts) and column. Quoted fields are
/// unquoted; a field that spans lines counts from its first.
pub(crate) fn for_each_field(text: &str, mut f: impl FnMut(u32, u32, &str)) {
    let first = text.lines().next().unwrap_or_default();
    let sep = if first.contains('\t') && !first.contains(',') { '\t' } else { ',' };
    let mut line = 1u32;
    let mut column = 1u32;
    let mut field = String::new();
    let mut field_line = 1u32;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            c if c == sep => {
                emit(&mut f, field_line, column, &mut field);
                column += 1;
                field_line = line;
                at_start = true;
            }
            '\r' => {}
            '\n' => {
                emit(&mut f, field_line, column, &mut field);
                line += 1;
                column = 1;
                field_line = line;
                at_start = true;
            }
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    emit(&mut f, field_line, column, &mut field);
}

fn emit(f: &mut impl FnMut(u32, u32, &str), line: u32, column: u32, field: &mut String) {
    if !field.trim().is_empty() {
        f(line, column, field);
    }
    field.clear();
}

/// Encode text back into the encoding it was read in (for redacted copies).
pub(crate) fn encode(text: &str, encoding: &'static Encoding, had_bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let le = encoding == UTF_16LE;
        if had_bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        return out;
    }
    if had_bom && encoding == UTF_8 {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    let (bytes, _, _) = encoding.encode(text);
    out.extend_from_slice(&bytes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_utf16_and_gb18030() {
        let (t, e) = decode("身份证号".as_bytes()).unwrap();
        assert_eq!((t.as_ref(), e.name()), ("身份证号", "UTF-8"));
        let (gb, _, _) = GB18030.encode("姓名,身份证号\n张三,11010519491231002X\n");
        let (t, e) = decode(&gb).unwrap();
        assert_eq!(e.name(), "gb18030");
        assert!(t.contains("张三"));
        let mut le = vec![0xFF, 0xFE];
        le.extend("张三".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().0, "张三");
        assert_eq!(encode("张三", UTF_16LE, true), le);
    }

    #[test]
    fn csv_fields_carry_line_and_column() {
        let mut got = Vec::new();
        for_each_field("a,b\n\"x,\"\"y\"\"\",z\n\"multi\nline\",w\n", |l, c, f| got.push((l, c, f.to_owned())));
        assert_eq!(
            got,
            vec![
                (1, 1, "a".into()),
                (1, 2, "b".into()),
                (2, 1, "x,\"y\"".into()),
                (2, 2, "z".into()),
                (3, 1, "multi\nline".into()),
                (4, 2, "w".into())
            ]
        );
    }
}
