//! Catalogue figures: first load of the embedded catalogues (from the JSON converted at build
//! time, as the library does; and from the YAML sources with lint, as `from_dir` does), and
//! resolving for an institution.

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::catalogue::embedded;
use gongkai::{Catalogue, Institution};

fn bench(c: &mut Criterion) {
    let sources: Vec<(String, String)> =
        embedded::FILES.iter().map(|(p, t)| ((*p).to_owned(), (*t).to_owned())).collect();
    c.bench_function("catalogue/load_embedded", |b| b.iter(|| Catalogue::parse_embedded().templates().len()));
    c.bench_function("catalogue/load_yaml_sources_with_lint", |b| {
        b.iter(|| Catalogue::from_sources(std::hint::black_box(&sources)).map(|c| c.templates().len()))
    });
    let cat = Catalogue::embedded();
    let county = Institution::new("administrative", "county", Some("government"));
    // The county government resolves to its baseline items and every 县级 row of the 26 domains.
    c.bench_function("catalogue/resolve_county_government", |b| {
        b.iter(|| cat.resolve(std::hint::black_box(&county)).map(|r| r.items.len()))
    });
    let township = Institution::new("administrative", "township", Some("government"));
    c.bench_function("catalogue/resolve_township_government", |b| {
        b.iter(|| cat.resolve(std::hint::black_box(&township)).map(|r| r.items.len()))
    });
    c.bench_function("catalogue/resolve_county_government_one_domain", |b| {
        b.iter(|| {
            cat.resolve(std::hint::black_box(&county))
                .and_then(|r| cat.narrow(r, Some("社会救助"), None))
                .map(|r| r.items.len())
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
