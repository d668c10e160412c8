//! The inspection indicators as data (`catalogues/site-indicators.yaml`), and site overlays: a
//! province's or an institution's stricter limits, linted so that none is loosened.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::codes::{OVERLAY_LOOSENS, OVERLAY_UNKNOWN_INDICATOR, OVERLAY_UNKNOWN_LIMIT};
use super::snapshot::{ColumnType, MessageType};
use crate::catalogue::lint::{Finding, INVALID_YAML, MISSING_CITATION};
use crate::catalogue::located::Located;
use crate::data::parse_yaml;
use crate::diagnostics::{CodeInfo, Diagnostic};
use crate::error::{Error, Location};
use crate::model::{Citation, Status, Text};

/// Every indicator and limit a site check applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SiteRules {
    pub version: String,
    /// The instrument the indicators come from.
    pub instrument: String,
    pub score: ScoreRule,
    pub indicators: Vec<Indicator>,
    pub interaction: InteractionRule,
    /// Overlays applied on top of the embedded indicators, in order (their ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlays: Vec<String>,
}

/// The 100-point score of the deduction indicators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreRule {
    pub full: u32,
    /// Below this the site fails.
    pub pass: u32,
    pub title: Text,
    pub basis: Vec<Citation>,
}

/// Whether an indicator fails the site outright or takes points off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum IndicatorKind {
    /// 单项否决: one finding fails the site.
    Veto,
    /// 扣分: points off the 100-point score.
    Deduction,
}

/// One inspection indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id; the finding codes are `site_<id>` (and `site_<id>_warning` for early warnings).
    pub id: String,
    pub kind: IndicatorKind,
    pub title: Text,
    /// The rule in the instrument's terms.
    pub rule: Text,
    /// The limits, by name (`days`, `months`, `count`, `percent`, `working_days` …): a finding
    /// when the value reaches or passes the limit. Lower is stricter.
    pub limits: BTreeMap<String, u32>,
    /// Early-warning levels (not rules: when a vendor's dashboard would turn amber).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub warn: BTreeMap<String, u32>,
    /// Points off per finding and at most in all, for deductions. Higher is stricter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
    /// The column types it counts, where it counts columns or messages by column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts_column_types: Vec<ColumnType>,
    pub basis: Vec<Citation>,
    /// How firmly the points are established, when less firmly than the basis.
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub points_status: Status,
}

impl Indicator {
    /// A limit by name; the data file is checked by the tests to have every limit the check reads.
    pub fn limit(&self, name: &str) -> u32 {
        self.limits.get(name).copied().unwrap_or(0)
    }

    pub fn warn_level(&self, name: &str) -> Option<u32> {
        self.warn.get(name).copied()
    }

    /// The basis as one line, for diagnostics.
    pub fn basis_line(&self) -> String {
        self.basis.iter().map(Citation::to_string).collect::<Vec<_>>().join("；")
    }

    pub fn status(&self) -> Status {
        self.basis.first().map_or(Status::Unverified, |c| c.status)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Points {
    pub each: u32,
    pub cap: u32,
}

/// Interaction deadlines for messages (留言): the institution's own limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InteractionRule {
    /// A first response within this many hours, counted on the clock.
    pub response_hours: u32,
    /// Closed (answered) within this many working days on the PRC calendar, the day received
    /// not counted.
    pub close_working_days: u32,
    /// The message types the limits apply to.
    pub message_types: Vec<MessageType>,
    #[serde(default, skip_serializing_if = "Status::is_confirmed")]
    pub status: Status,
    pub title: Text,
    pub basis: Vec<Citation>,
}

static EMBEDDED: LazyLock<SiteRules> = LazyLock::new(|| crate::catalogue::embedded::parse(RULES_FILE));

/// The embedded indicators file, under `catalogues/`.
pub const RULES_FILE: &str = "site-indicators.yaml";

impl SiteRules {
    /// The indicators compiled into the library, parsed once.
    pub fn embedded() -> &'static SiteRules {
        &EMBEDDED
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// A copy with a site overlay applied, after linting it: an overlay that loosens any limit,
    /// names an unknown indicator or has no basis is rejected with all its findings.
    pub fn with_overlay(&self, file: &str, text: &str) -> crate::Result<SiteRules> {
        let overlay = parse_yaml::<SiteOverlay>(file, text)?;
        Finding::reject_errors(check_overlay(self, &overlay, file, text))?;
        let mut next = self.clone();
        for change in &overlay.indicators {
            if let Some(ind) = next.indicators.iter_mut().find(|i| i.id == change.id) {
                ind.limits.extend(change.limits.iter().map(|(k, v)| (k.clone(), *v)));
                ind.warn.extend(change.warn.iter().map(|(k, v)| (k.clone(), *v)));
                if change.points.is_some() {
                    ind.points = change.points;
                }
                ind.basis = change.basis.iter().cloned().chain(ind.basis.iter().cloned()).collect();
            }
        }
        if let Some(change) = &overlay.interaction {
            let rule = &mut next.interaction;
            rule.response_hours = change.response_hours.unwrap_or(rule.response_hours);
            rule.close_working_days = change.close_working_days.unwrap_or(rule.close_working_days);
            rule.basis.clone_from(&change.basis);
            rule.status = change.basis.first().map_or(rule.status, |c| c.status);
        }
        if let Some(score) = &overlay.score {
            next.score.pass = score.pass;
            next.score.basis = score.basis.iter().cloned().chain(next.score.basis.iter().cloned()).collect();
        }
        next.overlays.push(overlay.id);
        Ok(next)
    }

    /// Read a site overlay file and apply it (see [`SiteRules::with_overlay`]).
    pub fn with_overlay_file(&self, path: impl AsRef<std::path::Path>) -> crate::Result<SiteRules> {
        let path = path.as_ref();
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.display().to_string(), source })?;
        self.with_overlay(&path.display().to_string(), &text)
    }
}

/// A province's or an institution's stricter site rules, loaded on top of the embedded ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteOverlay {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `site_overlay`.
    pub kind: String,
    pub id: String,
    pub version: String,
    pub title: Text,
    /// The local rule that sets these limits.
    pub basis: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interaction: Option<InteractionChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<ScoreChange>,
}

/// Stricter limits for one indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorChange {
    pub id: String,
    /// Lower limits (each must be at most the inherited one).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub limits: BTreeMap<String, u32>,
    /// Other early-warning levels (free: warnings are not rules).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub warn: BTreeMap<String, u32>,
    /// More points off (each and cap at least the inherited ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
    pub basis: Vec<Citation>,
}

/// The institution's own interaction deadlines (shorter than or equal to the inherited ones).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InteractionChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_hours: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_working_days: Option<u32>,
    pub basis: Vec<Citation>,
}

/// A higher pass score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreChange {
    pub pass: u32,
    pub basis: Vec<Citation>,
}

/// Whether a catalogue file is a site overlay (`kind: site_overlay` at the top level).
pub fn is_site_overlay(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_end();
        l == "kind: site_overlay" || l == "kind: \"site_overlay\"" || l == "kind: 'site_overlay'"
    }) || text.contains("\"kind\":\"site_overlay\"")
        || text.contains("\"kind\": \"site_overlay\"")
}

/// Lint a site overlay file against the embedded indicators (for `gongkai catalogue lint`).
pub fn lint_overlay_source(file: &str, text: &str) -> Vec<Finding> {
    match parse_yaml::<SiteOverlay>(file, text) {
        Ok(overlay) => check_overlay(SiteRules::embedded(), &overlay, file, text),
        Err(e) => {
            vec![crate::catalogue::lint::unreadable_file(file, e, "无效的网站检查叠加规则", "invalid site overlay")]
        }
    }
}

/// Every finding of a site overlay against `base`: unknown indicators or limits, a missing
/// basis, and any limit, point or pass score looser than the inherited one.
pub fn check_overlay(base: &SiteRules, overlay: &SiteOverlay, file: &str, text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let tree = std::cell::OnceCell::new();
    let mut push = |info: &'static CodeInfo, path: String, zh: String, en: String| {
        let located: &Option<Located> = tree.get_or_init(|| Located::parse(text));
        let (line, column) =
            located.as_ref().map(|t| t.position(&path)).map_or((None, None), |(l, c)| (Some(l), Some(c)));
        out.push(Finding {
            location: Location { file: file.to_owned(), line, column, path: Some(path.clone()) },
            diagnostic: Diagnostic::new(info, path, Text::new(zh, en)),
        });
    };
    if overlay.kind != "site_overlay" {
        push(
            &INVALID_YAML,
            "/kind".into(),
            format!("`kind` 应为 `site_overlay`，而不是 `{}`", overlay.kind),
            format!("`kind` must be `site_overlay`, not `{}`", overlay.kind),
        );
    }
    if overlay.basis.is_empty() {
        push(&MISSING_CITATION, "/basis".into(), "叠加规则缺少依据".into(), "the overlay has no basis".into());
    }
    for (i, change) in overlay.indicators.iter().enumerate() {
        let at = format!("/indicators/{i}");
        let Some(ind) = base.indicator(&change.id) else {
            let known: Vec<&str> = base.indicators.iter().map(|i| i.id.as_str()).collect();
            push(
                &OVERLAY_UNKNOWN_INDICATOR,
                format!("{at}/id"),
                format!("未知的检查指标 `{}`：应为 {}", change.id, known.join("、")),
                format!("unknown indicator `{}`: expected one of {}", change.id, known.join(", ")),
            );
            continue;
        };
        if change.basis.is_empty() {
            push(&MISSING_CITATION, format!("{at}/basis"), "修改缺少依据".into(), "change has no basis".into());
        }
        for (name, &value) in &change.limits {
            match ind.limits.get(name) {
                None => push(
                    &OVERLAY_UNKNOWN_LIMIT,
                    format!("{at}/limits/{name}"),
                    format!("指标 `{}` 没有 `{name}` 限值", ind.id),
                    format!(
                        "indicator `{}` has no limit `{name}` (it has: {})",
                        ind.id,
                        ind.limits.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                ),
                Some(&old) if value > old => push(
                    &OVERLAY_LOOSENS,
                    format!("{at}/limits/{name}"),
                    format!("指标 `{}` 的 `{name}` 不能放宽：{value} 大于 {old}（{}）", ind.id, ind.basis_line()),
                    format!("the `{name}` of `{}` cannot be loosened: {value} is above {old}", ind.id),
                ),
                Some(_) => {}
            }
        }
        if let (Some(new), Some(old)) = (change.points, ind.points) {
            if new.each < old.each || new.cap < old.cap {
                push(
                    &OVERLAY_LOOSENS,
                    format!("{at}/points"),
                    format!(
                        "指标 `{}` 的扣分不能减少：每项 {} 分、最多 {} 分低于 {} 分、{} 分",
                        ind.id, new.each, new.cap, old.each, old.cap
                    ),
                    format!(
                        "the points of `{}` cannot be lowered: {} each / {} at most is below {} / {}",
                        ind.id, new.each, new.cap, old.each, old.cap
                    ),
                );
            }
        } else if change.points.is_some() {
            push(
                &OVERLAY_UNKNOWN_LIMIT,
                format!("{at}/points"),
                format!("指标 `{}` 是单项否决指标，没有扣分", ind.id),
                format!("indicator `{}` is a veto and has no points", ind.id),
            );
        }
    }
    if let Some(change) = &overlay.interaction {
        let old = &base.interaction;
        if change.basis.is_empty() {
            push(&MISSING_CITATION, "/interaction/basis".into(), "修改缺少依据".into(), "change has no basis".into());
        }
        if let Some(h) = change.response_hours.filter(|&h| h > old.response_hours) {
            push(
                &OVERLAY_LOOSENS,
                "/interaction/response_hours".into(),
                format!("留言响应时限不能放宽：{h} 小时长于 {} 小时", old.response_hours),
                format!("the response limit cannot be loosened: {h} hours is longer than {}", old.response_hours),
            );
        }
        if let Some(d) = change.close_working_days.filter(|&d| d > old.close_working_days) {
            push(
                &OVERLAY_LOOSENS,
                "/interaction/close_working_days".into(),
                format!("留言办结时限不能放宽：{d} 个工作日长于 {} 个工作日", old.close_working_days),
                format!(
                    "the closing limit cannot be loosened: {d} working days is longer than {}",
                    old.close_working_days
                ),
            );
        }
    }
    if let Some(score) = &overlay.score {
        if score.basis.is_empty() {
            push(&MISSING_CITATION, "/score/basis".into(), "修改缺少依据".into(), "change has no basis".into());
        }
        if score.pass < base.score.pass {
            push(
                &OVERLAY_LOOSENS,
                "/score/pass".into(),
                format!("合格分数线不能降低：{} 分低于 {} 分", score.pass, base.score.pass),
                format!("the pass score cannot be lowered: {} is below {}", score.pass, base.score.pass),
            );
        }
    }
    out
}
