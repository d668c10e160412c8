//! `gongkai scan` and `gongkai redact` end to end.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn gongkai(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gongkai");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

fn file(name: &str, content: &[u8]) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("screening_cli_{name}"));
    std::fs::write(&path, content).expect("write fixture");
    path.to_string_lossy().into_owned()
}

const PERSONAL: &str = "当事人张三，身份证号11010519491231002X，联系电话13812345678。\n咨询电话：13912345678\n";

#[test]
fn scan_json_reports_findings_and_exits_1() {
    let path = file("personal.txt", PERSONAL.as_bytes());
    let out = gongkai(&["scan", &path, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json[0]["source"], path.as_str());
    let findings = json[0]["findings"].as_array().unwrap();
    let codes: Vec<&str> = findings.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["screening_resident_id", "screening_mobile", "screening_organisational_contact"]);
    assert_eq!(findings[0]["preview"], "110105********002X");
    assert_eq!(findings[0]["start"], 10);
    assert!(!stdout.contains("11010519491231002X"), "the full value is not printed unless asked");
    let shown = gongkai(&["scan", &path, "--format", "json", "--show-values"], None);
    assert!(String::from_utf8(shown.stdout).unwrap().contains("11010519491231002X"));
}

#[test]
fn scan_text_format_gives_line_and_column() {
    let path = file("lines.txt", "第一行\n机密★10年\n".as_bytes());
    let out = gongkai(&["scan", &path], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(":2:1: error classified_marking `机密★10年`"), "{stdout}");
}

#[test]
fn clean_and_masked_text_exits_0_and_stdin_works() {
    let out = gongkai(&["scan", "-"], Some("身份证号110105********002X，手机138****5678。".as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let out = gongkai(&["scan", "-", "--format", "json", "--include-redacted"], Some("手机138****5678".as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["findings"][0]["redacted"], true);
}

#[test]
fn gbk_input_is_decoded_and_said_so() {
    // "身份证" in GBK, then an ID number: not UTF-8, read as GB18030 and screened.
    let gbk = file("gbk.txt", b"\xc9\xed\xb7\xdd\xd6\xa4 11010519491231002X\n");
    let good = file("good.txt", PERSONAL.as_bytes());
    let out = gongkai(&["scan", &gbk, &good, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["encoding"], "GB18030");
    assert_eq!(json[0]["findings"][0]["code"], "screening_resident_id");
    assert_eq!(json[1]["findings"].as_array().unwrap().len(), 3);
    let text = gongkai(&["scan", &gbk], None);
    assert!(String::from_utf8_lossy(&text.stdout).contains("read as GB18030"));
    // Bytes that are no encoding the reader knows are an error, exit 2, the others still read.
    let bad = file("bad.txt", &[0x81, 0x20, 0xFF, 0xFF]);
    let out = gongkai(&["scan", &bad, &good, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["error_code"], "file_encoding");
    assert_eq!(json[1]["findings"].as_array().unwrap().len(), 3);
}

#[test]
fn redact_then_scan_is_clean_and_idempotent() {
    let path = file("to_redact.txt", PERSONAL.as_bytes());
    let out_path = file("redacted.txt", b"");
    let out = gongkai(&["redact", &path, "-o", &out_path], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 change(s): mobile 1, resident_id 1"));
    let redacted = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(redacted, "当事人张三，身份证号110105********002X，联系电话138****5678。\n咨询电话：13912345678\n");
    assert_eq!(gongkai(&["scan", &out_path], None).status.code(), Some(0));
    let again = gongkai(&["redact", &out_path], None);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), redacted);
    let labelled = gongkai(&["redact", "-", "--mode", "label"], Some(PERSONAL.as_bytes()));
    assert!(String::from_utf8(labelled.stdout).unwrap().contains("身份证号[身份证号]"));
}
