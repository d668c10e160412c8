//! Python objects <-> JSON (a [`Node`] tree that borrows the interpreter's strings, or a
//! `serde_json::Value`), with JSON pointers in every error so that a bad cell in a batch says
//! where it is.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBool, PyBytes, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// A Python value that has no JSON form, and where it is (JSON pointer).
#[derive(Debug)]
pub struct ConvertError {
    pub pointer: String,
    pub message: String,
}

impl ConvertError {
    /// A record given as one `str` (JSON text) that has no UTF-8 form: the whole record.
    pub fn not_unicode() -> Self {
        Self { pointer: String::new(), message: LONE_SURROGATE.to_owned() }
    }
}

/// Nesting deeper than this is refused rather than risking the native stack.
const MAX_DEPTH: usize = 128;

/// Where a conversion failed, innermost token first: the pointer is only built on failure, so the
/// happy path (every key of every record of a batch) pays nothing for it.
struct Failure {
    tokens_rev: Vec<String>,
    message: String,
}

impl Failure {
    fn new(message: impl Into<String>) -> Self {
        Self { tokens_rev: Vec::new(), message: message.into() }
    }

    fn within(mut self, token: String) -> Self {
        self.tokens_rev.push(token);
        self
    }

    fn into_error(self) -> ConvertError {
        let mut pointer = String::new();
        for token in self.tokens_rev.iter().rev() {
            pointer.push('/');
            pointer.push_str(&gongkai::diagnostics::pointer_token(token));
        }
        ConvertError { pointer, message: self.message }
    }
}

/// A Python record as a tree the checker can read on other threads without the GIL.
///
/// For one record (`check`), strings are lent as their UTF-8 ([`Node::Str`], holding a
/// reference). In a batch ([`to_batch_tree`]) a tree holds no reference at all, so check
/// threads may drop it: keys and short strings are copied into the chunk's [`Arena`]
/// ([`Node::Lent`]), a long ASCII string is lent where CPython keeps it, and a non-ASCII one is
/// read where CPython keeps its characters ([`in_place`]) and made UTF-8 on a check thread when
/// first read ([`Node::Chars`]); the arena holds a reference to each string it lends. (Where
/// strings cannot be read in place, long non-ASCII strings are copied into the arena as UCS-4.)
/// Taking a reference to each
/// string, and giving it back when the chunk was done (by then far out of the cache), was a
/// fifth of the interpreter's thread's time in a batch of dicts.
///
/// Drop a tree that has [`Node::Str`]s with the GIL held: elsewhere each string's reference
/// would queue for the next time the GIL is taken.
#[derive(Debug)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(PyBackedStr),
    /// UTF-8 text the chunk's [`Arena`] keeps.
    Lent(LentStr),
    /// Text made here (a date's ISO form).
    Owned(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
    /// A non-ASCII string as its characters, where the interpreter keeps them ([`in_place`])
    /// or copied into the chunk's [`Arena`] as UCS-4, made UTF-8 when first read.
    Chars(Deferred),
}

/// A string's characters and, once read, their UTF-8 (`None`: a lone surrogate). Made when
/// read rather than by a walk over the tree before checking: the walk, and the one giving the
/// buffers back, were a twentieth of a check thread's work on a typical record.
#[derive(Debug)]
pub struct Deferred {
    chars: in_place::Chars,
    utf8: std::cell::OnceCell<Option<String>>,
}

/// What this thread has done with strings' UTF-8 ([`Deferred::text`]): one thread-local, read
/// once a text (each access is a call in a shared library).
struct Texts {
    /// Strings made UTF-8, and how many of them could not be: a check compares them before and
    /// after to know whether it read every string.
    made: usize,
    failed: usize,
    /// The buffers of texts made and dropped, kept for the next ones: a check thread makes a
    /// few texts a record and drops them with the record's tree, and an allocation and a free
    /// for each cost more than the rest of making them. Two sizes (fields and bodies), so a
    /// body does not take a field's buffer and grow it.
    spare: [Vec<String>; 2],
}

impl Texts {
    /// Up to this many bytes of room is a short text's buffer.
    const SHORT: usize = 512;
    /// Buffers kept per size; a buffer larger than `LARGEST` bytes is freed, not kept.
    const KEPT: usize = 16;
    const LARGEST: usize = 1 << 16;

    /// An empty buffer, with room for `room` bytes if one kept has it.
    fn take(&mut self, room: usize) -> String {
        self.spare[usize::from(room > Self::SHORT)].pop().unwrap_or_default()
    }

    /// Keep `text`'s buffer for [`Texts::take`].
    fn give(&mut self, mut text: String) {
        let room = text.capacity();
        let kept = &mut self.spare[usize::from(room > Self::SHORT)];
        if room > 0 && room <= Self::LARGEST && kept.len() < Self::KEPT {
            text.clear();
            kept.push(text);
        }
    }
}

thread_local! {
    static TEXTS: std::cell::RefCell<Texts> =
        const { std::cell::RefCell::new(Texts { made: 0, failed: 0, spare: [Vec::new(), Vec::new()] }) };
}

/// (strings made UTF-8, strings that could not be) on this thread so far.
pub fn texts_made() -> (usize, usize) {
    TEXTS.with_borrow(|t| (t.made, t.failed))
}

impl Deferred {
    fn new(chars: in_place::Chars) -> Self {
        Self { chars, utf8: std::cell::OnceCell::new() }
    }

    fn text(&self) -> Option<&str> {
        self.utf8
            .get_or_init(|| {
                TEXTS.with_borrow_mut(|texts| {
                    let mut text = texts.take(self.chars.utf8_room());
                    let ok = self.chars.to_utf8(&mut text);
                    texts.made += 1;
                    if ok {
                        Some(text)
                    } else {
                        texts.failed += 1;
                        texts.give(text);
                        None
                    }
                })
            })
            .as_deref()
    }
}

impl Drop for Deferred {
    fn drop(&mut self) {
        if let Some(Some(text)) = self.utf8.take() {
            // Freed instead while the thread's own thread-locals are being dropped.
            let _ = TEXTS.try_with(|texts| texts.try_borrow_mut().map(|mut texts| texts.give(text)));
        }
    }
}

/// A key of a [`Node::Map`]: lent with a reference (one record) or kept by the chunk's arena
/// (a batch).
#[derive(Debug)]
pub enum Key {
    Py(PyBackedStr),
    Lent(LentStr),
}

impl std::ops::Deref for Key {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Key::Py(s) => s,
            Key::Lent(s) => s.as_str(),
        }
    }
}

/// UTF-8 text kept by a chunk's [`Arena`]: copied into one of its blocks, or in a string it
/// holds a reference to.
#[derive(Clone, Copy, Debug)]
pub struct LentStr {
    data: *const u8,
    len: usize,
}

// SAFETY: the text is in a block of the chunk's arena, which is neither moved nor changed until
// the chunk is done (and every tree of it with it), or in a string the arena holds a reference
// to, which CPython never changes once shared.
unsafe impl Send for LentStr {}
unsafe impl Sync for LentStr {}

impl LentStr {
    fn as_str(&self) -> &str {
        // SAFETY: UTF-8 (copied from a `&str`, or a string's UTF-8 form), alive as the arena
        // keeps it, and the tree that holds this is read only while the chunk is alive.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.data, self.len)) }
    }
}

/// Strings up to this many bytes (keys, ids, dates, codes) are copied into the chunk's arena;
/// longer ones are lent where CPython keeps them, the arena holding a reference.
const COPY_MAX_BYTES: usize = 512;

/// Where strings are not read in place ([`in_place`]): strings at least this long (in
/// characters) that are not ASCII leave the interpreter as UCS-4 rather than UTF-8. CPython
/// would encode them to UTF-8 on its own thread, into a fresh allocation cached for the
/// string's life: for a record's body that encoding, its copy and the
/// new pages it touches were most of the interpreter thread's time in `check_many`, the one
/// part of a batch that cannot run in parallel. A UCS-4 copy into a reused arena is a plain
/// widening copy; the UTF-8 is made on the check threads. Short strings (keys, ids, dates) are
/// cheaper to lend as they are, and ASCII strings are already UTF-8.
const WIDE_MIN_CHARS: usize = 128;

/// Values in blocks that are filled, never moved, and reused from chunk to chunk (cleared, not
/// freed): a block is only ever added to within its capacity, so what it holds stays put.
struct Blocks<T> {
    blocks: Vec<Vec<T>>,
    /// The block being filled.
    current: usize,
}

impl<T> Default for Blocks<T> {
    fn default() -> Self {
        Self { blocks: Vec::new(), current: 0 }
    }
}

impl<T: Copy> Blocks<T> {
    /// Values per block; a longer run gets a block of its own size.
    const BLOCK_BYTES: usize = 1 << 20;

    fn clear(&mut self) {
        self.blocks.iter_mut().for_each(Vec::clear);
        self.current = 0;
    }

    /// A block with room for `len` more values.
    fn room(&mut self, len: usize) -> &mut Vec<T> {
        while self.blocks.get(self.current).is_some_and(|b| b.capacity() - b.len() < len && !b.is_empty()) {
            self.current += 1;
        }
        if self.current == self.blocks.len() {
            let per_block = Self::BLOCK_BYTES / std::mem::size_of::<T>().max(1);
            self.blocks.push(Vec::with_capacity(len.max(per_block)));
        }
        let block = &mut self.blocks[self.current];
        block.reserve(len); // only an empty block can be short of room here: nothing is moved
        block
    }
}

/// What a chunk's trees and texts lend: short strings copied, the UCS-4 text of long strings
/// (where strings are not read in place), and a reference to each string lent or read in place.
#[derive(Default)]
pub struct Arena {
    bytes: Blocks<u8>,
    wide: Blocks<u32>,
    /// Released with the chunk, on the interpreter's thread: the trees hold no reference
    /// themselves, so check threads may drop trees and their parts without the GIL.
    keep: Vec<Py<PyString>>,
}

impl Arena {
    /// Empty the arena for the next chunk, keeping its blocks.
    /// Call it with the GIL held (it releases the strings it kept).
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.wide.clear();
        self.keep.clear();
    }

    /// `text` (the UTF-8 of `s`) kept for the chunk: copied if short, else `s` kept alive.
    #[inline(always)]
    fn lend(&mut self, s: &Bound<'_, PyString>, text: &str) -> LentStr {
        if text.len() > COPY_MAX_BYTES {
            self.keep.push(s.clone().unbind());
            return LentStr { data: text.as_ptr(), len: text.len() };
        }
        self.copy(text)
    }

    /// `text` copied into the arena. Most are keys, ids and dates of a few bytes, copied inline
    /// (a call to `memcpy` per key cost the interpreter's thread more than the copy).
    #[inline(always)]
    fn copy(&mut self, text: &str) -> LentStr {
        let len = text.len();
        if let Some(block) = self.bytes.blocks.get_mut(self.bytes.current) {
            let start = block.len();
            if block.capacity() - start >= len {
                // SAFETY: the block has room for `len` bytes after `start`; the bytes written
                // are then kept by `set_len`.
                unsafe {
                    let at = block.as_mut_ptr().add(start);
                    copy_short(text.as_ptr(), at, len);
                    block.set_len(start + len);
                    return LentStr { data: at, len };
                }
            }
        }
        self.copy_to_a_new_block(text)
    }

    #[cold]
    #[inline(never)]
    fn copy_to_a_new_block(&mut self, text: &str) -> LentStr {
        let block = self.bytes.room(text.len());
        let start = block.len();
        // SAFETY: `room` made room for the text after `start`; the bytes are kept by `set_len`.
        unsafe {
            let at = block.as_mut_ptr().add(start);
            std::ptr::copy_nonoverlapping(text.as_ptr(), at, text.len());
            block.set_len(start + text.len());
            LentStr { data: at, len: text.len() }
        }
    }
}

/// Copy `len` bytes: up to 16 with two overlapping loads and stores, longer with `memcpy`.
///
/// SAFETY: `from .. from + len` readable, `to .. to + len` writable, not overlapping.
#[inline(always)]
pub(crate) unsafe fn copy_short(from: *const u8, to: *mut u8, len: usize) {
    // SAFETY (all below): every access is within the first `len` bytes of each side.
    unsafe {
        match len {
            8..=16 => {
                let (head, tail) =
                    (from.cast::<u64>().read_unaligned(), from.add(len - 8).cast::<u64>().read_unaligned());
                to.cast::<u64>().write_unaligned(head);
                to.add(len - 8).cast::<u64>().write_unaligned(tail);
            }
            4..=7 => {
                let (head, tail) =
                    (from.cast::<u32>().read_unaligned(), from.add(len - 4).cast::<u32>().read_unaligned());
                to.cast::<u32>().write_unaligned(head);
                to.add(len - 4).cast::<u32>().write_unaligned(tail);
            }
            0..=3 => {
                for i in 0..len {
                    to.add(i).write(from.add(i).read());
                }
            }
            _ => std::ptr::copy_nonoverlapping(from, to, len),
        }
    }
}

/// Convert a Python object (dict, list, tuple, str, int, float, bool, None, date) to a [`Node`].
/// `datetime.date` becomes an ISO `YYYY-MM-DD` string, as records carry dates.
pub fn to_tree(obj: &Bound<'_, PyAny>) -> Result<Node, ConvertError> {
    convert(obj, 0, &mut None).map_err(Failure::into_error)
}

/// [`to_tree`] for a batch: strings kept by `arena` (see [`Node`]). `Ok((tree, strings))`,
/// `strings` being how many [`Node::Chars`] it has.
pub fn to_batch_tree(obj: &Bound<'_, PyAny>, arena: &mut Arena) -> Result<(Node, usize), ConvertError> {
    let mut batch = Some(Batch { arena, texts: 0 });
    let tree = convert(obj, 0, &mut batch).map_err(Failure::into_error)?;
    Ok((tree, batch.map_or(0, |b| b.texts)))
}

/// Where a batch's conversion puts strings, and how many [`Node::Chars`] this record has.
struct Batch<'a> {
    arena: &'a mut Arena,
    texts: usize,
}

/// The first string of a tree that has no UTF-8 (a lone surrogate), as an error at its JSON
/// pointer; every string is made UTF-8 on the way.
pub fn unreadable(tree: &Node) -> Option<ConvertError> {
    fn walk(node: &Node) -> Result<(), Failure> {
        match node {
            Node::Chars(d) => d.text().map(drop).ok_or_else(|| Failure::new(LONE_SURROGATE)),
            Node::Seq(items) => {
                items.iter().enumerate().try_for_each(|(i, item)| walk(item).map_err(|f| f.within(i.to_string())))
            }
            Node::Map(entries) => entries.iter().try_for_each(|(k, v)| walk(v).map_err(|f| f.within(k.to_string()))),
            _ => Ok(()),
        }
    }
    walk(tree).err().map(Failure::into_error)
}

/// A character unit of CPython's text: 1, 2 or 4 bytes (its latin-1, UCS-2 and UCS-4 kinds).
trait Unit: Copy + Into<u32> {
    /// Two bytes a character (UCS-2, as CPython keeps most Chinese text): sixteen fit in a
    /// 256-bit register as they are, without widening.
    const TWO_BYTES: bool = false;

    /// The most UTF-8 bytes a character of this size takes (latin-1 2, UCS-2 3, UCS-4 4).
    const MAX_UTF8: usize;

    /// Eight units widened to 32-bit lanes.
    ///
    /// SAFETY: AVX2 must be available and `at .. at + 8` readable.
    #[cfg(target_arch = "x86_64")]
    unsafe fn load8(at: *const Self) -> std::arch::x86_64::__m256i;
}

impl Unit for u8 {
    const MAX_UTF8: usize = 2;

    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn load8(at: *const u8) -> std::arch::x86_64::__m256i {
        use std::arch::x86_64::*;
        // SAFETY: the caller's; 8 bytes read unaligned.
        unsafe { _mm256_cvtepu8_epi32(_mm_loadl_epi64(at.cast())) }
    }
}

impl Unit for u16 {
    const TWO_BYTES: bool = true;
    const MAX_UTF8: usize = 3;

    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn load8(at: *const u16) -> std::arch::x86_64::__m256i {
        use std::arch::x86_64::*;
        // SAFETY: the caller's; 16 bytes read unaligned.
        unsafe { _mm256_cvtepu16_epi32(_mm_loadu_si128(at.cast())) }
    }
}

impl Unit for u32 {
    const MAX_UTF8: usize = 4;

    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn load8(at: *const u32) -> std::arch::x86_64::__m256i {
        use std::arch::x86_64::*;
        // SAFETY: the caller's; 32 bytes read unaligned.
        unsafe { _mm256_loadu_si256(at.cast()) }
    }
}

/// Bytes reserved past what a text's UTF-8 can take, for stores that reach past the bytes they
/// keep (see [`to_utf8`]).
const UTF8_SLACK: usize = 64;

/// Write the UTF-8 of text in CPython's units (latin-1, UCS-2 or UCS-4) into `out` (replacing
/// what it held); `false` (and `out` empty) for a surrogate or a value beyond U+10FFFF.
fn to_utf8<T: Unit>(chars: &[T], out: &mut String) -> bool {
    out.clear();
    // SAFETY: only the bytes of whole, valid scalar values are kept (`set_len` at the end); on
    // an invalid value the vector is left empty. A character takes at most `MAX_UTF8` bytes,
    // so the i-th character's bytes start at n <= MAX_UTF8 * i; `UTF8_SLACK` more than the text can
    // take are reserved, for stores that reach past the bytes they keep (4 for one character,
    // 52 for a block of sixteen).
    let bytes = unsafe { out.as_mut_vec() };
    bytes.reserve(chars.len() * T::MAX_UTF8 + UTF8_SLACK);
    let base = bytes.as_mut_ptr();
    let mut n = 0;
    let avx2 = simd::available();
    let mut i = 0;
    while i + 8 <= chars.len() {
        if avx2 {
            // Chinese text between ASCII keys, quotes and dates: runs of blocks of eight
            // characters that all take three bytes, or all one, are written without a branch per
            // character, eight at a time, in one call.
            // SAFETY: AVX2 is available; from n, the rest of the text takes at most
            // MAX_UTF8 * (len - i) bytes, and `UTF8_SLACK` more are reserved: what a block's
            // stores need (see `uniform_blocks`).
            let (read, written) = unsafe { simd::uniform_blocks(&chars[i..], base.add(n)) };
            i += read;
            n += written;
            if i + 8 > chars.len() {
                break;
            }
        } else {
            let block = &chars[i..i + 8];
            if block.iter().fold(true, |all, &c| {
                let c: u32 = c.into();
                all & (0x800..0x10000).contains(&c) & (c & 0xF800 != 0xD800)
            }) {
                for &c in block {
                    let c: u32 = c.into();
                    let packed = (0xE0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3F)) << 8) | ((0x80 | (c & 0x3F)) << 16);
                    // The fourth byte lands in reserved room; the next store or `set_len` covers it.
                    unsafe { base.add(n).cast::<[u8; 4]>().write_unaligned(packed.to_le_bytes()) };
                    n += 3;
                }
                i += 8;
                continue;
            }
            let block = &chars[i..i + 8];
            if block.iter().fold(0, |high, &c| high | c.into()) < 0x80 {
                for (k, &c) in block.iter().enumerate() {
                    let c: u32 = c.into();
                    // SAFETY: n + 8 <= MAX_UTF8 * i + 8, within what is reserved; each `c` is ASCII, one byte.
                    unsafe { base.add(n + k).write(c as u8) };
                }
                n += 8;
                i += 8;
                continue;
            }
        }
        let block = &chars[i..i + 8];
        // A block with mixed widths: character by character.
        for &c in block {
            match unsafe { push_scalar(base, n, c.into()) } {
                Some(len) => n += len,
                None => return false,
            }
        }
        i += 8;
    }
    for &c in &chars[i..] {
        match unsafe { push_scalar(base, n, c.into()) } {
            Some(len) => n += len,
            None => return false,
        }
    }
    // SAFETY: the first `n` bytes were written above and are UTF-8.
    unsafe { bytes.set_len(n) };
    true
}

/// Write the UTF-8 of one UCS-4 value at `base + n` with a single 4-byte store; its length, or
/// `None` for a surrogate or a value beyond U+10FFFF.
///
/// SAFETY: `base + n .. base + n + 4` must be writable.
#[inline(always)]
unsafe fn push_scalar(base: *mut u8, n: usize, c: u32) -> Option<usize> {
    let (packed, len) = if c < 0x80 {
        (c, 1)
    } else if c < 0x800 {
        ((0xC0 | (c >> 6)) | ((0x80 | (c & 0x3F)) << 8), 2)
    } else if c < 0x10000 {
        if c & 0xF800 == 0xD800 {
            return None;
        }
        ((0xE0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3F)) << 8) | ((0x80 | (c & 0x3F)) << 16), 3)
    } else if c < 0x110000 {
        let bytes = (0xF0 | (c >> 18))
            | ((0x80 | ((c >> 12) & 0x3F)) << 8)
            | ((0x80 | ((c >> 6) & 0x3F)) << 16)
            | ((0x80 | (c & 0x3F)) << 24);
        (bytes, 4)
    } else {
        return None;
    };
    unsafe { base.add(n).cast::<[u8; 4]>().write_unaligned(packed.to_le_bytes()) };
    Some(len)
}

/// Eight three-byte characters at a time with AVX2 (checked for at run time: the wheel is
/// built for baseline x86-64).
mod simd {
    /// AVX2 is there, and `GONGKAI_NO_SIMD` is not set (the tests run the portable path with it).
    #[cfg(target_arch = "x86_64")]
    pub fn available() -> bool {
        static AVAILABLE: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| {
            std::arch::is_x86_feature_detected!("avx2") && std::env::var_os("GONGKAI_NO_SIMD").is_none()
        });
        *AVAILABLE
    }

    #[cfg(not(target_arch = "x86_64"))]
    pub fn available() -> bool {
        false
    }

    /// Write the UTF-8 of the leading blocks of 8 characters of `chars` in which every
    /// character takes one byte (ASCII) or three (U+0800..U+FFFF, no surrogate); stop at the
    /// first other block. Blocks all of one width are written directly (8 or 24 bytes); a block
    /// that mixes the two (JSON text: `","title":"某县`) is compacted by a shuffle per half,
    /// looked up by which of its four characters take three bytes. Returns how many characters
    /// were read (a multiple of 8) and how many bytes written at `out`.
    ///
    /// UCS-2 text is taken sixteen characters at a time while they all take three bytes (in
    /// 16-bit lanes, with no widening: half the instructions a character of the eight-wide
    /// blocks, which were a tenth of a Chinese record's check).
    ///
    /// SAFETY: AVX2 must be available, and `out .. out + T::MAX_UTF8 * chars.len() + 64`
    /// writable. (A block starting at character `k` starts at byte `MAX_UTF8 * k` at most,
    /// and `k + 8 <= chars.len()`; a mixed block's two 16-byte stores reach 28 bytes past its
    /// start and a UCS-2 block of sixteen's four reach 52.)
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    pub unsafe fn uniform_blocks<T: super::Unit>(chars: &[T], out: *mut u8) -> (usize, usize) {
        use std::arch::x86_64::*;
        let six = _mm256_set1_epi32(0x3F);
        let (below, above) = (_mm256_set1_epi32(0x800), _mm256_set1_epi32(0xFFFF));
        let seven_bits = _mm256_set1_epi32(0x7F);
        let (plane, surrogates) = (_mm256_set1_epi32(0xF800), _mm256_set1_epi32(0xD800));
        let (lead_bits, tail_bits) = (_mm256_set1_epi32(0xE0), _mm256_set1_epi32(0x80));
        let not_ascii = _mm256_set1_epi32(!0x7F);
        // Within each 128-bit half: bytes 0-2, 4-6, 8-10, 12-14 to the front (12 bytes).
        let three_bytes = _mm256_setr_epi8(
            0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1, //
            0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1,
        );
        // Within each half: the low byte of each 32-bit character to the front (4 bytes), then
        // the two halves' fronts side by side.
        let one_byte = _mm256_setr_epi8(
            0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, //
            0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        );
        let fronts = _mm256_setr_epi32(0, 4, 0, 0, 0, 0, 0, 0);
        // Sixteen UCS-2 characters: the top five bits (none: below U+0800; 11011: a surrogate),
        // and each character's first two bytes in one 16-bit lane, its last in another.
        let (top_five, surrogates16) = (_mm256_set1_epi16(0xF800u16 as i16), _mm256_set1_epi16(0xD800u16 as i16));
        let (mid_bits, lead_and_tail) = (_mm256_set1_epi16(0x3F00), _mm256_set1_epi16(0x80E0u16 as i16));
        let (six16, tail16) = (_mm256_set1_epi16(0x3F), _mm256_set1_epi16(0x80));
        let (mut read, mut written) = (0, 0);
        while read + 8 <= chars.len() {
            // SAFETY (all below): units read + 0 .. 8 (or .. 16 when checked) are there (loaded
            // unaligned); the stores cover out + written .. + 52 at most, with written <= 3 * read,
            // which the caller guarantees writable.
            unsafe {
                let at = out.add(written);
                if T::TWO_BYTES && read + 16 <= chars.len() {
                    let c = _mm256_loadu_si256(chars.as_ptr().add(read).cast());
                    let top = _mm256_and_si256(c, top_five);
                    let not_three = _mm256_or_si256(
                        _mm256_cmpeq_epi16(top, _mm256_setzero_si256()),
                        _mm256_cmpeq_epi16(top, surrogates16),
                    );
                    if _mm256_testz_si256(not_three, not_three) != 0 {
                        // Lanes of (0xE0 | c >> 12, 0x80 | (c >> 6) & 0x3F) and of 0x80 | c & 0x3F,
                        // interleaved to four bytes a character, then three of each four kept.
                        let lead_mid = _mm256_or_si256(
                            _mm256_or_si256(
                                _mm256_srli_epi16(c, 12),
                                _mm256_and_si256(_mm256_slli_epi16(c, 2), mid_bits),
                            ),
                            lead_and_tail,
                        );
                        let last = _mm256_or_si256(_mm256_and_si256(c, six16), tail16);
                        // Characters 0-3 and 8-11; 4-7 and 12-15.
                        let first = _mm256_shuffle_epi8(_mm256_unpacklo_epi16(lead_mid, last), three_bytes);
                        let second = _mm256_shuffle_epi8(_mm256_unpackhi_epi16(lead_mid, last), three_bytes);
                        _mm_storeu_si128(at.cast(), _mm256_castsi256_si128(first));
                        _mm_storeu_si128(at.add(12).cast(), _mm256_castsi256_si128(second));
                        _mm_storeu_si128(at.add(24).cast(), _mm256_extracti128_si256::<1>(first));
                        _mm_storeu_si128(at.add(36).cast(), _mm256_extracti128_si256::<1>(second));
                        read += 16;
                        written += 48;
                        continue;
                    }
                }
                let c = T::load8(chars.as_ptr().add(read));
                if _mm256_testz_si256(c, not_ascii) != 0 {
                    let bytes = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(c, one_byte), fronts);
                    _mm_storel_epi64(at.cast(), _mm256_castsi256_si128(bytes));
                    written += 8;
                    read += 8;
                    continue;
                }
                let low = _mm256_cmpgt_epi32(below, c); // c < 0x800
                let astral = _mm256_cmpgt_epi32(c, above); // c > 0xFFFF
                let surrogate = _mm256_cmpeq_epi32(_mm256_and_si256(c, plane), surrogates);
                let out_of_plane = _mm256_or_si256(astral, surrogate);
                let lead = _mm256_or_si256(_mm256_srli_epi32(c, 12), lead_bits);
                let mid = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(c, 6), six), tail_bits);
                let last = _mm256_or_si256(_mm256_and_si256(c, six), tail_bits);
                let packed =
                    _mm256_or_si256(_mm256_or_si256(lead, _mm256_slli_epi32(mid, 8)), _mm256_slli_epi32(last, 16));
                let not_three = _mm256_or_si256(low, out_of_plane);
                if _mm256_testz_si256(not_three, not_three) != 0 {
                    let squeezed = _mm256_shuffle_epi8(packed, three_bytes);
                    _mm_storeu_si128(at.cast(), _mm256_castsi256_si128(squeezed));
                    _mm_storeu_si128(at.add(12).cast(), _mm256_extracti128_si256::<1>(squeezed));
                    written += 24;
                } else {
                    // ASCII and three-byte characters mixed: ASCII keeps its one byte, and each
                    // half is compacted on its own. Anything else (two or four bytes, a
                    // surrogate) ends the run.
                    let wide = _mm256_cmpgt_epi32(c, seven_bits); // c > 0x7F
                    let bad = _mm256_or_si256(_mm256_and_si256(wide, low), out_of_plane);
                    if _mm256_testz_si256(bad, bad) == 0 {
                        break;
                    }
                    let widths = _mm256_movemask_ps(_mm256_castsi256_ps(wide)) as usize;
                    let bytes = _mm256_blendv_epi8(c, packed, wide);
                    let (low_half, high_half) = (widths & 0xF, widths >> 4);
                    let order = _mm256_loadu2_m128i(MIXED[high_half].as_ptr().cast(), MIXED[low_half].as_ptr().cast());
                    let squeezed = _mm256_shuffle_epi8(bytes, order);
                    _mm_storeu_si128(at.cast(), _mm256_castsi256_si128(squeezed));
                    let first = MIXED_LEN[low_half];
                    _mm_storeu_si128(at.add(first).cast(), _mm256_extracti128_si256::<1>(squeezed));
                    written += first + MIXED_LEN[high_half];
                }
            }
            read += 8;
        }
        (read, written)
    }

    /// For four characters of 4 bytes each (UTF-8 in the low bytes, first byte lowest), by
    /// which take three bytes (bit k for character k): the shuffle that puts their UTF-8 side
    /// by side, and its length.
    #[cfg(target_arch = "x86_64")]
    const MIXED_TABLE: ([[i8; 16]; 16], [usize; 16]) = {
        let (mut order, mut lens) = ([[-1i8; 16]; 16], [0; 16]);
        let mut widths = 0;
        while widths < 16 {
            let (mut n, mut k) = (0, 0);
            while k < 4 {
                let len = if widths >> k & 1 == 1 { 3 } else { 1 };
                let mut b = 0;
                while b < len {
                    order[widths][n] = (4 * k + b) as i8;
                    n += 1;
                    b += 1;
                }
                k += 1;
            }
            lens[widths] = n;
            widths += 1;
        }
        (order, lens)
    };
    #[cfg(target_arch = "x86_64")]
    const MIXED: [[i8; 16]; 16] = MIXED_TABLE.0;
    #[cfg(target_arch = "x86_64")]
    const MIXED_LEN: [usize; 16] = MIXED_TABLE.1;

    #[cfg(not(target_arch = "x86_64"))]
    pub unsafe fn uniform_blocks<T>(_chars: &[T], _out: *mut u8) -> (usize, usize) {
        (0, 0)
    }
}

const LONE_SURROGATE: &str = "string is not valid Unicode (lone surrogate)";
/// What the JSON reader says of `1e400` (serde_json's "number out of range" in the project's words).
const NUMBER_OUT_OF_RANGE: &str = "a number out of range";

/// The JSON of a tree. (The tree holds only JSON values: finite numbers, UTF-8 strings.)
pub fn tree_to_value(tree: &Node) -> Value {
    Value::deserialize(tree).unwrap_or(Value::Null)
}

/// The UTF-8 text of a `str` (the interpreter's cached UTF-8 form, not copied).
fn string(s: Bound<'_, PyString>) -> Result<PyBackedStr, Failure> {
    PyBackedStr::try_from(s).map_err(|_| Failure::new(LONE_SURROGATE))
}

/// A `str` in a batch: non-ASCII text read in place where it can be ([`in_place`]), else long
/// non-ASCII text copied into the arena as UCS-4; the rest kept by the arena as its UTF-8.
#[inline(always)]
fn batch_string(s: &Bound<'_, PyString>, batch: &mut Batch<'_>) -> Result<Node, Failure> {
    match in_place::classify(s, batch.arena) {
        in_place::Form::Chars(chars) => {
            batch.texts += 1;
            return Ok(Node::Chars(Deferred::new(chars)));
        }
        in_place::Form::Ascii(text) => return Ok(Node::Lent(batch.arena.lend(s, text))),
        in_place::Form::Unknown => {
            if let Some(chars) = wide_copy(s, batch.arena) {
                batch.texts += 1;
                return Ok(Node::Chars(Deferred::new(chars)));
            }
        }
    }
    let text = s.to_str().map_err(|_| Failure::new(LONE_SURROGATE))?;
    Ok(Node::Lent(batch.arena.lend(s, text)))
}

/// A dict in a batch. Its keys and values are borrowed from the dict, not referenced: a key is
/// copied and a `str` value taken (copied, or referenced by the arena) before any Python code
/// can run; any other value is referenced while it is converted (a date's `isoformat` is
/// Python code, which could change the dict).
fn batch_dict(dict: &Bound<'_, PyDict>, depth: usize, batch: &mut Batch<'_>) -> Result<Node, Failure> {
    let py = dict.py();
    let mut map = Vec::with_capacity(dict.len());
    let mut pos: pyo3::ffi::Py_ssize_t = 0;
    let (mut key, mut value) = (std::ptr::null_mut(), std::ptr::null_mut());
    // SAFETY: the GIL is held; `PyDict_Next` lends `key` and `value` (non-null while it returns
    // non-zero) for as long as the dict is unchanged, and each is used as said above. A dict
    // changed meanwhile is still walked safely (`pos` is checked against its current entries).
    while unsafe { pyo3::ffi::PyDict_Next(dict.as_ptr(), &mut pos, &mut key, &mut value) } != 0 {
        // SAFETY: as above.
        let (key, value) = unsafe { (pyo3::Borrowed::from_ptr(py, key), pyo3::Borrowed::from_ptr(py, value)) };
        let key = match key.cast::<PyString>() {
            Ok(k) => match in_place::ascii(&k) {
                Some(text) => batch.arena.copy(text),
                None => batch.arena.copy(k.to_str().map_err(|_| Failure::new(LONE_SURROGATE))?),
            },
            Err(_) => {
                let found = type_name(&key);
                return Err(Failure::new(format!("object keys must be strings, found `{found}`")));
            }
        };
        match batch_item(value, depth, batch) {
            Ok(node) => map.push((Key::Lent(key), node)),
            Err(f) => return Err(f.within(key.as_str().to_owned())),
        }
    }
    Ok(Node::Map(map))
}

/// A list in a batch, its items borrowed as a dict's values are ([`batch_dict`]).
fn batch_list(list: &Bound<'_, PyList>, depth: usize, batch: &mut Batch<'_>) -> Result<Node, Failure> {
    let py = list.py();
    let mut out = Vec::with_capacity(list.len());
    let mut i = 0;
    // The length is read again each time: converting an item may run Python code.
    while i < list.len() {
        // SAFETY: the GIL is held and `i` is within the list's current length: `PyList_GetItem`
        // lends the item.
        let item = unsafe { pyo3::ffi::PyList_GetItem(list.as_ptr(), i as pyo3::ffi::Py_ssize_t) };
        if item.is_null() {
            let _ = PyErr::take(py);
            break;
        }
        // SAFETY: a live item of the list, used as a dict's values are.
        let item = unsafe { pyo3::Borrowed::from_ptr(py, item) };
        out.push(batch_item(item, depth, batch).map_err(|f| f.within(i.to_string()))?);
        i += 1;
    }
    Ok(Node::Seq(out))
}

/// An item borrowed from a dict or a list in a batch: a `str` taken at once, anything else
/// referenced while it is converted. Inlined: a call per item cost the interpreter's thread
/// 0.4k instructions a record.
#[inline(always)]
fn batch_item(item: pyo3::Borrowed<'_, '_, PyAny>, depth: usize, batch: &mut Batch<'_>) -> Result<Node, Failure> {
    if let Ok(s) = item.cast_exact::<PyString>() {
        return batch_string(&s, batch);
    }
    let mut inner = Some(Batch { arena: &mut *batch.arena, texts: 0 });
    let node = convert(&item.to_owned(), depth + 1, &mut inner);
    batch.texts += inner.map_or(0, |b| b.texts);
    node
}

/// Copy the `len` characters of `s` into the arena as UCS-4. `None` (nothing kept) if
/// CPython refuses: the caller takes the string as UTF-8 instead.
fn copy_ucs4(s: &Bound<'_, PyString>, len: usize, arena: &mut Arena) -> Option<in_place::Chars> {
    let chars = arena.wide.room(len);
    let start = chars.len();
    // SAFETY: the block has room for `len` more characters after `start` (`room`);
    // PyUnicode_AsUCS4 writes at most `buflen` (= `len`) of them, and on success exactly the
    // string's `len` characters, which `set_len` then keeps. The block is not moved or changed
    // until the chunk is done.
    unsafe {
        let buffer = chars.as_mut_ptr().add(start);
        if pyo3::ffi::PyUnicode_AsUCS4(s.as_ptr(), buffer, len as pyo3::ffi::Py_ssize_t, 0).is_null() {
            let _ = PyErr::take(s.py());
            return None;
        }
        chars.set_len(start + len);
        Some(in_place::Chars::ucs4(buffer, len))
    }
}

/// A long non-ASCII `str` copied into the arena as UCS-4, for a check thread to make UTF-8;
/// `None` (short, ASCII, or not copied): take it as UTF-8. Used where strings are not read in
/// place, for a tree's strings and for a record given as JSON text in a `str`, whose encoding
/// by CPython was most of the interpreter thread's time in `check_many(lines)`.
#[inline]
pub fn wide_copy(s: &Bound<'_, PyString>, arena: &mut Arena) -> Option<in_place::Chars> {
    // SAFETY: `s` is a live `str` and the GIL is held (`Bound`).
    let Ok(len) = usize::try_from(unsafe { pyo3::ffi::PyUnicode_GetLength(s.as_ptr()) }) else {
        let _ = PyErr::take(s.py()); // -1 comes with an exception set
        return None;
    };
    if len < WIDE_MIN_CHARS {
        return None;
    }
    if s.call_method0(pyo3::intern!(s.py(), "isascii")).is_ok_and(|r| r.is_truthy().unwrap_or(true)) {
        return None;
    }
    copy_ucs4(s, len, arena)
}

fn convert(obj: &Bound<'_, PyAny>, depth: usize, batch: &mut Option<Batch<'_>>) -> Result<Node, Failure> {
    if depth > MAX_DEPTH {
        return Err(Failure::new(format!("nesting deeper than {MAX_DEPTH} levels")));
    }
    // Exact type checks first: records are plain dicts, lists and strings.
    if let Ok(s) = obj.cast_exact::<PyString>() {
        return match batch {
            Some(batch) => batch_string(s, batch),
            None => string(s.clone()).map(Node::Str),
        };
    }
    if let Ok(dict) = obj.cast_exact::<PyDict>() {
        if let Some(batch) = batch {
            return batch_dict(dict, depth, batch);
        }
        let mut map = Vec::with_capacity(dict.len());
        for (k, v) in dict.iter() {
            let key = match k.cast_into::<PyString>() {
                Ok(s) => string(s)?,
                Err(e) => {
                    let found = type_name(e.into_inner().as_any());
                    return Err(Failure::new(format!("object keys must be strings, found `{found}`")));
                }
            };
            match convert(&v, depth + 1, batch) {
                Ok(value) => map.push((Key::Py(key), value)),
                Err(f) => return Err(f.within(key.to_string())),
            }
        }
        return Ok(Node::Map(map));
    }
    if let Ok(list) = obj.cast_exact::<PyList>() {
        if let Some(batch) = batch {
            return batch_list(list, depth, batch);
        }
        return seq(list.iter(), list.len(), depth, batch);
    }
    if obj.is_none() {
        return Ok(Node::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Node::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Node::Int(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Node::UInt(u));
        }
        // Past 64 bits, a number as JSON readers take it (the CLI's, JavaScript's): the nearest
        // float, or out of range like `1e400`.
        return match obj.extract::<f64>() {
            Ok(f) if f.is_finite() => Ok(Node::Float(f)),
            _ => Err(Failure::new(NUMBER_OUT_OF_RANGE)),
        };
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let f = f.value();
        if !f.is_finite() {
            return Err(Failure::new(format!("`{f}` is not a JSON number")));
        }
        return Ok(Node::Float(f));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return seq(list.iter(), list.len(), depth, batch);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return seq(tuple.iter(), tuple.len(), depth, batch);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return match batch {
            Some(batch) => {
                let text = s.to_str().map_err(|_| Failure::new(LONE_SURROGATE))?;
                Ok(Node::Lent(batch.arena.copy(text)))
            }
            None => string(s.clone()).map(Node::Str),
        };
    }
    // A dict subclass, or any other Mapping, is read through its `items()`, as `json.dumps`
    // reads it: a subclass may override what it holds (plain dicts took the path above).
    if obj.cast::<PyDict>().is_ok() || obj.cast::<pyo3::types::PyMapping>().is_ok() {
        return mapping(obj, depth, batch);
    }
    // datetime.datetime is a date too: keep its full ISO form rather than silently dropping the time.
    if obj.cast::<PyDateTime>().is_ok() || obj.cast::<PyDate>().is_ok() {
        let iso = obj.call_method0("isoformat").and_then(|s| s.extract::<String>());
        return iso.map(Node::Owned).map_err(|_| Failure::new("date without an ISO form"));
    }
    Err(Failure::new(format!("`{}` has no JSON form", type_name(obj))))
}

/// A mapping read through its `items()` (see [`convert`]).
fn mapping(obj: &Bound<'_, PyAny>, depth: usize, batch: &mut Option<Batch<'_>>) -> Result<Node, Failure> {
    let name = type_name(obj);
    let failed = |e: PyErr| Failure::new(format!("`{name}.items()` failed: {e}"));
    let items = obj.call_method0(pyo3::intern!(obj.py(), "items")).map_err(failed)?;
    let mut map = Vec::new();
    for pair in items.try_iter().map_err(failed)? {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair
            .map_err(failed)?
            .extract()
            .map_err(|_| Failure::new(format!("`{name}.items()` must give (key, value) pairs")))?;
        let k = match k.cast_into::<PyString>() {
            Ok(k) => k,
            Err(e) => {
                let found = type_name(e.into_inner().as_any());
                return Err(Failure::new(format!("object keys must be strings, found `{found}`")));
            }
        };
        let key = match batch {
            Some(b) => Key::Lent(b.arena.copy(k.to_str().map_err(|_| Failure::new(LONE_SURROGATE))?)),
            None => Key::Py(string(k)?),
        };
        match convert(&v, depth + 1, batch) {
            Ok(value) => map.push((key, value)),
            Err(f) => return Err(f.within(key.to_string())),
        }
    }
    Ok(Node::Map(map))
}

fn seq<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    depth: usize,
    batch: &mut Option<Batch<'_>>,
) -> Result<Node, Failure> {
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        out.push(convert(&item, depth + 1, batch).map_err(|f| f.within(i.to_string()))?);
    }
    Ok(Node::Seq(out))
}

/// A tree read through serde, strings lent for the tree's lifetime (`visit_borrowed_str`): the
/// checker's fast reader borrows them, and `Value::deserialize` copies them.
impl<'de> Deserializer<'de> for &'de Node {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(*b),
            Node::Int(i) => visitor.visit_i64(*i),
            Node::UInt(u) => visitor.visit_u64(*u),
            Node::Float(f) => visitor.visit_f64(*f),
            Node::Str(s) => visitor.visit_borrowed_str(s),
            Node::Lent(s) => visitor.visit_borrowed_str(s.as_str()),
            Node::Owned(s) => visitor.visit_borrowed_str(s),
            Node::Chars(d) => match d.text() {
                Some(s) => visitor.visit_borrowed_str(s),
                None => Err(de::Error::custom(LONE_SURROGATE)),
            },
            Node::Seq(items) => visitor.visit_seq(SeqAccessor(items.iter())),
            Node::Map(entries) => visitor.visit_map(MapAccessor { entries: entries.iter(), value: None }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct SeqAccessor<'de>(std::slice::Iter<'de, Node>);

impl<'de> SeqAccess<'de> for SeqAccessor<'de> {
    type Error = de::value::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Self::Error> {
        self.0.next().map(|node| seed.deserialize(node)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct MapAccessor<'de> {
    entries: std::slice::Iter<'de, (Key, Node)>,
    value: Option<&'de Node>,
}

impl<'de> MapAccess<'de> for MapAccessor<'de> {
    type Error = de::value::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("a map value was asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_owned())
}

/// `Some(bytes)` when the object is JSON text (`str` or `bytes`) rather than a Python structure.
/// The bytes are copied so that parsing can run without the GIL; `bytes` are not assumed to be UTF-8.
pub fn as_text(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(s) = obj.cast::<PyString>() {
        // A `str` holding a lone surrogate has no UTF-8 form: the record's input problem, as
        // `check_many` reports it, not CPython's UnicodeEncodeError.
        let text = s.to_str().map_err(|_| {
            let message = format!("record has no JSON form: {LONE_SURROGATE}");
            crate::errors::raise::<crate::errors::RecordError>(
                obj.py(),
                "input_invalid_json",
                message,
                crate::errors::Where { path: Some(""), ..Default::default() },
            )
        })?;
        return Ok(Some(text.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(b.as_bytes().to_vec()));
    }
    Ok(None)
}

/// Convert JSON to Python objects (dicts, lists, str, int, float, bool, None).
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Serialise any serde value straight to Python objects.
pub fn serde_to_py<'py, T: serde::Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| PyTypeError::new_err(e.to_string()))?;
    to_py(py, &json)
}

/// Reading a `str`'s characters where CPython keeps them, on a check thread, instead of asking
/// CPython for a copy on the interpreter's thread: for a non-ASCII string it would make one (its
/// cached UTF-8 form, kept with the string for its life, or a UCS-4 copy), and that was most of
/// the interpreter's thread's time in `check_many` on dicts, the one part of a batch that does
/// not run in parallel.
///
/// The stable ABI has no call for a string's characters in place, so this reads the layout of
/// CPython's compact strings (`PyASCIIObject`, `PyCompactUnicodeObject`). That layout is the
/// same from 3.10 to 3.14 but for the size of the header (a `wstr` field until 3.11). It is used
/// only on those versions, and only once a self-test on strings of each kind reads back what
/// was written: on any other version or build (a debug build's larger object header, a future
/// layout) batches take CPython's copies as before, with the same answers.
pub mod in_place {
    use std::sync::OnceLock;

    use pyo3::ffi;
    use pyo3::prelude::*;
    use pyo3::types::PyString;

    /// Where a compact string's characters start: after its `PyCompactUnicodeObject` header,
    /// or, for an ASCII string, the shorter `PyASCIIObject`.
    #[derive(Clone, Copy, Debug)]
    struct Layout {
        compact_data: usize,
        ascii_data: usize,
    }

    /// `state`: after the object header, `length` and `hash`. Its bits: interned (2), kind (3),
    /// compact (1), ascii (1), ...
    const STATE_OFFSET: usize = 32;
    const LENGTH_OFFSET: usize = 16;

    /// A non-ASCII `str`'s characters, read in place (the chunk's [`super::Arena`] keeps a
    /// reference to the string, and so its characters, which a `str` never changes once shared,
    /// alive until the chunk is done), or copied into the chunk's arena as UCS-4.
    #[derive(Debug)]
    pub struct Chars {
        data: *const u8,
        /// The length in characters, shifted left by two, and the character's size in its
        /// low two bits (0, 1, 2: 1, 2 or 4 bytes): a tree node holds one of these.
        len_kind: usize,
    }

    // SAFETY: the characters belong to a string the chunk's arena holds a reference to, or to
    // one of its blocks, until the chunk (and every `Chars` of it) is done, and neither is
    // changed meanwhile, so they may be read from any thread.
    unsafe impl Send for Chars {}
    unsafe impl Sync for Chars {}

    impl Chars {
        /// `len` characters of `size` bytes (1, 2 or 4) at `data`; `None` if `len` is too large
        /// to keep with the size.
        fn new(data: *const u8, len: usize, size: u8) -> Option<Self> {
            let kind = match size {
                1 => 0,
                2 => 1,
                _ => 2,
            };
            (len <= usize::MAX >> 2).then_some(Chars { data, len_kind: len << 2 | kind })
        }

        /// UCS-4 characters copied into a chunk's arena.
        pub(super) fn ucs4(data: *const u32, len: usize) -> Self {
            // A block of `len` UCS-4 characters holds 4 * `len` bytes: `len` fits with its kind.
            Chars { data: data.cast(), len_kind: len << 2 | 2 }
        }

        /// The bytes [`Chars::to_utf8`] reserves for these characters.
        pub fn utf8_room(&self) -> usize {
            let len = self.len_kind >> 2;
            let per_char = match self.len_kind & 3 {
                0 => <u8 as super::Unit>::MAX_UTF8,
                1 => <u16 as super::Unit>::MAX_UTF8,
                _ => <u32 as super::Unit>::MAX_UTF8,
            };
            len * per_char + super::UTF8_SLACK
        }

        /// The UTF-8 of the characters into `out` (replacing what it held); `false` for a lone
        /// surrogate.
        pub fn to_utf8(&self, out: &mut String) -> bool {
            let len = self.len_kind >> 2;
            // SAFETY: `data` holds `len` characters of the kind's size (see `read`, `ucs4`),
            // aligned to their size as CPython allocates them (and as a `u32` block is), and
            // alive while the chunk is.
            unsafe {
                match self.len_kind & 3 {
                    0 => super::to_utf8(std::slice::from_raw_parts(self.data, len), out),
                    1 => super::to_utf8(std::slice::from_raw_parts(self.data.cast::<u16>(), len), out),
                    _ => super::to_utf8(std::slice::from_raw_parts(self.data.cast::<u32>(), len), out),
                }
            }
        }
    }

    static LAYOUT: OnceLock<Option<Layout>> = OnceLock::new();

    fn layout(py: Python<'_>) -> Option<Layout> {
        *LAYOUT.get_or_init(|| {
            if std::env::var_os("GONGKAI_NO_IN_PLACE").is_some() {
                return None;
            }
            let v = py.version_info();
            let layout = match (v.major, v.minor) {
                (3, 10..=11) => Layout { compact_data: 72, ascii_data: 48 },
                (3, 12..=14) => Layout { compact_data: 56, ascii_data: 40 },
                _ => return None,
            };
            self_test(py, layout).then_some(layout)
        })
    }

    /// Each kind of string reads back as written, and the ASCII flag is where it should be.
    fn self_test(py: Python<'_>, layout: Layout) -> bool {
        let samples = ["plain ASCII", "café é", "中文：公开", "表情 😀 符号"];
        samples.iter().all(|&text| {
            let s = PyString::new(py, text);
            // SAFETY: `s` is a live `str`, the GIL is held.
            let ascii = unsafe { is_ascii(s.as_ptr()) };
            if ascii != text.is_ascii() {
                return false;
            }
            // SAFETY: as above.
            match unsafe { (read(&s, layout), read_ascii(&s, layout)) } {
                (None, Some(read)) => ascii && read == text,
                (Some(chars), None) => {
                    let mut out = String::new();
                    !ascii && chars.to_utf8(&mut out) && out == text
                }
                _ => false,
            }
        })
    }

    /// SAFETY: `s` must be a live `str`, the GIL held, and the layout one the self-test passed.
    unsafe fn state(s: *mut ffi::PyObject) -> u32 {
        // SAFETY: the caller's.
        unsafe { s.cast::<u8>().add(STATE_OFFSET).cast::<u32>().read() }
    }

    /// SAFETY: as for [`state`].
    unsafe fn is_ascii(s: *mut ffi::PyObject) -> bool {
        // SAFETY: the caller's.
        unsafe { state(s) >> 6 & 1 == 1 }
    }

    /// A non-ASCII compact string's characters; `None` for an ASCII string or one of another
    /// form (the caller takes CPython's UTF-8 then).
    ///
    /// SAFETY: the GIL held; `layout` one the self-test passed.
    #[inline(always)]
    unsafe fn read(s: &Bound<'_, PyString>, layout: Layout) -> Option<Chars> {
        let p = s.as_ptr();
        // SAFETY: the caller's: `state` and `length` are where the layout puts them.
        let (state, len) = unsafe { (state(p), p.cast::<u8>().add(LENGTH_OFFSET).cast::<isize>().read()) };
        let (kind, compact, ascii) = ((state >> 2) & 7, (state >> 5) & 1 == 1, (state >> 6) & 1 == 1);
        if ascii || !compact || !matches!(kind, 1 | 2 | 4) {
            return None;
        }
        // SAFETY: a compact string's characters follow its header.
        let data = unsafe { p.cast::<u8>().add(layout.compact_data) };
        Chars::new(data, usize::try_from(len).ok()?, kind as u8)
    }

    /// A compact ASCII string's characters, which are its UTF-8; `None` for a string of
    /// another form.
    ///
    /// SAFETY: the GIL held; `layout` one the self-test passed.
    #[inline(always)]
    unsafe fn read_ascii<'a>(s: &'a Bound<'_, PyString>, layout: Layout) -> Option<&'a str> {
        let p = s.as_ptr();
        // SAFETY: as for `read`; an ASCII compact string's characters follow its header.
        unsafe {
            let len = usize::try_from(p.cast::<u8>().add(LENGTH_OFFSET).cast::<isize>().read()).ok()?;
            let state = state(p);
            if state >> 6 & 1 == 0 || state >> 5 & 1 == 0 {
                return None;
            }
            let bytes = std::slice::from_raw_parts(p.cast::<u8>().add(layout.ascii_data), len);
            Some(std::str::from_utf8_unchecked(bytes))
        }
    }

    /// A `str`'s UTF-8 when it is a compact ASCII string (read where CPython keeps it, without
    /// a call into the interpreter), else `None`.
    pub fn ascii<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
        let layout = layout(s.py())?;
        // SAFETY: `s` is a live `str` (`Bound`: the GIL is held), and the layout passed its test.
        unsafe { read_ascii(s, layout) }
    }

    /// How a batch takes a `str`.
    pub enum Form<'a> {
        /// Non-ASCII: read in place on a check thread.
        Chars(Chars),
        /// ASCII: its own characters are its UTF-8.
        Ascii(&'a str),
        /// This interpreter's strings are not read in place, or this one has another form.
        Unknown,
    }

    /// How to take `s`; a string read in place is kept alive by `arena` (the chunk's).
    #[inline(always)]
    pub fn classify<'a>(s: &'a Bound<'_, PyString>, arena: &mut super::Arena) -> Form<'a> {
        let Some(layout) = layout(s.py()) else { return Form::Unknown };
        // SAFETY: `s` is a live `str` (`Bound`: the GIL is held), and the layout passed its test.
        unsafe {
            if let Some(text) = read_ascii(s, layout) {
                return Form::Ascii(text);
            }
            match read(s, layout) {
                Some(chars) => {
                    arena.keep.push(s.clone().unbind());
                    Form::Chars(chars)
                }
                None => Form::Unknown,
            }
        }
    }
}
