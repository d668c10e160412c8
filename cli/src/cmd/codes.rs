//! `gongkai codes`: every diagnostic code with its severity, citation and an example.

use std::process::ExitCode;

use crate::output::{CmdResult, Format, print_json};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Only codes of one area: `catalogue`, `check`, `input`, `request`, `screening`, `report`.
    #[arg(long)]
    area: Option<String>,
}

pub fn run(args: Args) -> CmdResult {
    let codes = gongkai::facade::codes_with(args.area.as_deref());
    match args.format {
        Format::Json => print_json(&codes)?,
        Format::Text => {
            for c in codes {
                println!("{:<44} {:<8} {}", c.code, c.severity, c.summary_zh);
                println!("{:<44} {:<8} {}", "", "", c.summary_en);
                if !c.basis.is_empty() {
                    println!("{:<44} {:<8} 依据 basis: {}", "", "", c.basis);
                }
                if !c.example.is_empty() {
                    println!("{:<44} {:<8} 示例 example: {}", "", "", c.example.replace('\n', "⏎"));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
