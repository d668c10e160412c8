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
    first: bool,
}

impl<W: Write> Renderer<W> {
    pub fn new(w: W, format: CheckFormat, lang: Lang, verbose: bool) -> Self {
        Self { w, format, lang, verbose, first: true }
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
            CheckFormat::Text => self.text(o),
            CheckFormat::Json => {
                let diagnostics: Vec<_> = o.diagnostics.iter().map(|d| d.localized(self.lang)).collect();
                let v = JsonResult { source: &o.source, id: &o.id, diagnostics };
                self.w.write_all(if self.first { b"\n  " } else { b",\n  " })?;
                self.first = false;
                serde_json::to_writer(&mut self.w, &v).map_err(io::Error::other)
            }
            CheckFormat::Sarif => {
                for d in &o.diagnostics {
                    let v = sarif_result(o, d, self.lang);
                    self.w.write_all(if self.first { b"\n        " } else { b",\n        " })?;
                    self.first = false;
                    serde_json::to_writer(&mut self.w, &v).map_err(io::Error::other)?;
                }
                Ok(())
            }
        }
    }

    pub fn end(&mut self, s: &Summary) -> io::Result<()> {
        match self.format {
            CheckFormat::Text => self.text_summary(s),
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
                };
                let summary = serde_json::to_string(&summary).map_err(io::Error::other)?;
                write!(self.w, "\n], \"summary\": {summary}}}\n")
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
            writeln!(
                self.w,
                "{colour}checked {} records{counts}: {} errors, {} warnings, {} info{RESET}",
                s.records, s.errors, s.warnings, s.infos
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
struct JsonResult<'a> {
    source: &'a str,
    id: &'a Value,
    diagnostics: Vec<gongkai::diagnostics::LocalizedDiagnostic<'a>>,
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
}

/// The SARIF tool object; its rules are every declared code.
pub(crate) fn sarif_tool(lang: Lang) -> Value {
    let rules: Vec<Value> = codes()
        .iter()
        .map(|c| {
            let (short, full) = match lang {
                Lang::En => (c.summary_en, c.summary_zh),
                _ => (c.summary_zh, c.summary_en),
            };
            let mut rule = json!({
                "id": c.code,
                "shortDescription": {"text": short},
                "fullDescription": {"text": full},
                "defaultConfiguration": {"level": level(c.severity)},
                "properties": {"area": c.area, "example": c.example},
            });
            if !c.basis.is_empty() {
                rule["help"] = json!({"text": c.basis});
                rule["properties"]["basis"] = json!(c.basis);
            }
            rule
        })
        .collect();
    json!({"driver": {
        "name": "gongkai",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://example.invalid/gongkai",
        "rules": rules,
    }})
}

fn sarif_result(o: &Outcome, d: &gongkai::Diagnostic, lang: Lang) -> Value {
    let uri = if o.file == "-" { "stdin".to_owned() } else { o.file.replace('\\', "/") };
    let mut physical = json!({"artifactLocation": {"uri": uri}});
    if let Some(line) = o.line.filter(|&l| l > 0) {
        physical["region"] = json!({"startLine": line});
    }
    let mut location = json!({"physicalLocation": physical});
    if !d.path.is_empty() {
        location["logicalLocations"] = json!([{"fullyQualifiedName": d.path, "kind": "member"}]);
    }
    let rule_index = codes().iter().position(|c| c.code == d.code);
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": {"text": d.message.get(lang)},
        "locations": [location],
    });
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
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
