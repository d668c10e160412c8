//! `gongkai fee --pieces N | --pages N`: the information processing fee (国办函〔2020〕109号) with its working.

use std::io::Write;
use std::process::ExitCode;

use gongkai::facade::{self, FeeQuery};

use crate::output::{CmdResult, Format, print_json};

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("count").required(true).args(["pieces", "pages"])))]
pub struct Args {
    /// Pieces this applicant requested in the natural month (cumulative, this request included).
    #[arg(long)]
    pieces: Option<u64>,
    /// Pages provided for the request.
    #[arg(long)]
    pages: Option<u64>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: Args) -> CmdResult {
    let fee = match (args.pieces, args.pages) {
        (Some(n), None) => facade::fee(FeeQuery::Pieces(n)),
        (None, Some(n)) => facade::fee(FeeQuery::Pages(n)),
        _ => return Err("give one of --pieces or --pages: a request is charged by one standard, never both".into()),
    };
    match args.format {
        Format::Json => print_json(&fee)?,
        Format::Text => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}", fee.amount)?;
            writeln!(out, "{} {}: {} yuan 元", fee.units, fee.unit, fee.amount)?;
            for b in &fee.bands {
                writeln!(out, "  {:>6}–{:<6} {:>6} × {:>6} = {}", b.from, b.to, b.units, b.yuan_each, b.subtotal)?;
            }
            for c in &fee.basis {
                writeln!(out, "basis: {c}")?;
            }
            for n in &fee.notes {
                writeln!(out, "note: {} ({})", n.zh, n.en)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
