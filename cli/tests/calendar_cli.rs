//! The `calendar`, `deadline` and `fee` commands, run as a user runs them.

use std::process::Command;

fn gongkai(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn repo(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn calendar_dates_one_line_each() {
    // 国务院办公厅关于2026年部分节假日安排的通知: 2/14 make-up working day, 10/1 off.
    let (code, out, _) = gongkai(&["calendar", "2026-02-14", "2026-10-01", "2026-03-02", "2026-03-07"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        ["2026-02-14 makeup_working_day", "2026-10-01 holiday", "2026-03-02 working_day", "2026-03-07 weekend"]
    );
}

#[test]
fn calendar_json_and_year() {
    let (code, out, _) = gongkai(&["calendar", "2026-02-28", "2026-10-07", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["date"], "2026-02-28");
    assert_eq!(v[0]["working_day"], true);
    assert_eq!(v[0]["kind"], "makeup_working_day");
    assert_eq!(v[1]["kind"], "holiday");
    assert_eq!(v[1]["name"]["zh"], "国庆节");
    let (code, out, _) = gongkai(&["calendar", "--year", "2026"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 365);
    // 2026: 248 working days (261 weekdays − 19 weekday holidays + 6 make-up days).
    assert_eq!(out.lines().filter(|l| l.ends_with("working_day")).count(), 248);
}

#[test]
fn outside_the_data_exits_2_naming_the_year() {
    for args in [
        &["calendar", "2027-01-04"][..],
        &["calendar", "--year", "2027"],
        &["deadline", "--start", "2026-12-20", "--working-days", "20"],
    ] {
        let (code, _, err) = gongkai(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("2027") && err.contains("--calendar"), "{err}");
    }
    let (code, _, err) = gongkai(&["calendar", "2026-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("2026-02-30"), "{err}");
}

#[test]
fn a_further_year_loads_from_a_file() {
    let dir = std::env::temp_dir().join(format!("gongkai-cal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("2027.yaml");
    std::fs::write(
        &file,
        "covers: 2027\nnotices:\n  - {title: test, url: \"https://example.invalid\"}\nholidays:\n  - id: new_year\n    name: {zh: 元旦, en: New Year's Day}\n    off:\n      - {from: 2027-01-01, to: 2027-01-03}\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (code, out, err) = gongkai(&["calendar", "2027-01-01", "2027-01-04", "--calendar", f]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "2027-01-01 holiday\n2027-01-04 working_day\n");
    let (code, out, _) = gongkai(&["deadline", "--start", "2026-12-31", "--working-days", "1", "--calendar", f]);
    assert_eq!((code, out.lines().next()), (0, Some("2027-01-04")));
    std::fs::write(&file, "covers: 2027\nnotices: [").unwrap();
    let (code, _, err) = gongkai(&["calendar", "2027-01-01", "--calendar", f]);
    assert_eq!(code, 2);
    assert!(err.contains("2027.yaml"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn deadline_first_line_is_the_due_date_and_explain_shows_the_working() {
    let (code, out, _) = gongkai(&["deadline", "--start", "2026-09-25", "--working-days", "20", "--explain"]);
    assert_eq!(code, 0);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines[0], "2026-10-29");
    assert!(out.contains("2026-10-01 .. 2026-10-07  holiday 国庆节"), "{out}");
    assert!(out.contains("民法典"), "{out}");
    let (code, out, _) =
        gongkai(&["deadline", "--start", "2026-02-06", "--rule", "proactive_publication", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], "2026-03-12");
    assert_eq!(v["explanation"]["basis"][0]["article"], "第二十六条");
}

#[test]
fn deadline_request_timeline() {
    let case = repo("tests/cases/request/reply_late_after_consultation.json");
    let (code, out, _) = gongkai(&["deadline", "request", &case]);
    assert_eq!(code, 1, "an error diagnostic exits 1");
    assert!(out.contains("reply due: 2026-04-16"), "{out}");
    assert!(out.contains("request_reply_late"), "{out}");
    let ok = repo("tests/cases/request/ok_saturday_receipt_start_day_not_counted.json");
    let (code, out, _) = gongkai(&["deadline", "request", &ok, "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["timeline"]["reply_due"]["due"], "2026-04-03");
    let (_, out, _) = gongkai(&["deadline", "request", &ok, "--next-working-day-receipt"]);
    assert!(out.contains("counts as received: 2026-03-09") && out.contains("reply due: 2026-04-07"), "{out}");
}

#[test]
fn fee_bands() {
    let (code, out, _) = gongkai(&["fee", "--pieces", "35"]);
    assert_eq!((code, out.lines().next()), (0, Some("3000")));
    let (code, out, _) = gongkai(&["fee", "--pages", "250", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["amount"], 4700);
    assert_eq!(v["bands"].as_array().unwrap().len(), 4);
    let (code, _, _) = gongkai(&["fee", "--pieces", "3", "--pages", "4"]);
    assert_eq!(code, 2);
}

/// One bad date does not silence the others: the valid ones are answered, each bad one is
/// reported (stderr in text, in its place in JSON) and the exit status is 2.
#[test]
fn calendar_answers_the_valid_dates_and_reports_the_bad_ones() {
    let (code, out, err) = gongkai(&["calendar", "2026-02-14", "2026-13-01", "2027-01-04", "2026-10-01"]);
    assert_eq!(code, 2);
    assert_eq!(out.lines().collect::<Vec<_>>(), ["2026-02-14 makeup_working_day", "2026-10-01 holiday"]);
    assert!(
        err.contains("`2026-13-01` is not a date") && err.contains("`2027-01-04`: no calendar data for 2027"),
        "{err}"
    );
    let (code, out, _) = gongkai(&["calendar", "2026-02-14", "31/12/2026", "--format", "json"]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["kind"], "makeup_working_day");
    assert_eq!((v[1]["input"].as_str(), v[1]["code"].as_str()), (Some("31/12/2026"), Some("invalid_date")));
}
