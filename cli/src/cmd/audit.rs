//! `gongkai audit --kind K --tier T [--role R] --period YYYY PATH... [--format text|json|html] [-o FILE]`:
//! coverage, timeliness, request handling and a rectification list for one institution and year.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use gongkai::report::{self, AuditOptions};
use gongkai::{Catalogue, Institution, Severity};
use serde_json::Value;

use crate::output::{CmdResult, LangArg};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    #[default]
    Text,
    Json,
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// Institution kind, e.g. `administrative`.
    #[arg(long)]
    kind: String,
    /// Tier, e.g. `county`.
    #[arg(long)]
    tier: String,
    /// Role: `government` or `department` (administrative bodies).
    #[arg(long)]
    role: Option<String>,
    /// Sector of a department, e.g. `education`.
    #[arg(long)]
    sector: Option<String>,
    /// Display name of the institution.
    #[arg(long)]
    name: Option<String>,
    /// A township government of the county, by name (repeatable): audits the county and its
    /// townships together, records split by `institution.name`, with a per-domain table.
    #[arg(long)]
    township: Vec<String>,
    /// A sub-district office (街道办事处) of the county, by name (repeatable), as `--township`.
    #[arg(long)]
    subdistrict: Vec<String>,
    /// The calendar year audited.
    #[arg(long)]
    period: i32,
    /// The audit date: items due after it are "not yet due" (default: the year is over).
    #[arg(long, value_parser = gongkai::parse_date_strict)]
    today: Option<chrono::NaiveDate>,
    /// Records: `.json` (one record or an array), `.jsonl`, or folders of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: AuditFormat,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Write the output to a file instead of stdout.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// Local catalogue overlays (YAML) applied on top of the embedded catalogues (repeatable).
    #[arg(long, value_name = "FILE")]
    overlay: Vec<String>,
    #[command(flatten)]
    calendar: super::calendar::CalendarArgs,
}

pub fn run(args: Args) -> CmdResult {
    let mut cat = Catalogue::embedded().clone();
    for path in &args.overlay {
        cat = cat.with_overlay_file(path)?;
    }
    let inst = Institution { kind: args.kind, tier: args.tier, role: args.role, sector: args.sector, name: args.name };
    cat.validate_institution(&inst)?;
    let records = read_records(&args.paths)?;
    let cal = args.calendar.load()?.into_owned();
    let opts = AuditOptions {
        today: args.today,
        check_records: true,
        calendar: Some(std::sync::Arc::new(cal)),
        ..Default::default()
    };
    if !args.township.is_empty() || !args.subdistrict.is_empty() {
        if inst.name.is_none() {
            return Err(
                "--township/--subdistrict need --name for the county (records are split by `institution.name`)".into(),
            );
        }
        if args.format == AuditFormat::Html {
            return Err("--format html shows one institution; use text or json with --township/--subdistrict".into());
        }
        let mut all = vec![inst];
        for (names, tier) in [(&args.township, "township"), (&args.subdistrict, "subdistrict")] {
            for n in names {
                all.push(Institution {
                    kind: "administrative".into(),
                    tier: tier.into(),
                    role: (tier == "township").then(|| "government".to_owned()),
                    sector: None,
                    name: Some(n.clone()),
                });
            }
        }
        let area = report::audit_area(&cat, &all, args.period, &records, &opts)?;
        print_findings(area.audits.iter().flat_map(|a| &a.record_diagnostics));
        let text = match args.format {
            AuditFormat::Json => serde_json::to_string_pretty(&area)? + "\n",
            _ => report::render::area_text(&area, args.lang.into()),
        };
        match &args.output {
            Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?,
            None => print!("{text}"),
        }
        let failed = area.audits.iter().flat_map(|a| &a.rectifications).any(|r| r.severity == Severity::Error);
        return Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    let audit = report::audit_with(&cat, &inst, args.period, &records, &opts)?;
    print_findings(&audit.record_diagnostics);
    let text = match args.format {
        AuditFormat::Text => report::render::text(&audit, args.lang.into()),
        AuditFormat::Json => serde_json::to_string_pretty(&audit)? + "\n",
        AuditFormat::Html => report::render::html(&audit),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{text}"),
    }
    let failed = audit.rectifications.iter().any(|r| r.severity == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What the record readers found, on stderr: `severity: record /INDEX/POINTER: message [code]`, the
/// index counting the records read from all the paths in order.
pub fn print_findings<'a>(diags: impl IntoIterator<Item = &'a gongkai::Diagnostic>) {
    for d in diags {
        eprintln!("{}: record {}: {} [{}]", d.severity.as_str(), d.path, d.message.en(), d.code);
    }
}

/// Read every record under the paths. A file that cannot be read or parsed is an error naming
/// the file and line.
pub fn read_records(paths: &[PathBuf]) -> Result<Vec<Value>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        read_path(p, &mut out, &mut skipped)?;
    }
    if out.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        let mut msg = format!("no records in {}: records are read from .json and .jsonl files", named.join(", "));
        if !skipped.is_empty() {
            msg.push_str(&format!(" ({} other files skipped)", skipped.len()));
        }
        return Err(msg.into());
    }
    if !skipped.is_empty() {
        let names: Vec<String> = skipped.iter().take(5).map(|p| p.display().to_string()).collect();
        eprintln!("note: skipped {} file(s) that are not .json or .jsonl: {}", skipped.len(), names.join(", "));
    }
    Ok(out)
}

fn read_path(path: &Path, out: &mut Vec<Value>, skipped: &mut Vec<PathBuf>) -> Result<(), Box<dyn std::error::Error>> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() || gongkai::sources::is_record_file(&p) {
                read_path(&p, out, skipped)?;
            } else {
                skipped.push(p);
            }
        }
        return Ok(());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) {
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: Value =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: invalid JSON: {e}", path.display(), n + 1))?;
            out.push(v);
        }
    } else {
        let v: Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: invalid JSON: {e}", path.display(), e.line(), e.column()))?;
        match v {
            Value::Array(items) => out.extend(items),
            other => out.push(other),
        }
    }
    Ok(())
}
