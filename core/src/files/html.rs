//! Web pages: text, the attribute values people forget (`alt`, `title`, `value`, `content`,
//! `href="mailto:…"`, `data-*`), hidden elements and comments, tokenized by `html5gum`
//! (WHATWG tokenizer) with byte spans, so a redacted copy changes nothing but the values.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::text::decode;
use super::{FileError, Place, ReadSummary, Sink};

/// Elements whose text runs on across them: a value split by `<b>` is still one text.
const INLINE: &[&[u8]] = &[
    b"a", b"abbr", b"b", b"bdi", b"bdo", b"cite", b"code", b"data", b"dfn", b"em", b"font", b"i", b"kbd", b"mark",
    b"q", b"s", b"samp", b"small", b"span", b"strong", b"sub", b"sup", b"time", b"u", b"var", b"label",
];

/// Elements with no end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source",
    b"track", b"wbr",
];

/// Attributes whose values are read as text.
fn is_text_attribute(name: &[u8]) -> bool {
    matches!(
        name,
        b"alt"
            | b"title"
            | b"value"
            | b"placeholder"
            | b"content"
            | b"href"
            | b"src"
            | b"action"
            | b"label"
            | b"summary"
            | b"aria-label"
            | b"aria-description"
            | b"download"
    ) || name.starts_with(b"data-")
}

/// A piece of a page's text, where it is, and the source byte ranges it was decoded from
/// (each with the length of its decoded text), so that redaction can rewrite just those.
pub(crate) struct HtmlSegment {
    pub place: Place,
    pub text: String,
    pub leaves: Vec<(Range<usize>, usize)>,
}

struct Open {
    name: String,
    hidden: bool,
}

fn label(
    name: &[u8],
    attrs: &std::collections::BTreeMap<html5gum::HtmlString, html5gum::Spanned<html5gum::HtmlString, usize>>,
) -> String {
    let mut s = String::from_utf8_lossy(name).into_owned();
    if let Some(id) = attrs.get(b"id".as_slice()) {
        s.push('#');
        s.push_str(&String::from_utf8_lossy(&id.value));
    }
    s
}

fn hides(
    name: &[u8],
    attrs: &std::collections::BTreeMap<html5gum::HtmlString, html5gum::Spanned<html5gum::HtmlString, usize>>,
) -> bool {
    let get = |k: &[u8]| attrs.get(k).map(|v| v.value.to_ascii_lowercase());
    if attrs.contains_key(b"hidden".as_slice()) || matches!(name, b"template" | b"noscript" | b"script") {
        return true;
    }
    if name == b"input" && get(b"type").is_some_and(|t| t == b"hidden") {
        return true;
    }
    get(b"style").is_some_and(|s| {
        let s: Vec<u8> = s.into_iter().filter(|b| !b.is_ascii_whitespace()).collect();
        memchr::memmem::find(&s, b"display:none").is_some() || memchr::memmem::find(&s, b"visibility:hidden").is_some()
    })
}

/// 1-based line of byte offsets asked in increasing order.
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: u32,
}

impl Lines<'_> {
    fn of(&mut self, offset: usize) -> u32 {
        let to = offset.min(self.text.len());
        if to > self.at {
            self.line += memchr::memchr_iter(b'\n', &self.text[self.at..to]).count() as u32;
            self.at = to;
        }
        self.line
    }
}

/// Every piece of text of a page, in order.
pub(crate) fn segments(source: &str) -> Vec<HtmlSegment> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let tokenizer = Tokenizer::new_with_emitter(source, emitter);
    let mut out = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut lines = Lines { text: source.as_bytes(), at: 0, line: 1 };
    // The running text: where it began, its text, its leaves.
    let mut run: Option<HtmlSegment> = None;
    let flush = |run: &mut Option<HtmlSegment>, out: &mut Vec<HtmlSegment>| {
        if let Some(seg) = run.take()
            && !seg.text.trim().is_empty()
        {
            out.push(seg);
        }
    };
    let mut in_style = false;
    for token in tokenizer {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if !INLINE.contains(&name.as_slice()) {
                    flush(&mut run, &mut out);
                }
                let hidden = open.last().is_some_and(|o| o.hidden) || hides(&name, &tag.attributes);
                let element = label(&name, &tag.attributes);
                let line = lines.of(tag.span.start);
                for (key, value) in &tag.attributes {
                    let key = key.to_ascii_lowercase();
                    let hidden_input = name == b"input" && hidden;
                    if value.value.is_empty() || !(is_text_attribute(&key) || hidden_input) {
                        continue;
                    }
                    let text = String::from_utf8_lossy(&value.value).into_owned();
                    out.push(HtmlSegment {
                        place: Place::Element {
                            element: element.clone(),
                            attribute: Some(String::from_utf8_lossy(&key).into_owned()),
                            line,
                            hidden,
                        },
                        leaves: vec![(value.span.start..value.span.end, text.len())],
                        text,
                    });
                }
                in_style = name == b"style";
                if !VOID.contains(&name.as_slice()) && !tag.self_closing {
                    open.push(Open { name: element, hidden });
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if !INLINE.contains(&name.as_slice()) {
                    flush(&mut run, &mut out);
                }
                in_style = false;
                let plain = String::from_utf8_lossy(&name).into_owned();
                if let Some(i) = open.iter().rposition(|o| o.name == plain || o.name.starts_with(&format!("{plain}#")))
                {
                    open.truncate(i);
                }
            }
            Token::String(s) if !in_style => {
                let text = String::from_utf8_lossy(&s.value);
                let seg = run.get_or_insert_with(|| {
                    let (element, hidden) =
                        open.last().map_or(("#document".to_owned(), false), |o| (o.name.clone(), o.hidden));
                    HtmlSegment {
                        place: Place::Element { element, attribute: None, line: lines.of(s.span.start), hidden },
                        text: String::new(),
                        leaves: Vec::new(),
                    }
                });
                seg.text.push_str(&text);
                seg.leaves.push((s.span.start..s.span.end, text.len()));
            }
            Token::Comment(c) => {
                flush(&mut run, &mut out);
                let text = String::from_utf8_lossy(&c.value).into_owned();
                if !text.trim().is_empty() {
                    out.push(HtmlSegment {
                        place: Place::Element {
                            element: "!--".to_owned(),
                            attribute: None,
                            line: lines.of(c.span.start),
                            hidden: true,
                        },
                        leaves: vec![(c.span.start..c.span.end, text.len())],
                        text,
                    });
                }
            }
            _ => {}
        }
    }
    flush(&mut run, &mut out);
    out
}

pub(crate) fn read(bytes: &[u8], sink: &mut Sink) -> Result<ReadSummary, FileError> {
    let (source, encoding) = decode(bytes)?;
    for seg in segments(&source) {
        sink(&|| seg.place.clone(), &seg.text);
    }
    Ok(ReadSummary { encoding: Some(super::text::label(encoding)), ..ReadSummary::default() })
}
