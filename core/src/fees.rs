//! Information processing fees (信息处理费, 国办函〔2020〕109号): excess-progressive bands per piece
//! (cumulated per applicant per natural month) and per page. The bands live in catalogues/fees.yaml.
//!
//! ```
//! assert_eq!(gongkai::fees::fee_by_pieces(35).amount, 3000);
//! assert_eq!(gongkai::fees::fee_by_pages(250).amount, 4700);
//! ```

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Citation, Text};

/// The file `catalogues/fees.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeRules {
    pub version: String,
    pub basis: Vec<Citation>,
    pub note: Text,
    pub by_pieces: Scale,
    pub by_pages: Scale,
}

/// One charging standard: fixed bands, then optionally open-ended bands of equal size.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub title: Text,
    pub accumulation: Text,
    pub basis: Vec<Citation>,
    pub bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beyond: Option<Beyond>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: u64,
    /// Inclusive; absent for the last, open band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<u64>,
    pub yuan_each: u64,
}

/// Repeating bands after the fixed ones: `band_size` units each, the rate rising by `increment_yuan_each`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Beyond {
    pub from: u64,
    pub band_size: u64,
    pub first_yuan_each: u64,
    pub increment_yuan_each: u64,
    /// `inferred` when the reading of the bands is an interpretation, not the text.
    pub reading_status: String,
}

/// One band's part of a fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct BandCharge {
    pub from: u64,
    pub to: u64,
    /// Units (pieces or pages) charged in this band.
    pub units: u64,
    pub yuan_each: u64,
    pub subtotal: u64,
}

/// A fee with its working.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Fee {
    /// `pieces` or `pages`.
    #[cfg_attr(feature = "typescript", tsify(type = "\"pieces\" | \"pages\""))]
    pub unit: &'static str,
    pub units: u64,
    /// Yuan.
    pub amount: u64,
    pub bands: Vec<BandCharge>,
    pub basis: Vec<Citation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub notes: Vec<Text>,
}

static RULES: LazyLock<FeeRules> = LazyLock::new(|| crate::data::embedded::parse("fees.yaml"));

/// The fee rules compiled into the library, parsed once.
pub fn rules() -> &'static FeeRules {
    &RULES
}

impl Scale {
    /// The largest count this scale can charge in one band list before the repeating bands.
    fn charge(&self, unit: &'static str, n: u64, top_basis: &[Citation]) -> Fee {
        let mut bands = Vec::new();
        let mut add = |from: u64, to: u64, yuan_each: u64| {
            if n >= from {
                let top = n.min(to);
                let units = top - from + 1;
                bands.push(BandCharge { from, to: top, units, yuan_each, subtotal: units.saturating_mul(yuan_each) });
            }
        };
        for band in &self.bands {
            add(band.from, band.to.unwrap_or(u64::MAX), band.yuan_each);
        }
        let mut notes = Vec::new();
        let mut unlisted = 0u64;
        if let Some(b) = &self.beyond {
            let mut from = b.from;
            let mut rate = b.first_yuan_each;
            let mut listed = 0;
            while n >= from && b.band_size > 0 {
                if listed == MAX_LISTED_BANDS {
                    // Far beyond any real request: sum the rest in closed form instead of listing it.
                    unlisted = beyond_sum(n, from, rate, b);
                    notes.push(Text::new(
                        format!("第{from}件以后的各档未逐档列出"),
                        format!("bands from piece {from} on are summed, not listed"),
                    ));
                    break;
                }
                add(from, from.saturating_add(b.band_size - 1), rate);
                from = from.saturating_add(b.band_size);
                rate = rate.saturating_add(b.increment_yuan_each);
                listed += 1;
            }
            if n >= b.from && b.reading_status != "confirmed" {
                notes.push(Text::new(
                    format!("第{}件起每{}件为一档、每档每件加收{}元的分档读法为通行解释", b.from, b.band_size, b.increment_yuan_each),
                    format!(
                        "reading the bands from piece {} as {} pieces each, {} yuan a piece more per band, is the usual interpretation",
                        b.from, b.band_size, b.increment_yuan_each
                    ),
                ));
            }
        }
        let amount = bands.iter().fold(unlisted, |sum, b| sum.saturating_add(b.subtotal));
        let mut basis = top_basis.to_vec();
        basis.extend(self.basis.iter().cloned());
        Fee { unit, units: n, amount, bands, basis, notes }
    }
}

const MAX_LISTED_BANDS: u32 = 1000;

/// Units `from..=n` charged in repeating bands starting at rate `rate`: closed form, saturating.
fn beyond_sum(n: u64, from: u64, rate: u64, b: &Beyond) -> u64 {
    let size = b.band_size as u128;
    let units = (n - from + 1) as u128;
    let (full, rest) = (units / size, units % size);
    let (rate, inc) = (rate as u128, b.increment_yuan_each as u128);
    let triangle = (full.saturating_mul(full.saturating_sub(1)) / 2).saturating_mul(inc);
    let full_sum = size.saturating_mul(full.saturating_mul(rate).saturating_add(triangle));
    let sum = full_sum.saturating_add(rest.saturating_mul(rate.saturating_add(inc.saturating_mul(full))));
    u64::try_from(sum).unwrap_or(u64::MAX)
}

/// The fee for the `n`-th cumulative piece total of one applicant in one natural month.
pub fn fee_by_pieces(n: u64) -> Fee {
    rules().by_pieces.charge("pieces", n, &rules().basis)
}

/// The fee for a request of `n` pages.
pub fn fee_by_pages(n: u64) -> Fee {
    rules().by_pages.charge("pages", n, &rules().basis)
}

/// The fee for `new` more pieces from an applicant who has already had `earlier` pieces this month.
pub fn fee_for_more_pieces(earlier: u64, new: u64) -> u64 {
    fee_by_pieces(earlier.saturating_add(new)).amount.saturating_sub(fee_by_pieces(earlier).amount)
}

/// The largest count charged nothing: `(pieces, pages)`.
pub fn free_band() -> (u64, u64) {
    let free = |s: &Scale| s.bands.first().filter(|b| b.yuan_each == 0).and_then(|b| b.to).unwrap_or(0);
    (free(&rules().by_pieces), free(&rules().by_pages))
}
