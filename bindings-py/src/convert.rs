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
/// Strings are read with the limited API only (`PyUnicode_AsUTF8AndSize`: the string's UTF-8
/// form, which CPython makes once and keeps with the string); no private structure is read.
/// For one record (`check`), strings are lent as their UTF-8 ([`Node::Str`], holding a
/// reference). In a batch ([`to_batch_tree`]) a tree holds no reference at all, so check
/// threads may drop it: keys and short strings are copied into the chunk's [`Arena`]
/// ([`Node::Lent`]), a long string is lent where CPython keeps its UTF-8, the arena holding a
/// reference to it. Taking a reference to each
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

/// What a chunk's trees lend: short strings copied, and a reference to each long string lent.
#[derive(Default)]
pub struct Arena {
    bytes: Blocks<u8>,
    /// Released with the chunk, on the interpreter's thread: the trees and texts hold no
    /// reference themselves, so check threads may drop them without the GIL.
    keep: Vec<Py<PyAny>>,
}

impl Arena {
    /// Empty the arena for the next chunk, keeping its blocks.
    /// Call it with the GIL held (it releases the strings it kept).
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.keep.clear();
    }

    /// `text` (the UTF-8 of `s`) kept for the chunk: copied if short, else `s` kept alive.
    #[inline(always)]
    fn lend(&mut self, s: &Bound<'_, PyString>, text: &str) -> LentStr {
        if text.len() > COPY_MAX_BYTES {
            self.keep.push(s.clone().into_any().unbind());
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

/// JSON text of a batch's record (a `str`'s UTF-8 form or a `bytes`' contents), lent where
/// CPython keeps it, the chunk's [`Arena`] holding a reference to its object. Copying each
/// record's text on the interpreter's thread, and freeing it on a check thread, was a malloc,
/// a memcpy of the whole record and a free for every JSON line of a batch.
#[derive(Clone, Copy, Debug)]
pub struct LentText {
    data: *const u8,
    len: usize,
}

// SAFETY: the bytes are a `str`'s UTF-8 form or a `bytes`' contents, which CPython never changes
// once made, and the arena keeps the object alive until the chunk is done.
unsafe impl Send for LentText {}
unsafe impl Sync for LentText {}

impl LentText {
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: as for `Send` above; read only while the chunk is alive.
        unsafe { std::slice::from_raw_parts(self.data, self.len) }
    }
}

/// [`as_text`] for a batch: the text lent, `arena` keeping its object alive (see [`LentText`]).
/// `Err` for a `str` that has no UTF-8 form (a lone surrogate).
pub fn as_batch_text(obj: &Bound<'_, PyAny>, arena: &mut Arena) -> Result<Option<LentText>, ConvertError> {
    let bytes = if let Ok(s) = obj.cast::<PyString>() {
        s.to_str().map_err(|_| ConvertError::not_unicode())?.as_bytes()
    } else if let Ok(b) = obj.cast::<PyBytes>() {
        b.as_bytes()
    } else {
        return Ok(None);
    };
    let text = LentText { data: bytes.as_ptr(), len: bytes.len() };
    arena.keep.push(obj.clone().unbind());
    Ok(Some(text))
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

/// [`to_tree`] for a batch: strings kept by `arena` (see [`Node`]).
pub fn to_batch_tree(obj: &Bound<'_, PyAny>, arena: &mut Arena) -> Result<Node, ConvertError> {
    convert(obj, 0, &mut Some(Batch { arena })).map_err(Failure::into_error)
}

/// Where a batch's conversion puts strings.
struct Batch<'a> {
    arena: &'a mut Arena,
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

/// A `str` in a batch, kept by the arena as its UTF-8 (`PyUnicode_AsUTF8AndSize`).
#[inline(always)]
fn batch_string(s: &Bound<'_, PyString>, batch: &mut Batch<'_>) -> Result<Node, Failure> {
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
            Ok(k) => batch.arena.copy(k.to_str().map_err(|_| Failure::new(LONE_SURROGATE))?),
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
    convert(&item.to_owned(), depth + 1, &mut Some(Batch { arena: &mut *batch.arena }))
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
