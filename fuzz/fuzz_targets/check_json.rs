//! Any bytes: UTF-8 check, JSON parse, every rule. Must never panic.
#![no_main]

use gongkai::Catalogue;
use gongkai::check::{CheckOptions, check_json, input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = input::require_utf8(data) {
        let _ = check_json(Catalogue::embedded(), text, &CheckOptions::default());
    }
});
