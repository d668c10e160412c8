//! Attachments a publication record names by file (`"attachments": [{"name": …, "path": …}]`):
//! each file is screened with the file readers, and every finding is reported at the
//! attachment's pointer (`/attachments/0/path`) with the place in the file (`原始数据!C2`), so
//! checking a site export screens what would go live.
//!
//! The core opens no files here: the front end (the CLI) resolves each path against the
//! record's file, enforces its own rule on where paths may lead, and hands back the bytes or what
//! stopped it ([`AttachmentFile`]). A file that is missing or unreadable is a diagnostic, never
//! skipped.

use serde_json::Value;

use crate::check::codes::{
    ATTACHMENT_FILE_MISSING, ATTACHMENT_FILE_OUTSIDE, ATTACHMENT_FILE_UNREADABLE, RECORD_WRONG_TYPE,
};
use crate::diagnostics::{Diagnostic, message};
use crate::files::{FileKind, Limits, Notice, resolve_kind, scan_file};
use crate::screening::{NOT_SCREENED, ScanOptions};

/// What the front end found when it went to read an attachment's file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttachmentFile {
    /// The file's bytes, to be screened.
    Bytes(Vec<u8>),
    /// The file exists and is readable, but was not read (screening is off).
    Present,
    /// No file at the path; `resolved` is where it was looked for.
    Missing { resolved: String },
    /// The path leads outside the folder being checked, so it was not read.
    Outside { resolved: String, root: String },
    /// The file is there but could not be read (`reason`: the system's words).
    Unreadable { resolved: String, reason: String },
}

/// One attachment of a record that names a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttachmentPath<'a> {
    /// Index in `/attachments`.
    pub index: usize,
    pub path: &'a str,
}

/// The attachments of `record` that name a file, and a diagnostic for each `path` that is not a
/// string. (The record checks read `name` and `text`; `path` is read only by front ends that
/// read files, so its type is checked here.)
pub fn attachment_paths(record: &Value) -> (Vec<AttachmentPath<'_>>, Vec<Diagnostic>) {
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    let Some(Value::Array(attachments)) = record.get("attachments") else {
        return (paths, problems);
    };
    for (index, a) in attachments.iter().enumerate() {
        match a.get("path") {
            None | Some(Value::Null) => {}
            Some(Value::String(path)) => paths.push(AttachmentPath { index, path }),
            Some(other) => {
                let pointer = format!("/attachments/{index}/path");
                let found = match other {
                    Value::Bool(_) => "boolean",
                    Value::Number(_) => "number",
                    Value::Array(_) => "array",
                    _ => "object",
                };
                problems.push(Diagnostic::new(
                    &RECORD_WRONG_TYPE,
                    pointer.clone(),
                    message!("`{0}` 应为 {1}，实际为 {2}", "`{0}` should be {1}, found {2}", pointer, "string", found),
                ));
            }
        }
    }
    (paths, problems)
}

/// Screen the files `record`'s attachments name. `load` is called once per attachment with its
/// `path` as written and says what is there. Findings, notices (a scanned PDF, a hidden sheet)
/// and read errors are diagnostics at `/attachments/N/path`, each message naming the file and
/// the place in it.
pub fn screen_attachment_files(
    record: &Value,
    limits: &Limits,
    load: &mut dyn FnMut(&str) -> AttachmentFile,
) -> Vec<Diagnostic> {
    let (paths, mut out) = attachment_paths(record);
    for AttachmentPath { index, path } in paths {
        let pointer = format!("/attachments/{index}/path");
        match load(path) {
            AttachmentFile::Present => {}
            AttachmentFile::Bytes(bytes) => screen_one(path, &pointer, &bytes, limits, &mut out),
            AttachmentFile::Missing { resolved } => out.push(
                Diagnostic::new(
                    &ATTACHMENT_FILE_MISSING,
                    pointer,
                    message!("附件文件 `{0}` 不存在（查找位置：`{1}`）", "attachment file `{0}` does not exist (looked for `{1}`)", path, resolved),
                )
                .with_help(message!(
                    "路径相对于记录文件所在的文件夹；补上文件或改正路径",
                    "paths are relative to the record file's folder: add the file or correct the path"
                )),
            ),
            AttachmentFile::Outside { resolved, root } => out.push(
                Diagnostic::new(
                    &ATTACHMENT_FILE_OUTSIDE,
                    pointer,
                    message!(
                        "附件路径 `{0}` 指向 `{1}`，在被检查的文件夹 `{2}` 之外，未读取",
                        "attachment path `{0}` leads to `{1}`, outside the folder being checked `{2}`: not read",
                        path,
                        resolved,
                        root
                    ),
                )
                .with_help(message!(
                    "把附件放进导出的文件夹；确需读取外部文件时用 --allow-outside-attachments",
                    "put the attachment inside the exported folder, or pass --allow-outside-attachments if reading outside it is intended"
                )),
            ),
            AttachmentFile::Unreadable { resolved, reason } => out.push(Diagnostic::new(
                &ATTACHMENT_FILE_UNREADABLE,
                pointer,
                message!("附件文件 `{0}` 无法读取：{1}", "attachment file `{0}` cannot be read: {1}", resolved, reason),
            )),
        }
    }
    out
}

fn screen_one(path: &str, pointer: &str, bytes: &[u8], limits: &Limits, out: &mut Vec<Diagnostic>) {
    let scanned = resolve_kind(None, Some(path), bytes)
        .and_then(|kind: FileKind| scan_file(bytes, kind, &ScanOptions::default(), limits));
    let scan = match scanned {
        Ok(scan) => scan,
        Err(e) => {
            out.push(Diagnostic::new(
                &ATTACHMENT_FILE_UNREADABLE,
                pointer.to_owned(),
                message!(
                    "附件文件 `{0}` 无法读取，未经筛查：{1}（{2}）",
                    "attachment file `{0}` cannot be read, so it was not screened: {1} ({2})",
                    path,
                    e.to_string(),
                    e.code()
                ),
            ));
            return;
        }
    };
    for notice in &scan.notices {
        out.push(notice_diagnostic(path, pointer, notice));
    }
    for f in scan.findings.iter().filter(|f| f.finding.is_actionable()) {
        let mut d = crate::screening::finding_diagnostic(&f.finding, pointer);
        d.message = message!("附件 `{0}` {1}：{2}", "attachment `{0}` {1}: {2}", path, f.place.to_string(), d.message);
        out.push(d);
    }
}

fn notice_diagnostic(path: &str, pointer: &str, n: &Notice) -> Diagnostic {
    let info = crate::screening::CODES.iter().copied().find(|c| c.code == n.code).unwrap_or(&NOT_SCREENED);
    let message = match &n.part {
        Some(part) => message!("附件 `{0}` {1}：{2}", "attachment `{0}` {1}: {2}", path, part, n.message),
        None => message!("附件 `{0}`：{1}", "attachment `{0}`: {1}", path, n.message),
    };
    Diagnostic::new(info, pointer.to_owned(), message).with_severity(n.severity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(attachments: Value) -> Value {
        json!({"kind": "publication", "attachments": attachments})
    }

    #[test]
    fn a_text_file_is_screened_and_located() {
        let rec = record(json!([{"name": "名单", "path": "a/名单.csv"}, {"name": "说明", "text": "无"}]));
        let mut asked = Vec::new();
        let diags = screen_attachment_files(&rec, &Limits::default(), &mut |p| {
            asked.push(p.to_owned());
            AttachmentFile::Bytes("姓名,身份证号\n张三,11010519491231002X\n".as_bytes().to_vec())
        });
        assert_eq!(asked, ["a/名单.csv"]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, "screening_resident_id");
        assert_eq!(diags[0].path, "/attachments/0/path");
        let en = diags[0].message.en();
        assert!(en.starts_with("attachment `a/名单.csv` line 2 column 2: at character 1:"), "{en}");
    }

    #[test]
    fn missing_outside_unreadable_and_wrong_types_are_each_reported() {
        let rec = record(json!([
            {"name": "a", "path": "gone.xlsx"},
            {"name": "b", "path": "../../etc/passwd"},
            {"name": "c", "path": "locked.docx"},
            {"name": "d", "path": 7},
            {"name": "e", "path": "broken.xlsx"},
        ]));
        let diags = screen_attachment_files(&rec, &Limits::default(), &mut |p| match p {
            "gone.xlsx" => AttachmentFile::Missing { resolved: "/x/gone.xlsx".into() },
            "../../etc/passwd" => AttachmentFile::Outside { resolved: "/etc/passwd".into(), root: "/x".into() },
            "locked.docx" => AttachmentFile::Unreadable { resolved: "/x/locked.docx".into(), reason: "denied".into() },
            _ => AttachmentFile::Bytes(b"PK\x03\x04 not a zip".to_vec()),
        });
        let got: Vec<(&str, &str)> = diags.iter().map(|d| (d.code, d.path.as_ref())).collect();
        assert_eq!(
            got,
            [
                ("record_wrong_type", "/attachments/3/path"),
                ("attachment_file_missing", "/attachments/0/path"),
                ("attachment_file_outside", "/attachments/1/path"),
                ("attachment_file_unreadable", "/attachments/2/path"),
                ("attachment_file_unreadable", "/attachments/4/path"),
            ]
        );
        assert!(diags.iter().all(|d| d.severity == crate::Severity::Error));
    }

    #[test]
    fn a_record_without_files_asks_for_nothing() {
        for rec in [json!({"kind": "publication"}), record(json!([{"name": "x", "text": "t"}])), record(json!("oops"))]
        {
            let diags = screen_attachment_files(&rec, &Limits::default(), &mut |_| panic!("nothing to load"));
            assert!(diags.is_empty());
        }
    }
}
