//! `gongkai grounds list|show ID`.

use std::process::ExitCode;

use gongkai::Catalogue;
use gongkai::Nature;

use crate::output::{CmdResult, Format, print_json};

#[derive(clap::Subcommand)]
pub enum Command {
    /// List every exemption ground.
    List {
        /// Only grounds available to this institution kind.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Show one ground in full.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

fn nature_label(n: Nature) -> &'static str {
    match n {
        Nature::Absolute => "absolute 绝对不予公开",
        Nature::Qualified => "qualified 附条件不予公开",
        Nature::Discretionary => "discretionary 可以不予公开",
        _ => "other",
    }
}

pub fn run(c: Command) -> CmdResult {
    let cat = Catalogue::embedded();
    match c {
        Command::List { kind, format } => {
            let grounds = gongkai::facade::grounds_with(cat, kind.as_deref()).map_err(|e| e.message)?;
            match format {
                Format::Json => print_json(&grounds)?,
                Format::Text => {
                    for g in grounds {
                        let basis: Vec<String> = g.basis.iter().map(|b| b.to_string()).collect();
                        println!("{:<40} {:<28} {}", g.id, nature_label(g.nature), g.title.zh);
                        println!("{:<40} {:<28} {}", "", "", g.title.en);
                        println!("{:<40} {:<28} {}", "", "", basis.join("；"));
                    }
                }
            }
        }
        Command::Show { id, format } => {
            let g = gongkai::facade::ground_with(cat, &id)
                .map_err(|e| format!("{}: `gongkai grounds list` shows the ids", e.message))?;
            match format {
                Format::Json => print_json(g)?,
                Format::Text => {
                    println!("{}  {}", g.id, g.title.zh);
                    println!("  {}", g.title.en);
                    println!("  nature 性质: {}", nature_label(g.nature));
                    println!("  kinds 适用机构: {}", g.kinds.join(", "));
                    for b in &g.basis {
                        println!("  basis 依据: {b}");
                    }
                    for (label, list) in [
                        ("conditions 条件", &g.conditions),
                        ("exceptions 例外", &g.exceptions),
                        ("decision must state 决定应载明", &g.decision_must_state),
                    ] {
                        for t in list.iter() {
                            println!("  {label}: {} / {}", t.zh, t.en);
                        }
                    }
                    if let Some(row) = &g.report_row {
                        println!("  annual-report row 年报统计行: {row}");
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
