//! Where a diagnostic's JSON pointer sits in the JSON text it was found in: the line and
//! column of the value, for outputs that place findings in a file (SARIF regions, editors).
//!
//! A scan of the text alone, independent of how the record was read. A pointer to a member that
//! is missing (`record_missing_field` at `/institution`) resolves to the nearest value that is
//! there (the record itself), which is where the member belongs.
//!
//! ```
//! use gongkai::diagnostics::{Lines, locate};
//! let text = "{\n  \"kind\": \"publication\",\n  \"channels\": [\"a\", \"wechat\"]\n}";
//! let span = locate(text, "/channels/1");
//! let lines = Lines::new(text);
//! assert_eq!(lines.position(text, span.start), (3, 21));
//! assert_eq!(&text[span.start..span.end], "\"wechat\"");
//! assert!(span.exact);
//! assert!(!locate(text, "/institution").exact);
//! ```

/// Byte range of a value in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// Whether the whole pointer resolved (otherwise the span is its nearest existing ancestor).
    pub exact: bool,
}

/// The span of the value `pointer` (RFC 6901) names in `text`, or of its nearest ancestor that
/// exists; the whole text when the text is not JSON the scan can follow.
pub fn locate(text: &str, pointer: &str) -> Span {
    let b = text.as_bytes();
    let mut at = skip_ws(b, 0);
    let whole = Span { start: at, end: skip_value(b, at).unwrap_or(b.len()), exact: pointer.is_empty() };
    if pointer.is_empty() {
        return whole;
    }
    let Some(tokens) = pointer.strip_prefix('/') else { return Span { exact: false, ..whole } };
    let mut current = Span { exact: false, ..whole };
    for raw in tokens.split('/') {
        let token = raw.replace("~1", "/").replace("~0", "~");
        match child(b, at, &token) {
            Some(start) => {
                at = start;
                current = Span { start, end: skip_value(b, start).unwrap_or(b.len()), exact: false };
            }
            None => return current,
        }
    }
    Span { exact: true, ..current }
}

/// Where each line starts, for turning byte offsets into line and column.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { starts }
    }

    /// 1-based line and column of a byte offset; the column counts Unicode scalars (SARIF's
    /// `unicodeCodePoints`).
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (at its opening quote).
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The end of the value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            Some(j)
        }
    }
}

/// The start of the member `token` of the object, or element `token` of the array, at `i`.
fn child(b: &[u8], i: usize, token: &str) -> Option<usize> {
    match *b.get(i)? {
        b'{' => {
            let mut j = skip_ws(b, i + 1);
            while b.get(j) == Some(&b'"') {
                let key_end = skip_string(b, j)?;
                let raw = &b[j + 1..key_end - 1];
                let matches = if raw.contains(&b'\\') {
                    std::str::from_utf8(&b[j..key_end])
                        .ok()
                        .and_then(|k| serde_json::from_str::<String>(k).ok())
                        .is_some_and(|k| k == token)
                } else {
                    raw == token.as_bytes()
                };
                j = skip_ws(b, key_end);
                if b.get(j) != Some(&b':') {
                    return None;
                }
                let value = skip_ws(b, j + 1);
                if matches {
                    return Some(value);
                }
                j = skip_ws(b, skip_value(b, value)?);
                if b.get(j) == Some(&b',') {
                    j = skip_ws(b, j + 1);
                }
            }
            None
        }
        b'[' => {
            let index: usize = token.parse().ok()?;
            let mut j = skip_ws(b, i + 1);
            for _ in 0..index {
                if matches!(b.get(j), None | Some(b']')) {
                    return None;
                }
                j = skip_ws(b, skip_value(b, j)?);
                if b.get(j) != Some(&b',') {
                    return None;
                }
                j = skip_ws(b, j + 1);
            }
            (!matches!(b.get(j), None | Some(b']'))).then_some(j)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_members_elements_and_escaped_keys() {
        let text = r#"[{"a": 1}, {"x": {"a/b": [10, {"c\"d": "公开"}]}, "y~": true}]"#;
        let at = |p: &str| {
            let s = locate(text, p);
            (&text[s.start..s.end], s.exact)
        };
        assert_eq!(at("/1/x/a~1b/1/c\"d"), ("\"公开\"", true));
        assert_eq!(at("/1/y~0"), ("true", true));
        assert_eq!(at("/0/a"), ("1", true));
        assert_eq!(at("/1/x/missing"), (r#"{"a/b": [10, {"c\"d": "公开"}]}"#, false));
        assert_eq!(at("/7"), (text, false));
        let lines = Lines::new("ab\n公开x\n");
        assert_eq!(lines.position("ab\n公开x\n", 9), (2, 3), "columns count characters");
    }

    proptest! {
        /// Every pointer into a value serde_json parsed resolves to text that parses to the same value.
        #[test]
        fn agrees_with_serde_json(v in arb_json(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
            let mut pointers = vec![String::new()];
            collect(&v, String::new(), &mut pointers);
            for p in pointers {
                let s = locate(&text, &p);
                prop_assert!(s.exact, "{p} in {text}");
                let found: serde_json::Value = serde_json::from_str(&text[s.start..s.end]).unwrap();
                prop_assert_eq!(Some(&found), v.pointer(&p));
            }
        }
    }

    fn collect(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, c) in m {
                    let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                    out.push(p.clone());
                    collect(c, p, out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    let p = format!("{at}/{i}");
                    out.push(p.clone());
                    collect(c, p, out);
                }
            }
            _ => {}
        }
    }

    fn arb_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i32>().prop_map(serde_json::Value::from),
            "[a-z\"\\\\/~公 ]{0,6}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                prop::collection::btree_map("[a-z\"/~公]{0,4}", inner, 0..4)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
