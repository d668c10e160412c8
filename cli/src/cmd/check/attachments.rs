//! Attachments a record names by file (`{"name": …, "path": "files/名单.xlsx"}`): read relative
//! to the record's file and screened with the file readers, so `gongkai check site-export/`
//! screens what would go live.
//!
//! Paths may not lead outside the folder being checked (the argument the record was found
//! under; a record file given by name: its folder; stdin: the working directory) unless
//! `--allow-outside-attachments` is given. A record is data from a CMS: without this rule a
//! record saying `"path": "../../home/me/.ssh/id_rsa"` would have the checker open and quote
//! files that are not part of the export, and what is checked would no longer be what goes
//! live. Symbolic links are followed before the rule is applied.

use std::path::{Path, PathBuf};

use gongkai::Diagnostic;
use gongkai::check::attachments::{AttachmentFile, screen_attachment_files};
use gongkai::files::Limits;
use gongkai::sources::{Payload, Unit};
use serde_json::Value;

pub(crate) struct AttachmentReader {
    /// The folders being checked, resolved: each argument that is a folder, or a file's folder.
    roots: Vec<PathBuf>,
    cwd: PathBuf,
    allow_outside: bool,
    screen: bool,
    limits: Limits,
}

impl AttachmentReader {
    pub fn new(args: &[String], allow_outside: bool, screen: bool) -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let roots = args
            .iter()
            .filter_map(|a| {
                let p = if a == "-" { cwd.clone() } else { PathBuf::from(a) };
                let p = p.canonicalize().ok()?;
                if p.is_dir() { Some(p) } else { p.parent().map(Path::to_path_buf) }
            })
            .collect();
        AttachmentReader { roots, cwd, allow_outside, screen, limits: Limits::default() }
    }

    /// Diagnostics for the files `unit`'s record names; none when it names none.
    pub fn check(&self, unit: &Unit) -> Vec<Diagnostic> {
        let parsed;
        let record = match &unit.payload {
            Payload::Value(v) => v,
            // Most records name no file: parse again only those that may (`path`, or escapes
            // that could spell it).
            Payload::Text(t) if may_name_a_file(t) => match serde_json::from_str::<Value>(t) {
                Ok(v) => {
                    parsed = v;
                    &parsed
                }
                Err(_) => return Vec::new(), // reported by the check as invalid JSON
            },
            _ => return Vec::new(),
        };
        if !record.get("attachments").is_some_and(Value::is_array) {
            return Vec::new();
        }
        let dir = match unit.file.as_str() {
            "-" => self.cwd.clone(),
            f => Path::new(f).parent().map(Path::to_path_buf).unwrap_or_default(),
        };
        let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
        let canonical_dir = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        let root = self
            .roots
            .iter()
            .filter(|r| canonical_dir.starts_with(r))
            .max_by_key(|r| r.as_os_str().len())
            .cloned()
            .unwrap_or_else(|| canonical_dir.clone());
        screen_attachment_files(record, &self.limits, &mut |path| self.load(&dir, &root, path))
    }

    fn load(&self, dir: &Path, root: &Path, path: &str) -> AttachmentFile {
        if path.trim().is_empty() {
            return AttachmentFile::Unreadable { resolved: path.to_owned(), reason: "the path is empty".to_owned() };
        }
        let joined = dir.join(path);
        let shown = joined.display().to_string();
        let canonical = match joined.canonicalize() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return AttachmentFile::Missing { resolved: shown },
            Err(e) => return AttachmentFile::Unreadable { resolved: shown, reason: e.to_string() },
        };
        if !self.allow_outside && !canonical.starts_with(root) {
            return AttachmentFile::Outside {
                resolved: canonical.display().to_string(),
                root: root.display().to_string(),
            };
        }
        match std::fs::metadata(&canonical) {
            Ok(m) if m.is_dir() => {
                return AttachmentFile::Unreadable { resolved: shown, reason: "it is a folder, not a file".to_owned() };
            }
            Ok(m) if m.len() > self.limits.max_uncompressed => {
                return AttachmentFile::Unreadable {
                    resolved: shown,
                    reason: format!(
                        "it is {} bytes, over the {} bytes a file may hold",
                        m.len(),
                        self.limits.max_uncompressed
                    ),
                };
            }
            Ok(_) => {}
            Err(e) => return AttachmentFile::Unreadable { resolved: shown, reason: e.to_string() },
        }
        if !self.screen {
            return AttachmentFile::Present;
        }
        match std::fs::read(&canonical) {
            Ok(bytes) => AttachmentFile::Bytes(bytes),
            Err(e) => AttachmentFile::Unreadable { resolved: shown, reason: e.to_string() },
        }
    }
}

/// Whether a record's text may name an attachment file: it holds `path`, or an escape (`\u`)
/// that could spell it. Every record's text is searched, in one pass for the two bytes that
/// start them (std's `contains` for each word took 1.7% of a 100,000-record JSONL run).
fn may_name_a_file(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'p', b'\\', bytes).any(|i| {
        let rest = &bytes[i + 1..];
        if bytes[i] == b'p' { rest.starts_with(b"ath") } else { rest.starts_with(b"u") }
    })
}
