//! `docs/diagnostics.md` is generated from the declared codes; this fails (with a diff) when it
//! is stale. `GONGKAI_BLESS=1 cargo test -p gongkai --test diagnostics_doc` rewrites it.

use std::path::Path;

#[test]
fn diagnostics_doc_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/diagnostics.md");
    let want = gongkai::registry::markdown();
    if std::env::var_os("GONGKAI_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write docs/diagnostics.md");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have == want {
        return;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (have.lines().collect(), want.lines().collect());
    let mut diff = String::new();
    for i in 0..a.len().max(b.len()) {
        match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                if let Some(x) = x {
                    diff.push_str(&format!("-{}: {x}\n", i + 1));
                }
                if let Some(y) = y {
                    diff.push_str(&format!("+{}: {y}\n", i + 1));
                }
            }
        }
    }
    panic!("docs/diagnostics.md is stale; rerun with GONGKAI_BLESS=1\n{diff}");
}

#[test]
fn every_code_is_unique_snake_case_and_cited_or_standard() {
    let codes = gongkai::registry::codes();
    let mut seen = std::collections::HashSet::new();
    for c in &codes {
        assert!(seen.insert(c.code), "duplicate code {}", c.code);
        assert!(c.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'), "{}", c.code);
        if c.area == "check" || c.area == "input" {
            assert!(!c.summary_en.ends_with('.'), "{}: no trailing period", c.code);
            assert!(c.summary_en.chars().next().is_some_and(|ch| !ch.is_uppercase()), "{}: lowercase", c.code);
        }
        if c.area == "check" {
            assert!(!c.basis.is_empty(), "{} has no basis", c.code);
        }
    }
}
