//! The project's settings for `gongkai check`: `gongkai.toml`, or `[tool.gongkai]` in
//! `pyproject.toml`, found in the working folder or the nearest folder above it (or named with
//! `--config FILE`). Options on the command line win over the file; `--ignore` adds to its list.
//!
//! ```toml
//! select = ["ALL"]                       # codes, prefixes (`screening`, `request_fee`) or areas
//! ignore = ["screening_email"]
//! fail-on = "warning"                    # error (default) | warning | info | never
//! baseline = "gongkai-baseline.json"     # a previous `gongkai check --format json`
//! overlays = ["overlays/county.yaml"]
//! calendars = ["calendar/2027.yaml"]
//! lang = "en"
//! ```
//!
//! Paths are relative to the file's folder. An unknown setting is an error naming the nearest
//! known one.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The settings, as read from a file.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
    pub baseline: Option<PathBuf>,
    #[serde(default)]
    pub overlays: Vec<PathBuf>,
    #[serde(default)]
    pub calendars: Vec<PathBuf>,
    pub strict_calendar: Option<bool>,
    pub lang: Option<crate::output::LangArg>,
    pub no_screening: Option<bool>,
    /// The file it was read from (for messages); not a setting.
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

/// The least severe finding that makes `check` exit 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Info,
    Warning,
    #[default]
    Error,
    /// Exit 0 whatever is found (2 still for unreadable input).
    Never,
}

const SETTINGS: &[&str] =
    &["select", "ignore", "fail-on", "baseline", "overlays", "calendars", "strict-calendar", "lang", "no-screening"];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read `{0}`: {1}")]
    Read(String, std::io::Error),
    #[error("{0}: {1}")]
    Invalid(String, String),
}

impl Config {
    /// The settings for a run from `dir`: `explicit` when given, else the nearest `gongkai.toml`
    /// or `pyproject.toml` with a `[tool.gongkai]` table in `dir` or above; none found is the defaults.
    pub fn discover(dir: &Path, explicit: Option<&Path>) -> Result<Self, ConfigError> {
        if let Some(file) = explicit {
            return Self::read(file);
        }
        for folder in dir.ancestors() {
            let own = folder.join("gongkai.toml");
            if own.is_file() {
                return Self::read(&own);
            }
            let pyproject = folder.join("pyproject.toml");
            if pyproject.is_file() {
                let text = std::fs::read_to_string(&pyproject).map_err(|e| ConfigError::Read(shown(&pyproject), e))?;
                if text.contains("[tool.gongkai]") {
                    return Self::parse(&text, &pyproject);
                }
            }
        }
        Ok(Self::default())
    }

    pub fn read(file: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(file).map_err(|e| ConfigError::Read(shown(file), e))?;
        Self::parse(&text, file)
    }

    /// Parse a `gongkai.toml`, or the `[tool.gongkai]` table of a `pyproject.toml`.
    pub fn parse(text: &str, file: &Path) -> Result<Self, ConfigError> {
        let invalid = |m: String| ConfigError::Invalid(shown(file), m);
        let table: toml::Table = toml::from_str(text).map_err(|e| invalid(e.to_string().trim_end().to_owned()))?;
        let table = if file.file_name().is_some_and(|n| n == "pyproject.toml") {
            match table.get("tool").and_then(|t| t.get("gongkai")) {
                Some(toml::Value::Table(t)) => t.clone(),
                _ => return Ok(Self::default()),
            }
        } else {
            table
        };
        for key in table.keys() {
            if !SETTINGS.contains(&key.as_str()) {
                let hint = gongkai::diagnostics::nearest(key, SETTINGS.iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                return Err(invalid(format!("unknown setting `{key}`{hint}; known: {}", SETTINGS.join(", "))));
            }
        }
        let mut config: Config =
            toml::Value::Table(table).try_into().map_err(|e: toml::de::Error| invalid(e.message().to_owned()))?;
        let base = file.parent().unwrap_or(Path::new("."));
        let relative = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        config.overlays.iter_mut().for_each(relative);
        config.calendars.iter_mut().for_each(relative);
        config.baseline.iter_mut().for_each(relative);
        config.file = Some(file.to_owned());
        Ok(config)
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_files_and_names_a_misspelt_setting() {
        let c = Config::parse(
            "select = [\"screening\"]\nfail-on = \"warning\"\noverlays = [\"o.yaml\"]\n",
            Path::new("/p/gongkai.toml"),
        )
        .unwrap();
        assert_eq!(c.select, ["screening"]);
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.overlays, [PathBuf::from("/p/o.yaml")]);
        let c = Config::parse(
            "[project]\nname = \"x\"\n[tool.gongkai]\nignore = [\"item_unknown\"]\n",
            Path::new("pyproject.toml"),
        )
        .unwrap();
        assert_eq!(c.ignore, ["item_unknown"]);
        let e = Config::parse("ignroe = []\n", Path::new("gongkai.toml")).unwrap_err().to_string();
        assert!(e.contains("unknown setting `ignroe` (did you mean `ignore`?)"), "{e}");
        let e = Config::parse("fail-on = \"warn\"\n", Path::new("gongkai.toml")).unwrap_err().to_string();
        assert!(e.starts_with("gongkai.toml: "), "{e}");
    }
}
