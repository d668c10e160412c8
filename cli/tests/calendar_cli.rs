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
        &["calendar", "2027-01-04", "--strict-calendar"][..],
        &["calendar", "--year", "2027", "--strict-calendar"],
        &["deadline", "--start", "2026-12-20", "--working-days", "20", "--strict-calendar"],
    ] {
        let (code, _, err) = gongkai(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("2027") && err.contains("--calendar"), "{err}");
    }
    // Past the provisional years (ten after the last notice) there is no answer either.
    let (code, _, err) = gongkai(&["calendar", "2040-01-04"]);
    assert!(code == 2 && err.contains("2040"), "{err}");
    let (code, _, err) = gongkai(&["calendar", "2026-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("2026-02-30"), "{err}");
}

#[test]
fn a_further_year_loads_from_a_file() {
    let dir = std::env::temp_dir().join(format!("gongkai-cal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("2027.yaml");
    std::fs::write(&file, include_str!("fixtures/notices/2027-test.yaml")).unwrap();
    let f = file.to_str().unwrap();
    let (code, out, err) = gongkai(&["calendar", "2027-01-01", "2027-01-04", "--calendar", f]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "2027-01-01 holiday\n2027-01-04 working_day\n", "the notice replaces the provisional year");
    let (_, out, _) = gongkai(&["calendar", "2027-01-04"]);
    assert_eq!(out.lines().next(), Some("2027-01-04 working_day PROVISIONAL"));
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

#[test]
fn an_imported_notice_replaces_the_provisional_year() {
    let dir = std::env::temp_dir().join(format!("gongkai-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("2027.yaml");
    let (o, notice) = (out.to_str().unwrap(), "tests/fixtures/notices/2027-test.txt");
    let (code, _, err) = gongkai(&["calendar", "import", notice, "-o", o]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("replaces the provisional year"), "{err}");
    // Before: provisional. After loading: the notice's 调休 (Sat 2027-02-20 worked) applies.
    let (_, before, _) = gongkai(&["calendar", "2027-02-20"]);
    assert_eq!(before.lines().next(), Some("2027-02-20 weekend PROVISIONAL"));
    let (code, after, _) = gongkai(&["calendar", "2027-02-20", "--calendar", o]);
    assert_eq!((code, after.as_str()), (0, "2027-02-20 makeup_working_day\n"));
    let (_, due, _) = gongkai(&["deadline", "--start", "2026-12-07", "--working-days", "20", "--calendar", o]);
    assert_eq!(due, "2027-01-05\n", "no PROVISIONAL line once the notice is loaded");
    // A bad notice: exit 2 and the line.
    let bad = dir.join("bad.txt");
    let text = std::fs::read_to_string(notice).unwrap().replace("2月20日（周六）上班", "2月22日（周一）上班");
    std::fs::write(&bad, text).unwrap();
    let (code, _, err) = gongkai(&["calendar", "import", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.txt:6") && err.contains("2027-02-22"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_deadline_into_2027_is_provisional_and_says_what_it_assumed() {
    let (code, out, _) = gongkai(&["deadline", "--start", "2026-12-07", "--working-days", "20", "--explain"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("2027-01-05"));
    assert!(lines.next().unwrap().starts_with("PROVISIONAL: no State Council notice for 2027"), "{out}");
    assert!(
        out.contains("2027-01-01 元旦") && out.contains("第六条") && out.contains("2027-01-01 .. 2027-01-01  holiday")
    );
    let (_, json, _) = gongkai(&["deadline", "--start", "2026-12-07", "--working-days", "20", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!((v["due"].as_str(), v["provisional"].as_bool()), (Some("2027-01-05"), Some(true)));
    assert_eq!(v["explanation"]["provisional"][0]["year"], 2027);
}

#[test]
fn check_reports_an_unanswered_overdue_request_and_provisional_limits() {
    let dir = std::env::temp_dir().join(format!("gongkai-clock-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("requests.jsonl");
    std::fs::write(
        &f,
        "{\"kind\":\"request\",\"id\":\"late\",\"received\":\"2026-03-02\",\"channel\":\"in_person\"}\n\
         {\"kind\":\"request\",\"id\":\"dec\",\"received\":\"2026-12-07\",\"channel\":\"online\"}\n",
    )
    .unwrap();
    let f = f.to_str().unwrap();
    let (code, out, _) = gongkai(&["check", f, "--today", "2026-12-08", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("request_overdue_unanswered") && out.contains("calendar_provisional"), "{out}");
    let (_, sarif, _) = gongkai(&["check", f, "--today", "2026-12-08", "--format", "sarif"]);
    assert!(sarif.contains("calendar_provisional"), "{sarif}");
    // Strict: the December request's limit is in 2027, which has no notice: not computed.
    let (_, out, _) = gongkai(&["check", f, "--today", "2026-12-08", "--format", "json", "--strict-calendar"]);
    assert!(out.contains("request_calendar_not_covered") && !out.contains("calendar_provisional"), "{out}");
    // The timeline prints the clock.
    let one = dir.join("one.json");
    std::fs::write(&one, "{\"kind\":\"request\",\"received\":\"2026-03-02\"}").unwrap();
    let (code, out, _) = gongkai(&["deadline", "request", one.to_str().unwrap(), "--today", "2026-03-26"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("clock on 2026-03-26: 18 working day(s) elapsed, 2 left until 2026-03-30 (due_soon)"),
        "{out}"
    );
    assert!(out.contains("request_due_soon"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

/// One bad date does not silence the others: the valid ones are answered, each bad one is
/// reported (stderr in text, in its place in JSON) and the exit status is 2.
#[test]
fn calendar_answers_the_valid_dates_and_reports_the_bad_ones() {
    let (code, out, err) = gongkai(&["calendar", "2026-02-14", "2026-13-01", "2040-01-04", "2026-10-01"]);
    assert_eq!(code, 2);
    assert_eq!(out.lines().collect::<Vec<_>>(), ["2026-02-14 makeup_working_day", "2026-10-01 holiday"]);
    assert!(
        err.contains("`2026-13-01` is not a date") && err.contains("`2040-01-04`: no calendar data for 2040"),
        "{err}"
    );
    let (code, out, _) = gongkai(&["calendar", "2026-02-14", "31/12/2026", "--format", "json"]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["kind"], "makeup_working_day");
    assert_eq!((v[1]["input"].as_str(), v[1]["code"].as_str()), (Some("31/12/2026"), Some("invalid_date")));
}

/// Every member `want` gives has that value in `got` (objects compared member by member).
fn has_members(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    match (got, want) {
        (serde_json::Value::Object(g), serde_json::Value::Object(w)) => {
            w.iter().all(|(k, v)| g.get(k).is_some_and(|x| has_members(x, v)))
        }
        _ => got == want,
    }
}

#[test]
fn the_shared_request_timeline_calls_answer_as_expected() {
    // tests/calls/request_timeline.json: the same calls Python's and the browser's suites make.
    let file = std::fs::read_to_string(repo("tests/calls/request_timeline.json")).unwrap();
    let calls: serde_json::Value = serde_json::from_str(&file).unwrap();
    let dir = std::env::temp_dir().join(format!("gongkai-calls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, call) in calls["calls"].as_array().unwrap().iter().enumerate() {
        let (name, expect) = (call["name"].as_str().unwrap(), &call["expect"]);
        let path = dir.join(format!("{i}.json"));
        std::fs::write(&path, call["record"].to_string()).unwrap();
        let mut args = vec!["deadline", "request", path.to_str().unwrap(), "--format", "json"];
        for (flag, key) in [("--today", "today"), ("--lang", "lang")] {
            if let Some(v) = call["options"][key].as_str() {
                args.extend([flag, v]);
            }
        }
        let (code, out, err) = gongkai(&args);
        let answer: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: {e}: {err}"));
        // Exit 1 when the answer has an error (no timeline, a late reply), 0 otherwise.
        let errors = answer["diagnostics"].as_array().unwrap().iter().any(|d| d["severity"] == "error");
        assert_eq!(code, i32::from(errors), "{name}: {err}");
        match &expect["timeline"] {
            serde_json::Value::Null => assert!(answer["timeline"].is_null(), "{name}: {answer}"),
            want => assert!(has_members(&answer["timeline"], want), "{name}: {}", answer["timeline"]),
        }
        assert_eq!(answer["provisional"], expect["provisional"], "{name}");
        let found: Vec<serde_json::Value> = answer["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| serde_json::json!([d["code"], d["path"]]))
            .collect();
        assert_eq!(&serde_json::Value::Array(found), &expect["diagnostics"], "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
