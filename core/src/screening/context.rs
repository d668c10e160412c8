//! Labels just before a value. Personal labels (姓名, 身份证号, 住址, 联系电话 …) raise the
//! confidence; organisational labels (办公电话, 咨询电话 …, which 条例 Art 20(二) requires to be
//! published) turn a phone number or e-mail address into an informational organisational contact.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::codes::ORGANISATIONAL_CONTACT;
use super::{Hit, Kind};

/// How far back (bytes; about a dozen Chinese characters) a label is looked for.
const WINDOW: usize = 36;

const ORGANISATIONAL: &[&str] = &[
    "办公电话",
    "咨询电话",
    "举报电话",
    "投诉电话",
    "监督电话",
    "服务电话",
    "受理电话",
    "值班电话",
    "服务热线",
    "热线",
    "传真",
    "办公地址",
    "单位电话",
    "咨询邮箱",
    "投稿邮箱",
    "举报邮箱",
    "监督邮箱",
    "受理邮箱",
];

const PERSONAL: &[&str] = &[
    "公民身份号码",
    "身份证号码",
    "身份证号",
    "身份证",
    "证件号码",
    "证件号",
    "姓名",
    "家庭住址",
    "住址",
    "户籍",
    "联系电话",
    "手机号码",
    "手机号",
    "手机",
    "个人电话",
    "电话",
    "银行卡号",
    "银行账号",
    "卡号",
    "账号",
    "护照号码",
    "护照号",
    "护照",
    "通行证号码",
    "通行证",
    "车牌号码",
    "车牌号",
    "车牌",
    "号牌",
    "电子邮箱",
    "邮箱",
    "当事人",
    "申请人",
];

fn window(text: &str, start: usize) -> &str {
    let mut from = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..start]
}

/// What may stand between a label and its value: `身份证号：`, `邮箱为`, `护照（护照号`.
fn trim_joiners(mut window: &str) -> &str {
    const JOINERS: [char; 9] = ['：', ':', ' ', '\u{3000}', '\t', '为', '是', '（', '('];
    for _ in 0..3 {
        window = window.trim_end_matches(JOINERS);
    }
    window
}

/// Labels by their last character, organisational ones first, then longest first: a value's
/// window is compared only with the few labels that can end it.
static BY_LAST_CHAR: LazyLock<HashMap<char, Vec<(&'static str, bool)>>> = LazyLock::new(|| {
    let mut map: HashMap<char, Vec<(&'static str, bool)>> = HashMap::new();
    for (labels, organisational) in [(ORGANISATIONAL, true), (PERSONAL, false)] {
        for &label in labels {
            if let Some(last) = label.chars().next_back() {
                map.entry(last).or_default().push((label, organisational));
            }
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|&(label, organisational)| (!organisational, std::cmp::Reverse(label.len())));
    }
    map
});

/// The label the text before the value ends with (organisational labels first, longest first),
/// and whether it is organisational.
fn nearest(window: &str) -> Option<(&'static str, bool)> {
    let window = trim_joiners(window);
    let last = window.chars().next_back()?;
    BY_LAST_CHAR.get(&last)?.iter().copied().find(|(label, _)| window.ends_with(label))
}

/// How far back (bytes; about 130 Chinese characters) a 联系方式 heading is looked for.
const BLOCK_WINDOW: usize = 400;

/// Headings of the contact block that 条例 Art 20(二) and guides (公开指南) publish.
const BLOCK_HEADINGS: &[&str] = &["联系方式", "联系我们", "联系办法"];

/// What only an office's contact block has next to its number or mailbox.
const OFFICE_MARKERS: &[&str] = &[
    "办公地址",
    "通讯地址",
    "通信地址",
    "地址：",
    "地址:",
    "邮政编码",
    "邮编",
    "办公时间",
    "工作时间",
    "受理时间",
    "传真",
    "信息公开",
    "办公室",
    "受理机构",
    "工作机构",
];

/// What marks a private person's record, which no office's contact block has.
const PERSON_MARKERS: &[&str] = &["姓名", "身份证", "申请人", "当事人", "户主", "家庭住址", "出生"];

fn around(text: &str, start: usize, end: usize, before: usize, after: usize) -> &str {
    let mut from = start.saturating_sub(before);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + after).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[from..to]
}

/// An e-mail address at a government body's domain (`xxgk@example.gov.cn`).
fn government_domain(value: &str) -> bool {
    let Some((_, domain)) = value.rsplit_once('@') else { return false };
    let domain = domain.to_ascii_lowercase();
    domain == "gov.cn" || domain.ends_with(".gov.cn")
}

/// Inside a 联系方式 block: a heading not far before, an office's address, postcode or hours
/// around, and nothing of a private person's record.
fn in_contact_block(text: &str, start: usize, end: usize) -> bool {
    let before = around(text, start, start, BLOCK_WINDOW, 0);
    let Some(heading) = BLOCK_HEADINGS.iter().filter_map(|h| before.rfind(h)).max() else { return false };
    let block = &before[heading..];
    let near = around(text, start, end, 150, 150);
    OFFICE_MARKERS.iter().any(|m| near.contains(m))
        && !PERSON_MARKERS.iter().any(|m| block.contains(m) || near.contains(m))
}

pub(super) fn apply(text: &str, hit: &mut Hit) {
    if !hit.kind.is_personal() || hit.redacted {
        return;
    }
    let label = nearest(window(text, hit.start));
    if let Some((label, organisational)) = label {
        hit.label = Some(label);
        if organisational && matches!(hit.kind, Kind::Mobile | Kind::Email) {
            hit.info = &ORGANISATIONAL_CONTACT;
            hit.confidence = 0.8;
            hit.reason = Some("organisational_label");
            return;
        }
        if !organisational {
            hit.confidence = (hit.confidence + 0.1).min(1.0);
        }
    }
    if !matches!(hit.kind, Kind::Mobile | Kind::Email) {
        return;
    }
    if hit.kind == Kind::Email && government_domain(&text[hit.start..hit.end]) {
        hit.info = &ORGANISATIONAL_CONTACT;
        hit.confidence = 0.9;
        hit.reason = Some("government_domain");
    } else if in_contact_block(text, hit.start, hit.end) {
        hit.info = &ORGANISATIONAL_CONTACT;
        hit.confidence = 0.75;
        hit.reason = Some("contact_block");
    }
}
