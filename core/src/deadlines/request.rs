//! Request records (依申请公开, `"kind": "request"`): their timeline under 条例 Arts 30–36 and the
//! checks `gongkai check` runs on them.

use crate::diagnostics::code;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Deadline, Suspension, rules, working_days_after, working_days_after_excluding};
use crate::calendar::{Calendar, CalendarError};
use crate::catalogue::Catalogue;
use crate::diagnostics::{CodeInfo, Diagnostic};
use crate::model::{Nature, ResponseType, Text};
use crate::record::{ALLOWED_EXTRA, Node, UnknownMembers, declared_members, parse_date, unknown_members};

code!(
    INVALID_VALUE,
    "request",
    "request_invalid_value",
    Error,
    "",
    "申请记录的字段缺失或取值无效",
    "a request record field is missing or has an invalid value",
    r#"{"kind": "request", "received": "2026-02-30"}"#
);
code!(
    DATES_OUT_OF_ORDER,
    "request",
    "request_dates_out_of_order",
    Error,
    "",
    "申请记录的日期先后顺序不可能",
    "the dates of a request record are in an impossible order",
    r#""received": "2026-03-10", "reply_date": "2026-03-02""#
);
code!(
    REPLY_LATE,
    "request",
    "request_reply_late",
    Error,
    "政府信息公开条例第三十三条",
    "答复超过法定期限",
    "the reply came after the statutory time limit",
    r#""received": "2026-03-02", "reply_date": "2026-04-15" (due 2026-03-30)"#
);
code!(
    EXTENSION_TOO_LONG,
    "request",
    "request_extension_too_long",
    Error,
    "政府信息公开条例第三十三条第二款",
    "延长答复期限超过20个工作日",
    "the reply period was extended by more than 20 working days",
    r#""extension": {"approved": true, "notified": true, "working_days": 30}"#
);
code!(
    EXTENSION_WITHOUT_APPROVAL,
    "request",
    "request_extension_without_approval",
    Error,
    "政府信息公开条例第三十三条第二款",
    "延长答复期限未经政府信息公开工作机构负责人同意",
    "the extension was not approved by the head of the disclosure office",
    r#""extension": {"approved": false, "notified": true, "working_days": 10}"#
);
code!(
    EXTENSION_WITHOUT_NOTICE,
    "request",
    "request_extension_without_notice",
    Error,
    "政府信息公开条例第三十三条第二款",
    "延长答复期限未告知申请人",
    "the applicant was not told of the extension",
    r#""extension": {"approved": true, "notified": false, "working_days": 10}"#
);
code!(
    CORRECTION_NOTICE_LATE,
    "request",
    "request_correction_notice_late",
    Error,
    "政府信息公开条例第三十条",
    "补正告知超过收到申请之日起7个工作日",
    "the notice to correct the request came later than 7 working days after receipt",
    r#""corrections": [{"notice_date": "2026-03-20"}] (received 2026-03-02)"#
);
code!(
    GROUNDS_INCONSISTENT,
    "request",
    "request_grounds_inconsistent",
    Error,
    "政府信息公开条例第三十六条",
    "答复类型与所引不予公开理由不一致",
    "the response type does not fit the grounds cited",
    r#""response_type": "granted", "grounds": ["ogi.art14.state_secret"]"#
);
code!(
    REFUSAL_WITHOUT_GROUNDS,
    "request",
    "request_refusal_without_grounds",
    Error,
    "政府信息公开条例第三十六条第（三）项、第三十七条",
    "不予公开或部分公开未说明理由",
    "a refusal or partial disclosure cites no ground",
    r#""response_type": "denied", "grounds": []"#
);
code!(
    ART15_WITHOUT_CONSULTATION,
    "request",
    "request_art15_without_consultation",
    Warning,
    "政府信息公开条例第十五条、第三十二条",
    "以第十五条（商业秘密、个人隐私）不予公开但未征求第三方意见",
    "withheld under Art 15 (trade secret, privacy) without consulting the third party",
    r#""response_type": "denied", "grounds": ["ogi.art15.trade_secret"], "consultations": []"#
);
code!(
    FEE_IN_FREE_BAND,
    "request",
    "request_fee_in_free_band",
    Error,
    "政府信息公开信息处理费管理办法（国办函〔2020〕109号）",
    "在免费额度内收取了信息处理费",
    "an information processing fee was charged inside the free band",
    r#""fee": {"amount": 100, "pieces": 5}"#
);
code!(
    FEE_ABOVE_BANDS,
    "request",
    "request_fee_above_bands",
    Error,
    "政府信息公开信息处理费管理办法（国办函〔2020〕109号）",
    "信息处理费高于收费标准",
    "the fee charged is more than the bands allow",
    r#""fee": {"amount": 5000, "pieces": 30}"#
);
code!(
    UNKNOWN_GROUND,
    "request",
    "request_unknown_ground",
    Error,
    "",
    "引用了目录中没有的不予公开理由",
    "a ground id that is not in the catalogue",
    r#""grounds": ["ogi.art99.nothing"]"#
);
code!(
    CALENDAR_NOT_COVERED,
    "request",
    "request_calendar_not_covered",
    Warning,
    "",
    "日期所在年度没有节假日数据，无法计算期限",
    "a date lies in a year without calendar data, so the time limit cannot be computed",
    r#""received": "2027-03-02""#
);

code!(
    OVERDUE_UNANSWERED,
    "request",
    "request_overdue_unanswered",
    Error,
    "政府信息公开条例第三十三条",
    "尚未答复，已超过法定答复期限",
    "no reply yet, and the statutory time limit has passed",
    r#""received": "2026-03-02", no "reply_date", today 2026-04-15 (due 2026-03-30)"#
);
code!(
    DUE_SOON,
    "request",
    "request_due_soon",
    Warning,
    "政府信息公开条例第三十三条",
    "尚未答复，答复期限将至",
    "no reply yet, and the time limit is only a few working days away",
    r#""received": "2026-03-02", no "reply_date", today 2026-03-26 (due 2026-03-30)"#
);

/// Diagnostic codes for request records.
pub static CODES: &[&CodeInfo] = &[
    &INVALID_VALUE,
    &DATES_OUT_OF_ORDER,
    &REPLY_LATE,
    &EXTENSION_TOO_LONG,
    &EXTENSION_WITHOUT_APPROVAL,
    &EXTENSION_WITHOUT_NOTICE,
    &CORRECTION_NOTICE_LATE,
    &GROUNDS_INCONSISTENT,
    &REFUSAL_WITHOUT_GROUNDS,
    &ART15_WITHOUT_CONSULTATION,
    &FEE_IN_FREE_BAND,
    &FEE_ABOVE_BANDS,
    &UNKNOWN_GROUND,
    &CALENDAR_NOT_COVERED,
    &OVERDUE_UNANSWERED,
    &DUE_SOON,
];

/// A request record (依申请公开) as a case system hands it over.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RequestRecord {
    /// Always `request`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The institution that received the request (reports built from request records group by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<crate::model::Institution>,
    /// Who asked (条例 Art 29 ¶2(一) 申请人的姓名或者名称), by name or the case system's own
    /// applicant id: the 条例 Art 44 candidates count the different applicants of the same request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<String>,
    /// The information asked for, in the request's words (条例 Art 29 ¶2(二)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<String>,
    /// Who asked, by kind: the applicant columns of the annual report's table 三.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_type: Option<ApplicantType>,
    /// The day the request counts as received under 条例 Art 31 (see `channel`).
    pub received: NaiveDate,
    /// How it arrived (条例 Art 31): `in_person`, `registered_mail`, `ordinary_mail`, `online`, `fax`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Notices to correct an unclear request (条例 Art 30).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Third-party and co-maker consultations (条例 Arts 32–34).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultations: Vec<Consultation>,
    /// An extension of the reply period (条例 Art 33 ¶2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_date: Option<NaiveDate>,
    /// 条例 Art 36 response type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_type: Option<ResponseType>,
    /// Part disclosed, part withheld (条例 Art 37): the withheld part needs grounds.
    #[serde(default)]
    pub partial: bool,
    /// Ground ids from the catalogue (`gongkai grounds list`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grounds: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<FeeCharged>,
    /// How the request was closed without an 条例 Art 36 reply (table 三（六）其他处理); `closed`
    /// gives the day, and `response_type` stays absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure: Option<Closure>,
    /// The day the request was closed (see `closure`); the annual report counts it in that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    /// The row of table 三 the outcome is counted in (a row key of the annual-report format:
    /// `r3_5`, `r4_2`, `r6_3`, …), for when the response type, `closure` and the grounds' rows do
    /// not decide it; `gongkai report build` refuses a key that is not an outcome row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_row: Option<String>,
    /// An administrative reconsideration of the reply (table 四 行政复议).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconsideration: Option<Reconsideration>,
    /// An administrative suit over the reply (table 四 行政诉讼).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub litigation: Option<Litigation>,
}

/// Who asked, as the columns of table 三 name them (国办公开办函〔2021〕30号, 表三 申请人情况;
/// secondary: the columns as published reports and the format's templates print them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ApplicantType {
    /// 自然人
    NaturalPerson,
    /// 法人或其他组织：商业企业
    Commercial,
    /// 法人或其他组织：科研机构
    Research,
    /// 法人或其他组织：社会公益组织
    SocialWelfare,
    /// 法人或其他组织：法律服务机构
    LegalServices,
    /// 法人或其他组织：其他
    Other,
}

/// How a request was closed without an Art 36 reply: the rows of table 三（六）其他处理
/// (国办公开办函〔2021〕30号; secondary, as for the applicant types; the 2019 format has one row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Closure {
    /// （六）1 申请人无正当理由逾期不补正、行政机关不再处理 (条例第三十条: 视为放弃申请; confirmed).
    NoCorrection,
    /// （六）2 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理 (政府信息公开信息处理费管理办法,
    /// 国办函〔2020〕109号; secondary: read in a provincial notice restating it).
    FeeUnpaid,
    /// The applicant withdrew the request: counted in （六）3 其他 (unverified: the format has no
    /// row of its own for a withdrawal).
    Withdrawn,
    /// （六）3 其他.
    Other,
}

/// An administrative reconsideration of the reply (行政复议), as table 四 counts it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reconsideration {
    /// The day it was filed; table 四 counts it in that year (without it, in the reply's year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed: Option<NaiveDate>,
    /// Absent: `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
}

/// An administrative suit over the reply (行政诉讼), directly or after reconsideration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Litigation {
    /// The day it was filed; table 四 counts it in that year (without it, in the reply's year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed: Option<NaiveDate>,
    /// Absent: `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    /// Filed after a reconsideration (复议后起诉), not directly (未经复议直接起诉).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after_reconsideration: bool,
}

/// The outcome columns of table 四 (国办公开办函〔2021〕30号 表四; secondary, as for the applicant types).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CaseOutcome {
    /// 结果维持
    Upheld,
    /// 结果纠正
    Corrected,
    /// 其他结果
    Other,
    /// 尚未审结
    #[default]
    Pending,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Correction {
    /// The day the notice to correct was given.
    pub notice_date: NaiveDate,
    /// The day the corrected request was received; the reply clock runs from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected_received: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// A third party whose rights may be harmed (条例 Art 32).
    ThirdParty,
    /// Another organ that made the information jointly (条例 Art 34).
    CoMaker,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Consultation {
    pub party: Party,
    /// The day the consultation letter went out.
    pub start: NaiveDate,
    /// The day the reply came (or the 15 working days ran out).
    pub end: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Extension {
    /// Approved by the head of the disclosure office.
    pub approved: bool,
    /// The applicant was told.
    pub notified: bool,
    pub working_days: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FeeCharged {
    /// Yuan.
    pub amount: u64,
    /// Pieces this applicant requested in the natural month, this request included (per-piece charging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pieces: Option<u64>,
    /// Pages provided (per-page charging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u64>,
}

/// Options the 条例 leaves to local rules, and the day the request clock is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestSettings {
    /// A request received on a non-working day counts as received on the next working day.
    pub non_working_day_receipt_moves_to_next_working_day: bool,
    /// The day to read the clock of a request with no reply: past the limit is
    /// `request_overdue_unanswered`, within `due_soon_working_days` is `request_due_soon`.
    pub today: Option<NaiveDate>,
    /// Working days before the limit from which an unanswered request is due soon (default 5).
    pub due_soon_working_days: u32,
    /// How members the request format does not define are reported.
    pub unknown_members: UnknownMembers,
}

impl Default for RequestSettings {
    fn default() -> Self {
        RequestSettings {
            non_working_day_receipt_moves_to_next_working_day: false,
            today: None,
            due_soon_working_days: 5,
            unknown_members: UnknownMembers::Warn,
        }
    }
}

impl RequestSettings {
    /// The settings of the catalogue's overlays: an option is on when any loaded overlay switches it on.
    pub fn from_catalogue(cat: &Catalogue) -> Self {
        let on = cat
            .overlays()
            .iter()
            .any(|o| o.request_options.as_ref().is_some_and(|r| r.non_working_day_receipt_moves_to_next_working_day));
        RequestSettings { non_working_day_receipt_moves_to_next_working_day: on, ..Default::default() }
    }

    pub fn with_today(mut self, today: Option<NaiveDate>) -> Self {
        self.today = today;
        self
    }

    pub fn with_due_soon_working_days(mut self, days: u32) -> Self {
        self.due_soon_working_days = days;
        self
    }

    pub fn with_unknown_members(mut self, policy: UnknownMembers) -> Self {
        self.unknown_members = policy;
        self
    }

    pub fn with_next_working_day_receipt(mut self, on: bool) -> Self {
        self.non_working_day_receipt_moves_to_next_working_day |= on;
        self
    }
}

/// Where a request stands on its reply clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClockState {
    RepliedInTime,
    RepliedLate,
    /// No reply; the limit is more than the due-soon margin away.
    Running,
    /// No reply; the limit is within the due-soon margin.
    DueSoon,
    /// No reply; the limit has passed.
    Overdue,
}

/// The reply clock read on the reply date, or on `today` for a request with no reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct RequestClock {
    /// The day the clock is read.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub on: NaiveDate,
    /// The reply limit (with the extension, when there is one).
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub limit: NaiveDate,
    /// Working days counted from the clock's start to `on` (consultation periods not counted).
    pub working_days_elapsed: i64,
    /// Working days from `on` to the limit; negative: working days past it.
    pub working_days_left: i64,
    pub state: ClockState,
}

/// A request's timeline: when it counts as received, what was due when, and whether the reply was in time.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Timeline {
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub received: NaiveDate,
    /// The receipt date the clocks run from, after the non-working-day reading.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub effective_received: NaiveDate,
    /// Which reading of a non-working-day receipt was applied.
    pub receipt_reading: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction_notice_due: Option<Deadline>,
    /// The 20-working-day reply limit (from the corrected request when there was a correction),
    /// consultation periods excluded. `None` while a correction is outstanding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_due: Option<Deadline>,
    /// The reply limit with the extension added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_due: Option<Deadline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub reply_date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_in_time: Option<bool>,
    /// Working days elapsed and left, on the reply date or on `today`; absent while a correction
    /// is outstanding, or with neither a reply nor `today`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<RequestClock>,
}

impl Timeline {
    /// The provisional years (no notice loaded) any of the timeline's deadlines depend on.
    pub fn provisional_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = [&self.correction_notice_due, &self.reply_due, &self.extended_due]
            .into_iter()
            .flatten()
            .flat_map(|d| d.explanation.provisional.iter().map(|p| p.year))
            .collect();
        years.sort();
        years.dedup();
        years
    }
}

fn receipt_reading(settings: RequestSettings, moved: bool) -> Text {
    match (settings.non_working_day_receipt_moves_to_next_working_day, moved) {
        (true, true) => Text::new(
            "按地方规定，非工作日收到的申请视为下一工作日收到",
            "under the local rule, a request received on a non-working day counts as received on the next working day",
        ),
        (true, false) => Text::new(
            "适用非工作日收到顺延的地方规定；收到之日为工作日，无需顺延",
            "the local rule moving non-working-day receipts applies; the receipt day is a working day, so nothing moves",
        ),
        (false, _) => Text::new(
            "按条例第三十一条，以实际收到之日起算（不因非工作日顺延）",
            "under 条例 Art 31 the actual receipt date counts (not moved for a non-working day)",
        ),
    }
}

/// The timeline of a request under the embedded rules.
pub fn request_timeline(
    cal: &Calendar,
    record: &RequestRecord,
    settings: RequestSettings,
) -> Result<Timeline, CalendarError> {
    let r = rules();
    let received = record.received;
    let effective = if settings.non_working_day_receipt_moves_to_next_working_day {
        cal.working_day_on_or_after(received)?
    } else {
        received
    };
    let reading = receipt_reading(settings, effective != received);
    let with_rule = |mut d: Deadline, id: &str| {
        if let Some(rule) = r.rule(id) {
            d.explanation.rule = Some(rule.id.clone());
            d.explanation.basis.splice(0..0, rule.basis.iter().cloned());
        }
        d.explanation.notes.push(reading.clone());
        d
    };
    let days = |id: &str, fallback: u32| r.rule(id).map(|x| x.working_days).unwrap_or(fallback);
    let correction_notice_due = match record.corrections.first() {
        Some(_) => Some(with_rule(
            working_days_after(cal, effective, days("request_correction_notice", 7))?,
            "request_correction_notice",
        )),
        None => None,
    };
    // Art 30: after a correction notice the reply clock runs from receipt of the corrected request.
    let clock_start = match record.corrections.last() {
        Some(c) => c.corrected_received,
        None => Some(effective),
    };
    let suspensions: Vec<Suspension> = record
        .consultations
        .iter()
        .map(|c| Suspension {
            from: c.start,
            to: c.end,
            name: match c.party {
                Party::ThirdParty => Text::new("征求第三方意见（第三十二条）", "third-party consultation (Art 32)"),
                Party::CoMaker => Text::new("征求共同制作机关意见（第三十四条）", "co-maker consultation (Art 34)"),
            },
        })
        .collect();
    let reply_days = days("request_reply", 20);
    let mut reply_due = None;
    let mut extended_due = None;
    if let Some(start) = clock_start {
        let mut due = with_rule(working_days_after_excluding(cal, start, reply_days, &suspensions)?, "request_reply");
        if start != effective {
            due.explanation.notes.push(Text::new(
                "答复期限自收到补正后的申请之日起算（第三十条）",
                "the reply period runs from receipt of the corrected request (Art 30)",
            ));
        }
        if let Some(ext) = &record.extension {
            let max = days("request_extension", 20);
            let granted = ext.working_days.min(max);
            let mut d = with_rule(
                working_days_after_excluding(cal, start, reply_days + granted, &suspensions)?,
                "request_extension",
            );
            if ext.working_days > max {
                d.explanation.notes.push(Text::new(
                    format!("延长{}个工作日超过上限，按{max}个工作日计算", ext.working_days),
                    format!("an extension of {} working days exceeds the limit; {max} counted", ext.working_days),
                ));
            }
            extended_due = Some(d);
        }
        reply_due = Some(due);
    }
    let limit = extended_due.as_ref().or(reply_due.as_ref()).map(|d| d.due);
    let reply_in_time = match (record.reply_date, limit) {
        (Some(reply), Some(limit)) => Some(reply <= limit),
        _ => None,
    };
    let clock = match (clock_start, limit, record.reply_date.or(settings.today)) {
        (Some(start), Some(limit), Some(on)) => read_clock(cal, start, limit, on, &suspensions, record, settings),
        _ => None,
    };
    Ok(Timeline {
        received,
        effective_received: effective,
        receipt_reading: reading,
        correction_notice_due,
        reply_due,
        extended_due,
        reply_date: record.reply_date,
        reply_in_time,
        clock,
    })
}

/// Working days elapsed since `start` and left until `limit`, read on `on`. Consultation
/// periods do not count as elapsed (条例 Art 33 ¶3). `None` when `on` lies outside the calendar.
fn read_clock(
    cal: &Calendar,
    start: NaiveDate,
    limit: NaiveDate,
    on: NaiveDate,
    suspensions: &[Suspension],
    record: &RequestRecord,
    settings: RequestSettings,
) -> Option<RequestClock> {
    let mut elapsed = if on > start { cal.working_days_between(start, on).ok()? } else { 0 };
    for s in suspensions {
        let from = s.from.pred_opt().unwrap_or(s.from).max(start);
        let to = s.to.min(on);
        if to > from {
            elapsed -= cal.working_days_between(from, to).ok()?;
        }
    }
    let left = if on <= limit {
        cal.working_days_between(on, limit).ok()?
    } else {
        -cal.working_days_between(limit, on).ok()?
    };
    let state = match record.reply_date {
        Some(reply) if reply <= limit => ClockState::RepliedInTime,
        Some(_) => ClockState::RepliedLate,
        None if on > limit => ClockState::Overdue,
        None if left <= i64::from(settings.due_soon_working_days) => ClockState::DueSoon,
        None => ClockState::Running,
    };
    Some(RequestClock { on, limit, working_days_elapsed: elapsed.max(0), working_days_left: left, state })
}

/// Check a request record with the embedded calendar and the catalogue's overlay options.
pub fn check_request(cat: &Catalogue, record: &Value) -> Vec<Diagnostic> {
    check_request_with(cat, Calendar::embedded(), record, RequestSettings::from_catalogue(cat))
}

/// Check a request record with a given calendar and settings.
pub fn check_request_with(
    cat: &Catalogue,
    cal: &Calendar,
    record: &Value,
    settings: RequestSettings,
) -> Vec<Diagnostic> {
    check_request_node(cat, cal, Node::Value(record), settings)
}

/// Check a request record from whichever tree holds it (see [`crate::record`]).
pub fn check_request_node(
    cat: &Catalogue,
    cal: &Calendar,
    record: Node<'_>,
    settings: RequestSettings,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(record) = parse_record(record, settings.unknown_members, &mut out) else { return out };
    check_order(&record, &mut out);
    check_grounds(cat, &record, &mut out);
    check_fee(&record, &mut out);
    check_extension(&record, &mut out);
    if out.iter().any(|d| d.code == DATES_OUT_OF_ORDER.code) {
        return out;
    }
    match request_timeline(cal, &record, settings) {
        Ok(timeline) => {
            check_timeline(&record, &timeline, &mut out);
            check_clock(&timeline, &mut out);
            provisional_note(cal, &timeline, &mut out);
        }
        Err(e) => out.push(
            Diagnostic::new(&CALENDAR_NOT_COVERED, "/received", Text::new(format!("无法计算期限：{e}"), e.to_string()))
                .with_help(Text::new(
                    "用 --calendar 加载该年度的节假日安排",
                    "load that year's schedule with `--calendar FILE`",
                )),
        ),
    }
    out
}

fn check_timeline(record: &RequestRecord, t: &Timeline, out: &mut Vec<Diagnostic>) {
    if let (Some(due), Some(first)) = (&t.correction_notice_due, record.corrections.first())
        && first.notice_date > due.due
    {
        out.push(Diagnostic::new(
            &CORRECTION_NOTICE_LATE,
            "/corrections/0/notice_date",
            Text::new(
                format!("补正告知日`{}`晚于期限`{}`", first.notice_date, due.due),
                format!("correction notice on `{}` is after the limit `{}`", first.notice_date, due.due),
            ),
        ));
    }
    if let (Some(reply), Some(false)) = (record.reply_date, t.reply_in_time) {
        let limit = t.extended_due.as_ref().or(t.reply_due.as_ref()).map(|d| d.due);
        let limit = limit.map(|d| d.to_string()).unwrap_or_default();
        out.push(Diagnostic::new(
            &REPLY_LATE,
            "/reply_date",
            Text::new(
                format!("答复日`{reply}`晚于期限`{limit}`"),
                format!("reply on `{reply}` is after the limit `{limit}`"),
            ),
        ));
    }
}

fn check_clock(t: &Timeline, out: &mut Vec<Diagnostic>) {
    let Some(c) = &t.clock else { return };
    let (elapsed, left, limit, on) = (c.working_days_elapsed, c.working_days_left, c.limit, c.on);
    match c.state {
        ClockState::Overdue => out.push(
            Diagnostic::new(
                &OVERDUE_UNANSWERED,
                "/reply_date",
                Text::new(
                    format!("截至`{on}`尚未答复：期限`{limit}`已过{}个工作日（已用{elapsed}个工作日）", -left),
                    format!("no reply by `{on}`: the limit `{limit}` passed {} working day(s) ago ({elapsed} working days elapsed)", -left),
                ),
            )
            .with_help(Text::new("立即答复；需延长的，延长须在期限内决定并告知申请人（第三十三条）", "reply now; an extension must be decided and notified within the limit (Art 33)")),
        ),
        ClockState::DueSoon => out.push(Diagnostic::new(
            &DUE_SOON,
            "/reply_date",
            Text::new(
                format!("截至`{on}`尚未答复：距期限`{limit}`还剩{left}个工作日（已用{elapsed}个工作日）"),
                format!("no reply by `{on}`: {left} working day(s) left until the limit `{limit}` ({elapsed} working days elapsed)"),
            ),
        )),
        _ => {}
    }
}

/// Say so when the timeline's deadlines count days of a provisional year (no notice loaded).
fn provisional_note(cal: &Calendar, t: &Timeline, out: &mut Vec<Diagnostic>) {
    let years = t.provisional_years();
    let Some(first) = years.first().and_then(|y| cal.provisional_year(*y)) else { return };
    let list: Vec<String> = years.iter().map(i32::to_string).collect();
    out.push(
        Diagnostic::new(
            &crate::calendar::CALENDAR_PROVISIONAL,
            "/received",
            Text::new(
                format!("期限为暂定：{}年尚无节假日安排通知。{}", list.join("、"), first.reason.zh),
                format!("the time limits are provisional: no holiday notice for {} yet. {}", list.join(", "), first.reason.en),
            ),
        )
        .with_help(Text::new(
            "通知公布后用 `gongkai calendar import` 载入；或用 --strict-calendar 拒绝暂定年度",
            "load the notice once published (`gongkai calendar import`), or refuse provisional years with `--strict-calendar`",
        )),
    );
}

fn check_extension(r: &RequestRecord, out: &mut Vec<Diagnostic>) {
    let Some(ext) = &r.extension else { return };
    let max = rules().rule("request_extension").map(|x| x.working_days).unwrap_or(20);
    if ext.working_days > max {
        out.push(Diagnostic::new(
            &EXTENSION_TOO_LONG,
            "/extension/working_days",
            Text::new(
                format!("延长`{}`个工作日，最长{max}个工作日", ext.working_days),
                format!("extended by `{}` working days; at most {max}", ext.working_days),
            ),
        ));
    }
    if !ext.approved {
        out.push(Diagnostic::new(
            &EXTENSION_WITHOUT_APPROVAL,
            "/extension/approved",
            Text::new(
                "延长答复期限须经政府信息公开工作机构负责人同意",
                "an extension needs the disclosure office head's approval",
            ),
        ));
    }
    if !ext.notified {
        out.push(Diagnostic::new(
            &EXTENSION_WITHOUT_NOTICE,
            "/extension/notified",
            Text::new("延长答复期限须告知申请人", "the applicant must be told of an extension"),
        ));
    }
}

fn check_order(r: &RequestRecord, out: &mut Vec<Diagnostic>) {
    let mut before = |path: String, earlier: NaiveDate, later: NaiveDate, what_zh: &str, what_en: &str| {
        if later < earlier {
            out.push(Diagnostic::new(
                &DATES_OUT_OF_ORDER,
                path,
                Text::new(
                    format!("`{later}`早于{what_zh}`{earlier}`"),
                    format!("`{later}` is before {what_en} `{earlier}`"),
                ),
            ));
        }
    };
    if let Some(reply) = r.reply_date {
        before("/reply_date".into(), r.received, reply, "收到申请之日", "the receipt date");
    }
    if let Some(closed) = r.closed {
        before("/closed".into(), r.received, closed, "收到申请之日", "the receipt date");
    }
    for (i, c) in r.corrections.iter().enumerate() {
        before(format!("/corrections/{i}/notice_date"), r.received, c.notice_date, "收到申请之日", "the receipt date");
        if let Some(cr) = c.corrected_received {
            before(
                format!("/corrections/{i}/corrected_received"),
                c.notice_date,
                cr,
                "补正告知日",
                "the correction notice",
            );
        }
    }
    for (i, c) in r.consultations.iter().enumerate() {
        before(format!("/consultations/{i}/start"), r.received, c.start, "收到申请之日", "the receipt date");
        before(format!("/consultations/{i}/end"), c.start, c.end, "征求意见开始日", "the consultation's start");
    }
}

fn check_grounds(cat: &Catalogue, r: &RequestRecord, out: &mut Vec<Diagnostic>) {
    let mut qualified = false;
    for (i, id) in r.grounds.iter().enumerate() {
        match cat.ground(id) {
            Some(g) => qualified |= g.nature == Nature::Qualified,
            None if cat.ground_set().non_obligations.iter().any(|n| &n.id == id) => {}
            None => out.push(
                Diagnostic::new(
                    &UNKNOWN_GROUND,
                    format!("/grounds/{i}"),
                    Text::new(format!("目录中没有理由`{id}`"), format!("no ground `{id}` in the catalogue")),
                )
                .with_help(Text::new("用 `gongkai grounds list` 查看", "see `gongkai grounds list`")),
            ),
        }
    }
    let Some(response) = r.response_type else { return };
    let withholds = response == ResponseType::Denied || r.partial;
    if withholds && r.grounds.is_empty() {
        out.push(Diagnostic::new(
            &REFUSAL_WITHOUT_GROUNDS,
            if r.partial { "/partial" } else { "/response_type" },
            Text::new("不予公开或部分公开须说明理由", "a refusal or partial disclosure must give its grounds"),
        ));
    }
    if !withholds && !r.grounds.is_empty() {
        let name = serde_json::to_value(response).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        out.push(Diagnostic::new(
            &GROUNDS_INCONSISTENT,
            "/grounds",
            Text::new(
                format!("答复类型`{name}`不应引用不予公开理由"),
                format!("response type `{name}` takes no grounds for withholding"),
            ),
        ));
    }
    if withholds && qualified && !r.consultations.iter().any(|c| c.party == Party::ThirdParty) {
        out.push(Diagnostic::new(
            &ART15_WITHOUT_CONSULTATION,
            "/consultations",
            Text::new(
                "以第十五条理由不予公开，未记录书面征求第三方意见",
                "withheld on an Art 15 ground with no third-party consultation on record",
            ),
        ));
    }
}

fn check_fee(r: &RequestRecord, out: &mut Vec<Diagnostic>) {
    let Some(fee) = &r.fee else { return };
    let (free_pieces, free_pages) = crate::fees::free_band();
    let charge = |unit: &str, n: u64| match unit {
        "pieces" => crate::fees::fee_by_pieces(n),
        _ => crate::fees::fee_by_pages(n),
    };
    for (unit, count, free) in [("pieces", fee.pieces, free_pieces), ("pages", fee.pages, free_pages)] {
        let Some(n) = count else { continue };
        if fee.amount > 0 && n <= free {
            out.push(Diagnostic::new(
                &FEE_IN_FREE_BAND,
                "/fee/amount",
                Text::new(
                    format!(
                        "{n}{}在免费额度（{free}）内，却收费`{}`元",
                        if unit == "pieces" { "件" } else { "页" },
                        fee.amount
                    ),
                    format!("{n} {unit} is inside the free band (up to {free}) but `{}` yuan was charged", fee.amount),
                ),
            ));
        } else if fee.amount > charge(unit, n).amount {
            let max = charge(unit, n).amount;
            out.push(Diagnostic::new(
                &FEE_ABOVE_BANDS,
                "/fee/amount",
                Text::new(
                    format!("收费`{}`元高于标准`{max}`元", fee.amount),
                    format!("`{}` yuan charged; the bands allow at most `{max}` for {n} {unit}", fee.amount),
                ),
            ));
        }
    }
}

/// Read a request record with the one reader (strict dates, every value typed): the record
/// when nothing is wrong with it (undefined members aside), else every error found, each at
/// its JSON pointer. What the timeline calls of the facade, the CLI and Python read.
pub fn read_request(record: &Value) -> Result<RequestRecord, Vec<Diagnostic>> {
    let mut out = Vec::new();
    let read = parse_record(Node::Value(record), UnknownMembers::Warn, &mut out);
    out.retain(|d| d.severity == crate::diagnostics::Severity::Error);
    match read {
        Some(r) if out.is_empty() => Ok(r),
        _ => Err(out),
    }
}

/// Read a request record from whichever tree holds it, every finding of the reader (errors and
/// undeclared members) added to `out`: the record, unless it is not an object or lacks `received`
/// (a record with errors otherwise comes back with the bad values left out).
pub fn read_request_node(
    record: Node<'_>,
    unknown: UnknownMembers,
    out: &mut Vec<Diagnostic>,
) -> Option<RequestRecord> {
    parse_record(record, unknown, out)
}

/// The members each object of a request record declares, from [`RequestRecord`].
static DECLARED: std::sync::LazyLock<std::collections::BTreeMap<String, Vec<String>>> =
    std::sync::LazyLock::new(declared_members::<RequestRecord>);

fn declared(def: &str) -> &'static [String] {
    DECLARED.get(def).map_or(&[], Vec::as_slice)
}

/// Read the record member by member, so that each bad value is reported at its JSON pointer.
fn parse_record(v: Node<'_>, unknown: UnknownMembers, out: &mut Vec<Diagnostic>) -> Option<RequestRecord> {
    if !v.is_object() {
        out.push(invalid("", "请求记录须为JSON对象", "a request record must be a JSON object"));
        return None;
    }
    let mut p = Fields { out, unknown };
    p.open(v, "RequestRecord", "", ALLOWED_EXTRA);
    let received = p.date(v.get("received"), "/received", true);
    let channel = p.string(v.get("channel"), "/channel");
    if let Some(c) = &channel
        && rules().channel(c).is_none()
    {
        let known: Vec<_> = rules().receipt_channels.iter().map(|c| c.id.as_str()).collect();
        p.out.push(invalid(
            "/channel",
            &format!("未知的收件渠道`{c}`（可选：{}）", known.join("、")),
            &format!("unknown channel `{c}` (one of {})", known.join(", ")),
        ));
    }
    let mut corrections = Vec::new();
    for (i, c) in p.array(v.get("corrections"), "/corrections").enumerate() {
        let base = format!("/corrections/{i}");
        p.open(c, "Correction", &base, &[]);
        let notice = p.date(c.get("notice_date"), &format!("{base}/notice_date"), true);
        let corrected = p.date(c.get("corrected_received"), &format!("{base}/corrected_received"), false);
        if let Some(notice_date) = notice {
            corrections.push(Correction { notice_date, corrected_received: corrected });
        }
    }
    let mut consultations = Vec::new();
    for (i, c) in p.array(v.get("consultations"), "/consultations").enumerate() {
        let base = format!("/consultations/{i}");
        p.open(c, "Consultation", &base, &[]);
        let party = p.parse::<Party>(c.get("party"), &format!("{base}/party"), true);
        let start = p.date(c.get("start"), &format!("{base}/start"), true);
        let end = p.date(c.get("end"), &format!("{base}/end"), true);
        if let (Some(party), Some(start), Some(end)) = (party, start, end) {
            consultations.push(Consultation { party, start, end });
        }
    }
    if let Some(e) = v.get("extension") {
        p.open(e, "Extension", "/extension", &[]);
    }
    if let Some(i) = v.get("institution") {
        p.open(i, "Institution", "/institution", &[]);
    }
    if let Some(f) = v.get("fee") {
        p.open(f, "FeeCharged", "/fee", &[]);
    }
    let extension = p.parse::<Extension>(v.get("extension"), "/extension", false);
    let reply_date = p.date(v.get("reply_date"), "/reply_date", false);
    let response_type = p.parse::<ResponseType>(v.get("response_type"), "/response_type", false);
    if response_type.is_none() && v.get("response_type").and_then(Node::as_str).is_some_and(is_closure) {
        let zh = "未作答复而终止办理的（撤回、逾期不补正、逾期未缴费等），写作 `closure` 及 `closed` 日期";
        p.hint("/response_type", zh, "a request closed without a reply is written `closure`, with its `closed` date");
    }
    let partial = p.parse::<bool>(v.get("partial"), "/partial", false).unwrap_or(false);
    let grounds = p.parse::<Vec<String>>(v.get("grounds"), "/grounds", false).unwrap_or_default();
    let fee = p.parse::<FeeCharged>(v.get("fee"), "/fee", false);
    let id = v.get("id").and_then(Node::as_str).map(str::to_owned);
    let applicant = p.string(v.get("applicant"), "/applicant");
    if applicant.is_none() && v.get("applicant").is_some_and(Node::is_object) {
        p.hint("/applicant", "申请人类型写作 `applicant_type`", "the applicant's kind goes in `applicant_type`");
    }
    let requested = p.string(v.get("requested"), "/requested");
    let applicant_type = p.parse::<ApplicantType>(v.get("applicant_type"), "/applicant_type", false);
    let closure = p.parse::<Closure>(v.get("closure"), "/closure", false);
    let closed = p.date(v.get("closed"), "/closed", false);
    let report_row = p.string(v.get("report_row"), "/report_row");
    let reconsideration = p
        .case(v.get("reconsideration"), "Reconsideration", "/reconsideration")
        .map(|(filed, outcome, _)| Reconsideration { filed, outcome });
    let litigation = p
        .case(v.get("litigation"), "Litigation", "/litigation")
        .map(|(filed, outcome, after_reconsideration)| Litigation { filed, outcome, after_reconsideration });
    let institution = p.parse::<crate::model::Institution>(v.get("institution"), "/institution", false);
    Some(RequestRecord {
        kind: "request".into(),
        id,
        institution,
        applicant,
        requested,
        applicant_type,
        received: received?,
        channel,
        corrections,
        consultations,
        extension,
        reply_date,
        response_type,
        partial,
        grounds,
        fee,
        closure,
        closed,
        report_row,
        reconsideration,
        litigation,
    })
}

fn is_closure(s: &str) -> bool {
    Closure::deserialize(serde_json::Value::from(s)).is_ok()
}

fn invalid(path: &str, zh: &str, en: &str) -> Diagnostic {
    Diagnostic::new(&INVALID_VALUE, path.to_owned(), Text::new(zh.to_owned(), en.to_owned()))
}

struct Fields<'a> {
    out: &'a mut Vec<Diagnostic>,
    unknown: UnknownMembers,
}

impl Fields<'_> {
    fn missing(&mut self, path: &str) {
        let key = path.rsplit('/').next().unwrap_or(path);
        self.out.push(invalid(path, &format!("缺少字段`{key}`"), &format!("missing field `{key}`")));
    }

    /// Report the members of the object `v` (at `base`) that the type `def` does not declare.
    fn open(&mut self, v: Node<'_>, def: &str, base: &str, extra: &[&str]) {
        unknown_members(v, base, declared(def), extra, self.unknown, self.out);
    }

    fn date(&mut self, v: Option<Node<'_>>, path: &str, required: bool) -> Option<NaiveDate> {
        let v = v.filter(|v| !v.is_null());
        let Some(v) = v else {
            if required {
                self.missing(path);
            }
            return None;
        };
        let Some(s) = v.as_str() else {
            let other = v.to_value();
            self.out.push(invalid(
                path,
                &format!("日期应为字符串 YYYY-MM-DD，而非`{other}`"),
                &format!("a date must be a string YYYY-MM-DD, not `{other}`"),
            ));
            return None;
        };
        let d = parse_date(s);
        if d.is_none() {
            self.out.push(
                Diagnostic::new(&INVALID_VALUE, path.to_owned(), crate::record::date_refused(s))
                    .with_help(crate::record::date_help()),
            );
        }
        d
    }

    /// A reconsideration or litigation object (`def`): its filing date, outcome and, for a suit,
    /// whether it followed a reconsideration.
    fn case(
        &mut self,
        v: Option<Node<'_>>,
        def: &str,
        path: &str,
    ) -> Option<(Option<NaiveDate>, Option<CaseOutcome>, bool)> {
        let v = v.filter(|v| !v.is_null())?;
        if !v.is_object() {
            let other = v.to_value();
            self.out.push(invalid(
                path,
                &format!("应为对象，而非`{other}`"),
                &format!("expected an object, not `{other}`"),
            ));
            return None;
        }
        self.open(v, def, path, &[]);
        let filed = self.date(v.get("filed"), &format!("{path}/filed"), false);
        let outcome = self.parse(v.get("outcome"), &format!("{path}/outcome"), false);
        let after = def == "Litigation"
            && self.parse(v.get("after_reconsideration"), &format!("{path}/after_reconsideration"), false)
                == Some(true);
        Some((filed, outcome, after))
    }

    /// Help for the finding just made at `path`: what the value was probably meant as.
    fn hint(&mut self, path: &str, zh: &str, en: &str) {
        if let Some(d) = self.out.last_mut().filter(|d| d.path == path) {
            d.help = Some(Text::new(zh.to_owned(), en.to_owned()).into());
        }
    }

    fn string(&mut self, v: Option<Node<'_>>, path: &str) -> Option<String> {
        self.parse(v, path, false)
    }

    fn array<'v>(&mut self, v: Option<Node<'v>>, path: &str) -> impl Iterator<Item = Node<'v>> + use<'v> {
        let v = v.filter(|v| !v.is_null());
        let items = v.and_then(Node::elements);
        if let (Some(other), None) = (v, &items) {
            let other = other.to_value();
            self.out.push(invalid(
                path,
                &format!("应为数组，而非`{other}`"),
                &format!("expected an array, not `{other}`"),
            ));
        }
        items.into_iter().flatten()
    }

    fn parse<T: serde::de::DeserializeOwned>(&mut self, v: Option<Node<'_>>, path: &str, required: bool) -> Option<T> {
        match v.filter(|v| !v.is_null()) {
            None => {
                if required {
                    self.missing(path);
                }
                None
            }
            // The values read this way are small (a flag, an enum, a fee): made a `Value` for
            // serde's typed reading, which the declaration derives.
            Some(v) => match T::deserialize(v.to_value().as_ref()) {
                Ok(t) => Some(t),
                Err(e) => {
                    let (zh, en) = crate::diagnostics::wording::own_words(&e.to_string());
                    self.out.push(invalid(path, &format!("取值无效：{zh}"), &format!("invalid value: {en}")));
                    None
                }
            },
        }
    }
}
