//! `gongkai check` as a linter in a pipeline: `--select`/`--ignore`, the config file
//! (`gongkai.toml`, `[tool.gongkai]` in pyproject.toml), per-record suppressions with a reason,
//! `--baseline`, `--statistics` and `--fail-on`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai")).args(args).current_dir(dir).output().expect("run gongkai")
}

/// A fresh folder of its own for each test (config discovery looks at the working folder).
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-lint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir
}

/// The hospital's late price notice, published on WeChat only: `publication_late` (error) and
/// `channel_not_in_catalogue` (warning).
fn late_price_notice() -> Value {
    let text = std::fs::read_to_string(root().join("examples/records/hospital/02-price-change-late-wechat-only.json"))
        .expect("example");
    serde_json::from_str(&text).expect("json")
}

fn codes(out: &Output) -> Vec<String> {
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let mut codes: Vec<String> = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .flat_map(|r| r["diagnostics"].as_array().expect("diagnostics").iter())
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect();
    codes.sort();
    codes
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

#[test]
fn select_and_ignore_by_code_prefix_and_area() {
    let dir = folder("select");
    let f = write(&dir, "r.json", &late_price_notice().to_string());
    let all = run_in(&dir, &["check", &f, "--format", "json"]);
    assert_eq!(codes(&all), ["channel_not_in_catalogue", "publication_late"]);
    let out = run_in(&dir, &["check", &f, "--format", "json", "--ignore", "publication_late"]);
    assert_eq!(codes(&out), ["channel_not_in_catalogue"]);
    assert_eq!(out.status.code(), Some(0), "only a warning is left");
    let out = run_in(&dir, &["check", &f, "--format", "json", "--select", "publication"]);
    assert_eq!(codes(&out), ["publication_late"]);
    let out = run_in(&dir, &["check", &f, "--format", "json", "--select", "check", "--ignore", "channel"]);
    assert_eq!(codes(&out), ["publication_late"]);
    // A typo is a usage error with the nearest code, not a filter that silently matches nothing.
    let out = run_in(&dir, &["check", &f, "--ignore", "publication_lat"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown code or prefix `publication_lat` (did you mean `publication_late`?)"), "{err}");
}

#[test]
fn a_record_suppresses_a_code_with_a_reason() {
    let dir = folder("suppress");
    let mut record = late_price_notice();
    record["x-gongkai"] = json!({"ignore": ["channel_not_in_catalogue"], "reason": "the county's notice allows WeChat for price changes"});
    let f = write(&dir, "r.json", &record.to_string());
    assert_eq!(codes(&run_in(&dir, &["check", &f, "--format", "json"])), ["publication_late"]);
    // Without a reason the suppression still applies, and is itself a finding; in a JSON Lines file too.
    record["x-gongkai"] = json!({"ignore": ["channel_not_in_catalogue", "chanel"]});
    let f = write(&dir, "r.jsonl", &format!("{record}\n"));
    let out = run_in(&dir, &["check", &f, "--format", "json", "--lang", "en"]);
    assert_eq!(codes(&out), ["publication_late", "suppression_unknown_code", "suppression_without_reason"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> =
        v["results"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"/x-gongkai/ignore/1"), "{paths:?}");
}

#[test]
fn a_baseline_reports_only_what_is_new() {
    let dir = folder("baseline");
    let old = late_price_notice();
    let f = write(&dir, "records.jsonl", &format!("{old}\n"));
    let before = run_in(&dir, &["check", &f, "--format", "json"]);
    let baseline = write(&dir, "baseline.json", &String::from_utf8_lossy(&before.stdout));
    // The known record moves down a line (found by its id) and a new record arrives.
    let mut new = late_price_notice();
    new["id"] = json!("xrmyy-jg-2026-08");
    new["channels"] = json!(["institution_website"]);
    write(&dir, "records.jsonl", &format!("{new}\n{old}\n"));
    let out = run_in(&dir, &["check", &f, "--format", "json", "--baseline", &baseline]);
    assert_eq!(codes(&out), ["publication_late"], "only the new record's finding");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["baselined"], 2);
    assert_eq!(v["results"][0]["id"], "xrmyy-jg-2026-08");
    let out = run_in(&dir, &["check", &f, "--baseline", &baseline, "--lang", "en"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 known from the baseline not shown"));
    let bad = write(&dir, "bad.json", "[]");
    let out = run_in(&dir, &["check", &f, "--baseline", &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("baseline is not the output of `gongkai check --format json`")
    );
}

#[test]
fn statistics_count_findings_per_code() {
    let out = run_in(&root(), &["check", "examples/records/", "--statistics", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("basis:"), "counts instead of findings: {text}");
    let late = text.lines().find(|l| l.contains("publication_late")).expect("a row for publication_late");
    assert!(late.trim_start().starts_with("5 "), "{late}");
    assert!(late.contains("error") && late.contains("published after the item's time limit"), "{late}");
    let out = run_in(&root(), &["check", "examples/records/", "--statistics", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stats = v["statistics"].as_array().expect("statistics");
    assert_eq!(stats[0], json!({"code": "publication_late", "severity": "error", "count": 5}));
    let total: u64 = stats.iter().map(|s| s["count"].as_u64().unwrap()).sum();
    let s = &v["summary"];
    assert_eq!(total, s["errors"].as_u64().unwrap() + s["warnings"].as_u64().unwrap() + s["infos"].as_u64().unwrap());
}

#[test]
fn fail_on_sets_the_threshold_of_the_exit_status() {
    let dir = folder("failon");
    let mut record = late_price_notice();
    record["formed"] = json!("2026-07-10");
    let f = write(&dir, "r.json", &record.to_string());
    assert_eq!(codes(&run_in(&dir, &["check", &f, "--format", "json"])), ["channel_not_in_catalogue"]);
    assert_eq!(run_in(&dir, &["check", &f]).status.code(), Some(0));
    assert_eq!(run_in(&dir, &["check", &f, "--fail-on", "warning"]).status.code(), Some(1));
    let late = write(&dir, "late.json", &late_price_notice().to_string());
    assert_eq!(run_in(&dir, &["check", &late, "--fail-on", "never"]).status.code(), Some(0));
}

#[test]
fn settings_come_from_gongkai_toml_or_pyproject() {
    let dir = folder("config");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let f = write(&dir, "sub/r.json", &late_price_notice().to_string());
    write(&dir, "gongkai.toml", "ignore = [\"publication_late\"]\nfail-on = \"warning\"\n");
    // Found from a folder below; --ignore adds to the file's list.
    let out = run_in(&dir.join("sub"), &["check", &f, "--format", "json"]);
    assert_eq!(codes(&out), ["channel_not_in_catalogue"]);
    assert_eq!(out.status.code(), Some(1), "fail-on warning from the file");
    assert_eq!(run_in(&dir, &["check", &f, "--fail-on", "error"]).status.code(), Some(0), "the option wins");
    assert_eq!(codes(&run_in(&dir, &["check", &f, "--format", "json", "--no-config"])).len(), 2);
    // pyproject.toml's [tool.gongkai], when there is no gongkai.toml.
    std::fs::remove_file(dir.join("gongkai.toml")).unwrap();
    write(
        &dir,
        "pyproject.toml",
        "[project]\nname = \"site\"\n\n[tool.gongkai]\nselect = [\"channel_not_in_catalogue\"]\n",
    );
    assert_eq!(codes(&run_in(&dir, &["check", &f, "--format", "json"])), ["channel_not_in_catalogue"]);
    // A misspelt setting or code is an error naming the file.
    write(&dir, "gongkai.toml", "ingore = [\"x\"]\n");
    let out = run_in(&dir, &["check", &f]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gongkai.toml: unknown setting `ingore` (did you mean `ignore`?)"), "{err}");
    write(&dir, "gongkai.toml", "select = [\"screening_mobil\"]\n");
    let err = String::from_utf8_lossy(&run_in(&dir, &["check", &f]).stderr).into_owned();
    assert!(err.contains("gongkai.toml: unknown code or prefix `screening_mobil`"), "{err}");
}
