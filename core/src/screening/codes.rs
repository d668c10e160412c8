//! Diagnostic codes of the screening detectors, each with the rule that makes it one.

use crate::diagnostics::CodeInfo;
use crate::diagnostics::code;

code!(
    RESIDENT_ID,
    "screening",
    "screening_resident_id",
    Error,
    "个人信息保护法第二十五条、第二十八条；居民身份证法第十九条；GB 11643-1999",
    "未脱敏的居民身份证号码（出生日期与校验码有效）",
    "unmasked resident identity number (valid birth date and check character)",
    "身份证号：11010519491231002X"
);
code!(
    RESIDENT_ID_LEGACY,
    "screening",
    "screening_resident_id_legacy",
    Warning,
    "个人信息保护法第二十五条；居民身份证法第十九条；GB 11643-1989（15 位旧号码，无校验码）",
    "疑似未脱敏的 15 位旧式身份证号码",
    "possible unmasked 15-digit legacy identity number",
    "身份证号：110105491231002"
);
code!(
    MOBILE,
    "screening",
    "screening_mobile",
    Warning,
    "个人信息保护法第二十五条",
    "未脱敏的个人手机号码",
    "unmasked personal mobile number",
    "联系电话：13812345678"
);
code!(
    BANK_CARD,
    "screening",
    "screening_bank_card",
    Error,
    "个人信息保护法第二十五条、第二十八条（金融账户）",
    "未脱敏的银行卡号（Luhn 校验通过）",
    "unmasked bank card number (passes the Luhn check)",
    "卡号：6222021234567890128"
);
code!(
    EMAIL,
    "screening",
    "screening_email",
    Warning,
    "个人信息保护法第二十五条",
    "未脱敏的电子邮箱地址",
    "unmasked e-mail address",
    "邮箱：zhangsan@example.com"
);
code!(
    PASSPORT,
    "screening",
    "screening_passport",
    Error,
    "个人信息保护法第二十五条、第二十八条（特定身份）",
    "未脱敏的护照号码",
    "unmasked passport number",
    "护照号：E12345678"
);
code!(
    TRAVEL_PERMIT,
    "screening",
    "screening_travel_permit",
    Error,
    "个人信息保护法第二十五条、第二十八条（特定身份）",
    "未脱敏的港澳通行证或来往内地通行证号码",
    "unmasked Hong Kong/Macau travel permit number",
    "港澳通行证：C12345678"
);
code!(
    VEHICLE_PLATE,
    "screening",
    "screening_vehicle_plate",
    Warning,
    "个人信息保护法第二十五条（可识别特定自然人的信息）",
    "未脱敏的机动车号牌",
    "unmasked vehicle registration plate",
    "车牌号：京A12345"
);
code!(
    CREDIT_CODE,
    "screening",
    "screening_credit_code",
    Info,
    "GB 32100-2015（法人和其他组织统一社会信用代码，可依法公开）",
    "统一社会信用代码（组织机构信息，非个人信息）",
    "unified social credit code (an organisation's code, not personal data)",
    "统一社会信用代码：91440300192203821A"
);
code!(
    CLASSIFIED_MARKING,
    "screening",
    "screening_classified_marking",
    Error,
    "保守国家秘密法第十四条、第二十二条、第三十五条；政府信息公开条例第十四条",
    "文中出现国家秘密密级标志，不得公开",
    "a state-secret classification marking appears in the text: it must not be published",
    "机密★10年"
);
code!(
    INTERNAL_MARKING,
    "screening",
    "screening_internal_marking",
    Warning,
    "政府信息公开条例第十六条、第十七条（内部事务信息；公开前审查）",
    "文中出现“内部资料”“注意保存”等内部标志，公开前须审查",
    "an internal-use marking (内部资料, 注意保存 …) appears: review before publication",
    "内部资料 注意保存"
);
code!(
    ORGANISATIONAL_CONTACT,
    "screening",
    "screening_organisational_contact",
    Info,
    "政府信息公开条例第二十条第（二）项（联系方式应当主动公开）",
    "机构联系方式（办公电话、咨询电话等），属应公开信息",
    "an organisational contact (office or enquiry number): a required disclosure, not personal data",
    "咨询电话：13812345678"
);
code!(
    REDACTED,
    "screening",
    "screening_redacted",
    Info,
    "个人信息保护法第七十三条（去标识化）",
    "已脱敏的个人信息",
    "personal data already masked",
    "110105********002X"
);
code!(
    MUST_BE_MASKED,
    "screening",
    "screening_must_be_masked",
    Error,
    "个人信息保护法第二十五条；事项的个人信息规则",
    "该字段可以含有此类个人信息，但必须脱敏后公开",
    "this field may carry this kind of personal data only masked",
    "fields.name: 张三 11010519491231002X"
);

code!(
    NOT_SCREENED,
    "screening",
    "screening_not_screened",
    Error,
    "个人信息保护法第二十五条；政府信息公开条例第十四条、第十五条（公开前审查）",
    "文件或其部分无法筛查（扫描件无文字层、加密、无法解析），须人工审查",
    "a file or part of it could not be screened (a scan without a text layer, encrypted, unreadable): review it by hand",
    "扫描件.pdf 第 1 页：无文字层"
);
code!(
    HIDDEN_CONTENT,
    "screening",
    "screening_hidden_content",
    Warning,
    "个人信息保护法第二十五条；政府信息公开条例第十四条（隐藏内容随文件一并公开）",
    "文件含隐藏的工作表、行或列：隐藏内容随文件公开，须一并审查或删除",
    "the file has hidden sheets, rows or columns: they are published with it, so review or remove them",
    "名单.xlsx：隐藏工作表 `原始数据`"
);

/// Every code the screening detectors emit.
pub static CODES: &[&CodeInfo] = &[
    &RESIDENT_ID,
    &RESIDENT_ID_LEGACY,
    &MOBILE,
    &BANK_CARD,
    &EMAIL,
    &PASSPORT,
    &TRAVEL_PERMIT,
    &VEHICLE_PLATE,
    &CREDIT_CODE,
    &CLASSIFIED_MARKING,
    &INTERNAL_MARKING,
    &ORGANISATIONAL_CONTACT,
    &REDACTED,
    &MUST_BE_MASKED,
    &NOT_SCREENED,
    &HIDDEN_CONTENT,
];
