//! Fee bands at each boundary, against the worked examples in cn-law.md §2 (国办函〔2020〕109号).

use gongkai::fees::{fee_by_pages, fee_by_pieces, fee_for_more_pieces, free_band};

#[test]
fn per_piece_examples_of_the_measures() {
    for (pieces, yuan) in [(30, 2000), (35, 3000), (40, 4000), (50, 7000)] {
        assert_eq!(fee_by_pieces(pieces).amount, yuan, "{pieces} pieces");
    }
}

#[test]
fn per_piece_band_edges() {
    // 1–10 free; 11–30 at 100; 31–40 at 200; 41–50 at 300; 51–60 at 400.
    for (pieces, yuan) in [(0, 0), (1, 0), (10, 0), (11, 100), (31, 2200), (41, 4300), (51, 7400), (60, 11000)] {
        assert_eq!(fee_by_pieces(pieces).amount, yuan, "{pieces} pieces");
    }
    let fee = fee_by_pieces(35);
    let rates: Vec<_> = fee.bands.iter().map(|b| (b.from, b.to, b.yuan_each)).collect();
    assert_eq!(rates, [(1, 10, 0), (11, 30, 100), (31, 35, 200)]);
    assert!(!fee.notes.is_empty(), "the inferred band reading is stated");
    assert!(fee_by_pieces(30).notes.is_empty());
}

#[test]
fn per_page_examples_and_edges() {
    for (pages, yuan) in [(100, 700), (150, 1700), (200, 2700), (250, 4700)] {
        assert_eq!(fee_by_pages(pages).amount, yuan, "{pages} pages");
    }
    for (pages, yuan) in [(30, 0), (31, 10), (101, 720), (201, 2740)] {
        assert_eq!(fee_by_pages(pages).amount, yuan, "{pages} pages");
    }
    assert_eq!(fee_by_pages(250).bands.last().map(|b| b.yuan_each), Some(40));
}

#[test]
fn pieces_cumulate_within_a_month() {
    // An applicant with 25 pieces this month asks for 10 more: pieces 26–30 at 100, 31–35 at 200.
    assert_eq!(fee_for_more_pieces(25, 10), 1500);
    assert_eq!(fee_for_more_pieces(0, 10), 0);
    assert_eq!(free_band(), (10, 30));
}

#[test]
fn huge_counts_do_not_overflow() {
    assert!(fee_by_pages(u64::MAX / 2).amount > 0);
    assert!(fee_by_pieces(1_000_000).amount > fee_by_pieces(999_999).amount);
    assert_eq!(fee_by_pieces(u64::MAX).amount, u64::MAX);
    // Past the listed bands the closed form must agree with the per-piece rates:
    // piece p (p ≥ 31) costs 200 + 100·⌊(p − 31)/10⌋ yuan.
    let marginal = |p: u64| fee_by_pieces(p).amount - fee_by_pieces(p - 1).amount;
    for p in [10_029, 10_030, 10_031, 10_035, 10_040, 10_041, 25_000] {
        assert_eq!(marginal(p), 200 + 100 * ((p - 31) / 10), "piece {p}");
    }
}
