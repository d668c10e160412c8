//! add_working_days / working_days_between / day_kind throughput on the embedded calendar.
//! Target (issue 4): add_working_days ≥ 10 M calls/s. Peer: benches/peers/calendar_peer.py.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongkai::calendar::Calendar;

/// 1,024 start dates spread over 2007–2026 (a fixed LCG, so runs compare).
fn starts() -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2007, 1, 1).unwrap();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..1024)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            first.checked_add_days(Days::new((x >> 33) % 7270)).unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::embedded();
    let dates = starts();
    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(dates.len() as u64));
    g.bench_function("add_working_days(d, 20) x1024", |b| {
        b.iter(|| {
            for d in &dates {
                black_box(cal.add_working_days(black_box(*d), 20).unwrap());
            }
        })
    });
    g.bench_function("add_working_days(d, 250) x1024", |b| {
        b.iter(|| {
            for d in &dates {
                black_box(cal.add_working_days(black_box(*d), 250).ok());
            }
        })
    });
    g.bench_function("working_days_between(d, d+30) x1024", |b| {
        let pairs: Vec<_> = dates.iter().map(|d| (*d, d.checked_add_days(Days::new(30)).unwrap())).collect();
        b.iter(|| {
            for (a, z) in &pairs {
                black_box(cal.working_days_between(black_box(*a), black_box(*z)).ok());
            }
        })
    });
    g.bench_function("is_working_day x1024", |b| {
        b.iter(|| {
            for d in &dates {
                black_box(cal.is_working_day(black_box(*d)).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
