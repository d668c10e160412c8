use proptest::prelude::*;

use super::*;

fn kinds(text: &str) -> Vec<(Kind, &'static str)> {
    scan(text).into_iter().map(|f| (f.kind, f.code)).collect()
}

fn only(text: &str) -> Finding {
    let f = scan(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f.into_iter().next().unwrap()
}

#[test]
fn resident_ids_from_the_standard() {
    let f = only("身份证号：11010519491231002X。");
    assert_eq!((f.kind, f.code, f.severity), (Kind::ResidentId, "screening_resident_id", Severity::Error));
    assert_eq!(f.preview, "110105********002X");
    assert_eq!(f.label, Some("身份证号"));
    assert!(f.value.is_none(), "the full value is only given on request");
    assert_eq!(only("出生于光绪年间，号码440524188001010014").kind, Kind::ResidentId);
    assert!(scan("号码11010519491231002Y与11010519491231003X").is_empty());
}

#[test]
fn legacy_ids_are_lower_confidence() {
    let f = only("原身份证号110105491231002");
    assert_eq!(f.code, "screening_resident_id_legacy");
    assert!(f.confidence < 0.9);
}

#[test]
fn mobiles_with_country_codes_and_separators() {
    for text in [
        "手机13812345678",
        "电话 +86 138 1234 5678。",
        "电话+86-138-1234-5678",
        "+8613812345678",
        "0086 13812345678",
        "008613812345678",
        "138-1234-5678",
    ] {
        let f = only(text);
        assert_eq!(f.kind, Kind::Mobile, "{text}");
        assert!(f.preview.contains("****"), "{text}: {}", f.preview);
    }
    assert_eq!(only("联系电话：13812345678").preview, "138****5678");
}

#[test]
fn organisational_contacts_are_informational() {
    let f = only("咨询电话：13812345678");
    assert_eq!((f.code, f.severity), ("screening_organisational_contact", Severity::Info));
    assert!(!f.is_actionable());
    assert!(scan("办公电话：010-12345678，办公地址：北京市西城区").is_empty(), "fixed lines are not screened");
}

#[test]
fn bank_cards_pass_luhn() {
    assert_eq!(only("卡号6222021234567890128").kind, Kind::BankCard);
    let f = only("银行卡号 4111 1111 1111 1111 已冻结");
    assert_eq!(f.preview, "**** **** **** 1111");
    assert!(scan("卡号6222021234567890127").is_empty(), "Luhn fails");
}

#[test]
fn emails_passports_permits_plates() {
    assert_eq!(only("邮箱zhang.san@example.com。").preview, "z***@example.com");
    assert_eq!(only("护照号E12345678").kind, Kind::Passport);
    assert_eq!(only("护照号EA1234567").kind, Kind::Passport);
    assert_eq!(only("港澳通行证C12345678").kind, Kind::TravelPermit);
    let plate = only("车牌号京A12345的车辆");
    assert_eq!((plate.kind, plate.preview.as_str()), (Kind::VehiclePlate, "京A***45"));
    assert_eq!(only("粤B·D12345").kind, Kind::VehiclePlate);
    assert_eq!(only("沪AD12345").kind, Kind::VehiclePlate);
    assert!(scan("用户user@localhost登录").is_empty());
}

#[test]
fn credit_codes_are_informational() {
    let f = only("统一社会信用代码：914403001922038216");
    assert_eq!((f.kind, f.severity), (Kind::CreditCode, Severity::Info));
    assert_eq!(f.preview, "914403001922038216", "organisations' codes are not masked");
    assert_eq!(only("代码9144030071526726XG").kind, Kind::CreditCode);
}

#[test]
fn classification_markings() {
    for (text, marked) in [
        ("秘密★1年\n关于……的通知", "秘密★1年"),
        ("机密★长期", "机密★长期"),
        ("绝密 ★ 30年", "绝密 ★ 30年"),
        ("密级：机密", "机密"),
        ("机密\n某某文件", "机密"),
    ] {
        let f = only(text);
        assert_eq!(f.kind, Kind::ClassifiedMarking, "{text}");
        assert_eq!(&text[f.byte_start..f.byte_end], marked);
    }
    let f = only("内部资料，注意保存\n正文");
    assert_eq!(
        (f.kind, &"内部资料，注意保存\n正文"[f.byte_start..f.byte_end]),
        (Kind::InternalMarking, "内部资料，注意保存")
    );
    for text in ["不得泄露国家秘密和商业秘密。", "本单位内部文件不予公开", "工作秘密应当保护"]
    {
        assert!(scan(text).is_empty(), "{text}");
    }
}

#[test]
fn near_misses_do_not_fire() {
    for text in [
        "京政发〔2024〕15号",
        "2024年3月15日",
        "金额13812345678.00元",
        "订单号2024031513812345678",
        "编号202403151381234567890",
        "案号2024-13812345678-01",
        "标准GB/T 7408-2005",
        "共计1,380,000元",
        "时间戳1700000000000",
        "流水号20240315-6222021234567890128",
        "邮编100032，传真010-6609 1234",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn masked_values_count_as_redacted() {
    for text in ["110105********002X", "138****1234", "************1234", "z***@example.com", "E******78"] {
        assert!(scan(text).is_empty(), "{text}");
        let f = scan_with(text, &ScanOptions::new().include_redacted(true));
        assert_eq!(f.len(), 1, "{text}");
        assert!(f[0].redacted && f[0].severity == Severity::Info && f[0].code == "screening_redacted");
    }
}

#[test]
fn offsets_slice_in_bytes_scalars_and_utf16() {
    // Astral-plane characters before the finding: an emoji and a CJK Ext-B character (𠀀).
    let text = "😀𠀀张三，身份证号11010519491231002X，手机13812345678";
    let findings = scan_with(text, &ScanOptions::new().include_values(true));
    assert_eq!(findings.len(), 2);
    let scalars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for f in &findings {
        let value = f.value.as_deref().unwrap();
        assert_eq!(&text[f.byte_start..f.byte_end], value);
        assert_eq!(scalars[f.start..f.end].iter().collect::<String>(), value);
        assert_eq!(String::from_utf16(&utf16[f.utf16_start..f.utf16_end]).unwrap(), value);
    }
    assert_eq!((findings[0].start, findings[0].utf16_start), (9, 11));
}

#[test]
fn redact_modes() {
    let text = "张三，身份证号11010519491231002X，手机138-1234-5678，卡号6222021234567890128，咨询电话13912345678。";
    let masked = redact(text, RedactMode::Mask);
    assert_eq!(
        masked.text,
        "张三，身份证号110105********002X，手机138-****-5678，卡号***************0128，咨询电话13912345678。"
    );
    assert_eq!(masked.changes.len(), 3);
    assert_eq!(&text[masked.changes[0].byte_start..masked.changes[0].byte_end], "11010519491231002X");
    let labelled = redact(text, RedactMode::Label);
    assert_eq!(labelled.text, "张三，身份证号[身份证号]，手机[手机号]，卡号[银行卡号]，咨询电话13912345678。");
    let removed = redact(text, RedactMode::Remove);
    assert_eq!(removed.text, "张三，身份证号，手机，卡号，咨询电话13912345678。");
    for r in [masked, labelled, removed] {
        for mode in [RedactMode::Mask, RedactMode::Label, RedactMode::Remove] {
            let again = redact(&r.text, mode);
            assert_eq!(again.text, r.text);
            assert!(again.changes.is_empty());
        }
    }
}

#[test]
fn markings_are_not_redacted() {
    let text = "机密★10年\n统一社会信用代码914403001922038216";
    assert_eq!(redact(text, RedactMode::Mask).text, text);
}

fn item_with_rule(yaml_rule: &str) -> crate::model::Item {
    let json = format!(
        r#"{{"id":"t.penalty","title":{{"zh":"行政处罚决定","en":"penalty decisions"}},"category":["行政执法"],
        "basis":[{{"instrument":"政府信息公开条例","article":"第二十条"}}],"mode":"proactive",
        "timing":{{"kind":"real_time"}},"personal_data":{yaml_rule}}}"#
    );
    serde_json::from_str(&json).unwrap()
}

#[test]
fn diagnostics_respect_the_personal_data_rule() {
    let item = item_with_rule(
        r#"{"fields":["party"],"masked":["resident_id"],"allowed":["vehicle_plate"],"basis":[{"instrument":"个人信息保护法","article":"第二十五条"}]}"#,
    );
    let text = "当事人张三，身份证号11010519491231002X，车牌京A12345";
    let in_field = scan_to_diagnostics(text, "/fields/party", Some(&item));
    assert_eq!(in_field.len(), 1, "{in_field:#?}");
    assert_eq!(in_field[0].code, "screening_must_be_masked");
    assert_eq!(in_field[0].path, "/fields/party");
    assert!(in_field[0].message.zh().contains("110105********002X"));
    assert!(!in_field[0].message.en().contains("11010519491231002X"));
    assert_eq!(in_field[0].basis.as_deref(), Some("《个人信息保护法》第二十五条"));
    let masked = scan_to_diagnostics("当事人张三，身份证号110105********002X", "/fields/party", Some(&item));
    assert!(masked.is_empty());
    let elsewhere = scan_to_diagnostics(text, "/body", Some(&item));
    let codes: Vec<_> = elsewhere.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["screening_resident_id", "screening_vehicle_plate"]);
    assert!(elsewhere[0].basis.as_deref().unwrap().contains("居民身份证法第十九条"));
    assert_eq!(scan_to_diagnostics("机密★1年", "/attachments/0/text", None)[0].code, "screening_classified_marking");
}

#[test]
fn codes_are_declared_once() {
    let mut seen = std::collections::HashSet::new();
    for c in CODES {
        assert!(seen.insert(c.code), "{}", c.code);
        assert!(c.code.starts_with("screening_") && !c.basis.is_empty());
    }
    for kind in Kind::ALL {
        assert!(!kind.label_zh().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn arbitrary_text_never_panics(text in "(\\PC|[0-9*+@. -]|😀|𠀀|★|机密|京A){0,80}") {
        let findings = scan_with(&text, &ScanOptions::new().include_redacted(true).include_values(true));
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for f in &findings {
            prop_assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end));
            prop_assert_eq!(text.chars().skip(f.start).take(f.end - f.start).collect::<String>(), f.value.clone().unwrap());
            prop_assert_eq!(String::from_utf16_lossy(&utf16[f.utf16_start..f.utf16_end]), f.value.clone().unwrap());
        }
        for mode in [RedactMode::Mask, RedactMode::Label, RedactMode::Remove] {
            let once = redact(&text, mode).text;
            prop_assert_eq!(redact(&once, mode).text, once.clone());
        }
    }

    #[test]
    fn identifiers_in_arbitrary_chinese_are_found(prefix in "[\\u4e00-\\u9fa5，。]{0,20}", suffix in "[\\u4e00-\\u9fa5，。]{0,20}") {
        let text = format!("{prefix}11010519491231002X{suffix}");
        let f = scan(&text);
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(f[0].kind, Kind::ResidentId);
    }
}

#[test]
fn an_office_mailbox_at_a_government_domain_is_organisational() {
    let f = only("来信请寄 xxgk@sczj.gov.cn");
    assert_eq!((f.code, f.reason), ("screening_organisational_contact", Some("government_domain")));
    // The same label with a private mailbox stays personal.
    let f = only("联系人邮箱 zhangsan@163.com");
    assert_eq!((f.code, f.reason), ("screening_email", None));
}

#[test]
fn a_contact_block_of_a_guide_is_organisational() {
    let guide = "六、联系方式\n办公地址：某市人民政府办公室（某市中山路1号）\n邮政编码：610000\n\
                 联系电话：13812345678\n电子邮箱：szfxxgk@163.com\n办公时间：工作日9:00-17:00";
    let findings = scan(guide);
    assert_eq!(findings.len(), 2, "{findings:?}");
    for f in &findings {
        assert_eq!((f.code, f.reason), ("screening_organisational_contact", Some("contact_block")), "{f:?}");
    }
    // A list of people under the same heading is not an office's block.
    let people = "联系方式\n姓名：张三 联系电话：13812345678 住址：某市中山路1号 邮编：610000";
    assert_eq!(only(people).code, "screening_mobile");
}

#[test]
fn masked_credit_codes_are_credit_codes_not_resident_ids() {
    let opts = ScanOptions::new().include_redacted(true);
    for text in ["统一社会信用代码：91440300********1A", "代码 91440300MA5*****2X", "91440300********1X"] {
        let f = scan_with(text, &opts);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!((f[0].kind, f[0].redacted), (Kind::CreditCode, true), "{text}");
    }
    let f = scan_with("身份证号 110105********002X", &opts);
    assert_eq!(f[0].kind, Kind::ResidentId);
}
