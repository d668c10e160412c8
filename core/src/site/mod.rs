//! Website and new-media inspection (政府网站与政务新媒体检查): a site snapshot checked against
//! the inspection indicators of 国办秘函〔2019〕19号 on one day, with the verdict, the 100-point
//! score, every finding at its JSON pointer, early warnings with the days left before a veto,
//! a rectification list, and the interaction deadlines (72 hours on the clock, 5 working days
//! on the PRC calendar by default; an overlay sets the institution's own).
//!
//! ```
//! use gongkai::site::{self, SiteOptions, SiteRules};
//! let snapshot = serde_json::json!({
//!     "kind": "site", "as_of": "2026-03-10",
//!     "site": {"name": "某县人民政府网站"},
//!     "homepage": {"last_updated": "2026-02-20"},
//!     "columns": [{"id": "zxzx", "title": "咨询建言", "type": "consultation"}],
//! });
//! let report = site::check(&snapshot, &SiteOptions::new());
//! assert_eq!(report.verdict, site::Verdict::Fail);
//! assert_eq!(report.findings[0].diagnostic.code, "site_homepage_stale");
//! ```

mod candidates;
mod check;
pub mod codes;
mod render;
mod rules;
mod snapshot;

pub use candidates::{Candidate, CandidateRequest, proactive_candidates};
#[cfg(feature = "typescript")]
pub use check::SITE_CHECK_TS;
pub use check::{
    FindingKind, IndicatorResult, InteractionSummary, SiteFinding, SiteOptions, SiteReport, Verdict, check_site,
};
pub use codes::CODES;
pub use render::{render_html, render_text};
pub use rules::{
    Indicator, IndicatorChange, IndicatorKind, InteractionChange, InteractionRule, Points, RULES_FILE, ScoreChange,
    ScoreRule, SiteOverlay, SiteRules, check_overlay, is_site_overlay, lint_overlay_source,
};
pub use snapshot::{
    Account, Availability, Column, ColumnItem, ColumnType, Homepage, Incident, IncidentType, Interpretation,
    MessageType, Policy, SiteInfo, SiteMessage, SiteSnapshot, Stamp,
};

use crate::calendar::Calendar;

/// Check a snapshot with the embedded indicators and calendar.
pub fn check(snapshot: &serde_json::Value, opts: &SiteOptions) -> SiteReport {
    check_site(SiteRules::embedded(), Calendar::embedded(), snapshot, opts)
}

/// Check a snapshot given as JSON text: a text that is not JSON is one input finding, with its
/// line and column.
pub fn check_json(rules: &SiteRules, cal: &Calendar, text: &str, opts: &SiteOptions) -> SiteReport {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => check_site(rules, cal, &v, opts),
        Err(e) => {
            let message = crate::model::Text::new(
                format!("快照不是有效的 JSON：第 {} 行第 {} 列：{e}", e.line(), e.column()),
                format!("the snapshot is not valid JSON: line {}, column {}: {e}", e.line(), e.column()),
            );
            check::invalid(rules, crate::Diagnostic::new(&codes::INVALID_SNAPSHOT, "", message))
        }
    }
}

/// JSON Schemas of the snapshot, the indicators file and site overlays (`catalogues/schema/`).
pub fn schemas() -> Vec<(String, serde_json::Value)> {
    vec![
        ("site.schema.json".to_owned(), crate::schema::schema_for::<SiteSnapshot>()),
        ("site-indicators.schema.json".to_owned(), crate::schema::schema_for::<SiteRules>()),
        ("site-overlay.schema.json".to_owned(), crate::schema::schema_for::<SiteOverlay>()),
    ]
}
