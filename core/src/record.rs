//! Reading records, for every kind and from every front door: one input abstraction, [`Node`],
//! over a `serde_json::Value` or a [`Doc`] (a tree that borrows its strings from JSON text or
//! from a binding's host objects); the one date rule, [`parse_date`]; and what the readers say
//! about members the typed model does not declare ([`unknown_members`]).
//!
//! The vocabulary itself is declared once, by the typed model (`check::record::PublicationRecord`,
//! `deadlines::RequestRecord`): the readers take the names they may read from those types'
//! generated schemas ([`declared_members`]), so a member added to a type is known to the reader,
//! the JSON Schema and the unknown-member advice at once.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};

use crate::diagnostics::{Diagnostic, Severity, code, message, pointer_token};
use crate::model::Text;

code!(
    UNKNOWN_MEMBER,
    "check",
    "record_unknown_member",
    Warning,
    "gongkai record.schema.json",
    "记录含有未定义的字段（可能是拼写错误）",
    "the record has a member the record format does not define (a typo?)",
    r#""publish_date": "2026-03-02" (did you mean `published`?)"#
);

// ── the one date rule ───────────────────────────────────────────────────────────────────────

/// The form every date of a record, request, report and call is written in.
pub const DATE_FORM: &str = "YYYY-MM-DD";

/// Parse a date strictly as `YYYY-MM-DD`: four-digit year, two-digit month and day, nothing
/// before or after (`2026-9-7`, `+2026-03-02` and `2026-03-02T00:00` are refused).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// A date that [`parse_date`] refused, with the message every front door shows.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", date_refused(value).en)]
#[non_exhaustive]
pub struct DateError {
    pub value: String,
}

/// [`parse_date`] with the error the facade, the CLI and the bindings report.
pub fn parse_date_strict(s: &str) -> Result<NaiveDate, DateError> {
    parse_date(s).ok_or_else(|| DateError { value: s.to_owned() })
}

/// What every reader and call says of a date [`parse_date`] refused (the text of [`DateError`]).
pub(crate) fn date_refused(value: &str) -> Text {
    let shown: String = value.chars().take(40).collect();
    Text::new(
        format!("`{shown}` 不是日期：应为 YYYY-MM-DD，如 2026-03-02"),
        format!("`{shown}` is not a date: expected YYYY-MM-DD, e.g. 2026-03-02"),
    )
}

/// What to write instead of an invalid date.
pub fn date_help() -> Text {
    Text::new("日期写作 YYYY-MM-DD，如 2026-03-02", "write dates as YYYY-MM-DD, e.g. 2026-03-02")
}

// ── the input abstraction ───────────────────────────────────────────────────────────────────

/// A JSON value read from text or lent by a binding, its strings borrowed where they can be.
/// An object's members are kept sorted by key, a repeated key keeping its last value, as a
/// `Value`'s map keeps them: both kinds of tree list members in one order, so a record gives
/// the same diagnostics in the same order from either.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc<'de> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'de, str>),
    Array(Vec<Doc<'de>>),
    Object(Vec<(Cow<'de, str>, Doc<'de>)>),
}

impl<'de> Deserialize<'de> for Doc<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DocVisitor)
    }
}

struct DocVisitor;

impl<'de> Visitor<'de> for DocVisitor {
    type Value = Doc<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Doc<'de>, E> {
        Ok(Doc::Bool(b))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Doc<'de>, E> {
        Ok(Doc::Number(n.into()))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Doc<'de>, E> {
        Ok(Doc::Number(n.into()))
    }
    // As serde_json makes a `Value` of a float: a non-finite one is `null`.
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Doc<'de>, E> {
        Ok(Number::from_f64(n).map_or(Doc::Null, Doc::Number))
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Doc<'de>, E> {
        Ok(Doc::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Doc<'de>, E> {
        Ok(Doc::Str(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Doc<'de>, E> {
        Ok(Doc::Str(Cow::Owned(s)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Doc<'de>, E> {
        Ok(Doc::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Doc<'de>, E> {
        Ok(Doc::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Doc<'de>, D::Error> {
        Doc::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Doc<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Doc::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Doc<'de>, A::Error> {
        let mut members: Vec<(Cow<'de, str>, Doc<'de>)> = Vec::with_capacity(map.size_hint().unwrap_or(8).min(64));
        while let Some(key) = map.next_key::<Key<'de>>()? {
            members.push((key.0, map.next_value()?));
        }
        Ok(Doc::object(members))
    }
}

impl<'de> Doc<'de> {
    /// An object of `members` in the order they were read: sorted by key, a repeated key
    /// keeping its last value.
    pub(crate) fn object(mut members: Vec<(Cow<'de, str>, Doc<'de>)>) -> Doc<'de> {
        // Stable: of a repeated key's members the last read stays last, and is the one kept.
        members.sort_by(|a, b| key_order(&a.0, &b.0));
        members.dedup_by(|later, kept| {
            let repeated = is_key(&later.0, &kept.0);
            if repeated {
                std::mem::swap(later, kept);
            }
            repeated
        });
        Doc::Object(members)
    }
}

/// The byte order of two keys (a `Value`'s map order), compared inline: keys are short and
/// differ within a few bytes, where a call to the C library's `memcmp` per comparison was most
/// of the cost of sorting a record's members.
#[inline]
pub(crate) fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Whether an object's key is `key`: lengths first, then the bytes inline (see [`key_order`]).
#[inline]
pub(crate) fn is_key(k: &str, key: &str) -> bool {
    k.len() == key.len() && k.bytes().zip(key.bytes()).all(|(x, y)| x == y)
}

/// An object's key, borrowed unless it had escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

/// One value of a record as the readers see it, whichever tree holds it.
#[derive(Clone, Copy, Debug)]
pub enum Node<'a> {
    Value(&'a Value),
    Doc(&'a Doc<'a>),
}

impl<'a> From<&'a Value> for Node<'a> {
    fn from(v: &'a Value) -> Self {
        Node::Value(v)
    }
}

impl<'a> From<&'a Doc<'a>> for Node<'a> {
    fn from(d: &'a Doc<'a>) -> Self {
        Node::Doc(d)
    }
}

/// The members of an object, in key order.
pub enum Members<'a> {
    Value(serde_json::map::Iter<'a>),
    Doc(std::slice::Iter<'a, (Cow<'a, str>, Doc<'a>)>),
    None,
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, Node<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Members::Value(it) => it.next().map(|(k, v)| (k.as_str(), Node::Value(v))),
            Members::Doc(it) => it.next().map(|(k, v)| (&**k, Node::Doc(v))),
            Members::None => None,
        }
    }
}

/// The elements of an array, in order.
pub enum Elements<'a> {
    Value(std::slice::Iter<'a, Value>),
    Doc(std::slice::Iter<'a, Doc<'a>>),
}

impl<'a> Iterator for Elements<'a> {
    type Item = Node<'a>;
    fn next(&mut self) -> Option<Node<'a>> {
        match self {
            Elements::Value(it) => it.next().map(Node::Value),
            Elements::Doc(it) => it.next().map(Node::Doc),
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Elements::Value(it) => it.size_hint(),
            Elements::Doc(it) => it.size_hint(),
        }
    }
}

impl ExactSizeIterator for Elements<'_> {}

impl<'a> Node<'a> {
    /// The JSON type, for messages.
    pub fn type_name(self) -> &'static str {
        match self {
            Node::Value(Value::Null) | Node::Doc(Doc::Null) => "null",
            Node::Value(Value::Bool(_)) | Node::Doc(Doc::Bool(_)) => "boolean",
            Node::Value(Value::Number(_)) | Node::Doc(Doc::Number(_)) => "number",
            Node::Value(Value::String(_)) | Node::Doc(Doc::Str(_)) => "string",
            Node::Value(Value::Array(_)) | Node::Doc(Doc::Array(_)) => "array",
            Node::Value(Value::Object(_)) | Node::Doc(Doc::Object(_)) => "object",
        }
    }

    pub fn is_null(self) -> bool {
        matches!(self, Node::Value(Value::Null) | Node::Doc(Doc::Null))
    }

    pub fn is_object(self) -> bool {
        matches!(self, Node::Value(Value::Object(_)) | Node::Doc(Doc::Object(_)))
    }

    pub fn as_str(self) -> Option<&'a str> {
        match self {
            Node::Value(Value::String(s)) => Some(s),
            Node::Doc(Doc::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self {
            Node::Value(Value::Bool(b)) | Node::Doc(Doc::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    pub fn as_number(self) -> Option<&'a Number> {
        match self {
            Node::Value(Value::Number(n)) | Node::Doc(Doc::Number(n)) => Some(n),
            _ => None,
        }
    }

    /// The member `key` of an object (`None` for another type, or no such member).
    pub fn get(self, key: &str) -> Option<Node<'a>> {
        match self {
            Node::Value(Value::Object(m)) => m.get(key).map(Node::Value),
            // A record's objects have a dozen members or so: a scan that compares lengths first
            // beats a binary search, whose every step compared bytes; large objects are searched.
            Node::Doc(Doc::Object(m)) if m.len() <= 24 => {
                m.iter().find(|(k, _)| is_key(k, key)).map(|(_, v)| Node::Doc(v))
            }
            Node::Doc(Doc::Object(m)) => {
                m.binary_search_by(|(k, _)| key_order(k, key)).ok().map(|i| Node::Doc(&m[i].1))
            }
            _ => None,
        }
    }

    /// An object's members in key order (none for another type).
    pub fn members(self) -> Members<'a> {
        match self {
            Node::Value(Value::Object(m)) => Members::Value(m.iter()),
            Node::Doc(Doc::Object(m)) => Members::Doc(m.iter()),
            _ => Members::None,
        }
    }

    /// An array's elements, or `None` for another type.
    pub fn elements(self) -> Option<Elements<'a>> {
        match self {
            Node::Value(Value::Array(a)) => Some(Elements::Value(a.iter())),
            Node::Doc(Doc::Array(a)) => Some(Elements::Doc(a.iter())),
            _ => None,
        }
    }

    /// The value as a `serde_json::Value` (lent when it is one).
    pub fn to_value(self) -> Cow<'a, Value> {
        match self {
            Node::Value(v) => Cow::Borrowed(v),
            Node::Doc(d) => Cow::Owned(d.to_value()),
        }
    }

    /// Calls `f(pointer, text)` for every string in the value (`pointer` relative to it, built
    /// only when `f` asks), in key and index order; members named in `skip` at its top are left out.
    pub fn for_each_string(self, skip: &[&str], f: &mut dyn FnMut(&dyn Fn() -> String, &'a str)) {
        fn walk<'a>(node: Node<'a>, path: &mut Vec<Token<'a>>, f: &mut dyn FnMut(&dyn Fn() -> String, &'a str)) {
            if let Some(s) = node.as_str() {
                f(&|| render(path), s);
            } else if let Some(items) = node.elements() {
                for (i, v) in items.enumerate() {
                    path.push(Token::Index(i));
                    walk(v, path, f);
                    path.pop();
                }
            } else {
                for (k, v) in node.members() {
                    path.push(Token::Key(k));
                    walk(v, path, f);
                    path.pop();
                }
            }
        }
        let mut path = Vec::with_capacity(8);
        if self.is_object() {
            // Compared inline: `contains` called `memcmp` for every member and name of equal length.
            for (k, v) in self.members().filter(|(k, _)| !skip.iter().any(|s| is_key(k, s))) {
                path.push(Token::Key(k));
                walk(v, &mut path, f);
                path.pop();
            }
        } else {
            walk(self, &mut path, f);
        }
    }
}

#[derive(Clone, Copy)]
enum Token<'a> {
    Key(&'a str),
    Index(usize),
}

fn render(path: &[Token<'_>]) -> String {
    let mut s = String::new();
    for t in path {
        s.push('/');
        match t {
            Token::Key(k) => s.push_str(&pointer_token(k)),
            Token::Index(i) => s.push_str(&i.to_string()),
        }
    }
    s
}

impl Doc<'_> {
    pub fn to_value(&self) -> Value {
        match self {
            Doc::Null => Value::Null,
            Doc::Bool(b) => Value::Bool(*b),
            Doc::Number(n) => Value::Number(n.clone()),
            Doc::Str(s) => Value::String(s.to_string()),
            Doc::Array(a) => Value::Array(a.iter().map(Doc::to_value).collect()),
            Doc::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.to_string(), v.to_value())).collect()),
        }
    }
}

// ── the declared vocabulary ─────────────────────────────────────────────────────────────────

/// The members each object type of a record declares, by the type's name in the generated
/// schema (`PublicationRecord`, `Review`, …): the root type `T` and every type of the record
/// schema (the two record kinds share their parts; names are unique). Read at build time from
/// the committed `catalogues/schema/record.schema.json`, which a test keeps equal to the Rust
/// types (as `generated_members` computes them in the tests), so no schema generator runs here.
pub fn declared_members<T: JsonSchema>() -> BTreeMap<String, Vec<String>> {
    let table = crate::data::embedded::RECORD_MEMBERS;
    // Not a fallback to the generator (that would link it back in): `record_members_are_fresh`
    // in core/tests/embedded.rs fails when the table and the types disagree.
    debug_assert!(
        table.iter().any(|(name, _)| *name == T::schema_name()),
        "record schema lacks `{}`",
        T::schema_name()
    );
    table
        .iter()
        .map(|(name, members)| ((*name).to_owned(), members.iter().map(|m| (*m).to_owned()).collect()))
        .collect()
}

/// The values a string enum of a record declares (`ReviewStage`: `business`, `legal`,
/// `confidentiality`), in declaration order: its serde names, as the committed record schema
/// lists them (kept equal to the Rust types by `record_members_are_fresh`). Empty for a type
/// that is not one of the record's enums.
pub fn declared_values<T: JsonSchema>() -> &'static [&'static str] {
    let name = T::schema_name();
    crate::data::embedded::RECORD_VALUES.iter().find(|(n, _)| is_key(n, &name)).map_or(&[], |(_, values)| values)
}

/// The values of each string enum of `T`'s schema, generated with schemars.
#[cfg(test)]
pub(crate) fn generated_values<T: JsonSchema>() -> BTreeMap<String, Vec<String>> {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let root = serde_json::to_value(generator.into_root_schema_for::<T>()).unwrap_or(Value::Null);
    let mut out = BTreeMap::new();
    for (name, def) in root.get("$defs").and_then(Value::as_object).into_iter().flatten() {
        let listed: Vec<String> = match (def.get("enum"), def.get("oneOf")) {
            (Some(Value::Array(e)), _) => e.iter().filter_map(|v| Some(v.as_str()?.to_owned())).collect(),
            (_, Some(Value::Array(o))) => o.iter().filter_map(|v| Some(v.get("const")?.as_str()?.to_owned())).collect(),
            _ => Vec::new(),
        };
        if !listed.is_empty() {
            out.insert(name.clone(), listed);
        }
    }
    out
}

/// The members each object type of `T` declares, generated from its schema with schemars.
#[cfg(test)]
pub(crate) fn generated_members<T: JsonSchema>() -> BTreeMap<String, Vec<String>> {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let root = serde_json::to_value(generator.into_root_schema_for::<T>()).unwrap_or(Value::Null);
    let mut out = BTreeMap::new();
    let mut add = |name: &str, schema: &Value| {
        if let Some(Value::Object(props)) = schema.get("properties") {
            let mut names: Vec<String> = props.keys().cloned().collect();
            names.sort_unstable(); // `unknown_members` walks them beside an object's sorted members
            out.insert(name.to_owned(), names);
        }
    };
    add(&T::schema_name(), &root);
    if let Some(Value::Object(defs)) = root.get("$defs") {
        for (name, schema) in defs {
            add(name, schema);
        }
    }
    out
}

/// The declared name nearest to `name` when it is near enough to be a typo (or the same name
/// written differently: `publish_date` for `published`, `Published`).
pub fn nearest<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let lower = name.to_lowercase().replace('-', "_");
    known
        .into_iter()
        .map(|k| {
            let shared = lower.chars().zip(k.chars()).take_while(|(a, b)| a == b).count();
            let d = crate::diagnostics::suggest::edit_distance(&lower, k);
            // A long shared start makes a near miss (`publish_date`, `published`) likelier.
            (d.saturating_sub(shared / 3), d, k)
        })
        .filter(|&(score, d, k)| d == 0 || score <= (k.chars().count().max(lower.chars().count()) / 3).max(1))
        .min_by_key(|&(score, d, _)| (score, d))
        .map(|(_, _, k)| k)
}

/// Members of the record itself that are not part of any kind's vocabulary but are allowed:
/// `x-gongkai` (per-record settings such as suppressions) and `$schema`.
pub const ALLOWED_EXTRA: &[&str] = &["x-gongkai", "$schema"];

/// How the readers treat members the vocabulary does not declare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnknownMembers {
    /// A warning with the nearest declared member (the default).
    #[default]
    Warn,
    /// An error, for strict pipelines.
    Error,
}

/// Report each member of the object `obj` (at pointer `base`) that is not in `known` (sorted),
/// with the nearest known one; `extra` lists names allowed besides.
pub fn unknown_members(
    obj: Node<'_>,
    base: impl fmt::Display,
    known: &[String],
    extra: &[&str],
    policy: UnknownMembers,
    out: &mut Vec<Diagnostic>,
) {
    // Both in key order: one walk along the two, not a search per member.
    let mut at = 0;
    for (key, _) in obj.members() {
        while at < known.len() && key_order(&known[at], key).is_lt() {
            at += 1;
        }
        if known.get(at).is_some_and(|k| is_key(k, key)) || extra.iter().any(|e| is_key(e, key)) {
            continue;
        }
        let path = format!("{base}/{}", pointer_token(key));
        let mut d = match nearest(key, known.iter().map(String::as_str)) {
            Some(near) => Diagnostic::new(
                &UNKNOWN_MEMBER,
                path,
                message!(
                    "未定义的字段 `{0}`：是否应为 `{1}`？",
                    "unknown member `{0}`: did you mean `{1}`?",
                    key,
                    near
                ),
            ),
            None => Diagnostic::new(
                &UNKNOWN_MEMBER,
                path,
                message!("未定义的字段 `{0}`，已忽略", "unknown member `{0}` is ignored", key),
            ),
        };
        let list = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
        d = d.with_help(if known.iter().any(|k| k == "fields") {
            message!(
                "此处可用的字段：{0}；自定义数据放在 `fields` 或 `x-gongkai` 中",
                "members here: {0}; keep your own data under `fields` or `x-gongkai`",
                list
            )
        } else {
            message!("此处可用的字段：{0}", "members here: {0}", list)
        });
        if policy == UnknownMembers::Error {
            d = d.with_severity(Severity::Error);
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strictly_yyyy_mm_dd() {
        assert_eq!(parse_date("2026-03-02"), NaiveDate::from_ymd_opt(2026, 3, 2));
        for bad in ["2026-9-7", "+2026-03-02", "2026-02-30", "2026-03-02T00:00", " 2026-03-02", "2026/03/02", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(
            parse_date_strict("2026-9-7").unwrap_err().to_string(),
            "`2026-9-7` is not a date: expected YYYY-MM-DD, e.g. 2026-03-02"
        );
    }

    #[test]
    fn typos_get_the_nearest_member() {
        let known = ["kind", "published", "formed", "archived", "title", "channels", "fields"];
        assert_eq!(nearest("publish_date", known), Some("published"));
        assert_eq!(nearest("Published", known), Some("published"));
        assert_eq!(nearest("chanels", known), Some("channels"));
        assert_eq!(nearest("titel", known), Some("title"));
        assert_eq!(nearest("cms_internal_flag", known), None);
    }

    #[test]
    fn a_doc_answers_as_the_value_does() {
        let text = r#"{"b": [1, "x", {"c": null}], "a": "\u0041", "b": true, "d": -2.5}"#;
        let doc: Doc<'_> = serde_json::from_str(text).unwrap();
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(doc.to_value(), value);
        let (d, v) = (Node::Doc(&doc), Node::Value(&value));
        let keys = |n: Node<'_>| n.members().map(|(k, c)| (k.to_owned(), c.type_name())).collect::<Vec<_>>();
        assert_eq!(keys(d), keys(v));
        assert_eq!(d.get("a").and_then(Node::as_str), Some("A"));
        assert_eq!(d.get("b").and_then(Node::as_bool), Some(true));
    }

    #[test]
    fn every_string_is_visited_with_its_pointer() {
        let v = serde_json::json!({"id": "x", "t": "a", "f": {"rows": [{"c/d": "b"}]}});
        let mut seen = Vec::new();
        Node::Value(&v).for_each_string(&["id"], &mut |p, s| seen.push((p(), s.to_owned())));
        assert_eq!(seen, [("/f/rows/0/c~1d".to_owned(), "b".to_owned()), ("/t".to_owned(), "a".to_owned())]);
    }
}
