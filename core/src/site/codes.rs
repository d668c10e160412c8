//! The site inspection's diagnostic codes: one per indicator (`site_<indicator>`), one per early
//! warning (`site_<indicator>_warning`), the interaction deadlines, bad snapshot input and site
//! overlays. The bases are the indicator rows; `catalogues/site-indicators.yaml` carries their
//! status (the circular's rows are read in local restatements: secondary).

use crate::diagnostics::{CodeInfo, code};

macro_rules! indicator_code {
    ($name:ident, $code:literal, $sev:ident, $row:literal, $zh:literal, $en:literal, $ex:literal) => {
        pub static $name: CodeInfo = CodeInfo {
            code: $code,
            severity: $crate::diagnostics::Severity::$sev,
            basis: concat!("《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）", $row),
            summary_zh: $zh,
            summary_en: $en,
            example: $ex,
            area: "site",
        };
    };
}

indicator_code!(
    HOMEPAGE_STALE,
    "site_homepage_stale",
    Error,
    "单项否决·首页不更新",
    "首页监测2周无信息更新（单项否决）",
    "the homepage has not been updated for 2 weeks (veto)",
    r#"{"homepage": {"last_updated": "2026-02-20"}} with as_of 2026-03-10"#
);
indicator_code!(
    HOMEPAGE_STALE_WARNING,
    "site_homepage_stale_warning",
    Warning,
    "单项否决·首页不更新（预警）",
    "首页即将因不更新被单项否决",
    "the homepage is days away from the 2-week veto",
    r#"{"homepage": {"last_updated": "2026-02-28"}} with as_of 2026-03-10"#
);
indicator_code!(
    COLUMNS_STALE,
    "site_columns_stale",
    Error,
    "单项否决·栏目不更新第1项",
    "动态要闻类栏目2周未更新、通知公告政策文件类一级栏目6个月未更新，累计超过（含）5个（单项否决）",
    "5 or more news columns not updated in 2 weeks or first-level notice/policy columns not updated in 6 months (veto)",
    "five news columns whose last item is 3 weeks old"
);
indicator_code!(
    COLUMNS_STALE_WARNING,
    "site_columns_stale_warning",
    Warning,
    "单项否决·栏目不更新第1项（预警）",
    "未更新栏目接近单项否决数量",
    "stale columns are close to the veto count",
    "three stale news columns, two more going stale within days"
);
indicator_code!(
    COLUMNS_LONG_STALE,
    "site_columns_long_stale",
    Error,
    "单项否决·栏目不更新第2项",
    "应更新但长期未更新的栏目超过（含）10个（单项否决）",
    "10 or more columns that should be updated and long have not been (veto)",
    r#"ten columns with "update_days": 30 and no item for 2 months"#
);
indicator_code!(
    COLUMNS_LONG_STALE_WARNING,
    "site_columns_long_stale_warning",
    Warning,
    "单项否决·栏目不更新第2项（预警）",
    "长期未更新栏目接近单项否决数量",
    "long-stale columns are close to the veto count",
    r#"six columns past their "update_days""#
);
indicator_code!(
    COLUMNS_BLANK,
    "site_columns_blank",
    Error,
    "单项否决·栏目不更新第3项",
    "空白栏目超过（含）5个（单项否决）",
    "5 or more blank columns (veto)",
    r#"five columns with "items": []"#
);
indicator_code!(
    COLUMNS_BLANK_WARNING,
    "site_columns_blank_warning",
    Warning,
    "单项否决·栏目不更新第3项（预警）",
    "空白栏目接近单项否决数量",
    "blank columns are close to the veto count",
    r#"two columns with "items": []"#
);
indicator_code!(
    MESSAGES_UNANSWERED,
    "site_messages_unanswered",
    Error,
    "单项否决·互动回应差第2项",
    "监测前1年内政务咨询类栏目有超过3个月未回应的有效留言（单项否决）",
    "a valid message in a consultation column was left unanswered for more than 3 months in the year before monitoring (veto)",
    r#"{"received": "2025-10-01", "valid": true} unanswered at 2026-03-10"#
);
indicator_code!(
    MESSAGES_UNANSWERED_WARNING,
    "site_messages_unanswered_warning",
    Warning,
    "单项否决·互动回应差第2项（预警）",
    "留言即将超过3个月未回应",
    "an open message is days away from 3 months unanswered",
    r#"{"received": "2025-12-20"} unanswered at 2026-03-10"#
);
indicator_code!(
    NO_INTERACTION_CHANNEL,
    "site_no_interaction_channel",
    Error,
    "单项否决·互动回应差第1项",
    "未提供网上有效咨询建言渠道（单项否决）",
    "no working online channel for questions (veto)",
    r#"no column with "type": "consultation""#
);
indicator_code!(
    SITE_UNAVAILABLE,
    "site_site_unavailable",
    Error,
    "单项否决·站点无法访问",
    "监测1周，超过（含）15秒仍打不开的访问占比超过（含）5%（单项否决）",
    "5% or more of a week's visits did not open within 15 seconds (veto)",
    r#"{"availability": {"visits": 140, "failed": 8}}"#
);
indicator_code!(
    SITE_UNAVAILABLE_WARNING,
    "site_site_unavailable_warning",
    Warning,
    "单项否决·站点无法访问（预警）",
    "访问失败占比接近单项否决比例",
    "the share of failed visits is close to the veto",
    r#"{"availability": {"visits": 140, "failed": 5}}"#
);
indicator_code!(
    SERIOUS_ERROR,
    "site_serious_error",
    Error,
    "单项否决·安全、泄密事故等严重问题",
    "严重表述错误、泄密、违法内容、安全事故或弄虚作假（单项否决）",
    "a serious wording error, leaked secret, illegal content, security incident or falsification (veto)",
    r#"{"incidents": [{"type": "forged_date"}]}"#
);
indicator_code!(
    ACCOUNT_STALE,
    "site_account_stale",
    Error,
    "政务新媒体·单项否决·内容不更新",
    "政务新媒体监测前2周内无更新（单项否决）",
    "a new-media account has not posted in the 2 weeks before monitoring (veto)",
    r#"{"accounts": [{"last_post": "2026-02-01"}]} with as_of 2026-03-10"#
);
indicator_code!(
    ACCOUNT_STALE_WARNING,
    "site_account_stale_warning",
    Warning,
    "政务新媒体·单项否决·内容不更新（预警）",
    "政务新媒体即将因不更新被单项否决",
    "a new-media account is days away from the 2-week veto",
    r#"{"accounts": [{"last_post": "2026-02-28"}]} with as_of 2026-03-10"#
);
indicator_code!(
    ACCOUNT_NO_INTERACTION,
    "site_account_no_interaction",
    Error,
    "政务新媒体·单项否决·互动回应差",
    "政务新媒体未提供有效互动功能（单项否决）",
    "a new-media account has no working interaction function (veto)",
    r#"{"accounts": [{"interaction": false}]}"#
);
indicator_code!(
    REPLY_SLOW,
    "site_reply_slow",
    Warning,
    "扣分指标·互动回应情况",
    "留言超过5个工作日答复（扣分）",
    "a question was answered after more than 5 working days (deduction)",
    r#"{"received": "2026-03-02T09:00", "replied": "2026-03-12T10:00"}"#
);
indicator_code!(
    PERSONAL_DATA_EXPOSED,
    "site_personal_data_exposed",
    Warning,
    "扣分指标·信息发布",
    "公开信息中的个人信息未去标识化（扣分）",
    "published content shows personal data not de-identified (deduction)",
    r#"{"text": "张三 身份证号 110101199003071234"}"#
);
indicator_code!(
    INTERPRETATION_UNLINKED,
    "site_interpretation_unlinked",
    Warning,
    "扣分指标·解读回应",
    "政策文件与解读未相互关联（扣分）",
    "a policy and its interpretation are not linked both ways (deduction)",
    r#"{"policies": [{"id": "p1", "interpretation": "j1"}], "interpretations": [{"id": "j1"}]}"#
);

code!(
    INTERACTION_RESPONSE_LATE,
    "site",
    "site_interaction_response_late",
    Warning,
    "",
    "留言未在响应时限（默认72小时，按自然时间计算）内响应",
    "a message was not responded to within the response limit (72 hours on the clock by default)",
    r#"{"received": "2026-03-02T09:00", "replied": "2026-03-06T10:00"}"#
);
code!(
    INTERACTION_CLOSE_LATE,
    "site",
    "site_interaction_close_late",
    Warning,
    "",
    "留言未在本机构办结时限（按工作日计算）内办结",
    "a message was not closed within the institution's own limit (working days on the PRC calendar)",
    "an overlay's close_working_days: 3 and a reply 4 working days after receipt"
);
code!(
    INTERACTION_OVERDUE,
    "site",
    "site_interaction_overdue",
    Warning,
    "",
    "留言尚未答复且已超过办结时限",
    "an open message is past its closing limit",
    r#"{"received": "2026-03-02T09:00"} unanswered at 2026-03-10"#
);

code!(
    INVALID_SNAPSHOT,
    "site",
    "site_invalid_snapshot",
    Error,
    "",
    "不是网站快照（应为 kind 为 site 的 JSON 对象）",
    "not a site snapshot (a JSON object with kind `site`)",
    r#"[1, 2, 3]"#
);
code!(
    MISSING_FIELD,
    "site",
    "site_missing_field",
    Error,
    "",
    "快照缺少必填字段",
    "a required field of the snapshot is missing",
    r#"a column with no "id""#
);
code!(
    INVALID_VALUE,
    "site",
    "site_invalid_value",
    Error,
    "",
    "字段的值类型或格式不正确",
    "a field's value has the wrong type or format",
    r#"{"published": "2026/03/01"}"#
);
code!(
    UNKNOWN_COLUMN_TYPE,
    "site",
    "site_unknown_column_type",
    Error,
    "",
    "未知的栏目类型",
    "unknown column type",
    r#"{"type": "blog"}"#
);
code!(
    DATES_OUT_OF_ORDER,
    "site",
    "site_dates_out_of_order",
    Error,
    "",
    "日期先后顺序不对（如答复早于收到，或日期晚于检查日）",
    "dates are out of order (a reply before receipt, or a date after the snapshot's day)",
    r#"{"received": "2026-03-05", "replied": "2026-03-01"}"#
);
code!(
    MESSAGE_WITHOUT_COLUMN,
    "site",
    "site_message_without_column",
    Error,
    "",
    "留言没有所属栏目，或所属栏目不在快照中",
    "a message has no column, or names a column not in the snapshot",
    r#"{"id": "m1", "received": "2026-03-01"}"#
);
code!(
    DUPLICATE_ID,
    "site",
    "site_duplicate_id",
    Error,
    "",
    "标识重复",
    "an id is used twice",
    r#"two columns with "id": "xwdt""#
);
code!(
    CALENDAR_NOT_COVERED,
    "site",
    "site_calendar_not_covered",
    Info,
    "",
    "工作日历未覆盖该日期，无法按工作日计算",
    "the working-day calendar does not cover the date, so working days cannot be counted",
    r#"{"received": "2031-03-01"}"#
);

code!(
    OVERLAY_LOOSENS,
    "site",
    "site_overlay_loosens_limit",
    Error,
    "政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）（地方只能从严）",
    "网站检查叠加规则放宽了上级指标",
    "a site overlay loosens an inherited indicator limit",
    "limits: {days: 21} for homepage_stale"
);
code!(
    OVERLAY_UNKNOWN_INDICATOR,
    "site",
    "site_overlay_unknown_indicator",
    Error,
    "",
    "网站检查叠加规则引用了不存在的指标",
    "a site overlay names an unknown indicator",
    "id: homepage_missing"
);
code!(
    OVERLAY_UNKNOWN_LIMIT,
    "site",
    "site_overlay_unknown_limit",
    Error,
    "",
    "网站检查叠加规则设置了指标没有的限值",
    "a site overlay sets a limit the indicator does not have",
    "limits: {weeks: 1} for homepage_stale"
);

/// Every code the site inspection emits, in a stable order.
pub static CODES: &[&CodeInfo] = &[
    &HOMEPAGE_STALE,
    &HOMEPAGE_STALE_WARNING,
    &COLUMNS_STALE,
    &COLUMNS_STALE_WARNING,
    &COLUMNS_LONG_STALE,
    &COLUMNS_LONG_STALE_WARNING,
    &COLUMNS_BLANK,
    &COLUMNS_BLANK_WARNING,
    &MESSAGES_UNANSWERED,
    &MESSAGES_UNANSWERED_WARNING,
    &NO_INTERACTION_CHANNEL,
    &SITE_UNAVAILABLE,
    &SITE_UNAVAILABLE_WARNING,
    &SERIOUS_ERROR,
    &ACCOUNT_STALE,
    &ACCOUNT_STALE_WARNING,
    &ACCOUNT_NO_INTERACTION,
    &REPLY_SLOW,
    &PERSONAL_DATA_EXPOSED,
    &INTERPRETATION_UNLINKED,
    &INTERACTION_RESPONSE_LATE,
    &INTERACTION_CLOSE_LATE,
    &INTERACTION_OVERDUE,
    &INVALID_SNAPSHOT,
    &MISSING_FIELD,
    &INVALID_VALUE,
    &UNKNOWN_COLUMN_TYPE,
    &DATES_OUT_OF_ORDER,
    &MESSAGE_WITHOUT_COLUMN,
    &DUPLICATE_ID,
    &CALENDAR_NOT_COVERED,
    &OVERLAY_LOOSENS,
    &OVERLAY_UNKNOWN_INDICATOR,
    &OVERLAY_UNKNOWN_LIMIT,
];
