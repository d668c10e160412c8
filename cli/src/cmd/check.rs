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

use crate::config::{Config, FailOn};
use crate::output::{CmdResult, LangArg};
use gongkai::facade::{CheckRequestOptions, PreparedCheck};
use gongkai::sources::{self as input, Payload, Unit};
use gongkai::{Baseline, Filter};

mod attachments;
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
    /// Message language [default: zh].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Local catalogue overlays (YAML) applied on top of the embedded catalogues.
    #[arg(long, value_name = "FILE")]
    overlay: Vec<String>,
    /// Report only these codes: codes, prefixes (`screening`, `request_fee`), areas (`check`) or
    /// `ALL`; comma-separated or repeated. Replaces the config file's `select`.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not report these codes (as for --select); added to the config file's `ignore`.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Report only findings not in this earlier `gongkai check --format json` output.
    #[arg(long, value_name = "FILE")]
    baseline: Option<std::path::PathBuf>,
    /// Print how many findings each code has instead of each finding (text); JSON adds a
    /// `statistics` list.
    #[arg(long)]
    statistics: bool,
    /// The least severe finding that makes the exit status 1 [default: error].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOn>,
    /// Settings file (default: the nearest gongkai.toml, or pyproject.toml with [tool.gongkai]).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<std::path::PathBuf>,
    /// Ignore any gongkai.toml / pyproject.toml settings.
    #[arg(long)]
    no_config: bool,
    /// Check records without a `published` date against this date (YYYY-MM-DD): overdue items.
    #[arg(long, value_name = "DATE", value_parser = gongkai::parse_date_strict)]
    today: Option<NaiveDate>,
    /// Report members the record format does not define (`publish_date` for `published`) as
    /// errors, not warnings.
    #[arg(long)]
    strict_members: bool,
    /// Do not screen text for personal data and classification markings.
    #[arg(long)]
    no_screening: bool,
    /// Read attachment files (`"path"`) even where the path leads outside the folder being
    /// checked (by default such paths are refused: records are data, and should not steer the
    /// checker to files that are not part of the export).
    #[arg(long)]
    allow_outside_attachments: bool,
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
    /// Index within a `.json` array.
    pub index: Option<usize>,
    /// The record's text when it was read as one (a JSON Lines line), kept for SARIF regions.
    pub text: Option<String>,
    /// The whole document read from stdin (a record or an array), kept for SARIF regions.
    pub document: Option<std::sync::Arc<str>>,
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
    /// Findings left out because the baseline knows them.
    pub baselined: u64,
    /// Findings per code (`--statistics`), by code.
    pub by_code: std::collections::BTreeMap<&'static str, (Severity, u64)>,
}

pub fn run(mut args: Args) -> CmdResult {
    let config = if args.no_config {
        Config::default()
    } else {
        Config::discover(&std::env::current_dir()?, args.config.as_deref())?
    };
    if args.statistics && args.format == CheckFormat::Sarif {
        return Err("--statistics works with --format text or json".into());
    }
    let select: Vec<String> = if args.select.is_empty() { config.select.clone() } else { args.select.clone() };
    let ignore: Vec<String> = config.ignore.iter().chain(&args.ignore).cloned().collect();
    let lang: Lang = args.lang.or(config.lang).unwrap_or_default().into();
    let no_screening = args.no_screening || config.no_screening.unwrap_or(false);
    // The same options type, and the same filter, as Python's and the browser's `check`.
    let request = CheckRequestOptions::new()
        .with_lang(lang)
        .with_today(args.today)
        .with_skip_screening(no_screening)
        .with_strict_members(args.strict_members)
        .with_select(select)
        .with_ignore(ignore);
    let PreparedCheck { options: mut opts, filter, .. } = request.prepare().map_err(|e| {
        // A selector from the settings file is named with the file.
        let from_flags = args
            .select
            .iter()
            .chain(&args.ignore)
            .any(|s| e.message.starts_with(&format!("unknown code or prefix `{s}`")));
        match &config.file {
            Some(f) if !from_flags => format!("{}: {}", f.display(), e.message),
            _ => e.message,
        }
    })?;
    let mut baseline = match args.baseline.as_ref().or(config.baseline.as_ref()) {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            Some(Baseline::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or_default();
    let overlays = config.overlays.iter().map(|p| p.display().to_string()).chain(std::mem::take(&mut args.overlay));
    let mut cat = Catalogue::embedded().clone();
    for path in overlays {
        cat = cat.with_overlay_file(&path)?;
    }
    let checker = Checker::new(&cat);
    let mut calendar = args.calendar.clone();
    calendar.calendars.splice(0..0, config.calendars.iter().cloned());
    calendar.strict_calendar |= config.strict_calendar.unwrap_or(false);
    if !calendar.calendars.is_empty() || calendar.strict_calendar {
        opts = opts.with_calendar(calendar.load()?.into_owned());
    }

    let expanded = input::expand_paths(&args.paths);
    if let Some(message) = expanded.nothing_to_read(&args.paths) {
        return Err(message.into());
    }
    if let Some(note) = expanded.skipped_note() {
        anstream::eprintln!("note: {note}");
    }
    let input::Expanded { sources, missing, .. } = expanded;
    let attached = attachments::AttachmentReader::new(&args.paths, args.allow_outside_attachments, !args.no_screening);
    // Text goes through anstream (colours on a terminal, stripped elsewhere); JSON and SARIF hold
    // no escape codes, and scanning every byte of them for one cost a sixth of a SARIF run.
    let sink: Box<dyn Write> = match args.format {
        CheckFormat::Text => Box::new(anstream::stdout().lock()),
        _ => Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    };
    let mut out = render::Renderer::new(sink, args.format, lang, args.verbose, args.statistics);
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
            index: None,
            text: None,
            document: None,
        };
        tally(&mut summary, &o, args.statistics);
        out.record(&o)?;
    }
    let progress = progress_bar(&sources);
    // Three stages overlap: a reader thread reads chunks of records, a checker thread checks each
    // chunk on every core, and this thread prints them, in input order. The channels hold one
    // chunk each, so memory stays bounded however large the input.
    let (chunks_tx, chunks_rx) = std::sync::mpsc::sync_channel::<Vec<Unit>>(1);
    let (checked_tx, checked_rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
    let (checker, opts, filter, attached) = (&checker, &opts, &filter, &attached);
    let keep_text = args.format == CheckFormat::Sarif;
    let statistics = args.statistics;
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
                let outcomes: Vec<Outcome> =
                    chunk.into_par_iter().map(|u| evaluate(checker, u, opts, filter, attached, keep_text)).collect();
                if checked_tx.send(outcomes).is_err() {
                    return;
                }
            }
        });
        for outcomes in checked_rx {
            let n = outcomes.len() as u64;
            for mut o in outcomes {
                // A file that cannot be opened or read is a usage problem (exit 2), the rest still checked.
                unreadable |= o.diagnostics.iter().any(|d| d.code == codes::INPUT_UNREADABLE.code);
                if let Some(b) = baseline.as_mut() {
                    summary.baselined += b.take(&o.file, &o.source, &o.id, &mut o.diagnostics) as u64;
                }
                tally(&mut summary, &o, statistics);
                out.record(&o)?;
            }
            if let Some(p) = &progress {
                p.inc(n);
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
    let failing = match fail_on {
        FailOn::Error => summary.errors,
        FailOn::Warning => summary.errors + summary.warnings,
        FailOn::Info => summary.errors + summary.warnings + summary.infos,
        FailOn::Never => 0,
    };
    Ok(if unreadable {
        ExitCode::from(2)
    } else if failing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn evaluate(
    checker: &Checker<'_>,
    unit: Unit,
    opts: &CheckOptions,
    filter: &Filter,
    attached: &attachments::AttachmentReader,
    keep_text: bool,
) -> Outcome {
    let (id, mut diagnostics) = unit.check(checker, opts);
    diagnostics.extend(attached.check(&unit));
    match &unit.payload {
        Payload::Text(text) => filter.apply_text(text, &mut diagnostics),
        Payload::Value(record) => filter.apply(Some(record), &mut diagnostics),
        _ => filter.apply(None, &mut diagnostics),
    }
    // Messages are written out when read; read them here, on every core, not in the printer.
    for d in &diagnostics {
        d.prepare(opts.lang);
    }
    let Unit { source, file, line, index, payload, document, .. } = unit;
    let text = match payload {
        Payload::Text(text) if keep_text && !diagnostics.is_empty() => Some(text),
        _ => None,
    };
    let document = document.filter(|_| keep_text && !diagnostics.is_empty());
    Outcome { source, file, line, id, diagnostics, index, text, document }
}

/// Count `o` in the summary; per code too with `--statistics` (a map lookup per finding, which
/// runs without it do not pay).
fn tally(s: &mut Summary, o: &Outcome, by_code: bool) {
    s.records += 1;
    s.unreadable += u64::from(o.diagnostics.iter().any(|d| d.code.starts_with("input_")));
    for d in &o.diagnostics {
        if by_code {
            s.by_code.entry(d.code).or_insert((d.severity, 0)).1 += 1;
        }
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
    let bytes: u64 = sources.iter().map(|s| s.size().unwrap_or(u64::MAX / 4)).fold(0, u64::saturating_add);
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
