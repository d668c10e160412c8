//! `gongkai report` (placeholder until its issue lands).

use crate::output::{CmdResult, not_available};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Check an annual report's tables.
    Check {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        rest: Vec<String>,
    },
}

pub fn run(_c: Command) -> CmdResult {
    not_available("report")
}
