//! Auditing 1,000 institutions × 500 records each (450 publications, 50 requests), synthetic
//! records generated here. Target: at most 10 s for the lot on the project machine.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::report::{self, AuditOptions};
use gongkai::{Catalogue, Institution};
use serde_json::{Value, json};

const INSTITUTIONS: usize = 1_000;
const RECORDS: usize = 500;

fn records_for(n: usize, items: &[String]) -> Vec<Value> {
    let day = |k: usize| {
        let d = chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap() + chrono::Days::new((k % 330) as u64);
        d.format("%Y-%m-%d").to_string()
    };
    (0..RECORDS)
        .map(|k| {
            let seed = n * 7919 + k * 104_729;
            if k % 10 == 9 {
                json!({
                    "kind": "request", "id": format!("q{n}-{k}"),
                    "received": day(seed), "channel": "online",
                    "response_type": "granted", "reply_date": day(seed + 15 + seed % 20),
                    "applicant_type": "natural_person"
                })
            } else {
                let item = &items[seed % items.len()];
                json!({
                    "kind": "publication", "id": format!("p{n}-{k}"), "item": item,
                    "institution": {"kind": "administrative", "tier": "county", "role": "department"},
                    "title": "synthetic", "formed": day(seed), "published": day(seed + seed % 40),
                    "period": "2024"
                })
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cat = Catalogue::embedded();
    let inst = Institution::new("administrative", "county", Some("department"));
    let items: Vec<String> = cat.resolve(&inst).unwrap().items.iter().map(|i| i.item.id.clone()).collect();
    let corpus: Vec<Vec<Value>> = (0..INSTITUTIONS).map(|n| records_for(n, &items)).collect();
    let opts = AuditOptions { today: None, check_records: true, ..Default::default() };
    let mut g = c.benchmark_group("audit");
    g.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_secs(1));
    g.bench_function("one institution, 500 records", |b| {
        b.iter(|| report::audit_with(cat, &inst, 2025, black_box(&corpus[0]), &opts).unwrap())
    });
    g.bench_function("1000 institutions x 500 records", |b| {
        b.iter(|| {
            for recs in &corpus {
                black_box(report::audit_with(cat, &inst, 2025, black_box(recs), &opts).unwrap());
            }
        })
    });
    g.bench_function("1000 institutions x 500 records, one thread per core", |b| {
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        let chunk = corpus.len().div_ceil(threads);
        b.iter(|| {
            std::thread::scope(|s| {
                for part in corpus.chunks(chunk) {
                    let (inst, opts) = (&inst, &opts);
                    s.spawn(move || {
                        for recs in part {
                            black_box(report::audit_with(cat, inst, 2025, black_box(recs), opts).unwrap());
                        }
                    });
                }
            })
        })
    });
    g.bench_function("peer: serde_json parse of the same records (1000 x 500)", |b| {
        let texts: Vec<String> = corpus.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
        b.iter(|| {
            for t in &texts {
                black_box(serde_json::from_str::<Vec<Value>>(t).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
