//! `gongkai calendar` (placeholder until its issue lands).

use crate::output::{CmdResult, not_available};

#[derive(clap::Args)]
pub struct Args {
    /// Arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

pub fn run(_args: Args) -> CmdResult {
    not_available("calendar")
}
