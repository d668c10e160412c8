//! `gongkai scan` and `gongkai redact` on files as published: a workbook with a hidden sheet,
//! a site export folder, a scanned PDF, a zip bomb. The files are made here.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output};

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai")).args(args).output().expect("run gongkai")
}

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("files_cli_{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn attachment() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let shown = book.add_worksheet();
    shown.set_name("公示名单").unwrap();
    shown.write_string(0, 0, "姓名").unwrap();
    shown.write_string(1, 0, "张三").unwrap();
    shown.write_string(1, 1, "110105********002X").unwrap();
    let raw = book.add_worksheet();
    raw.set_name("原始数据").unwrap();
    raw.write_string(1, 2, "11010519491231002X").unwrap();
    raw.set_hidden(true);
    book.save_to_buffer().unwrap()
}

fn scanned_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream",
        "<< /Length 30 >>\nstream\nq 500 0 0 700 50 50 cm /Im1 Do Q\nendstream",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    out
}

#[test]
fn scan_attachment_xlsx_names_sheet_and_cell() {
    let d = dir("xlsx");
    let path = d.join("attachment.xlsx");
    std::fs::write(&path, attachment()).unwrap();
    let out = gongkai(&["scan", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("attachment.xlsx: 原始数据!C2 (hidden sheet): error resident_id `110105********002X`"),
        "{stdout}"
    );
    assert!(stdout.contains("[screening_hidden_content]"), "{stdout}");
    // SARIF: the cell as a logical location.
    let out = gongkai(&["scan", path.to_str().unwrap(), "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let id = results.iter().find(|r| r["ruleId"] == "screening_resident_id").unwrap();
    assert_eq!(id["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "原始数据!C2 (hidden sheet)");
    assert_eq!(id["properties"]["location"]["cell"], "C2");
    assert!(id["ruleIndex"].is_u64());
}

#[test]
fn scan_folder_reports_per_file_and_says_what_was_not_screened() {
    let d = dir("site");
    std::fs::create_dir_all(d.join("attachments")).unwrap();
    std::fs::write(d.join("attachments/名单.xlsx"), attachment()).unwrap();
    std::fs::write(d.join("attachments/scan.pdf"), scanned_pdf()).unwrap();
    std::fs::write(d.join("index.html"), "<p>咨询电话：010-12345678</p><img alt=\"联系人手机13812345678\">").unwrap();
    std::fs::write(d.join("logo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let out = gongkai(&["scan", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = json.as_array().unwrap();
    let by_name = |n: &str| reports.iter().find(|r| r["source"].as_str().unwrap().ends_with(n)).unwrap();
    assert_eq!(reports.len(), 4);
    assert_eq!(by_name("名单.xlsx")["findings"][0]["location"]["sheet"], "原始数据");
    assert_eq!(by_name("scan.pdf")["notices"][0]["code"], "screening_not_screened");
    assert_eq!(by_name("index.html")["findings"][0]["location"]["attribute"], "alt");
    assert!(by_name("logo.png")["skipped"].is_string());
    // The scanned PDF alone: not screened is not passed.
    let out = gongkai(&["scan", d.join("attachments/scan.pdf").to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no text layer"));
}

#[test]
fn zip_bomb_exits_2_with_a_clear_error() {
    let d = dir("bomb");
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let zeros = vec![0u8; 4 << 20];
    for _ in 0..4 {
        w.write_all(&zeros).unwrap();
    }
    let bomb = w.finish().unwrap().into_inner();
    let path = d.join("bomb.xlsx");
    std::fs::write(&path, bomb).unwrap();
    let out = gongkai(&["scan", path.to_str().unwrap(), "--max-uncompressed-mib", "8"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bomb.xlsx`: zip directory: the parts unpack to 16777216 bytes"), "{stderr}");
}

#[test]
fn redact_xlsx_writes_a_masked_copy_beside_it() {
    let d = dir("redact");
    let path = d.join("attachment.xlsx");
    std::fs::write(&path, attachment()).unwrap();
    let out = gongkai(&["redact", path.to_str().unwrap(), "--remove-hidden-sheets"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("removed hidden sheet `原始数据`"), "{stderr}");
    let copy = d.join("attachment.redacted.xlsx");
    let again = gongkai(&["scan", copy.to_str().unwrap(), "--format", "json"]);
    assert_eq!(again.status.code(), Some(0), "{}", String::from_utf8_lossy(&again.stdout));
    // A PDF is reported only.
    let pdf = d.join("scan.pdf");
    std::fs::write(&pdf, scanned_pdf()).unwrap();
    let out = gongkai(&["redact", pdf.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be redacted automatically"));
}

/// `gongkai check site-export/`: a record naming its attachment by `path` has the file screened
/// (the hidden sheet's ID number found at the attachment's pointer, with sheet and cell); a
/// missing file and a path out of the export are errors, not skipped; the flag lets the latter be read.
#[test]
fn check_screens_attachment_files_a_record_names() {
    let d = dir("check_attachments");
    std::fs::create_dir_all(d.join("records")).unwrap();
    std::fs::create_dir_all(d.join("files")).unwrap();
    std::fs::write(d.join("files/名单.xlsx"), attachment()).unwrap();
    let outside = dir("check_attachments_outside").join("私人.txt");
    std::fs::write(&outside, "身份证 11010519491231002X").unwrap();
    let record = serde_json::json!({
        "kind": "publication", "id": "subsidy-list",
        "institution": {"name": "某县民政局", "kind": "administrative", "tier": "county", "role": "department"},
        "item": "admin.art20.01", "title": "补贴名单", "formed": "2026-03-02", "published": "2026-03-05",
        "channels": ["government_website"],
        "attachments": [
            {"name": "名单.xlsx", "path": "../files/名单.xlsx"},
            {"name": "附表.docx", "path": "../files/附表.docx"},
            {"name": "私人.txt", "path": outside.to_str().unwrap()},
            {"name": "说明", "text": "无"}
        ]
    });
    std::fs::write(d.join("records/subsidy.json"), record.to_string()).unwrap();

    let diagnostics = |args: &[&str]| -> (Option<i32>, Vec<(String, String, String)>) {
        let out = gongkai(args);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let list = v["results"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"].as_str().is_some_and(|p| p.starts_with("/attachments")));
        let got = list
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_owned(),
                    d["path"].as_str().unwrap().to_owned(),
                    d["message"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        (out.status.code(), got)
    };
    let root = d.to_str().unwrap();
    let (code, got) = diagnostics(&["check", root, "--format", "json", "--lang", "en"]);
    assert_eq!(code, Some(1));
    let codes: Vec<(&str, &str)> = got.iter().map(|(c, p, _)| (c.as_str(), p.as_str())).collect();
    assert_eq!(
        codes,
        [
            ("screening_hidden_content", "/attachments/0/path"),
            ("screening_resident_id", "/attachments/0/path"),
            ("attachment_file_missing", "/attachments/1/path"),
            ("attachment_file_outside", "/attachments/2/path"),
        ],
        "{got:#?}"
    );
    assert!(got[1].2.starts_with("attachment `../files/名单.xlsx` 原始数据!C2 (hidden sheet): "), "{}", got[1].2);
    // The masked value on the visible sheet is not reported.
    assert!(!got.iter().any(|(_, _, m)| m.contains("公示名单")), "{got:#?}");

    let (_, got) = diagnostics(&["check", root, "--format", "json", "--lang", "en", "--allow-outside-attachments"]);
    let outside_found: Vec<&str> =
        got.iter().filter(|(_, p, _)| p == "/attachments/2/path").map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(outside_found, ["screening_resident_id"]);

    // Without screening the files are not read, but a missing one is still reported.
    let (_, got) = diagnostics(&["check", root, "--format", "json", "--no-screening"]);
    let codes: Vec<&str> = got.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(codes, ["attachment_file_missing", "attachment_file_outside"]);
}
