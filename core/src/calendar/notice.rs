//! Reading the text of a State Council General Office holiday notice
//! (国务院办公厅关于YYYY年部分节假日安排的通知) into a year file.
//!
//! Each holiday is one line: `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。`
//! Sentences with `放假` give the days off (`M月D日至D日`, a single day, `与周末连休` for the
//! adjacent weekend, `补休` for a make-up day off); sentences with `上班` list the make-up working
//! days. A date with no year is in the year covered, one with no month in the month before it.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::data::{DateRange, HolidaySpec, Notice, YearFile};
use crate::error::{Error, Location};
use crate::model::Text;

/// The seven holidays every notice schedules, by the name it uses.
const HOLIDAYS: &[(&str, &str, &str)] = &[
    ("元旦", "new_year", "New Year's Day"),
    ("春节", "spring_festival", "Spring Festival"),
    ("清明节", "qingming", "Qingming Festival"),
    ("劳动节", "labour_day", "Labour Day"),
    ("端午节", "dragon_boat", "Dragon Boat Festival"),
    ("中秋节", "mid_autumn", "Mid-Autumn Festival"),
    ("国庆节", "national_day", "National Day"),
];

fn err(file: &str, line: Option<usize>, message: String) -> Error {
    Error::Catalogue {
        code: "notice_unreadable",
        location: Location { file: file.to_owned(), line: line.map(|l| l as u32), column: None, path: None },
        message,
    }
}

/// `(year, month, day)` parts of each `[YYYY年][M月]D日` in `s`, in order.
fn dates(s: &str) -> Vec<(Option<i32>, Option<u32>, u32)> {
    let mut out = Vec::new();
    let (mut year, mut month, mut num) = (None, None, String::new());
    for c in s.chars() {
        match c {
            '0'..='9' => num.push(c),
            '年' if !num.is_empty() => year = num.parse().ok(),
            '月' if !num.is_empty() => month = num.parse().ok(),
            '日' if !num.is_empty() => {
                if let Ok(day) = num.parse() {
                    out.push((year.take(), month.take(), day));
                }
            }
            _ => {
                year = None;
                month = None;
            }
        }
        if !c.is_ascii_digit() {
            num.clear();
        }
    }
    out
}

/// Resolve partial dates: year defaults to the last year seen (else `covers`), month to the last month.
fn resolve(parts: &[(Option<i32>, Option<u32>, u32)], covers: i32) -> Option<Vec<NaiveDate>> {
    let (mut y, mut m) = (covers, None);
    parts
        .iter()
        .map(|&(py, pm, d)| {
            if let Some(py) = py {
                y = py;
            }
            if pm.is_some() {
                m = pm;
            }
            NaiveDate::from_ymd_opt(y, m?, d)
        })
        .collect()
}

fn weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The year covered, from the title or the opening sentence (`2026年元旦、春节…`).
fn covers(text: &str) -> Option<i32> {
    for marker in ["关于", "现将"] {
        for (i, _) in text.match_indices(marker) {
            let rest = &text[i + marker.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() == 4 && rest[digits.len()..].starts_with('年') {
                return digits.parse().ok();
            }
        }
    }
    None
}

/// Read a notice's text into a year file. `url` is cited as the notice's address.
pub fn parse_notice(file: &str, text: &str, url: &str) -> Result<YearFile, Error> {
    let year = covers(text)
        .ok_or_else(|| err(file, None, "no year found: expected `关于YYYY年部分节假日安排` or `现将YYYY年…`".into()))?;
    let mut holidays: Vec<HolidaySpec> = Vec::new();
    let mut errors = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim().replace(':', "：");
        let Some((head, body)) = line.split_once('：') else { continue };
        // `一、元旦` / `六、中秋节、国庆节`: the numbered holiday lines.
        let Some((_, names)) = head.split_once('、') else { continue };
        let named: Vec<&(&str, &str, &str)> = HOLIDAYS.iter().filter(|(zh, _, _)| names.contains(zh)).collect();
        if named.is_empty() || !body.contains("放假") {
            continue;
        }
        let mut off: Vec<DateRange> = Vec::new();
        let mut makeup = Vec::new();
        for sentence in body.split(['。', '；']) {
            let Some(found) = resolve(&dates(sentence), year) else {
                errors.push(err(file, Some(line_no), format!("a date in `{sentence}` does not exist")));
                continue;
            };
            if sentence.contains("上班") {
                for d in found {
                    if !weekend(d) {
                        errors.push(err(
                            file,
                            Some(line_no),
                            format!("make-up working day `{d}` is not a Saturday or Sunday"),
                        ));
                    }
                    makeup.push(d);
                }
            } else if sentence.contains("放假") || sentence.contains("补休") {
                let Some(&first) = found.first() else { continue };
                let until = if sentence.contains('至') { found.get(1).copied() } else { None };
                let mut range = DateRange { from: first, to: until.unwrap_or(first) };
                if range.to < range.from {
                    errors.push(err(file, Some(line_no), format!("`{}` is before `{}`", range.to, range.from)));
                    continue;
                }
                if sentence.contains("与周末连休") {
                    while let Some(next) = range.to.checked_add_days(Days::new(1)).filter(|d| weekend(*d)) {
                        range.to = next;
                    }
                    while let Some(prev) = range.from.checked_sub_days(Days::new(1)).filter(|d| weekend(*d)) {
                        range.from = prev;
                    }
                }
                off.push(range);
                // `4月5日放假，4月6日（星期一）补休`: the make-up day off follows.
                if sentence.contains("补休") && until.is_none() {
                    for d in found.iter().skip(1) {
                        match off.last_mut() {
                            Some(r) if r.to.succ_opt() == Some(*d) => r.to = *d,
                            _ => off.push(DateRange { from: *d, to: *d }),
                        }
                    }
                }
            }
        }
        if off.is_empty() {
            errors.push(err(file, Some(line_no), format!("no days off found in `{body}`")));
            continue;
        }
        let (id, zh, en) = match named.as_slice() {
            [one] => (one.1.to_owned(), one.0.to_owned(), one.2.to_owned()),
            many => (
                many.iter().map(|h| h.1).collect::<Vec<_>>().join("_"),
                names.to_owned(),
                many.iter().map(|h| h.2).collect::<Vec<_>>().join(" and "),
            ),
        };
        holidays.push(HolidaySpec { id, name: Text::new(zh, en), off, makeup_working_days: makeup });
    }
    for (zh, id, _) in HOLIDAYS {
        if !holidays.iter().any(|h| h.id.contains(id)) {
            errors.push(err(file, None, format!("no line schedules {zh} (`{id}`): a notice sets all seven holidays")));
        }
    }
    super::data::into_result(errors)?;
    let title = format!("国务院办公厅关于{year}年部分节假日安排的通知");
    Ok(YearFile { covers: year, notices: vec![Notice { title, url: url.to_owned(), title_status: None }], holidays })
}
