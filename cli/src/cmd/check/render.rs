//! Output of `gongkai check`: text (coloured on a terminal), JSON and SARIF 2.1.0, each
//! written as the records come so that nothing is held for the whole run.

use std::io::{self, Write};

use gongkai::registry::codes;
use gongkai::{Lang, Severity};
use serde_json::{Value, json};

use super::{CheckFormat, Outcome, Summary};

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const CYAN: &str = "\x1b[1;36m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const GREEN: &str = "\x1b[1;32m";
const RESET: &str = "\x1b[0m";

pub struct Renderer<W: Write> {
    w: W,
    format: CheckFormat,
    lang: Lang,
    verbose: bool,
    /// `--statistics`: counts per code instead of each finding (text).
    statistics: bool,
    first: bool,
    regions: RegionSource,
    /// One record's JSON, serialized here and written at once: serde_json writes a string in
    /// many pieces, and each piece through the output's `BufWriter` was a call of its own.
    scratch: Vec<u8>,
}

impl<W: Write> Renderer<W> {
    pub fn new(w: W, format: CheckFormat, lang: Lang, verbose: bool, statistics: bool) -> Self {
        Self {
            w,
            format,
            lang,
            verbose,
            statistics,
            first: true,
            regions: RegionSource::empty(),
            scratch: Vec::with_capacity(4096),
        }
    }

    pub fn begin(&mut self) -> io::Result<()> {
        match self.format {
            CheckFormat::Text => Ok(()),
            CheckFormat::Json => self.w.write_all(b"{\"results\": ["),
            CheckFormat::Sarif => {
                // Written by hand so that `results`, streamed, comes last.
                let tool = serde_json::to_string(&sarif_tool(self.lang)).map_err(io::Error::other)?;
                write!(
                    self.w,
                    "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {tool},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
                )
            }
        }
    }

    pub fn record(&mut self, o: &Outcome) -> io::Result<()> {
        match self.format {
            CheckFormat::Text if self.statistics => Ok(()),
            CheckFormat::Text => self.text(o),
            CheckFormat::Json => {
                // `{"source":…,"id":…,"diagnostics":[…]}` in serde_json's compact form, the
                // diagnostics by the core's writer (the conformance suite compares it with serde_json).
                self.scratch.clear();
                self.scratch.extend_from_slice(if self.first { b"\n  " } else { b",\n  " });
                self.first = false;
                self.scratch.extend_from_slice(b"{\"source\":");
                serde_json::to_writer(&mut self.scratch, &o.source).map_err(io::Error::other)?;
                self.scratch.extend_from_slice(b",\"id\":");
                serde_json::to_writer(&mut self.scratch, &o.id).map_err(io::Error::other)?;
                self.scratch.extend_from_slice(b",\"diagnostics\":");
                gongkai::check::write_diagnostics_json(&mut self.scratch, &o.diagnostics, self.lang);
                self.scratch.push(b'}');
                self.w.write_all(&self.scratch)
            }
            CheckFormat::Sarif => {
                self.scratch.clear();
                for d in &o.diagnostics {
                    let v = sarif_result(o, d, self.lang, &mut self.regions);
                    self.scratch.extend_from_slice(if self.first { b"\n        " } else { b",\n        " });
                    self.first = false;
                    serde_json::to_writer(&mut self.scratch, &v).map_err(io::Error::other)?;
                }
                self.w.write_all(&self.scratch)
            }
        }
    }

    pub fn end(&mut self, s: &Summary) -> io::Result<()> {
        match self.format {
            CheckFormat::Text => {
                if self.statistics {
                    self.text_statistics(s)?;
                }
                self.text_summary(s)
            }
            CheckFormat::Json => {
                let summary = JsonSummary {
                    records: s.records,
                    checked: s.records - s.unreadable,
                    unreadable: s.unreadable,
                    lines: s.lines,
                    blank_lines: s.blank_lines,
                    errors: s.errors,
                    warnings: s.warnings,
                    infos: s.infos,
                    baselined: s.baselined,
                };
                let summary = serde_json::to_string(&summary).map_err(io::Error::other)?;
                write!(self.w, "\n], \"summary\": {summary}")?;
                if self.statistics {
                    let stats = serde_json::to_string(&statistics(s)).map_err(io::Error::other)?;
                    write!(self.w, ", \"statistics\": {stats}")?;
                }
                self.w.write_all(b"}\n")
            }
            CheckFormat::Sarif => self.w.write_all(b"\n      ]\n    }\n  ]\n}\n"),
        }?;
        super::flush(&mut self.w)
    }

    fn text(&mut self, o: &Outcome) -> io::Result<()> {
        let zh = self.lang == Lang::Zh;
        if o.diagnostics.is_empty() {
            if self.verbose {
                writeln!(self.w, "{GREEN}ok{RESET} {}{}", o.source, id_suffix(&o.id))?;
            }
            return Ok(());
        }
        writeln!(self.w, "{BOLD}{}{RESET}{}", o.source, id_suffix(&o.id))?;
        for d in &o.diagnostics {
            let (colour, label) = match d.severity {
                Severity::Error => (RED, if zh { "错误" } else { "error" }),
                Severity::Warning => (YELLOW, if zh { "警告" } else { "warning" }),
                _ => (CYAN, if zh { "提示" } else { "info" }),
            };
            let path = if d.path.is_empty() { String::new() } else { format!(" {DIM}at{RESET} {}", d.path) };
            writeln!(self.w, "  {colour}{label}{RESET}[{BOLD}{}{RESET}]{path}", d.code)?;
            writeln!(self.w, "    {}", d.message.get(self.lang))?;
            if let Some(b) = &d.basis {
                writeln!(self.w, "    {DIM}{}{RESET} {b}", if zh { "依据：" } else { "basis:" })?;
            }
            if let Some(h) = &d.help {
                writeln!(self.w, "    {DIM}{}{RESET} {}", if zh { "建议：" } else { "help:" }, h.get(self.lang))?;
            }
        }
        writeln!(self.w)
    }

    /// One line per code, most frequent first: count, code, severity, summary.
    fn text_statistics(&mut self, s: &Summary) -> io::Result<()> {
        let rows = statistics(s);
        let width = rows.iter().map(|r| r.count.to_string().len()).max().unwrap_or(1);
        let code_width = rows.iter().map(|r| r.code.len()).max().unwrap_or(0);
        for r in &rows {
            let (colour, label) = match r.severity {
                Severity::Error => (RED, "error"),
                Severity::Warning => (YELLOW, "warning"),
                _ => (CYAN, "info"),
            };
            let summary = r.summary(self.lang);
            writeln!(
                self.w,
                "{:>width$}  {BOLD}{:<code_width$}{RESET}  {colour}{label:<7}{RESET}  {summary}",
                r.count, r.code
            )?;
        }
        if !rows.is_empty() {
            writeln!(self.w)?;
        }
        Ok(())
    }

    fn text_summary(&mut self, s: &Summary) -> io::Result<()> {
        let colour = if s.errors > 0 {
            RED
        } else if s.warnings > 0 {
            YELLOW
        } else {
            GREEN
        };
        // Results are records checked plus inputs reported unreadable; every JSON Lines line is
        // one of them or blank.
        let zh = self.lang == Lang::Zh;
        let mut counts = Vec::new();
        if s.unreadable > 0 {
            counts.push(if zh {
                format!("其中无法读取 {}", s.unreadable)
            } else {
                format!("{} unreadable", s.unreadable)
            });
        }
        if s.baselined > 0 {
            counts.push(if zh {
                format!("基线中已知 {} 项未列出", s.baselined)
            } else {
                format!("{} known from the baseline not shown", s.baselined)
            });
        }
        if s.lines > 0 {
            counts.push(if zh {
                format!("读取 {} 行，空行 {}", s.lines, s.blank_lines)
            } else {
                format!("{} lines read, {} blank", s.lines, s.blank_lines)
            });
        }
        let counts = match (counts.is_empty(), zh) {
            (true, _) => String::new(),
            (false, true) => format!("（{}）", counts.join("；")),
            (false, false) => format!(" ({})", counts.join("; ")),
        };
        if zh {
            writeln!(
                self.w,
                "{colour}共检查 {} 条记录{counts}：错误 {}，警告 {}，提示 {}{RESET}",
                s.records, s.errors, s.warnings, s.infos
            )
        } else {
            let n = |count: u64, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
            writeln!(
                self.w,
                "{colour}checked {}{counts}: {}, {}, {} info{RESET}",
                n(s.records, "record", "records"),
                n(s.errors, "error", "errors"),
                n(s.warnings, "warning", "warnings"),
                s.infos
            )
        }
    }
}

fn id_suffix(id: &Value) -> String {
    match id {
        Value::Null => String::new(),
        Value::String(s) => format!("  ({s})"),
        other => format!("  ({other})"),
    }
}

pub(crate) fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

#[derive(serde::Serialize)]
struct JsonSummary {
    /// `checked + unreadable`.
    records: u64,
    checked: u64,
    unreadable: u64,
    /// JSON Lines read: every one is a result or blank (`lines == blank_lines + results from lines`).
    lines: u64,
    blank_lines: u64,
    errors: u64,
    warnings: u64,
    infos: u64,
    /// Findings the `--baseline` knew, left out.
    #[serde(skip_serializing_if = "is_zero")]
    baselined: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One row of `--statistics`.
#[derive(serde::Serialize)]
struct CodeCount {
    code: &'static str,
    severity: Severity,
    count: u64,
}

impl CodeCount {
    fn summary(&self, lang: Lang) -> &'static str {
        match gongkai::registry::code_info(self.code) {
            Some(c) if lang == Lang::En => c.summary_en,
            Some(c) => c.summary_zh,
            None => "",
        }
    }
}

/// Findings per code, most frequent first, then by code.
fn statistics(s: &Summary) -> Vec<CodeCount> {
    let mut rows: Vec<CodeCount> =
        s.by_code.iter().map(|(&code, &(severity, count))| CodeCount { code, severity, count }).collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    rows
}

/// Where the rules are explained: `docs/diagnostics.md` in the repository named in Cargo.toml.
fn docs_uri(area: &str) -> String {
    format!("{}/blob/main/docs/diagnostics.md#{area}", REPOSITORY.trim_end_matches('/'))
}

/// `item_unknown` → `ItemUnknown`: SARIF's readable rule name.
fn rule_name(code: &str) -> String {
    code.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// The SARIF tool object; its rules are every declared code, with help text and a link to
/// their documentation.
pub(crate) fn sarif_tool(lang: Lang) -> Value {
    let rules: Vec<Value> = codes()
        .iter()
        .map(|c| {
            let (short, full) = match lang {
                Lang::En => (c.summary_en, c.summary_zh),
                _ => (c.summary_zh, c.summary_en),
            };
            let basis = if c.basis.is_empty() { String::new() } else { format!("\n\nBasis: {}", c.basis) };
            let help_text = format!("{short} ({full}){basis}\n\nExample: {}", c.example);
            let help_markdown = format!(
                "**{short}** ({full}){}\n\nExample: `{}`\n\nSuppress it for one record with `\"x-gongkai\": {{\"ignore\": [\"{}\"], \"reason\": \"…\"}}`.",
                if c.basis.is_empty() { String::new() } else { format!("\n\nBasis: {}", c.basis) },
                c.example.replace('`', "'"),
                c.code
            );
            let mut rule = json!({
                "id": c.code,
                "name": rule_name(c.code),
                "shortDescription": {"text": short},
                "fullDescription": {"text": full},
                "help": {"text": help_text, "markdown": help_markdown},
                "helpUri": docs_uri(c.area),
                "defaultConfiguration": {"level": level(c.severity)},
                "properties": {
                    "area": c.area,
                    "example": c.example,
                    "tags": ["gongkai", c.area],
                    "precision": "high",
                    "problem.severity": match c.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        _ => "recommendation",
                    },
                },
            });
            if !c.basis.is_empty() {
                rule["properties"]["basis"] = json!(c.basis);
            }
            rule
        })
        .collect();
    json!({"driver": {
        "name": "gongkai",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": REPOSITORY,
        "rules": rules,
    }})
}

/// The project's home page, SARIF's `informationUri` and the base of every rule's `helpUri`:
/// `repository` in the workspace Cargo.toml, the one place a fork sets it.
pub(crate) const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// A file name as a relative URI reference: `/` separators, no `./`, and bytes outside
/// RFC 3986's unreserved and path characters percent-encoded (spaces, Chinese names).
pub(crate) fn artifact_uri(file: &str) -> String {
    if file == "-" {
        return "stdin".to_owned();
    }
    // An absolute path inside the working folder (a repository checkout) becomes relative to it,
    // as code scanning wants; another absolute path becomes a `file://` URI.
    let mut absolute = false;
    let mut path = file.to_owned();
    let p = std::path::Path::new(file);
    if p.is_absolute() {
        match std::env::current_dir().ok().and_then(|cwd| p.strip_prefix(cwd).ok().map(|r| r.display().to_string())) {
            Some(relative) => path = relative,
            None => absolute = true,
        }
    }
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len() + 8);
    if absolute {
        out.push_str(if path.starts_with('/') { "file://" } else { "file:///" });
    }
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A stable identity of a finding across runs, as code scanning tracks alerts: the file, the
/// record (its `id`, or where it sits), the code and the pointer. FNV-1a, 64 bits.
fn fingerprint(uri: &str, o: &Outcome, d: &gongkai::Diagnostic) -> String {
    let record = if o.id.is_null() { o.source.clone() } else { o.id.to_string() };
    fingerprint_of(&[uri, &record, d.code, &d.path])
}

/// FNV-1a (64 bits) of the parts, each ended by a unit separator.
pub(crate) fn fingerprint_of(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(b"\x1f") {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The position of every rule in the tool's `rules`.
fn rule_index(code: &str) -> Option<usize> {
    static INDEX: std::sync::LazyLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::LazyLock::new(|| codes().iter().enumerate().map(|(i, c)| (c.code, i)).collect());
    INDEX.get(code).copied()
}

/// The text a result's pointer is resolved in, with its line starts: a JSON Lines record's own
/// line, the document read from stdin, or the whole `.json` file (read once, when its first
/// result is written).
pub(crate) struct RegionSource {
    file: String,
    text: Option<std::sync::Arc<str>>,
    lines: Option<gongkai::diagnostics::Lines>,
}

impl RegionSource {
    pub(crate) fn empty() -> Self {
        Self { file: String::new(), text: None, lines: None }
    }

    /// The region of one diagnostic of `o`: the line and column range of its pointer's value.
    fn region(&mut self, o: &Outcome, d: &gongkai::Diagnostic) -> Value {
        use gongkai::diagnostics::Lines;
        let fallback = json!({"startLine": o.line.filter(|&l| l > 0).unwrap_or(1)});
        if d.code.starts_with("input_") {
            return fallback;
        }
        if let Some(t) = &o.text {
            return region_in(t, &Lines::new(t), &d.path, o.line.unwrap_or(1));
        }
        if let Some(document) = &o.document {
            // The same document for every record of a stdin array: its line starts found once.
            if !self.text.as_ref().is_some_and(|t| std::sync::Arc::ptr_eq(t, document)) {
                self.file.clear();
                self.lines = Some(Lines::new(document));
                self.text = Some(document.clone());
            }
        } else {
            let is_json = std::path::Path::new(&o.file)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if o.file == "-" || !is_json {
                return fallback;
            }
            if self.file != o.file {
                self.file = o.file.clone();
                self.text = std::fs::read_to_string(&o.file).ok().map(std::sync::Arc::from);
                self.lines = self.text.as_deref().map(Lines::new);
            }
        }
        let (Some(text), Some(lines)) = (self.text.as_deref(), &self.lines) else { return fallback };
        let pointer = match o.index {
            Some(i) => format!("/{i}{}", d.path),
            None => d.path.to_string(),
        };
        region_in(text, lines, &pointer, 1)
    }
}

/// The SARIF region of `pointer`'s value in `text` (whose first line is line `first_line` of
/// the file): its line and column range, or only its first line and column when it spans many
/// lines (a whole record, a table).
pub(crate) fn region_in(text: &str, lines: &gongkai::diagnostics::Lines, pointer: &str, first_line: usize) -> Value {
    let span = gongkai::diagnostics::locate(text, pointer);
    let (sl, sc) = lines.position(text, span.start);
    let (el, ec) = lines.position(text, span.end);
    if el > sl + 3 {
        return json!({"startLine": first_line + sl - 1, "startColumn": sc});
    }
    json!({"startLine": first_line + sl - 1, "startColumn": sc, "endLine": first_line + el - 1, "endColumn": ec})
}

/// The part of a SARIF result that `check` and `site check` share: rule, level, message, the
/// physical location (`region`) and the pointer as a logical location, the fingerprint.
pub(crate) fn sarif_result_of(
    d: &gongkai::Diagnostic,
    lang: Lang,
    uri: &str,
    region: Value,
    fingerprint: String,
) -> Value {
    let mut location = json!({"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}});
    if !d.path.is_empty() {
        location["logicalLocations"] = json!([{"fullyQualifiedName": d.path, "kind": "member"}]);
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": {"text": d.message.get(lang)},
        "locations": [location],
        "partialFingerprints": {"gongkaiFinding/v1": fingerprint},
    });
    if let Some(i) = rule_index(d.code) {
        result["ruleIndex"] = json!(i);
    }
    result
}

fn sarif_result(o: &Outcome, d: &gongkai::Diagnostic, lang: Lang, regions: &mut RegionSource) -> Value {
    let uri = artifact_uri(&o.file);
    let region = regions.region(o, d);
    let mut result = sarif_result_of(d, lang, &uri, region, fingerprint(&uri, o, d));
    let mut props = serde_json::Map::new();
    if !o.id.is_null() {
        props.insert("recordId".into(), o.id.clone());
    }
    if let Some(b) = &d.basis {
        props.insert("basis".into(), json!(b));
    }
    if let Some(h) = &d.help {
        props.insert("help".into(), json!(h.get(lang)));
    }
    if !props.is_empty() {
        result["properties"] = Value::Object(props);
    }
    result
}
