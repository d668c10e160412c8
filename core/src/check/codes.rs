//! Every diagnostic code the record checks emit, declared once. Rules refer to these statics.

use crate::diagnostics::CodeInfo;
use crate::diagnostics::code;

// ── input: files and JSON text ──────────────────────────────────────────────────────────────
code!(
    INPUT_INVALID_JSON,
    "input",
    "input_invalid_json",
    Error,
    "RFC 8259 (JSON)",
    "输入不是有效的 JSON",
    "input is not valid JSON",
    "{\"kind\": \"publication\","
);
code!(
    INPUT_NOT_UTF8,
    "input",
    "input_not_utf8",
    Error,
    "RFC 8259 §8.1 (JSON text is UTF-8)",
    "输入不是 UTF-8 编码（常见于 GBK 导出的文件）",
    "input is not UTF-8 (often a GBK export)",
    "bytes `\\xb9\\xab\\xbf\\xaa` (公开 in GBK)"
);
code!(
    INPUT_EMPTY,
    "input",
    "input_empty",
    Error,
    "",
    "输入为空，没有记录",
    "input is empty: no records",
    "an empty file"
);
code!(
    INPUT_TOO_DEEP,
    "input",
    "input_too_deep",
    Error,
    "",
    "JSON 嵌套过深（超过 128 层）",
    "nesting in the JSON is too deep (over 128 levels)",
    "[[[[…]]]] 200 levels deep"
);
code!(
    INPUT_TOO_LARGE,
    "input",
    "input_too_large",
    Error,
    "",
    "单条记录过大",
    "a single record is too large",
    "a 100 MB line in a .jsonl file"
);
code!(
    INPUT_UNREADABLE,
    "input",
    "input_unreadable",
    Error,
    "",
    "文件无法读取",
    "a file cannot be read",
    "a path that does not exist"
);

// ── record structure ────────────────────────────────────────────────────────────────────────
code!(
    RECORD_NOT_OBJECT,
    "check",
    "record_not_object",
    Error,
    "gongkai record.schema.json",
    "记录不是 JSON 对象",
    "the record is not a JSON object",
    "[1, 2, 3]"
);
code!(
    RECORD_UNKNOWN_KIND,
    "check",
    "record_unknown_kind",
    Error,
    "gongkai record.schema.json",
    "记录类别未知（应为 publication 或 request）",
    "unknown record kind (expected `publication` or `request`)",
    "\"kind\": \"article\""
);
code!(
    RECORD_MISSING_FIELD,
    "check",
    "record_missing_field",
    Error,
    "gongkai record.schema.json",
    "记录缺少必填字段",
    "the record lacks a required field",
    "a publication without `item`"
);
code!(
    RECORD_WRONG_TYPE,
    "check",
    "record_wrong_type",
    Error,
    "gongkai record.schema.json",
    "字段类型错误",
    "a field has the wrong JSON type",
    "\"channels\": \"government_website\""
);
code!(
    RECORD_INVALID_VALUE,
    "check",
    "record_invalid_value",
    Error,
    "gongkai record.schema.json",
    "字段取值不在允许范围内",
    "a field has a value outside the allowed set",
    "\"disclosure\": {\"status\": \"secret\"}"
);
code!(
    RECORD_INVALID_DATE,
    "check",
    "record_invalid_date",
    Error,
    "ISO 8601 calendar date (YYYY-MM-DD)",
    "日期无效（应为 YYYY-MM-DD 的真实日期）",
    "invalid date (expected a real date as YYYY-MM-DD)",
    "\"published\": \"2026-02-30\""
);
code!(
    RECORD_UNKNOWN_INSTITUTION,
    "check",
    "record_unknown_institution",
    Error,
    "catalogues/institutions.yaml",
    "机构类别、层级、角色或领域未知",
    "unknown institution kind, tier, role or sector",
    "\"institution\": {\"kind\": \"ministry\"}"
);

// ── the item ────────────────────────────────────────────────────────────────────────────────
code!(
    ITEM_UNKNOWN,
    "check",
    "item_unknown",
    Error,
    "政府信息公开条例第二十二条（确定主动公开的具体内容）",
    "目录中没有该公开事项",
    "the item is not in the catalogue",
    "\"item\": \"admin.art20.99\""
);
code!(
    ITEM_NOT_APPLICABLE,
    "check",
    "item_not_applicable",
    Error,
    "政府信息公开条例第二十条、第二十一条；目录模板的适用范围",
    "该事项不适用于此类机构（类别、层级、角色或领域）",
    "the item does not apply to this institution's kind, tier, role or sector",
    "a university publishing `admin.art21.county.01`"
);
code!(
    FIELDS_MISSING_ELEMENT,
    "check",
    "fields_missing_element",
    Error,
    "目录事项的公开内容要素（国办发〔2019〕54号：目录要素）",
    "缺少事项要求的公开内容要素",
    "a required content element of the item is missing",
    "a normative document without `document_number`"
);
code!(
    FIELDS_INVALID_ELEMENT,
    "check",
    "fields_invalid_element",
    Error,
    "目录事项的公开内容要素（国办发〔2019〕54号：目录要素）",
    "公开内容要素的类型或取值不符合要求",
    "a content element has the wrong type or value",
    "\"issue_date\": \"3月2日\""
);
code!(
    DOCUMENT_NUMBER_MISMATCH,
    "check",
    "document_number_mismatch",
    Warning,
    "政府信息公开条例第十二条（目录：索引、名称）",
    "记录的文号与内容要素中的文号不一致",
    "the record's document number differs from the one in its fields",
    "`某政发〔2026〕3号` vs `某政发〔2026〕4号`"
);
code!(
    DOCUMENT_NUMBER_MALFORMED,
    "check",
    "document_number_malformed",
    Info,
    "GB/T 9704—2012《党政机关公文格式》7.2.4（未核实 unverified）",
    "文号的年份应使用六角括号〔〕",
    "the year in a document number should be in hexagonal brackets 〔〕",
    "`某政发[2026]3号`"
);

// ── channels and time limits ────────────────────────────────────────────────────────────────
code!(
    CHANNELS_MISSING,
    "check",
    "channels_missing",
    Error,
    "政府信息公开条例第二十三条、第二十四条",
    "未说明公开渠道",
    "no publication channel is given",
    "\"channels\": []"
);
code!(
    CHANNEL_NOT_IN_CATALOGUE,
    "check",
    "channel_not_in_catalogue",
    Warning,
    "目录事项的公开渠道和载体（国办发〔2019〕54号）",
    "渠道不在该事项目录规定的渠道中",
    "the channel is not among the item's catalogue channels",
    "\"channels\": [\"wechat\"] for an item on `government_website`"
);
code!(
    PUBLICATION_LATE,
    "check",
    "publication_late",
    Error,
    "政府信息公开条例第二十六条（或事项规定的时限）",
    "超过事项规定的公开时限",
    "published after the item's time limit",
    "formed 2026-03-02, published 2026-04-15 (limit 20 working days)"
);
code!(
    PUBLICATION_OVERDUE,
    "check",
    "publication_overdue",
    Error,
    "政府信息公开条例第二十六条（或事项规定的时限）",
    "尚未公开且已超过公开时限",
    "not yet published and the time limit has passed",
    "no `published`, today 2026-05-01, due 2026-03-30"
);
code!(
    TIMELINESS_UNCHECKED,
    "check",
    "timeliness_unchecked",
    Info,
    "政府信息公开条例第二十六条",
    "无法检查时限（缺少该年度的工作日历数据）",
    "the time limit could not be checked (no working-day calendar data for the year)",
    "formed 2031-01-05"
);
/// Declared by the calendar (the request clock quotes it too, from below check).
pub use crate::calendar::CALENDAR_PROVISIONAL;

// ── review trail ────────────────────────────────────────────────────────────────────────────
code!(
    REVIEW_CONFIDENTIALITY_MISSING,
    "check",
    "review_confidentiality_missing",
    Error,
    "政府信息公开条例第十七条；保守国家秘密法",
    "公开前没有保密审查记录",
    "no confidentiality review before publication",
    "`review` without a `confidentiality` sign-off"
);
code!(
    REVIEW_AFTER_PUBLICATION,
    "check",
    "review_after_publication",
    Error,
    "政府信息公开条例第十七条",
    "审查晚于公开日期",
    "a review is dated after publication",
    "confidentiality review 2026-03-12, published 2026-03-10"
);
code!(
    REVIEW_REJECTED,
    "check",
    "review_rejected",
    Error,
    "政府信息公开条例第十七条",
    "审查结论为不同意公开，但记录仍被公开",
    "a review did not approve publication, yet the record is published",
    "\"result\": \"rejected\""
);

// ── interpretation (文件+解读) ──────────────────────────────────────────────────────────────
code!(
    INTERPRETATION_MISSING,
    "check",
    "interpretation_missing",
    Error,
    "目录事项标注“文件+解读”（见事项的 interpretation_basis）",
    "该事项须同步发布政策解读，但记录没有解读",
    "the item needs an interpretation published with it, and there is none",
    "a normative document without `interpretation`"
);
code!(
    INTERPRETATION_LATE,
    "check",
    "interpretation_late",
    Error,
    "目录事项标注“文件+解读”（见事项的 interpretation_basis）",
    "政策解读晚于文件发布",
    "the interpretation was published after the document",
    "document 2026-03-10, interpretation 2026-03-20"
);

// ── disclosure and exemption grounds ────────────────────────────────────────────────────────
code!(
    DISCLOSURE_GROUNDS_MISSING,
    "check",
    "disclosure_grounds_missing",
    Error,
    "政府信息公开条例第三十六条第（三）项、第三十七条",
    "不予公开或部分公开但未引用不予公开的依据",
    "withheld or partly disclosed without citing a ground",
    "\"status\": \"withheld\", \"grounds\": []"
);
code!(
    DISCLOSURE_REASONS_MISSING,
    "check",
    "disclosure_reasons_missing",
    Error,
    "政府信息公开条例第三十六条第（三）项、第三十七条",
    "不予公开或部分公开但未说明理由",
    "withheld or partly disclosed without a statement of reasons",
    "\"status\": \"partial\" without `reasons`"
);
code!(
    DISCLOSURE_GROUNDS_WITH_FULL,
    "check",
    "disclosure_grounds_with_full",
    Warning,
    "政府信息公开条例第十三条",
    "全部公开的记录却引用了不予公开的依据",
    "fully disclosed, yet exemption grounds are cited",
    "\"status\": \"full\", \"grounds\": [\"ogi.art15.personal_privacy\"]"
);
code!(
    GROUND_UNKNOWN,
    "check",
    "ground_unknown",
    Error,
    "政府信息公开条例第十三条（除第十四、十五、十六条外应当公开）",
    "引用的不予公开依据不存在",
    "the cited exemption ground does not exist",
    "\"grounds\": [\"ogi.art99\"]"
);
code!(
    GROUND_NOT_AVAILABLE,
    "check",
    "ground_not_available",
    Error,
    "catalogues/grounds.yaml（各依据适用的机构类别）",
    "该依据不适用于此类机构",
    "the ground is not available to this kind of institution",
    "a hospital citing a ground for administrative bodies only"
);
code!(
    GROUND_QUALIFIED_NO_CONSULTATION,
    "check",
    "ground_qualified_no_consultation",
    Error,
    "政府信息公开条例第十五条、第三十二条",
    "引用第十五条（第三方权益）但没有征求第三方意见的记录",
    "an Art 15 ground is cited without a record of consulting the third party",
    "\"grounds\": [\"ogi.art15.trade_secret\"] without `third_party_consultation`"
);
code!(
    GROUND_QUALIFIED_NO_PUBLIC_INTEREST,
    "check",
    "ground_qualified_no_public_interest",
    Warning,
    "政府信息公开条例第十五条",
    "引用第十五条但没有公共利益衡量的记录",
    "an Art 15 ground is cited without a record of the public-interest assessment",
    "\"grounds\": [\"ogi.art15.personal_privacy\"] without `public_interest_assessment`"
);
code!(
    GROUND_DISCRETIONARY_ON_STATUTORY,
    "check",
    "ground_discretionary_on_statutory",
    Error,
    "政府信息公开条例第十六条第二款（法律、法规、规章规定应当公开的，从其规定）",
    "对法律规定应当公开的信息引用了第十六条的裁量性依据",
    "an Art 16 discretionary ground is cited for information a law requires to be disclosed",
    "a penalty decision withheld as `ogi.art16.process`"
);

// ── dates ───────────────────────────────────────────────────────────────────────────────────
code!(
    DATES_OUT_OF_ORDER,
    "check",
    "dates_out_of_order",
    Error,
    "政府信息公开条例第二十六条（自形成或者变更之日起）；第四十五条（登记、审核、办理、答复、归档）",
    "日期顺序不合理（如公开早于形成，归档早于公开）",
    "dates are out of order (e.g. published before formed, archived before published)",
    "formed 2026-03-10, published 2026-03-02"
);

// ── withdrawal of a published decision (行政处罚法 Art 48 ¶2) ─────────────────────────────────
code!(
    WITHDRAWAL_LATE,
    "check",
    "withdrawal_late",
    Error,
    "行政处罚法第四十八条第二款、第八十五条（三日为工作日）",
    "公开的处罚决定被变更、撤销、确认违法或者确认无效后，未在三个工作日内撤回",
    "a published decision that was changed, revoked, or confirmed unlawful or void was not withdrawn within three working days",
    "\"withdrawal\": {\"cause\": \"revoked\", \"date\": \"2026-04-30\", \"withdrawn\": \"2026-05-08\"}"
);
code!(
    WITHDRAWAL_REASONS_MISSING,
    "check",
    "withdrawal_reasons_missing",
    Error,
    "行政处罚法第四十八条第二款（撤回并公开说明理由）",
    "撤回公开的处罚决定但没有公开说明理由",
    "a published decision was withdrawn without publishing the reasons",
    "\"withdrawal\": {\"withdrawn\": \"2026-05-06\"} without `reasons`"
);

/// The member of a record that holds its suppressions (read by [`crate::filter`]).
pub const SUPPRESSION_MEMBER: &str = "x-gongkai";

code!(
    SUPPRESSION_WITHOUT_REASON,
    "check",
    "suppression_without_reason",
    Warning,
    "gongkai: a record's x-gongkai suppressions",
    "记录中的抑制（x-gongkai.ignore）未说明理由",
    "a suppression in the record (x-gongkai.ignore) gives no reason",
    "{\"x-gongkai\": {\"ignore\": [\"channel_not_in_catalogue\"]}}"
);
code!(
    SUPPRESSION_UNKNOWN_CODE,
    "check",
    "suppression_unknown_code",
    Warning,
    "gongkai: a record's x-gongkai suppressions",
    "抑制中列出的代码不存在",
    "a suppression names a code that does not exist",
    "{\"x-gongkai\": {\"ignore\": [\"chanel_not_in_catalogue\"], \"reason\": \"…\"}}"
);
code!(
    SUPPRESSION_INVALID,
    "check",
    "suppression_invalid",
    Error,
    "gongkai: a record's x-gongkai suppressions",
    "x-gongkai 的形式不正确（应为 {\"ignore\": [代码…], \"reason\": \"…\"}）",
    "x-gongkai is not of the form {\"ignore\": [codes…], \"reason\": \"…\"}",
    "{\"x-gongkai\": {\"ignore\": \"item_unknown\"}}"
);

/// Diagnostic codes of the record checks, in documentation order.
pub static CODES: &[&CodeInfo] = &[
    &INPUT_INVALID_JSON,
    &INPUT_NOT_UTF8,
    &INPUT_EMPTY,
    &INPUT_TOO_DEEP,
    &INPUT_TOO_LARGE,
    &INPUT_UNREADABLE,
    &RECORD_NOT_OBJECT,
    &RECORD_UNKNOWN_KIND,
    &RECORD_MISSING_FIELD,
    &RECORD_WRONG_TYPE,
    &RECORD_INVALID_VALUE,
    &RECORD_INVALID_DATE,
    &RECORD_UNKNOWN_INSTITUTION,
    &crate::record::UNKNOWN_MEMBER,
    &ITEM_UNKNOWN,
    &ITEM_NOT_APPLICABLE,
    &FIELDS_MISSING_ELEMENT,
    &FIELDS_INVALID_ELEMENT,
    &DOCUMENT_NUMBER_MISMATCH,
    &DOCUMENT_NUMBER_MALFORMED,
    &CHANNELS_MISSING,
    &CHANNEL_NOT_IN_CATALOGUE,
    &PUBLICATION_LATE,
    &PUBLICATION_OVERDUE,
    &TIMELINESS_UNCHECKED,
    &CALENDAR_PROVISIONAL,
    &REVIEW_CONFIDENTIALITY_MISSING,
    &REVIEW_AFTER_PUBLICATION,
    &REVIEW_REJECTED,
    &INTERPRETATION_MISSING,
    &INTERPRETATION_LATE,
    &DISCLOSURE_GROUNDS_MISSING,
    &DISCLOSURE_REASONS_MISSING,
    &DISCLOSURE_GROUNDS_WITH_FULL,
    &GROUND_UNKNOWN,
    &GROUND_NOT_AVAILABLE,
    &GROUND_QUALIFIED_NO_CONSULTATION,
    &GROUND_QUALIFIED_NO_PUBLIC_INTEREST,
    &GROUND_DISCRETIONARY_ON_STATUTORY,
    &DATES_OUT_OF_ORDER,
    &WITHDRAWAL_LATE,
    &WITHDRAWAL_REASONS_MISSING,
    &ATTACHMENT_FILE_MISSING,
    &ATTACHMENT_FILE_UNREADABLE,
    &ATTACHMENT_FILE_OUTSIDE,
    &ANNUAL_REPORT_BELOW_COUNTY,
];

// ── attachments named by file (`"attachments": [{"name", "path"}]`) ─────────────────────────
code!(
    ATTACHMENT_FILE_MISSING,
    "check",
    "attachment_file_missing",
    Error,
    "政府信息公开条例第十七条（公开前审查）",
    "记录所列附件文件不存在：将要公开的内容无法审查",
    "the attachment file the record names does not exist: what would go live cannot be reviewed",
    "\"attachments\": [{\"name\": \"名单.xlsx\", \"path\": \"files/名单.xlsx\"}] with no such file"
);
code!(
    ATTACHMENT_FILE_UNREADABLE,
    "check",
    "attachment_file_unreadable",
    Error,
    "政府信息公开条例第十七条（公开前审查）",
    "附件文件无法读取（权限、损坏、超出解压限制或格式不明），未经筛查",
    "the attachment file cannot be read (permissions, damaged, over the unpacking limits or of an unknown kind): it was not screened",
    "a truncated .xlsx named by `path`"
);
code!(
    ATTACHMENT_FILE_OUTSIDE,
    "input",
    "attachment_file_outside",
    Error,
    "",
    "附件路径指向被检查的文件夹之外（未读取）",
    "the attachment path leads outside the folder being checked (not read)",
    "\"path\": \"../../etc/passwd\""
);

// ── annual reports below county level ───────────────────────────────────────────────────────
code!(
    ANNUAL_REPORT_BELOW_COUNTY,
    "check",
    "annual_report_below_county",
    Info,
    "政府信息公开条例第四十九条（县级以上人民政府部门、县级以上地方人民政府的政府信息公开工作主管部门）",
    "乡镇人民政府或街道办事处的年度报告：条例第四十九条只规定县级以上，本身不要求；按报告格式检查，不检查时限",
    "an annual report of a township government or street office: 条例 Art 49 names county level and above and does not itself require it; checked against the report's contents, not its due date",
    "{\"institution\": {\"kind\": \"administrative\", \"tier\": \"township\", \"role\": \"government\"}, \"item\": \"admin.art49.report.government\"}"
);

/// The codes of [`crate::filter`] (a record's suppressions): declared here, below the registry,
/// because the filter itself sits above it; they are not the checker's own.
pub static FILTER_CODES: &[&CodeInfo] = &[&SUPPRESSION_WITHOUT_REASON, &SUPPRESSION_UNKNOWN_CODE, &SUPPRESSION_INVALID];
