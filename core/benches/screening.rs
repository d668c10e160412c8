//! Screening throughput on the generated corpus (tests/corpus/corpus.jsonl, from
//! scripts/gen_corpus.py): `dense` is every paragraph (about one identifier per 100 characters),
//! `plain` the paragraphs without a labelled identifier (Chinese prose with dates, document
//! numbers and amounts). The peers in benches/peers/ read the same file.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongkai::screening::{RedactMode, redact, scan};

const CORPUS: &str = include_str!("../../tests/corpus/corpus.jsonl");

fn texts(only_unlabelled: bool) -> String {
    let mut out = String::new();
    for line in CORPUS.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let unlabelled = v["labels"].as_array().is_some_and(|l| l.is_empty());
        if only_unlabelled && !unlabelled {
            continue;
        }
        if let Some(t) = v["text"].as_str() {
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("screening");
    for (name, text) in [("dense", texts(false)), ("plain", texts(true))] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("scan/{name}"), |b| b.iter(|| scan(std::hint::black_box(&text)).len()));
        if name == "dense" {
            group.bench_function("redact_mask/dense", |b| {
                b.iter(|| redact(std::hint::black_box(&text), RedactMode::Mask).changes.len())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
