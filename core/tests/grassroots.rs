//! The 26 grassroots standard catalogues (基层政务公开标准目录): levels (公开层级) applied per tier,
//! departments by sector, 街道办事处 and Art 54 organisations, narrowing by domain and level,
//! overlays, and the audit by domain. Expected rows are read off the reference tables (each
//! domain's 公开层级 and 公开主体 columns), not off the resolver.

use gongkai::report::{self, AuditOptions};
use gongkai::{Catalogue, Institution};
use gongkai::{Status, Timing, TimingStart};
use serde_json::{Value, json};

fn inst(tier: &str, role: Option<&str>, sector: Option<&str>) -> Institution {
    Institution { sector: sector.map(str::to_owned), ..Institution::new("administrative", tier, role) }
}

fn domain_rows(i: &Institution, domain: &str) -> Vec<String> {
    let cat = Catalogue::embedded();
    let r = cat.narrow(cat.resolve(i).unwrap(), Some(domain), None).unwrap();
    r.items.iter().map(|ri| ri.item.id.clone()).collect()
}

#[test]
fn all_26_domains_are_embedded_with_sources() {
    let cat = Catalogue::embedded();
    assert_eq!(cat.domains().domains.len(), 26);
    for d in &cat.domains().domains {
        let t = cat.templates().iter().find(|t| t.domain.as_deref() == Some(d.id.as_str()));
        let t = t.unwrap_or_else(|| panic!("no template for {}", d.id));
        assert_eq!(t.title.zh, format!("{}领域基层政务公开标准目录", d.id));
        assert!(!t.sources.is_empty(), "{}: no sources", d.id);
        assert!(!t.items.is_empty(), "{}: no rows", d.id);
        for item in &t.items {
            assert_eq!(item.domain.as_deref(), Some(d.id.as_str()), "{}", item.id);
            assert!(!item.levels.is_empty(), "{}: no level", item.id);
            // No row is firmer than a local catalogue: none is confirmed.
            assert_ne!(item.status, Status::Confirmed, "{}", item.id);
        }
    }
}

#[test]
fn social_assistance_rows_reach_county_township_and_subdistrict() {
    // 社会救助: every row 县级 and 乡、村级 (JZ-A/B/C).
    for i in [
        inst("county", Some("government"), None),
        inst("township", Some("government"), None),
        inst("subdistrict", None, None),
    ] {
        assert_eq!(domain_rows(&i, "社会救助").len(), 9, "{}", i.tier);
    }
    // The 10-working-day limit from making or obtaining (民办函〔2019〕52号 copies).
    let (item, _) = Catalogue::embedded().item("gr.social_assistance.01").unwrap();
    assert!(matches!(item.timing, Timing::WithinWorkingDays { days: 10, from: TimingStart::MadeOrObtained, .. }));
}

#[test]
fn county_only_rows_do_not_reach_townships() {
    // 税收管理: every row 县级 only (SS-A).
    assert_eq!(domain_rows(&inst("county", Some("government"), None), "税收管理").len(), 6);
    assert!(domain_rows(&inst("township", Some("government"), None), "税收管理").is_empty());
    // 城乡规划: rows 1–6 县级 (GH-A), 3 rows 乡级 from a township catalogue (GH-C).
    assert_eq!(domain_rows(&inst("county", Some("government"), None), "城乡规划").len(), 6);
    assert_eq!(
        domain_rows(&inst("township", Some("government"), None), "城乡规划"),
        ["gr.urban_rural_planning.07", "gr.urban_rural_planning.08", "gr.urban_rural_planning.09"]
    );
    // The township penalty row has the 7-working-day limit for enforcement decisions.
    let (item, _) = Catalogue::embedded().item("gr.urban_rural_planning.09").unwrap();
    assert_eq!(item.timing.limit_days(), Some(7));
}

#[test]
fn a_department_gets_the_domains_its_sector_owns() {
    let civil = inst("county", Some("department"), Some("civil_affairs"));
    let cat = Catalogue::embedded();
    let rows: Vec<_> = cat.resolve(&civil).unwrap().items.into_iter().filter_map(|ri| ri.item.domain.clone()).collect();
    // 社会救助 9 + 养老服务 5 (民政部门), and the 部门决算 row every department publishes.
    assert_eq!(rows.iter().filter(|d| *d == "社会救助").count(), 9);
    assert_eq!(rows.iter().filter(|d| *d == "养老服务").count(), 5);
    assert_eq!(rows.len(), 15);
    // A row naming its own subject goes to that department: 建设项目用地预审 → natural resources.
    let nr = domain_rows(&inst("county", Some("department"), Some("natural_resources")), "重大建设项目");
    assert!(nr.contains(&"gr.major_construction_projects.08".to_owned()));
    assert!(!nr.contains(&"gr.major_construction_projects.04".to_owned()), "项目建议书审批 is 发改's");
    // A department without a sector gets no domain rows; the government gets them all.
    assert!(domain_rows(&inst("county", Some("department"), None), "社会救助").is_empty());
}

#[test]
fn art54_organisation_gets_the_baseline_and_its_sectors_rows() {
    let cat = Catalogue::embedded();
    let org = Institution {
        sector: Some("human_resources_social_security".into()),
        ..Institution::new("authorised_organisation", "county", None)
    };
    let r = cat.resolve(&org).unwrap();
    assert!(r.items.iter().any(|ri| ri.item.id == "admin.art12.guide"), "the 条例 applies (Art 54)");
    let domains: Vec<_> = r.items.iter().filter_map(|ri| ri.item.domain.as_deref()).collect();
    assert_eq!(domains.iter().filter(|d| **d == "社会保险").count(), 8);
    assert_eq!(domains.iter().filter(|d| **d == "就业").count(), 3);
    // Art 54 organisations may cite the 条例's exemption grounds.
    assert!(cat.ground("ogi.art14.state_secret").unwrap().kinds.iter().any(|k| k == "authorised_organisation"));
}

#[test]
fn narrowing_by_domain_key_and_level_title() {
    let cat = Catalogue::embedded();
    let gov = inst("county", Some("government"), None);
    let by_key = cat.narrow(cat.resolve(&gov).unwrap(), Some("social_assistance"), Some("村级")).unwrap();
    assert_eq!(by_key.items.len(), 9);
    // 扶贫: rows 1–3 print 县级 and 乡、村级; rows 4–5 (识别, 退出) 乡、村级 only, so the county
    // government has 3 rows, all of which are also 乡级, and the township all 5.
    let poverty = cat.narrow(cat.resolve(&gov).unwrap(), Some("扶贫"), Some("township")).unwrap();
    assert_eq!(poverty.items.len(), 3);
    let town = inst("township", Some("government"), None);
    assert_eq!(cat.narrow(cat.resolve(&town).unwrap(), Some("扶贫"), None).unwrap().items.len(), 5);
    let e = cat.narrow(cat.resolve(&gov).unwrap(), Some("太空"), None).unwrap_err().to_string();
    assert!(e.contains("unknown domain `太空`") && e.contains("社会救助"), "{e}");
    let e = cat.narrow(cat.resolve(&gov).unwrap(), None, Some("省级")).unwrap_err().to_string();
    assert!(e.contains("unknown level `省级`"), "{e}");
}

fn example(path: &str) -> (String, String) {
    let p = format!("{}/../examples/overlays/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&p).unwrap();
    (p, text)
}

#[test]
fn county_overlay_adds_rows_and_tightens_a_limit() {
    let (p, text) = example("county-grassroots.yaml");
    let cat = Catalogue::embedded().with_overlay(&p, &text).unwrap();
    let gov = inst("county", Some("government"), None);
    let housing = cat.narrow(cat.resolve(&gov).unwrap(), Some("保障性住房"), None).unwrap();
    assert_eq!(housing.items.len(), 7);
    let food = cat.narrow(cat.resolve(&gov).unwrap(), Some("食品药品监管"), None).unwrap();
    assert_eq!(food.items.len(), 6);
    let licence = food.item("gr.food_drug_regulation.02").unwrap();
    assert_eq!(licence.item.timing.limit_days(), Some(7));
    assert_eq!(licence.changed_by, ["example.county.grassroots"]);
    // The township gets the one local row the overlay gives 乡级.
    let town = cat
        .narrow(cat.resolve(&inst("township", Some("government"), None)).unwrap(), Some("食品药品监管"), None)
        .unwrap();
    assert_eq!(
        town.items.iter().map(|ri| ri.item.id.as_str()).collect::<Vec<_>>(),
        ["county.food_drug.small_catering_filing_guide"]
    );
}

#[test]
fn bad_grassroots_overlay_is_refused_with_positions() {
    let (p, text) = example("bad-grassroots-overlay.yaml");
    let findings = gongkai::catalogue::lint_source(Catalogue::embedded(), &p, &text);
    let at = |code: &str| {
        findings
            .iter()
            .find(|f| f.diagnostic.code == code)
            .map(|f| (f.location.line, f.location.column, f.location.path.clone().unwrap_or_default()))
            .unwrap_or_else(|| panic!("{code} missing"))
    };
    assert_eq!(at("catalogue_unknown_domain"), (Some(15), Some(13), "/items/0/domain".into()));
    assert_eq!(at("catalogue_unknown_level"), (Some(24), Some(14), "/items/1/levels/0".into()));
    assert_eq!(at("catalogue_missing_citation").2, "/items/2/basis");
    assert_eq!(at("catalogue_drops_level").2, "/changes/0/levels");
    let dups: Vec<_> = findings.iter().filter(|f| f.diagnostic.code == "catalogue_duplicate_id").collect();
    assert_eq!(dups.len(), 2, "a row of another domain, and one id twice");
    assert!(Catalogue::embedded().with_overlay(&p, &text).is_err());
}

#[test]
fn overlay_row_without_level_is_refused() {
    let text = r#"
id: x
version: "1"
title: { zh: 例, en: x }
applies_to: { kinds: [administrative] }
basis: [{ instrument: 某县目录, status: secondary }]
items:
  - id: county.x
    title: { zh: 例, en: x }
    category: [一, 二]
    domain: 救灾
    basis: [{ instrument: 某县目录, status: secondary }]
    mode: proactive
    timing: { kind: timely }
"#;
    let f = gongkai::catalogue::lint_source(Catalogue::embedded(), "o.yaml", text);
    assert!(f.iter().any(|f| f.diagnostic.code == "catalogue_missing_level" && f.location.line == Some(8)), "{f:?}");
}

fn pubrec(name: &str, tier: &str, item: &str, formed: &str, published: &str) -> Value {
    json!({"kind": "publication", "institution": {"kind": "administrative", "tier": tier, "name": name},
           "item": item, "channels": ["government_website"], "formed": formed, "published": published})
}

#[test]
fn audit_by_domain_for_a_county_and_its_townships() {
    let county = Institution { name: Some("某县人民政府".into()), ..inst("county", Some("government"), None) };
    let town = Institution { name: Some("甲镇人民政府".into()), ..inst("township", Some("government"), None) };
    let street = Institution { name: Some("城关街道办事处".into()), ..inst("subdistrict", None, None) };
    let records = vec![
        pubrec("某县人民政府", "county", "gr.social_assistance.01", "2025-03-03", "2025-03-10"),
        // 10 working days from 2025-04-01 is 2025-04-15: late.
        pubrec("某县人民政府", "county", "gr.social_assistance.04", "2025-04-01", "2025-04-30"),
        json!({"kind": "publication", "institution": {"name": "某县人民政府"}, "item": "gr.land_expropriation.01", "nothing_arose": true, "period": "2025"}),
        pubrec("甲镇人民政府", "township", "gr.social_assistance.05", "2025-05-06", "2025-05-12"),
        pubrec("无名镇", "township", "gr.social_assistance.05", "2025-05-06", "2025-05-12"),
    ];
    let opts = AuditOptions { today: None, check_records: false, ..Default::default() };
    let area = report::audit_area(Catalogue::embedded(), &[county, town, street], 2025, &records, &opts).unwrap();
    assert_eq!(area.records_unassigned, 1);
    // Each record is read as `gongkai check` reads it, its findings in the audit of its institution
    // at its index among all the records (the statement's are only of its institution and item).
    let found: Vec<Vec<String>> =
        area.audits.iter().map(|a| a.record_diagnostics.iter().map(|d| d.path.to_string()).collect()).collect();
    let titles = |i: &[usize]| i.iter().map(|i| format!("/{i}/title")).collect::<Vec<_>>();
    let county_found = [titles(&[0, 1]), vec!["/2/institution/kind".into(), "/2/institution/tier".into()]].concat();
    assert_eq!(found, [county_found, titles(&[3]), vec![]]);
    let row =
        |domain: &str, who: &str| area.domains.iter().find(|r| r.domain == domain && r.institution == who).unwrap();
    let c = row("社会救助", "某县人民政府");
    assert_eq!((c.coverage.expected, c.coverage.covered), (9, 2));
    assert_eq!(c.coverage.late, ["gr.social_assistance.04"]);
    assert_eq!(c.coverage.missing.len(), 7);
    let land = row("征地补偿", "某县人民政府");
    assert_eq!(land.coverage.nothing_arose, ["gr.land_expropriation.01"]);
    assert!(!land.coverage.missing.contains(&"gr.land_expropriation.01".to_owned()));
    let t = row("社会救助", "甲镇人民政府");
    assert_eq!((t.coverage.expected, t.coverage.covered), (9, 1));
    let s = row("社会救助", "城关街道办事处");
    assert_eq!(s.coverage.covered, 0);
    // Only county-level domains have a county row: no 税收管理 row for the township.
    assert!(area.domains.iter().all(|r| !(r.domain == "税收管理" && r.institution == "甲镇人民政府")));
    let text = report::render::area_text(&area, gongkai::Lang::Zh);
    assert!(text.contains("社会救助 · 某县人民政府 · 超期公开: gr.social_assistance.04"), "{text}");
}

#[test]
fn a_nothing_arose_statement_is_checked_for_its_item_only() {
    let cat = Catalogue::embedded();
    let ok = json!({"kind": "publication", "institution": {"kind": "administrative", "tier": "county", "role": "government"},
                    "item": "gr.land_expropriation.01", "nothing_arose": true, "period": "2025"});
    assert!(gongkai::check::check_value(cat, &ok, &Default::default()).is_empty());
    // A county-only row stated by a township: the item does not apply to it.
    let wrong = json!({"kind": "publication", "institution": {"kind": "administrative", "tier": "township", "role": "government"},
                       "item": "gr.tax_administration.01", "nothing_arose": true, "period": "2025"});
    let d = gongkai::check::check_value(cat, &wrong, &Default::default());
    assert!(d.iter().any(|d| d.path == "/item"), "{d:?}");
}

#[test]
fn penalty_duties_reach_township_governments_and_street_offices() {
    // 行政处罚法 Art 24 ¶1 names both: 乡镇人民政府、街道办事处 may exercise penalty powers handed down
    // by the province, and then publish as the departments do (Arts 39, 48).
    let cat = Catalogue::embedded();
    for i in [inst("township", Some("government"), None), inst("subdistrict", None, None)] {
        let r = cat.resolve(&i).unwrap();
        assert!(r.items.iter().any(|ri| ri.item.id == "penalty.art48.decision"), "{}", i.tier);
    }
}
