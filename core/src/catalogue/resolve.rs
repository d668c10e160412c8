//! Resolving a catalogue for one institution: the flat list of items it must publish.

use std::borrow::Cow;

use serde::Serialize;

use super::Catalogue;
use crate::error::{Error, Result};
use crate::model::{Complaint, DomainRegistry, Institution, Item, Template, Text};

/// The items that apply to one institution.
#[derive(Clone, Debug, Serialize)]
pub struct Resolved<'a> {
    pub institution: Institution,
    /// Templates that apply, root first.
    pub templates: Vec<&'a str>,
    /// Overlays that apply, in load order.
    pub overlays: Vec<&'a str>,
    pub items: Vec<ResolvedItem<'a>>,
    /// What the user should know beyond the items: a tier or sector with no catalogue, the
    /// complaint channel, whether requests under the 条例 apply.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// Where to complain about non-disclosure (the sector's competent department, or the kind's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complaint: Option<&'a Complaint>,
}

/// An item as it applies to one institution, with where it came from.
#[derive(Clone, Debug, Serialize)]
pub struct ResolvedItem<'a> {
    pub item: Cow<'a, Item>,
    /// The template or overlay that defines the item.
    pub source: &'a str,
    /// Overlays that changed it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed_by: Vec<&'a str>,
}

impl<'a> Resolved<'a> {
    pub fn item(&self, id: &str) -> Option<&ResolvedItem<'a>> {
        self.items.iter().find(|i| i.item.id == id)
    }
}

/// Whether an item's own tier/role/sector lists admit an institution.
///
/// A row of a grassroots domain (`domain` set) also needs its 公开层级: the institution's tier must
/// publish at one of the row's `levels` (县级: county governments and departments; 乡级: township
/// governments and 街道办事处). A government gets every such row of its level, since it publishes the
/// catalogue for its area; a department (or an organisation authorised under 条例 Art 54) gets the
/// rows its sector owns: those naming its sector in `sectors`, or, when a row names none, the rows
/// of the domains its sector owns.
pub fn item_applies(domains: &DomainRegistry, item: &Item, inst: &Institution) -> bool {
    fn ok(list: &[String], v: Option<&str>) -> bool {
        list.is_empty() || v.is_some_and(|v| list.iter().any(|x| x == v))
    }
    if !ok(&item.tiers, Some(&inst.tier)) || !ok(&item.roles, inst.role.as_deref()) {
        return false;
    }
    let Some(domain) = item.domain.as_deref() else {
        return ok(&item.sectors, inst.sector.as_deref());
    };
    if !item.levels.is_empty() && !domains.tier_publishes(&item.levels, &inst.tier) {
        return false;
    }
    if inst.role.as_deref() == Some("government") {
        return true;
    }
    let owners: &[String] = if item.sectors.is_empty() {
        domains.domain(domain).map(|d| d.sectors.as_slice()).unwrap_or_default()
    } else {
        &item.sectors
    };
    match (inst.role.as_deref(), inst.sector.as_deref()) {
        (_, Some(sector)) => owners.iter().any(|s| s == sector),
        // No role and no sector: an institution that says nothing about itself gets every row
        // of its level (as before roles existed); a department without a sector gets none.
        (None, None) => true,
        (Some(_), None) => false,
    }
}

/// "expected one of `a`, `b` (did you mean `a`?)": the ids there are, after an unknown `id`.
fn known_list<'a>(id: &str, known: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let list: Vec<String> = known.clone().into_iter().map(|k| format!("`{k}`")).collect();
    let hint =
        crate::diagnostics::suggest::nearest(id, known).map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
    format!("expected one of {}{hint}", list.join(", "))
}

impl Catalogue {
    /// The registry entry of an institution kind; an unknown kind is an error listing the known
    /// ones and the nearest.
    pub fn validate_kind(&self, kind: &str) -> Result<&crate::model::KindInfo> {
        self.registry().kind(kind).ok_or_else(|| {
            let known = self.registry().kinds.iter().map(|k| k.id.as_str());
            Error::UnknownAmong { what: "institution kind", id: kind.to_owned(), known: known_list(kind, known) }
        })
    }

    /// Check that a tier is known for some kind (`kind` given: for that kind).
    pub fn validate_tier(&self, kind: Option<&str>, tier: &str) -> Result<()> {
        let kinds: Vec<_> = match kind {
            Some(k) => vec![self.validate_kind(k)?],
            None => self.registry().kinds.iter().collect(),
        };
        if kinds.iter().any(|k| k.has_tier(tier)) {
            return Ok(());
        }
        let mut known: Vec<&str> = Vec::new();
        for t in kinds.iter().flat_map(|k| k.tiers.iter().map(|t| t.id.as_str())) {
            if !known.contains(&t) {
                known.push(t);
            }
        }
        let what = match kind {
            Some(k) => format!("tier for kind `{k}`"),
            None => "tier".to_owned(),
        };
        Err(Error::Invalid(format!("unknown {what} `{tier}`: {}", known_list(tier, known))))
    }

    /// Check that an institution's kind, tier, role and sector are known.
    pub fn validate_institution(&self, inst: &Institution) -> Result<()> {
        let kind = self.validate_kind(&inst.kind)?;
        if !kind.has_tier(&inst.tier) {
            self.validate_tier(Some(&inst.kind), &inst.tier)?;
        }
        if let Some(role) = &inst.role
            && !kind.has_role(role)
        {
            return Err(Error::Invalid(format!("unknown role `{role}` for kind `{}`", inst.kind)));
        }
        if let Some(sector) = &inst.sector
            && !kind.has_sector(sector)
        {
            return Err(Error::Invalid(format!("unknown sector `{sector}` for kind `{}`", inst.kind)));
        }
        Ok(())
    }

    /// Templates whose applicability admits the institution, with their ancestors, root first.
    pub fn templates_for(&self, inst: &Institution) -> Vec<&Template> {
        let mut out: Vec<&Template> = Vec::new();
        for t in self.templates() {
            if !t.applies_to.matches(&inst.kind, &inst.tier, inst.role.as_deref(), inst.sector.as_deref()) {
                continue;
            }
            let mut chain = self.ancestors(t);
            chain.reverse();
            chain.push(t);
            for c in chain {
                if !out.iter().any(|x| x.id == c.id) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The flat list of items that apply to an institution, overlays applied.
    pub fn resolve(&self, inst: &Institution) -> Result<Resolved<'_>> {
        self.validate_institution(inst)?;
        let templates = self.templates_for(inst);
        let mut items: Vec<ResolvedItem<'_>> = Vec::new();
        let applicable = |o: &&crate::model::Overlay| {
            o.applies_to.matches(&inst.kind, &inst.tier, inst.role.as_deref(), inst.sector.as_deref())
        };
        // A local catalogue may give a row a further level: keep such rows until overlays are applied.
        let widened = |id: &str| {
            self.overlays()
                .iter()
                .filter(applicable)
                .any(|o| o.changes.iter().any(|c| c.item == id && c.levels.is_some()))
        };
        for t in &templates {
            for item in t.items.iter().filter(|i| item_applies(&self.domains, i, inst) || widened(&i.id)) {
                items.push(ResolvedItem { item: Cow::Borrowed(item), source: &t.id, changed_by: Vec::new() });
            }
        }
        let mut overlays = Vec::new();
        for o in self.overlays() {
            if !o.applies_to.matches(&inst.kind, &inst.tier, inst.role.as_deref(), inst.sector.as_deref()) {
                continue;
            }
            overlays.push(o.id.as_str());
            items.retain(|ri| !o.remove.contains(&ri.item.id));
            for change in &o.changes {
                if let Some(ri) = items.iter_mut().find(|ri| ri.item.id == change.item) {
                    let item = ri.item.to_mut();
                    if let Some(timing) = &change.timing {
                        item.timing = timing.clone();
                    }
                    if let Some(levels) = &change.levels {
                        for l in levels {
                            if !item.levels.contains(l) {
                                item.levels.push(l.clone());
                            }
                        }
                    }
                    for ch in &change.add_channels {
                        if !item.channels.contains(ch) {
                            item.channels.push(ch.clone());
                        }
                    }
                    for el in &change.add_elements {
                        if !item.elements.iter().any(|e| e.key == el.key) {
                            item.elements.push(el.clone());
                        }
                    }
                    if change.interpretation_required == Some(true) {
                        item.flags.interpretation_required = true;
                    }
                    for g in &change.excluded_grounds {
                        if !item.excluded_grounds.contains(g) {
                            item.excluded_grounds.push(g.clone());
                        }
                    }
                    item.basis.extend(change.basis.iter().cloned());
                    ri.changed_by.push(&o.id);
                }
            }
            for item in o.items.iter().filter(|i| item_applies(&self.domains, i, inst)) {
                items.push(ResolvedItem { item: Cow::Borrowed(item), source: &o.id, changed_by: Vec::new() });
            }
        }
        items.retain(|ri| item_applies(&self.domains, &ri.item, inst));
        let kind = self.registry().kind(&inst.kind);
        let tier = kind.and_then(|k| k.tier(&inst.tier));
        let sector = kind.zip(inst.sector.as_deref()).and_then(|(k, s)| k.sector(s));
        let mut notes: Vec<Text> = [tier, sector].into_iter().flatten().filter_map(|t| t.note.clone()).collect();
        notes.extend(kind.and_then(|k| k.on_request.clone()));
        if items.is_empty() && notes.is_empty() {
            notes.push(Text::new(
                "没有适用于该机构的目录事项；请以 overlay 加载本地目录",
                "no catalogue item applies to this institution; load a local catalogue as an overlay",
            ));
        }
        let complaint = sector.and_then(|s| s.complaint.as_ref()).or_else(|| kind.and_then(|k| k.complaint.as_ref()));
        Ok(Resolved {
            institution: inst.clone(),
            templates: templates.iter().map(|t| t.id.as_str()).collect(),
            overlays,
            items,
            notes,
            complaint,
        })
    }
}

impl Catalogue {
    /// Keep only the rows of one grassroots domain (by id `社会救助` or key `social_assistance`)
    /// and/or one disclosure level (by id `county` or title `县级`). An unknown name is an error
    /// that lists the known ones.
    pub fn narrow<'a>(
        &self,
        mut resolved: Resolved<'a>,
        domain: Option<&str>,
        level: Option<&str>,
    ) -> Result<Resolved<'a>> {
        let domains = self.domains();
        let domain = match domain {
            None => None,
            Some(name) => Some(domains.domain(name).map(|d| d.id.clone()).ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown domain `{name}`: expected one of {}",
                    domains.domains.iter().map(|d| format!("`{}` ({})", d.id, d.key)).collect::<Vec<_>>().join(", ")
                ))
            })?),
        };
        let level = match level {
            None => None,
            Some(name) => Some(domains.level(name).map(|l| l.id.clone()).ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown level `{name}`: expected one of {}",
                    domains
                        .levels
                        .iter()
                        .map(|l| format!("`{}` ({})", l.id, l.title.zh))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?),
        };
        resolved.items.retain(|ri| {
            domain.as_ref().is_none_or(|d| ri.item.domain.as_ref() == Some(d))
                && level
                    .as_ref()
                    .is_none_or(|l| ri.item.levels.iter().any(|x| domains.level(x).is_some_and(|info| &info.id == l)))
        });
        Ok(resolved)
    }
}
