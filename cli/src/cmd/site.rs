//! `gongkai site check SNAPSHOT --as-of DATE [--format text|json|sarif|html]`: a website and its
//! new-media accounts against the inspection indicators (国办秘函〔2019〕19号), and
//! `gongkai site candidates REQUESTS...`: information several applicants were granted
//! (条例第四十四条), candidates for proactive disclosure.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use gongkai::Lang;
use gongkai::facade::{self, CandidatesRequest, SiteCheckRequest};
use gongkai::site::{self, SiteReport, Verdict};
use serde_json::{Value, json};

use super::check::render::{artifact_uri, fingerprint_of, region_in, sarif_result_of, sarif_tool};
use crate::output::{CmdResult, Format, LangArg};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum SiteFormat {
    #[default]
    Text,
    Json,
    Sarif,
    Html,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Check a site snapshot (JSON; `-` for stdin): verdict, score, findings with pointers,
    /// early warnings and the rectification list (整改清单). Exit 1 when the site fails.
    Check(CheckArgs),
    /// List information granted to several applicants (条例第四十四条) from request records
    /// (`.json`, `.jsonl` or folders), as candidates for proactive disclosure.
    Candidates(CandidatesArgs),
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// The snapshot: `{"kind": "site", "as_of", "site", "homepage", "columns", "messages", …}`.
    snapshot: PathBuf,
    /// The monitoring day (监测时间点); default: the snapshot's `as_of`.
    #[arg(long)]
    as_of: Option<chrono::NaiveDate>,
    /// A site overlay (`kind: site_overlay`) with a province's or an institution's stricter
    /// limits; repeatable, applied in order. One that loosens a limit is refused.
    #[arg(long = "overlay", value_name = "FILE")]
    overlays: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: SiteFormat,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Write the output to a file instead of stdout.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    calendar: super::calendar::CalendarArgs,
}

#[derive(clap::Args)]
pub struct CandidatesArgs {
    /// Request records with `requested` (what was asked for) and `applicant`.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Distinct applicants needed (条例 Art 44 says 多个: at least 2).
    #[arg(long, default_value_t = 2)]
    min_applicants: usize,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
}

pub fn run(command: Command) -> CmdResult {
    match command {
        Command::Check(a) => check(a),
        Command::Candidates(a) => candidates(a),
    }
}

fn check(args: CheckArgs) -> CmdResult {
    let text = if args.snapshot.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("stdin: {e}"))?;
        s
    } else {
        std::fs::read_to_string(&args.snapshot).map_err(|e| format!("{}: {e}", args.snapshot.display()))?
    };
    let mut request = SiteCheckRequest::new().with_as_of(args.as_of);
    for o in &args.overlays {
        let overlay = std::fs::read_to_string(o).map_err(|e| format!("{}: {e}", o.display()))?;
        request = request.with_overlay(o.display().to_string(), overlay);
    }
    let cal = args.calendar.load()?;
    let report = facade::site_check_with(&cal, &text, &request)
        .map_err(|e| format!("{}: {}", e.file.as_deref().unwrap_or_default(), e.message))?;
    let lang: Lang = args.lang.into();
    let file = args.snapshot.display().to_string();
    let out = match args.format {
        SiteFormat::Text => site::render_text(&report, lang),
        SiteFormat::Json => serde_json::to_string_pretty(&report.to_json(lang))? + "\n",
        SiteFormat::Sarif => serde_json::to_string_pretty(&sarif(&report, &file, &text, lang))? + "\n",
        SiteFormat::Html => site::render_html(&report),
    };
    match &args.output {
        Some(path) => std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{out}"),
    }
    Ok(if report.verdict == Verdict::Fail { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// SARIF 2.1.0: one result per finding, placed by its JSON pointer in the snapshot's text (a
/// region, as `check` gives) and as a logical location; a fingerprint of file, code and pointer;
/// the kind, days left and points as properties.
fn sarif(r: &SiteReport, file: &str, text: &str, lang: Lang) -> Value {
    let uri = artifact_uri(file);
    let lines = gongkai::diagnostics::Lines::new(text);
    let results: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            let region = region_in(text, &lines, &d.path, 1);
            let mut result = sarif_result_of(d, lang, &uri, region, fingerprint_of(&[&uri, d.code, &d.path]));
            result["properties"] = json!({"kind": f.kind.as_str(), "basis": d.basis, "status": f.status});
            if let Some(n) = f.days_left {
                result["properties"]["daysLeft"] = json!(n);
            }
            if let Some(p) = f.points {
                result["properties"]["points"] = json!(p);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": sarif_tool(lang),
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"verdict": r.verdict, "score": r.score, "vetoes": r.vetoes},
        }],
    })
}

fn candidates(args: CandidatesArgs) -> CmdResult {
    let records = super::audit::read_records(&args.paths)?;
    let answer =
        facade::proactive_candidates_with(&records, &CandidatesRequest::new().with_min_applicants(args.min_applicants));
    let (list, diags) = (answer.candidates, answer.diagnostics);
    let lang: Lang = args.lang.into();
    match args.format {
        Format::Json => {
            let diags: Vec<_> = diags.iter().map(|d| d.localized(lang)).collect();
            crate::output::print_json(&json!({"candidates": list, "diagnostics": diags}))?;
        }
        Format::Text => {
            for d in &diags {
                println!("{:<8} {:<28} {}  {}", d.severity.as_str(), d.code, d.path, d.message.get(lang));
            }
            if list.is_empty() {
                println!(
                    "{}",
                    if lang == Lang::Zh {
                        "没有多人申请并已公开的相同信息"
                    } else {
                        "no information was granted to several applicants"
                    }
                );
            }
            for c in &list {
                let ids: Vec<String> =
                    c.requests.iter().map(|r| r.id.clone().unwrap_or_else(|| format!("#{}", r.index))).collect();
                if lang == Lang::Zh {
                    println!(
                        "{}：{}（{} 位申请人，{} 件申请：{}）",
                        c.institution,
                        c.information,
                        c.applicants,
                        c.requests.len(),
                        ids.join("、")
                    );
                } else {
                    println!(
                        "{}: {} ({} applicants, {} requests: {})",
                        c.institution,
                        c.information,
                        c.applicants,
                        c.requests.len(),
                        ids.join(", ")
                    );
                }
            }
            if let Some(c) = list.first() {
                let note = if lang == Lang::Zh {
                    "可以纳入主动公开的范围"
                } else {
                    "may be brought into proactive disclosure"
                };
                println!("{}: {note}", c.basis);
            }
        }
    }
    Ok(if diags.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
