//! A site snapshot of 2,000 columns and 200,000 items (plus 5,000 messages, 20 accounts) checked
//! from its JSON text on one core. Target: at most 1 s. Side by side, in the same run, the
//! serde_json parse of the same text into a `Value` (which the check includes), as the floor.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::calendar::Calendar;
use gongkai::site::{self, SiteOptions, SiteRules};
use serde_json::{Value, json};

const COLUMNS: usize = 2_000;
const ITEMS_PER_COLUMN: usize = 100;
const MESSAGES: usize = 5_000;

fn snapshot() -> String {
    let day = |k: usize| {
        let d = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap() + chrono::Days::new((k % 370) as u64);
        d.format("%Y-%m-%d").to_string()
    };
    let types = ["news", "notice", "policy", "other"];
    let mut columns: Vec<Value> = (0..COLUMNS)
        .map(|c| {
            let items: Vec<Value> = (0..ITEMS_PER_COLUMN)
                .map(|i| {
                    let mut item = json!({"title": format!("关于某县第{c}栏目第{i}条信息的公告（2026年）"), "published": day(c * 31 + i * 3)});
                    if i % 50 == 0 {
                        item["text"] = json!("经研究，现将有关事项公告如下：请于工作日到县政务服务中心办理，联系电话 0571-87654321。");
                    }
                    item
                })
                .collect();
            let mut col = json!({"id": format!("c{c}"), "title": format!("栏目{c}"), "type": types[c % 4], "level": 1 + c % 2, "items": items});
            if c % 10 == 3 {
                col["update_days"] = json!(90);
            }
            col
        })
        .collect();
    columns.push(json!({"id": "zxzx", "title": "咨询建言", "type": "consultation"}));
    let messages: Vec<Value> = (0..MESSAGES)
        .map(|m| {
            let received = day(m * 7);
            json!({"id": format!("m{m}"), "column": "zxzx", "received": format!("{received}T09:30"),
                   "replied": if m % 9 == 0 { Value::Null } else { json!(format!("{}T16:00", day(m * 7 + m % 8))) }})
        })
        .collect();
    let accounts: Vec<Value> = (0..20)
        .map(|a| json!({"id": format!("a{a}"), "platform": "wechat", "name": format!("号{a}"), "last_post": day(360 + a), "interaction": a % 7 != 0}))
        .collect();
    json!({"kind": "site", "as_of": "2026-03-10", "site": {"name": "某市政府网站集约化平台"},
           "homepage": {"last_updated": "2026-03-09"}, "columns": columns, "messages": messages, "accounts": accounts})
    .to_string()
}

fn bench(c: &mut Criterion) {
    let text = snapshot();
    let rules = SiteRules::embedded();
    let cal = Calendar::embedded();
    let report = site::check_json(rules, cal, &text, &SiteOptions::new());
    assert_eq!(report.items, COLUMNS * ITEMS_PER_COLUMN);
    eprintln!(
        "snapshot: {:.1} MB, {} columns, {} items, {} findings",
        text.len() as f64 / 1e6,
        report.columns,
        report.items,
        report.findings.len()
    );
    let mut g = c.benchmark_group("site");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("check_json 2,000 columns / 200,000 items", |b| {
        b.iter(|| black_box(site::check_json(rules, cal, black_box(&text), &SiteOptions::new())))
    });
    g.bench_function("serde_json::from_str::<Value> (same text)", |b| {
        b.iter(|| black_box(serde_json::from_str::<Value>(black_box(&text)).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
