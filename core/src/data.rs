//! The leaf the other modules read their data through: the files compiled into the library
//! (`catalogues/`, converted to compact JSON at build time) and the parser of catalogue
//! files and overlays given at run time, whose errors say file, line and column.

use serde::de::DeserializeOwned;

use crate::error::{Error, Location, Result};

/// The catalogue files compiled into the library.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_catalogues.rs"));

    /// The YAML source of an embedded file, by its path under `catalogues/`.
    #[cfg(feature = "yaml")]
    pub fn file(path: &str) -> Option<&'static str> {
        FILES.iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
    }

    /// Every embedded file as compact JSON (converted at build time): (path under `catalogues/`,
    /// JSON text).
    #[cfg(not(feature = "compressed-data"))]
    pub fn json_files() -> &'static [(&'static str, &'static str)] {
        JSON_FILES
    }

    /// Every embedded file as compact JSON (converted at build time): (path under `catalogues/`,
    /// JSON text), inflated from the deflated block once, on first use.
    #[cfg(feature = "compressed-data")]
    pub fn json_files() -> &'static [(&'static str, &'static str)] {
        static FILES: std::sync::LazyLock<Vec<(&'static str, &'static str)>> = std::sync::LazyLock::new(|| {
            // Deflated and checked at build time: failing here is a build defect, not bad input.
            let bytes = miniz_oxide::inflate::decompress_to_vec(JSON_DEFLATED)
                .unwrap_or_else(|e| panic!("embedded catalogues do not inflate: {e:?}"));
            let text: &'static str =
                String::from_utf8(bytes).unwrap_or_else(|e| panic!("embedded catalogues are not UTF-8: {e}")).leak();
            JSON_INDEX.iter().map(|&(path, start, end)| (path, &text[start..end])).collect()
        });
        &FILES
    }

    /// An embedded file as compact JSON (converted at build time), by its path under `catalogues/`.
    pub fn json(path: &str) -> Option<&'static str> {
        json_files().iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
    }

    /// Parse an embedded file into its model type. The embedded data is checked by the test
    /// suite (which lints the YAML sources), so failing here is a build defect, not bad input.
    pub(crate) fn parse<T: serde::de::DeserializeOwned>(path: &str) -> T {
        let text = json(path).unwrap_or_else(|| panic!("embedded catalogue file `{path}` is missing"));
        serde_json::from_str(text).unwrap_or_else(|e| panic!("embedded catalogue file `{path}` is invalid: {e}"))
    }
}

/// Parse YAML into a model type, turning parser errors into an error with file, line and column.
#[cfg(feature = "yaml")]
pub fn parse_yaml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let loc = e.location();
        let message = first_line(&e.to_string());
        Error::Yaml {
            location: Location {
                file: file.to_owned(),
                line: loc.map(|l| l.line() as u32),
                column: loc.map(|l| l.column() as u32),
                path: None,
            },
            message,
        }
    })
}

/// Without the `yaml` feature catalogue files and overlays are read as JSON (which is also
/// YAML, so the same file works in both builds once converted).
#[cfg(not(feature = "yaml"))]
pub fn parse_yaml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    serde_json::from_str::<T>(text).map_err(|e| {
        let looks_like_json = text.trim_start().starts_with(['{', '[']);
        let message = if looks_like_json || text.trim().is_empty() {
            first_line(&e.to_string())
        } else {
            "this build reads catalogue files as JSON (YAML needs the `yaml` feature): convert the YAML to JSON first"
                .to_owned()
        };
        Error::Yaml {
            location: Location {
                file: file.to_owned(),
                line: u32::try_from(e.line()).ok().filter(|&l| l > 0),
                column: u32::try_from(e.column()).ok().filter(|&c| c > 0),
                path: None,
            },
            message,
        }
    })
}

/// serde-saphyr renders a snippet after the message; keep the message itself.
fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or(s).trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    line.trim_end_matches('.').to_owned()
}
