use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Status, Text};

/// One catalogue item (公开事项): something an institution must (or may) disclose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable identifier, lowercase dotted, e.g. `admin.art20.01`. Never reused for another item.
    pub id: String,
    /// Title as the instrument states it (zh) and a working translation (en).
    pub title: Text,
    /// Category path: 一级事项 then 二级事项 (Chinese, as the catalogue names them).
    pub category: Vec<String>,
    /// Content elements (公开内容要素) a publication of this item carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<Element>,
    /// Elements required only for some kinds of publication of the item: when an `enum`
    /// element takes one of the variant's values (a penalty decision rather than the rules of
    /// penalties), the variant's elements are required too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// Legal basis: at least one instrument + article.
    pub basis: Vec<Citation>,
    /// Proactive (主动) or on request (依申请).
    pub mode: Mode,
    /// When it must be published.
    pub timing: Timing,
    /// Who is responsible (公开主体), in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Channels (公开渠道和载体) through which it is published; empty means any channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<String>,
    /// Who it is for (公开对象).
    #[serde(default)]
    pub audience: Audience,
    /// The grassroots standard-catalogue domain (基层政务公开标准目录领域) of this row, by its id in
    /// `catalogues/domains.yaml` (e.g. `社会救助`). Rows of a template with a `domain` inherit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// 公开层级: the grassroots levels that publish this row, by id in `catalogues/domains.yaml`
    /// (`county` 县级, `township` 乡级, `village` 村级). Empty means every tier the template applies to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<String>,
    /// Tiers within the template's kind this item applies to; empty means all the template's tiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// Roles this item applies to (e.g. only `government`); empty means every role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Sectors this item applies to (e.g. only `education` departments); empty means every sector.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Flags::is_empty")]
    pub flags: Flags,
    /// Exemption grounds that may not be cited against this item (a law or rule requires its
    /// disclosure: 条例 Art 16 ¶2 "从其规定").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_grounds: Vec<String>,
    /// Personal data this item lawfully carries, and how it must be masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<PersonalDataRule>,
    /// `unverified` when the reference could not confirm the item: users see it.
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub status: Status,
    /// A short note for editors (in Chinese and English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A published record of this item that is later changed or revoked must be withdrawn
    /// within a time limit (行政处罚法 Art 48 ¶2: three working days, Art 85).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<WithdrawalRule>,
}

/// The duty to withdraw a published record once the decision it publishes is changed,
/// revoked, confirmed unlawful or confirmed void, and to publish the reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct WithdrawalRule {
    /// Working days from the change (the start day not counted).
    pub working_days: u32,
    /// Whether the reasons for the withdrawal must be published (公开说明理由).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reasons_required: bool,
    pub basis: Vec<Citation>,
}

impl Item {
    /// Whether the item is a duty (proactive disclosure) rather than a service on request.
    pub fn is_mandatory(&self) -> bool {
        self.mode == Mode::Proactive
    }
}

/// A content element (公开内容要素) of an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// Key of the element in a record's `fields`, snake_case.
    pub key: String,
    pub title: Text,
    #[serde(rename = "type")]
    pub kind: ElementType,
    /// Whether a publication of the item must carry it.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// Allowed values, for `type: enum`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// A kind of publication of an item, told by the value of one of its `enum` elements, with
/// the elements that kind must carry besides the item's always-required ones. In the item's
/// JSON Schema it is an `if` (the element has one of `values`) / `then` (`requires`) pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Key of the `enum` element that selects the variant, e.g. `publication_type`.
    pub element: String,
    /// The values of that element that select it, e.g. `[行政处罚决定]`.
    pub values: Vec<String>,
    /// Keys of the elements a publication of this kind must carry.
    pub requires: Vec<String>,
    /// The provision that says what this kind of publication contains.
    pub basis: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

/// The type of a content element; each maps to a JSON Schema type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ElementType {
    /// Free text (a non-empty string).
    Text,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A whole number ≥ 0 (counts).
    Integer,
    /// A number (rates, shares).
    Number,
    /// An amount of money in yuan (a number ≥ 0).
    Money,
    /// A web address.
    Url,
    /// A phone number as published (an office line, a hotline).
    Phone,
    Boolean,
    /// A list of texts.
    TextList,
    /// One of `values`.
    Enum,
    /// A table: a list of objects (rows).
    Table,
    /// An attached document (its name).
    Attachment,
}

/// Proactive (主动公开) or on request (依申请公开).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Mode {
    #[default]
    Proactive,
    OnRequest,
}

/// Who an item is published for (公开对象).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Audience {
    /// 全社会
    #[default]
    Public,
    /// 特定群体 (e.g. applicants, patients, staff)
    SpecificGroups,
}

/// When an item must be published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Timing {
    /// Within `days` working days of `from` (the start day not counted).
    WithinWorkingDays {
        days: u32,
        #[serde(default)]
        from: TimingStart,
        basis: Citation,
    },
    /// Within `days` calendar days of `from`, where the law counts calendar days (预算法 Art 14).
    WithinDays {
        days: u32,
        #[serde(default)]
        from: TimingStart,
        basis: Citation,
    },
    /// Once per period, by the first `due` date (`MM-DD`) after the period ends.
    Periodic { period: Period, due: String, basis: Citation },
    /// Published as it happens (实时公开).
    RealTime {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        basis: Option<Citation>,
    },
    /// Published promptly (及时公开) without a number of days in the instrument.
    Timely {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        basis: Option<Citation>,
    },
    /// No time limit applies (on-request items).
    None,
}

impl Timing {
    /// A number comparable across timings of the same shape: smaller is stricter.
    /// `None` when the two timings are not of the same shape.
    pub fn limit_days(&self) -> Option<u32> {
        match self {
            Timing::WithinWorkingDays { days, .. } | Timing::WithinDays { days, .. } => Some(*days),
            _ => None,
        }
    }

    pub fn basis(&self) -> Option<&Citation> {
        match self {
            Timing::WithinWorkingDays { basis, .. }
            | Timing::WithinDays { basis, .. }
            | Timing::Periodic { basis, .. } => Some(basis),
            Timing::RealTime { basis } | Timing::Timely { basis } => basis.as_ref(),
            Timing::None => None,
        }
    }
}

/// What starts a time limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimingStart {
    /// The date the information was formed or changed (形成或者变更之日): 条例 Art 26.
    #[default]
    FormedOrChanged,
    /// The date it was made or obtained (制作或者获取).
    MadeOrObtained,
    /// The date it was approved (批准/批复): 预算法 Art 14.
    Approved,
}

/// The period of a periodic item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Period {
    /// 1 January – 31 December.
    CalendarYear,
    /// 1 September – 31 August (universities' annual reports).
    AcademicYear,
}

/// Flags on an item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Flags {
    /// An interpretation (政策解读) must be published with the document (文件+解读).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub interpretation_required: bool,
    /// Citation for the interpretation requirement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation_basis: Option<Citation>,
    /// A document number (文号) is expected on publications of this item.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub document_number: bool,
    /// A law requires its disclosure: Art 16 discretionary grounds cannot be cited against it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disclosure_required_by_law: bool,
}

impl Flags {
    pub fn is_empty(&self) -> bool {
        *self == Flags::default()
    }
}

/// Which elements of an item may lawfully carry personal data, and how it must be masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct PersonalDataRule {
    /// Element keys that may carry personal data (e.g. the name of a person penalised).
    pub fields: Vec<String>,
    /// Screening kinds (`resident_id`, `mobile`, …) that may appear in those fields only masked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masked: Vec<String>,
    /// Screening kinds that may appear unmasked in those fields (e.g. none; or `credit_code`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
