//! mimalloc as a global allocator for the programs that check records on many threads (the
//! CLI, the Python module): records are made on one thread and freed on another, which glibc's
//! malloc serialises on an arena lock and mimalloc does not.
//!
//! The `mimalloc` crate asks for every allocation through mimalloc's aligned entry points. In
//! mimalloc 3 those fall back, whenever the size class has no free block at hand and the size is
//! not a power of two, to over-allocating (`size + alignment - 1` in a larger class): in a batch
//! that keeps its results, most of the allocator's time went to that path and to the kernel
//! zeroing the fresh pages it took. Here an alignment of at most 16 that the size is a multiple
//! of (Rust's layouts always are) takes plain `mi_malloc`: mimalloc's size classes are multiples
//! of 8, and of 16 from 16 bytes on, and its pages start 16-byte aligned, so every block is
//! aligned to any such alignment (the rule Rust's own `System` allocator applies to `malloc`).

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::{c_int, c_long, c_void};
use std::time::Duration;

use libmimalloc_sys as ffi;

/// `mi_option_purge_delay`: its place in mimalloc 3's `mi_option_t` (libmimalloc-sys 0.1.49
/// declares no constant for it; a test checks that it reads back mimalloc's default, 1 s).
const PURGE_DELAY: c_int = 15;

unsafe extern "C" {
    #[cfg(test)]
    fn mi_option_get(option: c_int) -> c_long;
    fn mi_option_set(option: c_int, value: c_long);
}

/// Keep the memory gongkai frees for `delay` before handing it back to the OS (mimalloc's
/// purge delay), unless the environment sets `MIMALLOC_PURGE_DELAY` (in milliseconds; `-1`
/// never hands it back, `0` at once).
///
/// With mimalloc's default of one second, a program that checks batch after batch (a service,
/// a notebook, a benchmark alternating with other work) gives back what each batch freed and
/// takes it again for the next as fresh pages, which the kernel zeroes: about 110 MB a batch of
/// 100,000 records in `check_many`, and up to a third of the batch's CPU time. The memory kept
/// is gongkai's own (the interpreter's objects are not in it), at most what its largest batch
/// used, and reused by the next.
pub fn keep_freed_memory(delay: Duration) {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    let ms = c_long::try_from(delay.as_millis()).unwrap_or(c_long::MAX);
    // SAFETY: mimalloc's options may be set at any time, from any thread.
    unsafe { mi_option_set(PURGE_DELAY, ms) }
}

/// The purge delay mimalloc applies now, in milliseconds (`-1`: never).
#[cfg(test)]
fn purge_delay_ms() -> i64 {
    // SAFETY: as above.
    unsafe { mi_option_get(PURGE_DELAY) }
}

/// The largest alignment every mimalloc block of a large enough size class has.
const MIN_ALIGN: usize = 16;

/// `#[global_allocator] static ALLOCATOR: gongkai::alloc::MiMalloc = gongkai::alloc::MiMalloc;`
pub struct MiMalloc;

fn plain(layout: &Layout) -> bool {
    layout.align() <= MIN_ALIGN && layout.align() <= layout.size()
}

// SAFETY: each function hands mimalloc's own result back, for a block of at least the size
// asked and (by `plain`, or by the aligned entry point otherwise) the alignment asked; `dealloc`
// and `realloc` are given only blocks these functions returned.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see above.
        unsafe {
            if plain(&layout) {
                ffi::mi_malloc(layout.size()).cast()
            } else {
                ffi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see above.
        unsafe {
            if plain(&layout) {
                ffi::mi_zalloc(layout.size()).cast()
            } else {
                ffi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see above.
        unsafe { ffi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see above; the new block keeps the alignment by the same rule for the new size.
        unsafe {
            if layout.align() <= MIN_ALIGN && layout.align() <= new_size {
                ffi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                ffi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_mimalloc_documents() {
        // Only this test sets it. mimalloc 3's default for `purge_delay` is 1000 ms; no other
        // option defaults to that, so a wrong index would not read it back.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        assert_eq!(purge_delay_ms(), 1000);
        keep_freed_memory(Duration::from_secs(90));
        assert_eq!(purge_delay_ms(), 90_000);
    }

    #[test]
    fn blocks_have_the_alignment_asked_and_keep_their_bytes() {
        let a = MiMalloc;
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1usize, 3, 8, 24, 40, 48, 56, 72, 80, 100, 1000, 1 << 20] {
                let size = size.next_multiple_of(align);
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; each block is written within its size, then freed once.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "{size} {align}");
                    p.write_bytes(0xAB, size);
                    let grown = size * 3 + align;
                    let q = a.realloc(p, layout, grown);
                    assert!(!q.is_null() && (q as usize).is_multiple_of(align), "{size} {align} grown");
                    assert!((0..size).all(|i| *q.add(i) == 0xAB), "{size} {align}: bytes lost");
                    a.dealloc(q, Layout::from_size_align(grown, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align) && (0..size).all(|i| *z.add(i) == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
