//! placeholder
pub struct Audit;
pub struct AuditOptions;
