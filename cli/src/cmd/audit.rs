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
    #[arg(long, value_parser = gongkai::record::parse_date_strict)]
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
    #[command(flatten)]
    calendar: super::calendar::CalendarArgs,
}

pub fn run(args: Args) -> CmdResult {
    let records = read_records(&args.paths)?;
    let inst = Institution { kind: args.kind, tier: args.tier, role: args.role, sector: args.sector, name: args.name };
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
        let area = report::audit_area(Catalogue::embedded(), &all, args.period, &records, &opts)?;
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
    let audit = report::audit_with(Catalogue::embedded(), &inst, args.period, &records, &opts)?;
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

/// Read every record under the paths. A file that cannot be read or parsed is an error naming
/// the file and line.
pub fn read_records(paths: &[PathBuf]) -> Result<Vec<Value>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for p in paths {
        read_path(p, &mut out)?;
    }
    Ok(out)
}

fn read_path(path: &Path, out: &mut Vec<Value>) -> Result<(), Box<dyn std::error::Error>> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if p.is_dir() || ext == "json" || ext == "jsonl" {
                read_path(&p, out)?;
            }
        }
        return Ok(());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "jsonl") {
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
