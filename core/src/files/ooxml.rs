//! Office Open XML: .xlsx/.xlsm workbooks and .docx documents, read part by part with
//! `quick-xml` (local names, so transitional and strict namespaces read alike).

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::zipped::{Archive, CFB_MAGIC, resolve_target};
use super::{Change, FileError, Limits, Notice, Place, ReadSummary, SheetInfo, Sink, column_letters, parse_cell_ref};
use crate::diagnostics::message;
use crate::screening::{HIDDEN_CONTENT, NOT_SCREENED};

pub(crate) fn xml_reader(bytes: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(bytes);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.expand_empty_elements = false;
    reader
}

/// The text an entity or character reference stands for.
pub(crate) fn push_ref(r: &BytesRef, out: &mut String) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    let name: &str = r;
    match name {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        other => {
            out.push('&');
            out.push_str(other);
            out.push(';');
        }
    }
}

/// An attribute's value by local name (`r:id` and `id` alike), unescaped.
pub(crate) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == local).map(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| a.value.clone().into_owned())
    })
}

fn xml_error(part: &str, reader: &Reader<&[u8]>, e: quick_xml::Error) -> FileError {
    FileError::corrupt(part, format!("XML does not parse at byte {}: {e}", reader.buffer_position()))
}

/// The not-screened notice of an Office file kept in an encrypted OLE container.
fn encrypted_office(what: &str) -> ReadSummary {
    ReadSummary {
        notices: vec![Notice::new(
            &NOT_SCREENED,
            None,
            message!(
                "{0} 文件受密码保护（已加密），无法读取内容，未经筛查：请提供未加密的文件",
                "the {0} file is password-protected (encrypted): its content cannot be read and was not screened; supply it unencrypted",
                what
            ),
        )],
        ..ReadSummary::default()
    }
}

/// Relationships of a part: id → (type's last segment, resolved target, external).
pub(crate) fn relationships(
    archive: &mut Archive,
    rels_part: &str,
    base_dir: &str,
) -> Result<Vec<(String, String, String, bool)>, FileError> {
    let Some(xml) = archive.read(rels_part)? else { return Ok(Vec::new()) };
    let mut reader = xml_reader(&xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let id = attr(&e, "Id").unwrap_or_default();
                let kind = attr(&e, "Type").unwrap_or_default();
                let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
                let target = attr(&e, "Target").unwrap_or_default();
                let external = attr(&e, "TargetMode").is_some_and(|m| m == "External");
                let target = if external { target } else { resolve_target(base_dir, &target) };
                out.push((id, kind, target, external));
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(xml_error(rels_part, &reader, e)),
        }
    }
    Ok(out)
}

/// Document properties people forget: author, last editor, title, subject, keywords.
fn read_properties(archive: &mut Archive, sink: &mut Sink) -> Result<(), FileError> {
    let part = "docProps/core.xml";
    let Some(xml) = archive.read(part)? else { return Ok(()) };
    let mut reader = xml_reader(&xml);
    let mut current: Option<String> = None;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.local_name().as_ref().to_owned();
                if name != "coreProperties" {
                    current = Some(name);
                    text.clear();
                }
            }
            Ok(Event::Text(t)) if current.is_some() => text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if current.is_some() => push_ref(&r, &mut text),
            Ok(Event::End(_)) => {
                if let Some(name) = current.take()
                    && !text.trim().is_empty()
                {
                    sink(&|| Place::Property { name: name.clone() }, &text);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(xml_error(part, &reader, e)),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Workbooks

struct SheetEntry {
    name: String,
    state: &'static str,
    part: String,
}

fn sheet_state(state: Option<String>) -> &'static str {
    match state.as_deref() {
        Some("hidden") => "hidden",
        Some("veryHidden") => "very_hidden",
        _ => "visible",
    }
}

/// The workbook part and its sheets in order, with their parts.
fn workbook_sheets(archive: &mut Archive) -> Result<(String, Vec<SheetEntry>, Option<String>), FileError> {
    let root = relationships(archive, "_rels/.rels", "")?;
    let workbook = root
        .iter()
        .find(|r| r.1 == "officeDocument")
        .map(|r| r.2.clone())
        .unwrap_or_else(|| "xl/workbook.xml".to_owned());
    let dir = workbook.rsplit_once('/').map_or(String::new(), |(d, _)| format!("{d}/"));
    let rels_part = format!("{dir}_rels/{}.rels", workbook.rsplit('/').next().unwrap_or_default());
    let rels = relationships(archive, &rels_part, &dir)?;
    let shared = rels.iter().find(|r| r.1 == "sharedStrings").map(|r| r.2.clone());
    let by_id: HashMap<&str, &str> = rels.iter().map(|r| (r.0.as_str(), r.2.as_str())).collect();
    let Some(xml) = archive.read(&workbook)? else {
        return Err(FileError::corrupt(workbook, "the workbook part is missing"));
    };
    let mut reader = xml_reader(&xml);
    let mut sheets = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                let name = attr(&e, "name").unwrap_or_default();
                let state = sheet_state(attr(&e, "state"));
                let id = attr(&e, "id").unwrap_or_default();
                let part = by_id.get(id.as_str()).map(|s| (*s).to_owned()).unwrap_or_default();
                sheets.push(SheetEntry { name, state, part });
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(xml_error(&workbook, &reader, e)),
        }
    }
    Ok((workbook, sheets, shared))
}

/// The shared strings, each `<si>`'s text (phonetic guides left out).
fn shared_strings(archive: &mut Archive, part: &str) -> Result<Vec<Box<str>>, FileError> {
    // Streamed, not unpacked whole: with every cell's text a distinct shared string the part is
    // as large as all the text, and holding it beside the strings doubled the peak memory.
    let parsed = archive.stream(part, |input| {
        let mut reader = Reader::from_reader(input);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.expand_empty_elements = false;
        let mut buf = Vec::new();
        let mut out = Vec::new();
        let mut text = String::new();
        let mut in_t = false;
        let mut in_phonetic = 0u32;
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => match e.local_name().as_ref() {
                    "si" => text.clear(),
                    "t" => in_t = in_phonetic == 0,
                    "rPh" => in_phonetic += 1,
                    _ => {}
                },
                Ok(Event::Empty(e)) if e.local_name().as_ref() == "si" => out.push(Box::from("")),
                Ok(Event::End(e)) => match e.local_name().as_ref() {
                    "si" => out.push(Box::from(text.as_str())),
                    "t" => in_t = false,
                    "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                    _ => {}
                },
                Ok(Event::Text(t)) if in_t => text.push_str(&t.xml10_content()),
                Ok(Event::CData(t)) if in_t => text.push_str(&t.into_inner()),
                Ok(Event::GeneralRef(r)) if in_t => push_ref(&r, &mut text),
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => {
                    return Err(FileError::corrupt(
                        part,
                        format!("XML does not parse at byte {}: {e}", reader.buffer_position()),
                    ));
                }
            }
            buf.clear();
        }
        Ok(out)
    })?;
    Ok(parsed.unwrap_or_default())
}

/// Whether a spreadsheet boolean attribute is set (`1`, `true`).
fn flag(e: &BytesStart, local: &str) -> bool {
    attr(e, local).is_some_and(|v| v == "1" || v == "true")
}

/// A cell's `t`: a shared-string index, text of its own (`str`, `inlineStr`), a number, or a
/// boolean or error (not text).
#[derive(Clone, Copy)]
enum CellType {
    Shared,
    Text,
    Number,
    Other,
}

impl CellType {
    fn of(t: &str) -> CellType {
        match t {
            "s" => CellType::Shared,
            "str" | "inlineStr" | "d" => CellType::Text,
            "n" => CellType::Number,
            _ => CellType::Other,
        }
    }
}

struct SheetRead {
    cells: u64,
    hidden_rows_with_data: u64,
    hidden_cols_with_data: u64,
}

/// Read one worksheet part, handing each cell's text to `sink`.
#[allow(clippy::too_many_arguments)]
fn read_sheet(
    xml: &[u8],
    part: &str,
    sheet: &SheetEntry,
    sst: &[Box<str>],
    cells_left: &mut u64,
    limits: &Limits,
    sink: &mut Sink,
) -> Result<SheetRead, FileError> {
    let mut reader = xml_reader(xml);
    let hidden_sheet = sheet.state != "visible";
    let mut hidden_cols: Vec<(u32, u32)> = Vec::new();
    let mut read = SheetRead { cells: 0, hidden_rows_with_data: 0, hidden_cols_with_data: 0 };
    let mut row_hidden = false;
    let mut row_has_data = false;
    let mut next_row: u32 = 0;
    // The cell being read: reference, type, and its text.
    let mut cell: Option<(u32, u32, CellType)> = None;
    let mut next_col: u32 = 0;
    let mut text = String::new();
    let mut in_value = false;
    let mut in_formula = false;
    let mut in_phonetic = 0u32;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(part, &reader, e))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "col" && flag(&e, "hidden") => {
                let min = attr(&e, "min").and_then(|v| v.parse().ok()).unwrap_or(1u32);
                let max = attr(&e, "max").and_then(|v| v.parse().ok()).unwrap_or(min);
                hidden_cols.push((min.saturating_sub(1), max.saturating_sub(1)));
            }
            Event::Start(ref e) | Event::Empty(ref e) if e.local_name().as_ref() == "row" => {
                if row_hidden && row_has_data {
                    read.hidden_rows_with_data += 1;
                }
                row_hidden = flag(e, "hidden");
                row_has_data = false;
                next_row = attr(e, "r").and_then(|v| v.parse::<u32>().ok()).map_or(next_row + 1, |r| r);
                next_col = 0;
            }
            Event::Start(ref e) if e.local_name().as_ref() == "c" => {
                // Raw attribute values: cell references and types have no entities, and this
                // runs for every cell of the workbook.
                let (mut r, mut t) = (None, CellType::Number);
                for a in e.attributes().flatten() {
                    match a.key.local_name().as_ref() {
                        "r" => r = parse_cell_ref(a.value.as_bytes()),
                        "t" => t = CellType::of(&a.value),
                        _ => {}
                    }
                }
                let (row, col) = r.unwrap_or((next_row.saturating_sub(1), next_col));
                next_col = col + 1;
                cell = Some((row, col, t));
                text.clear();
            }
            Event::Empty(ref e) if e.local_name().as_ref() == "c" => {
                next_col = attr(e, "r").and_then(|r| parse_cell_ref(r.as_bytes())).map_or(next_col + 1, |(_, c)| c + 1);
            }
            Event::Start(ref e) => match e.local_name().as_ref() {
                "v" | "t" if in_phonetic == 0 => in_value = cell.is_some(),
                "f" => in_formula = true,
                "rPh" => in_phonetic += 1,
                _ => {}
            },
            Event::Text(t) if in_value && !in_formula => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_value && !in_formula => push_ref(&r, &mut text),
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" => in_value = false,
                "f" => in_formula = false,
                "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                "c" => {
                    let Some((row, col, kind)) = cell.take() else { continue };
                    let value: &str = match kind {
                        CellType::Shared => match text.trim().parse::<usize>().ok().and_then(|i| sst.get(i)) {
                            Some(s) => s,
                            None => continue,
                        },
                        CellType::Other => continue,
                        CellType::Number | CellType::Text => text.as_str(),
                    };
                    if value.is_empty() {
                        continue;
                    }
                    if *cells_left == 0 {
                        return Err(FileError::limit(
                            format!("sheet `{}`", sheet.name),
                            format!(
                                "the workbook has more than {} cells with values (the cell limit)",
                                limits.max_cells
                            ),
                        ));
                    }
                    *cells_left -= 1;
                    read.cells += 1;
                    row_has_data = true;
                    let hidden_column = hidden_cols.iter().any(|&(a, b)| (a..=b).contains(&col));
                    if hidden_column {
                        read.hidden_cols_with_data += 1;
                    }
                    let place = || Place::Cell {
                        sheet: sheet.name.clone(),
                        cell: format!("{}{}", column_letters(col), row + 1),
                        hidden_sheet,
                        hidden_row: row_hidden,
                        hidden_column,
                    };
                    sink(&place, value);
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if row_hidden && row_has_data {
        read.hidden_rows_with_data += 1;
    }
    Ok(read)
}

/// Comments (notes) of a sheet: `<comment ref="B2"><text>…</text></comment>`.
fn read_comments(xml: &[u8], part: &str, sheet: &str, sink: &mut Sink) -> Result<(), FileError> {
    let mut reader = xml_reader(xml);
    let mut current: Option<String> = None;
    let mut text = String::new();
    let mut in_t = false;
    let mut in_phonetic = 0u32;
    loop {
        match reader.read_event().map_err(|e| xml_error(part, &reader, e))? {
            Event::Start(e) => match e.local_name().as_ref() {
                "comment" => {
                    current = attr(&e, "ref");
                    text.clear();
                }
                "t" => in_t = current.is_some() && in_phonetic == 0,
                "rPh" => in_phonetic += 1,
                _ => {}
            },
            Event::Text(t) if in_t => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_t => push_ref(&r, &mut text),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_t = false,
                "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                "comment" => {
                    if let Some(cell) = current.take()
                        && !text.is_empty()
                    {
                        sink(&|| Place::CellComment { sheet: sheet.to_owned(), cell: cell.clone() }, &text);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

pub(crate) fn read_xlsx(bytes: &[u8], limits: &Limits, sink: &mut Sink) -> Result<ReadSummary, FileError> {
    if bytes.starts_with(&CFB_MAGIC) {
        return Ok(encrypted_office("Excel"));
    }
    let mut archive = Archive::open(bytes, limits)?;
    let (_, sheets, shared) = workbook_sheets(&mut archive)?;
    let sst = shared_strings(&mut archive, shared.as_deref().unwrap_or("xl/sharedStrings.xml"))?;
    let mut summary = ReadSummary::default();
    let mut cells_left = limits.max_cells;
    for sheet in &sheets {
        let Some(xml) = archive.read(&sheet.part)? else {
            summary.notices.push(Notice::new(
                &NOT_SCREENED,
                Some(format!("sheet {}", sheet.name)),
                message!(
                    "工作表 `{0}` 的部件 `{1}` 缺失，未经筛查",
                    "the part `{1}` of sheet `{0}` is missing: it was not screened",
                    sheet.name,
                    sheet.part
                ),
            ));
            continue;
        };
        let read = read_sheet(&xml, &sheet.part, sheet, &sst, &mut cells_left, limits, sink)?;
        drop(xml);
        let (dir, file) = sheet.part.rsplit_once('/').unwrap_or(("", &sheet.part));
        let rels = relationships(&mut archive, &format!("{dir}/_rels/{file}.rels"), &format!("{dir}/"))?;
        for (_, kind, target, _) in rels.iter().filter(|r| r.1 == "comments") {
            let _ = kind;
            if let Some(xml) = archive.read(target)? {
                read_comments(&xml, target, &sheet.name, sink)?;
            }
        }
        if sheet.state != "visible" && read.cells > 0 {
            summary.notices.push(Notice::new(
                &HIDDEN_CONTENT,
                Some(format!("sheet {}", sheet.name)),
                message!(
                    "隐藏工作表 `{0}` 含 {1} 个有值单元格，随文件公开：请审查或删除（gongkai redact --remove-hidden-sheets）",
                    "hidden sheet `{0}` holds {1} cells with values and is published with the file: review or remove it (gongkai redact --remove-hidden-sheets)",
                    sheet.name,
                    read.cells
                ),
            ));
        }
        if read.hidden_rows_with_data > 0 || read.hidden_cols_with_data > 0 {
            summary.notices.push(Notice::new(
                &HIDDEN_CONTENT,
                Some(format!("sheet {}", sheet.name)),
                message!(
                    "工作表 `{0}` 有 {1} 个隐藏行、{2} 个隐藏列中的单元格含值，随文件公开",
                    "sheet `{0}` has {1} hidden rows and {2} cells in hidden columns with values, published with the file",
                    sheet.name,
                    read.hidden_rows_with_data,
                    read.hidden_cols_with_data
                ),
            ));
        }
        summary.sheets.push(SheetInfo { name: sheet.name.clone(), state: sheet.state, cells: read.cells });
    }
    read_properties(&mut archive, sink)?;
    Ok(summary)
}

// ---------------------------------------------------------------------------------------------
// Word documents

/// The parts of a Word document that hold text people read, in reading order.
pub(crate) fn docx_parts(archive: &Archive) -> Vec<String> {
    let names = archive.names();
    let mut numbered: Vec<String> = names
        .iter()
        .filter(|n| {
            let rest = n.strip_prefix("word/").unwrap_or_default();
            (rest.starts_with("header") || rest.starts_with("footer")) && rest.ends_with(".xml") && !rest.contains('/')
        })
        .cloned()
        .collect();
    numbered.sort();
    let mut parts = vec!["word/document.xml".to_owned()];
    parts.extend(numbered);
    for p in ["word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"] {
        if names.iter().any(|n| n == p) {
            parts.push(p.to_owned());
        }
    }
    parts
}

/// `word/header1.xml` → `header1`.
pub(crate) fn part_label(part: &str) -> String {
    let file = part.rsplit('/').next().unwrap_or(part);
    file.strip_suffix(".xml").unwrap_or(file).to_owned()
}

#[derive(Default)]
struct Para {
    text: String,
    deleted: String,
    inserted_chars: usize,
}

struct Table {
    number: u32,
    row: u32,
    column: u32,
}

/// Where each paragraph of a Word part is, as the walk goes.
#[derive(Default)]
pub(crate) struct WordCursor {
    tables: Vec<Table>,
    table_count: u32,
    paragraphs: u32,
}

impl WordCursor {
    /// Follow a start tag; returns true when it opens a paragraph.
    pub fn start(&mut self, local: &str) -> bool {
        match local {
            "tbl" => {
                self.table_count += 1;
                self.tables.push(Table { number: self.table_count, row: 0, column: 0 });
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row += 1;
                    t.column = 0;
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.column += 1;
                }
            }
            "p" => {
                if self.tables.is_empty() {
                    self.paragraphs += 1;
                }
                return true;
            }
            _ => {}
        }
        false
    }

    pub fn end(&mut self, local: &str) {
        if local == "tbl" {
            self.tables.pop();
        }
    }

    pub fn place(&self, part: &str, change: Option<Change>) -> Place {
        match self.tables.last() {
            Some(t) => {
                Place::TableCell { part: part.to_owned(), table: t.number, row: t.row, column: t.column, change }
            }
            None => Place::Paragraph { part: part.to_owned(), paragraph: self.paragraphs.max(1), change },
        }
    }
}

fn emit_para(p: Para, place: Place, sink: &mut Sink) {
    if !p.text.is_empty() {
        let all_inserted = p.inserted_chars > 0 && p.inserted_chars >= p.text.len();
        sink(&|| with_change(&place, all_inserted.then_some(Change::Inserted)), &p.text);
    }
    if !p.deleted.is_empty() {
        sink(&|| with_change(&place, Some(Change::Deleted)), &p.deleted);
    }
}

fn with_change(place: &Place, change: Option<Change>) -> Place {
    let mut place = place.clone();
    match &mut place {
        Place::Paragraph { change: c, .. } | Place::TableCell { change: c, .. } => *c = change,
        _ => {}
    }
    place
}

pub(crate) fn read_docx(bytes: &[u8], limits: &Limits, sink: &mut Sink) -> Result<ReadSummary, FileError> {
    if bytes.starts_with(&CFB_MAGIC) {
        return Ok(encrypted_office("Word"));
    }
    let mut archive = Archive::open(bytes, limits)?;
    if !archive.has("word/document.xml") {
        return Err(FileError::corrupt("word/document.xml", "the document part is missing: not a Word document"));
    }
    for part in docx_parts(&archive) {
        if let Some(xml) = archive.read(&part)? {
            read_word_part(&xml, &part, sink)?;
        }
    }
    for (id, _, target, external) in relationships(&mut archive, "word/_rels/document.xml.rels", "word/")? {
        if external {
            sink(&|| Place::Property { name: format!("link {id}") }, &target);
        }
    }
    read_properties(&mut archive, sink)?;
    Ok(ReadSummary::default())
}

/// One Word part, paragraph by paragraph; tracked deletions (`w:delText`) go apart from the
/// text shown: both are in the file.
fn read_word_part(xml: &[u8], part: &str, sink: &mut Sink) -> Result<(), FileError> {
    let label = part_label(part);
    let mut reader = xml_reader(xml);
    let mut cursor = WordCursor::default();
    let mut stack: Vec<(Para, Place)> = Vec::new();
    // 1 inside w:t / w:instrText, 2 inside w:delText.
    let mut in_text = 0u8;
    let mut inserted = 0u32;
    loop {
        match reader.read_event().map_err(|e| xml_error(part, &reader, e))? {
            Event::Start(e) => {
                let local = e.local_name();
                if cursor.start(local.as_ref()) {
                    stack.push((Para::default(), cursor.place(&label, None)));
                }
                match local.as_ref() {
                    "t" | "instrText" => in_text = 1,
                    "delText" | "delInstrText" => in_text = 2,
                    "ins" => inserted += 1,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let local = e.local_name();
                if let Some((p, _)) = stack.last_mut() {
                    match local.as_ref() {
                        "tab" => p.text.push('\t'),
                        "br" | "cr" => p.text.push('\n'),
                        _ => {}
                    }
                }
                if local.as_ref() == "p" {
                    cursor.start("p");
                }
            }
            Event::Text(t) if in_text > 0 => push_para(&mut stack, &t.xml10_content(), in_text, inserted > 0),
            Event::GeneralRef(r) if in_text > 0 => {
                let mut s = String::new();
                push_ref(&r, &mut s);
                push_para(&mut stack, &s, in_text, inserted > 0);
            }
            Event::End(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    "t" | "delText" | "instrText" | "delInstrText" => in_text = 0,
                    "ins" => inserted = inserted.saturating_sub(1),
                    "p" => {
                        if let Some((p, place)) = stack.pop() {
                            emit_para(p, place, sink);
                        }
                    }
                    other => cursor.end(other),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while let Some((p, place)) = stack.pop() {
        emit_para(p, place, sink);
    }
    Ok(())
}

fn push_para(stack: &mut [(Para, Place)], text: &str, which: u8, inserted: bool) {
    let Some((p, _)) = stack.last_mut() else { return };
    if which == 2 {
        p.deleted.push_str(text);
    } else {
        p.text.push_str(text);
        if inserted {
            p.inserted_chars += text.len();
        }
    }
}
