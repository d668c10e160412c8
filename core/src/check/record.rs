//! The publication record: what a CMS hands over about an item it publishes (or is about to).
//!
//! Two views of the same JSON: [`PublicationRecord`], a typed serde/schemars description from
//! which `record.schema.json` is generated, and [`Publication`], a borrowed, lenient reading of
//! a `serde_json::Value` used by the checks, where every wrong type becomes a diagnostic with a
//! JSON pointer instead of failing the whole record. From JSON text, `check::fast` builds the
//! same [`Publication`] without a `Value` tree when this reader would have nothing to report.

use std::borrow::Cow;
use std::fmt::{self, Display};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::codes::*;
use crate::diagnostics::{Diagnostic, message, pointer_token};
use crate::model::{Institution, Text};

/// A publication record (`"kind": "publication"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PublicationRecord {
    /// Always `publication`.
    pub kind: String,
    /// The CMS's own identifier, echoed in results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The publishing institution.
    pub institution: Institution,
    /// The catalogue item id, e.g. `admin.art20.01`.
    pub item: String,
    pub title: String,
    /// 文号, where the document has one (e.g. `某政发〔2026〕3号`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// Date the information was formed or changed (形成或者变更之日); the item's time limit runs from it.
    pub formed: NaiveDate,
    /// Date published; absent for a record about to be published (then `today` is used, if given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Date archived (归档), the last step of the chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<NaiveDate>,
    /// For periodic items: the period covered, `2025` (calendar year) or `2025-2026` (academic year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// `true`: nothing arose for the item in `period` (e.g. no land expropriated this year). Such a
    /// statement needs only `institution`, `item` and `period` (or `published`): the checks look at
    /// its item only, and the coverage audit counts the item as covered, not missing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nothing_arose: bool,
    /// Channels (公开渠道), e.g. `government_website`, `government_gazette`.
    pub channels: Vec<String>,
    /// The item's content elements (公开内容要素), keyed as in the catalogue.
    #[serde(default)]
    pub fields: Map<String, Value>,
    /// The published text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// The review trail (条例 Art 17): business, legal and confidentiality sign-offs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<Review>,
    /// The policy interpretation (政策解读) published with the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Interpretation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Disclosure>,
    /// The decision this record published was later changed or revoked (行政处罚法 Art 48 ¶2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal>,
}

/// What happened to a published decision afterwards, and when its publication was withdrawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Withdrawal {
    pub cause: WithdrawalCause,
    /// Date the decision was changed, revoked, or confirmed unlawful or void; the time limit runs from it.
    pub date: NaiveDate,
    /// Date the published decision was withdrawn; absent while it is still up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<NaiveDate>,
    /// The published statement of reasons (公开说明理由).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<String>,
}

/// Why a published decision must be withdrawn (行政处罚法 Art 48 ¶2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WithdrawalCause {
    /// 被依法变更
    Changed,
    /// 被依法撤销
    Revoked,
    /// 被确认违法
    ConfirmedUnlawful,
    /// 被确认无效
    ConfirmedVoid,
}

/// The causes as records spell them, in the law's order.
pub(crate) const WITHDRAWAL_CAUSES: [&str; 4] = ["changed", "revoked", "confirmed_unlawful", "confirmed_void"];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attachment {
    pub name: String,
    /// Extracted text, screened like the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The file as it will be published, relative to the record's file (`files/名单.xlsx`);
    /// `gongkai check` reads and screens it (see `check::attachments::screen_attachment_files`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// One sign-off in the review trail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Review {
    pub stage: ReviewStage,
    pub date: NaiveDate,
    /// Who signed, by role (e.g. `科室负责人`, `法制机构`, `保密审查员`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer_role: Option<String>,
    #[serde(default)]
    pub result: ReviewResult,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReviewStage {
    /// 业务审核 by the drafting office.
    Business,
    /// 合法性审核 by the legal office.
    Legal,
    /// 保密审查 (条例 Art 17).
    Confidentiality,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReviewResult {
    #[default]
    Approved,
    Rejected,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Interpretation {
    pub published: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Disclosure {
    pub status: DisclosureStatus,
    /// Exemption ground ids from `catalogues/grounds.yaml`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grounds: Vec<String>,
    /// The statement of reasons (说明理由).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<String>,
    /// The written consultation of the third party (条例 Art 32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party_consultation: Option<ThirdPartyConsultation>,
    /// The assessment of whether withholding would seriously harm the public interest (条例 Art 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_interest_assessment: Option<PublicInterestAssessment>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DisclosureStatus {
    Full,
    Partial,
    Withheld,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ThirdPartyConsultation {
    /// Date the consultation letter was sent.
    pub sent: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party: Option<String>,
    /// `consent`, `objection` or `no_reply`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replied: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PublicInterestAssessment {
    pub date: NaiveDate,
    /// `withhold` or `disclose`.
    pub conclusion: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<String>,
}

// ── lenient reading ─────────────────────────────────────────────────────────────────────────

/// An institution as a record names it, borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InstitutionRef<'a> {
    pub kind: &'a str,
    pub tier: &'a str,
    pub role: Option<&'a str>,
    pub sector: Option<&'a str>,
}

impl InstitutionRef<'_> {
    pub fn to_owned(&self) -> Institution {
        Institution {
            kind: self.kind.to_owned(),
            tier: self.tier.to_owned(),
            role: self.role.map(str::to_owned),
            sector: self.sector.map(str::to_owned),
            name: None,
        }
    }
}

#[derive(Debug)]
pub struct ReviewRef {
    pub index: usize,
    pub stage: Option<ReviewStage>,
    pub date: Option<NaiveDate>,
    pub result: ReviewResult,
}

#[derive(Debug)]
pub struct InterpretationRef {
    pub published: Option<NaiveDate>,
}

/// A record's `withdrawal`, read leniently.
#[derive(Debug)]
pub struct WithdrawalRef {
    pub date: Option<NaiveDate>,
    pub withdrawn: Option<NaiveDate>,
    pub has_reasons: bool,
}

#[derive(Debug)]
pub struct DisclosureRef<'a> {
    pub status: Option<DisclosureStatus>,
    /// (index, ground id)
    pub grounds: Vec<(usize, &'a str)>,
    pub has_reasons: bool,
    pub has_consultation: bool,
    pub has_assessment: bool,
}

/// A record's `fields` as the checks read them: the object as a `Value` (the lenient reader's
/// form), or its members as the fast reader lends them.
///
/// Built as a `Value` (a map node and a `String` per key and value, then freed), a typical
/// record's three text elements cost the check threads about a tenth of a record's check.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Fields<'a> {
    /// A `Value::Object`.
    Object(&'a Value),
    /// The members in key order (byte order, as a `Value`'s map keeps them), each key once.
    Members(&'a [Member<'a>]),
}

/// One member of a record's `fields`, as the fast reader lends it.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub value: MemberValue<'a>,
}

/// A member's value: a string (borrowed from the record unless it had escapes), or any other
/// JSON value.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum MemberValue<'a> {
    Str(Cow<'a, str>),
    Other(Value),
}

impl<'a> Fields<'a> {
    /// The string value of `key`, if it has one.
    pub fn get_str(&self, key: &str) -> Option<&'a str> {
        match *self {
            Fields::Object(v) => v.get(key).and_then(Value::as_str),
            Fields::Members(members) => match &members[members.binary_search_by(|m| (*m.key).cmp(key)).ok()?].value {
                MemberValue::Str(s) => Some(s),
                MemberValue::Other(_) => None,
            },
        }
    }

    /// Calls `f(key, text)` for each member whose value is a string, in key order.
    pub fn for_each_str(&self, mut f: impl FnMut(&'a str, &'a str)) {
        match *self {
            Fields::Object(Value::Object(map)) => map.iter().for_each(|(k, v)| {
                if let Value::String(s) = v {
                    f(k, s)
                }
            }),
            Fields::Object(_) => {}
            Fields::Members(members) => members.iter().for_each(|m| {
                if let MemberValue::Str(s) = &m.value {
                    f(&m.key, s)
                }
            }),
        }
    }

    /// The object as a `Value` (built from the members, or lent).
    pub fn to_value(&self) -> Cow<'a, Value> {
        match *self {
            Fields::Object(v) => Cow::Borrowed(v),
            Fields::Members(members) => Cow::Owned(Value::Object(
                members
                    .iter()
                    .map(|m| {
                        let value = match &m.value {
                            MemberValue::Str(s) => Value::String(s.to_string()),
                            MemberValue::Other(v) => v.clone(),
                        };
                        (m.key.to_string(), value)
                    })
                    .collect(),
            )),
        }
    }
}

/// A publication record read leniently from JSON, borrowing its strings.
#[derive(Debug, Default)]
pub struct Publication<'a> {
    pub institution: Option<InstitutionRef<'a>>,
    pub item: Option<&'a str>,
    pub document_number: Option<&'a str>,
    pub formed: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub archived: Option<NaiveDate>,
    pub period: Option<&'a str>,
    /// (index, channel); `None` when `channels` is absent.
    pub channels: Option<Vec<(usize, &'a str)>>,
    pub fields: Option<Fields<'a>>,
    pub body: Option<&'a str>,
    /// (index, text) of attachments with extracted text.
    pub attachment_texts: Vec<(usize, &'a str)>,
    pub review: Option<Vec<ReviewRef>>,
    pub interpretation: Option<InterpretationRef>,
    pub disclosure: Option<DisclosureRef<'a>>,
    /// `"nothing_arose": true`: a statement that nothing arose for the item in the period (no
    /// land expropriated this year), not a publication: only its institution and item are checked.
    pub nothing_arose: bool,
    pub withdrawal: Option<WithdrawalRef>,
}

/// Reads fields of a JSON object, reporting each problem once.
pub(crate) struct Reader<'d> {
    pub diags: &'d mut Vec<Diagnostic>,
}

/// The JSON type of a value, for messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Parse `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
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

/// The keys of one record object that the reader looks at, found in one pass over its entries.
/// A `BTreeMap` lookup per key (a string comparison per tree level, some 25 lookups a record)
/// cost a third of checking a parsed record.
pub(crate) struct Obj<'v> {
    slots: [Option<&'v Value>; KEY_COUNT],
}

const KEY_COUNT: usize = 39;

/// The slot of a key the reader knows (every key of every object in a record, one slot per
/// name: an object is read into its own [`Obj`]).
fn key_slot(key: &str) -> Option<usize> {
    Some(match key {
        "kind" => 0,
        "institution" => 1,
        "item" => 2,
        "title" => 3,
        "document_number" => 4,
        "formed" => 5,
        "published" => 6,
        "archived" => 7,
        "period" => 8,
        "channels" => 9,
        "fields" => 10,
        "body" => 11,
        "attachments" => 12,
        "review" => 13,
        "interpretation" => 14,
        "disclosure" => 15,
        "tier" => 16,
        "role" => 17,
        "sector" => 18,
        "name" => 19,
        "text" => 20,
        "stage" => 21,
        "date" => 22,
        "result" => 23,
        "reviewer_role" => 24,
        "url" => 25,
        "status" => 26,
        "grounds" => 27,
        "reasons" => 28,
        "third_party_consultation" => 29,
        "public_interest_assessment" => 30,
        "sent" => 31,
        "replied" => 32,
        "third_party" => 33,
        "reply" => 34,
        "conclusion" => 35,
        "withdrawal" => 36,
        "cause" => 37,
        "withdrawn" => 38,
        _ => return None,
    })
}

impl<'v> Obj<'v> {
    pub fn new(map: &'v Map<String, Value>) -> Self {
        let mut slots = [None; KEY_COUNT];
        for (k, v) in map {
            if let Some(i) = key_slot(k) {
                slots[i] = Some(v);
            }
        }
        Obj { slots }
    }

    /// The value of `key`; a key the reader does not know has no slot (a bug: tested).
    pub fn get(&self, key: &str) -> Option<&'v Value> {
        debug_assert!(key_slot(key).is_some(), "the reader asks for `{key}`, which has no slot");
        key_slot(key).and_then(|i| self.slots[i])
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl Reader<'_> {
    pub fn wrong_type(&mut self, path: String, expected: &str, found: &Value) {
        let found = type_name(found);
        self.diags.push(Diagnostic::new(
            &RECORD_WRONG_TYPE,
            path.clone(),
            message!("`{0}` 应为 {1}，实际为 {2}", "`{0}` should be {1}, found {2}", path, expected, found),
        ));
    }

    pub fn missing(&mut self, path: String, what_zh: &str) {
        self.diags.push(Diagnostic::new(
            &RECORD_MISSING_FIELD,
            path.clone(),
            message!("缺少必填字段 `{0}`（{1}）", "required field `{0}` is missing", path, what_zh),
        ));
    }

    pub fn invalid_value(&mut self, path: String, value: &str, allowed: &[&str]) {
        let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
        self.diags.push(
            Diagnostic::new(
                &RECORD_INVALID_VALUE,
                path.clone(),
                message!("`{0}` 的值 `{1}` 无效", "`{0}` has invalid value `{1}`", path, value),
            )
            .with_help(message!("允许的值：{0}", "allowed values: {0}", list)),
        );
    }

    /// A string, or `None` (absent, null, or reported as the wrong type).
    pub fn str<'v>(&mut self, obj: &Obj<'v>, key: &str, base: impl Display) -> Option<&'v str> {
        match obj.get(key)? {
            Value::String(s) => Some(s),
            Value::Null => None,
            other => {
                self.wrong_type(format!("{base}/{key}"), "string", other);
                None
            }
        }
    }

    /// A date string, strictly `YYYY-MM-DD`.
    pub fn date(&mut self, obj: &Obj<'_>, key: &str, base: impl Display) -> Option<NaiveDate> {
        let s = self.str(obj, key, &base)?;
        let d = parse_date(s);
        if d.is_none() {
            let path = format!("{base}/{key}");
            self.diags.push(
                Diagnostic::new(
                    &RECORD_INVALID_DATE,
                    path.clone(),
                    message!("`{0}` 的日期 `{1}` 无效", "`{0}` has invalid date `{1}`", path, s),
                )
                .with_help(Text::new(
                    "日期写作 YYYY-MM-DD，如 2026-03-02",
                    "write dates as YYYY-MM-DD, e.g. 2026-03-02",
                )),
            );
        }
        d
    }

    pub fn object<'v>(&mut self, obj: &Obj<'v>, key: &str, base: &str) -> Option<Obj<'v>> {
        match obj.get(key)? {
            Value::Object(m) => Some(Obj::new(m)),
            Value::Null => None,
            other => {
                self.wrong_type(format!("{base}/{key}"), "object", other);
                None
            }
        }
    }

    pub fn array<'v>(&mut self, obj: &Obj<'v>, key: &str, base: &str) -> Option<&'v [Value]> {
        match obj.get(key)? {
            Value::Array(a) => Some(a),
            Value::Null => None,
            other => {
                self.wrong_type(format!("{base}/{key}"), "array", other);
                None
            }
        }
    }

    /// The strings of an array, reporting non-strings.
    pub fn strings<'v>(&mut self, arr: &'v [Value], base: &str) -> Vec<(usize, &'v str)> {
        let mut out = Vec::with_capacity(arr.len());
        for (i, v) in arr.iter().enumerate() {
            match v {
                Value::String(s) => out.push((i, s.as_str())),
                other => self.wrong_type(format!("{base}/{i}"), "string", other),
            }
        }
        out
    }
}

/// Read a publication record; `obj` is the record object.
pub(crate) fn read_publication<'a>(obj: &'a Map<String, Value>, r: &mut Reader<'_>) -> Publication<'a> {
    let obj = &Obj::new(obj);
    let mut p = Publication::default();
    p.institution = read_institution(obj, r);
    p.item = r.str(obj, "item", "");
    if p.item.is_none() && !obj.contains_key("item") {
        r.missing("/item".into(), "公开事项标识");
    }
    if r.str(obj, "title", "").is_none() && !obj.contains_key("title") {
        r.missing("/title".into(), "标题");
    }
    p.document_number = r.str(obj, "document_number", "");
    p.formed = r.date(obj, "formed", "");
    if !obj.contains_key("formed") {
        r.missing("/formed".into(), "形成或者变更日期");
    }
    p.published = r.date(obj, "published", "");
    p.archived = r.date(obj, "archived", "");
    p.period = r.str(obj, "period", "");
    p.channels = r.array(obj, "channels", "").map(|a| r.strings(a, "/channels"));
    p.fields = match obj.get("fields") {
        Some(v @ Value::Object(_)) => Some(Fields::Object(v)),
        None | Some(Value::Null) => None,
        Some(other) => {
            r.wrong_type("/fields".into(), "object", other);
            None
        }
    };
    p.body = r.str(obj, "body", "");
    if let Some(atts) = r.array(obj, "attachments", "") {
        for (i, a) in atts.iter().enumerate() {
            match a {
                Value::Object(m) => {
                    let m = &Obj::new(m);
                    let base = Indexed("/attachments", i);
                    r.str(m, "name", &base);
                    if let Some(t) = r.str(m, "text", &base) {
                        p.attachment_texts.push((i, t));
                    }
                }
                other => r.wrong_type(format!("/attachments/{i}"), "object", other),
            }
        }
    }
    if let Some(reviews) = r.array(obj, "review", "") {
        let mut out = Vec::with_capacity(reviews.len());
        for (i, v) in reviews.iter().enumerate() {
            let base = Indexed("/review", i);
            let Value::Object(m) = v else {
                r.wrong_type(base.to_string(), "object", v);
                continue;
            };
            let m = &Obj::new(m);
            let stage = match r.str(m, "stage", &base) {
                Some("business") => Some(ReviewStage::Business),
                Some("legal") => Some(ReviewStage::Legal),
                Some("confidentiality") => Some(ReviewStage::Confidentiality),
                Some(other) => {
                    r.invalid_value(format!("{base}/stage"), other, &["business", "legal", "confidentiality"]);
                    None
                }
                None => {
                    if !m.contains_key("stage") {
                        r.missing(format!("{base}/stage"), "审查环节");
                    }
                    None
                }
            };
            let date = r.date(m, "date", &base);
            if !m.contains_key("date") {
                r.missing(format!("{base}/date"), "审查日期");
            }
            let result = match r.str(m, "result", &base) {
                None | Some("approved") => ReviewResult::Approved,
                Some("rejected") => ReviewResult::Rejected,
                Some(other) => {
                    r.invalid_value(format!("{base}/result"), other, &["approved", "rejected"]);
                    ReviewResult::Approved
                }
            };
            r.str(m, "reviewer_role", &base);
            out.push(ReviewRef { index: i, stage, date, result });
        }
        p.review = Some(out);
    }
    if let Some(m) = &r.object(obj, "interpretation", "") {
        let published = r.date(m, "published", "/interpretation");
        if !m.contains_key("published") {
            r.missing("/interpretation/published".into(), "解读发布日期");
        }
        r.str(m, "title", "/interpretation");
        r.str(m, "url", "/interpretation");
        p.interpretation = Some(InterpretationRef { published });
    }
    if let Some(m) = &r.object(obj, "disclosure", "") {
        p.disclosure = Some(read_disclosure(m, r));
    }
    if let Some(m) = &r.object(obj, "withdrawal", "") {
        p.withdrawal = Some(read_withdrawal(m, r));
    }
    p
}

fn read_withdrawal(m: &Obj<'_>, r: &mut Reader<'_>) -> WithdrawalRef {
    let base = "/withdrawal";
    match r.str(m, "cause", base) {
        Some(c) if WITHDRAWAL_CAUSES.contains(&c) => {}
        Some(other) => r.invalid_value(format!("{base}/cause"), other, &WITHDRAWAL_CAUSES),
        None if !m.contains_key("cause") => r.missing(format!("{base}/cause"), "撤回原因"),
        None => {}
    }
    let date = r.date(m, "date", base);
    if !m.contains_key("date") {
        r.missing(format!("{base}/date"), "变更、撤销或者确认的日期");
    }
    let withdrawn = r.date(m, "withdrawn", base);
    let has_reasons = r.str(m, "reasons", base).is_some_and(|s| !s.trim().is_empty());
    WithdrawalRef { date, withdrawn, has_reasons }
}

fn read_institution<'a>(obj: &Obj<'a>, r: &mut Reader<'_>) -> Option<InstitutionRef<'a>> {
    let Some(m) = &r.object(obj, "institution", "") else {
        if !obj.contains_key("institution") {
            r.missing("/institution".into(), "公开主体");
        }
        return None;
    };
    let kind = r.str(m, "kind", "/institution");
    let tier = r.str(m, "tier", "/institution");
    for (key, v) in [("kind", kind), ("tier", tier)] {
        if v.is_none() && !m.contains_key(key) {
            r.missing(format!("/institution/{key}"), "机构类别或层级");
        }
    }
    let role = r.str(m, "role", "/institution");
    let sector = r.str(m, "sector", "/institution");
    r.str(m, "name", "/institution");
    Some(InstitutionRef { kind: kind?, tier: tier?, role, sector })
}

fn read_disclosure<'a>(m: &Obj<'a>, r: &mut Reader<'_>) -> DisclosureRef<'a> {
    let status = match r.str(m, "status", "/disclosure") {
        Some("full") => Some(DisclosureStatus::Full),
        Some("partial") => Some(DisclosureStatus::Partial),
        Some("withheld") => Some(DisclosureStatus::Withheld),
        Some(other) => {
            r.invalid_value("/disclosure/status".into(), other, &["full", "partial", "withheld"]);
            None
        }
        None => {
            if !m.contains_key("status") {
                r.missing("/disclosure/status".into(), "公开方式");
            }
            None
        }
    };
    let grounds = r.array(m, "grounds", "/disclosure").map(|a| r.strings(a, "/disclosure/grounds")).unwrap_or_default();
    let has_reasons = r.str(m, "reasons", "/disclosure").is_some_and(|s| !s.trim().is_empty());
    let has_consultation = match &r.object(m, "third_party_consultation", "/disclosure") {
        Some(c) => {
            let base = "/disclosure/third_party_consultation";
            let sent = r.date(c, "sent", base);
            if !c.contains_key("sent") {
                r.missing(format!("{base}/sent"), "征求意见日期");
            }
            r.date(c, "replied", base);
            r.str(c, "third_party", base);
            if let Some(reply) = r.str(c, "reply", base) {
                if !matches!(reply, "consent" | "objection" | "no_reply") {
                    r.invalid_value(format!("{base}/reply"), reply, &["consent", "objection", "no_reply"]);
                }
            }
            sent.is_some()
        }
        None => false,
    };
    let has_assessment = match &r.object(m, "public_interest_assessment", "/disclosure") {
        Some(a) => {
            let base = "/disclosure/public_interest_assessment";
            let date = r.date(a, "date", base);
            if !a.contains_key("date") {
                r.missing(format!("{base}/date"), "评估日期");
            }
            let conclusion = r.str(a, "conclusion", base);
            match conclusion {
                Some("withhold" | "disclose") => {}
                Some(other) => r.invalid_value(format!("{base}/conclusion"), other, &["withhold", "disclose"]),
                None if !a.contains_key("conclusion") => r.missing(format!("{base}/conclusion"), "评估结论"),
                None => {}
            }
            r.str(a, "reasons", base);
            date.is_some() && conclusion.is_some()
        }
        None => false,
    };
    DisclosureRef { status, grounds, has_reasons, has_consultation, has_assessment }
}

/// Append an escaped token to a JSON pointer.
pub(crate) fn join_pointer(base: &str, token: &str) -> String {
    format!("{base}/{}", pointer_token(token))
}

/// `{base}/{index}`, written only if a diagnostic needs it (most records have no error).
struct Indexed(&'static str, usize);

impl Display for Indexed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.0, self.1)
    }
}
