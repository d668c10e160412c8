//! `gongkai calendar DATE... | --year Y`: day kinds on the PRC working-day calendar.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use gongkai::calendar::{Calendar, DayKind};
use serde::Serialize;

use crate::output::{CmdResult, Format, print_json};

#[derive(clap::Args)]
#[command(after_help = "A date outside the years with data (2007–2026 built in) exits with status 2; \
                       load a newer notice with --calendar FILE (format: docs/calendar.md).")]
pub struct Args {
    /// Dates as YYYY-MM-DD.
    #[arg(required_unless_present = "year")]
    dates: Vec<String>,
    /// Every day of a year instead.
    #[arg(long, conflicts_with = "dates")]
    year: Option<i32>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// A further year file (a new State Council notice) or an institution's closures; repeatable.
    #[arg(long = "calendar", value_name = "FILE")]
    calendars: Vec<PathBuf>,
}

/// The embedded calendar with the `--calendar` files loaded on top.
pub fn load_calendar(files: &[PathBuf]) -> Result<Cow<'static, Calendar>, Box<dyn std::error::Error>> {
    let mut cal = Cow::Borrowed(Calendar::embedded());
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        cal = Cow::Owned(cal.with_file_str(&file.display().to_string(), &text)?);
    }
    Ok(cal)
}

/// Parse a YYYY-MM-DD argument.
pub fn parse_date(s: &str) -> Result<NaiveDate, Box<dyn std::error::Error>> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)").into())
}

#[derive(Serialize)]
struct DayOut<'a> {
    date: NaiveDate,
    working_day: bool,
    kind: &'static str,
    name: Option<&'a gongkai::Text>,
}

/// A date argument the calendar cannot answer for: said on stderr (text) or in its place in
/// the answer (JSON), and the exit status is 2; the other dates are still answered.
#[derive(Serialize)]
struct BadDate<'a> {
    input: &'a str,
    error: String,
    code: &'static str,
}

pub fn run(args: Args) -> CmdResult {
    let cal = load_calendar(&args.calendars)?;
    let dates: Vec<(Cow<'_, str>, Result<NaiveDate, String>)> = match args.year {
        Some(year) => {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| format!("no year `{year}`"))?;
            first.iter_days().take_while(|d| d.year() == year).map(|d| (Cow::Owned(d.to_string()), Ok(d))).collect()
        }
        None => {
            args.dates.iter().map(|s| (Cow::Borrowed(s.as_str()), parse_date(s).map_err(|e| e.to_string()))).collect()
        }
    };
    let answers: Vec<(&str, Result<(NaiveDate, DayKind), (String, &'static str)>)> = dates
        .iter()
        .map(|(input, date)| {
            let answer = match date {
                Ok(d) => cal.day_kind(*d).map(|k| (*d, k)).map_err(|e| (e.to_string(), gongkai::Error::from(e).code())),
                Err(e) => Err((e.clone(), "invalid_date")),
            };
            (input.as_ref(), answer)
        })
        .collect();
    let failed = answers.iter().any(|(_, a)| a.is_err());
    match args.format {
        Format::Json => {
            let out: Vec<serde_json::Value> = answers
                .iter()
                .map(|(input, a)| match a {
                    Ok((d, k)) => serde_json::to_value(DayOut {
                        date: *d,
                        working_day: k.is_working_day(),
                        kind: k.as_str(),
                        name: k.name(),
                    }),
                    Err((error, code)) => serde_json::to_value(BadDate { input, error: error.clone(), code }),
                })
                .collect::<Result<_, _>>()?;
            print_json(&out)?;
        }
        Format::Text => {
            let mut out = std::io::stdout().lock();
            for (input, a) in &answers {
                match a {
                    Ok((d, k)) => writeln!(out, "{d} {}", k.as_str())?,
                    Err((error, code)) => {
                        out.flush()?;
                        // A date that does not parse is named by its message already.
                        if *code == "invalid_date" {
                            eprintln!("error: {error}");
                        } else {
                            eprintln!("error: `{input}`: {error}");
                        }
                    }
                }
            }
        }
    }
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
