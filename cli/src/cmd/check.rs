//! `gongkai check PATH... [--format text|json|sarif] [--lang zh|en] [--overlay FILE]...`
//!
//! Records are read as a stream, checked in bounded chunks on every core, and printed in input
//! order, so memory stays flat on large JSON Lines files.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ValueEnum;
use gongkai::check::{CheckOptions, Checker, codes};
use gongkai::{Catalogue, Diagnostic, Lang, Severity};
use rayon::prelude::*;

use crate::output::{CmdResult, LangArg};
use gongkai::check::sources::{self as input, Unit};

pub(crate) mod render;

/// Records checked together on the thread pool; with at most five chunks alive (read, queued,
/// checked, queued, printed), this bounds memory.
const CHUNK: usize = 1024;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Readable findings, coloured on a terminal.
    #[default]
    Text,
    /// One JSON document: `{"results": [...], "summary": {...}}`.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

#[derive(clap::Args)]
pub struct Args {
    /// `.json` files (one record or an array), `.jsonl` files (a record a line), folders, or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    #[arg(long, value_enum, default_value_t)]
    format: CheckFormat,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Local catalogue overlays (YAML) applied on top of the embedded catalogues.
    #[arg(long, value_name = "FILE")]
    overlay: Vec<String>,
    /// Check records without a `published` date against this date (YYYY-MM-DD): overdue items.
    #[arg(long, value_name = "DATE", value_parser = gongkai::record::parse_date_strict)]
    today: Option<NaiveDate>,
    /// Report members the record format does not define (`publish_date` for `published`) as
    /// errors, not warnings.
    #[arg(long)]
    strict_members: bool,
    /// Do not screen text for personal data and classification markings.
    #[arg(long)]
    no_screening: bool,
    /// Also list records with no findings (text format).
    #[arg(long, short)]
    verbose: bool,
    #[command(flatten)]
    calendar: super::calendar::CalendarArgs,
}

/// The result for one record.
pub struct Outcome {
    pub source: String,
    pub file: String,
    pub line: Option<usize>,
    pub id: serde_json::Value,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Default)]
pub struct Summary {
    /// Results: records checked and inputs reported unreadable.
    pub records: u64,
    /// Results with an input problem (`input_*`: not UTF-8, invalid JSON, empty, too large …).
    pub unreadable: u64,
    /// Lines of JSON Lines read, and how many of them were blank (JSON whitespace only).
    pub lines: u64,
    pub blank_lines: u64,
    pub errors: u64,
    pub warnings: u64,
    pub infos: u64,
}

pub fn run(args: Args) -> CmdResult {
    let mut cat = Catalogue::embedded().clone();
    for path in &args.overlay {
        cat = cat.with_overlay_file(path)?;
    }
    let checker = Checker::new(&cat);
    let lang: Lang = args.lang.into();
    let mut opts = CheckOptions::default()
        .with_lang(lang)
        .with_skip_screening(args.no_screening)
        .with_strict_members(args.strict_members);
    opts.today = args.today;
    if !args.calendar.calendars.is_empty() || args.calendar.strict_calendar {
        opts = opts.with_calendar(args.calendar.load()?.into_owned());
    }

    let (sources, missing) = input::expand(&args.paths);
    // Text goes through anstream (colours on a terminal, stripped elsewhere); JSON and SARIF hold
    // no escape codes, and scanning every byte of them for one cost a sixth of a SARIF run.
    let sink: Box<dyn Write> = match args.format {
        CheckFormat::Text => Box::new(anstream::stdout().lock()),
        _ => Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    };
    let mut out = render::Renderer::new(sink, args.format, lang, args.verbose);
    out.begin()?;
    let mut summary = Summary::default();
    let mut unreadable = false;
    for (path, e) in &missing {
        unreadable = true;
        let o = Outcome {
            source: path.clone(),
            file: path.clone(),
            line: None,
            id: serde_json::Value::Null,
            diagnostics: vec![input::unreadable(path, e)],
        };
        tally(&mut summary, &o);
        out.record(&o)?;
    }
    let progress = progress_bar(&sources);
    // Three stages overlap: a reader thread reads chunks of records, a checker thread checks each
    // chunk on every core, and this thread prints them, in input order. The channels hold one
    // chunk each, so memory stays bounded however large the input.
    let (chunks_tx, chunks_rx) = std::sync::mpsc::sync_channel::<Vec<Unit>>(1);
    let (checked_tx, checked_rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
    let (checker, opts) = (&checker, &opts);
    std::thread::scope(|scope| -> Result<(), Box<dyn std::error::Error>> {
        let reader = scope.spawn(move || {
            let mut units = input::read_all(sources);
            loop {
                let chunk: Vec<Unit> = units.by_ref().take(CHUNK).collect();
                // A closed channel: printing stopped (e.g. a closed pipe); stop reading.
                if chunk.is_empty() || chunks_tx.send(chunk).is_err() {
                    break;
                }
            }
            units.line_counts()
        });
        scope.spawn(move || {
            for chunk in chunks_rx {
                let outcomes: Vec<Outcome> = chunk.into_par_iter().map(|u| evaluate(checker, u, opts)).collect();
                if checked_tx.send(outcomes).is_err() {
                    return;
                }
            }
        });
        for outcomes in checked_rx {
            for o in &outcomes {
                // A file that cannot be opened or read is a usage problem (exit 2), the rest still checked.
                unreadable |= o.diagnostics.iter().any(|d| d.code == codes::INPUT_UNREADABLE.code);
                tally(&mut summary, o);
                out.record(o)?;
            }
            if let Some(p) = &progress {
                p.inc(outcomes.len() as u64);
            }
        }
        if let Ok(counts) = reader.join() {
            summary.lines = counts.lines;
            summary.blank_lines = counts.blank;
        }
        Ok(())
    })?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    out.end(&summary)?;
    Ok(if unreadable {
        ExitCode::from(2)
    } else if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn evaluate(checker: &Checker<'_>, unit: Unit, opts: &CheckOptions) -> Outcome {
    let (id, diagnostics) = unit.check(checker, opts);
    // Messages are written out when read; read them here, on every core, not in the printer.
    for d in &diagnostics {
        d.prepare(opts.lang);
    }
    let Unit { source, file, line, .. } = unit;
    Outcome { source, file, line, id, diagnostics }
}

fn tally(s: &mut Summary, o: &Outcome) {
    s.records += 1;
    s.unreadable += u64::from(o.diagnostics.iter().any(|d| d.code.starts_with("input_")));
    for d in &o.diagnostics {
        match d.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            _ => s.infos += 1,
        }
    }
}

/// A record counter on stderr, for runs over large inputs on a terminal.
fn progress_bar(sources: &[input::Source]) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bytes: u64 = sources.iter().map(|s| s.len().unwrap_or(u64::MAX / 4)).fold(0, u64::saturating_add);
    if bytes < 8 << 20 {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {human_pos} records checked ({per_sec})") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(bar)
}

/// Flush helper shared by the renderers.
pub(crate) fn flush(w: &mut impl Write) -> std::io::Result<()> {
    w.flush()
}
