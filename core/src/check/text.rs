//! The JSON text reader of records: it reads a text straight into a [`Doc`] (no `Value`, no
//! serde visitor between), and does quickly the one thing serde_json's reader is slow at here,
//! finding the end of a long string. serde_json looks 8 bytes at a time; a record's body is
//! kilobytes of one string, and this reader looks 64 at a time with AVX2 (16 with SSE2, 8 in a
//! `u64` on other targets).
//!
//! Its contract is one-sided: whatever it accepts, serde_json accepts with the same
//! values; anything else it DECLINES, and the caller falls back to serde_json (the `Value` path,
//! which reports the error with its line and column). So it declines, rather than reads, what
//! serde_json reads in ways not worth matching bit for bit: numbers with a fraction or an exponent,
//! integers of more than 18 digits, `-0`, escapes other than JSON's own, and nesting deeper than
//! [`MAX_DEPTH`] (serde_json's limit is 127). Property tests check the contract against serde_json.

use std::borrow::Cow;
use std::fmt;

use serde_json::Number;

use crate::record::Doc;

/// Containers nested deeper than this are declined (serde_json rejects more than 127).
const MAX_DEPTH: usize = 100;

/// The reader gave up: not JSON, or JSON it leaves to serde_json. Carries nothing, because the
/// caller re-reads the text with serde_json for the message.
#[derive(Debug)]
pub(crate) struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("declined by the fast JSON reader")
    }
}

impl std::error::Error for Declined {}

type Result<T> = std::result::Result<T, Declined>;

pub(crate) struct Reader<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    pub(crate) fn new(text: &'de str) -> Self {
        Reader { text, pos: 0, depth: 0 }
    }

    /// Only whitespace may follow the value (serde_json's `Deserializer::end`).
    pub(crate) fn end(&mut self) -> Result<()> {
        self.skip_whitespace();
        if self.pos == self.text.len() { Ok(()) } else { Err(Declined) }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Consume `b` after whitespace, or decline.
    fn expect(&mut self, b: u8) -> Result<()> {
        self.skip_whitespace();
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Declined)
        }
    }

    fn literal(&mut self, word: &str) -> Result<()> {
        if self.bytes()[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Declined)
        }
    }

    /// The string starting at the opening quote under `pos`: borrowed from the text when it has
    /// no escapes.
    fn string(&mut self) -> Result<Text<'de>> {
        let start = self.pos + 1;
        let end = special_byte(self.bytes(), start);
        if self.bytes().get(end) == Some(&b'"') {
            self.pos = end + 1;
            // The quote is ASCII, so both ends are character boundaries.
            return Ok(Text::Borrowed(&self.text[start..end]));
        }
        let mut owned = String::with_capacity(end - start + 16);
        owned.push_str(&self.text[start..end]);
        self.pos = end;
        self.escaped_rest(&mut owned)?;
        Ok(Text::Owned(owned))
    }

    /// The rest of a string from the special byte under `pos` (past its plain start), appended
    /// to `out`: escapes and plain runs up to the closing quote. A control character (serde_json
    /// rejects it) or the end of the text declines.
    fn escaped_rest(&mut self, out: &mut String) -> Result<()> {
        let bytes = self.bytes();
        loop {
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {}
                _ => return Err(Declined),
            }
            let escape = *bytes.get(self.pos + 1).ok_or(Declined)?;
            self.pos += 2;
            match escape {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let unit = self.hex4()?;
                    let c = match unit {
                        0xD800..=0xDBFF => {
                            // Only a surrogate pair makes a character; a lone half is declined.
                            if !bytes[self.pos..].starts_with(b"\\u") {
                                return Err(Declined);
                            }
                            self.pos += 2;
                            let low = self.hex4()?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return Err(Declined);
                            }
                            0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
                        }
                        0xDC00..=0xDFFF => return Err(Declined),
                        _ => u32::from(unit),
                    };
                    out.push(char::from_u32(c).ok_or(Declined)?);
                }
                _ => return Err(Declined),
            }
            let end = special_byte(bytes, self.pos);
            out.push_str(&self.text[self.pos..end]);
            self.pos = end;
        }
    }

    fn hex4(&mut self) -> Result<u16> {
        let digits = self.bytes().get(self.pos..self.pos + 4).ok_or(Declined)?;
        let mut unit = 0u16;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(Declined),
            };
            unit = unit << 4 | u16::from(v);
        }
        self.pos += 4;
        Ok(unit)
    }

    /// An integer as serde_json gives it: `u64` when not negative, `i64` when negative.
    fn integer(&mut self) -> Result<Number> {
        let bytes = self.bytes();
        let negative = bytes[self.pos] == b'-';
        let start = self.pos + usize::from(negative);
        let mut end = start;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        let digits = &bytes[start..end];
        // 18 digits always fit an i64; a leading zero is invalid JSON unless alone; a fraction or
        // an exponent makes a float, which serde_json parses by its own algorithm.
        if digits.is_empty()
            || digits.len() > 18
            || (digits[0] == b'0' && digits.len() > 1)
            || matches!(bytes.get(end), Some(b'.' | b'e' | b'E'))
        {
            return Err(Declined);
        }
        let magnitude = digits.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        self.pos = end;
        match (negative, magnitude) {
            (false, n) => Ok(n.into()),
            // serde_json reads `-0` as the float -0.0.
            (true, 0) => Err(Declined),
            (true, n) => Ok((-(n as i64)).into()),
        }
    }

    /// Read one value straight into a [`Doc`], with no serde visitor between the bytes and the
    /// tree: the reader of every record given as JSON text.
    pub(crate) fn doc(&mut self) -> Result<Doc<'de>> {
        self.doc_on(&mut Vec::new(), &mut Vec::new())
    }

    /// [`Reader::doc`], gathering each object's members and each array's elements on shared
    /// stacks, so that every object and array is allocated once, at its final size.
    fn doc_on(
        &mut self,
        members: &mut Vec<(Cow<'de, str>, Doc<'de>)>,
        elements: &mut Vec<Doc<'de>>,
    ) -> Result<Doc<'de>> {
        self.skip_whitespace();
        match self.peek().ok_or(Declined)? {
            b'"' => Ok(Doc::Str(self.string()?.into_cow())),
            b'{' => {
                self.enter()?;
                self.pos += 1;
                let from = members.len();
                self.skip_whitespace();
                if self.peek() != Some(b'}') {
                    loop {
                        self.skip_whitespace();
                        // Keys are strings (`{1: 2}` and `{"a":1,}` are not JSON).
                        if self.peek() != Some(b'"') {
                            return Err(Declined);
                        }
                        let key = self.string()?.into_cow();
                        self.expect(b':')?;
                        let value = self.doc_on(members, elements)?;
                        members.push((key, value));
                        self.skip_whitespace();
                        if self.peek() != Some(b',') {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                self.expect(b'}')?;
                self.depth -= 1;
                Ok(Doc::object(members.drain(from..).collect()))
            }
            b'[' => {
                self.enter()?;
                self.pos += 1;
                let from = elements.len();
                self.skip_whitespace();
                if self.peek() != Some(b']') {
                    loop {
                        let value = self.doc_on(members, elements)?;
                        elements.push(value);
                        self.skip_whitespace();
                        if self.peek() != Some(b',') {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                self.expect(b']')?;
                self.depth -= 1;
                Ok(Doc::Array(elements.drain(from..).collect()))
            }
            b't' => self.literal("true").map(|()| Doc::Bool(true)),
            b'f' => self.literal("false").map(|()| Doc::Bool(false)),
            b'n' => self.literal("null").map(|()| Doc::Null),
            b'-' | b'0'..=b'9' => self.integer().map(Doc::Number),
            _ => Err(Declined),
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH { Err(Declined) } else { Ok(()) }
    }
}

/// A string read from the text.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    fn into_cow(self) -> Cow<'de, str> {
        match self {
            Text::Borrowed(s) => Cow::Borrowed(s),
            Text::Owned(s) => Cow::Owned(s),
        }
    }
}

/// The index of the first `"`, `\` or control character (U+0000 to U+001F) at or after `from`,
/// or the text's length: where a string's plain run ends.
pub(super) fn special_byte(bytes: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        x86::special_byte(bytes, from)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        special_byte_swar(bytes, from)
    }
}

/// [`special_byte`] 8 bytes at a time in a `u64` (WebAssembly and other targets).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn special_byte_swar(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    // A byte of `x` is zero iff the matching byte of `zero_bytes(x)` has its high bit set (bytes
    // above a zero byte may be flagged too, but the first flag is exact).
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(word);
        // Bytes below 0x20: subtracting 0x20 borrows into the high bit of a byte that had it clear.
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let hits = control | zero_bytes(x ^ (ONES * u64::from(b'"'))) | zero_bytes(x ^ (ONES * u64::from(b'\\')));
        if hits != 0 {
            return i + hits.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    special_byte_scalar(bytes, i)
}

fn special_byte_scalar(bytes: &[u8], from: usize) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map_or(bytes.len(), |i| from + i)
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    /// [`super::special_byte`] 64 bytes a step with AVX2, else 16 with SSE2 (every x86-64 CPU
    /// has it). The feature test is a load of std's cached CPU flags.
    #[inline]
    pub(super) fn special_byte(bytes: &[u8], from: usize) -> usize {
        // Most strings (keys, dates, codes, names) end within 16 bytes: a first SSE2 step, inlined,
        // finds the end without a call (a target-feature function cannot be inlined here).
        if from + 16 <= bytes.len() {
            // SAFETY: `from + 16 <= bytes.len()`.
            let mask = unsafe { sse2_mask(bytes.as_ptr().add(from)) };
            if mask != 0 {
                return from + mask.trailing_zeros() as usize;
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: AVX2 is available.
                return unsafe { with_avx2(bytes, from + 16) };
            }
            return with_sse2(bytes, from + 16);
        }
        with_sse2(bytes, from)
    }

    /// Bit k set when byte k of the 16 at `p` is special: a quote, a backslash, or
    /// min(byte, 0x1f) == byte (unsigned), a control character.
    ///
    /// SAFETY: `p .. p + 16` must be readable.
    #[inline(always)]
    unsafe fn sse2_mask(p: *const u8) -> u32 {
        // SAFETY: the caller's 16 bytes (no alignment needed); SSE2 is in the x86-64 baseline.
        unsafe {
            let chunk = _mm_loadu_si128(p.cast::<__m128i>());
            let quote = _mm_cmpeq_epi8(chunk, _mm_set1_epi8(b'"' as i8));
            let backslash = _mm_cmpeq_epi8(chunk, _mm_set1_epi8(b'\\' as i8));
            let control = _mm_cmpeq_epi8(_mm_min_epu8(chunk, _mm_set1_epi8(0x1f)), chunk);
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)) as u32
        }
    }

    #[target_feature(enable = "avx2")]
    pub(super) fn with_avx2(bytes: &[u8], from: usize) -> usize {
        let quote = _mm256_set1_epi8(b'"' as i8);
        let backslash = _mm256_set1_epi8(b'\\' as i8);
        let control_max = _mm256_set1_epi8(0x1f);
        // A byte is special when it is a quote, a backslash, or min(byte, 0x1f) == byte (unsigned).
        let special = |chunk: __m256i| {
            _mm256_or_si256(
                _mm256_or_si256(_mm256_cmpeq_epi8(chunk, quote), _mm256_cmpeq_epi8(chunk, backslash)),
                _mm256_cmpeq_epi8(_mm256_min_epu8(chunk, control_max), chunk),
            )
        };
        let mut i = from;
        while i + 64 <= bytes.len() {
            // SAFETY: `i + 64 <= bytes.len()`, and the loads have no alignment requirement.
            let (a, b) = unsafe {
                let p = bytes.as_ptr().add(i);
                (_mm256_loadu_si256(p.cast()), _mm256_loadu_si256(p.add(32).cast()))
            };
            let (a, b) = (special(a), special(b));
            if _mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b)) == 0 {
                let mask = u64::from(_mm256_movemask_epi8(a) as u32) | u64::from(_mm256_movemask_epi8(b) as u32) << 32;
                return i + mask.trailing_zeros() as usize;
            }
            i += 64;
        }
        if i + 32 <= bytes.len() {
            // SAFETY: `i + 32 <= bytes.len()`.
            let mask = _mm256_movemask_epi8(special(unsafe { _mm256_loadu_si256(bytes.as_ptr().add(i).cast()) }));
            if mask != 0 {
                return i + mask.trailing_zeros() as usize;
            }
            i += 32;
        }
        with_sse2(bytes, i)
    }

    pub(super) fn with_sse2(bytes: &[u8], from: usize) -> usize {
        let mut i = from;
        while i + 16 <= bytes.len() {
            // SAFETY: `i + 16 <= bytes.len()`.
            let mask = unsafe { sse2_mask(bytes.as_ptr().add(i)) };
            if mask != 0 {
                return i + mask.trailing_zeros() as usize;
            }
            i += 16;
        }
        super::special_byte_scalar(bytes, i)
    }
}

/// Read all of `text` as one JSON value, for tests of the reader against serde_json.
#[cfg(test)]
pub(crate) fn value(text: &str) -> Result<serde_json::Value> {
    let mut reader = Reader::new(text);
    let doc = reader.doc()?;
    reader.end()?;
    Ok(doc.to_value())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::*;

    /// The contract: what the reader accepts, serde_json accepts with the same value.
    fn agrees(text: &str) -> bool {
        match value(text) {
            Ok(v) => {
                let expected: Value = serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("the reader took a text serde_json rejects ({e}): {text:?}"));
                assert_eq!(v, expected, "{text:?}");
                true
            }
            Err(Declined) => false,
        }
    }

    #[test]
    fn reads_json_as_serde_json_does() {
        for text in [
            "{}",
            " { } ",
            "[]",
            "[1, -2, 0, 123456789012345678, -123456789012345678]",
            r#"{"a": "b", "a": "c"}"#,
            r#"{"s": "\"\\\/\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00\u0000", "t": true, "f": false, "n": null}"#,
            "\t\r\n{\"x\" :[ {\"y\":[[]]} ] }\n",
            r#""政务公开 plain""#,
            r#"{"k\u0041": "v"}"#,
            "\"a long string with no escapes, past sixteen bytes, and 中文 too\"",
        ] {
            assert!(agrees(text), "declined {text:?}");
        }
    }

    #[test]
    fn declines_what_it_leaves_to_serde_json_and_what_is_not_json() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let not_too_deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(agrees(&not_too_deep));
        // Valid JSON this reader leaves to serde_json.
        for text in ["1.5", "1e3", "-0", "1234567890123456789", deep.as_str()] {
            assert!(!agrees(text), "took {text:?}");
            assert!(serde_json::from_str::<Value>(text).is_ok(), "serde_json rejects {text:?}");
        }
        // Not JSON.
        for text in [
            "",
            " ",
            "{",
            "{\"a\":1,}",
            "[1,]",
            "[,1]",
            "{1: 2}",
            "{\"a\" 1}",
            "01",
            "-",
            "+1",
            "tru",
            "nul",
            "truex",
            "\"a\u{1}b\"",
            "\"unterminated",
            "\"bad \\x escape\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "{} {}",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
        ] {
            assert!(!agrees(text), "took {text:?}");
            assert!(serde_json::from_str::<Value>(text).is_err(), "serde_json takes {text:?}");
        }
    }

    #[test]
    fn finds_special_bytes_at_every_position_of_a_chunk() {
        // Lengths past two 64-byte steps, a 32-byte step, a 16-byte step and a scalar tail.
        for len in 0..160 {
            for at in 0..=len {
                for special in [b'"', b'\\', 0x00, 0x1f] {
                    // Neighbours of the special bytes, and bytes above 0x7f (not control
                    // characters, though negative when signed, and 0xa0 - 0x20 sets the high bit).
                    let ordinary = [b'a', 0xe4, 0x20, 0x7f, 0xa0, 0x21, 0x23, 0x5b, 0x5d, 0x80, 0xff];
                    let mut bytes: Vec<u8> = (0..len).map(|i| ordinary[(i * 7 + at) % ordinary.len()]).collect();
                    if at < len {
                        bytes[at] = special;
                    }
                    for from in [0, 1, 15, 17, 31, 33, 63, 65, at.saturating_sub(1), at, at + 1] {
                        let from = from.min(len);
                        let expected = if at < len && at >= from { at } else { len };
                        let mut found = vec![
                            special_byte(&bytes, from),
                            special_byte_scalar(&bytes, from),
                            special_byte_swar(&bytes, from),
                        ];
                        #[cfg(target_arch = "x86_64")]
                        {
                            found.push(x86::with_sse2(&bytes, from));
                            if std::arch::is_x86_feature_detected!("avx2") {
                                // SAFETY: AVX2 is available.
                                found.push(unsafe { x86::with_avx2(&bytes, from) });
                            }
                        }
                        assert!(found.iter().all(|&f| f == expected), "len {len} at {at} from {from}: {found:?}");
                    }
                }
            }
        }
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<u64>().prop_map(|n| json!(n)),
            (-1e6f64..1e6).prop_map(|f| json!(f)),
            any::<String>().prop_map(Value::String),
            "[\"\\\\a-z中\u{1}\u{1f600} ]{0,40}".prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map("[a-z\"\\\\中]{0,6}", inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// serde_json's own output (compact and pretty, escapes of every kind) is read to the
        /// same value, unless it holds something the reader leaves to serde_json.
        #[test]
        fn reads_serde_json_output_back(v in json_value()) {
            for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
                let leaves_it = has_float(&v) || has_long_integer(&v);
                prop_assert!(agrees(&text) || leaves_it, "declined {text:?}");
            }
        }

        /// Random cuts and insertions in JSON text: whatever the reader takes, serde_json takes
        /// with the same value.
        #[test]
        fn never_takes_what_serde_json_rejects(
            v in json_value(),
            at in 0usize..400,
            cut in 0usize..4,
            insert in prop::sample::select(vec![
                "", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u00", ",", ":", "{", "}", "[", "]",
                "-", "0", "01", "-0", ".5", "e5", "\u{1}", "\t", " ", "n", "nul", "true", "\\/", "\\x",
            ]),
        ) {
            let text = serde_json::to_string(&v).unwrap();
            let boundary = |mut i: usize| {
                i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let (a, b) = (boundary(at), boundary(at + cut));
            agrees(&format!("{}{insert}{}", &text[..a], &text[b..]));
        }
    }

    fn has_float(v: &Value) -> bool {
        match v {
            Value::Number(n) => n.is_f64(),
            Value::Array(a) => a.iter().any(has_float),
            Value::Object(m) => m.values().any(has_float),
            _ => false,
        }
    }

    fn has_long_integer(v: &Value) -> bool {
        match v {
            Value::Number(n) => {
                n.as_u64().is_some_and(|n| n >= 10u64.pow(18)) || n.as_i64().is_some_and(|n| n <= -(10i64.pow(18)))
            }
            Value::Array(a) => a.iter().any(has_long_integer),
            Value::Object(m) => m.values().any(has_long_integer),
            _ => false,
        }
    }
}
