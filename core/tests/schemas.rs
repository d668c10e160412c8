//! The JSON Schemas under `catalogues/schema/` are generated from the Rust types and the
//! catalogue items; this test fails with a diff when the committed files are stale.
//! `GONGKAI_BLESS=1 cargo test -p gongkai --test schemas` rewrites them.
//!
//! It also validates every embedded catalogue file against the schema the file names in its
//! first line (`# yaml-language-server: $schema=…`) with an independent validator (the
//! `jsonschema` crate), so the data and the Rust model cannot drift apart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gongkai::Catalogue;
use gongkai::catalogue::embedded;

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalogues/schema")
}

fn committed_files(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if p.is_dir() {
            committed_files(&p, &format!("{name}/"), out);
        } else if name.ends_with(".json") {
            out.insert(name);
        }
    }
}

#[test]
fn committed_schemas_are_fresh() {
    let dir = schema_dir();
    let generated = gongkai::registry::generated_files(Catalogue::embedded());
    let bless = std::env::var_os("GONGKAI_BLESS").is_some();
    let mut problems = Vec::new();
    for (name, text) in &generated {
        let path = dir.join(name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != *text {
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, text).unwrap();
            } else {
                let first_diff = current
                    .lines()
                    .zip(text.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| current.lines().count().min(text.lines().count()));
                problems.push(format!(
                    "{name}: stale at line {} (committed: {:?}, generated: {:?})",
                    first_diff + 1,
                    current.lines().nth(first_diff).unwrap_or("<end of file>"),
                    text.lines().nth(first_diff).unwrap_or("<end of file>")
                ));
            }
        }
    }
    let mut committed = BTreeSet::new();
    committed_files(&dir, "", &mut committed);
    let generated_names: BTreeSet<String> = generated.iter().map(|(n, _)| n.clone()).collect();
    for stale in committed.difference(&generated_names) {
        if bless {
            std::fs::remove_file(dir.join(stale)).unwrap();
        } else {
            problems.push(format!("{stale}: committed but no longer generated"));
        }
    }
    assert!(
        problems.is_empty(),
        "schemas are stale; run `GONGKAI_BLESS=1 cargo test -p gongkai --test schemas`:\n{}",
        problems.join("\n")
    );
}

/// The schema a YAML file names in its first line.
fn declared_schema(path: &str, text: &str) -> Option<PathBuf> {
    let first = text.lines().next()?;
    let rel = first.strip_prefix("# yaml-language-server: $schema=")?.trim();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalogues").join(path);
    Some(base.parent()?.join(rel))
}

#[test]
fn every_embedded_file_validates_against_its_committed_schema() {
    assert!(!embedded::FILES.is_empty());
    let mut failures = Vec::new();
    for (path, text) in embedded::FILES {
        let Some(schema_path) = declared_schema(path, text) else {
            failures.push(format!("{path}: first line must name its schema (`# yaml-language-server: $schema=…`)"));
            continue;
        };
        let schema: serde_json::Value = match std::fs::read_to_string(&schema_path) {
            Ok(s) => serde_json::from_str(&s).expect("committed schema is JSON"),
            Err(e) => {
                failures.push(format!("{path}: cannot read {}: {e}", schema_path.display()));
                continue;
            }
        };
        let instance: serde_json::Value = serde_saphyr::from_str(text).expect("embedded YAML parses");
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        for err in validator.iter_errors(&instance) {
            failures.push(format!("{path}: {} at `{}`", err, err.instance_path()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
