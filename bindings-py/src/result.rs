//! One record's result, as the check threads make it and the Python objects read it.

use gongkai::{Diagnostic, Severity};

/// The result of checking one record.
#[derive(Clone)]
pub struct RecordResult {
    pub id: Option<String>,
    /// Where the record was read from (`FILE:LINE`, `FILE#/INDEX`, `FILE`), for records read from files.
    pub source: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl RecordResult {
    /// A checked record (not read from a file).
    pub fn checked(id: Option<String>, diagnostics: Vec<Diagnostic>) -> Self {
        Self { id, source: None, diagnostics }
    }

    /// A record refused before its rules ran (not UTF-8, not JSON, no JSON form), with the
    /// diagnostic that says why.
    pub fn rejected(diagnostic: Diagnostic) -> Self {
        Self::checked(None, vec![diagnostic])
    }

    pub fn ok(&self) -> bool {
        !self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
    pub fn count(&self, s: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }
}
