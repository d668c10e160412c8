//! Diagnostic codes of the annual-report checks, report generation and audits.

use crate::diagnostics::CodeInfo;
use crate::diagnostics::code;

code!(
    BALANCE,
    "report",
    "report_balance_mismatch",
    Error,
    "年度报告格式 表三 勾稽关系：第一项加第二项之和，等于第三项加第四项之和（国办公开办函〔2021〕30号；〔2019〕60号）",
    "表三某列：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度",
    "table 三 column: new + carried in differs from total handled + carried out",
    "new 100 + carried_in 5 but r7_total 90 + carried_out 10"
);
code!(
    OUTCOME_TOTAL,
    "report",
    "report_outcome_total_mismatch",
    Error,
    "INFERRED from the row structure of table 三（国办公开办函〔2021〕30号）：（七）总计 = （一）至（六）各项之和",
    "表三某列：（七）总计不等于（一）至（六）各项之和",
    "table 三 column: （七）总计 is not the sum of outcomes （一）–（六）",
    "r7_total 90 but r1 50 + r2 20 + … = 88"
);
code!(
    COLUMN_TOTAL,
    "report",
    "report_column_total_mismatch",
    Error,
    "INFERRED from the column structure of table 三（国办公开办函〔2021〕30号）：总计 = 自然人 + 法人或其他组织各类之和",
    "表三某行：总计列不等于各类申请人之和",
    "table 三 row: the 总计 column is not the sum of the applicant columns",
    "new: natural_person 80 + commercial 10 but total 95"
);
code!(
    CASE_TOTAL,
    "report",
    "report_case_total_mismatch",
    Error,
    "INFERRED from table 四（国办公开办函〔2021〕30号）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    "表四某组：总计不等于维持、纠正、其他、尚未审结之和",
    "table 四 group: 总计 is not 维持 + 纠正 + 其他 + 尚未审结",
    "reconsideration: 376 + 97 + 196 + 121 but total 800"
);
code!(
    NEGATIVE,
    "report",
    "report_negative_count",
    Error,
    "年度报告格式：各栏为件数（国办公开办函〔2021〕30号）",
    "表中件数为负数",
    "a count in the tables is negative",
    "\"natural_person\": -3"
);
code!(
    NOT_INTEGER,
    "report",
    "report_not_integer",
    Error,
    "年度报告格式：各栏为件数（国办公开办函〔2021〕30号）",
    "表中件数不是整数",
    "a count in the tables is not a whole number",
    "\"total\": 12.5"
);
code!(
    TOO_LARGE,
    "report",
    "report_count_too_large",
    Error,
    "年度报告格式：各栏为件数（国办公开办函〔2021〕30号）",
    "表中件数或其合计过大，无法准确相加（上限 9007199254740991）",
    "a count in the tables, or a sum of them, is too large to add up exactly (limit 9007199254740991)",
    "\"total\": 18446744073709551616"
);
code!(
    BLANK,
    "report",
    "report_blank_cell",
    Warning,
    "年度报告格式（国办公开办函〔2021〕30号）：表格各栏应填写，无数据填 0",
    "表中有空白栏（按 0 计算）",
    "a table cell is blank (counted as 0)",
    "\"total\": null"
);
code!(
    ROW_NOT_IN_FORMAT,
    "report",
    "report_row_not_in_format",
    Error,
    "国办公开办函〔2021〕30号 表三（六）分三项；国办公开办函〔2019〕60号 表三（六）为一项",
    "该行不属于所声明的报告格式版本",
    "the row does not belong to the declared format version",
    "\"r6\" in a report with \"format\": \"2021\""
);
code!(
    COLUMN_NOT_IN_FORMAT,
    "report",
    "report_column_not_in_format",
    Error,
    "年度报告格式 表二（国办公开办函〔2021〕30号；〔2019〕60号）",
    "表二该栏不属于所声明的报告格式版本",
    "the table 二 column does not belong to the declared format version",
    "\"made\" under rules in a 2021-format report"
);
code!(
    FORMAT_YEAR,
    "report",
    "report_format_year_mismatch",
    Warning,
    "国办公开办函〔2021〕30号（2021年度报告起适用：secondary source, 怀化市通知 [AR-HH]）",
    "报告年度与格式版本不符",
    "the report year does not match the format version",
    "\"format\": \"2019\" for year 2023"
);
code!(
    CARRIED_IN,
    "report",
    "report_carried_in_mismatch",
    Warning,
    "INFERRED consistency check (not stated in the format): 本年“上年结转” = 上年报告“结转下年度继续办理”",
    "上年结转数与上年报告的结转下年度数不一致",
    "carried in differs from last year's carried out",
    "2022 carried_in 560, 2021 carried_out 600"
);
code!(
    PREVIOUS_YEAR,
    "report",
    "report_previous_not_prior_year",
    Warning,
    "",
    "作为上年报告给出的报告不是上一年度的",
    "the report given as last year's is not for the year before",
    "--previous 2020.json for a 2022 report"
);
code!(
    LATE,
    "report",
    "report_published_late",
    Error,
    "政府信息公开条例第四十九条：部门每年1月31日前、县级以上地方人民政府每年3月31日前公布上一年度年度报告",
    "年度报告晚于法定期限公布",
    "the annual report was published after the statutory date",
    "a department's 2024 report published 2025-02-10"
);
code!(
    NO_ROLE,
    "report",
    "report_role_unknown",
    Info,
    "政府信息公开条例第四十九条",
    "未说明是人民政府还是部门，未检查公布期限",
    "role (government or department) not given: publication date not checked",
    "\"published\": \"2025-03-01\" without \"role\""
);
code!(
    BUILD_SKIPPED,
    "report",
    "report_record_not_counted",
    Warning,
    "年度报告格式 表三（国办公开办函〔2021〕30号）",
    "申请记录无法归入表三，未计入",
    "a request record could not be placed in table 三 and was not counted",
    "a denied request whose grounds have no report row"
);
code!(
    AUDIT_MISSING,
    "report",
    "audit_item_missing",
    Error,
    "政府信息公开条例第十九条、第二十条（应当主动公开）",
    "应公开未公开：本期没有该事项的公开记录",
    "should be published but is not: no publication of the item in the period",
    "no annual report published in 2025"
);
code!(
    AUDIT_LATE,
    "report",
    "audit_item_late",
    Warning,
    "政府信息公开条例第二十六条（形成或变更之日起20个工作日内）及各事项的时限",
    "公开晚于时限",
    "published after the item's time limit",
    "annual report published on 2025-04-15"
);
code!(
    AUDIT_RECORD_ERRORS,
    "report",
    "audit_record_errors",
    Warning,
    "政府信息公开条例第六条（准确公开）",
    "公开记录有错误（见检查结果）",
    "the publication record has errors (see the check results)",
    "a penalty decision without its document number"
);
code!(
    AUDIT_UNKNOWN_ITEM,
    "report",
    "audit_unknown_item",
    Info,
    "",
    "记录的事项不在该机构的目录中",
    "the record's item is not in this institution's catalogue",
    "\"item\": \"hosp.fees\" for a county government"
);
code!(
    AUDIT_REQUEST_LATE,
    "report",
    "audit_request_late",
    Warning,
    "政府信息公开条例第三十三条（20个工作日，延长不超过20个工作日）",
    "依申请公开答复超期",
    "request answered after the time limit",
    "received 2025-03-03, answered 2025-04-30"
);

/// Every code of this module, in a stable order.
pub static CODES: &[&CodeInfo] = &[
    &BALANCE,
    &OUTCOME_TOTAL,
    &COLUMN_TOTAL,
    &CASE_TOTAL,
    &NEGATIVE,
    &NOT_INTEGER,
    &TOO_LARGE,
    &BLANK,
    &ROW_NOT_IN_FORMAT,
    &COLUMN_NOT_IN_FORMAT,
    &FORMAT_YEAR,
    &CARRIED_IN,
    &PREVIOUS_YEAR,
    &LATE,
    &NO_ROLE,
    &BUILD_SKIPPED,
    &AUDIT_MISSING,
    &AUDIT_LATE,
    &AUDIT_RECORD_ERRORS,
    &AUDIT_UNKNOWN_ITEM,
    &AUDIT_REQUEST_LATE,
];
