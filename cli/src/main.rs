//! `gongkai`: check publication records against the PRC disclosure rules, and query the
//! catalogues, grounds, calendar, deadlines and fees from the command line.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod config;
mod output;

/// Records are read on one thread, checked on others and freed on the printing thread: mimalloc
/// handles such cross-thread frees without glibc's arena locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay`: its place in mimalloc 3's `mi_option_t` (libmimalloc-sys 0.1.49
/// declares no constant for it; the Python binding's purge.rs uses the same one).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep what the process frees for reuse instead of handing it back to the OS (unless the
/// environment sets `MIMALLOC_PURGE_DELAY`). `check` frees every chunk's records and results
/// and allocates the next chunk's: with mimalloc's default delay the freed pages went back to
/// the OS and came again as fresh (transparent huge) pages the kernel zeroes: up to an eighth
/// of a 100,000-record JSONL run's samples, and 480–4,200 page faults a run (8 Dec, busy
/// machine) against 400–500 kept. A run's memory is bounded by its chunks, so what is kept is
/// at most what it already used.
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: mimalloc's options may be set at any time, from any thread.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
    }
}

#[derive(Parser)]
#[command(name = "gongkai", version, about = "PRC public-information disclosure rules: catalogues, grounds, deadlines, checks", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check publication and request records (JSON, JSONL, folders, `-` for stdin).
    Check(cmd::check::Args),
    /// List every diagnostic code with its severity, citation and an example.
    Codes(cmd::codes::Args),
    /// Query and lint catalogue templates and overlays.
    #[command(subcommand)]
    Catalogue(cmd::catalogue::Command),
    /// Exemption grounds (不予公开情形).
    #[command(subcommand)]
    Grounds(cmd::grounds::Command),
    /// Print a JSON Schema: record, template, overlay, or an item's content elements.
    Schema(cmd::schema::Args),
    /// Day kinds on the PRC working-day calendar.
    Calendar(cmd::calendar::Args),
    /// Compute a deadline in working days, with its working.
    Deadline(cmd::deadline::Args),
    /// Information processing fees (信息处理费).
    Fee(cmd::fee::Args),
    /// Scan text for unredacted personal data and classification markings.
    Scan(cmd::scan::Args),
    /// Mask personal data in a text.
    Redact(cmd::redact::Args),
    /// Audit an institution's records for a period: coverage, timeliness, rectification list.
    Audit(cmd::audit::Args),
    /// Check or build an annual report (政府信息公开工作年度报告).
    #[command(subcommand)]
    Report(cmd::report::Command),
    /// Website and new-media inspection (政府网站与政务新媒体检查), and 条例 Art 44 candidates.
    #[command(subcommand)]
    Site(cmd::site::Command),
}

/// Die quietly like other Unix tools when the reader of our output goes away
/// (`gongkai … | head`), instead of panicking on a broken pipe.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal disposition to its default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    restore_sigpipe();
    keep_freed_memory();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(a) => cmd::check::run(a),
        Command::Codes(a) => cmd::codes::run(a),
        Command::Catalogue(c) => cmd::catalogue::run(c),
        Command::Grounds(c) => cmd::grounds::run(c),
        Command::Schema(a) => cmd::schema::run(a),
        Command::Calendar(a) => cmd::calendar::run(a),
        Command::Deadline(a) => cmd::deadline::run(a),
        Command::Fee(a) => cmd::fee::run(a),
        Command::Scan(a) => cmd::scan::run(a),
        Command::Redact(a) => cmd::redact::run(a),
        Command::Audit(a) => cmd::audit::run(a),
        Command::Report(c) => cmd::report::run(c),
        Command::Site(c) => cmd::site::run(c),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            anstream::eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
