//! `gongkai calendar DATE... | --year Y`: day kinds on the PRC working-day calendar.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use gongkai::calendar::Calendar;
use gongkai::facade::{self, DayAnswer};
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
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
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

#[derive(clap::Subcommand)]
enum Command {
    /// Read the text of a State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知)
    /// and write the year file `--calendar FILE` loads. A notice that cannot be read (a holiday
    /// missing, dates out of order, a make-up day not on a weekend) is an error naming the line;
    /// one that leaves a statutory day of the 放假办法 out is refused.
    Import {
        /// The notice's text (UTF-8), as copied from gov.cn.
        notice: PathBuf,
        /// Where to write the year file (default: stdout).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// The notice's address, cited in the year file.
        #[arg(long, default_value = "")]
        url: String,
    },
}

/// The year file as YAML, in the layout of catalogues/calendar/YYYY.yaml.
fn year_yaml(y: &gongkai::calendar::YearFile, source: &str) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = format!("# Imported by `gongkai calendar import` from {source}.\ncovers: {}\nnotices:\n", y.covers);
    for n in &y.notices {
        out.push_str(&format!("  - title: {}\n    url: {}\n", q(&n.title), q(&n.url)));
    }
    out.push_str("holidays:\n");
    for h in &y.holidays {
        out.push_str(&format!(
            "  - id: {}\n    name: {{zh: {}, en: {}}}\n    off:\n",
            h.id,
            q(&h.name.zh),
            q(&h.name.en)
        ));
        for r in &h.off {
            out.push_str(&format!("      - {{from: {}, to: {}}}\n", r.from, r.to));
        }
        if !h.makeup_working_days.is_empty() {
            let days: Vec<String> = h.makeup_working_days.iter().map(ToString::to_string).collect();
            out.push_str(&format!("    makeup_working_days: [{}]\n", days.join(", ")));
        }
    }
    out
}

fn import(notice: &PathBuf, output: Option<&PathBuf>, url: &str) -> CmdResult {
    let name = notice.display().to_string();
    let text = std::fs::read_to_string(notice).map_err(|e| format!("{name}: {e}"))?;
    let year = gongkai::calendar::notice::parse_notice(&name, &text, url)?;
    let yaml = year_yaml(&year, &name);
    // Load it as `--calendar` would: the year file's own rules, and the 放假办法's statutory days.
    let cal = Calendar::embedded().with_years_from_str(&name, &yaml)?;
    match output {
        Some(path) => std::fs::write(path, &yaml).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{yaml}"),
    }
    let off: usize = year.holidays.iter().flat_map(|h| &h.off).map(|r| (r.to - r.from).num_days() as usize + 1).sum();
    let workdays: usize = year.holidays.iter().map(|h| h.makeup_working_days.len()).sum();
    let replaced =
        if Calendar::embedded().is_provisional(year.covers) { " (replaces the provisional year)" } else { "" };
    eprintln!(
        "{}: {} holidays, {off} days off, {workdays} make-up working days{replaced}; load it with --calendar FILE",
        year.covers,
        year.holidays.len()
    );
    let _ = cal;
    Ok(ExitCode::SUCCESS)
}

/// The embedded calendar (strict: without provisional years) with the `--calendar` files loaded on top.
pub fn load_calendar_from(
    files: &[PathBuf],
    strict: bool,
) -> Result<Cow<'static, Calendar>, Box<dyn std::error::Error>> {
    let mut cal = Cow::Borrowed(if strict { Calendar::embedded_strict() } else { Calendar::embedded() });
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        cal = Cow::Owned(facade::calendar_with_text(&cal, &file.display().to_string(), &text)?);
    }
    Ok(cal)
}

/// Parse a YYYY-MM-DD argument.
pub fn parse_date(s: &str) -> Result<NaiveDate, Box<dyn std::error::Error>> {
    Ok(gongkai::parse_date_strict(s)?)
}

/// A date argument the calendar cannot answer for: said on stderr (text) or in its place in
/// the answer (JSON), and the exit status is 2; the other dates are still answered.
#[derive(Serialize)]
struct BadDate<'a> {
    input: &'a str,
    error: String,
    code: &'static str,
}

/// One date argument's answer: the facade's day, or the error's message and code.
type DateAnswer = Result<DayAnswer, (String, &'static str)>;

pub fn run(args: Args) -> CmdResult {
    if let Some(Command::Import { notice, output, url }) = &args.command {
        return import(notice, output.as_ref(), url);
    }
    let cal = args.calendar.load()?;
    let dates: Vec<(Cow<'_, str>, Result<NaiveDate, String>)> = match args.year {
        Some(year) => {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| format!("no year `{year}`"))?;
            first.iter_days().take_while(|d| d.year() == year).map(|d| (Cow::Owned(d.to_string()), Ok(d))).collect()
        }
        None => {
            args.dates.iter().map(|s| (Cow::Borrowed(s.as_str()), parse_date(s).map_err(|e| e.to_string()))).collect()
        }
    };
    let answers: Vec<(&str, DateAnswer)> = dates
        .iter()
        .map(|(input, date)| {
            let answer = match date {
                Ok(d) => facade::day_on(&cal, *d).map_err(|e| (e.message, e.code)),
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
                    Ok(day) => serde_json::to_value(day),
                    Err((error, code)) => serde_json::to_value(BadDate { input, error: error.clone(), code }),
                })
                .collect::<Result<_, _>>()?;
            print_json(&out)?;
        }
        Format::Text => {
            let mut out = std::io::stdout().lock();
            for (input, a) in &answers {
                match a {
                    Ok(day) => {
                        let provisional = if day.provisional { " PROVISIONAL" } else { "" };
                        writeln!(out, "{} {}{provisional}", day.date, day.kind.as_str())?
                    }
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
            let mut years: Vec<i32> = answers
                .iter()
                .filter_map(|(_, a)| a.as_ref().ok().filter(|day| day.provisional).map(|day| day.date.year()))
                .collect();
            years.dedup();
            for year in years {
                if let Some(p) = cal.provisional_year(year) {
                    writeln!(out, "provisional {year}: {}", p.reason.en)?;
                }
            }
        }
    }
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
