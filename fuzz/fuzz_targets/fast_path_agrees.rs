//! Any bytes: the record check from JSON text (whose fast path reads well-formed publication
//! records with gongkai's own JSON reader) must answer exactly as serde_json's parse followed by
//! the check of the parsed `Value`: the same diagnostics and `id` when serde_json accepts the
//! text, an error when it rejects it.
#![no_main]

use std::sync::LazyLock;

use gongkai::Catalogue;
use gongkai::check::{CheckOptions, Checker, input, parse_json};
use libfuzzer_sys::fuzz_target;

static CHECKER: LazyLock<Checker<'static>> = LazyLock::new(|| Checker::new(Catalogue::embedded()));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = input::require_utf8(data) else { return };
    let opts = CheckOptions::default();
    let from_text = CHECKER.check_text(text, &opts);
    match parse_json(text) {
        Ok(value) => {
            let checked = from_text.expect("serde_json parses the text, but check_text rejected it");
            assert_eq!(checked.id, value.get("id").cloned().unwrap_or_default());
            assert_eq!(checked.diagnostics, CHECKER.check_value(&value, &opts));
        }
        Err(_) => assert!(from_text.is_err(), "check_text took a text serde_json rejects: {text:?}"),
    }
});
