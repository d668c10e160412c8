//! Runs every conformance case in `tests/cases/**/*.json` as a named test. A case is
//! `{"name", "description", "record" | "input" | "input_hex", "expect": [{"code", "path"}], "options"}`;
//! the set of (code, path) the check reports must equal `expect` exactly. The Python and JS
//! suites run the same files. Options: `today` (YYYY-MM-DD), `overlays` (paths relative to
//! `tests/cases/`), `skip_screening`, `strict_calendar`, `strict_members`, `select`, `ignore` (read
//! by the facade's `CheckRequestOptions`, as every binding reads them). Each case is also checked from its JSON text
//! (`check_json`, which reads well-formed publications without a `Value` tree): same diagnostics.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use gongkai::check::{self, input};
use gongkai::facade;
use gongkai::{Catalogue, Diagnostic, Lang};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            case_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

fn read_case(path: &Path) -> Result<Value, Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read case: {e}"))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("case is not JSON: {e}"))?)
}

/// What the check reports for a case (its record, or its raw input).
fn case_diagnostics(case: &Value) -> Result<Vec<Diagnostic>, Failed> {
    let opts_v = case.get("options").cloned().unwrap_or(Value::Null);
    let mut cat = Catalogue::embedded().clone();
    for o in opts_v.get("overlays").and_then(Value::as_array).into_iter().flatten() {
        let rel = o.as_str().ok_or("overlay path must be a string")?;
        cat = cat.with_overlay_file(cases_dir().join(rel)).map_err(|e| format!("overlay {rel}: {e}"))?;
    }
    // The options as every front door takes them (today, skip_screening, strict_calendar,
    // strict_members, select, ignore): the facade's one type, and its filter.
    let prepared =
        facade::CheckRequestOptions::from_json(&opts_v).and_then(|o| o.prepare()).map_err(|e| e.to_string())?;
    let opts = &prepared.options;
    let filtered = |mut diags: Vec<Diagnostic>, record: Option<&Value>| {
        prepared.filter.apply(record, &mut diags);
        diags
    };

    Ok(if let Some(record) = case.get("record") {
        let diags = filtered(check::check_value(&cat, record, opts), Some(record));
        // From text, a well-formed publication takes the fast path (no `Value` tree): same answer.
        let checker = check::Checker::new(&cat);
        let from_text = facade::check_text_with(&checker, &record.to_string(), &prepared);
        if from_text != diags {
            return Err(format!("check_json disagrees with check_value:\n{from_text:#?}\n{diags:#?}").into());
        }
        // The fast JSON writer of diagnostics gives serde_json's bytes, in both languages.
        for lang in [gongkai::Lang::Zh, gongkai::Lang::En] {
            let mut fast = Vec::new();
            check::write_diagnostics_json(&mut fast, &diags, lang);
            let localized: Vec<_> = diags.iter().map(|d| d.localized(lang)).collect();
            if fast != serde_json::to_vec(&localized)? {
                return Err(format!(
                    "write_diagnostics_json differs from serde_json: {}",
                    String::from_utf8_lossy(&fast)
                )
                .into());
            }
        }
        diags
    } else {
        let bytes = match (case.get("input").and_then(Value::as_str), case.get("input_hex").and_then(Value::as_str)) {
            (Some(s), _) => s.as_bytes().to_vec(),
            (_, Some(h)) => hex(h)?,
            _ => return Err("case has no `record`, `input` or `input_hex`".into()),
        };
        match input::require_utf8(&bytes) {
            Err(d) => filtered(vec![d], None),
            Ok(text) => match input::parse_record(text) {
                Ok(v) => {
                    let diags = filtered(check::check_value(&cat, &v, opts), Some(&v));
                    if check::check_json(&cat, text, opts).ok().map(|d| filtered(d, Some(&v))).as_ref() != Some(&diags)
                    {
                        return Err("check_json disagrees with check_value".into());
                    }
                    diags
                }
                Err(e) => filtered(vec![input::json_error_diagnostic(&e, text)], None),
            },
        }
    })
}

fn run_case(path: &Path) -> Result<(), Failed> {
    let case = read_case(path)?;
    let diags = case_diagnostics(&case)?;
    let got: BTreeSet<(String, String)> = diags.iter().map(|d| (d.code.to_owned(), d.path.to_string())).collect();
    let want: BTreeSet<(String, String)> = case
        .get("expect")
        .and_then(Value::as_array)
        .ok_or("case has no `expect` array")?
        .iter()
        .map(|e| {
            let code = e.get("code").and_then(Value::as_str).unwrap_or_default().to_owned();
            let path = e.get("path").and_then(Value::as_str).unwrap_or_default().to_owned();
            (code, path)
        })
        .collect();
    if got == want {
        return Ok(());
    }
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    let details: Vec<String> = diags.iter().map(|d| format!("  {} {} — {}", d.code, d.path, d.message.en())).collect();
    Err(format!("missing {missing:?}\nunexpected {extra:?}\nreported:\n{}", details.join("\n")).into())
}

fn hex(s: &str) -> Result<Vec<u8>, Failed> {
    let s: String = s.split_whitespace().collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2).unwrap_or("zz"), 16).map_err(|_| Failed::from("bad input_hex")))
        .collect()
}

/// Every check code has at least one case, except those only the CLI can produce (files).
fn coverage(files: &[PathBuf]) -> Result<(), Failed> {
    // Read from files by the command line only (attachment files: tested in cli/tests/files_cli.rs).
    let cli_only = [
        "input_unreadable",
        "input_too_large",
        "attachment_file_missing",
        "attachment_file_unreadable",
        "attachment_file_outside",
    ];
    let mut seen = HashSet::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| e.to_string())?;
        let v: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        for e in v.get("expect").and_then(Value::as_array).into_iter().flatten() {
            if let Some(c) = e.get("code").and_then(Value::as_str) {
                seen.insert(c.to_owned());
            }
        }
    }
    let missing: Vec<&str> =
        check::CODES.iter().map(|c| c.code).filter(|c| !seen.contains(*c) && !cli_only.contains(c)).collect();
    if missing.is_empty() { Ok(()) } else { Err(format!("codes without a conformance case: {missing:?}").into()) }
}

/// Every code's message and help, in Chinese and English, as the first case (in file order)
/// that reports it shows them: one snapshot (`snapshots/conformance__messages.snap`), so a
/// changed wording shows in review. `INSTA_UPDATE=always` rewrites it.
fn message_snapshot(root: &Path, files: &[PathBuf]) -> Result<(), Failed> {
    let mut seen = HashSet::new();
    let mut out = String::new();
    for f in files {
        let diags = case_diagnostics(&read_case(f)?)?;
        let case = f.strip_prefix(root).unwrap_or(f).with_extension("").display().to_string();
        for d in diags.iter().filter(|d| seen.insert(d.code)) {
            out.push_str(&format!("## {} ({}, at `{}`, case {case})\n", d.code, d.severity, d.path));
            out.push_str(&format!("zh: {}\nen: {}\n", d.message.get(Lang::Zh), d.message.get(Lang::En)));
            if let Some(help) = &d.help {
                out.push_str(&format!("help zh: {}\nhelp en: {}\n", help.get(Lang::Zh), help.get(Lang::En)));
            }
            out.push('\n');
        }
    }
    let uncovered: Vec<&str> =
        gongkai::registry::codes().iter().map(|c| c.code).filter(|c| !seen.contains(c)).collect();
    out.push_str(&format!("## codes no conformance case reports ({})\n{}\n", uncovered.len(), uncovered.join("\n")));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("conformance__messages", out));
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let root = cases_dir();
    let mut files = Vec::new();
    case_files(&root, &mut files);
    let mut trials: Vec<Trial> = files
        .iter()
        .map(|p| {
            let name = p.strip_prefix(&root).unwrap_or(p).with_extension("").display().to_string();
            let p = p.clone();
            Trial::test(name, move || run_case(&p))
        })
        .collect();
    let count = files.len();
    let (snapshot_root, snapshot_files) = (root.clone(), files.clone());
    trials.push(Trial::test("messages_snapshot", move || message_snapshot(&snapshot_root, &snapshot_files)));
    trials.push(Trial::test("every_check_code_has_a_case", move || coverage(&files)));
    trials.push(Trial::test("at_least_100_cases", move || {
        if count >= 100 { Ok(()) } else { Err(format!("only {count} cases").into()) }
    }));
    libtest_mimic::run(&args, trials).exit();
}
