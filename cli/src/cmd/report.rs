//! `gongkai report check FILE [--previous FILE]` and `gongkai report build --year Y PATH...`:
//! annual reports (政府信息公开工作年度报告) in the uniform format.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use gongkai::report::{self, AnnualReport, ReportFormat};
use gongkai::{Catalogue, Diagnostic, Lang, Severity};

use crate::output::{CmdResult, Format, LangArg, print_json};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FormatVersion {
    /// 国办公开办函〔2021〕30号
    #[default]
    #[value(name = "2021")]
    V2021,
    /// 国办公开办函〔2019〕60号 (trial)
    #[value(name = "2019")]
    V2019,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Check an annual report's tables (JSON, see `gongkai schema annual-report`).
    Check {
        /// The report, as JSON.
        file: PathBuf,
        /// Last year's report of the same organ: its carried-out must equal this year's carried-in.
        #[arg(long)]
        previous: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
    /// Build tables 三 and 四 for a year from request records.
    Build {
        #[arg(long)]
        year: i32,
        /// Format version of the tables.
        #[arg(long = "report-format", value_enum, default_value_t)]
        report_format: FormatVersion,
        /// Request records: `.json`, `.jsonl`, or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

fn load(path: &PathBuf) -> Result<AnnualReport, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(AnnualReport::from_json(&path.display().to_string(), &text)?)
}

fn print_text(file: &str, diags: &[Diagnostic], lang: Lang) {
    for d in diags {
        println!("{file}:{} {} [{}] {}", d.path, d.severity, d.code, d.message.get(lang));
        if let Some(help) = &d.help {
            println!("    help: {}", help.get(lang));
        }
        if let Some(basis) = &d.basis {
            println!("    basis: {basis}");
        }
    }
}

pub fn run(c: Command) -> CmdResult {
    match c {
        Command::Check { file, previous, format, lang } => {
            let report = load(&file)?;
            let prev = previous.as_ref().map(load).transpose()?;
            let diags = report::check_report(&report, prev.as_ref());
            let lang: Lang = lang.into();
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diags.iter().filter(|d| d.severity == Severity::Warning).count();
            let name = file.display().to_string();
            match format {
                Format::Json => print_json(&serde_json::json!({
                    "results": [{
                        "source": name,
                        "diagnostics": diags.iter().map(|d| d.localized(lang)).collect::<Vec<_>>(),
                    }],
                    "summary": {"records": 1, "errors": errors, "warnings": warnings},
                }))?,
                _ => {
                    print_text(&name, &diags, lang);
                    println!("{name}: {errors} errors, {warnings} warnings");
                }
            }
            Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Build { year, report_format, paths } => {
            let records = super::audit::read_records(&paths)?;
            let format = match report_format {
                FormatVersion::V2021 => ReportFormat::F2021,
                FormatVersion::V2019 => ReportFormat::F2019,
            };
            let built = report::build_report_with(Catalogue::embedded(), year, format, &records);
            super::audit::print_findings(built.diagnostics.iter().chain(&built.skipped));
            print_json(&built.report)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
