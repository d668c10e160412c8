//! `gongkai redact PATH`: mask (or label, or remove) the personal data in a text. Writes the
//! result to `-o OUT` or standard output and a summary of the changes to standard error.

use std::collections::BTreeMap;
use std::process::ExitCode;

use clap::ValueEnum;
use gongkai::screening::{RedactMode, redact};

use super::scan::read_utf8;
use crate::output::CmdResult;

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
    /// File to redact (UTF-8 text); `-` reads standard input.
    path: String,
    #[arg(long, value_enum, default_value_t = Mode::Mask)]
    mode: Mode,
    /// Write the redacted text here instead of standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<String>,
}

pub fn run(args: Args) -> CmdResult {
    let text = read_utf8(&args.path)?;
    let mode = match args.mode {
        Mode::Mask => RedactMode::Mask,
        Mode::Label => RedactMode::Label,
        Mode::Remove => RedactMode::Remove,
    };
    let result = redact(&text, mode);
    match &args.output {
        Some(out) => std::fs::write(out, &result.text).map_err(|e| format!("cannot write `{out}`: {e}"))?,
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(result.text.as_bytes())?;
            stdout.flush()?;
        }
    }
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &result.changes {
        *by_kind.entry(c.kind.as_str()).or_default() += 1;
    }
    let summary: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    anstream::eprintln!(
        "{} change(s){}{}",
        result.changes.len(),
        if summary.is_empty() { "" } else { ": " },
        summary.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}
