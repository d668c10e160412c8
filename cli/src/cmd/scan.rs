//! `gongkai scan PATH...`: screen texts for unredacted personal data and classification
//! markings. Exit 1 when something unredacted is found, 2 when an input could not be read
//! (the other inputs are still scanned).

use std::io::Write;
use std::process::ExitCode;

use gongkai::screening::{Finding, ScanOptions, scan_with};
use serde::Serialize;

use crate::output::{CmdResult, Format, print_json};

#[derive(clap::Args)]
pub struct Args {
    /// Files to scan (UTF-8 text); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also report values that are already masked (as `redacted`, severity info).
    #[arg(long)]
    include_redacted: bool,
    /// Include the full, unmasked value of each finding in the output.
    #[arg(long)]
    show_values: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    findings: Vec<Finding>,
}

/// Read a path (or stdin for `-`) as UTF-8, saying clearly when it is not (GBK is common).
pub fn read_utf8(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "`{path}` is not UTF-8 (invalid byte at offset {at}, line {line}); it may be GBK/GB18030: \
             convert it first, e.g. `iconv -f GB18030 -t UTF-8 {path} > out.txt`"
        )
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

pub fn run(args: Args) -> CmdResult {
    let opts = ScanOptions::new().include_redacted(args.include_redacted).include_values(args.show_values);
    let mut reports = Vec::new();
    let mut texts = Vec::new();
    for path in &args.paths {
        match read_utf8(path) {
            Ok(text) => {
                reports.push(Report { source: path, error: None, findings: scan_with(&text, &opts) });
                texts.push(Some(text));
            }
            Err(e) => {
                reports.push(Report { source: path, error: Some(e), findings: Vec::new() });
                texts.push(None);
            }
        }
    }
    let failed = reports.iter().any(|r| r.error.is_some());
    let unredacted = reports.iter().flat_map(|r| &r.findings).any(Finding::is_actionable);
    match args.format {
        Format::Json => print_json(&reports)?,
        Format::Text => {
            let mut out = anstream::stdout().lock();
            for (report, text) in reports.iter().zip(&texts) {
                if let Some(e) = &report.error {
                    anstream::eprintln!("error: {e}");
                    continue;
                }
                let Some(text) = text else { continue };
                for f in &report.findings {
                    let (line, col) = line_col(text, f.byte_start);
                    let shown = f.value.as_deref().unwrap_or(&f.preview);
                    let flag = if f.redacted { " (redacted)" } else { "" };
                    writeln!(
                        out,
                        "{}:{line}:{col}: {} {} `{shown}`{flag} [{}, confidence {:.2}]",
                        report.source, f.severity, f.kind, f.code, f.confidence
                    )?;
                }
            }
            let total: usize = reports.iter().map(|r| r.findings.iter().filter(|f| f.is_actionable()).count()).sum();
            anstream::eprintln!("{total} unredacted finding(s) in {} input(s)", reports.len());
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if unredacted {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
