//! A diagnostic's message or help, in Chinese and English.
//!
//! Fixed texts are lent. A message that quotes the record (a key, an id, a date) is kept as a
//! template and its arguments, and written out the first time it is read, in the language read:
//! a batch whose caller counts codes, or reads one language, never formats the rest. Formatting
//! both languages of every finding up front was a quarter of a typical record's check.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::{Lang, SharedStr, Text};

/// The two texts of a message with placeholders `{0}` … `{9}` for its arguments. Build one with
/// the crate's `message!` macro, which checks at compile time that the placeholders and the
/// arguments match.
#[derive(Debug)]
pub struct MessageTemplate {
    pub zh: &'static str,
    pub en: &'static str,
}

/// One argument of a templated message.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Arg {
    Str(SharedStr),
    Int(i64),
    Date(NaiveDate),
    /// A text with a Chinese and an English form: each language quotes its own.
    Text(Box<Text>),
    /// A message within a message, written out in the same language.
    Message(Box<Message>),
}

/// A value a message can quote. Arguments are copied: they usually borrow from the record,
/// which the message outlives.
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg {
        (**self).to_arg()
    }
}

impl ToArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.to_owned().into())
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.clone().into())
    }
}

impl ToArg for Cow<'_, str> {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.to_string().into())
    }
}

/// A text shared with the checker that compiled it (an item's id, an element's title), quoted
/// without a copy.
impl ToArg for Arc<str> {
    fn to_arg(&self) -> Arg {
        Arg::Str(SharedStr::Shared(Arc::clone(self)))
    }
}

impl ToArg for SharedStr {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.clone())
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg {
                Arg::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i64, i32, u64, u32, u16, u8, usize);

impl ToArg for NaiveDate {
    fn to_arg(&self) -> Arg {
        Arg::Date(*self)
    }
}

impl ToArg for Text {
    fn to_arg(&self) -> Arg {
        Arg::Text(Box::new(self.clone()))
    }
}

impl ToArg for Message {
    fn to_arg(&self) -> Arg {
        Arg::Message(Box::new(self.clone()))
    }
}

/// A message in Chinese and English: a fixed [`Text`], or a template written out when read.
#[derive(Clone)]
pub struct Message(Repr);

/// What a [`Message`] is made of ([`Message::parts`]): for a program that keeps many messages
/// in a form of its own and makes them again with `Message::from(text)` or [`Message::new`].
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum MessageParts<'a> {
    Text(&'a Text),
    Template(&'static MessageTemplate, &'a [Arg]),
}

#[derive(Clone)]
enum Repr {
    Text(Text),
    Deferred(Box<Deferred>),
}

#[derive(Clone)]
struct Deferred {
    template: &'static MessageTemplate,
    args: Vec<Arg>,
    zh: OnceLock<String>,
    en: OnceLock<String>,
}

impl Message {
    /// A message from a template and its arguments, written out when first read.
    pub fn new(template: &'static MessageTemplate, args: Vec<Arg>) -> Self {
        Message(Repr::Deferred(Box::new(Deferred { template, args, zh: OnceLock::new(), en: OnceLock::new() })))
    }

    /// Its fixed text, or its template and arguments.
    pub fn parts(&self) -> MessageParts<'_> {
        match &self.0 {
            Repr::Text(t) => MessageParts::Text(t),
            Repr::Deferred(d) => MessageParts::Template(d.template, &d.args),
        }
    }

    /// The message in the requested language.
    pub fn get(&self, lang: Lang) -> &str {
        match &self.0 {
            Repr::Text(t) => t.get(lang),
            Repr::Deferred(d) => {
                let (cell, template) = match lang {
                    Lang::En => (&d.en, d.template.en),
                    _ => (&d.zh, d.template.zh),
                };
                cell.get_or_init(|| render(template, &d.args, lang))
            }
        }
    }

    /// Chinese (authoritative).
    pub fn zh(&self) -> &str {
        self.get(Lang::Zh)
    }

    /// English (working translation).
    pub fn en(&self) -> &str {
        self.get(Lang::En)
    }

    /// Both languages as a [`Text`].
    pub fn to_text(&self) -> Text {
        match &self.0 {
            Repr::Text(t) => t.clone(),
            Repr::Deferred(_) => Text::new(self.zh().to_owned(), self.en().to_owned()),
        }
    }
}

impl From<Text> for Message {
    fn from(t: Text) -> Self {
        Message(Repr::Text(t))
    }
}

/// The Chinese text (authoritative); `{:#}` writes the English.
///
/// ```
/// let m = gongkai::Message::from(gongkai::Text::new("缺少标题", "the title is missing"));
/// assert_eq!(format!("{m}"), "缺少标题");
/// assert_eq!(format!("{m:#}"), "the title is missing");
/// ```
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if f.alternate() { self.en() } else { self.zh() })
    }
}

impl PartialEq for Message {
    fn eq(&self, other: &Self) -> bool {
        self.zh() == other.zh() && self.en() == other.en()
    }
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Message").field("zh", &self.zh()).field("en", &self.en()).finish()
    }
}

/// Serialised as a [`Text`] is: `{"zh", "en"}`.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Text", 2)?;
        s.serialize_field("zh", self.zh())?;
        s.serialize_field("en", self.en())?;
        s.end()
    }
}

/// Write `template` out with `args` in place of `{0}` … `{9}`; other braces are kept as they are.
fn render(template: &str, args: &[Arg], lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let (before, from_brace) = rest.split_at(at);
        out.push_str(before);
        let b = from_brace.as_bytes();
        let arg = match b {
            [b'{', d @ b'0'..=b'9', b'}', ..] => args.get(usize::from(d - b'0')),
            _ => None,
        };
        match arg {
            Some(arg) => {
                match arg {
                    Arg::Str(s) => out.push_str(s),
                    Arg::Int(n) => {
                        let _ = write!(out, "{n}");
                    }
                    Arg::Date(d) => {
                        let _ = write!(out, "{d}");
                    }
                    Arg::Text(t) => out.push_str(t.get(lang)),
                    Arg::Message(m) => out.push_str(m.get(lang)),
                }
                rest = &from_brace[3..];
            }
            None => {
                out.push('{');
                rest = &from_brace[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders `template` uses, as a bit set (`{0}` is bit 0); for the `message!` macro's
/// compile-time check.
#[doc(hidden)]
pub const fn placeholders(template: &str) -> u16 {
    let b = template.as_bytes();
    let mut used = 0u16;
    let mut i = 0;
    while i + 2 < b.len() {
        if b[i] == b'{' && b[i + 1].is_ascii_digit() && b[i + 2] == b'}' {
            used |= 1 << (b[i + 1] - b'0');
            i += 3;
        } else {
            i += 1;
        }
    }
    used
}

/// `message!("中文 {0}", "english {0}", arg, ...)`: a [`Message`] written out when read. Fails to
/// compile unless each placeholder has an argument and each argument is quoted in one language
/// or both.
macro_rules! message {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {{
        const TEMPLATE: $crate::diagnostics::MessageTemplate = $crate::diagnostics::MessageTemplate { zh: $zh, en: $en };
        const _: () = {
            let n: u32 = 0 $(+ (stringify!($arg), 1).1)*;
            let all: u16 = ((1u32 << n) - 1) as u16;
            let zh = $crate::diagnostics::message::placeholders($zh);
            let en = $crate::diagnostics::message::placeholders($en);
            assert!(zh & !all == 0 && en & !all == 0, "a placeholder has no argument");
            assert!(zh | en == all, "an argument is not quoted");
        };
        $crate::diagnostics::Message::new(&TEMPLATE, vec![$($crate::diagnostics::message::ToArg::to_arg(&$arg)),*])
    }};
}
pub(crate) use message;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_replaced_in_the_language_read() {
        let m = message!(
            "第 {0} 个字符处：「{2}」`{1}`",
            "at character {0}: {2} `{1}`",
            7usize,
            "x".to_owned(),
            Text::new("标题", "title")
        );
        assert_eq!(m.zh(), "第 7 个字符处：「标题」`x`");
        assert_eq!(m.en(), "at character 7: title `x`");
    }

    #[test]
    fn other_braces_are_kept() {
        let m = message!("{\"stage\": {0}} {x} {", "{0}{}", NaiveDate::from_ymd_opt(2025, 1, 2).unwrap_or_default());
        assert_eq!(m.zh(), "{\"stage\": 2025-01-02} {x} {");
        assert_eq!(m.en(), "2025-01-02{}");
    }

    #[test]
    fn a_template_equals_the_same_text() {
        let m = message!("缺少 `{0}`", "missing `{0}`", "k");
        assert_eq!(m, Message::from(Text::new("缺少 `k`", "missing `k`")));
        assert_ne!(m, Message::from(Text::new("缺少 `k`", "missing `j`")));
        assert_eq!(m.to_text(), Text::new("缺少 `k`", "missing `k`"));
        assert_eq!(serde_json::to_value(&m).ok(), serde_json::to_value(Text::new("缺少 `k`", "missing `k`")).ok());
    }

    #[test]
    fn a_message_made_again_from_its_parts_reads_the_same() {
        let messages = [
            message!("第 {0} 个：`{1}`（{2}）", "no. {0}: `{1}` ({2})", 3u8, "v".to_owned(), Text::new("甲", "A")),
            Message::from(Text::new("固定", "fixed")),
        ];
        for m in messages {
            let again = match m.parts() {
                MessageParts::Text(t) => Message::from(t.clone()),
                MessageParts::Template(template, args) => Message::new(template, args.to_vec()),
            };
            assert_eq!((again.zh(), again.en()), (m.zh(), m.en()));
        }
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders("{0} {2} {a} {"), 0b101);
        assert_eq!(placeholders(""), 0);
        assert_eq!(placeholders("{9}"), 1 << 9);
    }
}
