//! Checking a realistic ~3 KB publication record (parse + every rule + screening), side by side
//! with parsing the same record with serde_json alone (the peer the target is a ratio of).
//! `check_json` reads a well-formed publication without a `Value` tree (`check::fast`), so it
//! can cost less than the parse alone.

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

criterion_group!(benches, bench);
criterion_main!(benches);
