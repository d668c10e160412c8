//! The TypeScript declarations tsify derives from the facade's Rust types, committed as
//! `bindings-wasm/facade.d.ts` so that a change to a request or answer type shows in review.
//! The package's .d.ts gets the same text from the build; `GONGKAI_BLESS=1` rewrites the file.

#[test]
fn the_committed_declarations_are_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("facade.d.ts");
    let fresh = format!(
        "// Generated from core/src/facade.rs by tsify (cargo test -p gongkai-wasm --test typescript,\n\
         // GONGKAI_BLESS=1 to rewrite): do not edit.\n{}\n",
        gongkai::facade::typescript_declarations()
    );
    if std::env::var_os("GONGKAI_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write facade.d.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == fresh, "bindings-wasm/facade.d.ts is stale: rerun with GONGKAI_BLESS=1\n{fresh}");
}
