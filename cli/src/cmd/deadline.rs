//! `gongkai deadline --start D --working-days N [--explain]` and `gongkai deadline request FILE`:
//! working-day deadlines with their working.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use gongkai::deadlines::{Deadline, ExcludedReason};
use gongkai::facade::{self, DeadlineQuery, RequestTimelineOptions};
use gongkai::{Catalogue, Severity};

use super::calendar::{CalendarArgs, parse_date};
use crate::output::{CmdResult, Format, LangArg, print_json};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// The day the period runs from (not itself counted).
    #[arg(long)]
    start: Option<String>,
    /// Working days to add.
    #[arg(long, required_unless_present = "rule", conflicts_with = "rule")]
    working_days: Option<u32>,
    /// A rule of catalogues/deadlines.yaml instead of a number, e.g. `request_reply`, `proactive_publication`.
    #[arg(long)]
    rule: Option<String>,
    /// Show the working: excluded weekends and holidays by name, and the citation.
    #[arg(long)]
    explain: bool,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    calendar: CalendarArgs,
}

#[derive(clap::Subcommand)]
enum Command {
    /// A request record's whole timeline (receipt, correction notice, reply limit, extension) and its checks.
    Request {
        /// A JSON file with one request record (`"kind": "request"`).
        file: PathBuf,
        /// Count a request received on a non-working day as received on the next working day
        /// (some local rules; an overlay's request_options can also switch it on).
        #[arg(long)]
        next_working_day_receipt: bool,
        /// Overlay files whose request_options apply.
        #[arg(long = "overlay", value_name = "FILE")]
        overlays: Vec<PathBuf>,
        /// Read the reply clock on this day: an unanswered request past its limit is an error,
        /// one due within `--due-soon` working days a warning.
        #[arg(long, value_name = "DATE", value_parser = gongkai::parse_date_strict)]
        today: Option<chrono::NaiveDate>,
        /// Working days before the limit from which an unanswered request is due soon.
        #[arg(long, value_name = "N", default_value_t = 5)]
        due_soon: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
}

pub fn run(args: Args) -> CmdResult {
    let cal = args.calendar.load()?;
    if let Some(Command::Request { file, next_working_day_receipt, overlays, today, due_soon, format, lang }) =
        args.command
    {
        let clock = (today, due_soon);
        return run_request(&cal, &file, next_working_day_receipt, &overlays, clock, format, lang);
    }
    let start = parse_date(args.start.as_deref().ok_or("`--start YYYY-MM-DD` is required")?)?;
    let query = match (&args.rule, args.working_days) {
        (Some(rule), _) => DeadlineQuery::by_rule(start, rule),
        (None, Some(n)) => DeadlineQuery::working_days(start, n),
        (None, None) => return Err("give `--working-days N` or `--rule ID`".into()),
    };
    let answer = facade::deadline_with(&cal, &query)?;
    let deadline = &answer.deadline;
    match args.format {
        Format::Json => print_json(&answer)?,
        Format::Text => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}", deadline.due)?;
            print_provisional(&mut out, deadline, "")?;
            if args.explain {
                print_working(&mut out, deadline, "")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A due date that depends on a provisional year says so on the line after it, with the days assumed.
fn print_provisional(out: &mut impl Write, d: &Deadline, indent: &str) -> std::io::Result<()> {
    for p in &d.explanation.provisional {
        writeln!(out, "{indent}PROVISIONAL: {}", p.reason.en)?;
        let days: Vec<String> = p.statutory_days.iter().map(|s| format!("{} {}", s.date, s.name.zh)).collect();
        writeln!(out, "{indent}  statutory days assumed: {}", days.join(", "))?;
        if !p.makeup_days_off.is_empty() {
            let days: Vec<String> = p.makeup_days_off.iter().map(|s| format!("{} ({})", s.date, s.name.zh)).collect();
            writeln!(out, "{indent}  weekend make-up days off (Art 6): {}", days.join(", "))?;
        }
        let basis: Vec<String> = p.basis.iter().map(ToString::to_string).collect();
        writeln!(out, "{indent}  basis: {}", basis.join("; "))?;
    }
    Ok(())
}

fn print_working(out: &mut impl Write, d: &Deadline, indent: &str) -> std::io::Result<()> {
    let e = &d.explanation;
    if let Some(rule) = &e.rule {
        writeln!(out, "{indent}rule: {rule}")?;
    }
    match e.counting_from {
        Some(from) => writeln!(out, "{indent}start: {} (not counted; counting from {from})", e.start)?,
        None => writeln!(out, "{indent}start: {}", e.start)?,
    }
    writeln!(out, "{indent}working days: {}", e.working_days)?;
    if e.excluded.is_empty() {
        writeln!(out, "{indent}excluded: none")?;
    } else {
        writeln!(out, "{indent}excluded:")?;
    }
    for s in &e.excluded {
        let reason = match s.reason {
            ExcludedReason::Weekend => "weekend",
            ExcludedReason::Holiday => "holiday",
            ExcludedReason::Closure => "closure",
            ExcludedReason::Consultation => "consultation",
            _ => "other",
        };
        let name = s.name.as_ref().map(|n| format!(" {} ({})", n.zh, n.en)).unwrap_or_default();
        writeln!(out, "{indent}  {} .. {}  {reason}{name}, {} day(s)", s.from, s.to, s.days)?;
    }
    writeln!(out, "{indent}due: {}", d.due)?;
    for c in &e.basis {
        writeln!(out, "{indent}basis: {c}")?;
    }
    for n in &e.notes {
        writeln!(out, "{indent}note: {} ({})", n.zh, n.en)?;
    }
    Ok(())
}

fn run_request(
    cal: &gongkai::calendar::Calendar,
    file: &PathBuf,
    next_working_day_receipt: bool,
    overlays: &[PathBuf],
    (today, due_soon): (Option<chrono::NaiveDate>, u32),
    format: Format,
    lang: LangArg,
) -> CmdResult {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{}:{}:{}: invalid JSON: {e}", file.display(), e.line(), e.column()))?;
    // A conformance case (`{"name", "record", "expect"}`) holds its record under `record`.
    if value.get("kind").is_none()
        && let Some(record) = value.get_mut("record")
    {
        value = record.take();
    }
    let mut cat = Catalogue::embedded().clone();
    for overlay in overlays {
        cat = cat.with_overlay_file(overlay)?;
    }
    let lang = gongkai::Lang::from(lang);
    // The same call, and the same answer, as Python's `request_timeline` and the browser's.
    let options = RequestTimelineOptions::new()
        .with_lang(lang)
        .with_today(today)
        .with_due_soon_working_days(Some(due_soon))
        .with_next_working_day_receipt(next_working_day_receipt);
    let answer = facade::request_timeline_with(&cat, cal, &value, &options).map_err(|e| e.message)?;
    let (timeline, diagnostics) = (&answer.timeline, &answer.diagnostics);
    match format {
        Format::Json => print_json(&answer.to_json(lang))?,
        Format::Text => {
            let mut out = std::io::stdout().lock();
            if let Some(t) = &timeline {
                writeln!(out, "received: {}", t.received)?;
                if t.effective_received != t.received {
                    writeln!(out, "counts as received: {}", t.effective_received)?;
                }
                writeln!(out, "receipt reading: {}", t.receipt_reading.get(lang))?;
                if let Some(d) = &t.correction_notice_due {
                    writeln!(out, "correction notice due: {}", d.due)?;
                    print_working(&mut out, d, "  ")?;
                }
                match &t.reply_due {
                    Some(d) => {
                        writeln!(out, "reply due: {}", d.due)?;
                        print_provisional(&mut out, d, "  ")?;
                        print_working(&mut out, d, "  ")?;
                    }
                    None => writeln!(out, "reply due: not running (correction outstanding)")?,
                }
                if let Some(d) = &t.extended_due {
                    writeln!(out, "reply due with extension: {}", d.due)?;
                }
                if let Some(reply) = t.reply_date {
                    let verdict = match t.reply_in_time {
                        Some(true) => "in time",
                        Some(false) => "LATE",
                        None => "",
                    };
                    writeln!(out, "replied: {reply} {verdict}")?;
                }
                if let Some(c) = &t.clock {
                    let state = serde_json::to_value(c.state).ok().and_then(|v| v.as_str().map(str::to_owned));
                    writeln!(
                        out,
                        "clock on {}: {} working day(s) elapsed, {} left until {} ({})",
                        c.on,
                        c.working_days_elapsed,
                        c.working_days_left,
                        c.limit,
                        state.unwrap_or_default()
                    )?;
                }
            }
            for d in diagnostics {
                writeln!(out, "{}: {} at `{}`: {}", d.severity, d.code, d.path, d.message.get(lang))?;
            }
        }
    }
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
