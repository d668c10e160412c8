//! `gongkai scan PATH...`: screen files as published (workbooks, Word documents, PDFs, web
//! pages, CSV and text in UTF-8, UTF-16 or GB18030) for unredacted personal data and
//! classification markings. A folder is walked (a site export), each file reported.
//! Exit 1 when something unredacted is found or something could not be screened, 2 when an
//! input could not be read (the other inputs are still scanned).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use gongkai::Lang;
use gongkai::facade::ScanRequest;
use gongkai::files::{FileError, FileFinding, FileKind, FileScan, Limits, Place, resolve_kind, scan_file};
use serde::Serialize;
use serde_json::{Value, json};

use super::check::render::{level, sarif_tool};
use crate::output::{CmdResult, LangArg};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    #[default]
    Text,
    Json,
    /// SARIF 2.1.0: each finding a result, located by line (text, HTML) or by a logical
    /// location (`原始数据!C2`, `page 2 line 3`, `document table 1 row 2 column 3`).
    Sarif,
}

/// The kinds `--kind` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Xlsx,
    Xls,
    Ods,
    Docx,
    Pdf,
    Html,
    Csv,
    Text,
}

impl From<KindArg> for FileKind {
    fn from(k: KindArg) -> FileKind {
        match k {
            KindArg::Xlsx => FileKind::Xlsx,
            KindArg::Xls => FileKind::Xls,
            KindArg::Ods => FileKind::Ods,
            KindArg::Docx => FileKind::Docx,
            KindArg::Pdf => FileKind::Pdf,
            KindArg::Html => FileKind::Html,
            KindArg::Csv => FileKind::Csv,
            KindArg::Text => FileKind::Text,
        }
    }
}

/// Options shared by `scan` and `redact` for reading files.
#[derive(clap::Args, Clone, Copy)]
pub struct ReadArgs {
    /// Read every input as this kind (default: by extension, then by content; text otherwise).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Refuse a container (or PDF) that unpacks past this many MiB.
    #[arg(long, default_value_t = 1024, value_name = "MIB")]
    pub max_uncompressed_mib: u64,
    /// Refuse a workbook with more cells with values than this.
    #[arg(long, default_value_t = 10_000_000, value_name = "CELLS")]
    pub max_cells: u64,
}

impl ReadArgs {
    pub fn limits(&self) -> Limits {
        Limits::default().max_uncompressed(self.max_uncompressed_mib << 20).max_cells(self.max_cells)
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to scan (a folder is walked); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    format: ScanFormat,
    #[command(flatten)]
    read: ReadArgs,
    /// Also report values that are already masked (as `redacted`, severity info).
    #[arg(long)]
    include_redacted: bool,
    /// Include the full, unmasked value of each finding in the output.
    #[arg(long)]
    show_values: bool,
    /// Language of notices in text and SARIF output.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

#[derive(Serialize)]
struct Report {
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<FileKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_code: Option<&'static str>,
    /// Why a file found in a folder was not read (a kind the readers do not know).
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'static str>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    scan: Option<FileScanOut>,
}

/// [`FileScan`] without its kind (already in the report).
#[derive(Serialize)]
struct FileScanOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sheets: Vec<gongkai::files::SheetInfo>,
    findings: Vec<FileFinding>,
    notices: Vec<gongkai::files::Notice>,
}

impl From<FileScan> for FileScanOut {
    fn from(s: FileScan) -> Self {
        FileScanOut { encoding: s.encoding, sheets: s.sheets, findings: s.findings, notices: s.notices }
    }
}

/// An input to read: its name and, for files found in a folder, whether its kind is known.
pub struct Input {
    pub name: String,
    pub path: Option<PathBuf>,
    pub from_folder: bool,
}

/// The files under the paths given, folders walked in name order (hidden entries left out).
pub fn inputs(paths: &[String]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input { name: "-".into(), path: None, from_folder: false });
            continue;
        }
        let path = PathBuf::from(p);
        if path.is_dir() {
            walk(&path, &mut out).map_err(|e| format!("cannot read folder `{p}`: {e}"))?;
        } else {
            out.push(Input { name: p.clone(), path: Some(path), from_folder: false });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        if e.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(Input { name: path.to_string_lossy().into_owned(), path: Some(path), from_folder: true });
        }
    }
    Ok(())
}

pub fn read_bytes(input: &Input) -> Result<Vec<u8>, String> {
    match &input.path {
        None => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(buf)
        }
        Some(p) => std::fs::read(p).map_err(|e| format!("cannot read `{}`: {e}", input.name)),
    }
}

/// The kind to read an input as; `None` for a file in a folder of a kind the readers do not
/// know (images, scripts, styles), which is listed as skipped.
pub fn kind_of(input: &Input, bytes: &[u8], forced: Option<KindArg>) -> Option<FileKind> {
    let name = input.path.as_ref().map(|_| input.name.as_str());
    match resolve_kind(forced.map(FileKind::from), name, bytes) {
        Ok(k) => Some(k),
        Err(_) if input.from_folder => None,
        // A file named on the command line is read as text, as before.
        Err(_) => Some(FileKind::Text),
    }
}

pub fn run(args: Args) -> CmdResult {
    let opts =
        ScanRequest::new().with_include_redacted(args.include_redacted).with_include_values(args.show_values).options();
    let limits = args.read.limits();
    let mut reports = Vec::new();
    for input in inputs(&args.paths)? {
        let bytes = match read_bytes(&input) {
            Ok(b) => b,
            Err(e) => {
                reports.push(Report {
                    source: input.name,
                    kind: None,
                    error: Some(e),
                    error_code: Some("io_error"),
                    skipped: None,
                    scan: None,
                });
                continue;
            }
        };
        let Some(kind) = kind_of(&input, &bytes, args.read.kind) else {
            reports.push(Report {
                source: input.name,
                kind: None,
                error: None,
                error_code: None,
                skipped: Some("not a kind the readers know (xlsx, xls, ods, docx, pdf, html, csv, txt)"),
                scan: None,
            });
            continue;
        };
        match scan_file(&bytes, kind, &opts, &limits) {
            Ok(scan) => reports.push(Report {
                source: input.name,
                kind: Some(kind),
                error: None,
                error_code: None,
                skipped: None,
                scan: Some(scan.into()),
            }),
            Err(e) => reports.push(Report {
                error: Some(error_text(&input.name, &e)),
                error_code: Some(e.code()),
                source: input.name,
                kind: Some(kind),
                skipped: None,
                scan: None,
            }),
        }
    }
    let failed = reports.iter().any(|r| r.error.is_some());
    let actionable = reports
        .iter()
        .filter_map(|r| r.scan.as_ref())
        .any(|s| s.findings.iter().any(|f| f.finding.is_actionable()) || s.notices.iter().any(|n| n.is_actionable()));
    let lang = Lang::from(args.lang);
    match args.format {
        ScanFormat::Json => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &reports)?;
            writeln!(out)?;
        }
        ScanFormat::Sarif => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &sarif(&reports, lang))?;
            writeln!(out)?;
        }
        ScanFormat::Text => text(&reports, lang)?,
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if actionable {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `file: part: message`, and for an unknown encoding what to do.
pub fn error_text(name: &str, e: &FileError) -> String {
    match e {
        FileError::Encoding { message } => {
            format!("`{name}`: {message}; name the kind with --kind, or convert it to UTF-8 first")
        }
        e => format!("`{name}`: {e}"),
    }
}

fn where_of(source: &str, f: &FileFinding) -> String {
    match &f.place {
        Place::Line { line, column: None } => format!("{source}:{line}:{}", f.finding.start + 1),
        place => format!("{source}: {place}"),
    }
}

fn text(reports: &[Report], lang: Lang) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    let mut skipped = 0;
    for report in reports {
        if let Some(e) = &report.error {
            anstream::eprintln!("error: {e}");
            continue;
        }
        if report.skipped.is_some() {
            skipped += 1;
            continue;
        }
        let Some(scan) = &report.scan else { continue };
        if let Some(enc) = scan.encoding.filter(|e| *e != "UTF-8") {
            writeln!(out, "{}: read as {enc}", report.source)?;
        }
        for f in &scan.findings {
            let shown = f.finding.value.as_deref().unwrap_or(&f.finding.preview);
            let flag = if f.finding.redacted { " (redacted)" } else { "" };
            writeln!(
                out,
                "{}: {} {} `{shown}`{flag} [{}, confidence {:.2}]",
                where_of(&report.source, f),
                f.finding.severity,
                f.finding.kind,
                f.finding.code,
                f.finding.confidence
            )?;
        }
        for n in &scan.notices {
            let part = n.part.as_deref().map(|p| format!(" {p}:")).unwrap_or_default();
            writeln!(out, "{}:{part} {} {} [{}]", report.source, n.severity, n.message.get(lang), n.code)?;
        }
    }
    let total: usize = reports
        .iter()
        .filter_map(|r| r.scan.as_ref())
        .map(|s| s.findings.iter().filter(|f| f.finding.is_actionable()).count())
        .sum();
    let unscreened = reports
        .iter()
        .filter_map(|r| r.scan.as_ref())
        .filter(|s| s.notices.iter().any(|n| n.code == "screening_not_screened"))
        .count();
    let mut summary = format!("{total} unredacted finding(s) in {} input(s)", reports.len());
    if unscreened > 0 {
        summary.push_str(&format!("; {unscreened} not (fully) screened"));
    }
    if skipped > 0 {
        summary.push_str(&format!("; {skipped} file(s) of other kinds skipped (see --format json)"));
    }
    anstream::eprintln!("{summary}");
    Ok(())
}

fn sarif(reports: &[Report], lang: Lang) -> Value {
    let codes = gongkai::registry::codes();
    let mut results = Vec::new();
    let rule_index = |code: &str| codes.iter().position(|c| c.code == code);
    for r in reports {
        let uri = if r.source == "-" { "stdin".to_owned() } else { r.source.replace('\\', "/") };
        let Some(scan) = &r.scan else {
            if let Some(e) = &r.error {
                results.push(json!({
                    "ruleId": r.error_code.unwrap_or("file_error"),
                    "level": "error",
                    "message": {"text": e},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }));
            }
            continue;
        };
        for f in &scan.findings {
            let mut physical = json!({"artifactLocation": {"uri": uri}});
            match &f.place {
                Place::Line { line, column } => {
                    let mut region = json!({"startLine": line});
                    if column.is_none() {
                        region["startColumn"] = json!(f.finding.start + 1);
                        region["endColumn"] = json!(f.finding.end + 1);
                    }
                    physical["region"] = region;
                }
                Place::Element { line, .. } => physical["region"] = json!({"startLine": line}),
                _ => {}
            }
            let mut location = json!({"physicalLocation": physical});
            if !matches!(f.place, Place::Line { column: None, .. }) {
                location["logicalLocations"] = json!([{"fullyQualifiedName": f.place.to_string(), "kind": "element"}]);
            }
            let mut result = json!({
                "ruleId": f.finding.code,
                "level": if f.finding.redacted { "note" } else { level(f.finding.severity) },
                "message": {"text": format!("{}: `{}`", f.finding.kind.label_en(), f.finding.preview)},
                "locations": [location],
                "properties": {"location": f.place, "kind": f.finding.kind, "confidence": f.finding.confidence},
            });
            if let Some(i) = rule_index(f.finding.code) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
        for n in &scan.notices {
            let mut location = json!({"physicalLocation": {"artifactLocation": {"uri": uri}}});
            if let Some(part) = &n.part {
                location["logicalLocations"] = json!([{"fullyQualifiedName": part, "kind": "element"}]);
            }
            let mut result = json!({
                "ruleId": n.code,
                "level": level(n.severity),
                "message": {"text": n.message.get(lang)},
                "locations": [location],
            });
            if let Some(i) = rule_index(n.code) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": sarif_tool(lang), "columnKind": "unicodeCodePoints", "results": results}],
    })
}
