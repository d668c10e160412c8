//! Redacted copies of files: the values rewritten where they stand, everything else kept.
//!
//! - .xlsx: shared strings, inline strings, numbers typed into cells (turned into text cells)
//!   and comments are rewritten inside their XML parts; every other part is copied as it was.
//!   Hidden sheets are redacted like the others and reported; with
//!   [`RedactOptions::remove_hidden_sheets`] they are taken out of the workbook.
//! - .docx: the runs of every paragraph of the body, headers, footers, notes and comments,
//!   tracked deletions included; a value split over runs is written into its first run.
//! - .html: the bytes of the text and attribute values that hold a value, nothing else.
//! - .csv and text: rewritten in the encoding they came in.
//! - .pdf, .xls, .ods: not rewritten (a PDF's text is drawn glyph by glyph; masking it
//!   safely needs the PDF redrawn): the findings are reported, with a notice saying why.
//!
//! Every copy is screened again; what is still found is reported in
//! [`FileRedaction::remaining`], never passed over.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesStart, BytesText, Event};
use serde::Serialize;

use super::html;
use super::ooxml::{attr, docx_parts, push_ref, xml_reader};
use super::text::{decode, encode};
use super::zipped::{Archive, CFB_MAGIC};
use super::{FileError, FileFinding, FileKind, Limits, Notice, scan_file};
use crate::diagnostics::message;
use crate::screening::{Finding, NOT_SCREENED, RedactMode, ScanOptions, redact, redact_with, scan};

/// How [`redact_file`] rewrites a file.
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct RedactOptions {
    pub mode: RedactMode,
    /// Take hidden (and very hidden) sheets out of a workbook rather than only redacting them.
    pub remove_hidden_sheets: bool,
    pub limits: Limits,
}

impl RedactOptions {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn mode(mut self, mode: RedactMode) -> Self {
        self.mode = mode;
        self
    }
    pub fn remove_hidden_sheets(mut self, yes: bool) -> Self {
        self.remove_hidden_sheets = yes;
        self
    }
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// A redacted copy and what it took.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FileRedaction {
    pub kind: FileKind,
    /// The redacted file; `None` when the kind is reported only (PDF, .xls, .ods).
    #[serde(skip)]
    pub bytes: Option<Vec<u8>>,
    /// What was masked, where (the findings of the original that the copy no longer has).
    pub masked: Vec<FileFinding>,
    /// What the copy still holds (or, for a kind reported only, everything found).
    pub remaining: Vec<FileFinding>,
    /// Hidden sheets taken out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_sheets: Vec<String>,
    /// What was not redacted and why; hidden content left in.
    pub notices: Vec<Notice>,
}

/// Write a redacted copy of a file.
pub fn redact_file(bytes: &[u8], kind: FileKind, opts: &RedactOptions) -> Result<FileRedaction, FileError> {
    let scan_opts = ScanOptions::default();
    let before = scan_file(bytes, kind, &scan_opts, &opts.limits)?;
    let personal = |f: &FileFinding| f.finding.kind.is_personal() && f.finding.is_actionable();
    let mut removed_sheets = Vec::new();
    let mut notices: Vec<Notice> = Vec::new();
    let copy = match kind {
        _ if (kind == FileKind::Xlsx || kind == FileKind::Docx) && bytes.starts_with(&CFB_MAGIC) => None,
        FileKind::Xlsx => Some(redact_xlsx(bytes, opts, &mut removed_sheets)?),
        FileKind::Docx => Some(redact_docx(bytes, opts)?),
        FileKind::Html => Some(redact_html(bytes, opts.mode)?),
        FileKind::Csv | FileKind::Text => Some(redact_text(bytes, opts.mode)?),
        FileKind::Pdf | FileKind::Xls | FileKind::Ods => {
            notices.push(Notice::new(
                &NOT_SCREENED,
                None,
                message!(
                    "{0} 文件不能自动脱敏，未写出副本：在源文件（Word、Excel）中脱敏后重新导出，或用能删除底层文字的工具处理；下列发现须逐一处理",
                    "a {0} file cannot be redacted automatically and no copy was written: mask the values in the source (Word, Excel) and export again, or use a tool that removes the underlying text; each finding below must be dealt with",
                    kind.as_str()
                ),
            ));
            None
        }
    };
    notices.extend(
        before
            .notices
            .iter()
            .filter(|n| !(removed_sheets.iter().any(|s| n.part.as_deref() == Some(&format!("sheet {s}")))))
            .cloned(),
    );
    let (masked, remaining) = match &copy {
        Some(out) => {
            let after = scan_file(out, kind, &scan_opts, &opts.limits)?;
            let remaining: Vec<FileFinding> = after.findings.into_iter().filter(personal).collect();
            let left: HashSet<(String, &str)> =
                remaining.iter().map(|f| (f.place.to_string(), f.finding.preview.as_str())).collect();
            let masked = before
                .findings
                .iter()
                .filter(|f| personal(f))
                .filter(|f| !left.contains(&(f.place.to_string(), f.finding.preview.as_str())))
                .filter(|f| !removed_sheets.iter().any(|s| matches!(&f.place, super::Place::Cell { sheet, .. } | super::Place::CellComment { sheet, .. } if sheet == s)))
                .cloned()
                .collect();
            (masked, remaining)
        }
        None => (Vec::new(), before.findings.iter().filter(|f| f.finding.is_actionable()).cloned().collect()),
    };
    Ok(FileRedaction { kind, bytes: copy, masked, remaining, removed_sheets, notices })
}

// ---------------------------------------------------------------------------------------------
// Text

fn redact_text(bytes: &[u8], mode: RedactMode) -> Result<Vec<u8>, FileError> {
    let bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    let (text, encoding) = decode(bytes)?;
    let out = redact(&text, mode);
    Ok(encode(&out.text, encoding, bom))
}

// ---------------------------------------------------------------------------------------------
// Spreading a text's replacements over the pieces it was joined from

/// The new text of each piece (`lens` are the pieces' byte lengths in `joined`) once the
/// changes of `redaction` are applied: a replacement goes where its value begins; the rest
/// of the value is taken out of the pieces it ran on into.
fn distribute(joined: &str, lens: &[usize], changes: &[(usize, usize, String)]) -> Vec<String> {
    let mut out = Vec::with_capacity(lens.len());
    let mut start = 0usize;
    for &len in lens {
        let end = start + len;
        let mut piece = String::new();
        let mut pos = start;
        for (cs, ce, replacement) in changes {
            if *ce <= start || *cs >= end {
                continue;
            }
            if *cs >= start {
                piece.push_str(&joined[pos..*cs]);
                piece.push_str(replacement);
            }
            pos = (*ce).min(end).max(pos);
        }
        if pos < end {
            piece.push_str(&joined[pos..end]);
        }
        out.push(piece);
        start = end;
    }
    out
}

/// The changes redaction makes to a text, as byte ranges and replacements.
fn changes_of(text: &str, mode: RedactMode) -> Vec<(usize, usize, String)> {
    let findings: Vec<Finding> = scan(text);
    if findings.is_empty() {
        return Vec::new();
    }
    redact_with(text, &findings, mode).changes.into_iter().map(|c| (c.byte_start, c.byte_end, c.replacement)).collect()
}

// ---------------------------------------------------------------------------------------------
// Web pages

fn escape_html(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' if !attribute => out.push_str("&lt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn redact_html(bytes: &[u8], mode: RedactMode) -> Result<Vec<u8>, FileError> {
    let bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    let (source, encoding) = decode(bytes)?;
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for seg in html::segments(&source) {
        let changes = changes_of(&seg.text, mode);
        if changes.is_empty() {
            continue;
        }
        let lens: Vec<usize> = seg.leaves.iter().map(|l| l.1).collect();
        let texts = distribute(&seg.text, &lens, &changes);
        let attribute = matches!(&seg.place, super::Place::Element { attribute: Some(_), .. });
        let comment = matches!(&seg.place, super::Place::Element { element, .. } if element == "!--");
        let mut at = 0;
        for ((span, len), new) in seg.leaves.iter().zip(texts) {
            let old = &seg.text[at..at + len];
            at += len;
            if new == old {
                continue;
            }
            let raw = source.get(span.clone()).unwrap_or_default();
            let escaped = if comment { new.clone() } else { escape_html(&new, attribute) };
            let edit = if raw == old {
                // No entities in the source: only the changed characters are written.
                (span.clone(), escaped)
            } else if (attribute || comment)
                && let Some(i) = raw.find(old)
            {
                // An attribute's span takes in its name and quotes, a comment's its `<!--`.
                (span.start + i..span.start + i + old.len(), escaped)
            } else if let super::Place::Element { attribute: Some(name), .. } = &seg.place {
                (span.clone(), format!("{name}=\"{escaped}\""))
            } else if comment {
                continue;
            } else {
                (span.clone(), escaped)
            };
            edits.push(edit);
        }
    }
    edits.sort_by_key(|e| e.0.start);
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for (span, text) in edits {
        if span.start < copied || span.end > source.len() {
            continue;
        }
        out.push_str(&source[copied..span.start]);
        out.push_str(&text);
        copied = span.end;
    }
    out.push_str(&source[copied..]);
    Ok(encode(&out, encoding, bom))
}

// ---------------------------------------------------------------------------------------------
// XML parts

/// What an element is to the rewriter.
struct Roles {
    /// The element whose text is one text to screen (`w:p`, `si`, `c`, `comment`).
    unit: fn(&str) -> bool,
    /// An element whose text is part of its unit's text (`w:t`, `t`, `v`).
    leaf: fn(unit: &BytesStart, leaf: &str) -> bool,
}

fn xml_write_error(part: &str, e: impl std::fmt::Display) -> FileError {
    FileError::corrupt(part, format!("cannot rewrite the part: {e}"))
}

/// Rewrite the units of an XML part whose text holds personal data.
fn rewrite_xml(xml: &[u8], part: &str, roles: &Roles, mode: RedactMode) -> Result<Option<Vec<u8>>, FileError> {
    let mut reader = xml_reader(xml);
    let mut writer = Writer::new(Cursor::new(Vec::with_capacity(xml.len())));
    let mut unit: Vec<Event<'static>> = Vec::new();
    let mut depth = 0u32;
    let mut changed = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            FileError::corrupt(part, format!("XML does not parse at byte {}: {e}", reader.buffer_position()))
        })?;
        if let Event::Eof = event {
            break;
        }
        if depth == 0 {
            if let Event::Start(e) = &event
                && (roles.unit)(e.local_name().as_ref())
            {
                depth = 1;
                unit.push(event.into_owned());
                continue;
            }
            writer.write_event(event).map_err(|e| xml_write_error(part, e))?;
            continue;
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        unit.push(event.into_owned());
        if depth == 0 {
            changed |= flush_unit(&mut writer, std::mem::take(&mut unit), roles, mode, part)?;
        }
    }
    for e in unit {
        writer.write_event(e).map_err(|e| xml_write_error(part, e))?;
    }
    Ok(changed.then(|| writer.into_inner().into_inner()))
}

/// Write one buffered unit, its leaves' text redacted. Returns whether it changed.
fn flush_unit(
    writer: &mut Writer<Cursor<Vec<u8>>>,
    events: Vec<Event<'static>>,
    roles: &Roles,
    mode: RedactMode,
    part: &str,
) -> Result<bool, FileError> {
    let Some(Event::Start(start)) = events.first() else { return Ok(false) };
    let start = start.clone();
    // Which events are leaf text, grouped by leaf.
    let mut leaf_of: Vec<Option<usize>> = vec![None; events.len()];
    let mut texts: Vec<String> = Vec::new();
    let mut stack: Vec<bool> = Vec::new();
    for (i, e) in events.iter().enumerate().skip(1) {
        match e {
            Event::Start(s) => {
                let is_leaf = (roles.leaf)(&start, s.local_name().as_ref());
                if is_leaf {
                    texts.push(String::new());
                }
                stack.push(is_leaf);
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) if stack.last() == Some(&true) => {
                if let Some(s) = texts.last_mut() {
                    s.push_str(&t.xml10_content());
                }
                leaf_of[i] = Some(texts.len() - 1);
            }
            Event::GeneralRef(r) if stack.last() == Some(&true) => {
                if let Some(s) = texts.last_mut() {
                    push_ref(r, s);
                }
                leaf_of[i] = Some(texts.len() - 1);
            }
            Event::CData(c) if stack.last() == Some(&true) => {
                if let Some(s) = texts.last_mut() {
                    s.push_str(c.as_ref());
                }
                leaf_of[i] = Some(texts.len() - 1);
            }
            _ => {}
        }
    }
    let joined: String = texts.concat();
    let changes = changes_of(&joined, mode);
    if changes.is_empty() {
        for e in events {
            writer.write_event(e).map_err(|e| xml_write_error(part, e))?;
        }
        return Ok(false);
    }
    let lens: Vec<usize> = texts.iter().map(String::len).collect();
    let new_texts = distribute(&joined, &lens, &changes);
    // A number typed into a cell that now holds a mask becomes a text cell.
    if start.local_name().as_ref() == "c" && cell_is_number(&start) {
        let mut c = BytesStart::new(start.name().as_ref().to_owned());
        for a in start.attributes().flatten() {
            if a.key.local_name().as_ref() != "t" {
                c.push_attribute(a);
            }
        }
        c.push_attribute(("t", "inlineStr"));
        let value = new_texts.concat();
        let cell = [
            Event::Start(c),
            Event::Start(BytesStart::new("is")),
            Event::Start(BytesStart::new("t")),
            Event::Text(BytesText::new(&value)),
            Event::End(quick_xml::events::BytesEnd::new("t")),
            Event::End(quick_xml::events::BytesEnd::new("is")),
            Event::End(quick_xml::events::BytesEnd::new(start.name().as_ref().to_owned())),
        ];
        for e in cell {
            writer.write_event(e).map_err(|e| xml_write_error(part, e))?;
        }
        return Ok(true);
    }
    let mut written: HashSet<usize> = HashSet::new();
    for (i, e) in events.into_iter().enumerate() {
        match leaf_of[i] {
            Some(leaf) => {
                if written.insert(leaf) {
                    writer
                        .write_event(Event::Text(BytesText::new(&new_texts[leaf])))
                        .map_err(|e| xml_write_error(part, e))?;
                }
            }
            None => writer.write_event(e).map_err(|e| xml_write_error(part, e))?,
        }
    }
    Ok(true)
}

fn cell_is_number(c: &BytesStart) -> bool {
    matches!(attr(c, "t").as_deref(), None | Some("n"))
}

const WORD_ROLES: Roles =
    Roles { unit: |name| name == "p", leaf: |_, name| matches!(name, "t" | "delText" | "instrText" | "delInstrText") };

const SHARED_STRING_ROLES: Roles = Roles { unit: |name| name == "si", leaf: |_, name| name == "t" };

const SHEET_ROLES: Roles = Roles {
    unit: |name| name == "c",
    leaf: |cell, name| match name {
        "t" => true,
        // A shared-string cell's value is an index, not text.
        "v" => !matches!(attr(cell, "t").as_deref(), Some("s" | "b" | "e")),
        _ => false,
    },
};

const COMMENT_ROLES: Roles = Roles { unit: |name| name == "comment", leaf: |_, name| name == "t" };

const PROPERTY_ROLES: Roles = Roles { unit: |name| name != "coreProperties", leaf: |_, _| true };

/// Copy a zip container, replacing the parts in `replaced` and leaving out those in `dropped`.
fn rezip(bytes: &[u8], replaced: &HashMap<String, Vec<u8>>, dropped: &HashSet<String>) -> Result<Vec<u8>, FileError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| FileError::corrupt("zip directory", e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| FileError::corrupt("zip directory", e))?;
        let name = entry.name().map_err(|e| FileError::corrupt("zip directory", e))?.into_owned();
        if dropped.contains(&name) {
            continue;
        }
        match replaced.get(&name) {
            Some(data) => {
                drop(entry);
                let opts =
                    zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
                out.start_file(name.as_str(), opts).map_err(|e| FileError::corrupt(&name, e))?;
                out.write_all(data).map_err(|e| FileError::corrupt(&name, e))?;
            }
            None => out.raw_copy_file(entry).map_err(|e| FileError::corrupt(&name, e))?,
        }
    }
    Ok(out.finish().map_err(|e| FileError::corrupt("zip directory", e))?.into_inner())
}

fn redact_docx(bytes: &[u8], opts: &RedactOptions) -> Result<Vec<u8>, FileError> {
    let mut archive = Archive::open(bytes, &opts.limits)?;
    let mut replaced = HashMap::new();
    for part in docx_parts(&archive) {
        if let Some(xml) = archive.read(&part)?
            && let Some(new) = rewrite_xml(&xml, &part, &WORD_ROLES, opts.mode)?
        {
            replaced.insert(part, new);
        }
    }
    redact_common_parts(&mut archive, &mut replaced, opts.mode, &["word/_rels/document.xml.rels"])?;
    rezip(bytes, &replaced, &HashSet::new())
}

/// Document properties and external link targets (`mailto:`).
fn redact_common_parts(
    archive: &mut Archive,
    replaced: &mut HashMap<String, Vec<u8>>,
    mode: RedactMode,
    rels: &[&str],
) -> Result<(), FileError> {
    let part = "docProps/core.xml";
    if let Some(xml) = archive.read(part)?
        && let Some(new) = rewrite_xml(&xml, part, &PROPERTY_ROLES, mode)?
    {
        replaced.insert(part.to_owned(), new);
    }
    for &part in rels {
        if let Some(xml) = archive.read(part)?
            && let Some(new) = rewrite_elements(&xml, part, |e| {
                if e.local_name().as_ref() != "Relationship" || attr(e, "TargetMode").as_deref() != Some("External") {
                    return None;
                }
                let target = attr(e, "Target")?;
                let changes = changes_of(&target, mode);
                if changes.is_empty() {
                    return None;
                }
                let new_target = distribute(&target, &[target.len()], &changes).concat();
                let mut n = BytesStart::new(e.name().as_ref().to_owned());
                for a in e.attributes().flatten() {
                    if a.key.local_name().as_ref() != "Target" {
                        n.push_attribute(a);
                    }
                }
                n.push_attribute(("Target", new_target.as_str()));
                Some(Some(n))
            })?
        {
            replaced.insert(part.to_owned(), new);
        }
    }
    Ok(())
}

/// Rewrite or drop single elements (start and empty tags) of a part: `edit` returns
/// `None` to keep an element, `Some(None)` to drop it (with its content), `Some(Some(e))` to
/// replace its tag.
fn rewrite_elements(
    xml: &[u8],
    part: &str,
    mut edit: impl FnMut(&BytesStart) -> Option<Option<BytesStart<'static>>>,
) -> Result<Option<Vec<u8>>, FileError> {
    let mut reader = xml_reader(xml);
    let mut writer = Writer::new(Cursor::new(Vec::with_capacity(xml.len())));
    let mut changed = false;
    let mut skipping = 0u32;
    loop {
        let event = reader.read_event().map_err(|e| {
            FileError::corrupt(part, format!("XML does not parse at byte {}: {e}", reader.buffer_position()))
        })?;
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        let out = match &event {
            Event::Eof => break,
            Event::Start(e) => match edit(e) {
                None => event,
                Some(None) => {
                    changed = true;
                    skipping = 1;
                    continue;
                }
                Some(Some(n)) => {
                    changed = true;
                    Event::Start(n)
                }
            },
            Event::Empty(e) => match edit(e) {
                None => event,
                Some(None) => {
                    changed = true;
                    continue;
                }
                Some(Some(n)) => {
                    changed = true;
                    Event::Empty(n)
                }
            },
            _ => event,
        };
        writer.write_event(out).map_err(|e| xml_write_error(part, e))?;
    }
    Ok(changed.then(|| writer.into_inner().into_inner()))
}

fn redact_xlsx(bytes: &[u8], opts: &RedactOptions, removed: &mut Vec<String>) -> Result<Vec<u8>, FileError> {
    let mut archive = Archive::open(bytes, &opts.limits)?;
    let names = archive.names();
    let mut replaced = HashMap::new();
    let mut dropped = HashSet::new();
    for part in &names {
        let roles = if part.ends_with("sharedStrings.xml") {
            &SHARED_STRING_ROLES
        } else if part.starts_with("xl/worksheets/") && part.ends_with(".xml") && !part.contains("_rels") {
            &SHEET_ROLES
        } else if part.starts_with("xl/comments") && part.ends_with(".xml") {
            &COMMENT_ROLES
        } else {
            continue;
        };
        if let Some(xml) = archive.read(part)?
            && let Some(new) = rewrite_xml(&xml, part, roles, opts.mode)?
        {
            replaced.insert(part.clone(), new);
        }
    }
    redact_common_parts(&mut archive, &mut replaced, opts.mode, &[])?;
    if opts.remove_hidden_sheets {
        remove_hidden_sheets(&mut archive, &mut replaced, &mut dropped, removed)?;
    }
    rezip(bytes, &replaced, &dropped)
}

/// Take hidden sheets out of a workbook: their `<sheet>` entries, relationships, parts (and
/// the parts only they use: comments, drawings), content types, and the defined names that
/// belong to them; the remaining sheets' `localSheetId`s renumbered.
fn remove_hidden_sheets(
    archive: &mut Archive,
    replaced: &mut HashMap<String, Vec<u8>>,
    dropped: &mut HashSet<String>,
    removed: &mut Vec<String>,
) -> Result<(), FileError> {
    let workbook = "xl/workbook.xml";
    let Some(xml) = archive.read(workbook)? else { return Ok(()) };
    // The sheets in order: (name, r:id, hidden).
    let mut sheets: Vec<(String, String, bool)> = Vec::new();
    let mut reader = xml_reader(&xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => sheets.push((
                attr(&e, "name").unwrap_or_default(),
                attr(&e, "id").unwrap_or_default(),
                matches!(attr(&e, "state").as_deref(), Some("hidden" | "veryHidden")),
            )),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    if !sheets.iter().any(|s| s.2) || sheets.iter().all(|s| s.2) {
        return Ok(());
    }
    let hidden_ids: HashSet<String> = sheets.iter().filter(|s| s.2).map(|s| s.1.clone()).collect();
    let hidden_names: Vec<String> = sheets.iter().filter(|s| s.2).map(|s| s.0.clone()).collect();
    // Old index → new index of the sheets kept.
    let mut new_index: Vec<Option<usize>> = Vec::new();
    let mut kept = 0;
    for s in &sheets {
        new_index.push((!s.2).then(|| {
            kept += 1;
            kept - 1
        }));
    }
    let rels_part = "xl/_rels/workbook.xml.rels";
    let rels = super::ooxml::relationships(archive, rels_part, "xl/")?;
    let mut gone_parts: Vec<String> = Vec::new();
    for (id, _, target, _) in &rels {
        if hidden_ids.contains(id) {
            gone_parts.push(target.clone());
        }
    }
    // The sheet parts, their relationships and what those point to.
    for part in gone_parts.clone() {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", &part));
        let sheet_rels = format!("{dir}/_rels/{file}.rels");
        for (_, _, target, external) in super::ooxml::relationships(archive, &sheet_rels, &format!("{dir}/"))? {
            if !external {
                gone_parts.push(target);
            }
        }
        dropped.insert(sheet_rels);
    }
    for p in &gone_parts {
        dropped.insert(p.clone());
        replaced.remove(p);
    }
    let quoted: Vec<String> =
        hidden_names.iter().flat_map(|n| [format!("'{}'!", n.replace('\'', "''")), format!("{n}!")]).collect();
    // workbook.xml: drop the <sheet>s and their defined names, renumber localSheetId.
    let mut reader = xml_reader(&xml);
    let mut writer = Writer::new(Cursor::new(Vec::with_capacity(xml.len())));
    let mut skip_depth = 0u32;
    let mut pending: Option<Vec<Event<'static>>> = None;
    loop {
        let event = reader.read_event().map_err(|e| FileError::corrupt(workbook, e))?;
        if let Event::Eof = event {
            break;
        }
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        // A defined name is buffered whole: its formula text decides whether it goes.
        if let Some(buf) = pending.as_mut() {
            let end = matches!(&event, Event::End(e) if e.local_name().as_ref() == "definedName");
            buf.push(event.into_owned());
            if end {
                let buf = pending.take().unwrap_or_default();
                let formula: String = buf
                    .iter()
                    .filter_map(|e| if let Event::Text(t) = e { Some(t.xml10_content().into_owned()) } else { None })
                    .collect();
                if quoted.iter().any(|q| formula.contains(q.as_str())) {
                    continue;
                }
                for e in buf {
                    writer.write_event(e).map_err(|e| xml_write_error(workbook, e))?;
                }
            }
            continue;
        }
        match &event {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "sheet" && attr(e, "id").is_some_and(|id| hidden_ids.contains(&id)) =>
            {
                if matches!(event, Event::Start(_)) {
                    skip_depth = 1;
                }
                continue;
            }
            Event::Start(e) if e.local_name().as_ref() == "definedName" => {
                let local = attr(e, "localSheetId").and_then(|v| v.parse::<usize>().ok());
                let mut tag = e.clone().into_owned();
                if let Some(old) = local {
                    match new_index.get(old).copied().flatten() {
                        None => {
                            skip_depth = 1;
                            continue;
                        }
                        Some(n) => {
                            let mut t = BytesStart::new(e.name().as_ref().to_owned());
                            for a in e.attributes().flatten() {
                                if a.key.local_name().as_ref() != "localSheetId" {
                                    t.push_attribute(a);
                                }
                            }
                            t.push_attribute(("localSheetId", n.to_string().as_str()));
                            tag = t;
                        }
                    }
                }
                pending = Some(vec![Event::Start(tag)]);
                continue;
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "workbookView" => {
                let mut t = BytesStart::new(e.name().as_ref().to_owned());
                for a in e.attributes().flatten() {
                    if !matches!(a.key.local_name().as_ref(), "activeTab" | "firstSheet") {
                        t.push_attribute(a);
                    }
                }
                let out = if matches!(event, Event::Start(_)) { Event::Start(t) } else { Event::Empty(t) };
                writer.write_event(out).map_err(|e| xml_write_error(workbook, e))?;
                continue;
            }
            _ => {}
        }
        writer.write_event(event).map_err(|e| xml_write_error(workbook, e))?;
    }
    replaced.insert(workbook.to_owned(), writer.into_inner().into_inner());
    let rels_xml = archive.read(rels_part)?.unwrap_or_default();
    if let Some(new) = rewrite_elements(&rels_xml, rels_part, |e| {
        (e.local_name().as_ref() == "Relationship" && attr(e, "Id").is_some_and(|id| hidden_ids.contains(&id)))
            .then_some(None)
    })? {
        replaced.insert(rels_part.to_owned(), new);
    }
    let types = "[Content_Types].xml";
    let types_xml = archive.read(types)?.unwrap_or_default();
    let gone: HashSet<String> = gone_parts.iter().map(|p| format!("/{p}")).collect();
    if let Some(new) = rewrite_elements(&types_xml, types, |e| {
        (e.local_name().as_ref() == "Override" && attr(e, "PartName").is_some_and(|p| gone.contains(&p)))
            .then_some(None)
    })? {
        replaced.insert(types.to_owned(), new);
    }
    removed.extend(hidden_names);
    Ok(())
}
