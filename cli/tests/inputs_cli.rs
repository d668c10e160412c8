//! Inputs that yield nothing, names that do not exist, encodings that are not UTF-8, and
//! overlays naming unknown channels or screening kinds: each a message and a non-zero exit.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai")).args(args).current_dir(root()).output().expect("run gongkai")
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-inputs-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_folder_without_records_is_an_error_naming_what_was_skipped() {
    let dir = folder("empty");
    let d = dir.to_str().unwrap();
    let out = gongkai(&["check", d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no record files in"), "{}", stderr(&out));
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    let out = gongkai(&["check", d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("(1 skipped: "), "{}", stderr(&out));
    // An upper-case extension is a record file; the others are named on stderr.
    let record = std::fs::read(root().join("examples/records/admin/01-normative-document-ok.json")).unwrap();
    std::fs::write(dir.join("EXPORT.JSON"), record).unwrap();
    let out = gongkai(&["check", d, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["checked"], 1);
    assert!(stderr(&out).contains("note: skipped 1 file(s) that are not .json or .jsonl"), "{}", stderr(&out));
    let out = gongkai(&["audit", "--kind", "administrative", "--tier", "county", "--period", "2025", d]);
    assert!(!stderr(&out).contains("no records"), "{}", stderr(&out));
    std::fs::remove_file(dir.join("EXPORT.JSON")).unwrap();
    let out = gongkai(&["audit", "--kind", "administrative", "--tier", "county", "--period", "2025", d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no records in"), "{}", stderr(&out));
}

#[test]
fn an_unknown_kind_or_tier_is_an_error_with_the_nearest() {
    let out = gongkai(&["grounds", "list", "--kind", "adminstrative"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown institution kind `adminstrative`"), "{}", stderr(&out));
    assert!(stderr(&out).contains("(did you mean `administrative`?)"), "{}", stderr(&out));
    let out = gongkai(&["catalogue", "list", "--kind", "health", "--tier", "hospitl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown tier for kind `health` `hospitl`"), "{}", stderr(&out));
    let out = gongkai(&["audit", "--kind", "univ", "--tier", "central", "--period", "2025", "examples/records"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `university`?"), "{}", stderr(&out));
}

#[test]
fn audit_takes_overlays_and_check_takes_calendars() {
    let out = gongkai(&[
        "audit",
        "--kind",
        "health",
        "--tier",
        "hospital",
        "--period",
        "2026",
        "--overlay",
        "examples/overlays/county-health-catalogue.yaml",
        "examples/records/hospital",
        "--format",
        "json",
    ]);
    assert!(out.status.code() != Some(2), "{}", stderr(&out));
    let out = gongkai(&[
        "audit",
        "--kind",
        "health",
        "--tier",
        "hospital",
        "--period",
        "2026",
        "--overlay",
        "nope.yaml",
        "examples/records/hospital",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.yaml"), "{}", stderr(&out));
    let out = gongkai(&["check", "examples/records/hospital", "--calendar", "nope.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.yaml"), "{}", stderr(&out));
}

#[test]
fn the_encoding_advice_matches_what_was_detected() {
    let dir = folder("encodings");
    let text = r#"{"kind": "publication", "title": "某县人民政府关于公开的通知"}"#;
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let gb18030 = {
        // 公开 in GB 18030 (= GBK for these), with ASCII around it.
        let mut b = br#"{"kind": "publication", "title": ""#.to_vec();
        b.extend_from_slice(b"\xb9\xab\xbf\xaa");
        b.extend_from_slice(br#""}"#);
        b
    };
    let latin1 = b"{\"kind\": \"publication\", \"title\": \"caf\xe9\"}".to_vec();
    for (name, bytes, expect) in [
        ("utf16.json", utf16, "iconv -f UTF-16LE"),
        ("gb.json", gb18030, "iconv -f GB18030"),
        ("latin1.jsonl", latin1, "iconv -f WINDOWS-1252"),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let out = gongkai(&["check", p.to_str().unwrap(), "--lang", "en"]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("input_not_utf8") && text.contains(expect), "{name}: {text}");
    }
}

#[test]
fn the_overlay_linter_knows_channels_and_screening_kinds() {
    let dir = folder("overlay");
    let overlay = r#"id: example.vocabulary
version: "1"
title: { zh: 示例, en: example }
applies_to:
  kinds: [administrative]
  tiers: [county]
basis:
  - { instrument: 示例目录, status: secondary }
changes:
  - item: admin.art20.01
    add_channels: [gazette]
    basis:
      - { instrument: 示例目录, status: secondary }
items:
  - id: county.example.registration
    title: { zh: 登记, en: registration }
    category: [行政审批, 登记]
    mode: proactive
    timing: { kind: within_working_days, days: 20, from: formed_or_changed, basis: { instrument: 政府信息公开条例, article: 第二十六条 } }
    channels: [government_websit]
    elements:
      - { key: head_names, title: { zh: 负责人, en: heads }, type: text }
    personal_data:
      fields: [head_names]
      masked: [resident_idd]
      basis:
        - { instrument: 政府信息公开条例, article: 第二十条第（二）项 }
    basis:
      - { instrument: 示例目录, status: secondary }
"#;
    let p = dir.join("overlay.yaml");
    std::fs::write(&p, overlay).unwrap();
    let out = gongkai(&["catalogue", "lint", p.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for expected in [
        "catalogue_unknown_channel",
        "`gazette` (did you mean `government_gazette`?)",
        "`government_websit` (did you mean `government_website`?)",
        "catalogue_unknown_screening_kind",
        "`resident_idd` (did you mean `resident_id`?)",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    // The lines are those of the YAML.
    assert!(text.contains("overlay.yaml:11:"), "{text}");
}
