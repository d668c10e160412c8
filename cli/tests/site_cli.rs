//! `gongkai site check` and `gongkai site candidates`, run as a user runs them.

use std::process::Command;

use serde_json::Value;

fn gongkai(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn repo(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_clean_example_passes_and_the_failing_one_fails_with_exit_1() {
    let (code, out, _) = gongkai(&["site", "check", &repo("examples/site/county-clean.json")], None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("结论：合格 · 得分 100 / 100"), "{out}");
    let (code, out, _) =
        gongkai(&["site", "check", &repo("examples/site/township-failing.json"), "--format", "json"], None);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verdict"], "fail");
    assert_eq!(v["score"], 96);
    assert_eq!(v["findings"][0]["path"], "/homepage");
    assert_eq!(v["findings"][0]["kind"], "veto");
    assert_eq!(v["findings"][0]["status"], "secondary");
    assert_eq!(v["interaction"]["response_rate"], 0.0);
}

#[test]
fn the_failing_report_reads_as_a_person_sees_it() {
    let (_, out, _) = gongkai(&["site", "check", &repo("examples/site/township-failing.json")], None);
    insta::assert_snapshot!("site_check_failing_text", out);
}

#[test]
fn as_of_moves_the_clean_site_into_warnings_then_vetoes() {
    let path = repo("examples/site/county-clean.json");
    // 2026-03-19: homepage 10 days old (warning, 4 days left), the weibo account 14 days (veto).
    let (code, out, _) = gongkai(&["site", "check", &path, "--as-of", "2026-03-19", "--format", "json"], None);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let home = v["findings"].as_array().unwrap().iter().find(|f| f["path"] == "/homepage").unwrap().clone();
    assert_eq!((home["kind"].as_str(), home["days_left"].as_i64()), (Some("warning"), Some(4)));
    let weibo = v["findings"].as_array().unwrap().iter().find(|f| f["path"] == "/accounts/1").unwrap().clone();
    assert_eq!((weibo["kind"].as_str(), weibo["code"].as_str()), (Some("veto"), Some("site_account_stale")));
    let (code, _, _) = gongkai(&["site", "check", &path, "--as-of", "2026-03-18"], None);
    assert_eq!(code, 0, "13 days: the account warns, nothing fails yet");
}

#[test]
fn sarif_and_html_outputs() {
    let path = repo("examples/site/township-failing.json");
    let (_, out, _) = gongkai(&["site", "check", &path, "--format", "sarif"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 18);
    assert_eq!(results[0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "/homepage");
    assert_eq!(results[0]["level"], "error");
    // Every result is placed in the file, on the line of its pointer's value, and fingerprinted.
    let snapshot = std::fs::read_to_string(&path).unwrap();
    let parsed: Value = serde_json::from_str(&snapshot).unwrap();
    let lines: Vec<&str> = snapshot.lines().collect();
    for r in results {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        let line = region["startLine"].as_u64().unwrap_or_else(|| panic!("no region: {r}")) as usize;
        let pointer = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].as_str().unwrap_or("");
        let member = pointer.rsplit('/').next().unwrap_or("");
        // A member that is there is placed on its own line (an absent one, on its parent's).
        if !member.is_empty() && member.parse::<usize>().is_err() && parsed.pointer(pointer).is_some() {
            assert!(
                lines[line - 1].contains(&format!("\"{member}\"")),
                "{pointer} placed on line {line}: {}",
                lines[line - 1]
            );
        }
        assert!(r["partialFingerprints"]["gongkaiFinding/v1"].is_string(), "{r}");
    }
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let i = results[0]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[i]["id"], results[0]["ruleId"]);
    // The vendored official schema (as check_cli repairs its one broken pattern).
    let text = std::fs::read_to_string(repo("cli/tests/data/sarif-2.1.0-rtm.5.json")).unwrap();
    let text = text.replace(r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let (_, html, _) = gongkai(&["site", "check", &path, "--format", "html"], None);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("不合格"));
}

#[test]
fn bad_input_from_stdin_is_a_finding_not_a_crash() {
    let (code, out, err) =
        gongkai(&["site", "check", "-", "--format", "json"], Some("{\"kind\": \"site\", \"columns\": ["));
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["code"], "site_invalid_snapshot");
    assert!(v["findings"][0]["message"].as_str().unwrap().contains("第 1 行"));
    let (code, _, err) = gongkai(&["site", "check", "/nonexistent/site.json"], None);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/site.json"));
}

#[test]
fn a_loosening_overlay_is_refused_with_its_line() {
    let dir = std::env::temp_dir().join(format!("gongkai-site-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let overlay = dir.join("loose.yaml");
    std::fs::write(
        &overlay,
        "kind: site_overlay\nid: loose\nversion: '1'\ntitle: { zh: 放宽, en: looser }\nbasis:\n  - { instrument: 某细则, status: unverified }\nindicators:\n  - id: columns_blank\n    limits: { count: 8 }\n    basis:\n      - { instrument: 某细则, status: unverified }\n",
    )
    .unwrap();
    let overlay = overlay.to_str().unwrap();
    let (code, _, err) =
        gongkai(&["site", "check", &repo("examples/site/county-clean.json"), "--overlay", overlay], None);
    assert_eq!(code, 2);
    assert!(err.contains("loose.yaml"), "{err}");
    let (code, out, _) = gongkai(&["catalogue", "lint", overlay], None);
    assert_ne!(code, 0);
    assert!(out.contains("site_overlay_loosens_limit") && out.contains(":9:"), "{out}");
}

#[test]
fn candidates_list_information_granted_to_several_applicants() {
    let dir = std::env::temp_dir().join(format!("gongkai-art44-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("requests.jsonl");
    let rec = |id: &str, who: &str, what: &str, resp: &str| {
        format!(
            "{{\"kind\":\"request\",\"id\":\"{id}\",\"institution\":{{\"kind\":\"administrative\",\"tier\":\"county\",\"name\":\"某县自然资源局\"}},\"applicant\":\"{who}\",\"requested\":\"{what}\",\"received\":\"2026-03-02\",\"response_type\":\"{resp}\",\"reply_date\":\"2026-03-20\"}}\n"
        )
    };
    let text = [
        rec("r1", "甲", "某村征地补偿安置方案", "granted"),
        rec("r2", "乙", "《某村征地补偿安置方案》", "granted"),
        rec("r3", "丙", "某村征地补偿安置方案", "granted"),
        rec("r4", "丁", "某地块出让合同", "denied"),
    ]
    .concat();
    std::fs::write(&file, text).unwrap();
    let (code, out, _) = gongkai(&["site", "candidates", file.to_str().unwrap()], None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("某县自然资源局：某村征地补偿安置方案（3 位申请人，3 件申请：r1、r2、r3）"), "{out}");
    assert!(out.contains("第四十四条"));
    let (_, out, _) = gongkai(&["site", "candidates", file.to_str().unwrap(), "--format", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["candidates"].as_array().unwrap().len(), 1);
    assert_eq!(v["candidates"][0]["applicants"], 3);
}
