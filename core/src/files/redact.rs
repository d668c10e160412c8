//! Redacted copies of files.

/// Placeholder while redaction is built.
pub struct FileRedaction;
pub struct RedactOptions;
pub fn redact_file() {}
