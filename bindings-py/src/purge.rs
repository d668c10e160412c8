//! How long mimalloc keeps the memory a batch freed before handing it back to the OS.

use std::ffi::c_long;
use std::time::Duration;

/// `mi_option_purge_delay`: its place in mimalloc 3's `mi_option_t` (libmimalloc-sys 0.1.49
/// declares no constant for it). tests/test_check.py's page-fault test fails if it is wrong:
/// a second batch would fault its memory in again.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep the memory gongkai frees for `delay` before handing it back to the OS, unless the
/// environment sets `MIMALLOC_PURGE_DELAY` (in milliseconds; `-1` never hands it back, `0` at
/// once).
///
/// With mimalloc's default of one second, a notebook or service that checks batch after batch
/// gives back what each batch freed and takes it again for the next as fresh pages, which the
/// kernel zeroes: about 110 MB a batch of 100,000 records in `check_many`, and up to a third of
/// the batch's CPU time. The memory kept is at most what the largest batch used, and reused.
pub fn keep_freed_memory(delay: Duration) {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    let ms = c_long::try_from(delay.as_millis()).unwrap_or(c_long::MAX);
    // SAFETY: mimalloc's options may be set at any time, from any thread.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, ms) }
}

/// Hand back to the OS, now, what this process has freed and kept. The `Path` route calls it
/// after a chunk that held a record of several MB: such records' blocks are of sizes the
/// following records do not reuse, and kept for the whole delay they raised the peak of a
/// file of mixed records to 1.6× the CLI's. Ordinary chunks never call it, so batch after
/// batch of ordinary records still reuse their memory.
pub fn hand_back_freed_memory() {
    // SAFETY: `mi_collect` may be called at any time, from any thread.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
