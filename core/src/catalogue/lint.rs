//! Rules for catalogue data: templates (checked on every load) and overlays (checked before
//! they are applied, and by `gongkai catalogue lint`). Each finding names the file, line,
//! column and key, and the rule it breaks.

use crate::diagnostics::code;
use std::collections::{HashMap, HashSet};

use super::located::Located;
use super::{Catalogue, parse_yaml};
use crate::diagnostics::{CodeInfo, Diagnostic};
use crate::error::{Error, Location};
use crate::model::{
    Citation, ElementType, GroundSet, InstitutionRegistry, Item, Nature, Overlay, Template, Text, Timing,
};

code!(
    INVALID_YAML,
    "catalogue",
    "catalogue_invalid_yaml",
    Error,
    "",
    "目录文件不是有效的 YAML 或不符合数据模型",
    "catalogue file is not valid YAML or does not fit the data model",
    "items:\n  - id: [unclosed"
);
code!(
    DUPLICATE_ID,
    "catalogue",
    "catalogue_duplicate_id",
    Error,
    "",
    "标识重复",
    "an id is defined twice",
    "two items with `id: admin.art20.01`"
);
code!(
    MISSING_CITATION,
    "catalogue",
    "catalogue_missing_citation",
    Error,
    "条例第五条（依法公开）",
    "事项或模板缺少法律依据",
    "an item or template has no legal basis",
    "basis: []"
);
code!(
    UNKNOWN_PARENT,
    "catalogue",
    "catalogue_unknown_parent",
    Error,
    "",
    "继承的模板不存在",
    "the template it extends does not exist",
    "extends: admin.nowhere"
);
code!(
    EXTENDS_CYCLE,
    "catalogue",
    "catalogue_extends_cycle",
    Error,
    "",
    "模板继承形成循环",
    "templates extend each other in a cycle",
    "extends: admin.national (in admin.national)"
);
code!(
    UNKNOWN_KIND,
    "catalogue",
    "catalogue_unknown_kind",
    Error,
    "",
    "未知的机构类别",
    "unknown institution kind",
    "kinds: [ministry]"
);
code!(
    UNKNOWN_TIER,
    "catalogue",
    "catalogue_unknown_tier",
    Error,
    "",
    "未知的层级",
    "unknown tier for the kind",
    "tiers: [village]"
);
code!(
    UNKNOWN_ROLE,
    "catalogue",
    "catalogue_unknown_role",
    Error,
    "",
    "未知的角色",
    "unknown role for the kind",
    "roles: [mayor]"
);
code!(
    UNKNOWN_SECTOR,
    "catalogue",
    "catalogue_unknown_sector",
    Error,
    "",
    "未知的行业领域",
    "unknown sector for the kind",
    "sectors: [space]"
);
code!(
    UNKNOWN_ITEM,
    "catalogue",
    "catalogue_unknown_item",
    Error,
    "",
    "引用了不存在的事项",
    "names an item that does not exist",
    "changes:\n  - item: admin.art99"
);
code!(
    UNKNOWN_GROUND,
    "catalogue",
    "catalogue_unknown_ground",
    Error,
    "",
    "引用了不存在的不予公开情形",
    "names an exemption ground that does not exist",
    "excluded_grounds: [ogi.art99]"
);
code!(
    INVALID_ELEMENT,
    "catalogue",
    "catalogue_invalid_element",
    Error,
    "",
    "内容要素定义有误",
    "a content element is ill-defined",
    "type: enum with no values"
);
code!(
    DROPS_MANDATORY_ITEM,
    "catalogue",
    "catalogue_drops_mandatory_item",
    Error,
    "条例第二十条、第二十一条；国办发〔2019〕54号（基层目录只能细化、不得减少法定事项）",
    "地方目录删除了上级目录规定的主动公开事项",
    "an overlay drops an inherited mandatory item",
    "remove: [admin.art20.07]"
);
code!(
    LOOSENS_TIME_LIMIT,
    "catalogue",
    "catalogue_loosens_time_limit",
    Error,
    "条例第二十六条",
    "地方目录放宽了公开时限",
    "an overlay loosens an inherited time limit",
    "timing: {kind: within_working_days, days: 30}"
);
code!(
    LOOSENS_REQUIREMENT,
    "catalogue",
    "catalogue_loosens_requirement",
    Error,
    "条例第二十二条",
    "地方目录取消了上级目录的要求",
    "an overlay switches off an inherited requirement",
    "interpretation_required: false"
);
code!(
    BARS_ABSOLUTE_GROUND,
    "catalogue",
    "catalogue_bars_non_discretionary_ground",
    Error,
    "条例第十四条、第十五条、第十六条第二款",
    "只有可以不予公开的情形（第十六条）可被法律、法规、规章要求公开而排除",
    "only discretionary (Art 16) grounds can be barred by a rule requiring disclosure",
    "excluded_grounds: [ogi.art14.state_secret]"
);
code!(
    UNKNOWN_DOMAIN,
    "catalogue",
    "catalogue_unknown_domain",
    Error,
    "国办发〔2019〕54号（26个试点领域）",
    "未知的基层政务公开领域",
    "unknown grassroots standard-catalogue domain",
    "domain: 太空探索"
);
code!(
    UNKNOWN_LEVEL,
    "catalogue",
    "catalogue_unknown_level",
    Error,
    "国办发〔2019〕54号（公开层级）",
    "未知的公开层级",
    "unknown disclosure level",
    "levels: [省级]"
);
code!(
    MISSING_LEVEL,
    "catalogue",
    "catalogue_missing_level",
    Error,
    "国办发〔2019〕54号（目录须明确公开层级）",
    "基层政务公开领域的事项没有公开层级",
    "a row of a grassroots domain names no disclosure level",
    "domain: 社会救助 with no levels"
);
code!(
    DROPS_LEVEL,
    "catalogue",
    "catalogue_drops_level",
    Error,
    "国办发〔2019〕54号（基层目录只能细化、不得减少标准目录的事项）",
    "地方目录取消了标准目录规定的公开层级",
    "an overlay drops a disclosure level the standard catalogue gives a row",
    "levels: [county] for a row of levels [county, township]"
);
code!(
    UNVERIFIED,
    "catalogue",
    "catalogue_unverified_entry",
    Info,
    "",
    "条目依据未经核实，使用时请核对原文",
    "entry is marked unverified: check the instrument before relying on it",
    "status: unverified"
);

code!(
    UNKNOWN_CHANNEL,
    "catalogue",
    "catalogue_unknown_channel",
    Warning,
    "条例第二十三条、第二十四条（公开渠道）",
    "发布渠道不是任何目录使用的渠道，且与已知渠道相近（可能拼写错误）",
    "a channel no catalogue uses, close to one they do (likely misspelt)",
    "add_channels: [gazette]"
);
code!(
    UNKNOWN_SCREENING_KIND,
    "catalogue",
    "catalogue_unknown_screening_kind",
    Error,
    "个人信息保护法第二十五条（个人信息处理）",
    "个人信息规则中的类别不是筛查能识别的类别",
    "a personal-data rule names a kind screening does not know",
    "masked: [resident_idd]"
);

/// Codes the catalogue linter emits.
pub static CODES: &[&CodeInfo] = &[
    &INVALID_YAML,
    &DUPLICATE_ID,
    &MISSING_CITATION,
    &UNKNOWN_PARENT,
    &EXTENDS_CYCLE,
    &UNKNOWN_KIND,
    &UNKNOWN_TIER,
    &UNKNOWN_ROLE,
    &UNKNOWN_SECTOR,
    &UNKNOWN_ITEM,
    &UNKNOWN_GROUND,
    &INVALID_ELEMENT,
    &DROPS_MANDATORY_ITEM,
    &LOOSENS_TIME_LIMIT,
    &LOOSENS_REQUIREMENT,
    &BARS_ABSOLUTE_GROUND,
    &UNKNOWN_DOMAIN,
    &UNKNOWN_LEVEL,
    &MISSING_LEVEL,
    &DROPS_LEVEL,
    &UNVERIFIED,
    &UNKNOWN_CHANNEL,
    &UNKNOWN_SCREENING_KIND,
];

/// " (did you mean `x`?)" when one of `known` is near `word`.
fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> (String, String) {
    match crate::diagnostics::suggest::nearest(word, known) {
        Some(s) => (format!("（是否应为 `{s}`？）"), format!(" (did you mean `{s}`?)")),
        None => (String::new(), String::new()),
    }
}

/// Channels an item or a change names, against those the catalogue's items use. Channels are an
/// open list (a county may publish on its own hotline), so only a name close to a known one is
/// reported, as the likely misspelling it is (`gazette`, `government_websit`).
fn check_channels(cat: &Catalogue, channels: &[String], at: &str, sink: &mut Sink<'_>) {
    if channels.is_empty() {
        return;
    }
    let mut known: Vec<&str> = cat.all_items().flat_map(|(i, _)| i.channels.iter().map(String::as_str)).collect();
    known.sort_unstable();
    known.dedup();
    for (i, c) in channels.iter().enumerate() {
        if known.binary_search(&c.as_str()).is_ok() {
            continue;
        }
        let close = |k: &&str| {
            k.split('_').any(|part| part == c)
                || crate::diagnostics::suggest::edit_distance(c, k) <= (c.chars().count() / 4).max(1)
        };
        if let Some(near) = known.iter().find(|k| close(k)) {
            sink.push(
                &UNKNOWN_CHANNEL,
                format!("{at}/{i}"),
                format!("目录中没有渠道 `{c}`（是否应为 `{near}`？）"),
                format!("no catalogue uses the channel `{c}` (did you mean `{near}`?)"),
            );
        }
    }
}

/// Screening kinds a personal-data rule names, against those screening finds.
fn check_screening_kinds(kinds: &[String], at: &str, sink: &mut Sink<'_>) {
    let known = crate::screening::Kind::ALL.map(crate::screening::Kind::as_str);
    for (i, k) in kinds.iter().enumerate() {
        if !known.contains(&k.as_str()) {
            let (zh, en) = did_you_mean(k, known);
            sink.push(
                &UNKNOWN_SCREENING_KIND,
                format!("{at}/{i}"),
                format!("未知的个人信息类别 `{k}`{zh}；可用：{}", known.join("、")),
                format!("unknown screening kind `{k}`{en}; known: {}", known.join(", ")),
            );
        }
    }
}

/// A problem in a catalogue file, with where it is.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub location: Location,
    #[serde(skip)]
    pub diagnostic: Diagnostic,
}

impl Finding {
    pub fn into_error(self) -> Error {
        Error::Catalogue {
            code: self.diagnostic.code,
            location: self.location,
            message: self.diagnostic.message.en().to_owned(),
        }
    }

    /// `Ok` when no finding is an error; else every error finding, as one [`Error::Many`] (an
    /// overlay is rejected with all its problems, not its first).
    pub fn reject_errors(findings: Vec<Finding>) -> crate::Result<()> {
        let errors: Vec<Error> = findings
            .into_iter()
            .filter(|f| f.diagnostic.severity == crate::Severity::Error)
            .map(Finding::into_error)
            .collect();
        if errors.is_empty() { Ok(()) } else { Err(Error::Many(errors)) }
    }
}

/// Collects findings for one file. The position tree is parsed only when the first finding
/// needs a line number, so clean files (the embedded data on every load) cost one parse.
struct Sink<'a> {
    file: &'a str,
    text: &'a str,
    tree: Option<Option<Located>>,
    out: Vec<Finding>,
}

impl<'a> Sink<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        Self { file, text, tree: None, out: Vec::new() }
    }
    fn push(&mut self, info: &'static CodeInfo, path: String, zh: String, en: String) {
        let text = self.text;
        let tree = self.tree.get_or_insert_with(|| Located::parse(text));
        let (line, column) = tree.as_ref().map(|t| t.position(&path)).map_or((None, None), |(l, c)| (Some(l), Some(c)));
        self.out.push(Finding {
            location: Location { file: self.file.to_owned(), line, column, path: Some(path.clone()) },
            diagnostic: Diagnostic::new(info, path, Text::new(zh, en)),
        });
    }
}

/// Check every template of a catalogue. `texts` maps file names to their YAML, for positions.
pub(crate) fn check_catalogue(cat: &Catalogue, texts: &HashMap<String, String>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen_items: HashMap<&str, &str> = HashMap::new();
    let mut seen_templates: HashSet<&str> = HashSet::new();
    for t in &cat.templates {
        let file = cat.source_of(&t.id).unwrap_or("<template>");
        let text = texts.get(file).map(String::as_str).unwrap_or("");
        let mut sink = Sink::new(file, text);
        if !seen_templates.insert(&t.id) {
            sink.push(
                &DUPLICATE_ID,
                "/id".into(),
                format!("模板标识 `{}` 重复", t.id),
                format!("template id `{}` is defined twice", t.id),
            );
        }
        check_template(cat, t, &mut sink);
        for (i, item) in t.items.iter().enumerate() {
            if let Some(other) = seen_items.insert(&item.id, &t.id) {
                sink.push(
                    &DUPLICATE_ID,
                    format!("/items/{i}/id"),
                    format!("事项标识 `{}` 已在模板 `{other}` 中定义", item.id),
                    format!("item id `{}` is already defined in template `{other}`", item.id),
                );
            }
        }
        out.extend(sink.out);
    }
    check_ground_set(cat.registry(), &cat.grounds, &mut out);
    #[cfg(feature = "yaml")]
    let domains_text =
        texts.get("domains.yaml").map(String::as_str).or_else(|| super::embedded::file("domains.yaml")).unwrap_or("");
    #[cfg(not(feature = "yaml"))]
    let domains_text = "";
    out.extend(check_domain_registry(cat.registry(), cat.domains(), "domains.yaml", domains_text));
    out
}

fn check_template(cat: &Catalogue, t: &Template, sink: &mut Sink<'_>) {
    if t.basis.is_empty() {
        sink.push(
            &MISSING_CITATION,
            "/basis".into(),
            format!("模板 `{}` 缺少依据", t.id),
            format!("template `{}` has no basis", t.id),
        );
    }
    if let Some(parent) = &t.extends {
        if cat.template(parent).is_none() {
            sink.push(
                &UNKNOWN_PARENT,
                "/extends".into(),
                format!("继承的模板 `{parent}` 不存在"),
                format!("extends unknown template `{parent}`"),
            );
        } else {
            // Walk up; a cycle returns to the start or repeats a node.
            let mut seen = vec![t.id.as_str()];
            let mut cur = parent.as_str();
            loop {
                if seen.contains(&cur) {
                    sink.push(
                        &EXTENDS_CYCLE,
                        "/extends".into(),
                        format!("模板 `{}` 的继承关系形成循环", t.id),
                        format!("template `{}` extends itself through `{cur}`", t.id),
                    );
                    break;
                }
                seen.push(cur);
                match cat.template(cur).and_then(|p| p.extends.as_deref()) {
                    Some(next) => cur = next,
                    None => break,
                }
            }
        }
    }
    check_applicability(cat.registry(), &t.applies_to, "/applies_to", sink);
    if let Some(d) = t.domain.as_deref().filter(|d| cat.domains().domain(d).is_none()) {
        sink.push(
            &UNKNOWN_DOMAIN,
            "/domain".into(),
            format!("未知的领域 `{d}`：应为 domains.yaml 中的26个领域之一"),
            format!("unknown domain `{d}`: expected one of the 26 domains in domains.yaml"),
        );
    }
    let kinds: Vec<&str> = if t.applies_to.kinds.is_empty() {
        cat.registry().kinds.iter().map(|k| k.id.as_str()).collect()
    } else {
        t.applies_to.kinds.iter().map(String::as_str).collect()
    };
    for (i, item) in t.items.iter().enumerate() {
        check_item(cat, &kinds, item, &format!("/items/{i}"), sink);
    }
}

fn check_applicability(reg: &InstitutionRegistry, a: &crate::model::Applicability, at: &str, sink: &mut Sink<'_>) {
    for (i, k) in a.kinds.iter().enumerate() {
        if reg.kind(k).is_none() {
            sink.push(
                &UNKNOWN_KIND,
                format!("{at}/kinds/{i}"),
                format!("未知的机构类别 `{k}`"),
                format!("unknown institution kind `{k}`"),
            );
        }
    }
    let kinds: Vec<_> = if a.kinds.is_empty() {
        reg.kinds.iter().collect()
    } else {
        a.kinds.iter().filter_map(|k| reg.kind(k)).collect()
    };
    check_levels(&kinds, &a.tiers, &a.roles, &a.sectors, at, sink);
}

fn check_levels(
    kinds: &[&crate::model::KindInfo],
    tiers: &[String],
    roles: &[String],
    sectors: &[String],
    at: &str,
    sink: &mut Sink<'_>,
) {
    for (i, tier) in tiers.iter().enumerate() {
        if !kinds.iter().any(|k| k.has_tier(tier)) {
            sink.push(
                &UNKNOWN_TIER,
                format!("{at}/tiers/{i}"),
                format!("未知的层级 `{tier}`"),
                format!("unknown tier `{tier}`"),
            );
        }
    }
    for (i, role) in roles.iter().enumerate() {
        if !kinds.iter().any(|k| k.has_role(role)) {
            sink.push(
                &UNKNOWN_ROLE,
                format!("{at}/roles/{i}"),
                format!("未知的角色 `{role}`"),
                format!("unknown role `{role}`"),
            );
        }
    }
    for (i, sector) in sectors.iter().enumerate() {
        if !kinds.iter().any(|k| k.has_sector(sector)) {
            sink.push(
                &UNKNOWN_SECTOR,
                format!("{at}/sectors/{i}"),
                format!("未知的行业领域 `{sector}`"),
                format!("unknown sector `{sector}`"),
            );
        }
    }
}

fn check_item(cat: &Catalogue, kinds: &[&str], item: &Item, at: &str, sink: &mut Sink<'_>) {
    if item.basis.is_empty() || item.basis.iter().any(|c| c.instrument.trim().is_empty()) {
        sink.push(
            &MISSING_CITATION,
            format!("{at}/basis"),
            format!("事项 `{}` 缺少法律依据", item.id),
            format!("item `{}` has no legal basis", item.id),
        );
    }
    let kinds: Vec<_> = kinds.iter().filter_map(|k| cat.registry().kind(k)).collect();
    check_levels(&kinds, &item.tiers, &item.roles, &item.sectors, at, sink);
    check_domain_and_levels(cat, item, at, sink);
    let mut keys = HashSet::new();
    for (i, el) in item.elements.iter().enumerate() {
        if !keys.insert(el.key.as_str()) {
            sink.push(
                &INVALID_ELEMENT,
                format!("{at}/elements/{i}/key"),
                format!("要素 `{}` 重复", el.key),
                format!("element `{}` is defined twice", el.key),
            );
        }
        if el.kind == ElementType::Enum && el.values.is_empty() {
            sink.push(
                &INVALID_ELEMENT,
                format!("{at}/elements/{i}/values"),
                format!("枚举要素 `{}` 没有可选值", el.key),
                format!("enum element `{}` has no values", el.key),
            );
        }
    }
    check_variants(item, at, sink);
    if let Some(pd) = &item.personal_data {
        check_screening_kinds(&pd.masked, &format!("{at}/personal_data/masked"), sink);
        check_screening_kinds(&pd.allowed, &format!("{at}/personal_data/allowed"), sink);
        for (i, f) in pd.fields.iter().enumerate() {
            if !item.elements.iter().any(|e| &e.key == f) {
                sink.push(
                    &INVALID_ELEMENT,
                    format!("{at}/personal_data/fields/{i}"),
                    format!("个人信息字段 `{f}` 不是本事项的要素"),
                    format!("personal-data field `{f}` is not an element of the item"),
                );
            }
        }
    }
    check_excluded_grounds(cat, &item.excluded_grounds, &format!("{at}/excluded_grounds"), sink);
}

/// Each variant is selected by one of the item's `enum` elements, by values that element
/// allows, and requires elements the item has.
fn check_variants(item: &Item, at: &str, sink: &mut Sink<'_>) {
    let keys = || item.elements.iter().map(|e| e.key.as_str());
    for (i, v) in item.variants.iter().enumerate() {
        let at = format!("{at}/variants/{i}");
        if v.basis.is_empty() {
            sink.push(
                &MISSING_CITATION,
                format!("{at}/basis"),
                format!("事项 `{}` 的变体缺少依据", item.id),
                format!("a variant of item `{}` has no basis", item.id),
            );
        }
        match item.elements.iter().find(|e| e.key == v.element) {
            None => {
                let (zh, en) = did_you_mean(&v.element, keys());
                sink.push(
                    &INVALID_ELEMENT,
                    format!("{at}/element"),
                    format!("变体的选择要素 `{}` 不是本事项的要素{zh}", v.element),
                    format!("the variant's selecting element `{}` is not an element of the item{en}", v.element),
                );
            }
            Some(e) if e.kind != ElementType::Enum => sink.push(
                &INVALID_ELEMENT,
                format!("{at}/element"),
                format!("变体的选择要素 `{}` 应为枚举要素（type: enum）", v.element),
                format!("the variant's selecting element `{}` must be an enum element (type: enum)", v.element),
            ),
            Some(e) => {
                if v.values.is_empty() {
                    sink.push(
                        &INVALID_ELEMENT,
                        format!("{at}/values"),
                        "变体没有选择值".into(),
                        "the variant has no values that select it".into(),
                    );
                }
                for (j, value) in v.values.iter().enumerate() {
                    if !e.values.contains(value) {
                        let (zh, en) = did_you_mean(value, e.values.iter().map(String::as_str));
                        sink.push(
                            &INVALID_ELEMENT,
                            format!("{at}/values/{j}"),
                            format!("`{value}` 不是要素 `{}` 的可选值{zh}；可选：{}", e.key, e.values.join("、")),
                            format!(
                                "`{value}` is not a value of element `{}`{en}; allowed: {}",
                                e.key,
                                e.values.join(", ")
                            ),
                        );
                    }
                }
            }
        }
        if v.requires.is_empty() {
            sink.push(
                &INVALID_ELEMENT,
                format!("{at}/requires"),
                "变体没有要求的要素".into(),
                "the variant requires no element".into(),
            );
        }
        for (j, key) in v.requires.iter().enumerate() {
            match item.elements.iter().find(|e| &e.key == key) {
                None => {
                    let (zh, en) = did_you_mean(key, keys());
                    sink.push(
                        &INVALID_ELEMENT,
                        format!("{at}/requires/{j}"),
                        format!("变体要求的要素 `{key}` 不是本事项的要素{zh}"),
                        format!("the variant requires `{key}`, which is not an element of the item{en}"),
                    );
                }
                Some(e) if e.required || e.key == v.element => sink.push(
                    &INVALID_ELEMENT,
                    format!("{at}/requires/{j}"),
                    format!("要素 `{key}` 本已必填，变体无须再要求"),
                    format!("element `{key}` is always required: the variant need not require it"),
                ),
                Some(_) => {}
            }
        }
    }
}

/// A grassroots row names a known domain and at least one known disclosure level.
fn check_domain_and_levels(cat: &Catalogue, item: &Item, at: &str, sink: &mut Sink<'_>) {
    let domains = cat.domains();
    if let Some(d) = &item.domain {
        if domains.domain(d).is_none() {
            sink.push(
                &UNKNOWN_DOMAIN,
                format!("{at}/domain"),
                format!("未知的领域 `{d}`：应为 domains.yaml 中的26个领域之一"),
                format!("unknown domain `{d}`: expected one of the 26 domains in domains.yaml"),
            );
        } else if item.levels.is_empty() {
            sink.push(
                &MISSING_LEVEL,
                format!("{at}/levels"),
                format!("`{d}` 领域的事项 `{}` 没有公开层级（县级、乡级、村级）", item.id),
                format!("row `{}` of domain `{d}` names no disclosure level (county, township, village)", item.id),
            );
        }
    }
    for (i, l) in item.levels.iter().enumerate() {
        if domains.level(l).is_none() {
            sink.push(
                &UNKNOWN_LEVEL,
                format!("{at}/levels/{i}"),
                format!("未知的公开层级 `{l}`：应为 county（县级）、township（乡级）或 village（村级）"),
                format!("unknown disclosure level `{l}`: expected county (县级), township (乡级) or village (村级)"),
            );
        }
    }
}

fn check_excluded_grounds(cat: &Catalogue, grounds: &[String], at: &str, sink: &mut Sink<'_>) {
    for (i, g) in grounds.iter().enumerate() {
        match cat.ground(g).or_else(|| cat.grounds.grounds.iter().find(|x| &x.id == g)) {
            None => sink.push(
                &UNKNOWN_GROUND,
                format!("{at}/{i}"),
                format!("不予公开情形 `{g}` 不存在"),
                format!("unknown exemption ground `{g}`"),
            ),
            Some(ground) if ground.nature != Nature::Discretionary => sink.push(
                &BARS_ABSOLUTE_GROUND,
                format!("{at}/{i}"),
                format!("`{g}` 不是可以不予公开的情形，不能因规定应当公开而排除"),
                format!("`{g}` is not a discretionary ground and cannot be barred by a rule requiring disclosure"),
            ),
            Some(_) => {}
        }
    }
}

fn check_ground_set(reg: &InstitutionRegistry, set: &GroundSet, out: &mut Vec<Finding>) {
    // Positions come from the embedded YAML source when this build has it.
    #[cfg(feature = "yaml")]
    let text = super::embedded::file("grounds.yaml").unwrap_or("");
    #[cfg(not(feature = "yaml"))]
    let text = "";
    let mut sink = Sink::new("grounds.yaml", text);
    let mut seen = HashSet::new();
    for (i, g) in set.grounds.iter().enumerate() {
        if !seen.insert(g.id.as_str()) {
            sink.push(
                &DUPLICATE_ID,
                format!("/grounds/{i}/id"),
                format!("情形标识 `{}` 重复", g.id),
                format!("ground id `{}` is defined twice", g.id),
            );
        }
        if g.basis.is_empty() {
            sink.push(
                &MISSING_CITATION,
                format!("/grounds/{i}/basis"),
                format!("情形 `{}` 缺少依据", g.id),
                format!("ground `{}` has no basis", g.id),
            );
        }
        for (j, k) in g.kinds.iter().enumerate() {
            if reg.kind(k).is_none() {
                sink.push(
                    &UNKNOWN_KIND,
                    format!("/grounds/{i}/kinds/{j}"),
                    format!("未知的机构类别 `{k}`"),
                    format!("unknown institution kind `{k}`"),
                );
            }
        }
    }
    for (i, r) in set.response_types.iter().enumerate() {
        if r.basis.is_empty() {
            sink.push(
                &MISSING_CITATION,
                format!("/response_types/{i}/basis"),
                "答复类型缺少依据".into(),
                "response type has no basis".into(),
            );
        }
    }
    out.extend(sink.out);
}

/// The domain registry names known sectors and tiers, and no domain or level twice.
pub(crate) fn check_domain_registry(
    reg: &InstitutionRegistry,
    d: &crate::model::DomainRegistry,
    file: &str,
    text: &str,
) -> Vec<Finding> {
    let mut sink = Sink::new(file, text);
    let admin: Vec<_> = reg.kinds.iter().collect();
    let mut seen = HashSet::new();
    for (i, l) in d.levels.iter().enumerate() {
        if !seen.insert(l.id.as_str()) {
            sink.push(
                &DUPLICATE_ID,
                format!("/levels/{i}/id"),
                format!("层级 `{}` 重复", l.id),
                format!("level `{}` is defined twice", l.id),
            );
        }
        check_levels(&admin, &l.tiers, &[], &[], &format!("/levels/{i}"), &mut sink);
    }
    for (i, dom) in d.domains.iter().enumerate() {
        for (k, v) in [("id", &dom.id), ("key", &dom.key)] {
            if !seen.insert(v.as_str()) {
                sink.push(
                    &DUPLICATE_ID,
                    format!("/domains/{i}/{k}"),
                    format!("领域标识 `{v}` 重复"),
                    format!("domain id `{v}` is defined twice"),
                );
            }
        }
        check_levels(&admin, &[], &[], &dom.sectors, &format!("/domains/{i}"), &mut sink);
    }
    sink.out
}

/// Check an overlay against the catalogue it is applied to.
pub(crate) fn check_overlay(cat: &Catalogue, o: &Overlay, file: &str, text: &str) -> Vec<Finding> {
    let mut sink = Sink::new(file, text);
    if o.basis.is_empty() {
        sink.push(&MISSING_CITATION, "/basis".into(), "地方目录缺少依据".into(), "overlay has no basis".into());
    }
    check_applicability(cat.registry(), &o.applies_to, "/applies_to", &mut sink);
    let kinds: Vec<&str> = o.applies_to.kinds.iter().map(String::as_str).collect();
    let mut seen_in_overlay: HashSet<&str> = HashSet::new();
    for (i, item) in o.items.iter().enumerate() {
        let at = format!("/items/{i}");
        if !seen_in_overlay.insert(item.id.as_str()) {
            sink.push(
                &DUPLICATE_ID,
                format!("{at}/id"),
                format!("事项标识 `{}` 在本地方目录中重复", item.id),
                format!("item id `{}` is defined twice in this overlay", item.id),
            );
        }
        if let Some((_, template)) = cat.item(&item.id) {
            let domain = cat.template(template).and_then(|t| t.domain.as_deref()).unwrap_or(template);
            sink.push(
                &DUPLICATE_ID,
                format!("{at}/id"),
                format!("事项 `{}` 已在 `{domain}` 中定义，修改请用 `changes`", item.id),
                format!("item `{}` is already defined in `{domain}`: use `changes` to tighten it", item.id),
            );
        }
        check_item(cat, &kinds, item, &at, &mut sink);
        check_channels(cat, &item.channels, &format!("{at}/channels"), &mut sink);
    }
    for (i, id) in o.remove.iter().enumerate() {
        match cat.item(id) {
            None => sink.push(
                &UNKNOWN_ITEM,
                format!("/remove/{i}"),
                format!("事项 `{id}` 不存在"),
                format!("unknown item `{id}`"),
            ),
            Some((item, _)) if item.is_mandatory() => sink.push(
                &DROPS_MANDATORY_ITEM,
                format!("/remove/{i}"),
                format!("不能删除上级目录规定的主动公开事项 `{id}`（{}）", cite(&item.basis)),
                format!("cannot drop inherited mandatory item `{id}` ({})", cite(&item.basis)),
            ),
            Some(_) => {}
        }
    }
    for (i, change) in o.changes.iter().enumerate() {
        let at = format!("/changes/{i}");
        let Some((item, _)) = cat.item(&change.item) else {
            sink.push(
                &UNKNOWN_ITEM,
                format!("{at}/item"),
                format!("事项 `{}` 不存在", change.item),
                format!("unknown item `{}`", change.item),
            );
            continue;
        };
        if change.basis.is_empty() {
            sink.push(&MISSING_CITATION, format!("{at}/basis"), "修改缺少依据".into(), "change has no basis".into());
        }
        if let Some(levels) = &change.levels {
            for (j, l) in levels.iter().enumerate() {
                if cat.domains().level(l).is_none() {
                    sink.push(
                        &UNKNOWN_LEVEL,
                        format!("{at}/levels/{j}"),
                        format!("未知的公开层级 `{l}`：应为 county（县级）、township（乡级）或 village（村级）"),
                        format!(
                            "unknown disclosure level `{l}`: expected county (县级), township (乡级) or village (村级)"
                        ),
                    );
                }
            }
            let canonical = |l: &str| cat.domains().level(l).map_or_else(|| l.to_owned(), |x| x.id.clone());
            let kept: Vec<String> = levels.iter().map(|l| canonical(l)).collect();
            for dropped in item.levels.iter().filter(|l| !kept.contains(&canonical(l))) {
                let title = cat.domains().level(dropped).map_or(dropped.as_str(), |l| &l.title.zh);
                sink.push(
                    &DROPS_LEVEL,
                    format!("{at}/levels"),
                    format!("事项 `{}` 的公开层级不能取消{title}（{}）", item.id, cite(&item.basis)),
                    format!(
                        "the levels of `{}` must keep `{dropped}` ({title}), which the standard catalogue gives it",
                        item.id
                    ),
                );
            }
        }
        if let Some(timing) = &change.timing
            && let Some(why) = loosening(&item.timing, timing)
        {
            sink.push(
                &LOOSENS_TIME_LIMIT,
                format!("{at}/timing"),
                format!(
                    "事项 `{}` 的时限不能放宽：{}（{}）",
                    item.id,
                    why.0,
                    item.timing.basis().map(Citation::to_string).unwrap_or_default()
                ),
                format!("the time limit of `{}` cannot be loosened: {}", item.id, why.1),
            );
        }
        if change.interpretation_required == Some(false) && item.flags.interpretation_required {
            sink.push(
                &LOOSENS_REQUIREMENT,
                format!("{at}/interpretation_required"),
                format!("事项 `{}` 要求同步发布解读，不能取消", item.id),
                format!("item `{}` requires an interpretation; an overlay cannot switch that off", item.id),
            );
        }
        check_excluded_grounds(cat, &change.excluded_grounds, &format!("{at}/excluded_grounds"), &mut sink);
        check_channels(cat, &change.add_channels, &format!("{at}/add_channels"), &mut sink);
    }
    sink.out
}

/// Why `new` is looser than `old`, if it is.
fn loosening(old: &Timing, new: &Timing) -> Option<(String, String)> {
    use Timing::*;
    match (old, new) {
        (WithinWorkingDays { days: a, .. }, WithinWorkingDays { days: b, .. }) if b > a => {
            Some((format!("{b} 个工作日长于 {a} 个工作日"), format!("{b} working days is longer than {a}")))
        }
        (WithinWorkingDays { .. }, WithinWorkingDays { .. }) => Option::None,
        (WithinWorkingDays { days: a, .. }, WithinDays { days: b, .. }) if *b > *a => {
            // b calendar days is never shorter than a working days only when b ≥ a + weekends; be strict.
            Some((
                format!("{b} 日可能长于 {a} 个工作日"),
                format!("{b} calendar days may be longer than {a} working days"),
            ))
        }
        (WithinDays { days: a, .. }, WithinDays { days: b, .. }) if b > a => {
            Some((format!("{b} 日长于 {a} 日"), format!("{b} days is longer than {a}")))
        }
        (WithinDays { days: a, .. }, WithinWorkingDays { days: b, .. }) if b >= a => {
            Some((format!("{b} 个工作日长于 {a} 日"), format!("{b} working days is longer than {a} days")))
        }
        (WithinWorkingDays { .. } | WithinDays { .. }, RealTime { .. }) => Option::None,
        (WithinWorkingDays { .. } | WithinDays { .. }, WithinDays { .. } | WithinWorkingDays { .. }) => Option::None,
        (WithinWorkingDays { .. } | WithinDays { .. }, _) => Some((
            "以无具体天数的时限替代了法定天数".into(),
            "replaces a number of days with a timing that has none".into(),
        )),
        (Periodic { due: a, period: pa, .. }, Periodic { due: b, period: pb, .. }) if pa == pb && b > a => {
            // MM-DD strings compare in date order within a year.
            Some((format!("截止日期 {b} 晚于 {a}"), format!("due date {b} is later than {a}")))
        }
        (RealTime { .. }, RealTime { .. }) => Option::None,
        (RealTime { .. }, _) => {
            Some(("实时公开不能改为有期限".into(), "real-time publication cannot be given a delay".into()))
        }
        (Timely { .. }, Timing::None) => {
            Some(("及时公开不能取消时限".into(), "timely publication cannot lose its limit".into()))
        }
        _ => Option::None,
    }
}

fn cite(basis: &[Citation]) -> String {
    basis.iter().map(Citation::to_string).collect::<Vec<_>>().join("；")
}

/// What kind of catalogue file a text is, from its top-level keys.
fn detect(text: &str) -> &'static str {
    let top: HashSet<&str> = text
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']) && l.contains(':'))
        .filter_map(|l| l.split(':').next())
        .collect();
    if top.contains("grounds") {
        "grounds"
    } else if top.contains("domains") || top.contains("levels") {
        "domains"
    } else if top.contains("kinds") && !top.contains("items") {
        "registry"
    } else if top.contains("effective") {
        "template"
    } else {
        "overlay"
    }
}

/// The finding for a data file that cannot be read as what it should be: where the YAML reader
/// stopped (or the file, for other errors) and why, after `what` ("invalid catalogue data").
pub(crate) fn unreadable_file(file: &str, e: Error, what_zh: &str, what_en: &str) -> Finding {
    let (location, message) = match e {
        Error::Yaml { location, message } => (location, message),
        other => (Location { file: file.to_owned(), ..Default::default() }, other.to_string()),
    };
    Finding {
        diagnostic: Diagnostic::new(
            &INVALID_YAML,
            "",
            Text::new(format!("{what_zh}：{message}"), format!("{what_en}: {message}")),
        ),
        location,
    }
}

/// Lint one catalogue file (a template, an overlay, the grounds or the registry) against a
/// catalogue. Returns every finding; an empty list means the file is clean.
pub fn lint_source(cat: &Catalogue, file: &str, text: &str) -> Vec<Finding> {
    let yaml_error = |e: Error| vec![unreadable_file(file, e, "无效的目录数据", "invalid catalogue data")];
    match detect(text) {
        "template" => {
            let t = match parse_yaml::<Template>(file, text) {
                Ok(t) => t,
                Err(e) => return yaml_error(e),
            };
            let mut next = cat.clone();
            next.templates.retain(|x| x.id != t.id);
            next.sources.insert(t.id.clone(), file.to_owned());
            let id = t.id.clone();
            next.templates.push(t);
            next.reindex();
            let texts = HashMap::from([(file.to_owned(), text.to_owned())]);
            let mut findings: Vec<Finding> =
                check_catalogue(&next, &texts).into_iter().filter(|f| f.location.file == file).collect();
            if let Some(t) = next.template(&id) {
                let mut sink = Sink::new(file, text);
                for (i, item) in t.items.iter().enumerate() {
                    if item.status == crate::model::Status::Unverified {
                        sink.push(
                            &UNVERIFIED,
                            format!("/items/{i}/status"),
                            format!("事项 `{}` 未经核实", item.id),
                            format!("item `{}` is unverified", item.id),
                        );
                    }
                }
                findings.extend(sink.out);
            }
            findings
        }
        "overlay" => match parse_yaml::<Overlay>(file, text) {
            Ok(o) => check_overlay(cat, &o, file, text),
            Err(e) => yaml_error(e),
        },
        "grounds" => match parse_yaml::<GroundSet>(file, text) {
            Ok(set) => {
                let mut out = Vec::new();
                check_ground_set(cat.registry(), &set, &mut out);
                for f in &mut out {
                    f.location.file = file.to_owned();
                }
                out
            }
            Err(e) => yaml_error(e),
        },
        "domains" => match parse_yaml::<crate::model::DomainRegistry>(file, text) {
            Ok(reg) => check_domain_registry(cat.registry(), &reg, file, text),
            Err(e) => yaml_error(e),
        },
        _ => match parse_yaml::<InstitutionRegistry>(file, text) {
            Ok(_) => Vec::new(),
            Err(e) => yaml_error(e),
        },
    }
}
