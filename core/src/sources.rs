//! Record sources, as `gongkai check PATH...` and Python's `check_many(path)` read them: `.json`
//! files (one record or an array), `.jsonl` files (a record a line), folders (recursive, sorted,
//! only `.json`/`.jsonl`), and `-` for stdin. Files are read lazily: a JSONL stream is read line
//! by line, so memory stays bounded. (The one place besides catalogue loading where the core
//! opens files: both front ends read records the same way, with the same diagnostics.)

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::check::{CheckOptions, Checker, codes, input};
use crate::diagnostics::{Diagnostic, message};
use crate::model::Text;

/// The longest record (one JSONL line or one JSON file) read; longer ones are reported.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// One unit of work: a record's text (or an input problem) with where it came from.
pub struct Unit {
    /// `FILE` or `FILE:LINE`.
    pub source: String,
    pub file: String,
    pub line: Option<usize>,
    /// Index within a `.json` array.
    pub index: Option<usize>,
    pub payload: Payload,
    /// The whole document's text when it came from stdin as one JSON document (a record or an
    /// array): stdin cannot be read twice, and SARIF locates pointers in it.
    pub document: Option<std::sync::Arc<str>>,
}

#[non_exhaustive]
pub enum Payload {
    /// Raw JSON text of one record (or of a `.json` file holding one record or an array).
    Text(String),
    /// A record already parsed (an element of a `.json` array).
    Value(serde_json::Value),
    /// The input could not be turned into a record.
    Problem(Diagnostic),
}

impl Unit {
    /// Bytes of record text the unit holds (0 for a problem or an element of a parsed array):
    /// what a reader counts to bound the records it holds at once.
    pub fn text_bytes(&self) -> usize {
        match &self.payload {
            Payload::Text(t) => t.len(),
            _ => 0,
        }
    }

    /// Check this unit's record: its `id` (`null` when it has none) and its diagnostics. An input
    /// problem (unreadable, not UTF-8, too large, invalid JSON) is its own diagnostic, with the
    /// line in the file for a JSON Lines record.
    pub fn check(&self, checker: &Checker<'_>, opts: &CheckOptions) -> (Value, Vec<Diagnostic>) {
        match &self.payload {
            Payload::Problem(d) => (Value::Null, vec![d.clone()]),
            Payload::Value(v) => (v.get("id").cloned().unwrap_or(Value::Null), checker.check_value(v, opts)),
            // `check_text` reads a well-formed publication without building a `Value` tree.
            Payload::Text(text) => match checker.check_text(text, opts) {
                Ok(checked) => (checked.id, checked.diagnostics),
                Err(e) => (Value::Null, vec![input::json_error_diagnostic_at(&e, text, self.line.unwrap_or(1))]),
            },
        }
    }
}

/// An input source: a file, or stdin.
#[non_exhaustive]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// Expand the command-line paths: folders recursively, sorted, `.json` and `.jsonl` only.
/// Paths that do not exist are returned as errors (exit code 2, the rest still checked).
pub fn expand(paths: &[String]) -> (Vec<Source>, Vec<(String, std::io::Error)>) {
    let e = expand_paths(paths);
    (e.sources, e.missing)
}

/// The command-line paths expanded, with what was left out.
#[derive(Default)]
#[non_exhaustive]
pub struct Expanded {
    pub sources: Vec<Source>,
    /// Paths that do not exist or cannot be listed.
    pub missing: Vec<(String, std::io::Error)>,
    /// Files inside folders skipped by their extension (not `.json`/`.jsonl`).
    pub skipped: Vec<PathBuf>,
}

impl Expanded {
    /// A message when nothing is left to read (every path a folder without a record file), or
    /// `None`: what a front end prints instead of checking 0 records and passing.
    pub fn nothing_to_read(&self, paths: &[String]) -> Option<String> {
        if !self.sources.is_empty() || !self.missing.is_empty() {
            return None;
        }
        let named: Vec<String> = paths.iter().map(|p| format!("`{p}`")).collect();
        let mut msg = format!("no record files in {}: records are read from .json and .jsonl files", named.join(", "));
        if !self.skipped.is_empty() {
            msg.push_str(&format!(" ({} skipped: {})", self.skipped.len(), skipped_list(&self.skipped)));
        }
        Some(msg)
    }

    /// A note naming the files skipped by extension, when there are any.
    pub fn skipped_note(&self) -> Option<String> {
        (!self.skipped.is_empty()).then(|| {
            format!(
                "skipped {} file(s) that are not .json or .jsonl: {}",
                self.skipped.len(),
                skipped_list(&self.skipped)
            )
        })
    }
}

fn skipped_list(paths: &[PathBuf]) -> String {
    let mut names: Vec<String> = paths.iter().take(5).map(|p| p.display().to_string()).collect();
    if paths.len() > 5 {
        names.push(format!("… {} more", paths.len() - 5));
    }
    names.join(", ")
}

/// As [`expand`], keeping the files skipped by extension.
pub fn expand_paths(paths: &[String]) -> Expanded {
    let mut e = Expanded::default();
    for p in paths {
        if p == "-" {
            e.sources.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, &mut e),
            Ok(_) => e.sources.push(Source::File(path)),
            Err(err) => e.missing.push((p.clone(), err)),
        }
    }
    e
}

fn walk(dir: &Path, e: &mut Expanded) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            e.missing.push((dir.display().to_string(), err));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, e);
        } else if is_record_file(&p) {
            e.sources.push(Source::File(p));
        } else {
            e.skipped.push(p);
        }
    }
}

/// A `.json` or `.jsonl` file, in any case (`X.JSON` exported on Windows is one).
pub fn is_record_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("json") || is_jsonl(e))
}

fn is_jsonl(ext: &str) -> bool {
    ext.eq_ignore_ascii_case("jsonl")
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_owned(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// Size in bytes, when known (for the progress bar).
    pub fn size(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
        }
    }

    /// Open the source as a stream of units.
    pub fn open(&self) -> std::io::Result<Units> {
        let name = self.name();
        let reader: Box<dyn Read + Send> = match self {
            Source::Stdin => Box::new(std::io::stdin()),
            Source::File(p) => Box::new(File::open(p)?),
        };
        let lines = match self {
            Source::File(p) => p.extension().and_then(|e| e.to_str()).is_some_and(is_jsonl),
            // stdin: JSON Lines unless it starts with `[` or holds a single pretty-printed object.
            Source::Stdin => true,
        };
        Ok(Units {
            name,
            reader: BufReader::with_capacity(1 << 16, reader),
            jsonl: lines,
            sniffed: matches!(self, Source::File(_)),
            line: 0,
            counts: LineCounts::default(),
            produced: false,
            line_capacity: 0,
            done: false,
            pending: std::collections::VecDeque::new(),
        })
    }
}

/// Every record of several sources in order, lazily: what `gongkai check PATH...` and Python's
/// `check_many(path)` check. A source that cannot be opened is one unit with an
/// `input_unreadable` diagnostic; the next source is read all the same.
pub fn read_all(sources: Vec<Source>) -> AllUnits {
    AllUnits { pending: sources.into_iter(), current: None, finished: LineCounts::default() }
}

/// The units of several sources, one source after another (see [`read_all`]).
pub struct AllUnits {
    pending: std::vec::IntoIter<Source>,
    current: Option<Units>,
    /// Lines of the sources already finished.
    finished: LineCounts,
}

/// Lines of JSON Lines input read so far: every line is a unit (a record or an input problem)
/// or blank by JSON's own whitespace (space, tab, CR, LF), so `lines == blank + units`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineCounts {
    /// Lines read (a last line without a newline counts; the empty end of a file does not).
    pub lines: u64,
    /// Lines holding only JSON whitespace, skipped.
    pub blank: u64,
}

impl AllUnits {
    /// Lines of JSON Lines read so far, over every source.
    pub fn line_counts(&self) -> LineCounts {
        let current = self.current.as_ref().map(|u| u.counts).unwrap_or_default();
        LineCounts { lines: self.finished.lines + current.lines, blank: self.finished.blank + current.blank }
    }
}

impl Iterator for AllUnits {
    type Item = Unit;
    fn next(&mut self) -> Option<Unit> {
        loop {
            if let Some(unit) = self.current.as_mut().and_then(Iterator::next) {
                return Some(unit);
            }
            if let Some(done) = self.current.take() {
                self.finished.lines += done.counts.lines;
                self.finished.blank += done.counts.blank;
            }
            let source = self.pending.next()?;
            match source.open() {
                Ok(units) => self.current = Some(units),
                Err(e) => {
                    let name = source.name();
                    let payload = Payload::Problem(unreadable(&name, &e));
                    return Some(Unit {
                        source: name.clone(),
                        file: name,
                        line: None,
                        index: None,
                        payload,
                        document: None,
                    });
                }
            }
        }
    }
}

/// Units read from one source, lazily.
pub struct Units {
    name: String,
    reader: BufReader<Box<dyn Read + Send>>,
    jsonl: bool,
    /// Whether the JSON/JSONL choice is settled (stdin is sniffed on the first byte).
    sniffed: bool,
    line: usize,
    counts: LineCounts,
    /// Whether a unit (record or problem) came from this source.
    produced: bool,
    /// Length of the last line read, to size the next line's buffer.
    line_capacity: usize,
    done: bool,
    pending: std::collections::VecDeque<Unit>,
}

impl Units {
    fn unit(&self, line: Option<usize>, payload: Payload) -> Unit {
        let source = match line {
            Some(l) => format!("{}:{l}", self.name),
            None => self.name.clone(),
        };
        Unit { source, file: self.name.clone(), line, index: None, payload, document: None }
    }

    fn problem(&self, line: Option<usize>, d: Diagnostic) -> Unit {
        self.unit(line, Payload::Problem(d))
    }

    /// Read the whole source as one JSON document (a record or an array of records).
    fn read_document(&mut self) -> Vec<Unit> {
        let mut bytes = Vec::new();
        let limit = MAX_RECORD_BYTES as u64 * 16;
        if let Err(e) = (&mut self.reader).take(limit + 1).read_to_end(&mut bytes) {
            return vec![self.problem(None, unreadable(&self.name, &e))];
        }
        if bytes.len() as u64 > limit {
            return vec![self.problem(None, too_large(bytes.len(), "file"))];
        }
        let text = match input::require_utf8(&bytes) {
            Ok(t) => t,
            Err(d) => return vec![self.problem(None, d)],
        };
        let value: serde_json::Value = match input::parse_record(text) {
            Ok(v) => v,
            Err(e) => {
                let line = (e.line() > 0).then_some(e.line());
                return vec![self.problem(line, input::json_error_diagnostic(&e, text))];
            }
        };
        let document: Option<std::sync::Arc<str>> = (self.name == "-").then(|| text.into());
        let mut units = self.document_units(value);
        for u in &mut units {
            u.document.clone_from(&document);
        }
        units
    }

    /// The units of one parsed document: each record of an array, or the one record.
    fn document_units(&self, value: serde_json::Value) -> Vec<Unit> {
        match value {
            serde_json::Value::Array(items) => {
                if items.is_empty() {
                    return vec![self.problem(
                        None,
                        Diagnostic::new(
                            &codes::INPUT_EMPTY,
                            "",
                            Text::new("数组中没有记录", "the array holds no records"),
                        ),
                    )];
                }
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let mut u = self.unit(None, Payload::Value(v));
                        u.index = Some(i);
                        u.source = format!("{}#/{i}", self.name);
                        u
                    })
                    .collect()
            }
            v => vec![self.unit(None, Payload::Value(v))],
        }
    }

    /// The next line of a JSON Lines stream as a unit; skips blank lines.
    fn next_line(&mut self) -> Option<Unit> {
        // Sized like the last line: records in one export are alike, so most lines need no regrowth.
        let mut buf = Vec::with_capacity(self.line_capacity + 256);
        loop {
            buf.clear();
            self.line += 1;
            let read = read_line(&mut self.reader, &mut buf, MAX_RECORD_BYTES + 1);
            match read {
                Err(e) => {
                    self.done = true;
                    self.produced = true;
                    self.counts.lines += 1;
                    return Some(self.problem(Some(self.line), unreadable(&self.name, &e)));
                }
                Ok(0) => {
                    self.done = true;
                    if !self.produced {
                        // No bytes, or only blank lines: say so rather than report nothing.
                        self.produced = true;
                        let d = Diagnostic::new(
                            &codes::INPUT_EMPTY,
                            "",
                            Text::new("输入为空，没有记录", "input is empty: no records"),
                        );
                        return Some(self.problem(None, d));
                    }
                    return None;
                }
                Ok(_) => {}
            }
            self.counts.lines += 1;
            if buf.len() > MAX_RECORD_BYTES && !buf.ends_with(b"\n") {
                // Skip the rest of the over-long line without holding it in memory.
                let mut skipped = buf.len();
                loop {
                    let chunk = match self.reader.fill_buf() {
                        Ok(c) if !c.is_empty() => c,
                        _ => break,
                    };
                    match memchr_newline(chunk) {
                        Some(i) => {
                            self.reader.consume(i + 1);
                            skipped += i + 1;
                            break;
                        }
                        None => {
                            let n = chunk.len();
                            self.reader.consume(n);
                            skipped += n;
                        }
                    }
                }
                self.produced = true;
                return Some(self.problem(Some(self.line), too_large(skipped, "line")));
            }
            // Blank by JSON's whitespace only: a line of `\x0c`, `\x0b`, NBSP or a byte-order
            // mark is a line that says something, and gets a diagnostic like any other.
            let trimmed = input::trim_json_whitespace(&buf);
            if trimmed.is_empty() {
                self.counts.blank += 1;
                continue;
            }
            self.produced = true;
            let (start, end) = match input::require_utf8(trimmed) {
                Ok(text) => {
                    let start = text.as_ptr() as usize - buf.as_ptr() as usize;
                    (start, start + text.len())
                }
                Err(d) => return Some(self.problem(Some(self.line), d)),
            };
            self.line_capacity = buf.len();
            // The line's buffer becomes the record's text: no second copy of every record.
            buf.truncate(end);
            buf.drain(..start);
            // SAFETY: `buf` now holds exactly the bytes of `text`, which `require_utf8` validated.
            let text = unsafe { String::from_utf8_unchecked(buf) };
            return Some(self.unit(Some(self.line), Payload::Text(text)));
        }
    }
}

impl Iterator for Units {
    type Item = Unit;
    fn next(&mut self) -> Option<Unit> {
        if let Some(u) = self.pending.pop_front() {
            return Some(u);
        }
        if self.done {
            return None;
        }
        if !self.sniffed {
            self.sniffed = true;
            // stdin: a document starting with `[`, or a pretty-printed object spanning lines, is
            // one JSON document; anything else is JSON Lines.
            let head = self.reader.fill_buf().map(|b| b.to_vec()).unwrap_or_default();
            let first = head.iter().copied().find(|b| !b.is_ascii_whitespace());
            let first_line_complete = head.split(|&b| b == b'\n').next().is_some_and(|l| {
                let l = trim_ascii(l);
                l.starts_with(b"{") && l.ends_with(b"}")
            });
            if first == Some(b'[') || (first == Some(b'{') && !first_line_complete) {
                self.jsonl = false;
            }
        }
        if self.jsonl {
            self.next_line()
        } else {
            self.done = true;
            self.pending = self.read_document().into();
            self.pending.pop_front()
        }
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', b)
}

/// What `reader.take(limit).read_until(b'\n', buf)` does (the line with its newline, stopping
/// after `limit` bytes or at the end), with the newline found by `memchr`'s vectorised search:
/// std's byte search was the reading thread's largest cost on long lines.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let room = limit - read;
        let available = &available[..available.len().min(room)];
        let (used, done) = match memchr_newline(available) {
            Some(i) => (i + 1, true),
            None => (available.len(), available.is_empty() || available.len() == room),
        };
        buf.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    input::trim_json_whitespace(b)
}

pub fn unreadable(name: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        &codes::INPUT_UNREADABLE,
        "",
        message!("无法读取 `{0}`：{1}", "cannot read `{0}`: {1}", name, e.to_string()),
    )
}

fn too_large(bytes: usize, what: &str) -> Diagnostic {
    let mb = bytes as f64 / (1 << 20) as f64;
    let limit = MAX_RECORD_BYTES >> 20;
    Diagnostic::new(
        &codes::INPUT_TOO_LARGE,
        "",
        Text::new(
            format!("记录过大（{mb:.1} MB，上限 {limit} MB），未检查"),
            format!("{what} too large ({mb:.1} MB, limit {limit} MB per record): not checked"),
        ),
    )
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Read};

    use proptest::prelude::*;

    use super::read_line;

    /// Every line `read_line` reads, and what is left, against std's `take(limit).read_until`.
    fn lines(text: &[u8], capacity: usize, limit: usize, ours: bool) -> (Vec<Vec<u8>>, Vec<u8>) {
        let mut reader = BufReader::with_capacity(capacity, text);
        let mut out = Vec::new();
        loop {
            let mut buf = Vec::new();
            let n = if ours {
                read_line(&mut reader, &mut buf, limit).unwrap()
            } else {
                (&mut reader).take(limit as u64).read_until(b'\n', &mut buf).unwrap()
            };
            assert_eq!(n, buf.len());
            if n == 0 {
                break;
            }
            out.push(buf);
        }
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).unwrap();
        (out, rest)
    }

    #[test]
    fn stops_at_the_limit_and_after_each_newline() {
        let text = b"ab\n\ncdefgh\nij";
        let (got, _) = lines(text, 4, 3, true);
        assert_eq!(got, [&b"ab\n"[..], b"\n", b"cde", b"fgh", b"\n", b"ij"]);
    }

    proptest! {
        #[test]
        fn reads_as_std_read_until_does(
            text in prop::collection::vec(prop::sample::select(vec![b'a', b'\n', 0xe4, b' ']), 0..300),
            capacity in 1usize..70,
            limit in 1usize..90,
        ) {
            prop_assert_eq!(lines(&text, capacity, limit, true), lines(&text, capacity, limit, false));
        }
    }
}
