//! The publication record: what a CMS hands over about an item it publishes (or is about to).
//!
//! [`PublicationRecord`] and the types it holds declare the record's vocabulary once: serde and
//! schemars give `record.schema.json`, and the reader takes the member names it may read from
//! the same declaration ([`crate::record::declared_members`]). [`read_publication`] is the one
//! lenient reader: over any [`Node`] (a `Value`, or a tree borrowed from JSON text or a binding's
//! objects) it builds the borrowed [`Publication`] the rules see, and turns every problem (a
//! wrong type, a missing or invalid value, a bad date, an unknown member) into a diagnostic with
//! its JSON pointer instead of failing the whole record.

use std::collections::BTreeMap;
use std::fmt::{self, Display};
use std::sync::LazyLock;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::de::value::BorrowedStrDeserializer;
use serde::{Deserialize, Serialize};
use serde_json::Map;
use serde_json::Value;

use super::codes::*;
use crate::diagnostics::{Diagnostic, message};
use crate::model::Institution;
use crate::record::{
    ALLOWED_EXTRA, UnknownMembers, date_help, declared_members, declared_values, is_key, unknown_members,
};
pub use crate::record::{Node, parse_date};

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
    /// Date approved (批准), for items whose time limit runs from approval (a budget approved by
    /// the people's congress, 预算法 Art 14); the timeliness audit reads it, `formed` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<NaiveDate>,
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

/// A record's `fields`: an object, from whichever tree the record came in.
pub type Fields<'a> = Node<'a>;

/// A publication record read leniently, borrowing its strings.
#[derive(Debug, Default)]
pub struct Publication<'a> {
    /// The record itself, for the rules that look at every string (screening).
    pub root: Option<Node<'a>>,
    pub institution: Option<InstitutionRef<'a>>,
    pub item: Option<&'a str>,
    pub document_number: Option<&'a str>,
    pub formed: Option<NaiveDate>,
    /// For items whose time limit runs from approval (the coverage audit reads it).
    pub approved: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub archived: Option<NaiveDate>,
    pub period: Option<&'a str>,
    /// (index, channel); `None` when `channels` is absent.
    pub channels: Option<Vec<(usize, &'a str)>>,
    pub fields: Option<Fields<'a>>,
    pub body: Option<&'a str>,
    pub review: Option<Vec<ReviewRef>>,
    pub interpretation: Option<InterpretationRef>,
    pub disclosure: Option<DisclosureRef<'a>>,
    /// `"nothing_arose": true`: a statement that nothing arose for the item in the period (no
    /// land expropriated this year), not a publication: only its institution and item are checked.
    pub nothing_arose: bool,
    pub withdrawal: Option<WithdrawalRef>,
}

/// The members each object of a publication record declares, from [`PublicationRecord`].
static DECLARED: LazyLock<BTreeMap<String, Vec<String>>> = LazyLock::new(declared_members::<PublicationRecord>);

/// The declared members of the object type `def` (a type's name in the generated schema).
pub(crate) fn declared(def: &str) -> &'static [String] {
    // A dozen types: a scan comparing lengths first costs less than the map's byte comparisons.
    DECLARED.iter().find(|(name, _)| is_key(name, def)).map_or(&[], |(_, m)| m.as_slice())
}

/// Reads the members of a record's objects, reporting each problem once.
pub(crate) struct Reader<'d> {
    pub diags: &'d mut Vec<Diagnostic>,
    pub unknown: UnknownMembers,
}

/// An object of the record, with the type that declares its members.
#[derive(Clone, Copy)]
pub(crate) struct Obj<'v> {
    node: Node<'v>,
    def: &'static str,
}

impl<'v> Obj<'v> {
    /// The value of `key`, which must be a member `def` declares (a test asks every one).
    pub fn get(&self, key: &str) -> Option<Node<'v>> {
        debug_assert!(declared(self.def).iter().any(|k| k == key), "`{key}` is not declared by `{}`", self.def);
        self.node.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl Reader<'_> {
    pub fn wrong_type(&mut self, path: String, expected: &str, found: Node<'_>) {
        let found = found.type_name();
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

    /// The object `node` (at `base`) as the type `def`, its undeclared members reported.
    pub fn open<'v>(&mut self, node: Node<'v>, def: &'static str, base: impl Display, extra: &[&str]) -> Obj<'v> {
        unknown_members(node, base, declared(def), extra, self.unknown, self.diags);
        Obj { node, def }
    }

    /// A string, or `None` (absent, null, or reported as the wrong type).
    pub fn str<'v>(&mut self, obj: &Obj<'v>, key: &str, base: impl Display) -> Option<&'v str> {
        let v = obj.get(key)?;
        if let Some(s) = v.as_str() {
            return Some(s);
        }
        if !v.is_null() {
            self.wrong_type(format!("{base}/{key}"), "string", v);
        }
        None
    }

    /// A member whose value is one of the string enum `T`'s names (`ReviewStage`, …): read by
    /// `T`'s own serde names, and a value not among them reported with the names its declaration
    /// lists ([`declared_values`]), so no list of values is written here a second time.
    pub fn choice<T: DeserializeOwned + JsonSchema>(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        base: impl Display,
    ) -> Option<T> {
        let s = self.str(obj, key, &base)?;
        let read = T::deserialize(BorrowedStrDeserializer::<serde::de::value::Error>::new(s));
        if read.is_err() {
            self.invalid_value(format!("{base}/{key}"), s, declared_values::<T>());
        }
        read.ok()
    }

    /// A date string, strictly `YYYY-MM-DD`.
    pub fn date(&mut self, obj: &Obj<'_>, key: &str, base: impl Display) -> Option<NaiveDate> {
        let s = self.str(obj, key, &base)?;
        let d = parse_date(s);
        if d.is_none() {
            let path = format!("{base}/{key}");
            self.diags.push(
                Diagnostic::new(&RECORD_INVALID_DATE, path.clone(), crate::record::date_refused(s))
                    .with_help(date_help()),
            );
        }
        d
    }

    pub fn object<'v>(&mut self, obj: &Obj<'v>, key: &str, def: &'static str, base: &str) -> Option<Obj<'v>> {
        let v = obj.get(key)?;
        if v.is_object() {
            // The pointer is written only if a member is reported (most records have none).
            return Some(self.open(v, def, format_args!("{base}/{key}"), &[]));
        }
        if !v.is_null() {
            self.wrong_type(format!("{base}/{key}"), "object", v);
        }
        None
    }

    pub fn array<'v>(&mut self, obj: &Obj<'v>, key: &str, base: &str) -> Option<crate::record::Elements<'v>> {
        let v = obj.get(key)?;
        let items = v.elements();
        if items.is_none() && !v.is_null() {
            self.wrong_type(format!("{base}/{key}"), "array", v);
        }
        items
    }

    /// The strings of an array, reporting non-strings.
    pub fn strings<'v>(&mut self, arr: crate::record::Elements<'v>, base: &str) -> Vec<(usize, &'v str)> {
        let mut out = Vec::with_capacity(arr.len());
        for (i, v) in arr.enumerate() {
            match v.as_str() {
                Some(s) => out.push((i, s)),
                None => self.wrong_type(format!("{base}/{i}"), "string", v),
            }
        }
        out
    }
}

/// Read a publication record; `record` is the record object.
pub(crate) fn read_publication<'a>(record: Node<'a>, r: &mut Reader<'_>) -> Publication<'a> {
    let obj = &r.open(record, "PublicationRecord", "", ALLOWED_EXTRA);
    let mut p = Publication { root: Some(record), ..Publication::default() };
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
    p.approved = r.date(obj, "approved", "");
    p.period = r.str(obj, "period", "");
    p.channels = r.array(obj, "channels", "").map(|a| r.strings(a, "/channels"));
    p.fields = match obj.get("fields") {
        Some(v) if v.is_object() => Some(v),
        None => None,
        Some(v) if v.is_null() => None,
        Some(other) => {
            r.wrong_type("/fields".into(), "object", other);
            None
        }
    };
    p.body = r.str(obj, "body", "");
    if let Some(atts) = r.array(obj, "attachments", "") {
        for (i, a) in atts.enumerate() {
            let base = Indexed("/attachments", i);
            if !a.is_object() {
                r.wrong_type(base.to_string(), "object", a);
                continue;
            }
            let m = &r.open(a, "Attachment", base, &[]);
            r.str(m, "name", base);
            r.str(m, "text", base);
        }
    }
    if let Some(reviews) = r.array(obj, "review", "") {
        let mut out = Vec::with_capacity(reviews.len());
        for (i, v) in reviews.enumerate() {
            let base = Indexed("/review", i);
            if !v.is_object() {
                r.wrong_type(base.to_string(), "object", v);
                continue;
            }
            let m = &r.open(v, "Review", base, &[]);
            let stage = r.choice(m, "stage", base);
            if stage.is_none() && !m.contains_key("stage") {
                r.missing(format!("{base}/stage"), "审查环节");
            }
            let date = r.date(m, "date", base);
            if !m.contains_key("date") {
                r.missing(format!("{base}/date"), "审查日期");
            }
            let result = r.choice(m, "result", base).unwrap_or_default();
            r.str(m, "reviewer_role", base);
            out.push(ReviewRef { index: i, stage, date, result });
        }
        p.review = Some(out);
    }
    if let Some(m) = &r.object(obj, "interpretation", "Interpretation", "") {
        let published = r.date(m, "published", "/interpretation");
        if !m.contains_key("published") {
            r.missing("/interpretation/published".into(), "解读发布日期");
        }
        r.str(m, "title", "/interpretation");
        r.str(m, "url", "/interpretation");
        p.interpretation = Some(InterpretationRef { published });
    }
    if let Some(m) = &r.object(obj, "disclosure", "Disclosure", "") {
        p.disclosure = Some(read_disclosure(m, r));
    }
    if let Some(m) = &r.object(obj, "withdrawal", "Withdrawal", "") {
        p.withdrawal = Some(read_withdrawal(m, r));
    }
    p.nothing_arose = obj.get("nothing_arose").and_then(Node::as_bool) == Some(true);
    p
}

fn read_withdrawal(m: &Obj<'_>, r: &mut Reader<'_>) -> WithdrawalRef {
    let base = "/withdrawal";
    if r.choice::<WithdrawalCause>(m, "cause", base).is_none() && !m.contains_key("cause") {
        r.missing(format!("{base}/cause"), "撤回原因");
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
    let Some(m) = &r.object(obj, "institution", "Institution", "") else {
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
    let status = r.choice(m, "status", "/disclosure");
    if status.is_none() && !m.contains_key("status") {
        r.missing("/disclosure/status".into(), "公开方式");
    }
    let grounds = r.array(m, "grounds", "/disclosure").map(|a| r.strings(a, "/disclosure/grounds")).unwrap_or_default();
    let has_reasons = r.str(m, "reasons", "/disclosure").is_some_and(|s| !s.trim().is_empty());
    let has_consultation = match &r.object(m, "third_party_consultation", "ThirdPartyConsultation", "/disclosure") {
        Some(c) => {
            let base = "/disclosure/third_party_consultation";
            let sent = r.date(c, "sent", base);
            if !c.contains_key("sent") {
                r.missing(format!("{base}/sent"), "征求意见日期");
            }
            r.date(c, "replied", base);
            r.str(c, "third_party", base);
            if let Some(reply) = r.str(c, "reply", base)
                && !matches!(reply, "consent" | "objection" | "no_reply")
            {
                r.invalid_value(format!("{base}/reply"), reply, &["consent", "objection", "no_reply"]);
            }
            sent.is_some()
        }
        None => false,
    };
    let has_assessment = match &r.object(m, "public_interest_assessment", "PublicInterestAssessment", "/disclosure") {
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

/// `{base}/{index}`, written only if a diagnostic needs it (most records have no error).
#[derive(Clone, Copy)]
struct Indexed(&'static str, usize);

impl Display for Indexed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.0, self.1)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::Catalogue;
    use crate::check::{CheckOptions, Checker};
    use crate::diagnostics::Severity;

    fn record() -> serde_json::Value {
        json!({"kind": "publication", "institution": {"kind": "administrative", "tier": "county"},
            "item": "admin.art20.07", "title": "某县2026年预算", "formed": "2026-03-02",
            "publish_date": "2026-03-20", "channels": ["government_website"],
            "review": [{"stage": "confidentiality", "date": "2026-03-10", "signed_by": "x"}]})
    }

    #[test]
    fn unknown_members_are_warnings_or_errors_as_set() {
        let checker = Checker::new(Catalogue::embedded());
        let unknown = |opts: &CheckOptions| {
            let diags = checker.check_value(&record(), opts);
            diags.into_iter().filter(|d| d.code == "record_unknown_member").collect::<Vec<_>>()
        };
        let warned = unknown(&CheckOptions::default());
        let paths: Vec<_> = warned.iter().map(|d| d.path.to_string()).collect();
        assert_eq!(paths, ["/publish_date", "/review/0/signed_by"]);
        assert!(warned.iter().all(|d| d.severity == Severity::Warning));
        assert_eq!(warned[0].message.en(), "unknown member `publish_date`: did you mean `published`?");
        let strict = unknown(&CheckOptions::default().with_strict_members(true));
        assert!(strict.len() == 2 && strict.iter().all(|d| d.severity == Severity::Error));
    }

    #[test]
    fn every_object_the_reader_opens_is_declared() {
        for def in ["PublicationRecord", "Institution", "Attachment", "Review", "Interpretation", "Disclosure"] {
            assert!(!super::declared(def).is_empty(), "{def}");
        }
        for def in ["ThirdPartyConsultation", "PublicInterestAssessment", "Withdrawal"] {
            assert!(!super::declared(def).is_empty(), "{def}");
        }
    }
}
