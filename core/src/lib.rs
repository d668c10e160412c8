//! gongkai (公开): what Chinese public institutions must disclose, when and how, and on what
//! grounds they may withhold — as cited, versioned, machine-readable rules with validators.
//!
//! ```
//! use gongkai::{Catalogue, Institution};
//! let catalogue = Catalogue::embedded();
//! let county = Institution::new("administrative", "county", Some("government"));
//! let resolved = catalogue.resolve(&county).unwrap();
//! assert!(resolved.items.iter().any(|i| i.item.id == "admin.art20.01"));
//! ```

pub mod calendar;
pub mod catalogue;
pub mod check;
pub mod data;
pub mod deadlines;
pub mod diagnostics;
pub mod error;
pub mod facade;
pub mod fees;
#[cfg(feature = "files")]
pub mod files;
pub mod filter;
pub mod model;
pub mod record;
pub mod registry;
pub mod report;
pub mod schema;
pub mod screening;
pub mod site;
pub mod sources;

pub use catalogue::{Catalogue, Resolved, ResolvedItem};
/// The date type the API takes and returns (`CheckOptions::today`, the calendar, deadlines).
pub use chrono::NaiveDate;
pub use diagnostics::{CodeInfo, Diagnostic, Message, Severity};
pub use error::{Error, Location, Result};
pub use model::{Institution, Lang, SharedStr, Text};
