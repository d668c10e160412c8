//! The fast path for checking a publication record given as JSON text.
//!
//! Building a `serde_json::Value` tree (a map node and a `String` per value) and freeing it cost
//! more than every rule together. For a well-formed record, this reads the text (with
//! [`super::text::Reader`], which finds string ends faster than serde_json) straight into
//! borrowed strings (copied only when they contain escapes) and builds the same [`Publication`]
//! the lenient reader builds from a `Value`. `fields` is read as borrowed members too; its
//! values other than strings (rare) are kept as `Value`s, and the whole object is made a `Value`
//! only when an element's schema has something to say (see `rules::fields`).
//!
//! It DECLINES (returns `None`) whenever the lenient reader would have something to say: a wrong
//! type, a missing or invalid value, a bad date, a syntax error, another record kind. The caller
//! then takes the `Value` path, which produces every `input_*` / `record_*` diagnostic with its
//! path. So both paths report the same diagnostics (tested on every conformance case and on
//! single mutations of realistic records), and the fast one never has to reproduce those messages.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::record::{
    DisclosureRef, DisclosureStatus, Fields, InstitutionRef, InterpretationRef, Member, MemberValue, Publication,
    ReviewRef, ReviewResult, ReviewStage, WITHDRAWAL_CAUSES, WithdrawalRef, parse_date,
};

/// A JSON string, borrowed from the text unless it has escapes.
struct Str<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

impl Str<'_> {
    fn as_str(&self) -> &str {
        &self.0
    }
}

/// `"publication"`; any other kind fails the read at once (a request record is read as a `Value`
/// for `deadlines::check_request`, and should not be read twice in full).
struct PublicationKind;

impl<'de> Deserialize<'de> for PublicationKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Str::deserialize(d)?.as_str() {
            "publication" => Ok(PublicationKind),
            _ => Err(de::Error::custom("not a publication record")),
        }
    }
}

/// Any JSON value, validated exactly as a `Value` would be (serde_json's nesting limit, number
/// range, escapes) but not kept: keys the checks do not read. (serde's `IgnoredAny` skips
/// without the nesting limit, so a record the `Value` path rejects as too deep would pass.)
struct Any;

impl<'de> Deserialize<'de> for Any {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyVisitor)
    }
}

struct AnyVisitor;

impl<'de> Visitor<'de> for AnyVisitor {
    type Value = Any;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Any, E> {
        Ok(Any)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Any, E> {
        Ok(Any)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Any, E> {
        Ok(Any)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Any, E> {
        Ok(Any)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Any, E> {
        Ok(Any)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Any, E> {
        Ok(Any)
    }
    fn visit_none<E: de::Error>(self) -> Result<Any, E> {
        Ok(Any)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Any, A::Error> {
        while seq.next_element::<Any>()?.is_some() {}
        Ok(Any)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Any, A::Error> {
        while map.next_key::<Any>()?.is_some() {
            map.next_value::<Any>()?;
        }
        Ok(Any)
    }
}

/// `fields`: an object's members, strings lent, sorted by key with a repeated key keeping its
/// last value, as a `Value`'s map keeps them.
struct FieldsIn<'de>(Vec<Member<'de>>);

impl<'de> Deserialize<'de> for FieldsIn<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FieldsIn<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldsIn<'de>, A::Error> {
                let mut members = Vec::with_capacity(map.size_hint().unwrap_or(4).min(64));
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    let value = map.next_value::<MemberIn<'de>>()?.0;
                    members.push(Member { key: key.0, value });
                }
                // Stable: of a repeated key's members, the last read stays last, and is kept.
                members.sort_by(|a, b| a.key.cmp(&b.key));
                members.dedup_by(|later, kept| {
                    let repeated = later.key == kept.key;
                    if repeated {
                        std::mem::swap(later, kept);
                    }
                    repeated
                });
                Ok(FieldsIn(members))
            }
        }
        d.deserialize_map(V)
    }
}

/// A member's value: a string lent as [`Str`] is, anything else read as a `Value` would be.
struct MemberIn<'de>(MemberValue<'de>);

impl<'de> Deserialize<'de> for MemberIn<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MemberVisitor)
    }
}

struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = MemberIn<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Str(Cow::Borrowed(s))))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Str(Cow::Owned(s.to_owned()))))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Str(Cow::Owned(s))))
    }
    // As serde_json's own visitor makes each `Value`.
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Other(Value::Bool(b))))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Other(Value::Number(n.into()))))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Other(Value::Number(n.into()))))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Other(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))))
    }
    fn visit_unit<E: de::Error>(self) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Other(Value::Null)))
    }
    fn visit_none<E: de::Error>(self) -> Result<MemberIn<'de>, E> {
        Ok(MemberIn(MemberValue::Other(Value::Null)))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<MemberIn<'de>, D::Error> {
        MemberIn::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<MemberIn<'de>, A::Error> {
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(|v| MemberIn(MemberValue::Other(v)))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MemberIn<'de>, A::Error> {
        Value::deserialize(de::value::MapAccessDeserializer::new(map)).map(|v| MemberIn(MemberValue::Other(v)))
    }
}

/// A JSON object read into a struct of optional fields, by key; keys not listed are validated
/// as [`Any`]. Only an object is accepted (serde's derived structs also take arrays), `null`
/// reads as absent, and a repeated key keeps its last value, as in a `Value`.
macro_rules! object {
    ($name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Default)]
        struct $name<'de> {
            $($field: Option<$ty>,)*
            _text: PhantomData<&'de str>,
        }

        impl<'de> $name<'de> {
            /// Read the object into `self` (in place: a record's struct is large to move).
            fn fill<D: Deserializer<'de>>(&mut self, d: D) -> Result<(), D::Error> {
                struct V<'a, 'de>(&'a mut $name<'de>);
                impl<'de> Visitor<'de> for V<'_, 'de> {
                    type Value = ();
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                        let out = self.0;
                        while let Some(key) = map.next_key::<Str<'de>>()? {
                            match key.as_str() {
                                $(stringify!($field) => out.$field = map.next_value()?,)*
                                _ => {
                                    map.next_value::<Any>()?;
                                }
                            }
                        }
                        Ok(())
                    }
                }
                d.deserialize_map(V(self))
            }
        }

        impl<'de> Deserialize<'de> for $name<'de> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let mut out = $name::default();
                out.fill(d)?;
                Ok(out)
            }
        }
    };
}

object!(RecordIn {
    kind: PublicationKind,
    id: Value,
    institution: InstitutionIn<'de>,
    item: Str<'de>,
    title: Str<'de>,
    document_number: Str<'de>,
    formed: Str<'de>,
    published: Str<'de>,
    archived: Str<'de>,
    period: Str<'de>,
    channels: Vec<Str<'de>>,
    fields: FieldsIn<'de>,
    body: Str<'de>,
    attachments: Vec<AttachmentIn<'de>>,
    review: Vec<ReviewIn<'de>>,
    interpretation: InterpretationIn<'de>,
    disclosure: DisclosureIn<'de>,
    // A "nothing arose" statement is read by the `Value` path (see `Publication::nothing_arose`).
    nothing_arose: Value,
    withdrawal: WithdrawalIn<'de>,
});

object!(InstitutionIn { kind: Str<'de>, tier: Str<'de>, role: Str<'de>, sector: Str<'de>, name: Str<'de> });
object!(AttachmentIn { name: Str<'de>, text: Str<'de> });
object!(ReviewIn { stage: Str<'de>, date: Str<'de>, result: Str<'de>, reviewer_role: Str<'de> });
object!(InterpretationIn { published: Str<'de>, title: Str<'de>, url: Str<'de> });
object!(DisclosureIn {
    status: Str<'de>,
    grounds: Vec<Str<'de>>,
    reasons: Str<'de>,
    third_party_consultation: ConsultationIn<'de>,
    public_interest_assessment: AssessmentIn<'de>,
});
object!(ConsultationIn { sent: Str<'de>, replied: Str<'de>, third_party: Str<'de>, reply: Str<'de> });
object!(WithdrawalIn { cause: Str<'de>, date: Str<'de>, withdrawn: Str<'de>, reasons: Str<'de> });
object!(AssessmentIn { date: Str<'de>, conclusion: Str<'de>, reasons: Str<'de> });

/// A publication record read from JSON text without a `Value` tree; the [`Publication`] borrows it.
pub(crate) struct FastRecord<'de> {
    rec: Box<RecordIn<'de>>,
}

/// Read `text` as a publication record, or `None` when the `Value` path must read it (see the
/// module docs): not JSON, not a publication, or anything the lenient reader would report.
pub(crate) fn read(text: &str) -> Option<FastRecord<'_>> {
    let mut reader = super::text::Reader::new(text);
    let record = read_from(&mut reader)?;
    // Trailing text after the object is a syntax error the `Value` path reports.
    reader.end().ok()?;
    Some(record)
}

/// Read a publication record from any deserializer that lends its strings for `'de` (JSON text,
/// or a binding's tree of host-language strings), or `None` as [`read`] does.
pub(crate) fn read_from<'de, D: Deserializer<'de>>(d: D) -> Option<FastRecord<'de>> {
    // Filled in place on the heap: moved by value through the reader's results, the struct's
    // copies cost more than reading most of its fields.
    let mut rec = Box::<RecordIn<'de>>::default();
    rec.fill(d).ok()?;
    (rec.kind.is_some() && rec.nothing_arose.is_none()).then_some(FastRecord { rec })
}

/// A date that must be present and valid.
fn date(s: &Option<Str<'_>>) -> Option<chrono::NaiveDate> {
    parse_date(s.as_ref()?.as_str())
}

/// A date that may be absent, but not invalid: `Err` declines.
fn optional_date(s: &Option<Str<'_>>) -> Result<Option<chrono::NaiveDate>, ()> {
    match s {
        None => Ok(None),
        Some(s) => parse_date(s.as_str()).map(Some).ok_or(()),
    }
}

fn str_of<'a>(s: &'a Option<Str<'_>>) -> Option<&'a str> {
    s.as_ref().map(Str::as_str)
}

fn strings<'a>(v: &'a [Str<'_>]) -> Vec<(usize, &'a str)> {
    v.iter().map(Str::as_str).enumerate().collect()
}

impl<'de> FastRecord<'de> {
    /// The record's `id`, as the CMS gave it (`null` when absent).
    pub(crate) fn into_id(self) -> Value {
        self.rec.id.unwrap_or(Value::Null)
    }

    /// The record as the checks see it, or `None` when the lenient reader would report something.
    pub(crate) fn publication(&self) -> Option<Publication<'_>> {
        let r = &self.rec;
        let inst = r.institution.as_ref()?;
        let institution = InstitutionRef {
            kind: str_of(&inst.kind)?,
            tier: str_of(&inst.tier)?,
            role: str_of(&inst.role),
            sector: str_of(&inst.sector),
        };
        r.title.as_ref()?;
        let fields = r.fields.as_ref().map(|f| Fields::Members(&f.0));
        let mut attachment_texts = Vec::new();
        for (i, a) in r.attachments.iter().flatten().enumerate() {
            if let Some(t) = &a.text {
                attachment_texts.push((i, t.as_str()));
            }
        }
        let review = match &r.review {
            None => None,
            Some(reviews) => {
                let mut out = Vec::with_capacity(reviews.len());
                for (index, v) in reviews.iter().enumerate() {
                    let stage = match str_of(&v.stage)? {
                        "business" => ReviewStage::Business,
                        "legal" => ReviewStage::Legal,
                        "confidentiality" => ReviewStage::Confidentiality,
                        _ => return None,
                    };
                    let result = match str_of(&v.result) {
                        None | Some("approved") => ReviewResult::Approved,
                        Some("rejected") => ReviewResult::Rejected,
                        Some(_) => return None,
                    };
                    out.push(ReviewRef { index, stage: Some(stage), date: Some(date(&v.date)?), result });
                }
                Some(out)
            }
        };
        let interpretation = match &r.interpretation {
            None => None,
            Some(i) => Some(InterpretationRef { published: Some(date(&i.published)?) }),
        };
        let disclosure = match &r.disclosure {
            None => None,
            Some(d) => Some(disclosure(d)?),
        };
        let withdrawal = match &r.withdrawal {
            None => None,
            Some(w) => {
                if !WITHDRAWAL_CAUSES.contains(&str_of(&w.cause)?) {
                    return None;
                }
                Some(WithdrawalRef {
                    date: Some(date(&w.date)?),
                    withdrawn: optional_date(&w.withdrawn).ok()?,
                    has_reasons: str_of(&w.reasons).is_some_and(|s| !s.trim().is_empty()),
                })
            }
        };
        Some(Publication {
            institution: Some(institution),
            item: Some(str_of(&r.item)?),
            document_number: str_of(&r.document_number),
            formed: Some(date(&r.formed)?),
            published: optional_date(&r.published).ok()?,
            archived: optional_date(&r.archived).ok()?,
            period: str_of(&r.period),
            channels: r.channels.as_deref().map(strings),
            fields,
            body: str_of(&r.body),
            attachment_texts,
            review,
            interpretation,
            disclosure,
            nothing_arose: false,
            withdrawal,
        })
    }
}

fn disclosure<'a>(d: &'a DisclosureIn<'_>) -> Option<DisclosureRef<'a>> {
    let status = match str_of(&d.status)? {
        "full" => DisclosureStatus::Full,
        "partial" => DisclosureStatus::Partial,
        "withheld" => DisclosureStatus::Withheld,
        _ => return None,
    };
    let has_consultation = match &d.third_party_consultation {
        None => false,
        Some(c) => {
            date(&c.sent)?;
            optional_date(&c.replied).ok()?;
            if !matches!(str_of(&c.reply), None | Some("consent" | "objection" | "no_reply")) {
                return None;
            }
            true
        }
    };
    let has_assessment = match &d.public_interest_assessment {
        None => false,
        Some(a) => {
            date(&a.date)?;
            if !matches!(str_of(&a.conclusion)?, "withhold" | "disclose") {
                return None;
            }
            true
        }
    };
    Some(DisclosureRef {
        status: Some(status),
        grounds: d.grounds.as_deref().map(strings).unwrap_or_default(),
        has_reasons: str_of(&d.reasons).is_some_and(|s| !s.trim().is_empty()),
        has_consultation,
        has_assessment,
    })
}

#[cfg(test)]
mod tests {
    //! The fast path may decline, never disagree: every conformance case, every example record
    //! and single mutations of them (each value removed, nulled, or replaced by another type,
    //! an invalid string, or nesting past the limit) give the same diagnostics both ways.

    use std::path::{Path, PathBuf};

    use serde_json::{Value, json};

    use crate::Catalogue;
    use crate::check::{CheckOptions, Checker, parse_json};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for p in entries.flatten().map(|e| e.path()) {
            if p.is_dir() {
                files(&p, ext, out);
            } else if p.extension().is_some_and(|e| e == ext) {
                out.push(p);
            }
        }
    }

    /// Whether the fast path took the text (`true`) or declined (`false`); panics if it disagrees.
    /// The same record lent as a tree (`check_borrowed` over a `&Value`, as the Python binding
    /// lends its dicts) must be taken or declined alike, with the same diagnostics.
    fn same_both_ways(checker: &Checker<'_>, text: &str, opts: &CheckOptions, what: &str) -> bool {
        let fast = checker.check_text_fast(text, opts);
        let Ok(value) = parse_json(text) else {
            assert!(fast.is_none(), "{what}: the fast path took a text the Value path rejects\n{text}");
            return false;
        };
        let slow = (value.get("id").cloned().unwrap_or_default(), checker.check_value(&value, opts));
        let borrowed = checker.check_borrowed(&value, opts);
        // The text reader leaves some valid JSON (floats, say) to serde_json; otherwise the two
        // readers take or decline a record alike.
        let text_declined = super::super::text::value(text).is_err();
        assert!(
            fast.is_some() == borrowed.is_some() || (fast.is_none() && text_declined),
            "{what}: text and tree readers disagree on taking it\n{text}"
        );
        let Some(fast) = fast else { return false };
        assert_eq!((fast.id, fast.diagnostics), slow, "{what}: the two paths disagree\n{text}");
        if let Some(b) = borrowed {
            assert_eq!((b.id, b.diagnostics), slow, "{what}: the borrowed tree disagrees\n{text}");
        }
        true
    }

    #[test]
    fn every_conformance_case_gives_the_same_diagnostics_both_ways() {
        let mut cases = Vec::new();
        files(&root().join("tests/cases"), "json", &mut cases);
        assert!(cases.len() >= 100, "conformance cases not found");
        let (mut taken, mut total) = (0, 0);
        for path in &cases {
            let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let o = &case["options"];
            let mut cat = Catalogue::embedded().clone();
            for rel in o["overlays"].as_array().into_iter().flatten() {
                cat = cat.with_overlay_file(root().join("tests/cases").join(rel.as_str().unwrap())).unwrap();
            }
            let mut opts = CheckOptions::default().with_skip_screening(o["skip_screening"] == json!(true));
            opts.today = o["today"].as_str().map(|t| t.parse().unwrap());
            let checker = Checker::new(&cat);
            let texts = match (case.get("record"), case["input"].as_str()) {
                (Some(r), _) => vec![serde_json::to_string(r).unwrap(), serde_json::to_string_pretty(r).unwrap()],
                (None, Some(t)) => vec![t.to_owned()],
                (None, None) => continue,
            };
            for text in texts {
                total += 1;
                taken += usize::from(same_both_ways(&checker, &text, &opts, &path.display().to_string()));
            }
        }
        // Most cases are about a rule, not the record's shape: the fast path must take them.
        assert!(taken * 3 >= total, "the fast path took only {taken} of {total} texts");
    }

    /// Every value's location in a record, as a JSON pointer.
    fn pointers(v: &Value, base: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    let p = format!("{base}/{}", k.replace('~', "~0").replace('/', "~1"));
                    out.push(p.clone());
                    pointers(c, p, out);
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    let p = format!("{base}/{i}");
                    out.push(p.clone());
                    pointers(c, p, out);
                }
            }
            _ => {}
        }
    }

    fn mutate(record: &Value, pointer: &str, replacement: Option<&Value>) -> Option<Value> {
        let mut r = record.clone();
        let (parent, last) = pointer.rsplit_once('/')?;
        let last = last.replace("~1", "/").replace("~0", "~");
        match (r.pointer_mut(parent)?, replacement) {
            (Value::Object(m), None) => {
                m.remove(&last);
            }
            (Value::Object(m), Some(v)) => {
                m.insert(last, v.clone());
            }
            (Value::Array(a), None) => {
                a.remove(last.parse().ok()?);
            }
            (Value::Array(a), Some(v)) => *a.get_mut(last.parse::<usize>().ok()?)? = v.clone(),
            _ => return None,
        }
        Some(r)
    }

    #[test]
    fn single_mutations_of_real_records_give_the_same_diagnostics_both_ways() {
        let mut paths = Vec::new();
        files(&root().join("examples/records"), "json", &mut paths);
        paths.push(root().join("core/benches/data/normative-3kb.json"));
        let records: Vec<Value> = paths
            .iter()
            .map(|p| serde_json::from_str::<Value>(&std::fs::read_to_string(p).unwrap()).unwrap())
            .flat_map(|v| match v {
                Value::Array(a) => a,
                v => vec![v],
            })
            .filter(|r| r["kind"] == "publication")
            .collect();
        assert!(records.len() >= 5, "example records not found");
        let deep = (0..140).fold(json!(1), |v, _| json!([v]));
        let replacements = [
            json!(null),
            json!(1),
            json!(-2.5),
            json!(true),
            json!(""),
            json!("x"),
            json!("2026-02-30"),
            json!("rejected"),
            json!([]),
            json!({}),
            json!(["x"]),
            json!([{}]),
            json!({"kind": "administrative"}),
            deep,
        ];
        let checker = Checker::new(Catalogue::embedded());
        let opts = CheckOptions::default().with_today(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        let (mut taken, mut total) = (0, 0);
        for record in &records {
            assert!(same_both_ways(&checker, &record.to_string(), &opts, "unmutated record"));
            let mut ps = Vec::new();
            pointers(record, String::new(), &mut ps);
            for p in &ps {
                for v in std::iter::once(None).chain(replacements.iter().map(Some)) {
                    let Some(m) = mutate(record, p, v) else { continue };
                    total += 1;
                    taken += usize::from(same_both_ways(&checker, &m.to_string(), &opts, p));
                }
            }
            // Unknown keys are validated like the rest of the text, not skipped.
            let mut extra = record.clone();
            extra["cms_extra"] = (0..140).fold(json!(1), |v, _| json!({ "a": v }));
            assert!(!same_both_ways(&checker, &extra.to_string(), &opts, "deep unknown key"));
        }
        assert!(taken > 0 && taken < total, "{taken} of {total}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Random edits of a record's text: mostly broken JSON (both reject it), sometimes a
        /// changed value or shape, never a disagreement.
        #[test]
        fn random_edits_of_a_record_text_never_disagree(
            at in 0usize..4000,
            len in 0usize..16,
            insert in proptest::sample::select(vec![
                "", "null", "0", "-1.5", "1e999", "true", "\"\"", "\"x\"", "\"\\ud800\"", "\"\\n\"", "\"",
                "{", "}", "[", "]", ",", ":", "[[[[[[", "{\"a\":{}}", "\"2026-02-30\"", "\"rejected\"",
            ]),
        ) {
            let text = include_str!("../../benches/data/normative-3kb.json");
            let boundary = |mut i: usize| {
                i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let (a, b) = (boundary(at), boundary(at + len));
            let edited = format!("{}{insert}{}", &text[..a], &text[b..]);
            same_both_ways(super::super::engine::embedded_checker(), &edited, &CheckOptions::default(), "edit");
        }
    }

    #[test]
    fn fields_read_as_members_answer_as_the_value_does() {
        // Members lent in key order, a repeated key keeping its last value, escaped keys and
        // values copied; elements that fail their schema, or are not strings, take the `Value`.
        // Each set of members goes first and last in the record's `fields`, whose own members
        // it repeats.
        let record: Value =
            serde_json::from_str(include_str!("../../benches/data/normative-3kb.json")).expect("bench record");
        let text = record.to_string();
        let open = text.find("\"fields\":{").expect("the record has fields") + "\"fields\":{".len();
        let close = open + text[open..].find('}').expect("flat fields");
        let checker = Checker::new(Catalogue::embedded());
        let opts = CheckOptions::default().with_today(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        let mut taken = 0;
        let sets = [
            r#""zz":"x","document_number":1,"document_number":"某府发〔2026〕1号""#,
            r#""document_number":"某府发〔2026〕1号","document_number":1"#,
            r#""document_title":"","document_title":"标题""#,
            r#""document_title":"标题","document_title":"""#,
            r#""issue_date":"2026-13-45","a":[1,{"b":null}]"#,
            r#""issue_\u0064ate":"2026-01-02","\u0061":"\u8054\u7cfb\u7535\u8bdd13912345678""#,
            r#""issue_date":2500,"b":false,"c":null"#,
            r#""document_title":"联系电话13912345678","document_title":"身份证号11010519491231002X""#,
        ];
        for members in sets {
            let first = format!("{}{members},{}", &text[..open], &text[open..]);
            let last = format!("{},{members}{}", &text[..close], &text[close..]);
            for edited in [first, last] {
                taken += usize::from(same_both_ways(&checker, &edited, &opts, members));
            }
        }
        assert_eq!(taken, 2 * sets.len(), "the fast path takes every one of them");
    }

    #[test]
    fn texts_that_are_not_json_publications_are_declined() {
        let checker = Checker::new(Catalogue::embedded());
        let opts = CheckOptions::default();
        for text in [
            "",
            "[]",
            "{",
            "{\"kind\": \"request\"}",
            "{\"kind\": \"publication\", \"kind\": \"request\"}",
            "{\"kind\": \"publication\"} x",
            "[\"publication\"]",
            "{\"kind\": \"publication\", \"institution\": [\"administrative\", \"county\"]}",
            "{\"kind\": \"publication\", \"id\": \"\\ud800\"}",
            "{\"kind\": \"publication\", \"id\": 1e999}",
        ] {
            assert!(checker.check_text_fast(text, &opts).is_none(), "{text}");
        }
    }
}
