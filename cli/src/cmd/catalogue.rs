//! `gongkai catalogue list|show|resolve|lint`.

use std::process::ExitCode;

use gongkai::registry::lint_source;
use gongkai::{Catalogue, Institution, Severity};
use gongkai::{Item, Status, Timing};

use crate::output::{CmdResult, Format, print_json};

#[derive(clap::Args, Clone)]
pub struct InstitutionArgs {
    /// Institution kind: administrative, university, health, school, public_enterprise.
    #[arg(long)]
    kind: Option<String>,
    /// Tier within the kind, e.g. county, hospital.
    #[arg(long)]
    tier: Option<String>,
    /// Role: government or department (administrative bodies).
    #[arg(long)]
    role: Option<String>,
    /// Sector of a department, e.g. education, civil_affairs (see `gongkai catalogue list`).
    #[arg(long)]
    sector: Option<String>,
    /// Only the rows of one grassroots domain, e.g. 社会救助 or social_assistance.
    #[arg(long)]
    domain: Option<String>,
    /// Only the rows of one disclosure level (公开层级): county/县级, township/乡级, village/村级.
    #[arg(long)]
    level: Option<String>,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// List templates and their items, optionally only those for a kind/tier/role.
    List {
        #[command(flatten)]
        inst: InstitutionArgs,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Show one item (or template) in full.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The flat list of items for one institution, overlays applied, each with its source.
    Resolve {
        #[command(flatten)]
        inst: InstitutionArgs,
        /// A local catalogue to apply (repeatable).
        #[arg(long)]
        overlay: Vec<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Lint catalogue files (templates or overlays); exit 1 on errors.
    Lint {
        #[arg(required = true)]
        files: Vec<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

pub fn timing_text(t: &Timing) -> String {
    match t {
        Timing::WithinWorkingDays { days, .. } => format!("{days}个工作日内 / within {days} working days"),
        Timing::WithinDays { days, .. } => format!("{days}日内 / within {days} days"),
        Timing::Periodic { due, .. } => format!("定期，{due}前 / periodic, due {due}"),
        Timing::RealTime { .. } => "实时 / real time".into(),
        Timing::Timely { .. } => "及时 / promptly".into(),
        _ => "—".into(),
    }
}

fn item_line(cat: &Catalogue, item: &Item, source: &str) {
    let mark = match item.status {
        Status::Unverified => " [unverified 未核实]",
        Status::Secondary => " [secondary 二手来源]",
        _ => "",
    };
    println!("  {:<34} {}{}", item.id, item.title.zh, mark);
    println!("  {:<34} {}", "", item.title.en);
    println!("  {:<34} {} · {} · {}", "", item.category.join(" › "), timing_text(&item.timing), source);
    if let Some(d) = &item.domain {
        let levels: Vec<&str> =
            item.levels.iter().map(|l| cat.domains().level(l).map_or(l.as_str(), |x| x.title.zh.as_ref())).collect();
        println!("  {:<34} 领域 domain: {d} · 公开层级 level: {}", "", levels.join("、"));
    }
}

fn load(overlays: &[String]) -> Result<Catalogue, Box<dyn std::error::Error>> {
    let mut cat = Catalogue::embedded().clone();
    for o in overlays {
        cat = cat.with_overlay_file(o).map_err(|e| format_error(&e))?;
    }
    Ok(cat)
}

fn format_error(e: &gongkai::Error) -> String {
    match e {
        gongkai::Error::Many(list) => list.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"),
        other => other.to_string(),
    }
}

fn institution(a: &InstitutionArgs) -> Result<Institution, String> {
    let kind = a.kind.clone().ok_or("--kind is required (administrative, university, health, school)")?;
    let tier = a.tier.clone().ok_or("--tier is required (e.g. county, hospital, central)")?;
    Ok(Institution { kind, tier, role: a.role.clone(), sector: a.sector.clone(), name: None })
}

pub fn run(c: Command) -> CmdResult {
    match c {
        Command::List { inst, format } => {
            let cat = Catalogue::embedded();
            if let Some(k) = &inst.kind {
                cat.validate_kind(k)?;
            }
            if let Some(t) = &inst.tier {
                cat.validate_tier(inst.kind.as_deref(), t)?;
            }
            let templates: Vec<_> = cat
                .templates()
                .iter()
                .filter(|t| {
                    inst.kind.as_ref().is_none_or(|k| t.applies_to.kinds.is_empty() || t.applies_to.kinds.contains(k))
                })
                .filter(|t| {
                    inst.tier.as_ref().is_none_or(|k| t.applies_to.tiers.is_empty() || t.applies_to.tiers.contains(k))
                })
                .filter(|t| {
                    inst.role.as_ref().is_none_or(|k| t.applies_to.roles.is_empty() || t.applies_to.roles.contains(k))
                })
                .filter(|t| {
                    inst.domain.as_ref().is_none_or(|d| {
                        cat.domains().domain(d).is_some_and(|info| t.domain.as_deref() == Some(info.id.as_str()))
                    })
                })
                .collect();
            if let Some(d) = inst.domain.as_deref().filter(|d| cat.domains().domain(d).is_none()) {
                return Err(format!("unknown domain `{d}`: `gongkai catalogue list` shows the 26 domains").into());
            }
            match format {
                Format::Json => print_json(&templates)?,
                Format::Text => {
                    let domain_templates: Vec<_> = templates.iter().filter(|t| t.domain.is_some()).collect();
                    if !domain_templates.is_empty() {
                        println!("基层政务公开标准目录领域 grassroots domains (--domain takes the name or the key):");
                        for t in &domain_templates {
                            let d = t.domain.as_deref().unwrap_or_default();
                            let key = cat.domains().domain(d).map_or("", |i| i.key.as_str());
                            println!(
                                "  {:<14} {:<28} {:>3} rows, {:>2} known missing · {}",
                                d,
                                key,
                                t.items.len(),
                                t.missing_rows.len(),
                                t.id
                            );
                        }
                        println!();
                    }
                    for t in templates {
                        println!("{} {} ({}; v{}; effective {})", t.id, t.title.zh, t.title.en, t.version, t.effective);
                        if let Some(p) = &t.extends {
                            println!("  extends {p}");
                        }
                        for item in &t.items {
                            item_line(cat, item, &t.id);
                        }
                        println!();
                    }
                }
            }
        }
        Command::Show { id, format } => {
            let cat = Catalogue::embedded();
            if let Ok(answer) = gongkai::facade::item_with(cat, &id) {
                let (item, source) = (answer.item, answer.source);
                match format {
                    Format::Json => print_json(item)?,
                    Format::Text => {
                        println!("{}  {}", item.id, item.title.zh);
                        println!("  {}", item.title.en);
                        println!("  template 模板: {source}");
                        if let Some(d) = &item.domain {
                            println!("  domain 领域: {d} · levels 公开层级: {}", item.levels.join(", "));
                        }
                        if let Some(s) = &item.subject {
                            println!("  subject 公开主体: {s} · audience 公开对象: {:?}", item.audience);
                        }
                        println!("  category 事项: {}", item.category.join(" › "));
                        println!("  mode 方式: {:?} · timing 时限: {}", item.mode, timing_text(&item.timing));
                        if let Some(b) = item.timing.basis() {
                            println!("  timing basis 时限依据: {b}");
                        }
                        for b in &item.basis {
                            println!("  basis 依据: {b}");
                        }
                        for el in &item.elements {
                            println!(
                                "  element 要素: {:<24} {:?}{} — {} / {}",
                                el.key,
                                el.kind,
                                if el.required { " required" } else { "" },
                                el.title.zh,
                                el.title.en
                            );
                        }
                        for v in &item.variants {
                            let basis: Vec<String> = v.basis.iter().map(ToString::to_string).collect();
                            println!(
                                "  variant 类型: {} = {} requires 须载明 {} ({})",
                                v.element,
                                v.values.join(" | "),
                                v.requires.join(", "),
                                basis.join("；")
                            );
                        }
                        if !item.channels.is_empty() {
                            println!("  channels 渠道: {}", item.channels.join(", "));
                        }
                        if item.flags.interpretation_required {
                            println!("  interpretation required 须同步解读");
                        }
                        if item.status != Status::Confirmed {
                            println!("  status 状态: {:?}", item.status);
                        }
                        if let Some(n) = &item.note {
                            println!("  note: {} / {}", n.zh, n.en);
                        }
                    }
                }
            } else if let Some(t) = cat.template(&id) {
                match format {
                    Format::Json => print_json(t)?,
                    Format::Text => {
                        println!("{} {} ({})", t.id, t.title.zh, t.title.en);
                        for item in &t.items {
                            item_line(cat, item, &t.id);
                        }
                    }
                }
            } else {
                return Err(format!("unknown item or template `{id}`: `gongkai catalogue list` shows the ids").into());
            }
        }
        Command::Resolve { inst, overlay, format } => {
            let cat = load(&overlay)?;
            let (domain, level) = (inst.domain.clone(), inst.level.clone());
            let inst = institution(&inst)?;
            let resolved = cat.narrow(cat.resolve(&inst)?, domain.as_deref(), level.as_deref())?;
            match format {
                Format::Json => print_json(&resolved)?,
                Format::Text => {
                    println!(
                        "{} items for kind={} tier={} role={} (templates: {}{})",
                        resolved.items.len(),
                        inst.kind,
                        inst.tier,
                        inst.role.as_deref().unwrap_or("-"),
                        resolved.templates.join(" → "),
                        if resolved.overlays.is_empty() {
                            String::new()
                        } else {
                            format!("; overlays: {}", resolved.overlays.join(", "))
                        }
                    );
                    for ri in &resolved.items {
                        let src = if ri.changed_by.is_empty() {
                            ri.source.to_owned()
                        } else {
                            format!("{} (changed by {})", ri.source, ri.changed_by.join(", "))
                        };
                        item_line(&cat, &ri.item, &src);
                    }
                    for n in &resolved.notes {
                        println!("note 说明: {}\n  {}", n.zh, n.en);
                    }
                    if let Some(c) = resolved.complaint {
                        let basis = c.basis.iter().map(|b| b.to_string()).collect::<Vec<_>>().join("、");
                        println!("complaint 申诉: {} / {} ({basis})", c.to.zh, c.to.en);
                    }
                }
            }
        }
        Command::Lint { files, format } => {
            let cat = Catalogue::embedded();
            let mut all = Vec::new();
            let mut unreadable = false;
            for f in &files {
                match std::fs::read_to_string(f) {
                    Ok(text) => all.extend(lint_source(cat, f, &text)),
                    Err(e) => {
                        anstream::eprintln!("error: {f}: {e}");
                        unreadable = true;
                    }
                }
            }
            let errors = all.iter().filter(|f| f.diagnostic.severity == Severity::Error).count();
            match format {
                Format::Json => {
                    let rows: Vec<_> = all
                        .iter()
                        .map(|f| serde_json::json!({
                            "file": f.location.file, "line": f.location.line, "column": f.location.column,
                            "path": f.diagnostic.path, "code": f.diagnostic.code, "severity": f.diagnostic.severity,
                            "message": f.diagnostic.message.en(), "message_zh": f.diagnostic.message.zh(), "basis": f.diagnostic.basis,
                        }))
                        .collect();
                    print_json(
                        &serde_json::json!({"findings": rows, "summary": {"files": files.len(), "errors": errors}}),
                    )?;
                }
                Format::Text => {
                    for f in &all {
                        println!(
                            "{}: {}[{}] {}",
                            f.location,
                            f.diagnostic.severity,
                            f.diagnostic.code,
                            f.diagnostic.message.en()
                        );
                        println!("    {}", f.diagnostic.message.zh());
                        if let Some(b) = &f.diagnostic.basis {
                            println!("    basis: {b}");
                        }
                    }
                    println!("{} file(s), {} error(s), {} other finding(s)", files.len(), errors, all.len() - errors);
                }
            }
            if unreadable {
                return Ok(ExitCode::from(2));
            }
            return Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
    }
    Ok(ExitCode::SUCCESS)
}
