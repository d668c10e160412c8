//! Any bytes, read as every kind of file, then redacted: an error or a result, never a panic.
//! The first byte picks the kind so that the corpus of one kind mutates within it; seed with
//! real files (`cargo +nightly fuzz run file_readers fuzz/corpus/file_readers`).
#![no_main]

use gongkai::files::{FileKind, Limits, RedactOptions, extract, redact_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let kind = FileKind::ALL[pick as usize % FileKind::ALL.len()];
    // Small limits: a mutated container must be refused fast, not unpacked.
    let limits = Limits::default().max_uncompressed(16 << 20).max_cells(100_000);
    let _ = extract(bytes, kind, &limits);
    let _ = redact_file(bytes, kind, &RedactOptions::default().limits(limits).remove_hidden_sheets(pick & 0x80 != 0));
});
