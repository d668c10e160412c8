//! Content screening: unredacted personal data and classification markings in text that is
//! about to be published (个人信息保护法 Arts 25, 28; 居民身份证法 Art 19; 条例 Art 14;
//! 保守国家秘密法 Arts 14, 22, 35).
//!
//! [`scan`] walks the bytes once for ASCII tokens (digits, letters, `@`), skipping the
//! non-ASCII bytes that make up most of Chinese text eight at a time, and searches once for
//! the marking keywords with a packed Aho–Corasick prefilter. Candidates are validated by hand
//! (check characters, dates, Luhn, surroundings); no general regex engine runs over the text.
//!
//! Masked values (`110105********002X`, `138****1234`) count as redacted: they are not
//! reported unless [`ScanOptions::include_redacted`] asks for them, and then with
//! `redacted: true` and severity `info`.

mod ascii;
pub mod checks;
mod codes;
mod context;
mod diagnostics;
mod marking;
mod redact;

use serde::Serialize;

use crate::diagnostics::{CodeInfo, Severity};

pub use codes::*;
#[cfg(feature = "files")]
pub(crate) use diagnostics::plain as finding_diagnostic;
pub use diagnostics::scan_to_diagnostics;
pub(crate) use diagnostics::scan_to_diagnostics_at;
pub use redact::{Change, RedactMode, Redaction, redact, redact_with};

/// What a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "typescript", tsify(rename = "ScreeningKind"))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    ResidentId,
    Mobile,
    BankCard,
    Email,
    Passport,
    TravelPermit,
    VehiclePlate,
    CreditCode,
    ClassifiedMarking,
    InternalMarking,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::ResidentId,
        Kind::Mobile,
        Kind::BankCard,
        Kind::Email,
        Kind::Passport,
        Kind::TravelPermit,
        Kind::VehiclePlate,
        Kind::CreditCode,
        Kind::ClassifiedMarking,
        Kind::InternalMarking,
    ];

    /// The snake_case name used in JSON and in items' `personal_data` rules.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ResidentId => "resident_id",
            Kind::Mobile => "mobile",
            Kind::BankCard => "bank_card",
            Kind::Email => "email",
            Kind::Passport => "passport",
            Kind::TravelPermit => "travel_permit",
            Kind::VehiclePlate => "vehicle_plate",
            Kind::CreditCode => "credit_code",
            Kind::ClassifiedMarking => "classified_marking",
            Kind::InternalMarking => "internal_marking",
        }
    }

    /// Whether the kind is a natural person's data (and so masked by [`redact`]).
    pub fn is_personal(self) -> bool {
        !matches!(self, Kind::CreditCode | Kind::ClassifiedMarking | Kind::InternalMarking)
    }

    /// Chinese label used by [`RedactMode::Label`] and in messages.
    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::ResidentId => "身份证号",
            Kind::Mobile => "手机号",
            Kind::BankCard => "银行卡号",
            Kind::Email => "电子邮箱",
            Kind::Passport => "护照号",
            Kind::TravelPermit => "通行证号",
            Kind::VehiclePlate => "车牌号",
            Kind::CreditCode => "统一社会信用代码",
            Kind::ClassifiedMarking => "密级标志",
            Kind::InternalMarking => "内部标志",
        }
    }

    /// English name used in messages.
    pub fn label_en(self) -> &'static str {
        match self {
            Kind::ResidentId => "resident identity number",
            Kind::Mobile => "mobile number",
            Kind::BankCard => "bank card number",
            Kind::Email => "e-mail address",
            Kind::Passport => "passport number",
            Kind::TravelPermit => "travel permit number",
            Kind::VehiclePlate => "vehicle plate",
            Kind::CreditCode => "unified social credit code",
            Kind::ClassifiedMarking => "classification marking",
            Kind::InternalMarking => "internal-use marking",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing found in a text. Spans are given three ways so that Rust (bytes), Python
/// (Unicode scalars) and JavaScript (UTF-16 code units) can all slice the text with them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Finding {
    #[cfg_attr(feature = "typescript", tsify(type = "ScreeningKind"))]
    pub kind: Kind,
    pub code: &'static str,
    pub severity: Severity,
    /// 0–1: how sure the detector is that this is what `kind` says.
    pub confidence: f64,
    /// The value is already masked (only reported with [`ScanOptions::include_redacted`]).
    pub redacted: bool,
    /// The label just before the value (`身份证号`, `咨询电话` …) that informed the finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'static str>,
    /// Why the detector decided as it did, when the context changed its mind:
    /// `organisational_label` (咨询电话 …), `government_domain` (an address at a .gov.cn
    /// domain), `contact_block` (in a 联系方式 block with the office's address or hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// Unicode scalar offsets (Python `str` indices).
    pub start: usize,
    pub end: usize,
    /// UTF-16 code-unit offsets (JavaScript string indices).
    pub utf16_start: usize,
    pub utf16_end: usize,
    /// UTF-8 byte offsets (Rust `&str` indices).
    pub byte_start: usize,
    pub byte_end: usize,
    /// The value masked as [`RedactMode::Mask`] would write it: safe to print and log.
    pub preview: String,
    /// The full value, only with [`ScanOptions::include_values`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Finding {
    /// Whether the finding is something to fix before publication (not informational, not masked).
    pub fn is_actionable(&self) -> bool {
        !self.redacted && self.severity > Severity::Info
    }
}

/// What [`scan_with`] reports.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ScanOptions {
    /// Fill [`Finding::value`] with the unmasked value.
    pub include_values: bool,
    /// Report values that are already masked, as `redacted: true` / `info`.
    pub include_redacted: bool,
}

impl ScanOptions {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn include_values(mut self, yes: bool) -> Self {
        self.include_values = yes;
        self
    }
    pub fn include_redacted(mut self, yes: bool) -> Self {
        self.include_redacted = yes;
        self
    }
}

/// A validated candidate, in bytes, before offsets and previews are filled in.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub kind: Kind,
    pub info: &'static CodeInfo,
    pub confidence: f64,
    pub start: usize,
    pub end: usize,
    pub redacted: bool,
    pub label: Option<&'static str>,
    pub reason: Option<&'static str>,
}

/// Scan a text with the default options: unmasked findings only, values never included.
pub fn scan(text: &str) -> Vec<Finding> {
    scan_with(text, &ScanOptions::default())
}

/// Scan a text.
pub fn scan_with(text: &str, opts: &ScanOptions) -> Vec<Finding> {
    let hits = hits(text, opts.include_redacted);
    findings_from_hits(text, &hits, opts.include_values)
}

/// All validated candidates, sorted by position, without overlaps.
pub(crate) fn hits(text: &str, include_redacted: bool) -> Vec<Hit> {
    let mut hits = Vec::new();
    ascii::scan(text, &mut hits, include_redacted);
    let ascii_count = hits.len();
    marking::scan(text, &mut hits);
    if ascii_count > 0 && hits.len() > ascii_count {
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut last_end = 0;
        hits.retain(|h| {
            let keep = h.start >= last_end;
            if keep {
                last_end = h.end;
            }
            keep
        });
    }
    for h in &mut hits {
        context::apply(text, h);
    }
    hits
}

/// Counts Unicode scalars and UTF-16 units of byte ranges walked in increasing order.
pub(crate) struct OffsetCounter<'a> {
    bytes: &'a [u8],
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl<'a> OffsetCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        Self { bytes: text.as_bytes(), byte: 0, chars: 0, utf16: 0 }
    }

    /// `(scalar, utf16)` offsets of byte offset `to` (a char boundary at or after the last one asked).
    pub fn at(&mut self, to: usize) -> (usize, usize) {
        if to > self.byte {
            let (chars, astral) = count_scalars(&self.bytes[self.byte..to]);
            self.chars += chars;
            self.utf16 += chars + astral;
            self.byte = to;
        }
        (self.chars, self.utf16)
    }
}

/// Unicode scalars (non-continuation bytes) and astral scalars (lead bytes `11110xxx`, which
/// take two UTF-16 units) in a run of UTF-8, eight bytes at a time.
fn count_scalars(bytes: &[u8]) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut continuation = 0usize;
    let mut astral = 0usize;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let w = u64::from_le_bytes(a);
        // Bit 7 of each byte, with bits 6, 5, 4 of the same byte shifted onto it.
        continuation += (w & !(w << 1) & HIGH).count_ones() as usize;
        astral += (w & (w << 1) & (w << 2) & (w << 3) & HIGH).count_ones() as usize;
    }
    for &b in chunks.remainder() {
        continuation += usize::from(b & 0xC0 == 0x80);
        astral += usize::from(b >= 0xF0);
    }
    (bytes.len() - continuation, astral)
}

fn findings_from_hits(text: &str, hits: &[Hit], include_values: bool) -> Vec<Finding> {
    let mut counter = OffsetCounter::new(text);
    hits.iter()
        .map(|h| {
            let (start, utf16_start) = counter.at(h.start);
            let (end, utf16_end) = counter.at(h.end);
            let value = &text[h.start..h.end];
            Finding {
                kind: h.kind,
                code: h.info.code,
                severity: if h.redacted { Severity::Info } else { h.info.severity },
                confidence: h.confidence,
                redacted: h.redacted,
                label: h.label,
                reason: h.reason,
                start,
                end,
                utf16_start,
                utf16_end,
                byte_start: h.start,
                byte_end: h.end,
                preview: if h.redacted || !h.kind.is_personal() {
                    value.to_owned()
                } else {
                    redact::mask(h.kind, value)
                },
                value: include_values.then(|| value.to_owned()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod corpus_tests;
