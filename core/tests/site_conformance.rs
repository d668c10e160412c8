//! Runs every site conformance case in `tests/site-cases/*.json`: the set of (code, path) the
//! check reports must equal the case's `expect` exactly. The Python and JS suites run the same
//! files. Options: `as_of` (YYYY-MM-DD), `overlays` (site overlays, relative to the cases).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gongkai::calendar::Calendar;
use gongkai::site::{self, SiteOptions, SiteRules};
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/site-cases")
}

fn run(path: &Path) -> Result<(), String> {
    let case: Value = serde_json::from_str(&std::fs::read_to_string(path).map_err(|e| e.to_string())?)
        .map_err(|e| format!("case is not JSON: {e}"))?;
    let options = case.get("options").cloned().unwrap_or(Value::Null);
    let mut rules = SiteRules::embedded().clone();
    for o in options.get("overlays").and_then(Value::as_array).into_iter().flatten() {
        let rel = o.as_str().ok_or("overlay path must be a string")?;
        rules = rules.with_overlay_file(cases_dir().join(rel)).map_err(|e| format!("overlay {rel}: {e}"))?;
    }
    let as_of = match options.get("as_of").and_then(Value::as_str) {
        Some(d) => Some(d.parse().map_err(|e| format!("bad as_of: {e}"))?),
        None => None,
    };
    let opts = SiteOptions::new().with_as_of(as_of);
    let text = match (case.get("snapshot"), case.get("input").and_then(Value::as_str)) {
        (Some(s), _) => s.to_string(),
        (None, Some(raw)) => raw.to_owned(),
        _ => return Err("a case has `snapshot` or `input`".into()),
    };
    let report = site::check_json(&rules, Calendar::embedded(), &text, &opts);
    let got: BTreeSet<(String, String)> =
        report.findings.iter().map(|f| (f.diagnostic.code.to_owned(), f.diagnostic.path.to_string())).collect();
    let want: BTreeSet<(String, String)> = case["expect"]
        .as_array()
        .ok_or("expect must be an array")?
        .iter()
        .map(|e| (e["code"].as_str().unwrap_or("").to_owned(), e["path"].as_str().unwrap_or("").to_owned()))
        .collect();
    if got != want {
        return Err(format!("got {got:?}\nwant {want:?}"));
    }
    // A case that expects nothing (or only warnings) passes; any veto or input error fails.
    let fails = want
        .iter()
        .any(|(code, _)| gongkai::registry::code_info(code).is_some_and(|c| c.severity == gongkai::Severity::Error));
    if (report.verdict == site::Verdict::Fail) != fails {
        return Err(format!("verdict {:?} but the expected findings say fails={fails}", report.verdict));
    }
    Ok(())
}

#[test]
fn every_site_case() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 30, "the site cases are generated: python3 tests/site-cases/gen_site_cases.py");
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| run(p).err().map(|e| format!("{}: {e}", p.file_name().unwrap().to_string_lossy())))
        .collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), paths.len(), failures.join("\n\n"));
}

#[test]
fn every_indicator_has_a_case_that_fails_it() {
    let mut covered = BTreeSet::new();
    for e in std::fs::read_dir(cases_dir()).unwrap().flatten() {
        if let Ok(v) = serde_json::from_str::<Value>(&std::fs::read_to_string(e.path()).unwrap_or_default()) {
            for x in v["expect"].as_array().into_iter().flatten() {
                covered.insert(x["code"].as_str().unwrap_or("").to_owned());
            }
        }
    }
    for ind in &SiteRules::embedded().indicators {
        assert!(covered.contains(&format!("site_{}", ind.id)), "no case fails `{}`", ind.id);
    }
}
