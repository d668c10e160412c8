use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The legal source of a rule: an instrument and, where it has one, the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The instrument as it is usually cited, e.g. `政府信息公开条例` or `教办函〔2014〕23号`.
    pub instrument: String,
    /// Article, paragraph and item, e.g. `第二十条第（一）项`. Absent for a whole instrument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// How firmly the reference confirms this citation.
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub status: Status,
}

impl Citation {
    pub fn new(instrument: impl Into<String>, article: Option<&str>) -> Self {
        Self { instrument: instrument.into(), article: article.map(str::to_owned), status: Status::Confirmed }
    }
}

impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "《{}》", self.instrument)?;
        if let Some(article) = &self.article {
            write!(f, "{article}")?;
        }
        if self.status == Status::Unverified {
            f.write_str("（未核实 unverified）")?;
        }
        Ok(())
    }
}

/// How firmly a fact is established in the project's reference notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Read in the text of the instrument.
    #[default]
    Confirmed,
    /// Confirmed only in a secondary source (a local catalogue, a re-post).
    Secondary,
    /// Recalled or expected but not read in any source: shown to users as unverified.
    Unverified,
}

impl Status {
    pub fn is_confirmed(&self) -> bool {
        *self == Status::Confirmed
    }
}
