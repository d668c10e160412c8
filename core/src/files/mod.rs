//! Files as people publish them: workbooks (.xlsx/.xlsm, .xls, .ods), Word documents (.docx),
//! PDFs, web pages and text in UTF-8, UTF-16 or GB18030, read from bytes (no file I/O here),
//! screened piece by piece, each finding located where a person can act on it
//! (`原始数据!C2`, page 2 line 3, table 1 row 2 column 3, `<img alt>`).
//!
//! What cannot be screened is said, never passed: a PDF page without a text layer, an encrypted
//! file, a part that does not parse are [`Notice`]s with code `screening_not_screened`; hidden
//! sheets, rows and columns that hold data are `screening_hidden_content`.
//!
//! Readers: OOXML (.xlsx, .docx) with `zip` + `quick-xml`, streamed part by part (the same
//! parser rewrites the parts for [`redact_file`]); .xls and .ods with `calamine`; PDF with
//! `lopdf` (feature `pdf`); HTML with the `html5gum` WHATWG tokenizer (byte spans, so a
//! redacted page keeps every other byte); text encodings with `encoding_rs`.

mod html;
mod ooxml;
#[cfg(feature = "pdf")]
mod pdf;
mod redact;
#[cfg(feature = "legacy-sheets")]
mod sheets;
mod text;
mod zipped;

use serde::Serialize;

use crate::diagnostics::{CodeInfo, Message, Severity};
use crate::screening::{Finding, ScanOptions, scan_with};

pub use redact::{FileRedaction, RedactOptions, redact_file};

/// The formats the readers know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileKind {
    /// Office Open XML workbook (.xlsx, .xlsm).
    Xlsx,
    /// Legacy Excel workbook (.xls, BIFF8).
    Xls,
    /// OpenDocument spreadsheet (.ods).
    Ods,
    /// Office Open XML document (.docx).
    Docx,
    Pdf,
    Html,
    Csv,
    Text,
}

impl FileKind {
    pub const ALL: [FileKind; 8] = [
        FileKind::Xlsx,
        FileKind::Xls,
        FileKind::Ods,
        FileKind::Docx,
        FileKind::Pdf,
        FileKind::Html,
        FileKind::Csv,
        FileKind::Text,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Xlsx => "xlsx",
            FileKind::Xls => "xls",
            FileKind::Ods => "ods",
            FileKind::Docx => "docx",
            FileKind::Pdf => "pdf",
            FileKind::Html => "html",
            FileKind::Csv => "csv",
            FileKind::Text => "text",
        }
    }

    /// The kind a name (`xlsx`, `docx` …) or a file extension stands for.
    pub fn parse(name: &str) -> Option<FileKind> {
        Some(match name.trim_start_matches('.').to_ascii_lowercase().as_str() {
            "xlsx" | "xlsm" => FileKind::Xlsx,
            "xls" => FileKind::Xls,
            "ods" => FileKind::Ods,
            "docx" | "docm" => FileKind::Docx,
            "pdf" => FileKind::Pdf,
            "html" | "htm" | "xhtml" | "shtml" => FileKind::Html,
            "csv" | "tsv" => FileKind::Csv,
            "txt" | "text" | "md" => FileKind::Text,
            _ => return None,
        })
    }

    /// The kind of a file name, by its extension.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let ext = name.rsplit_once('.')?.1;
        FileKind::parse(ext)
    }

    /// The kind the first bytes show, when they show one (zip containers by their parts).
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(b"%PDF-") {
            return Some(FileKind::Pdf);
        }
        if bytes.starts_with(&zipped::CFB_MAGIC) {
            return Some(FileKind::Xls);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return zipped::sniff(bytes);
        }
        let head = &bytes[..bytes.len().min(512)];
        let lower = head.to_ascii_lowercase();
        if memchr::memmem::find(&lower, b"<!doctype html").is_some() || memchr::memmem::find(&lower, b"<html").is_some()
        {
            return Some(FileKind::Html);
        }
        None
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Bounds on what a file may unpack to: a zip bomb or a sheet of millions of cells is refused
/// with [`FileError::Limit`] in bounded time and memory, before it is unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Limits {
    /// Bytes all parts of a container (or a PDF's streams) may unpack to together.
    pub max_uncompressed: u64,
    /// Unpacked bytes per packed byte of a container, once it unpacks past 16 MiB.
    pub max_ratio: u64,
    /// Cells of all sheets of a workbook together.
    pub max_cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_uncompressed: 1 << 30, max_ratio: 200, max_cells: 10_000_000 }
    }
}

impl Limits {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn max_uncompressed(mut self, bytes: u64) -> Self {
        self.max_uncompressed = bytes;
        self
    }
    pub fn max_ratio(mut self, ratio: u64) -> Self {
        self.max_ratio = ratio;
        self
    }
    pub fn max_cells(mut self, cells: u64) -> Self {
        self.max_cells = cells;
        self
    }
}

/// A file that cannot be read at all. (A file that reads but cannot be *screened*, such as a
/// scanned PDF, is not an error: it is a [`Notice`].)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    /// The kind could not be told from the name or the bytes.
    #[error("unknown file kind: name it with `kind` (one of xlsx, xls, ods, docx, pdf, html, csv, text)")]
    UnknownKind,
    /// The file (or one part of it) is damaged or truncated.
    #[error("{part}: {message}")]
    Corrupt { part: String, message: String },
    /// A limit of [`Limits`] was reached.
    #[error("{part}: {message}")]
    Limit { part: String, message: String },
    /// The bytes are text in no encoding the reader recognises.
    #[error("{message}")]
    Encoding { message: String },
}

impl FileError {
    /// A stable snake_case code, for bindings and machine output.
    pub fn code(&self) -> &'static str {
        match self {
            FileError::UnknownKind => "file_unknown_kind",
            FileError::Corrupt { .. } => "file_corrupt",
            FileError::Limit { .. } => "file_limit",
            FileError::Encoding { .. } => "file_encoding",
        }
    }

    pub(crate) fn corrupt(part: impl Into<String>, message: impl std::fmt::Display) -> Self {
        FileError::Corrupt { part: part.into(), message: message.to_string() }
    }

    pub(crate) fn limit(part: impl Into<String>, message: impl Into<String>) -> Self {
        FileError::Limit { part: part.into(), message: message.into() }
    }
}

/// Where a piece of text sits in its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "in", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Place {
    /// A cell of a sheet: `sheet!cell`.
    Cell {
        sheet: String,
        cell: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        hidden_sheet: bool,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        hidden_row: bool,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        hidden_column: bool,
    },
    /// A comment (note) on a cell.
    CellComment { sheet: String, cell: String },
    /// A paragraph of a Word part (`document`, `header1`, `footer1`, `comments`, `footnotes` …),
    /// counted from 1 outside tables.
    Paragraph {
        part: String,
        paragraph: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        change: Option<Change>,
    },
    /// A cell of a Word table: table counted from 1 in its part, row and column from 1.
    TableCell {
        part: String,
        table: u32,
        row: u32,
        column: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        change: Option<Change>,
    },
    /// A line of a PDF page (both from 1).
    Page { page: u32, line: u32 },
    /// An HTML element's text or one of its attributes; `hidden` when the element is not shown
    /// (`hidden`, `display:none`, `type=hidden`, a comment).
    Element {
        element: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        attribute: Option<String>,
        line: u32,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        hidden: bool,
    },
    /// A line of a text file, and for CSV the field (column) from 1.
    Line {
        line: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<u32>,
    },
    /// A document property (`creator`, `lastModifiedBy`, `title` …).
    Property { name: String },
}

/// A tracked change in a Word document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Inserted,
    Deleted,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let change = |c: &Option<Change>| match c {
            Some(Change::Inserted) => " (tracked insertion)",
            Some(Change::Deleted) => " (tracked deletion)",
            None => "",
        };
        match self {
            Place::Cell { sheet, cell, hidden_sheet, hidden_row, hidden_column } => {
                write!(f, "{sheet}!{cell}")?;
                let hidden: Vec<&str> = [(*hidden_sheet, "sheet"), (*hidden_row, "row"), (*hidden_column, "column")]
                    .iter()
                    .filter_map(|&(h, what)| h.then_some(what))
                    .collect();
                if !hidden.is_empty() {
                    write!(f, " (hidden {})", hidden.join(", "))?;
                }
                Ok(())
            }
            Place::CellComment { sheet, cell } => write!(f, "{sheet}!{cell} (comment)"),
            Place::Paragraph { part, paragraph, change: c } => write!(f, "{part} paragraph {paragraph}{}", change(c)),
            Place::TableCell { part, table, row, column, change: c } => {
                write!(f, "{part} table {table} row {row} column {column}{}", change(c))
            }
            Place::Page { page, line } => write!(f, "page {page} line {line}"),
            Place::Element { element, attribute, line, hidden } => {
                write!(f, "line {line} <{element}")?;
                if let Some(a) = attribute {
                    write!(f, " {a}")?;
                }
                f.write_str(">")?;
                if *hidden {
                    f.write_str(" (hidden)")?;
                }
                Ok(())
            }
            Place::Line { line, column: Some(c) } => write!(f, "line {line} column {c}"),
            Place::Line { line, column: None } => write!(f, "line {line}"),
            Place::Property { name } => write!(f, "property {name}"),
        }
    }
}

/// A piece of a file's text and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub place: Place,
    pub text: String,
}

/// Something about a file as a whole or a part of it that is not a finding in its text:
/// what was not screened and why, what is hidden.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    pub code: &'static str,
    pub severity: Severity,
    /// The part concerned (`page 3`, `sheet 原始数据`), when not the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    pub message: Message,
}

impl Notice {
    pub(crate) fn new(info: &'static CodeInfo, part: Option<String>, message: Message) -> Self {
        Notice { code: info.code, severity: info.severity, part, message }
    }

    /// Whether it stops the file from being published as it is.
    pub fn is_actionable(&self) -> bool {
        self.severity > Severity::Info
    }
}

/// A sheet of a workbook, with whether it is hidden.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SheetInfo {
    pub name: String,
    /// `visible`, `hidden` or `very_hidden` (hidden so that only a macro can show it).
    pub state: &'static str,
    pub cells: u64,
}

/// A file's text, piece by piece.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Extracted {
    pub kind: FileKind,
    /// The text encoding detected (`UTF-8`, `UTF-16LE`, `GB18030` …), for text, CSV and HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<SheetInfo>,
    pub segments: Vec<Segment>,
    pub notices: Vec<Notice>,
}

/// What a reader reports besides the text it hands to the sink.
#[derive(Debug, Default)]
pub(crate) struct ReadSummary {
    pub encoding: Option<&'static str>,
    pub sheets: Vec<SheetInfo>,
    pub notices: Vec<Notice>,
}

/// Receives each piece of text as it is read, so that a large workbook is screened without
/// holding all its text.
/// The place is built only when it is wanted: most pieces of a file are clean.
pub(crate) type Sink<'a> = dyn FnMut(&dyn Fn() -> Place, &str) + 'a;

/// Read a file's text piece by piece into `sink`.
pub(crate) fn read(bytes: &[u8], kind: FileKind, limits: &Limits, sink: &mut Sink) -> Result<ReadSummary, FileError> {
    match kind {
        FileKind::Xlsx => ooxml::read_xlsx(bytes, limits, sink),
        FileKind::Docx => ooxml::read_docx(bytes, limits, sink),
        FileKind::Xls | FileKind::Ods => read_legacy_sheets(bytes, kind, limits, sink),
        FileKind::Pdf => read_pdf(bytes, limits, sink),
        FileKind::Html => html::read(bytes, sink),
        FileKind::Csv | FileKind::Text => text::read(bytes, kind, sink),
    }
}

#[cfg(feature = "legacy-sheets")]
fn read_legacy_sheets(
    bytes: &[u8],
    kind: FileKind,
    limits: &Limits,
    sink: &mut Sink,
) -> Result<ReadSummary, FileError> {
    sheets::read(bytes, kind, limits, sink)
}

/// Without the `legacy-sheets` feature (the WebAssembly build), .xls and .ods are reported as
/// not screened.
#[cfg(not(feature = "legacy-sheets"))]
fn read_legacy_sheets(
    _bytes: &[u8],
    kind: FileKind,
    _limits: &Limits,
    _sink: &mut Sink,
) -> Result<ReadSummary, FileError> {
    Ok(missing_reader(kind, "legacy-sheets"))
}

#[cfg(any(not(feature = "pdf"), not(feature = "legacy-sheets")))]
fn missing_reader(kind: FileKind, feature: &str) -> ReadSummary {
    use crate::diagnostics::message;
    ReadSummary {
        notices: vec![Notice::new(
            &crate::screening::NOT_SCREENED,
            None,
            message!(
                "此版本未包含 {0} 读取功能（未启用 `{1}` 特性），文件未经筛查：请用命令行或 Python 版筛查",
                "this build has no {0} reader (feature `{1}` is off): the file was not screened; screen it with the command line or Python",
                kind.as_str(),
                feature
            ),
        )],
        ..ReadSummary::default()
    }
}

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8], limits: &Limits, sink: &mut Sink) -> Result<ReadSummary, FileError> {
    pdf::read(bytes, limits, sink)
}

/// Without the `pdf` feature (the WebAssembly build), a PDF is reported as not screened.
#[cfg(not(feature = "pdf"))]
fn read_pdf(_bytes: &[u8], _limits: &Limits, _sink: &mut Sink) -> Result<ReadSummary, FileError> {
    Ok(missing_reader(FileKind::Pdf, "pdf"))
}

/// The kind to read `bytes` as: `kind` when given, else the name's extension, else the bytes.
pub fn resolve_kind(kind: Option<FileKind>, name: Option<&str>, bytes: &[u8]) -> Result<FileKind, FileError> {
    kind.or_else(|| name.and_then(FileKind::from_name)).or_else(|| FileKind::sniff(bytes)).ok_or(FileError::UnknownKind)
}

/// A file's text, piece by piece, with what could not be read.
pub fn extract(bytes: &[u8], kind: FileKind, limits: &Limits) -> Result<Extracted, FileError> {
    let mut segments = Vec::new();
    let summary =
        read(bytes, kind, limits, &mut |place, text| segments.push(Segment { place: place(), text: text.to_owned() }))?;
    Ok(Extracted { kind, encoding: summary.encoding, sheets: summary.sheets, segments, notices: summary.notices })
}

/// A finding in a file: where it is, and the finding in that piece's text (its offsets count
/// within the piece).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileFinding {
    #[serde(rename = "location")]
    pub place: Place,
    #[serde(flatten)]
    pub finding: Finding,
}

/// What [`scan_file`] found in a file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FileScan {
    pub kind: FileKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<SheetInfo>,
    pub findings: Vec<FileFinding>,
    pub notices: Vec<Notice>,
}

impl FileScan {
    /// Whether something must be fixed (or looked at by hand) before the file is published.
    pub fn is_actionable(&self) -> bool {
        self.findings.iter().any(|f| f.finding.is_actionable()) || self.notices.iter().any(Notice::is_actionable)
    }
}

/// Screen a file's text, every piece of it, for unredacted personal data and markings.
pub fn scan_file(bytes: &[u8], kind: FileKind, opts: &ScanOptions, limits: &Limits) -> Result<FileScan, FileError> {
    let mut findings = Vec::new();
    let summary = read(bytes, kind, limits, &mut |place, text| {
        let found = scan_with(text, opts);
        if !found.is_empty() {
            let place = place();
            findings.extend(found.into_iter().map(|finding| FileFinding { place: place.clone(), finding }));
        }
    })?;
    Ok(FileScan { kind, encoding: summary.encoding, sheets: summary.sheets, findings, notices: summary.notices })
}

/// `A1`-style column letters of a 0-based column index (`0` → `A`, `26` → `AA`).
pub(crate) fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// 0-based (row, column) of an `A1` reference.
pub(crate) fn parse_cell_ref(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for &b in &r[..letters] {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u32 = std::str::from_utf8(&r[letters..]).ok()?.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_round_trip() {
        for (i, s) in [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")] {
            assert_eq!(column_letters(i), s);
            assert_eq!(parse_cell_ref(format!("{s}7").as_bytes()), Some((6, i)));
        }
        assert_eq!(parse_cell_ref(b"7"), None);
        assert_eq!(parse_cell_ref(b"A0"), None);
    }

    #[test]
    fn kinds_by_name_and_bytes() {
        assert_eq!(FileKind::from_name("名单.XLSX"), Some(FileKind::Xlsx));
        assert_eq!(FileKind::from_name("a.htm"), Some(FileKind::Html));
        assert_eq!(FileKind::from_name("noext"), None);
        assert_eq!(FileKind::sniff(b"%PDF-1.4\n"), Some(FileKind::Pdf));
        assert_eq!(FileKind::sniff(b"<!DOCTYPE html><p>x"), Some(FileKind::Html));
        assert_eq!(FileKind::sniff(b"plain"), None);
    }
}
