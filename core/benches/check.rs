//! Checking a realistic ~3 KB publication record (parse + every rule + screening), side by side
//! with parsing the same record with serde_json alone (the peer the target is a ratio of).
//! `check_json` reads the text straight into a tree that borrows its strings (`record::Doc`),
//! without a `Value`. On a busy machine criterion's one-after-the-other timings drift apart, so
//! the bench first prints the ratio of the check to the parse from alternating rounds (median).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongkai::Catalogue;
use gongkai::check::{CheckOptions, check_json};

const RECORD: &str = include_str!("data/normative-3kb.json");

fn bench(c: &mut Criterion) {
    let cat = Catalogue::embedded();
    let opts = CheckOptions::default();
    // Warm the caches (resolved scope, compiled field schema) as a long-running process would.
    let first = check_json(cat, RECORD, &opts).expect("bench record is valid JSON");
    assert!(first.is_empty(), "bench record should be clean: {first:?}");

    paired_ratios(cat);

    let mut g = c.benchmark_group("check_3kb_record");
    g.throughput(Throughput::Elements(1));
    g.bench_function("serde_json_parse_only", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(std::hint::black_box(RECORD)).map(|v| v.is_object()))
    });
    g.bench_function("gongkai_check_json", |b| {
        b.iter(|| check_json(cat, std::hint::black_box(RECORD), &opts).map(|d| d.len()))
    });
    // The same without content screening, to show where the time goes.
    let no_screening = CheckOptions::default().with_skip_screening(true);
    g.bench_function("gongkai_check_json_without_screening", |b| {
        b.iter(|| check_json(cat, std::hint::black_box(RECORD), &no_screening).map(|d| d.len()))
    });
    // A record already parsed (Python dicts, the audit): the Value reader, every rule, screening.
    let parsed: serde_json::Value = serde_json::from_str(RECORD).expect("bench record is valid JSON");
    g.bench_function("gongkai_check_value_of_parsed_record", |b| {
        b.iter(|| gongkai::check::check_value(cat, std::hint::black_box(&parsed), &opts).len())
    });
    g.finish();
}

/// The check's time over the parse's, with and without screening: rounds of 2,000 calls of each
/// in turn, 41 rounds, the median of the rounds' ratios.
fn paired_ratios(cat: &Catalogue) {
    use std::hint::black_box;
    use std::time::Instant;
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..2_000 {
            f();
        }
        start.elapsed().as_secs_f64() / 2_000.0
    };
    let opts = CheckOptions::default();
    let no_screening = CheckOptions::default().with_skip_screening(true);
    let parse = || drop(black_box(serde_json::from_str::<serde_json::Value>(black_box(RECORD))));
    let check = || drop(black_box(check_json(cat, black_box(RECORD), &opts)));
    let check_bare = || drop(black_box(check_json(cat, black_box(RECORD), &no_screening)));
    let (mut with, mut without, mut parses) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..41 {
        let p = time(&parse);
        with.push(time(&check) / p);
        without.push(time(&check_bare) / p);
        parses.push(p);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    eprintln!(
        "check_3kb_record, alternating rounds: check_json = {:.2}x a serde_json Value parse ({:.2}x without \
         screening); the parse's median {:.2} µs",
        median(&mut with),
        median(&mut without),
        median(&mut parses) * 1e6
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
