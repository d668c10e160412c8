//! A validator of the generated item schemas without the `jsonschema` crate: it implements
//! exactly the keywords [`crate::schema::element_type_schema`] emits (`type`, `required`,
//! `minLength`, `minItems`, `minimum`, `pattern`, `enum`, `items`), with JSON Schema's meaning
//! (`integer` accepts `2.0`; `minLength` counts characters; `format` is an annotation only, as in
//! draft 2020-12). The WebAssembly build uses it; `tests` below checks it agrees with the
//! `jsonschema` crate on generated values.

use serde_json::Value;

use super::{FieldError, Problem};
use crate::diagnostics::pointer_token;
use crate::model::{ElementType, Item};

#[cfg_attr(feature = "jsonschema", allow(dead_code))]
pub(crate) struct Validator {
    elements: Vec<(String, ElementType, Vec<String>, bool)>,
    /// The allowed values of each `enum` element as compact JSON, for messages.
    enum_json: Vec<String>,
}

#[cfg_attr(feature = "jsonschema", allow(dead_code))]
impl Validator {
    /// Without `required`, only the elements present are checked (see [`super::check`]).
    pub fn new(item: &Item, required: bool) -> Option<Validator> {
        let elements: Vec<_> =
            item.elements.iter().map(|e| (e.key.clone(), e.kind, e.values.clone(), required && e.required)).collect();
        let enum_json =
            elements.iter().map(|(_, _, values, _)| serde_json::to_string(values).unwrap_or_default()).collect();
        Some(Validator { elements, enum_json })
    }

    pub fn is_valid(&self, fields: &Value) -> bool {
        let mut none = Sink::Stop(false);
        self.run(fields, &mut none);
        matches!(none, Sink::Stop(false))
    }

    pub fn errors(&self, fields: &Value) -> Vec<FieldError> {
        let mut sink = Sink::Collect(Vec::new());
        self.run(fields, &mut sink);
        match sink {
            Sink::Collect(v) => v,
            Sink::Stop(_) => Vec::new(),
        }
    }

    fn run(&self, fields: &Value, sink: &mut Sink) {
        let Value::Object(map) = fields else {
            sink.push(String::new, Problem::WrongType("object".to_owned()));
            return;
        };
        for (i, (key, kind, values, required)) in self.elements.iter().enumerate() {
            match map.get(key) {
                Some(v) => {
                    let at = || format!("/{}", pointer_token(key));
                    check_element(*kind, values, &self.enum_json[i], v, &at, sink);
                }
                None if *required => sink.push(String::new, Problem::Missing(key.clone())),
                None => {}
            }
            if sink.stopped() {
                return;
            }
        }
    }
}

/// Where errors go: collected, or only noted (for `is_valid`, which stops at the first).
enum Sink {
    Collect(Vec<FieldError>),
    Stop(bool),
}

impl Sink {
    fn push(&mut self, at: impl FnOnce() -> String, problem: Problem) {
        match self {
            Sink::Collect(v) => v.push(FieldError { at: at(), problem }),
            Sink::Stop(seen) => *seen = true,
        }
    }
    fn stopped(&self) -> bool {
        matches!(self, Sink::Stop(true))
    }
}

fn check_element(
    kind: ElementType,
    values: &[String],
    enum_json: &str,
    v: &Value,
    at: &dyn Fn() -> String,
    sink: &mut Sink,
) {
    match kind {
        ElementType::Text | ElementType::Attachment | ElementType::Date | ElementType::Url | ElementType::Phone => {
            match v {
                Value::String(s) if string_passes(kind, values, s) => {}
                // A text fails only `minLength`; the others, their `pattern`.
                Value::String(_) if matches!(kind, ElementType::Text | ElementType::Attachment) => {
                    sink.push(at, Problem::Empty)
                }
                Value::String(_) => sink.push(at, Problem::Format),
                _ => sink.push(at, Problem::WrongType("string".to_owned())),
            }
        }
        // `type` and `minimum` are separate keywords: `-0.5` fails both.
        ElementType::Integer => match v {
            Value::Number(n) => {
                if !is_integer(n) {
                    sink.push(at, Problem::WrongType("integer".to_owned()));
                }
                at_least_zero(n, at, sink);
            }
            _ => sink.push(at, Problem::WrongType("integer".to_owned())),
        },
        ElementType::Number => {
            if !v.is_number() {
                sink.push(at, Problem::WrongType("number".to_owned()));
            }
        }
        ElementType::Money => match v {
            Value::Number(n) => at_least_zero(n, at, sink),
            _ => sink.push(at, Problem::WrongType("number".to_owned())),
        },
        ElementType::Boolean => {
            if !v.is_boolean() {
                sink.push(at, Problem::WrongType("boolean".to_owned()));
            }
        }
        ElementType::Enum => {
            if !v.is_string() {
                sink.push(at, Problem::WrongType("string".to_owned()));
            }
            if !v.as_str().is_some_and(|s| values.iter().any(|x| x == s)) {
                sink.push(at, Problem::NotInEnum(enum_json.to_owned()));
            }
        }
        ElementType::TextList | ElementType::Table => {
            let Value::Array(list) = v else {
                sink.push(at, Problem::WrongType("array".to_owned()));
                return;
            };
            if list.is_empty() {
                sink.push(at, Problem::Empty);
            }
            for (i, entry) in list.iter().enumerate() {
                let at_entry = || format!("{}/{i}", at());
                if kind == ElementType::TextList {
                    non_empty_string(entry, &at_entry, sink);
                } else if !entry.is_object() {
                    sink.push(at_entry, Problem::WrongType("object".to_owned()));
                }
                if sink.stopped() {
                    return;
                }
            }
        }
    }
}

/// Whether the string `s` passes the schema of an element of `kind` (`check_element` judges
/// strings by it too): the fast reader's members are judged without being made `Value`s.
pub(crate) fn string_passes(kind: ElementType, values: &[String], s: &str) -> bool {
    match kind {
        ElementType::Text | ElementType::Attachment => !s.is_empty(),
        ElementType::Date => is_date_shape(s),
        ElementType::Url => is_url_shape(s),
        ElementType::Phone => is_phone_shape(s),
        ElementType::Enum => values.iter().any(|x| x == s),
        ElementType::Integer
        | ElementType::Number
        | ElementType::Money
        | ElementType::Boolean
        | ElementType::TextList
        | ElementType::Table => false,
    }
}

fn non_empty_string(v: &Value, at: &dyn Fn() -> String, sink: &mut Sink) {
    match v {
        Value::String(s) if s.is_empty() => sink.push(at, Problem::Empty),
        Value::String(_) => {}
        _ => sink.push(at, Problem::WrongType("string".to_owned())),
    }
}

/// JSON Schema's `integer`: any number with no fractional part (`2.0` included).
fn is_integer(n: &serde_json::Number) -> bool {
    n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
}

fn at_least_zero(n: &serde_json::Number, at: &dyn Fn() -> String, sink: &mut Sink) {
    let below = match (n.as_i64(), n.as_u64(), n.as_f64()) {
        (Some(i), _, _) => i < 0,
        (None, Some(_), _) => false,
        (None, None, Some(f)) => f < 0.0,
        _ => false,
    };
    if below {
        sink.push(at, Problem::BelowMinimum("0".to_owned()));
    }
}

/// `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
fn is_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// `^(https?://|/)\S+$` with ECMAScript's `\s` (jsonschema translates patterns as ECMA-262).
fn is_url_shape(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .or_else(|| s.strip_prefix('/'))
        .filter(|r| !r.is_empty());
    // A leading `/` may itself be followed by `/…`; any non-space tail works for every prefix.
    match rest {
        Some(r) => !r.chars().any(is_ecma_space),
        None => false,
    }
}

/// `^[0-9+()\- ]{5,30}$`
fn is_phone_shape(s: &str) -> bool {
    (5..=30).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit() || b"+()- ".contains(&c))
}

/// ECMAScript `\s`: WhiteSpace and LineTerminator.
fn is_ecma_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The built-in validator against the `jsonschema` crate on the same generated schemas.
#[cfg(all(test, feature = "jsonschema"))]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Map, Value, json};

    use super::super::with_jsonschema;
    use crate::model::Item;

    /// One element of every type, all required but one, and an enum.
    fn item() -> Item {
        let el = |key: &str, t: &str| json!({"key": key, "title": {"zh": key, "en": key}, "type": t});
        let mut optional = el("note", "text");
        optional["required"] = json!(false);
        let mut choice = el("choice", "enum");
        choice["values"] = json!(["甲", "b c"]);
        serde_json::from_value(json!({
            "id": "t.every_type",
            "title": {"zh": "测试", "en": "test"},
            "category": ["测试"],
            "basis": [{"instrument": "政府信息公开条例", "article": "第二十条"}],
            "mode": "proactive",
            "timing": {"kind": "timely"},
            "elements": [
                el("text", "text"), el("date", "date"), el("integer", "integer"), el("number", "number"),
                el("money", "money"), el("url", "url"), el("phone", "phone"), el("boolean", "boolean"),
                el("list", "text_list"), choice, el("table", "table"), el("file", "attachment"), optional,
            ],
        }))
        .expect("test item")
    }

    const KEYS: &[&str] = &[
        "text", "date", "integer", "number", "money", "url", "phone", "boolean", "list", "choice", "table", "file",
        "note",
    ];

    /// Strings near every pattern's edges: dates, URLs, phone numbers, Unicode and ECMA spaces.
    fn string() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just(String::new()),
            "[0-9]{1,5}",
            Just("-".to_owned()),
            Just("2026-02-30".to_owned()),
            Just("２０２６-01-01".to_owned()),
            Just("https://".to_owned()),
            Just("http://".to_owned()),
            Just("/".to_owned()),
            Just("gov.cn/x".to_owned()),
            "[+() -]{1,3}",
            "[a-z甲]{1,3}",
            prop::sample::select(vec![
                '\u{a0}', '\u{85}', '\u{feff}', '\u{3000}', '\u{2028}', '\t', '\n', ' ', '\u{200b}'
            ])
            .prop_map(String::from),
            Just("甲".to_owned()),
            Just("b c".to_owned()),
        ];
        prop::collection::vec(piece, 0..4).prop_map(|v| v.concat())
    }

    fn scalar() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            prop::sample::select(vec![0.0, -0.0, 2.0, -3.0, 0.5, -0.25, 1e300, -1e-300]).prop_map(Value::from),
            string().prop_map(Value::String),
        ]
    }

    fn value() -> impl Strategy<Value = Value> {
        scalar().prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
                prop::collection::vec(("[a-z]{1,2}", inner), 0..2)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
            ]
        })
    }

    fn fields() -> impl Strategy<Value = Value> {
        prop::collection::vec((prop::sample::select(KEYS), value()), 0..14)
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
    }

    /// Both validators, with and without `required`, report the same errors; and the check's
    /// own split (elements present by the schema without `required`, absent ones by key) gives
    /// what the whole schema gives.
    fn agree(fields: &Value) -> Result<(), TestCaseError> {
        let item = item();
        for required in [true, false] {
            let reference = with_jsonschema::Validator::new(&item, required).expect("schema compiles");
            let builtin = super::Validator::new(&item, required).expect("always");
            let mut want = reference.errors(fields);
            let mut got = builtin.errors(fields);
            want.sort();
            got.sort();
            prop_assert_eq!(&got, &want, "fields: {} (required: {})", fields, required);
            prop_assert_eq!(builtin.is_valid(fields), reference.is_valid(fields));
        }
        let whole = with_jsonschema::Validator::new(&item, true).expect("schema compiles");
        let present = with_jsonschema::Validator::new(&item, false).expect("schema compiles");
        let mut want = whole.errors(fields);
        want.sort();
        let got = super::super::field_errors(&item, || Some(&whole), Some(&present), fields);
        prop_assert_eq!(got.unwrap_or_default(), want, "split check, fields: {}", fields);
        Ok(())
    }

    #[test]
    fn agrees_on_known_edges() {
        for fields in [
            json!({}),
            json!([]),
            json!({"integer": 2.0, "money": -0.0, "number": 1e300, "boolean": true}),
            json!({"integer": -0.5, "number": "1"}),
            json!({"integer": -1, "money": -0.5, "choice": 3, "list": [], "table": [1, {}], "file": ""}),
            json!({"date": "2026-13-45", "url": "https://", "phone": "1234", "text": "", "list": ["", 2]}),
            json!({"url": "/a\u{feff}b", "phone": "(010) 1234-5678", "choice": "甲", "date": "2026-1-01"}),
        ] {
            agree(&fields).unwrap();
        }
    }

    /// `string_passes` says of a string what the `jsonschema` crate says of `{key: s}` against
    /// the item's schema without `required`, for every element type.
    fn string_agrees(key: &str, s: &str) -> Result<(), TestCaseError> {
        let item = item();
        let element = item.elements.iter().find(|e| e.key == key).expect("a key of the item");
        let present = with_jsonschema::Validator::new(&item, false).expect("schema compiles");
        prop_assert_eq!(
            super::string_passes(element.kind, &element.values, s),
            present.is_valid(&json!({ key: s })),
            "{} = {:?}",
            key,
            s
        );
        Ok(())
    }

    #[test]
    fn strings_pass_as_the_jsonschema_crate_says_on_known_edges() {
        for s in [
            "",
            " ",
            "甲",
            "b c",
            "b",
            "2026-02-30",
            "2026-1-01",
            "２０２６-01-01",
            "https://",
            "https://x",
            "/",
            "//",
            "/a\u{feff}b",
            "/a b",
            "/\u{3000}",
            "1234",
            "12345",
            "(010) 1234-5678",
            &"1".repeat(31),
        ] {
            for key in KEYS {
                string_agrees(key, s).unwrap();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]
        #[test]
        fn agrees_with_the_jsonschema_crate(fields in fields()) {
            agree(&fields)?;
        }

        #[test]
        fn strings_pass_as_the_jsonschema_crate_says(key in prop::sample::select(KEYS), s in string()) {
            string_agrees(key, &s)?;
        }
    }
}
