//! `gongkai check --format sarif` as GitHub code scanning and other SARIF consumers take it:
//! valid against the SARIF 2.1.0 schema (vendored in cli/tests/data), and within the rules code
//! scanning documents for uploads ("SARIF support for code scanning"): a rule for every
//! `ruleId`, a message, a relative artifact URI and a region with `startLine` for every result,
//! help text for every rule, an absolute `informationUri`, fingerprints, and the upload limits.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn sarif(args: &[&str]) -> Value {
    sarif_in(&root(), args)
}

fn sarif_in(dir: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["check", "--format", "sarif"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run gongkai");
    serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("cli/tests/data/sarif-2.1.0-rtm.5.json")).expect("vendored schema");
    // The published schema's `run.language` pattern has a stray `]` that Rust's regex engine rejects.
    let text = text.replace(r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    jsonschema::validator_for(&serde_json::from_str(&text).expect("schema")).expect("compile")
}

/// The constraints of GitHub's code-scanning SARIF upload, as documented.
fn code_scanning_rules(log: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |m: String| problems.push(m);
    let runs = log["runs"].as_array().cloned().unwrap_or_default();
    if runs.len() != 1 {
        fail(format!("{} runs", runs.len()));
    }
    for run in &runs {
        let driver = &run["tool"]["driver"];
        if driver["name"].as_str().is_none_or(str::is_empty) {
            fail("tool.driver.name".into());
        }
        let info = driver["informationUri"].as_str().unwrap_or_default();
        if !info.starts_with("https://") {
            fail(format!("informationUri `{info}` is not an absolute https URI"));
        }
        let rules = driver["rules"].as_array().cloned().unwrap_or_default();
        if rules.len() > 25_000 {
            fail("more than 25,000 rules".into());
        }
        let mut ids = HashSet::new();
        for r in &rules {
            let id = r["id"].as_str().unwrap_or_default().to_owned();
            if !ids.insert(id.clone()) {
                fail(format!("rule {id} twice"));
            }
            for key in ["shortDescription", "fullDescription", "help"] {
                if r[key]["text"].as_str().is_none_or(str::is_empty) {
                    fail(format!("rule {id}: no {key}.text"));
                }
            }
            if r["shortDescription"]["text"].as_str().is_some_and(|t| t.chars().count() > 1024) {
                fail(format!("rule {id}: shortDescription over 1024 characters"));
            }
            if !r["helpUri"].as_str().is_some_and(|u| u.starts_with("https://")) {
                fail(format!("rule {id}: helpUri"));
            }
            let level = r["defaultConfiguration"]["level"].as_str().unwrap_or_default();
            if !["error", "warning", "note", "none"].contains(&level) {
                fail(format!("rule {id}: level {level}"));
            }
            let tags = r["properties"]["tags"].as_array().map_or(0, Vec::len);
            if tags > 20 {
                fail(format!("rule {id}: {tags} tags (at most 20)"));
            }
        }
        let results = run["results"].as_array().cloned().unwrap_or_default();
        if results.len() > 25_000 {
            fail("more than 25,000 results".into());
        }
        for (n, r) in results.iter().enumerate() {
            let id = r["ruleId"].as_str().unwrap_or_default();
            if !ids.contains(id) {
                fail(format!("result {n}: rule `{id}` not declared"));
            }
            if let Some(i) = r["ruleIndex"].as_u64()
                && rules.get(i as usize).map(|rule| &rule["id"]) != Some(&r["ruleId"])
            {
                fail(format!("result {n}: ruleIndex {i} is not {id}"));
            }
            if r["message"]["text"].as_str().is_none_or(str::is_empty) {
                fail(format!("result {n}: no message.text"));
            }
            let locations = r["locations"].as_array().cloned().unwrap_or_default();
            if locations.is_empty() || locations.len() > 10 {
                fail(format!("result {n}: {} locations", locations.len()));
            }
            for l in &locations {
                let p = &l["physicalLocation"];
                let uri = p["artifactLocation"]["uri"].as_str().unwrap_or_default();
                if uri.is_empty()
                    || uri.starts_with('/')
                    || uri.contains("://")
                    || uri.contains(' ')
                    || uri.contains('\\')
                {
                    fail(format!("result {n}: artifact uri `{uri}` is not a relative URI"));
                }
                let region = &p["region"];
                let start = region["startLine"].as_u64().unwrap_or(0);
                if start == 0 {
                    fail(format!("result {n} ({id}): no region.startLine"));
                }
                if region["startColumn"].as_u64() == Some(0) {
                    fail(format!("result {n}: startColumn 0"));
                }
                if let Some(end) = region["endLine"].as_u64()
                    && (end < start || region["endColumn"].as_u64().is_none())
                {
                    fail(format!("result {n}: end before start"));
                }
            }
            let fingerprints = r["partialFingerprints"].as_object().cloned().unwrap_or_default();
            if fingerprints.is_empty() || fingerprints.values().any(|v| v.as_str().is_none_or(str::is_empty)) {
                fail(format!("result {n}: no partialFingerprints"));
            }
        }
    }
    problems
}

#[test]
fn the_examples_are_valid_sarif_that_code_scanning_accepts() {
    let validator = validator();
    for lang in ["en", "zh"] {
        let log = sarif(&["examples/", "--lang", lang]);
        let errors: Vec<String> =
            validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "SARIF invalid: {errors:#?}");
        let problems = code_scanning_rules(&log);
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(log["runs"][0]["results"].as_array().is_some_and(|r| r.len() > 10));
    }
}

/// The region of a result in a `.json` file is the line and column of its pointer's value there.
#[test]
fn regions_place_the_value_in_json_and_jsonl_files() {
    let log = sarif(&[
        "examples/records/admin/02-normative-document-late.json",
        "examples/records/education/catchment-zones-2026.jsonl",
    ]);
    let results = log["runs"][0]["results"].as_array().expect("results").clone();
    let file = std::fs::read_to_string(root().join("examples/records/admin/02-normative-document-late.json")).unwrap();
    let late = results.iter().find(|r| r["ruleId"] == "publication_late").expect("publication_late");
    let region = &late["locations"][0]["physicalLocation"]["region"];
    let line = file.lines().nth(region["startLine"].as_u64().unwrap() as usize - 1).unwrap();
    let column = region["startColumn"].as_u64().unwrap() as usize;
    let at: String = line.chars().skip(column - 1).collect();
    assert!(line.contains("\"published\""), "{line}");
    assert!(at.starts_with('"') && at[1..].starts_with("20"), "the date's value: {at}");
    // JSON Lines: the record's line, and the column of the value within it.
    let jsonl = std::fs::read_to_string(root().join("examples/records/education/catchment-zones-2026.jsonl")).unwrap();
    let late = results
        .iter()
        .find(|r| {
            r["ruleId"] == "publication_late"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .ends_with(".jsonl")
        })
        .expect("a late record in the .jsonl");
    let region = &late["locations"][0]["physicalLocation"]["region"];
    let line = jsonl.lines().nth(region["startLine"].as_u64().unwrap() as usize - 1).unwrap();
    let at: String = line.chars().skip(region["startColumn"].as_u64().unwrap() as usize - 1).collect();
    let before: String = line.chars().take(region["startColumn"].as_u64().unwrap() as usize - 1).collect();
    assert!(before.trim_end().ends_with("\"published\":"), "{before}");
    assert!(at.starts_with("\"20"), "{at}");
}

#[test]
fn an_element_of_a_json_array_and_a_missing_member_are_placed() {
    let dir = std::env::temp_dir().join(format!("gongkai-sarif-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "[\n  {\"kind\": \"publication\", \"item\": \"admin.art20.01\"},\n  {\n    \"kind\": \"publication\",\n    \"item\": \"admin.art20.99\"\n  }\n]\n";
    let p = dir.join("两条 记录.json");
    std::fs::write(&p, text).unwrap();
    // Named absolute, from the folder that holds it: a relative URI, percent-encoded.
    let log = sarif_in(&dir, &[p.to_str().unwrap()]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let unknown = results.iter().find(|r| r["ruleId"] == "item_unknown").expect("item_unknown");
    let loc = &unknown["locations"][0]["physicalLocation"];
    assert_eq!(loc["region"]["startLine"], 5);
    assert_eq!(loc["region"]["startColumn"], 13);
    assert_eq!(loc["artifactLocation"]["uri"], "%E4%B8%A4%E6%9D%A1%20%E8%AE%B0%E5%BD%95.json");
    let elsewhere = sarif(&[p.to_str().unwrap()]);
    let uri = elsewhere["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(uri.starts_with("file:///") && uri.ends_with("%20%E8%AE%B0%E5%BD%95.json"), "{uri}");
    // A missing member is placed on the record that lacks it (the first record: line 2).
    let missing = results.iter().find(|r| r["ruleId"] == "record_missing_field").expect("record_missing_field");
    assert_eq!(missing["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
    assert!(code_scanning_rules(&log).is_empty(), "{:#?}", code_scanning_rules(&log));
    // Fingerprints: the same finding the same way every run, different findings differently.
    let again = sarif_in(&dir, &[p.to_str().unwrap()]);
    assert_eq!(again["runs"][0]["results"], log["runs"][0]["results"]);
    let prints: HashSet<&str> =
        results.iter().map(|r| r["partialFingerprints"]["gongkaiFinding/v1"].as_str().unwrap()).collect();
    assert_eq!(prints.len(), results.len());
}

/// A record piped to `gongkai check -` (one pretty-printed document, or an array) is located in
/// the text read from stdin, as a file's would be; a JSON Lines stream by its lines.
#[test]
fn stdin_records_get_regions_too() {
    use std::io::Write;
    let run = |input: &str| -> Value {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(["check", "-", "--format", "sarif"])
            .current_dir(root())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("run gongkai");
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
    };
    // The value a region starts at, read back from the text: the same check as for a file.
    let value_at = |text: &str, result: &Value| -> String {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let line = text.lines().nth(region["startLine"].as_u64().unwrap() as usize - 1).unwrap();
        line.chars().skip(region["startColumn"].as_u64().unwrap() as usize - 1).collect()
    };
    let id = "11010519491231002X";
    let record = format!(
        "{{\n  \"kind\": \"publication\",\n  \"institution\": {{\"kind\": \"health\", \"tier\": \"hospital\"}},\n  \
         \"item\": \"health.art6.05\",\n  \"title\": \"价格公示\",\n  \"formed\": \"2026-03-02\",\n  \
         \"fields\": {{\n    \"price_items\": [\n      {{\"name\": \"床位费\", \"contact\": \"{id}\"}}\n    ]\n  }}\n}}\n"
    );
    let find = |log: &Value, code: &str| -> Vec<Value> {
        log["runs"][0]["results"].as_array().unwrap().iter().filter(|r| r["ruleId"] == code).cloned().collect()
    };
    let log = run(&record);
    assert!(validator().validate(&log).is_ok());
    assert!(code_scanning_rules(&log).is_empty(), "{:#?}", code_scanning_rules(&log));
    let screened = &find(&log, "screening_resident_id")[0];
    assert_eq!(screened["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "stdin");
    assert_eq!(screened["locations"][0]["physicalLocation"]["region"]["startLine"], 9, "{screened:#}");
    assert!(value_at(&record, screened).starts_with(&format!("\"{id}\"")), "{}", value_at(&record, screened));
    // An array on stdin: each element's pointer resolved within its own element.
    let array = format!("[\n{record},\n{record}]\n");
    let log = run(&array);
    let screened = find(&log, "screening_resident_id");
    assert_eq!(screened.len(), 2);
    let lines: Vec<u64> = screened
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [10, 23]);
    for r in &screened {
        assert!(value_at(&array, r).starts_with(&format!("\"{id}\"")));
    }
    // JSON Lines on stdin: the record's own line.
    let compact: Value = serde_json::from_str(&record).unwrap();
    let jsonl = format!("{compact}\n{compact}\n");
    let log = run(&jsonl);
    let screened = find(&log, "screening_resident_id");
    assert_eq!(screened[1]["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
    assert!(value_at(&jsonl, &screened[1]).starts_with(&format!("\"{id}\"")));
}

/// `informationUri` and every rule's `helpUri` come from the workspace Cargo.toml's
/// `repository`, the one place a fork sets its address.
#[test]
fn information_uri_is_the_workspace_repository() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let repository = manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("repository = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("workspace Cargo.toml has repository = \"…\"");
    let log = sarif(&["examples/records/admin/02-normative-document-late.json"]);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["informationUri"], repository);
    for rule in driver["rules"].as_array().unwrap() {
        let help = rule["helpUri"].as_str().unwrap();
        assert!(help.starts_with(&format!("{repository}/")), "{help}");
    }
}
