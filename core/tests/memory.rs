//! Texts a checker compiles (an item's id, its elements' titles, its citations, the messages
//! made from them) belong to that checker and are freed with it: a service that loads overlays
//! at run time and builds a checker for each does not grow. Measured with a counting allocator
//! (live bytes), not the process's resident size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering};

use gongkai::Catalogue;
use gongkai::check::{CheckOptions, Checker};

/// The system allocator, counting the bytes allocated and not yet freed.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is passed to `System` unchanged; only the byte count is added to.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as `System::alloc`, with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` came from this allocator with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` came from this allocator with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// An overlay whose item, element and citation texts are new in round `n`.
fn overlay(n: usize) -> String {
    format!(
        "id: memory.overlay{n}\nversion: \"1\"\ntitle: {{ zh: 内存测试目录{n}, en: memory test overlay {n} }}\n\
         applies_to:\n  kinds: [administrative]\nbasis:\n  - {{ instrument: 政府信息公开条例, article: 第二十条 }}\n\
         items:\n  - id: memory.item{n}\n    title: {{ zh: 事项{n}, en: item {n} }}\n    category: [测试]\n\
         \x20   elements:\n      - {{ key: element_{n}, title: {{ zh: 第{n}号公开内容要素（用于检查编译文本的释放）, \
         en: element number {n} (to see compiled texts freed) }}, type: text }}\n\
         \x20   basis:\n      - {{ instrument: 政府信息公开条例, article: 第{n}条 }}\n    mode: proactive\n\
         \x20   timing:\n      kind: within_working_days\n      days: 20\n      from: formed_or_changed\n\
         \x20     basis: {{ instrument: 政府信息公开条例, article: 第二十六条（第{n}轮） }}\n\
         \x20   channels: [government_website, channel_{n}]\n"
    )
}

/// One round: a catalogue with round `n`'s overlay, a checker over it, and a record that
/// makes it compile the item's texts (a missing element, a channel not in the catalogue, a
/// late publication). Returns how many diagnostics quote the round's own texts.
fn round(base: &Catalogue, n: usize) -> usize {
    let cat = base.with_overlay("memory.yaml", &overlay(n)).expect("the overlay loads");
    let checker = Checker::shared(Arc::new(cat));
    let record = serde_json::json!({
        "kind": "publication",
        "institution": { "kind": "administrative", "tier": "county", "role": "government" },
        "item": format!("memory.item{n}"),
        "title": "某县测试文件",
        "formed": "2026-03-02",
        "published": "2026-06-01",
        "channels": ["wechat"],
        "fields": {},
        "review": [{ "stage": "confidentiality", "date": "2026-03-10", "reviewer_role": "保密审查员" }]
    });
    let element = format!("element_{n}");
    let diagnostics = checker.check_value(&record, &CheckOptions::default());
    diagnostics
        .iter()
        .filter(|d| d.message.en().contains(&element) || d.message.en().contains(&format!("channel_{n}")))
        .count()
}

#[test]
fn a_thousand_checkers_with_overlays_leave_memory_flat() {
    let base = Catalogue::embedded().clone();
    // Warm up: the embedded data, each thread's cache of recent scopes (it keeps a few of the
    // dropped checkers' scopes until newer ones push them out), the allocator's own tables.
    for n in 0..50 {
        assert_eq!(round(&base, n), 2, "round {n}: the missing element and the channel quote the round's texts");
    }
    let before = LIVE.load(Ordering::Relaxed);
    for n in 50..1050 {
        round(&base, n);
    }
    let grown = LIVE.load(Ordering::Relaxed) - before;
    eprintln!("live bytes after 1,000 more checkers: {grown:+}");
    // Each round compiles about 1 KB of texts of its own; kept for the program's life they
    // would add up to about 1 MB here.
    assert!(grown < 32 * 1024, "live memory grew by {grown} bytes over 1,000 checkers");
}
