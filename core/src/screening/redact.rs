//! Redaction: mask in the usual Chinese style, replace by a label, or remove. Only personal
//! data is touched; organisational contacts, credit codes and markings are left as they are
//! (a document carrying a classification marking must not be published at all, not masked).

use serde::Serialize;

use super::{Finding, Kind, ScanOptions, scan_with};

/// How [`redact`] replaces a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RedactMode {
    /// `110105********002X`, `138****1234`, card keeps its last four digits.
    #[default]
    Mask,
    /// `[身份证号]`, `[手机号]` …
    Label,
    /// Remove the value.
    Remove,
}

/// One replacement, located in the original text (offsets as in [`Finding`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Change {
    #[cfg_attr(feature = "typescript", tsify(type = "ScreeningKind"))]
    pub kind: Kind,
    pub code: &'static str,
    pub start: usize,
    pub end: usize,
    pub utf16_start: usize,
    pub utf16_end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// What now stands in the text.
    pub replacement: String,
}

/// The redacted text and what changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Redaction {
    pub text: String,
    pub changes: Vec<Change>,
}

/// Redact every unmasked personal value. Idempotent: redacting the result changes nothing,
/// and scanning it finds no unredacted personal value.
pub fn redact(text: &str, mode: RedactMode) -> Redaction {
    let findings = scan_with(text, &ScanOptions::default());
    let once = redact_with(text, &findings, mode);
    if mode == RedactMode::Remove { remove_until_clean(text, once) } else { once }
}

/// Most rounds of [`remove_until_clean`]: each removes at least one byte, and a text whose
/// removals keep joining into new values is removed whole long before this.
const MAX_REMOVAL_ROUNDS: usize = 16;

/// Removing a value brings its neighbours together, and they can make a new one (`1381234`,
/// a plate, `5678` → `13812345678`): remove those too, until a scan finds none. The changes
/// are given in the original text, a value that swallowed earlier removals as one change.
fn remove_until_clean(text: &str, mut done: Redaction) -> Redaction {
    for _ in 0..MAX_REMOVAL_ROUNDS {
        let again: Vec<Finding> = scan_with(&done.text, &ScanOptions::default())
            .into_iter()
            .filter(|f| f.kind.is_personal() && f.is_actionable())
            .collect();
        if again.is_empty() {
            break;
        }
        // Removed ranges in the original text, as (start, end, kind, code).
        let mut ranges: Vec<(usize, usize, Kind, &'static str)> =
            done.changes.iter().map(|c| (c.byte_start, c.byte_end, c.kind, c.code)).collect();
        // An offset of the output maps back past every removal at or before it.
        let original = |at: usize, ranges: &[(usize, usize, Kind, &'static str)]| {
            let mut removed = 0;
            for &(s, e, ..) in ranges {
                if s - removed <= at {
                    removed += e - s;
                } else {
                    break;
                }
            }
            at + removed
        };
        let mut grown = Vec::with_capacity(again.len());
        for f in &again {
            // First byte of the value and one past its last byte, in the original.
            let start = original(f.byte_start, &ranges);
            let end = original(f.byte_end - 1, &ranges) + 1;
            grown.push((start, end, f.kind, f.code));
        }
        ranges.extend(grown);
        ranges.sort_by_key(|r| (r.0, std::cmp::Reverse(r.1)));
        let mut merged: Vec<(usize, usize, Kind, &'static str)> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.0 < last.1 => last.1 = last.1.max(r.1),
                _ => merged.push(r),
            }
        }
        done = removal(text, &merged);
    }
    done
}

/// `text` without the byte ranges (sorted, apart, on character boundaries).
fn removal(text: &str, ranges: &[(usize, usize, Kind, &'static str)]) -> Redaction {
    let mut out = String::with_capacity(text.len());
    let mut counter = super::OffsetCounter::new(text);
    let mut changes = Vec::with_capacity(ranges.len());
    let mut copied = 0;
    for &(s, e, kind, code) in ranges {
        out.push_str(&text[copied..s]);
        copied = e;
        let (start, utf16_start) = counter.at(s);
        let (end, utf16_end) = counter.at(e);
        changes.push(Change {
            kind,
            code,
            start,
            end,
            utf16_start,
            utf16_end,
            byte_start: s,
            byte_end: e,
            replacement: String::new(),
        });
    }
    out.push_str(&text[copied..]);
    Redaction { text: out, changes }
}

/// Redact the personal, actionable findings of an earlier [`scan_with`] over the same text.
pub fn redact_with(text: &str, findings: &[Finding], mode: RedactMode) -> Redaction {
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::new();
    let mut copied = 0;
    for f in findings {
        if !f.kind.is_personal() || !f.is_actionable() || f.byte_start < copied || f.byte_end > text.len() {
            continue;
        }
        let Some(value) = text.get(f.byte_start..f.byte_end) else { continue };
        let replacement = match mode {
            RedactMode::Mask => mask(f.kind, value),
            RedactMode::Label => format!("[{}]", f.kind.label_zh()),
            RedactMode::Remove => String::new(),
        };
        out.push_str(&text[copied..f.byte_start]);
        out.push_str(&replacement);
        copied = f.byte_end;
        changes.push(Change {
            kind: f.kind,
            code: f.code,
            start: f.start,
            end: f.end,
            utf16_start: f.utf16_start,
            utf16_end: f.utf16_end,
            byte_start: f.byte_start,
            byte_end: f.byte_end,
            replacement,
        });
    }
    out.push_str(&text[copied..]);
    Redaction { text: out, changes }
}

/// Replace the ASCII alphanumerics of `value` whose index (among alphanumerics) is in `hide`.
fn star(value: &str, skip: usize, hide: impl Fn(usize, usize) -> bool) -> String {
    let total = value.bytes().filter(u8::is_ascii_alphanumeric).count().saturating_sub(skip);
    let mut seen = 0usize;
    let mut skipped = 0usize;
    value
        .chars()
        .map(|c| {
            if !c.is_ascii_alphanumeric() {
                return c;
            }
            if skipped < skip {
                skipped += 1;
                return c;
            }
            let i = seen;
            seen += 1;
            if hide(i, total) { '*' } else { c }
        })
        .collect()
}

/// The masked form of a value of `kind` (the preview, and what [`RedactMode::Mask`] writes).
pub(crate) fn mask(kind: Kind, value: &str) -> String {
    match kind {
        // 110105********002X; 15-digit: 110105*****0021.
        Kind::ResidentId => star(value, 0, |i, n| i >= 6 && i + 4 < n),
        // 138****1234, keeping +86 / 0086 and separators.
        Kind::Mobile => {
            let country = if value.starts_with("+86") {
                2
            } else if value.starts_with("0086") {
                4
            } else {
                0
            };
            star(value, country, |i, _| (3..7).contains(&i))
        }
        Kind::BankCard => star(value, 0, |i, n| i + 4 < n),
        Kind::Email => match value.split_once('@') {
            Some((local, domain)) => {
                let first = local.chars().next().map(String::from).unwrap_or_default();
                format!("{first}***@{domain}")
            }
            None => "***".to_owned(),
        },
        // E******78: first letter and last two.
        Kind::Passport | Kind::TravelPermit => star(value, 0, |i, n| i >= 1 && i + 2 < n),
        // 京A***45: province, letter, last two.
        Kind::VehiclePlate => star(value, 0, |i, n| i >= 1 && i + 2 < n),
        _ => value.to_owned(),
    }
}
