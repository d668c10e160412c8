//! `gongkai calendar DATE... | --year Y`: day kinds on the PRC working-day calendar.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use gongkai::calendar::{Calendar, DayKind};
use serde::Serialize;

use crate::output::{CmdResult, Format, print_json};

/// The calendar options of every command that computes dates.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct CalendarArgs {
    /// A further year file (a State Council notice, e.g. from `gongkai calendar import`) or an
    /// institution's closures; repeatable. A loaded notice replaces a provisional year.
    #[arg(long = "calendar", value_name = "FILE", global = true)]
    pub calendars: Vec<PathBuf>,
    /// Refuse provisional years (derived from the 放假办法 before the year's notice is out): a
    /// date in a year with no notice loaded is an error, as before provisional years existed.
    #[arg(long, global = true)]
    pub strict_calendar: bool,
}

impl CalendarArgs {
    pub fn load(&self) -> Result<Cow<'static, Calendar>, Box<dyn std::error::Error>> {
        load_calendar_from(&self.calendars, self.strict_calendar)
    }
}

#[derive(clap::Args)]
#[command(after_help = "2007–2026 are built in from the State Council notices; the ten years after are \
                       provisional (statutory days from the 放假办法, no 调休), marked as such; other \
                       years exit with status 2. --strict-calendar refuses provisional years; load a \
                       notice with --calendar FILE (see `gongkai calendar import`, docs/calendar.md).")]
pub struct Args {
    /// Dates as YYYY-MM-DD.
    #[arg(required_unless_present = "year")]
    dates: Vec<String>,
    /// Every day of a year instead.
    #[arg(long, conflicts_with = "dates")]
    year: Option<i32>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    calendar: CalendarArgs,
}

/// The embedded calendar (strict: without provisional years) with the `--calendar` files loaded on top.
pub fn load_calendar_from(
    files: &[PathBuf],
    strict: bool,
) -> Result<Cow<'static, Calendar>, Box<dyn std::error::Error>> {
    let mut cal = Cow::Borrowed(if strict { Calendar::embedded_strict() } else { Calendar::embedded() });
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
    /// The year has no notice loaded: the day is derived from the 放假办法.
    provisional: bool,
}

pub fn run(args: Args) -> CmdResult {
    let cal = args.calendar.load()?;
    let dates: Vec<NaiveDate> = match args.year {
        Some(year) => {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| format!("no year `{year}`"))?;
            first.iter_days().take_while(|d| d.year() == year).collect()
        }
        None => args.dates.iter().map(|s| parse_date(s)).collect::<Result<_, _>>()?,
    };
    let kinds: Vec<DayKind> = dates.iter().map(|d| cal.day_kind(*d)).collect::<Result<_, _>>()?;
    match args.format {
        Format::Json => {
            let out: Vec<DayOut> = dates
                .iter()
                .zip(&kinds)
                .map(|(d, k)| DayOut {
                    date: *d,
                    working_day: k.is_working_day(),
                    kind: k.as_str(),
                    name: k.name(),
                    provisional: cal.is_provisional(d.year()),
                })
                .collect();
            print_json(&out)?;
        }
        Format::Text => {
            let mut out = std::io::stdout().lock();
            for (d, k) in dates.iter().zip(&kinds) {
                let provisional = if cal.is_provisional(d.year()) { " PROVISIONAL" } else { "" };
                writeln!(out, "{d} {}{provisional}", k.as_str())?;
            }
            let mut years: Vec<i32> = dates.iter().map(|d| d.year()).filter(|y| cal.is_provisional(*y)).collect();
            years.dedup();
            for year in years {
                if let Some(p) = cal.provisional_year(year) {
                    writeln!(out, "provisional {year}: {}", p.reason.en)?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
