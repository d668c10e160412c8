//! The site snapshot: what a CMS exports about a website and its new-media accounts on one day
//! (`{"kind": "site", "as_of", "site", "homepage", "columns", "messages", "policies",
//! "interpretations", "accounts", "availability", "incidents"}`), and its reader, which turns
//! every problem in the input into a diagnostic with a JSON pointer and keeps reading.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::codes::{
    DATES_OUT_OF_ORDER, DUPLICATE_ID, INVALID_SNAPSHOT, INVALID_VALUE, MESSAGE_WITHOUT_COLUMN, MISSING_FIELD,
    UNKNOWN_COLUMN_TYPE,
};
use crate::diagnostics::{CodeInfo, Diagnostic};
use crate::model::Text;

/// A website and its accounts as a CMS sees them on `as_of`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "gongkai site snapshot")]
#[non_exhaustive]
pub struct SiteSnapshot {
    /// Always `site`.
    pub kind: String,
    /// The monitoring day (监测时间点). `--as-of` / the `as_of` option overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    pub site: SiteInfo,
    pub homepage: Homepage,
    #[serde(default)]
    pub columns: Vec<Column>,
    /// Messages (留言) received through the site's interaction columns.
    #[serde(default)]
    pub messages: Vec<SiteMessage>,
    /// Policy documents (政策文件) and the interpretation each links to.
    #[serde(default)]
    pub policies: Vec<Policy>,
    /// Interpretations (政策解读) and the policy each links to.
    #[serde(default)]
    pub interpretations: Vec<Interpretation>,
    /// Official new-media accounts (政务新媒体).
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// A monitor's week of visits, when one is exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// Serious problems found by a person (a wording error, a leak, a forged date …).
    #[serde(default)]
    pub incidents: Vec<Incident>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SiteInfo {
    pub name: String,
    /// The institution that runs it (主办单位).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Homepage {
    /// The day of the latest item shown on the homepage; absent means never (the veto applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<NaiveDate>,
}

/// What a column holds, as the indicators count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ColumnType {
    /// 动态、要闻: counted as stale after 2 weeks.
    News,
    /// 通知公告: a first-level one counted as stale after 6 months.
    Notice,
    /// 政策文件: a first-level one counted as stale after 6 months.
    Policy,
    /// 政务咨询、建言 (an interaction channel whose messages must be answered).
    Consultation,
    /// 在线访谈 (excluded from the unanswered-message veto).
    Interview,
    /// 调查征集 (excluded).
    Survey,
    /// 网上信访 (excluded).
    Petition,
    /// 纪检举报 (excluded).
    Discipline,
    Other,
}

impl ColumnType {
    pub const ALL: [ColumnType; 9] = [
        ColumnType::News,
        ColumnType::Notice,
        ColumnType::Policy,
        ColumnType::Consultation,
        ColumnType::Interview,
        ColumnType::Survey,
        ColumnType::Petition,
        ColumnType::Discipline,
        ColumnType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::News => "news",
            ColumnType::Notice => "notice",
            ColumnType::Policy => "policy",
            ColumnType::Consultation => "consultation",
            ColumnType::Interview => "interview",
            ColumnType::Survey => "survey",
            ColumnType::Petition => "petition",
            ColumnType::Discipline => "discipline",
            ColumnType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ColumnType> {
        ColumnType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Interaction columns hold messages rather than published items.
    pub fn is_interaction(self) -> bool {
        matches!(
            self,
            ColumnType::Consultation
                | ColumnType::Interview
                | ColumnType::Survey
                | ColumnType::Petition
                | ColumnType::Discipline
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Column {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub column_type: ColumnType,
    /// 1 for a first-level column (一级栏目), the default; 2 and more below it.
    #[serde(default = "first_level")]
    pub level: u8,
    /// How often the column should be updated, in days, where the site has set a cycle (人事、
    /// 规划计划 …): past it the column counts as long stale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_days: Option<u32>,
    #[serde(default)]
    pub items: Vec<ColumnItem>,
}

fn first_level() -> u8 {
    1
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ColumnItem {
    pub title: String,
    /// An item with no publication date counts as no update (未注明发布时间的视为不更新).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The published text, when exported: screened for personal data not de-identified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// What a message asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MessageType {
    /// 咨询 (the default).
    #[default]
    Consultation,
    /// 建议.
    Suggestion,
    /// 投诉.
    Complaint,
    Other,
}

impl MessageType {
    pub const ALL: [MessageType; 4] =
        [MessageType::Consultation, MessageType::Suggestion, MessageType::Complaint, MessageType::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            MessageType::Consultation => "consultation",
            MessageType::Suggestion => "suggestion",
            MessageType::Complaint => "complaint",
            MessageType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<MessageType> {
        MessageType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A time as a CMS exports it: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (a space also works), or
/// RFC 3339 with an offset (converted to Beijing time). A date alone is taken as 00:00.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    transparent,
    extend("pattern" = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")
)]
pub struct Stamp(pub String);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SiteMessage {
    pub id: String,
    /// The id of the column it was left in.
    pub column: String,
    #[serde(rename = "type", default)]
    pub message_type: MessageType,
    pub received: Stamp,
    /// The first response (受理回复), when it is not the answer itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded: Option<Stamp>,
    /// The answer (办结答复); absent while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replied: Option<Stamp>,
    /// A valid message (有效留言); spam, duplicates and abuse are `false`.
    #[serde(default = "yes")]
    pub valid: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Policy {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The id of the interpretation its page links to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Interpretation {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The id of the policy its page links to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Account {
    pub id: String,
    /// `wechat`, `weibo`, `douyin`, … (free text).
    pub platform: String,
    pub name: String,
    /// The day of the latest post; absent means never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_post: Option<NaiveDate>,
    /// Whether the account has a working interaction function (留言、私信、菜单咨询).
    pub interaction: bool,
}

/// A week of monitored visits: how many, and how many did not open within the time limit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Availability {
    pub visits: u32,
    /// Visits that did not open within 15 seconds (or the overlay's limit).
    pub failed: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

/// What kind of serious problem an inspector recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IncidentType {
    /// 严重表述错误.
    WordingError,
    /// 泄露国家秘密.
    StateSecret,
    /// 反动、暴力、色情等内容.
    ProhibitedContent,
    /// 安全攻击未及时有效处置.
    SecurityIncident,
    /// 弄虚作假（如伪造发稿日期）.
    ForgedDate,
    /// 严重负面舆情.
    PublicOpinion,
}

impl IncidentType {
    pub const ALL: [IncidentType; 6] = [
        IncidentType::WordingError,
        IncidentType::StateSecret,
        IncidentType::ProhibitedContent,
        IncidentType::SecurityIncident,
        IncidentType::ForgedDate,
        IncidentType::PublicOpinion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IncidentType::WordingError => "wording_error",
            IncidentType::StateSecret => "state_secret",
            IncidentType::ProhibitedContent => "prohibited_content",
            IncidentType::SecurityIncident => "security_incident",
            IncidentType::ForgedDate => "forged_date",
            IncidentType::PublicOpinion => "public_opinion",
        }
    }

    pub fn label(self) -> Text {
        let (zh, en) = match self {
            IncidentType::WordingError => ("严重表述错误", "a serious wording error"),
            IncidentType::StateSecret => ("泄露国家秘密", "a leaked state secret"),
            IncidentType::ProhibitedContent => {
                ("发布或链接反动、暴力、色情等内容", "prohibited content published or linked")
            }
            IncidentType::SecurityIncident => ("安全攻击未及时有效处置", "a security incident left unhandled"),
            IncidentType::ForgedDate => ("弄虚作假（伪造发稿日期等）", "falsification (a forged publication date …)"),
            IncidentType::PublicOpinion => ("引发严重负面舆情", "serious negative public opinion caused"),
        };
        Text::new(zh, en)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Incident {
    #[serde(rename = "type")]
    pub incident_type: IncidentType,
    /// JSON pointer of what it is about in this snapshot (`/columns/2/items/5`), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A message's times, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Moment {
    pub at: NaiveDateTime,
    /// Only a date was given: hours cannot be counted exactly.
    pub date_only: bool,
}

impl Moment {
    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }
}

/// Parse a [`Stamp`].
pub(crate) fn parse_moment(s: &str) -> Option<Moment> {
    if s.len() == 10 {
        return crate::record::parse_date(s).map(|d| Moment { at: d.and_time(NaiveTime::MIN), date_only: true });
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        let beijing = chrono::FixedOffset::east_opt(8 * 3600)?;
        return Some(Moment { at: t.with_timezone(&beijing).naive_local(), date_only: false });
    }
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S%.f"]
    {
        if let Ok(at) = NaiveDateTime::parse_from_str(s, format) {
            return Some(Moment { at, date_only: false });
        }
    }
    None
}

/// A snapshot as read, with each message's times and each item's position kept for the check.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub snapshot: SiteSnapshot,
    /// Per message: received, responded, replied (as read; `None` where absent or bad).
    pub times: Vec<(Option<Moment>, Option<Moment>, Option<Moment>)>,
    /// Per message: the index of its column, when it names one in the snapshot.
    pub message_column: Vec<Option<usize>>,
    /// Messages whose times could not be judged (bad input already reported).
    pub message_ok: Vec<bool>,
}

struct Reader<'d> {
    diags: &'d mut Vec<Diagnostic>,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Reader<'_> {
    fn push(&mut self, info: &'static CodeInfo, path: String, zh: String, en: String) {
        self.diags.push(Diagnostic::new(info, path, Text::new(zh, en)));
    }

    fn missing(&mut self, path: &str, key: &str) {
        self.push(&MISSING_FIELD, format!("{path}/{key}"), format!("缺少 `{key}`"), format!("`{key}` is missing"));
    }

    fn wrong(&mut self, path: String, expected: &str, v: &Value) {
        let got = type_name(v);
        self.push(
            &INVALID_VALUE,
            path,
            format!("应为{expected}，而不是 {got}"),
            format!("expected {expected}, got {got}"),
        );
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.wrong(path.to_owned(), "an object", other);
                None
            }
        }
    }

    fn string(&mut self, m: &Map<String, Value>, key: &str, path: &str, required: bool) -> Option<String> {
        match m.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.missing(path, key);
                }
                None
            }
            Some(Value::String(s)) if required && s.trim().is_empty() => {
                self.push(
                    &MISSING_FIELD,
                    format!("{path}/{key}"),
                    format!("`{key}` 为空"),
                    format!("`{key}` is empty"),
                );
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong(format!("{path}/{key}"), "a string", other);
                None
            }
        }
    }

    fn date(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<NaiveDate> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                let d = crate::record::parse_date(s);
                if d.is_none() {
                    self.diags.push(
                        Diagnostic::new(&INVALID_VALUE, format!("{path}/{key}"), crate::record::date_refused(s))
                            .with_help(crate::record::date_help()),
                    );
                }
                d
            }
            Some(other) => {
                self.wrong(format!("{path}/{key}"), "a date string (YYYY-MM-DD)", other);
                None
            }
        }
    }

    fn moment(
        &mut self,
        m: &Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> (Option<Stamp>, Option<Moment>, bool) {
        match m.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.missing(path, key);
                }
                (None, None, !required)
            }
            Some(Value::String(s)) => {
                let at = parse_moment(s);
                if at.is_none() {
                    self.push(
                        &INVALID_VALUE,
                        format!("{path}/{key}"),
                        format!("`{s}` 不是有效时间（应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）"),
                        format!("`{s}` is not a valid time (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
                    );
                }
                (Some(Stamp(s.clone())), at, at.is_some())
            }
            Some(other) => {
                self.wrong(format!("{path}/{key}"), "a time string", other);
                (None, None, false)
            }
        }
    }

    fn boolean(&mut self, m: &Map<String, Value>, key: &str, path: &str, default: Option<bool>) -> Option<bool> {
        match m.get(key) {
            None | Some(Value::Null) => {
                if default.is_none() {
                    self.missing(path, key);
                }
                default
            }
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.wrong(format!("{path}/{key}"), "true or false", other);
                default
            }
        }
    }

    fn count(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<u32> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => Some(n),
                None => {
                    self.wrong(format!("{path}/{key}"), "a whole number of 0 or more", v);
                    None
                }
            },
        }
    }

    fn array<'v>(&mut self, m: &'v Map<String, Value>, key: &str) -> &'v [Value] {
        match m.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(a)) => a,
            Some(other) => {
                self.wrong(format!("/{key}"), "an array", other);
                &[]
            }
        }
    }

    /// Report an id seen before in the same list.
    fn unique(&mut self, seen: &mut HashMap<String, usize>, id: &Option<String>, list: &str, i: usize) {
        if let Some(id) = id
            && let Some(first) = seen.insert(id.clone(), i)
        {
            seen.insert(id.clone(), first);
            self.push(
                &DUPLICATE_ID,
                format!("/{list}/{i}/id"),
                format!("标识 `{id}` 与 /{list}/{first} 重复"),
                format!("id `{id}` is already used by /{list}/{first}"),
            );
        }
    }

    fn enum_value<T: Copy>(
        &mut self,
        m: &Map<String, Value>,
        key: &str,
        path: &str,
        parse: fn(&str) -> Option<T>,
        names: &[&str],
        unknown: &'static CodeInfo,
    ) -> Option<T> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                let t = parse(s);
                if t.is_none() {
                    self.push(
                        unknown,
                        format!("{path}/{key}"),
                        format!("未知的 `{key}` `{s}`：应为 {}", names.join("、")),
                        format!("unknown `{key}` `{s}`: expected one of {}", names.join(", ")),
                    );
                }
                t
            }
            Some(other) => {
                self.wrong(format!("{path}/{key}"), "a string", other);
                None
            }
        }
    }
}

/// Read a snapshot, reporting every problem with its pointer. Parts that cannot be read are left
/// out of the check (and reported), never silently.
pub(crate) fn read(v: &Value, diags: &mut Vec<Diagnostic>) -> Read {
    let mut r = Reader { diags };
    let mut out = Read::default();
    let Value::Object(root) = v else {
        r.push(
            &INVALID_SNAPSHOT,
            String::new(),
            format!("网站快照应为 JSON 对象，而不是 {}", type_name(v)),
            format!("a site snapshot is a JSON object, not {}", type_name(v)),
        );
        return out;
    };
    let s = &mut out.snapshot;
    match root.get("kind").and_then(Value::as_str) {
        Some("site") => s.kind = "site".into(),
        Some(other) => r.push(
            &INVALID_SNAPSHOT,
            "/kind".into(),
            format!("`kind` 应为 `site`，而不是 `{other}`"),
            format!("`kind` must be `site`, not `{other}`"),
        ),
        None => r.push(
            &INVALID_SNAPSHOT,
            "/kind".into(),
            "缺少 `kind`（应为 `site`）".into(),
            "`kind` is missing (`site`)".into(),
        ),
    }
    s.as_of = r.date(root, "as_of", "");
    match root.get("site") {
        None | Some(Value::Null) => r.missing("", "site"),
        Some(v) => {
            if let Some(m) = r.object(v, "/site") {
                s.site.name = r.string(m, "name", "/site", true).unwrap_or_default();
                s.site.institution = r.string(m, "institution", "/site", false);
                s.site.url = r.string(m, "url", "/site", false);
            }
        }
    }
    match root.get("homepage") {
        None | Some(Value::Null) => r.missing("", "homepage"),
        Some(v) => {
            if let Some(m) = r.object(v, "/homepage") {
                s.homepage.last_updated = r.date(m, "last_updated", "/homepage");
            }
        }
    }

    let mut ids = HashMap::new();
    let type_names: Vec<&str> = ColumnType::ALL.iter().map(|t| t.as_str()).collect();
    for (i, v) in r.array(root, "columns").iter().enumerate() {
        let at = format!("/columns/{i}");
        let Some(m) = r.object(v, &at) else { continue };
        let id = r.string(m, "id", &at, true);
        r.unique(&mut ids, &id, "columns", i);
        let title = r.string(m, "title", &at, true).unwrap_or_default();
        let column_type = if m.contains_key("type") {
            r.enum_value(m, "type", &at, ColumnType::parse, &type_names, &UNKNOWN_COLUMN_TYPE)
        } else {
            r.missing(&at, "type");
            None
        };
        let level = match m.get("level") {
            None | Some(Value::Null) => 1,
            Some(v) => match v.as_u64().filter(|&n| (1..=9).contains(&n)) {
                Some(n) => n as u8,
                None => {
                    r.wrong(format!("{at}/level"), "a level from 1 to 9", v);
                    1
                }
            },
        };
        let update_days = r.count(m, "update_days", &at);
        let mut items = Vec::new();
        match m.get("items") {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                items.reserve(list.len());
                for (j, v) in list.iter().enumerate() {
                    let ip = format!("{at}/items/{j}");
                    let Some(im) = r.object(v, &ip) else { continue };
                    items.push(ColumnItem {
                        title: r.string(im, "title", &ip, false).unwrap_or_default(),
                        published: r.date(im, "published", &ip),
                        text: r.string(im, "text", &ip, false),
                    });
                }
            }
            Some(other) => r.wrong(format!("{at}/items"), "an array", other),
        }
        // A column whose id or type cannot be read is reported above and left out of the counts;
        // it stays in the list (as `other`) so that pointers keep matching the input.
        s.columns.push(Column {
            id: id.unwrap_or_default(),
            title,
            column_type: column_type.unwrap_or(ColumnType::Other),
            level,
            update_days,
            items,
        });
    }
    let column_index: HashMap<&str, usize> =
        s.columns.iter().enumerate().filter(|(_, c)| !c.id.is_empty()).map(|(i, c)| (c.id.as_str(), i)).collect();

    let mut ids = HashMap::new();
    let message_names: Vec<&str> = MessageType::ALL.iter().map(|t| t.as_str()).collect();
    for (i, v) in r.array(root, "messages").iter().enumerate() {
        let at = format!("/messages/{i}");
        let Some(m) = r.object(v, &at) else {
            out.times.push((None, None, None));
            out.message_column.push(None);
            out.message_ok.push(false);
            s.messages.push(empty_message());
            continue;
        };
        let id = r.string(m, "id", &at, true);
        r.unique(&mut ids, &id, "messages", i);
        let column = match m.get("column") {
            None | Some(Value::Null) => {
                r.push(
                    &MESSAGE_WITHOUT_COLUMN,
                    format!("{at}/column"),
                    "留言没有所属栏目（`column`）".into(),
                    "the message names no column (`column`)".into(),
                );
                None
            }
            Some(Value::String(c)) => match column_index.get(c.as_str()) {
                Some(&ci) => Some((c.clone(), ci)),
                None => {
                    r.push(
                        &MESSAGE_WITHOUT_COLUMN,
                        format!("{at}/column"),
                        format!("快照中没有栏目 `{c}`"),
                        format!("no column `{c}` in the snapshot"),
                    );
                    None
                }
            },
            Some(other) => {
                r.wrong(format!("{at}/column"), "a column id", other);
                None
            }
        };
        let message_type =
            r.enum_value(m, "type", &at, MessageType::parse, &message_names, &INVALID_VALUE).unwrap_or_default();
        let (received, received_at, ok1) = r.moment(m, "received", &at, true);
        let (responded, responded_at, ok2) = r.moment(m, "responded", &at, false);
        let (replied, replied_at, ok3) = r.moment(m, "replied", &at, false);
        let mut ok = ok1 && ok2 && ok3 && column.is_some();
        if let Some(rec) = received_at {
            for (key, t) in [("responded", responded_at), ("replied", replied_at)] {
                if let Some(t) = t.filter(|t| t.at < rec.at && !(t.date_only && t.date() == rec.date())) {
                    ok = false;
                    r.push(
                        &DATES_OUT_OF_ORDER,
                        format!("{at}/{key}"),
                        format!("`{key}` {} 早于收到时间 {}", t.at, rec.at),
                        format!("`{key}` {} is before the message was received ({})", t.at, rec.at),
                    );
                }
            }
        }
        let valid = r.boolean(m, "valid", &at, Some(true)).unwrap_or(true);
        out.times.push((received_at, responded_at, replied_at));
        out.message_column.push(column.as_ref().map(|(_, ci)| *ci));
        out.message_ok.push(ok);
        s.messages.push(SiteMessage {
            id: id.unwrap_or_default(),
            column: column.map(|(c, _)| c).unwrap_or_default(),
            message_type,
            received: received.unwrap_or(Stamp(String::new())),
            responded,
            replied,
            valid,
        });
    }

    let mut ids = HashMap::new();
    for (i, v) in r.array(root, "policies").iter().enumerate() {
        let at = format!("/policies/{i}");
        let Some(m) = r.object(v, &at) else { continue };
        let id = r.string(m, "id", &at, true);
        r.unique(&mut ids, &id, "policies", i);
        s.policies.push(Policy {
            id: id.unwrap_or_default(),
            title: r.string(m, "title", &at, true).unwrap_or_default(),
            published: r.date(m, "published", &at),
            interpretation: r.string(m, "interpretation", &at, false),
        });
    }
    let mut ids = HashMap::new();
    for (i, v) in r.array(root, "interpretations").iter().enumerate() {
        let at = format!("/interpretations/{i}");
        let Some(m) = r.object(v, &at) else { continue };
        let id = r.string(m, "id", &at, true);
        r.unique(&mut ids, &id, "interpretations", i);
        s.interpretations.push(Interpretation {
            id: id.unwrap_or_default(),
            title: r.string(m, "title", &at, true).unwrap_or_default(),
            published: r.date(m, "published", &at),
            policy: r.string(m, "policy", &at, false),
        });
    }
    let mut ids = HashMap::new();
    for (i, v) in r.array(root, "accounts").iter().enumerate() {
        let at = format!("/accounts/{i}");
        let Some(m) = r.object(v, &at) else {
            s.accounts.push(Account {
                id: String::new(),
                platform: String::new(),
                name: String::new(),
                last_post: None,
                interaction: true,
            });
            continue;
        };
        let id = r.string(m, "id", &at, true);
        r.unique(&mut ids, &id, "accounts", i);
        s.accounts.push(Account {
            id: id.unwrap_or_default(),
            platform: r.string(m, "platform", &at, true).unwrap_or_default(),
            name: r.string(m, "name", &at, true).unwrap_or_default(),
            last_post: r.date(m, "last_post", &at),
            interaction: r.boolean(m, "interaction", &at, None).unwrap_or(true),
        });
    }
    if let Some(v) = root.get("availability").filter(|v| !v.is_null())
        && let Some(m) = r.object(v, "/availability")
    {
        let visits = r.count(m, "visits", "/availability");
        let failed = r.count(m, "failed", "/availability");
        if visits.is_none() && !m.contains_key("visits") {
            r.missing("/availability", "visits");
        }
        if failed.is_none() && !m.contains_key("failed") {
            r.missing("/availability", "failed");
        }
        if let (Some(visits), Some(failed)) = (visits, failed) {
            if failed > visits {
                r.push(
                    &INVALID_VALUE,
                    "/availability/failed".into(),
                    format!("失败次数 {failed} 多于访问次数 {visits}"),
                    format!("{failed} failed visits is more than the {visits} visits"),
                );
            } else {
                s.availability = Some(Availability {
                    visits,
                    failed,
                    from: r.date(m, "from", "/availability"),
                    to: r.date(m, "to", "/availability"),
                });
            }
        }
    }
    let incident_names: Vec<&str> = IncidentType::ALL.iter().map(|t| t.as_str()).collect();
    let parse_incident = |s: &str| IncidentType::ALL.into_iter().find(|t| t.as_str() == s);
    for (i, v) in r.array(root, "incidents").iter().enumerate() {
        let at = format!("/incidents/{i}");
        let Some(m) = r.object(v, &at) else { continue };
        let incident_type = if m.contains_key("type") {
            r.enum_value(m, "type", &at, parse_incident, &incident_names, &INVALID_VALUE)
        } else {
            r.missing(&at, "type");
            None
        };
        let pointer = r.string(m, "at", &at, false);
        if let Some(p) = pointer.as_deref().filter(|p| !p.is_empty() && resolves(root, p).is_none()) {
            r.push(
                &INVALID_VALUE,
                format!("{at}/at"),
                format!("`{p}` 不是快照中的 JSON 指针"),
                format!("`{p}` does not point into this snapshot"),
            );
        }
        let found = r.date(m, "found", &at);
        let note = r.string(m, "note", &at, false);
        if let Some(incident_type) = incident_type {
            s.incidents.push(Incident { incident_type, at: pointer, found, note });
        }
    }
    out
}

/// The value a JSON pointer names in the snapshot, if it names one.
fn resolves<'v>(root: &'v Map<String, Value>, pointer: &str) -> Option<&'v Value> {
    let rest = pointer.strip_prefix('/')?;
    let (first, tail) = rest.split_once('/').map_or((rest, ""), |(a, b)| (a, b));
    let top = root.get(first)?;
    if tail.is_empty() { Some(top) } else { top.pointer(&format!("/{tail}")) }
}

fn empty_message() -> SiteMessage {
    SiteMessage {
        id: String::new(),
        column: String::new(),
        message_type: MessageType::Consultation,
        received: Stamp(String::new()),
        responded: None,
        replied: None,
        valid: false,
    }
}
