//! Errors for input that cannot be used at all (unreadable files, malformed YAML or JSON).
//! Problems *in* a well-formed record are diagnostics, not errors.

use std::fmt;

/// Where in a source a problem is: file, line and column (1-based), and the key or JSON pointer.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// A key path or JSON pointer, e.g. `/items/3/id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(path) = &self.path {
            write!(f, " (at `{path}`)")?;
        }
        Ok(())
    }
}

/// The crate's error type.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A YAML catalogue file could not be parsed into the model.
    #[error("{location}: invalid catalogue data: {message}")]
    Yaml { location: Location, message: String },
    /// A JSON input could not be parsed.
    #[error("{location}: invalid JSON: {message}")]
    Json { location: Location, message: String },
    /// Catalogue data is well-formed but breaks a rule (duplicate ids, missing parent, …).
    #[error("{location}: {message}")]
    Catalogue { code: &'static str, location: Location, message: String },
    /// Several catalogue problems at once (loading reports all of them).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
    /// A lookup by id found nothing.
    #[error("unknown {what} `{id}`")]
    Unknown { what: &'static str, id: String },
    /// A lookup by id found nothing; `known` lists the ids there are, and the nearest.
    #[error("unknown {what} `{id}`: {known}")]
    UnknownAmong { what: &'static str, id: String, known: String },
    /// An invalid argument from the caller.
    #[error("{0}")]
    Invalid(String),
    /// A date outside the years the calendar has data for.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

impl Error {
    /// A stable snake_case code for the error, for bindings and machine output.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Yaml { .. } => "invalid_yaml",
            Error::Json { .. } => "invalid_json",
            Error::Catalogue { code, .. } => code,
            Error::Many(v) => v.first().map(Error::code).unwrap_or("catalogue_error"),
            Error::Unknown { .. } | Error::UnknownAmong { .. } => "unknown_id",
            Error::Invalid(_) => "invalid_argument",
            Error::Calendar(e) => e.code(),
            Error::Io { .. } => "io_error",
        }
    }

    /// The location of the error, when it has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Yaml { location, .. } | Error::Json { location, .. } | Error::Catalogue { location, .. } => {
                Some(location)
            }
            Error::Many(v) => v.first().and_then(Error::location),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Kept here, below the calendar, so that [`Error`] can hold it without importing upward; the
/// calendar re-exports it as `calendar::CalendarError`.
/// A calendar problem: most often a date outside the years with data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    #[error(
        "no calendar data for {year}: load the State Council notice for {year} as a calendar year file \
         (`--calendar FILE`, or `Calendar::with_years_from_str`; format in catalogues/calendar/README.md)"
    )]
    YearNotCovered { year: i32 },
}

impl CalendarError {
    /// The error in Chinese and English, for a diagnostic that quotes it.
    pub fn message(&self) -> crate::model::Text {
        match self {
            CalendarError::YearNotCovered { year } => crate::model::Text::new(
                format!(
                    "没有 {year} 年的工作日历数据：请将国务院办公厅 {year} 年节假日安排通知作为日历年度文件载入\
                     （`--calendar FILE` 或 `Calendar::with_years_from_str`，格式见 catalogues/calendar/README.md）"
                ),
                self.to_string(),
            ),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::YearNotCovered { .. } => "calendar_year_not_covered",
        }
    }
}
