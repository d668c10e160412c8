//! The embedded catalogue data checked against what the instruments themselves say: the number of
//! items each article lists, their deadlines, and the reference's confirmation status of each entry.

use std::collections::BTreeMap;

use gongkai::Catalogue;
use gongkai::Institution;
use gongkai::{Nature, Period, ResponseType, Status, Timing, TimingStart};

const ADMIN_TIERS: [&str; 5] = ["national", "provincial", "municipal", "county", "township"];
const ROLES: [&str; 2] = ["government", "department"];
/// The item numerals of 条例 Art 20, in order.
const NUMERALS: [&str; 15] =
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

fn inst(kind: &str, tier: &str, role: Option<&str>, sector: Option<&str>) -> Institution {
    Institution { sector: sector.map(str::to_owned), ..Institution::new(kind, tier, role) }
}

fn ids(kind: &str, tier: &str, role: Option<&str>, sector: Option<&str>) -> Vec<String> {
    let resolved = Catalogue::embedded().resolve(&inst(kind, tier, role, sector)).expect("known institution");
    resolved.items.iter().map(|i| i.item.id.clone()).collect()
}

fn with_prefix<'a>(ids: &'a [String], prefix: &str) -> Vec<&'a str> {
    ids.iter().map(String::as_str).filter(|i| i.starts_with(prefix)).collect()
}

fn rank(s: Status) -> u8 {
    match s {
        Status::Confirmed => 0,
        Status::Secondary => 1,
        _ => 2,
    }
}

#[test]
fn art20_fifteen_items_for_every_administrative_tier_and_role() {
    let cat = Catalogue::embedded();
    for tier in ADMIN_TIERS {
        for role in ROLES {
            let ids = ids("administrative", tier, Some(role), None);
            let art20 = with_prefix(&ids, "admin.art20.");
            assert_eq!(art20.len(), 15, "{tier}/{role}: {art20:?}");
            for (n, numeral) in NUMERALS.iter().enumerate() {
                let id = format!("admin.art20.{:02}", n + 1);
                let (item, source) = cat.item(&id).expect("item exists");
                assert_eq!(source, "admin.national");
                let article = item.basis[0].article.as_deref().unwrap_or_default();
                assert_eq!(article, format!("第二十条第（{numeral}）项"), "{id}");
            }
        }
    }
}

#[test]
fn art21_items_by_tier() {
    // 条例 Art 21, as the statute lists them.
    let local = ["市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"];
    let township = [
        "贯彻落实农业农村政策",
        "农田水利工程建设运营",
        "农村土地承包经营权流转",
        "宅基地使用情况审核",
        "土地征收",
        "房屋征收",
        "筹资筹劳",
        "社会救助",
    ];
    let cat = Catalogue::embedded();
    let titles = |ids: &[&str]| ids.iter().map(|id| cat.item(id).unwrap().0.title.zh.to_string()).collect::<Vec<_>>();
    for tier in ["municipal", "county"] {
        for role in ROLES {
            let ids = ids("administrative", tier, Some(role), None);
            let art21: Vec<&str> =
                with_prefix(&ids, "admin.art21.").into_iter().filter(|i| !i.contains("township")).collect();
            assert_eq!(titles(&art21), local, "{tier}/{role}");
            assert!(with_prefix(&ids, "admin.art21.township.").is_empty());
        }
    }
    let ids = ids("administrative", "township", Some("government"), None);
    let town = with_prefix(&ids, "admin.art21.township.");
    assert_eq!(titles(&town), township);
    assert_eq!(with_prefix(&ids, "admin.art21.").len(), 8);
    for tier in ["national", "provincial"] {
        assert!(with_prefix(&ids_for(tier), "admin.art21.").is_empty(), "{tier}");
    }
}

fn ids_for(tier: &str) -> Vec<String> {
    ids("administrative", tier, Some("government"), None)
}

#[test]
fn annual_reports_follow_art49() {
    let cat = Catalogue::embedded();
    let due = |id: &str| match &cat.item(id).unwrap().0.timing {
        Timing::Periodic { period, due, .. } => (*period, due.clone()),
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(due("admin.art49.report.department"), (Period::CalendarYear, "01-31".to_owned()));
    assert_eq!(due("admin.art49.report.government"), (Period::CalendarYear, "03-31".to_owned()));
    // County departments report by 31 January, county governments by 31 March; Art 49 binds
    // neither township governments nor the State Council.
    let county_dept = ids("administrative", "county", Some("department"), None);
    assert_eq!(with_prefix(&county_dept, "admin.art49."), ["admin.art49.report.department"]);
    let county_gov = ids("administrative", "county", Some("government"), None);
    assert_eq!(with_prefix(&county_gov, "admin.art49."), ["admin.art49.report.government"]);
    assert!(with_prefix(&ids("administrative", "township", Some("government"), None), "admin.art49.").is_empty());
    assert!(with_prefix(&ids("administrative", "national", Some("government"), None), "admin.art49.").is_empty());
}

#[test]
fn totals_per_administrative_tier() {
    // 2 Art 12 items + 15 Art 20 items, + 7 or 8 Art 21 items, + the annual report where Art 49 applies,
    // + the 5 行政处罚法 items for departments and township governments (Art 24).
    let expected = [
        ("national", "government", 17),
        ("national", "department", 23),
        ("provincial", "government", 18),
        ("provincial", "department", 23),
        ("municipal", "government", 25),
        ("municipal", "department", 30),
        ("county", "government", 25),
        ("county", "department", 30),
        ("township", "government", 30),
    ];
    // The grassroots domain rows come on top (core/tests/grassroots.rs counts them).
    let own = |ids: Vec<String>| {
        ids.into_iter().filter(|i| !i.starts_with("gr.") && !i.starts_with("edu.grassroots.")).count()
    };
    for (tier, role, n) in expected {
        assert_eq!(own(ids("administrative", tier, Some(role), None)), n, "{tier}/{role}");
    }
}

#[test]
fn budgets_use_budget_law_calendar_days_from_approval() {
    let (item, _) = Catalogue::embedded().item("admin.art20.07").unwrap();
    match &item.timing {
        Timing::WithinDays { days, from, basis } => {
            assert_eq!(*days, 20);
            assert_eq!(*from, TimingStart::Approved);
            assert_eq!(basis.instrument, "预算法");
            assert!(basis.article.as_deref().unwrap_or_default().starts_with("第十四条"));
        }
        other => panic!("budget timing must be 预算法 Art 14 calendar days, got {other:?}"),
    }
    // Every other Art 20 item keeps 条例 Art 26's 20 working days.
    let (fees, _) = Catalogue::embedded().item("admin.art20.08").unwrap();
    assert!(matches!(&fees.timing, Timing::WithinWorkingDays { days: 20, .. }));
}

#[test]
fn university_list_has_fifty_items_in_ten_categories() {
    let ids = ids("university", "central", None, None);
    let list = with_prefix(&ids, "uni.list.");
    assert_eq!(list.len(), 50);
    let cat = Catalogue::embedded();
    let mut sizes: Vec<(String, usize)> = Vec::new();
    for id in &list {
        let category = cat.item(id).unwrap().0.category[0].clone();
        match sizes.last_mut() {
            Some((c, n)) if *c == category => *n += 1,
            _ => sizes.push((category, 1)),
        }
    }
    assert_eq!(sizes.len(), 10, "{sizes:?}");
    assert_eq!(sizes.iter().map(|(_, n)| *n).take(3).collect::<Vec<_>>(), [6, 8, 7]);
    assert_eq!(sizes[0].0, "基本信息");
    assert_eq!(sizes[9].0, "其他信息");
    // The 20-working-day rule of 教办函〔2014〕23号, except the annual report.
    for id in &list {
        let item = &cat.item(id).unwrap().0;
        if *id == "uni.list.06" {
            match &item.timing {
                Timing::Periodic { period, due, basis } => {
                    assert_eq!((*period, due.as_str()), (Period::AcademicYear, "10-31"));
                    assert_eq!(basis.status, Status::Secondary);
                }
                other => panic!("annual report timing: {other:?}"),
            }
        } else {
            assert!(matches!(item.timing, Timing::WithinWorkingDays { days: 20, .. }), "{id}");
        }
    }
}

#[test]
fn university_statuses_follow_the_reference() {
    let cat = Catalogue::embedded();
    let status = |n: u32| cat.item(&format!("uni.list.{n:02}")).unwrap().0.status;
    // UNCONFIRMED in the reference (cn-law §5.2, §12).
    for n in [30, 49, 50] {
        assert_eq!(status(n), Status::Unverified, "item {n}");
    }
    // (S) in the reference; items 2–17 are (C) there, but their only source (UNI-J) is one
    // university's own catalogue, so they are no firmer than secondary.
    for n in (1..=29).chain(31..=48) {
        assert_eq!(status(n), Status::Secondary, "item {n}");
    }
    assert!((1..=50).all(|n| status(n) != Status::Confirmed));
}

/// The independent audit's findings, each checked against the source's own words.
#[test]
fn audit_fixes_read_the_sources_words() {
    let cat = Catalogue::embedded();
    // 教办函〔2014〕23号, 一、基本信息 item 1.
    assert_eq!(
        cat.item("uni.list.01").unwrap().0.title.zh,
        "办学规模、校级领导班子简介及分工、学校机构设置、学科情况、专业情况、各类在校生情况、教师和专业技术人员数量等办学基本情况"
    );
    let ground = |id: &str| cat.grounds().iter().find(|g| g.id == id).unwrap_or_else(|| panic!("{id}"));
    // 医疗卫生机构信息公开管理办法 Art 7 (4) and (5).
    assert!(ground("health.art7.security_order").title.zh.contains("社会稳定及正常医疗秩序"));
    assert!(!ground("health.art7.security_order").title.zh.contains("或者正常医疗秩序"));
    assert!(
        ground("health.art7.advertising")
            .title
            .zh
            .contains("违反《中华人民共和国广告法》等法律法规规定或涉嫌夸大、虚假宣传等内容")
    );
    // 条例 Art 36(三): "告知申请人不予公开并说明理由" is all a reply withholding information must
    // state; the Art 32 consultation is a step on the record, not a content of the reply.
    for id in ["ogi.art15.trade_secret", "ogi.art15.personal_privacy"] {
        let must: Vec<_> = ground(id).decision_must_state.iter().map(|t| &*t.zh).collect();
        assert_eq!(must, ["告知申请人不予公开并说明理由"], "{id}");
    }
    // 民法典 Art 201 is read in its text; its use for 条例 periods is practice (cn-law §1.5).
    let counting = &gongkai::deadlines::rules().counting;
    assert_eq!(counting.basis[0].status, Status::Confirmed);
    assert_eq!(counting.status, Status::Unverified);
    // 医疗卫生机构信息公开管理办法 Art 6: (一)(五)(八) read in the text; the rest only in news summaries.
    let health = |n: u32| cat.item(&format!("health.art6.{n:02}")).unwrap().0;
    for n in [1, 5, 8] {
        assert_eq!(health(n).status, Status::Confirmed, "Art 6 item {n}");
    }
    for n in [2, 3, 4, 6, 7, 9, 10] {
        assert_eq!(health(n).status, Status::Secondary, "Art 6 item {n}");
        assert_eq!(health(n).basis[0].status, Status::Secondary, "Art 6 item {n}");
    }
    // Art 6(二) "机构科室分布、人员标识、标识导引": one element for each of the three.
    let titles: Vec<_> = health(2).elements.iter().map(|e| &*e.title.zh).collect();
    assert_eq!(titles, ["科室分布", "人员标识", "标识导引"]);
}

#[test]
fn health_art6_items_for_every_tier_and_basic_items_by_tier() {
    for tier in ["hospital", "primary_care", "public_health"] {
        let ids = ids("health", tier, None, None);
        assert_eq!(with_prefix(&ids, "health.art6.").len(), 10, "{tier}");
    }
    let hospital = ids("health", "hospital", None, None);
    let primary = ids("health", "primary_care", None, None);
    let public = ids("health", "public_health", None, None);
    assert_eq!(with_prefix(&hospital, "health.basic.hospital.").len(), 5);
    assert!(with_prefix(&hospital, "health.basic.primary.").is_empty());
    assert_eq!(with_prefix(&primary, "health.basic.primary.").len(), 4);
    assert!(with_prefix(&public, "health.basic.").is_empty());
    let cat = Catalogue::embedded();
    for id in with_prefix(&hospital, "health.").into_iter().chain(with_prefix(&primary, "health.basic.")) {
        let item = &cat.item(id).unwrap().0;
        // Art 13's 20 working days is secondary in the reference.
        match &item.timing {
            Timing::WithinWorkingDays { days: 20, basis, .. } => assert_eq!(basis.status, Status::Secondary),
            other => panic!("{id}: {other:?}"),
        }
        if id.starts_with("health.basic.") {
            assert_ne!(item.status, Status::Confirmed, "{id}");
        }
    }
}

#[test]
fn compulsory_education_catalogue_binds_county_education_departments_not_schools() {
    let bureau = ids("administrative", "county", Some("department"), Some("education"));
    assert_eq!(with_prefix(&bureau, "edu.grassroots.").len(), 13);
    // The county government publishes the county's catalogue, so it has the rows too.
    assert_eq!(with_prefix(&ids("administrative", "county", Some("government"), None), "edu.grassroots.").len(), 13);
    assert!(with_prefix(&ids("administrative", "county", Some("department"), Some("health")), "edu.").is_empty());
    assert!(with_prefix(&ids("administrative", "municipal", Some("department"), Some("education")), "edu.").is_empty());
    for tier in ["primary", "junior_secondary", "kindergarten"] {
        let school = ids("school", tier, None, None);
        assert!(with_prefix(&school, "edu.").is_empty());
        // No national per-school catalogue was read in its own text: nothing is confirmed.
        let cat = Catalogue::embedded();
        assert!(school.iter().all(|id| cat.item(id).unwrap().0.status != Status::Confirmed), "{tier}");
    }
}

/// 教办〔2010〕15号 covers 普通中小学、中等职业学校和特殊教育学校 (its opening); 中国教育报 names three of its eleven
/// categories: 学校基本情况、规章制度及办事流程、教学科研工作的有关规定. Kindergartens have no national catalogue.
#[test]
fn school_categories_read_from_the_opinion_apply_to_every_school_tier_but_kindergartens() {
    let cat = Catalogue::embedded();
    for tier in ["primary", "junior_secondary", "senior_secondary", "secondary_vocational", "special_education"] {
        let titles: Vec<String> = with_prefix(&ids("school", tier, None, None), "school.k12.")
            .iter()
            .map(|id| cat.item(id).unwrap().0.title.zh.to_string())
            .collect();
        assert_eq!(titles, ["学校基本情况", "规章制度及办事流程", "教学科研工作的有关规定"], "{tier}");
        for id in with_prefix(&ids("school", tier, None, None), "school.k12.") {
            let item = cat.item(id).unwrap().0;
            assert_eq!(item.status, Status::Secondary);
            assert!(item.basis.iter().any(|b| b.instrument.contains("教办〔2010〕15号")));
        }
    }
    assert!(ids("school", "kindergarten", None, None).is_empty());
    let resolved = cat.resolve(&gongkai::Institution::new("school", "kindergarten", None)).unwrap();
    let note: String = resolved.notes.iter().map(|n| n.zh.to_string()).collect();
    assert!(note.contains("未找到全国性的幼儿园信息公开目录"), "{note}");
}

#[test]
fn grounds_follow_articles_14_to_16() {
    let cat = Catalogue::embedded();
    let by_article = |art: &str| -> Vec<&gongkai::Ground> {
        cat.grounds()
            .iter()
            .filter(|g| {
                g.basis[0].instrument == "政府信息公开条例"
                    && g.basis[0].article.as_deref().unwrap_or_default().starts_with(art)
            })
            .collect()
    };
    let art14 = by_article("第十四条");
    assert_eq!(art14.len(), 3);
    assert!(art14.iter().all(|g| g.nature == Nature::Absolute));
    assert_eq!(art14.iter().map(|g| g.report_row.as_deref().unwrap()).collect::<Vec<_>>(), ["r3_1", "r3_2", "r3_3"]);
    let art15 = by_article("第十五条");
    assert_eq!(art15.len(), 2);
    for g in &art15 {
        assert_eq!(g.nature, Nature::Qualified);
        assert_eq!(g.exceptions.len(), 2, "consent and public interest: {}", g.id);
        assert!(!g.decision_must_state.iter().any(|t| t.zh.contains("第三十二条")), "{}", g.id);
    }
    let art16 = by_article("第十六条");
    assert_eq!(art16.len(), 3);
    assert!(art16.iter().all(|g| g.nature == Nature::Discretionary && !g.exceptions.is_empty()));
    let university: Vec<_> = cat.grounds().iter().filter(|g| g.kinds == ["university"]).collect();
    assert_eq!(university.len(), 4);
    let health: Vec<_> = cat.grounds().iter().filter(|g| g.kinds == ["health"]).collect();
    assert_eq!(health.len(), 2);
    let rows: BTreeMap<_, _> =
        cat.ground_set().non_obligations.iter().map(|n| (n.id.as_str(), n.report_row.as_deref())).collect();
    assert_eq!(rows.get("ogi.art38.no_processing"), Some(&Some("r4_2")));
    assert_eq!(rows.get("ogi.art39.petition_disguised"), Some(&Some("r5_1")));
    assert_eq!(rows.get("ogi.art39.public_publications"), Some(&Some("r5_3")));
}

#[test]
fn seven_response_types_only_denial_needs_grounds() {
    let cat = Catalogue::embedded();
    for t in ResponseType::ALL {
        let info = cat.response_type(t).unwrap_or_else(|| panic!("{t:?} missing"));
        assert_eq!(info.requires_grounds, t == ResponseType::Denied, "{t:?}");
        assert!(!info.reply_must_state.is_empty());
    }
    assert_eq!(cat.ground_set().response_types.len(), 7);
    let not_responsible = cat.response_type(ResponseType::NotResponsible).unwrap();
    assert!(not_responsible.reply_must_state.iter().any(|t| t.zh.contains("名称、联系方式")));
}

#[test]
fn every_entry_is_cited_and_no_weaker_than_its_sources() {
    let cat = Catalogue::embedded();
    for (item, source) in cat.all_items() {
        assert!(!item.basis.is_empty(), "{source}/{}", item.id);
        assert!(item.basis.iter().all(|c| !c.instrument.trim().is_empty()), "{}", item.id);
        // An item is only as firm as its weakest citation.
        let weakest = item.basis.iter().map(|c| rank(c.status)).max().unwrap_or(0);
        assert!(rank(item.status) >= weakest, "{} is marked firmer than its basis", item.id);
        assert!(!item.title.zh.is_empty() && !item.title.en.is_empty(), "{}", item.id);
    }
    for g in cat.grounds() {
        assert!(!g.basis.is_empty() && g.basis.iter().all(|c| !c.instrument.is_empty()), "{}", g.id);
    }
    for t in cat.templates() {
        let weakest = t.basis.iter().map(|c| rank(c.status)).min().unwrap_or(0);
        assert!(rank(t.status) >= weakest, "{}", t.id);
    }
}

fn example(name: &str) -> (String, String) {
    let path = format!("{}/../examples/overlays/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (path, text)
}

#[test]
fn county_health_overlay_tightens_to_ten_working_days() {
    let (path, text) = example("county-health-catalogue.yaml");
    let base = Catalogue::embedded();
    let findings = gongkai::catalogue::lint_source(base, &path, &text);
    assert!(findings.is_empty(), "{findings:?}");
    let cat = base.with_overlay(&path, &text).expect("the example overlay is valid");
    for tier in ["hospital", "primary_care", "public_health"] {
        let resolved = cat.resolve(&inst("health", tier, None, None)).unwrap();
        assert_eq!(resolved.overlays, ["example.county.health"]);
        let item = resolved.item("health.art6.05").unwrap();
        assert!(matches!(item.item.timing, Timing::WithinWorkingDays { days: 10, .. }), "{tier}");
        assert_eq!(item.changed_by, ["example.county.health"]);
        // The overlay tightens every health item it applies to.
        assert!(resolved.items.iter().all(|i| i.item.timing.limit_days() == Some(10)), "{tier}");
    }
    // The national data is untouched.
    let plain = base.resolve(&inst("health", "hospital", None, None)).unwrap();
    assert_eq!(plain.item("health.art6.05").unwrap().item.timing.limit_days(), Some(20));
}

#[test]
fn bad_overlay_is_rejected_with_every_expected_code_and_line() {
    let (path, text) = example("bad-overlay.yaml");
    let base = Catalogue::embedded();
    let findings = gongkai::catalogue::lint_source(base, &path, &text);
    // Each line in the file carries the code it should trigger in a comment.
    let mut checked = 0;
    for (n, line) in text.lines().enumerate() {
        let Some((_, comment)) = line.split_once("# catalogue_") else { continue };
        let code = format!("catalogue_{}", comment.split(':').next().unwrap().trim());
        let line_no = n as u32 + 1;
        assert!(
            findings.iter().any(|f| f.diagnostic.code == code && f.location.line == Some(line_no)),
            "expected `{code}` at line {line_no}; got {:?}",
            findings.iter().map(|f| (f.diagnostic.code, f.location.line)).collect::<Vec<_>>()
        );
        checked += 1;
    }
    assert_eq!(checked, 5);
    let expected = [
        "catalogue_unknown_tier",
        "catalogue_drops_mandatory_item",
        "catalogue_loosens_time_limit",
        "catalogue_unknown_item",
        "catalogue_bars_non_discretionary_ground",
    ];
    for code in expected {
        assert!(findings.iter().any(|f| f.diagnostic.code == code), "{code} missing");
    }
    assert!(base.with_overlay(&path, &text).is_err());
}

#[test]
fn totals_quoted_in_the_docs() {
    // docs/catalogues.md quotes these; keep them in step.
    let count = |kind: &str, tier: &str, role: Option<&str>, sector: Option<&str>| ids(kind, tier, role, sector).len();
    // 25 baseline items + 13 义务教育 rows + the 部门决算 row every department publishes + 5 行政处罚法 items.
    assert_eq!(count("administrative", "county", Some("department"), Some("education")), 44);
    assert_eq!(count("university", "central", None, None), 51);
    assert_eq!(count("university", "local", None, None), 51);
    assert_eq!(count("health", "hospital", None, None), 15);
    assert_eq!(count("health", "primary_care", None, None), 14);
    assert_eq!(count("health", "public_health", None, None), 10);
    assert_eq!(count("school", "primary", None, None), 4);
    assert_eq!(count("school", "secondary_vocational", None, None), 4);
    assert_eq!(count("school", "kindergarten", None, None), 0);
    let cat = Catalogue::embedded();
    let all: Vec<_> = cat.all_items().collect();
    assert_eq!(all.len(), 285);
    let by_status = |s: Status| all.iter().filter(|(i, _)| i.status == s).count();
    assert_eq!(
        (by_status(Status::Confirmed), by_status(Status::Secondary), by_status(Status::Unverified)),
        (47, 198, 40)
    );
    assert_eq!(cat.grounds().len(), 14);
    assert_eq!(cat.ground_set().non_obligations.len(), 3);
}

#[test]
fn checkers_of_different_catalogues_keep_their_own_scopes_on_one_thread() {
    // Each thread keeps the scopes it has used (the items that apply to an institution); two
    // checkers must not answer from each other's. The overlay gives this hospital item 10
    // working days instead of 20, so a publication 15 working days after formation is late only
    // under it.
    use gongkai::check::{CheckOptions, Checker};
    let (path, text) = example("county-health-catalogue.yaml");
    let base = Catalogue::embedded();
    let county = base.with_overlay(&path, &text).expect("the example overlay is valid");
    let (national, local) = (Checker::new(base), Checker::new(&county));
    let record = serde_json::json!({
        "kind": "publication", "item": "health.art6.05", "title": "院务公开",
        "institution": {"kind": "health", "tier": "hospital"},
        "formed": "2025-03-03", "published": "2025-03-24", "channels": ["hospital_website"],
    });
    let late = |checker: &Checker<'_>| {
        checker.check_value(&record, &CheckOptions::default()).iter().any(|d| d.code == "publication_late")
    };
    for _ in 0..3 {
        assert!(!late(&national), "20 working days nationally");
        assert!(late(&local), "10 working days under the county overlay");
    }
}

/// 行政处罚法 Art 59 ¶1 (一)–(六), as the law words them: what a penalty decision states. Both
/// items that publish decisions require all of it, admin.art20.06 for its decision kind only.
#[test]
fn penalty_decisions_require_what_art59_lists() {
    const ART59: [&str; 9] = [
        "当事人的姓名或者名称",
        "地址",
        "违反法律、法规、规章的事实和证据",
        "行政处罚的种类",
        "行政处罚的依据",
        "行政处罚的履行方式和期限",
        "申请行政复议、提起行政诉讼的途径和期限",
        "作出行政处罚决定的行政机关名称",
        "作出决定的日期",
    ];
    let cat = Catalogue::embedded();
    let titles = |id: &str, keys: &[String]| -> Vec<String> {
        let (item, _) = cat.item(id).unwrap();
        keys.iter().map(|k| item.elements.iter().find(|e| &e.key == k).unwrap().title.zh.to_string()).collect()
    };
    let (art48, _) = cat.item("penalty.art48.decision").unwrap();
    let always: Vec<String> = art48.elements.iter().filter(|e| e.required).map(|e| e.key.clone()).collect();
    let (art20, _) = cat.item("admin.art20.06").unwrap();
    let decision = art20.variants.iter().find(|v| v.values == ["行政处罚决定"]).expect("a decision variant");
    assert_eq!(decision.element, "publication_type");
    assert!(
        decision
            .basis
            .iter()
            .any(|c| c.article.as_deref() == Some("第五十九条第一款") && c.status == Status::Confirmed)
    );
    for (id, keys) in [("penalty.art48.decision", &always), ("admin.art20.06", &decision.requires)] {
        let titles = titles(id, keys);
        for content in ART59 {
            assert!(titles.iter().any(|t| t.contains(content)), "{id} does not require `{content}`: {titles:?}");
        }
        assert_eq!(titles.len(), ART59.len(), "{id}: {titles:?}");
    }
}
