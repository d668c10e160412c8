//! `gongkai redact PATH`: write a masked (or labelled, or emptied) copy of a file. Text goes to
//! `-o OUT` or standard output; a workbook, Word document or web page to `-o OUT` or beside
//! the input as `NAME.redacted.EXT`. A PDF (and .xls, .ods) is reported only, with why.
//! A summary of the changes, and anything the copy still holds, goes to standard error.
//! Exit 1 when the copy still holds something (or none could be written), 2 when the input
//! cannot be read.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use gongkai::files::{FileKind, RedactOptions, redact_file};
use gongkai::screening::RedactMode;

use super::scan::{Input, ReadArgs, error_text, kind_of, read_bytes};
use crate::output::{CmdResult, LangArg};

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum Mode {
    /// 110105********002X, 138****1234, card keeps its last four digits.
    #[default]
    Mask,
    /// [身份证号], [手机号] …
    Label,
    /// Remove the value.
    Remove,
}

#[derive(clap::Args)]
pub struct Args {
    /// File to redact; `-` reads standard input (as text unless --kind says otherwise).
    path: String,
    #[arg(long, value_enum, default_value_t = Mode::Mask)]
    mode: Mode,
    /// Write the redacted copy here (text: standard output by default; other kinds:
    /// NAME.redacted.EXT beside the input).
    #[arg(short = 'o', long = "output")]
    output: Option<String>,
    /// Take hidden sheets out of a workbook (they are redacted and reported either way).
    #[arg(long)]
    remove_hidden_sheets: bool,
    #[command(flatten)]
    read: ReadArgs,
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

fn beside(path: &str) -> String {
    let p = Path::new(path);
    let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let name = match p.extension() {
        Some(ext) => format!("{stem}.redacted.{}", ext.to_string_lossy()),
        None => format!("{stem}.redacted"),
    };
    p.with_file_name(name).to_string_lossy().into_owned()
}

pub fn run(args: Args) -> CmdResult {
    let input = if args.path == "-" {
        Input { name: "-".into(), path: None, from_folder: false }
    } else {
        Input { name: args.path.clone(), path: Some(args.path.clone().into()), from_folder: false }
    };
    let bytes = read_bytes(&input)?;
    let kind = kind_of(&input, &bytes, args.read.kind).unwrap_or(FileKind::Text);
    let mode = match args.mode {
        Mode::Mask => RedactMode::Mask,
        Mode::Label => RedactMode::Label,
        Mode::Remove => RedactMode::Remove,
    };
    let opts =
        RedactOptions::new().mode(mode).remove_hidden_sheets(args.remove_hidden_sheets).limits(args.read.limits());
    let result = redact_file(&bytes, kind, &opts).map_err(|e| error_text(&input.name, &e))?;
    let lang = gongkai::Lang::from(args.lang);
    let textual = matches!(kind, FileKind::Text | FileKind::Csv);
    if let Some(copy) = &result.bytes {
        let target = match (&args.output, textual) {
            (Some(out), _) => Some(out.clone()),
            (None, true) => None,
            (None, false) if args.path == "-" => {
                return Err("name the output with -o for a redacted copy read from stdin".into());
            }
            (None, false) => Some(beside(&args.path)),
        };
        match target {
            Some(out) => {
                std::fs::write(&out, copy).map_err(|e| format!("cannot write `{out}`: {e}"))?;
                if !textual || args.output.is_none() {
                    anstream::eprintln!("wrote {out}");
                }
            }
            None => {
                use std::io::Write;
                let mut stdout = std::io::stdout().lock();
                stdout.write_all(copy)?;
                stdout.flush()?;
            }
        }
    }
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &result.masked {
        *by_kind.entry(c.finding.kind.as_str()).or_default() += 1;
    }
    let summary: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    anstream::eprintln!(
        "{} change(s){}{}",
        result.masked.len(),
        if summary.is_empty() { "" } else { ": " },
        summary.join(", ")
    );
    if !textual {
        for f in &result.masked {
            anstream::eprintln!("  masked {} at {}", f.finding.kind, f.place);
        }
    }
    for s in &result.removed_sheets {
        anstream::eprintln!("  removed hidden sheet `{s}`");
    }
    for f in &result.remaining {
        anstream::eprintln!("  still there: {} `{}` at {}", f.finding.kind, f.finding.preview, f.place);
    }
    for n in &result.notices {
        let part = n.part.as_deref().map(|p| format!("{p}: ")).unwrap_or_default();
        anstream::eprintln!("{}: {part}{} [{}]", n.severity, n.message.get(lang), n.code);
    }
    let incomplete = !result.remaining.is_empty() || result.bytes.is_none();
    Ok(if incomplete { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
