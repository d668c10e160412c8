//! Provisional years: statutory days derived from 全国年节及纪念日放假办法 for a year with no State
//! Council notice, checked against every announced year 2007–2026 under the version of the 办法
//! in force in that year (1999 revision for 2007; 2007 revision, 国务院令第513号, for 2008–2013;
//! 2013 revision, 国务院令第644号, for 2014–2024; 2024 revision, 国务院令第795号, from 2025).

use chrono::{Datelike, NaiveDate, Weekday};
use gongkai::calendar::statutory::{self, qingming, statutory_days, weekend_makeup_days};
use gongkai::calendar::{Calendar, DayKind, YearFile};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn is_off(y: &YearFile, day: NaiveDate) -> bool {
    y.holidays.iter().any(|h| h.off.iter().any(|r| r.from <= day && day <= r.to))
}

/// 正月初一 of each year, as the notices state it (除夕/初一 named in the Spring Festival line) or
/// as the holiday-cn transcriptions of the notices place it; independent of the lunar crate.
const SPRING_FESTIVAL: &[(i32, &str)] = &[
    (2007, "2007-02-18"),
    (2008, "2008-02-07"),
    (2009, "2009-01-26"),
    (2010, "2010-02-14"),
    (2011, "2011-02-03"),
    (2012, "2012-01-23"),
    (2013, "2013-02-10"),
    (2014, "2014-01-31"),
    (2015, "2015-02-19"),
    (2016, "2016-02-08"),
    (2017, "2017-01-28"),
    (2018, "2018-02-16"),
    (2019, "2019-02-05"),
    (2020, "2020-01-25"),
    (2021, "2021-02-12"),
    (2022, "2022-02-01"),
    (2023, "2023-01-22"),
    (2024, "2024-02-10"),
    (2025, "2025-01-29"),
    (2026, "2026-02-17"),
];

#[test]
fn lunar_and_solar_term_dates_match_the_notices() {
    for (year, first) in SPRING_FESTIVAL {
        let days = statutory_days(*year).unwrap().1;
        let sf: Vec<_> = days.iter().filter(|s| s.holiday == "spring_festival").map(|s| s.date).collect();
        assert!(sf.contains(&d(first)), "{year}: {sf:?}");
    }
    // Single-day holidays the notices name by date: 2019 (国办发明电〔2018〕15号) 清明 4月5日,
    // 端午 6月7日, 中秋 9月13日; 2023 (国办发明电〔2022〕16号) 清明 4月5日; 2024 (国办发明电
    // 〔2023〕7号) 端午 6月10日, 除夕 2月9日; 2025 (国办发明电〔2024〕12号) 除夕 1月28日;
    // 2015 (国办发明电〔2014〕28号) 清明 4月5日, 端午 6月20日, 中秋 9月27日.
    let named = [
        ("qingming", "2019-04-05"),
        ("dragon_boat", "2019-06-07"),
        ("mid_autumn", "2019-09-13"),
        ("qingming", "2023-04-05"),
        ("dragon_boat", "2024-06-10"),
        ("qingming", "2015-04-05"),
        ("dragon_boat", "2015-06-20"),
        ("mid_autumn", "2015-09-27"),
        ("spring_festival", "2025-01-28"),
    ];
    for (holiday, date) in named {
        let days = statutory_days(d(date).year()).unwrap().1;
        assert!(days.iter().any(|s| s.holiday == holiday && s.date == d(date)), "{holiday} {date}: {days:?}");
    }
    assert_eq!(qingming(2024), Some(d("2024-04-04")));
    assert_eq!(qingming(2025), Some(d("2025-04-04")));
    assert_eq!(qingming(2026), Some(d("2026-04-05")));
    // 2024's 除夕 (2月9日) is not a statutory day under the 2013 revision; in 2025 it is.
    assert!(!statutory_days(2024).unwrap().1.iter().any(|s| s.date == d("2024-02-09")));
}

/// The 寿星 formula for 清明 in the 21st century, floor(Y·0.2422 + 4.81) − floor(Y/4) (Y = year mod
/// 100): an independent approximation; the two agree for every year the provisional calendar uses.
#[test]
fn qingming_agrees_with_the_shouxing_formula() {
    let mut differ = Vec::new();
    for year in 2001..=2099 {
        let y = (year % 100) as f64;
        let day = ((y * 0.2422 + 4.81).floor() - (y / 4.0).floor()) as u32;
        if qingming(year) != NaiveDate::from_ymd_opt(year, 4, day) {
            differ.push((year, qingming(year), day));
        }
    }
    assert!(differ.is_empty(), "{differ:?}");
}

/// Every statutory day of every announced year lies inside that year's notice's days off (the
/// notice adds 调休 around them; it never takes a statutory day away). Art 6's weekend make-up
/// days are reported: notices mostly give them off, but they may move them (调休).
#[test]
fn derived_statutory_days_lie_inside_every_announced_year() {
    let cal = Calendar::embedded_strict();
    let mut table =
        String::from("year version statutory  weekend-makeup-off/derived  notice-days-off notice-makeup-workdays\n");
    let mut makeup_not_off = Vec::new();
    for y in cal.year_files() {
        let (version, days) = statutory_days(y.covers).unwrap();
        let missing: Vec<_> = days.iter().filter(|s| !is_off(y, s.date)).collect();
        assert!(missing.is_empty(), "{}: statutory days not off: {missing:?}", y.covers);
        let makeup = weekend_makeup_days(&days);
        let inside = makeup.iter().filter(|m| is_off(y, m.date)).count();
        makeup_not_off.extend(makeup.iter().filter(|m| !is_off(y, m.date)).map(|m| (m.date, m.holiday.clone())));
        let off: i64 = y.holidays.iter().flat_map(|h| &h.off).map(|r| (r.to - r.from).num_days() + 1).sum();
        let workdays: usize = y.holidays.iter().map(|h| h.makeup_working_days.len()).sum();
        table.push_str(&format!(
            "{} {:>7} {:>9}  {:>13}/{:<12} {:>15} {:>22}\n",
            y.covers,
            version.id,
            days.len(),
            inside,
            makeup.len(),
            off,
            workdays
        ));
    }
    println!("{table}");
    println!("Art 6 make-up days the notice did not give off: {makeup_not_off:?}");
    // The two years a notice did otherwise: 2012 端午 (Sat 6月23日) was made up on Fri 6月22日
    // (off 22–24日), not the Monday after; 2015 中秋 (Sun 9月27日) got no separate day off
    // ("9月27日放假"; the National Day block followed). Every other weekend statutory day got the next weekday.
    assert_eq!(
        makeup_not_off,
        vec![(d("2012-06-25"), "dragon_boat".to_owned()), (d("2015-09-28"), "mid_autumn".to_owned())]
    );
    // Statutory days per version: 1999 revision 10, 2007 and 2013 revisions 11, 2024 revision 13.
    assert_eq!(statutory_days(2007).unwrap().1.len(), 10);
    assert_eq!(statutory_days(2010).unwrap().1.len(), 11);
    assert_eq!(statutory_days(2020).unwrap().1.len(), 10, "2020: 中秋 fell on 10月1日, one date for two holidays");
    assert_eq!(statutory_days(2026).unwrap().1.len(), 13);
}

#[test]
fn a_deadline_into_2027_is_provisional_with_its_working() {
    let cal = Calendar::embedded();
    assert!(cal.is_provisional(2027) && !cal.is_provisional(2026));
    let due = gongkai::deadlines::working_days_after(cal, d("2026-12-07"), 20).unwrap();
    assert_eq!(due.due, d("2027-01-05"));
    let p = &due.explanation.provisional;
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].year, 2027);
    assert!(p[0].statutory_days.iter().any(|s| s.date == d("2027-01-01") && s.holiday == "new_year"));
    assert!(p[0].reason.en.contains("2024 revision"), "{}", p[0].reason.en);
    // Strict mode: today's error.
    let strict = Calendar::embedded_strict();
    assert!(gongkai::deadlines::working_days_after(strict, d("2026-12-07"), 20).is_err());
    // Within announced years nothing is provisional.
    let due = gongkai::deadlines::working_days_after(cal, d("2026-03-02"), 20).unwrap();
    assert!(due.explanation.provisional.is_empty());
}

#[test]
fn spring_festival_2027_is_off_and_provisional() {
    let cal = Calendar::embedded();
    // 2027: 除夕 2月5日 (Fri), 初一–初三 2月6日–8日 (Sat–Mon); 6th and 7th fall on the weekend,
    // made up on Tue 9th and Wed 10th (Art 6).
    for day in ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10"] {
        let kind = cal.day_kind(d(day)).unwrap();
        assert!(matches!(&kind, DayKind::Holiday { name } if name.zh == "春节"), "{day}: {kind:?}");
    }
    assert_eq!(cal.day_kind(d("2027-02-11")).unwrap(), DayKind::WorkingDay);
    let p = cal.provisional_year(2027).unwrap();
    let makeup: Vec<_> = p.makeup_days_off.iter().map(|m| m.date).collect();
    assert!(makeup.contains(&d("2027-02-09")) && makeup.contains(&d("2027-02-10")), "{makeup:?}");
    // Labour Day 2027: 5月1日 (Sat), 2日 (Sun) → Mon 3rd and Tue 4th.
    assert!(makeup.contains(&d("2027-05-03")) && makeup.contains(&d("2027-05-04")), "{makeup:?}");
    assert_eq!(p.statutory_days.len(), 13);
    assert!(p.statutory_days.iter().all(|s| s.date.year() == 2027));
    assert!(makeup.iter().all(|m| !matches!(m.weekday(), Weekday::Sat | Weekday::Sun)));
    assert!(Calendar::embedded_strict().day_kind(d("2027-02-08")).is_err());
}

#[test]
fn a_notice_that_leaves_out_a_statutory_day_is_refused() {
    let (file, _) = statutory::provisional_year(2027).unwrap();
    let mut text = serde_json::to_value(&file).unwrap();
    text["notices"][0] = serde_json::json!({"title": "test", "url": "https://example.invalid"});
    let good = text.to_string();
    assert!(Calendar::embedded().with_years_from_str("2027.json", &good).is_ok());
    // Drop the Spring Festival block.
    text["holidays"].as_array_mut().unwrap().retain(|h| h["id"] != "spring_festival");
    let err = Calendar::embedded().with_years_from_str("2027.json", &text.to_string()).unwrap_err().to_string();
    assert!(err.contains("2027-02-06") && err.contains("第二条") && err.contains("2027.json"), "{err}");
}

#[test]
fn loading_a_notice_replaces_the_provisional_year() {
    let (file, _) = statutory::provisional_year(2027).unwrap();
    let mut v = serde_json::to_value(&file).unwrap();
    v["notices"][0] =
        serde_json::json!({"title": "国务院办公厅关于2027年部分节假日安排的通知", "url": "https://example.invalid"});
    // The notice adds a 调休: Sunday 2027-01-31 a working day.
    v["holidays"][1]["makeup_working_days"] = serde_json::json!(["2027-01-31"]);
    let cal = Calendar::embedded().with_years_from_str("2027.json", &v.to_string()).unwrap();
    assert!(!cal.is_provisional(2027) && cal.is_provisional(2028));
    assert_eq!(cal.day_kind(d("2027-01-31")).unwrap().as_str(), "makeup_working_day");
    let due = gongkai::deadlines::working_days_after(&cal, d("2026-12-07"), 20).unwrap();
    assert!(due.explanation.provisional.is_empty());
}
