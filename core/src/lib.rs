//! gongkai (公开): what Chinese public institutions must disclose, when and how, and on what
//! grounds they may withhold — as cited, versioned, machine-readable rules with validators.
//!
//! The rule data (catalogues, grounds, deadlines, fees, the working-day calendar) is embedded at
//! build time and parsed once; every answer cites its instrument and article.
//!
//! # The surface
//! - [`Catalogue`]: what an institution must publish ([`Catalogue::resolve`]), items, grounds,
//!   overlays; the data types ([`Item`], [`Ground`], [`Institution`], [`Status`], …) are here at
//!   the root.
//! - [`Checker`] and [`CheckOptions`]: check a record (JSON text, a `serde_json::Value`, or any
//!   serde deserializer) and get [`Diagnostic`]s, each with a stable code, a JSON pointer, a
//!   message in Chinese and English ([`Message`]) and its legal basis.
//! - [`Calendar`]: the PRC working-day calendar; [`deadlines`]: request deadlines and timelines;
//!   [`fees`]: the processing fees.
//! - [`screening`]: personal data and classified markings in text; `files` (feature `files`):
//!   the same in workbooks, documents and PDFs.
//! - [`report`]: annual reports and audits; [`site`]: the quarterly website inspection.
//! - [`Filter`], [`Selection`], [`Baseline`]: select/ignore codes, per-record suppressions,
//!   baselines, as the CLI's `--select`, `--ignore` and `--baseline`.
//! - [`codes`] and [`code_info`]: every diagnostic code; [`registry`] also lists every schema.
//! - [`facade`]: the same operations as JSON in, JSON out, for the language bindings.
//!
//! # Examples
//! What a county government must publish:
//! ```
//! use gongkai::{Catalogue, Institution};
//! let catalogue = Catalogue::embedded();
//! let county = Institution::new("administrative", "county", Some("government"));
//! let resolved = catalogue.resolve(&county).unwrap();
//! assert!(resolved.items.iter().any(|i| i.item.id == "admin.art20.01"));
//! ```
//!
//! Checking a record:
//! ```
//! use gongkai::{Catalogue, CheckOptions, Checker, NaiveDate, Severity};
//! let checker = Checker::new(Catalogue::embedded());
//! let opts = CheckOptions::default().with_today(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
//! let record = r#"{"kind": "publication", "item": "admin.art20.01",
//!     "institution": {"kind": "administrative", "tier": "county", "role": "government"},
//!     "title": "关于印发某县规划的通知", "formed": "2026-01-05", "published": "2026-02-27"}"#;
//! let diagnostics = checker.check_json(record, &opts).unwrap();
//! assert!(diagnostics.iter().any(|d| d.code() == "publication_late" && d.severity() == Severity::Error));
//! let first = &diagnostics[0];
//! println!("{} at {}: {}", first.code(), first.path(), first.message().en());
//! ```
//!
//! Working days on the PRC calendar (2026's Spring Festival holiday is 15–23 February, with
//! Saturday 14 February worked in exchange):
//! ```
//! use gongkai::{Calendar, NaiveDate};
//! let calendar = Calendar::embedded();
//! let day = |d| NaiveDate::from_ymd_opt(2026, 2, d).unwrap();
//! assert_eq!(calendar.add_working_days(day(13), 1).unwrap(), day(14));
//! assert_eq!(calendar.add_working_days(day(14), 1).unwrap(), day(24));
//! ```
//!
//! Every code, for documentation or a rule picker:
//! ```
//! use gongkai::Severity;
//! let late = gongkai::code_info("publication_late").unwrap();
//! assert!(gongkai::codes().len() > 100 && late.severity == Severity::Error);
//! ```

pub mod calendar;
pub mod catalogue;
pub mod check;
mod data;
pub mod deadlines;
pub mod diagnostics;
mod error;
pub mod facade;
pub mod fees;
#[cfg(feature = "files")]
pub mod files;
mod filter;
mod model;
mod record;
pub mod registry;
pub mod report;
mod schema;
pub mod screening;
pub mod site;
pub mod sources;

pub use calendar::Calendar;
pub use catalogue::{Catalogue, Resolved, ResolvedItem};
pub use check::{CheckOptions, Checker};
/// The date type the API takes and returns (`CheckOptions::today`, the calendar, deadlines).
pub use chrono::NaiveDate;
pub use diagnostics::{CodeInfo, Diagnostic, Message, Severity};
pub use error::{Error, Location, Result};
pub use filter::{Baseline, BaselineError, Filter, Selection, Suppressions, UnknownSelector};
pub use model::{
    Applicability, Audience, Citation, Complaint, DomainInfo, DomainRegistry, Element, ElementType, Flags, Ground,
    GroundSet, Institution, InstitutionRegistry, Item, ItemChange, KindInfo, Lang, LevelInfo, MissingRow, Mode, Nature,
    NonObligation, Overlay, Period, PersonalDataRule, RequestOptions, ResponseType, ResponseTypeInfo, SharedStr,
    Source, Status, Template, Text, TierInfo, Timing, TimingStart, Variant, WithdrawalRule,
};
pub use record::{DATE_FORM, DateError, date_help, parse_date, parse_date_strict};
pub use registry::{code_info, codes};
pub use schema::item_fields_schema;
