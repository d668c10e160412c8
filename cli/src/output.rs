//! Shared output options and helpers for the commands.

use std::io::Write;

use clap::ValueEnum;
use gongkai::Lang;

/// Output format for most commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// Message language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LangArg {
    #[default]
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// A command's failure: printed as `error: …` with exit code 2.
pub type CmdResult = Result<std::process::ExitCode, Box<dyn std::error::Error>>;

/// Print a JSON value, pretty, to stdout.
pub fn print_json(value: &impl serde::Serialize) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}
