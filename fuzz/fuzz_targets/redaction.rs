//! Any UTF-8 text: for every mode, the redacted text holds no unredacted personal value
//! (`scan(redact(x))` has no actionable personal finding) and redacting it again changes nothing.
#![no_main]

use gongkai::screening::{RedactMode, redact, scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for mode in [RedactMode::Mask, RedactMode::Label, RedactMode::Remove] {
        let out = redact(text, mode).text;
        let left: Vec<_> = scan(&out).into_iter().filter(|f| f.kind.is_personal() && f.is_actionable()).collect();
        assert!(left.is_empty(), "{mode:?}: {text:?} -> {out:?} still holds {left:?}");
        assert_eq!(redact(&out, mode).text, out, "{mode:?}: not idempotent on {text:?}");
    }
});
