//! Annual reports (条例 Arts 49–50) and coverage audits.
//!
//! - [`model`]: the uniform annual-report format (2021: 国办公开办函〔2021〕30号; 2019 trial:
//!   国办公开办函〔2019〕60号), tables 二, 三 and 四, in JSON.
//! - [`check_report`]: the official 勾稽关系 and the totals the tables imply.
//! - [`build_report`]: tables 三 and 四 from request records.
//! - [`audit::audit`]: coverage (公开覆盖率), timeliness and request handling of one institution
//!   for a year, with a rectification list; rendered as text or a printable HTML page.

pub mod audit;
mod build;
mod check;
pub mod codes;
pub mod model;
pub mod render;

pub use audit::{AreaAudit, AreaDomainRow, Audit, AuditOptions, DomainCoverage, audit, audit_area, audit_with};
pub use build::{Built, build_report, build_report_with};
pub use check::{check_report, publication_due};
pub use codes::CODES;
pub use model::{AnnualReport, Cell, Column, ReportFormat, Row, Table2, Table3, Table4};

/// The JSON Schema of an annual report, for `catalogues/schema/annual-report.schema.json`.
pub fn schemas() -> Vec<(String, serde_json::Value)> {
    vec![("annual-report.schema.json".to_owned(), crate::schema::schema_for::<AnnualReport>())]
}
