//! The loader never panics, whatever it is fed: every input gets a catalogue or an error.

use gongkai::Catalogue;
use gongkai::catalogue::{embedded, lint_source};
use proptest::prelude::*;

/// The registry and grounds, without the templates: each case parses only what it feeds in.
fn base() -> Vec<(String, String)> {
    embedded::FILES
        .iter()
        .filter(|(p, _)| !p.starts_with("templates/"))
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect()
}

/// The smallest embedded template, as a seed for mutations.
fn smallest_template() -> (String, String) {
    embedded::FILES
        .iter()
        .filter(|(p, _)| p.starts_with("templates/"))
        .min_by_key(|(_, t)| t.len())
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .expect("templates are embedded")
}

/// Inputs that look like YAML: keys of the model, indentation, flow syntax, odd scalars.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("id: ".to_owned()),
        Just("extends: ".to_owned()),
        Just("items:\n".to_owned()),
        Just("  - ".to_owned()),
        Just("timing: { kind: within_working_days, days: ".to_owned()),
        Just("basis: []\n".to_owned()),
        Just("{".to_owned()),
        Just("[".to_owned()),
        Just("\n".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("!!binary ".to_owned()),
        Just("- ".to_owned()),
        "[a-z0-9.]{0,8}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(token, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn template_loader_never_panics(text in yamlish()) {
        let mut s = base();
        s.push(("templates/fuzz.yaml".to_owned(), text.clone()));
        let _ = Catalogue::from_sources(&s);
        let _ = lint_source(Catalogue::embedded(), "fuzz.yaml", &text);
    }

    #[test]
    fn overlay_loader_never_panics(text in "\\PC{0,200}") {
        let _ = Catalogue::embedded().with_overlay("fuzz.yaml", &text);
        let _ = lint_source(Catalogue::embedded(), "fuzz.yaml", &text);
    }

    #[test]
    fn mutated_embedded_templates_never_panic(cut in 0usize..4000, insert in "\\PC{0,5}") {
        let (path, mut text) = smallest_template();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        text.insert_str(at, &insert);
        let mut s = base();
        s.push((path, text));
        let _ = Catalogue::from_sources(&s);
    }
}
