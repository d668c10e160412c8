//! A batch's results kept compactly until they are read.
//!
//! A record's diagnostics come from the checker as `Diagnostic`s, each with a few allocations of
//! its own (its pointer, its message's arguments). Kept as they are, 100,000 records' results
//! held about 2 KB each, faulted in as fresh pages on the check threads and freed one by one on
//! the interpreter's thread when the batch was dropped: together more than a quarter of the
//! batch's time. So each check thread packs its records' results into a [`Block`] (a few
//! vectors and one string for the text the record supplied) and frees the `Diagnostic`s where
//! they were made. Texts kept anyway (messages' templates and literals, the checker's shared
//! catalogue texts) are lent or shared, not copied. A record is made into a `RecordResult`
//! again when it is read.

use std::sync::Arc;

use chrono::NaiveDate;
use gongkai::SharedStr;
use gongkai::diagnostics::{Arg, MessageParts, MessageTemplate};
use gongkai::{Diagnostic, Message, Severity, Text};

use crate::result::RecordResult;

/// Records per block: small enough to share a chunk's records among the check threads.
pub const BLOCK: usize = 256;

thread_local! {
    /// What this thread's last block held for [`BLOCK`] records: diagnostics, arguments, texts
    /// and bytes of text.
    static LAST_BLOCK: std::cell::Cell<[usize; 4]> = const { std::cell::Cell::new([0; 4]) };
}

/// A string of a packed result: lent for the life of the process, shared with the checker
/// (an index into [`Block::shared`]), or in its block's text (`usize` offsets cost nothing
/// here: the enum is as large as a `&str` anyway).
#[derive(Clone, Copy)]
enum Str {
    Lent(&'static str),
    Shared(usize),
    Own { start: usize, len: usize },
}

/// A message: its text (an index into [`Block::texts`]), its template and arguments (a range
/// of [`Block::args`]), or, for an argument of a kind not packed, the message itself
/// (an index into [`Block::kept`]).
#[derive(Clone, Copy)]
enum Msg {
    Text(usize),
    Template { template: &'static MessageTemplate, start: usize, end: usize },
    Kept(usize),
}

#[derive(Clone, Copy)]
enum PackedArg {
    Str(Str),
    Int(i64),
    Date(NaiveDate),
    Text(usize),
}

struct Packed {
    code: &'static str,
    severity: Severity,
    path: Str,
    message: Msg,
    basis: Option<Str>,
    help: Option<Msg>,
}

struct Record {
    id: Option<Str>,
    source: Option<Str>,
    /// Its diagnostics: `Block::diagnostics[start..end]`.
    start: usize,
    end: usize,
}

/// Slots of [`Block::lent`].
const LENT_SLOTS: usize = 64;

/// The results of consecutive records.
pub struct Block {
    records: Vec<Record>,
    diagnostics: Vec<Packed>,
    args: Vec<PackedArg>,
    texts: Vec<(Str, Str)>,
    /// Where in `texts` a lent text was last kept, by its address (`usize::MAX`: none).
    lent: [usize; LENT_SLOTS],
    /// The checker's texts the block's results share, each held once per block.
    shared: Vec<Arc<str>>,
    /// Where in `shared` a text was last kept, by its address (`usize::MAX`: none).
    shared_slots: [usize; LENT_SLOTS],
    kept: Vec<Message>,
    text: String,
}

impl Default for Block {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            diagnostics: Vec::new(),
            args: Vec::new(),
            texts: Vec::new(),
            lent: [usize::MAX; LENT_SLOTS],
            shared: Vec::new(),
            shared_slots: [usize::MAX; LENT_SLOTS],
            kept: Vec::new(),
            text: String::new(),
        }
    }
}

impl Block {
    /// A block for `records` records, with room for as much as this thread's last block held
    /// per record: growing a block's vectors as it fills copied them over and over, into fresh
    /// pages each time.
    pub fn new(records: usize) -> Self {
        let [diagnostics, args, texts, text] =
            LAST_BLOCK.get().map(|per_block| per_block * records / BLOCK * 5 / 4 + 16);
        Self {
            records: Vec::with_capacity(records),
            diagnostics: Vec::with_capacity(diagnostics),
            args: Vec::with_capacity(args),
            texts: Vec::with_capacity(texts),
            text: String::with_capacity(text),
            ..Self::default()
        }
    }

    /// Note how much the block holds, for [`Block::new`] on this thread.
    pub fn finish(&self) {
        let records = self.records.len().max(1);
        let per = |n: usize| n * BLOCK / records;
        LAST_BLOCK.set([
            per(self.diagnostics.len()),
            per(self.args.len()),
            per(self.texts.len()),
            per(self.text.len()),
        ]);
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Keep a record's results.
    pub fn push(&mut self, result: RecordResult) {
        let id = result.id.as_deref().map(|s| self.own(s));
        let source = result.source.as_deref().map(|s| self.own(s));
        let start = self.diagnostics.len();
        for d in &result.diagnostics {
            let packed = Packed {
                code: d.code,
                severity: d.severity,
                path: self.string(&d.path),
                message: self.message(&d.message),
                basis: d.basis.as_ref().map(|b| self.string(b)),
                help: d.help.as_ref().map(|h| self.message(h)),
            };
            self.diagnostics.push(packed);
        }
        self.records.push(Record { id, source, start, end: self.diagnostics.len() });
    }

    fn own(&mut self, s: &str) -> Str {
        let start = self.text.len();
        if self.text.capacity() - start >= s.len() {
            // Most are pointers and keys of a few bytes: copied inline, not by a call to memcpy.
            // SAFETY: there is room for `s` after `start`; its bytes (UTF-8) are then kept.
            unsafe {
                let bytes = self.text.as_mut_vec();
                crate::convert::copy_short(s.as_ptr(), bytes.as_mut_ptr().add(start), s.len());
                bytes.set_len(start + s.len());
            }
        } else {
            self.text.push_str(s);
        }
        Str::Own { start, len: s.len() }
    }

    fn string(&mut self, s: &SharedStr) -> Str {
        match s {
            SharedStr::Static(s) => Str::Lent(s),
            SharedStr::Shared(s) => self.share(s),
            other => self.own(other),
        }
    }

    fn share(&mut self, s: &Arc<str>) -> Str {
        let slot = (s.as_ptr() as usize >> 3) % LENT_SLOTS;
        let at = self.shared_slots[slot];
        if self.shared.get(at).is_some_and(|kept| Arc::ptr_eq(kept, s)) {
            return Str::Shared(at);
        }
        self.shared.push(Arc::clone(s));
        self.shared_slots[slot] = self.shared.len() - 1;
        Str::Shared(self.shared.len() - 1)
    }

    fn text_of(&mut self, t: &Text) -> usize {
        // Fixed texts (most help, and messages written out when an item was compiled) recur
        // from record to record: a lent text the block already keeps is not kept again. One
        // slot per text, picked by its address: a search of the last few texts cost more than
        // the packing it saved once most messages were lent.
        if let (SharedStr::Static(zh), SharedStr::Static(en)) = (&t.zh, &t.en) {
            let slot = (zh.as_ptr() as usize >> 3) % LENT_SLOTS;
            let kept = self.lent[slot];
            if let Some(&(Str::Lent(a), Str::Lent(b))) = self.texts.get(kept)
                && std::ptr::eq(a, *zh)
                && std::ptr::eq(b, *en)
            {
                return kept;
            }
            self.texts.push((Str::Lent(zh), Str::Lent(en)));
            self.lent[slot] = self.texts.len() - 1;
            return self.texts.len() - 1;
        }
        let pair = (self.string(&t.zh), self.string(&t.en));
        self.texts.push(pair);
        self.texts.len() - 1
    }

    fn message(&mut self, m: &Message) -> Msg {
        match m.parts() {
            MessageParts::Text(t) => Msg::Text(self.text_of(t)),
            MessageParts::Template(template, args) => {
                let start = self.args.len();
                for arg in args {
                    let packed = match arg {
                        Arg::Str(s) => PackedArg::Str(self.string(s)),
                        Arg::Int(n) => PackedArg::Int(*n),
                        Arg::Date(d) => PackedArg::Date(*d),
                        Arg::Text(t) => PackedArg::Text(self.text_of(t)),
                        // A message within a message (rare): keep the whole message.
                        _ => {
                            self.args.truncate(start);
                            return self.keep(m);
                        }
                    };
                    self.args.push(packed);
                }
                Msg::Template { template, start, end: self.args.len() }
            }
            _ => self.keep(m),
        }
    }

    fn keep(&mut self, m: &Message) -> Msg {
        self.kept.push(m.clone());
        Msg::Kept(self.kept.len() - 1)
    }

    fn str(&self, s: Str) -> &str {
        match s {
            Str::Lent(s) => s,
            Str::Shared(i) => self.shared.get(i).map_or("", |s| s),
            Str::Own { start, len } => self.text.get(start..start + len).unwrap_or_default(),
        }
    }

    fn string_of(&self, s: Str) -> SharedStr {
        match s {
            Str::Lent(s) => SharedStr::Static(s),
            Str::Shared(i) => self.shared.get(i).map_or_else(SharedStr::default, SharedStr::from),
            own => self.str(own).to_owned().into(),
        }
    }

    fn text_at(&self, i: usize) -> Text {
        match self.texts.get(i) {
            Some(&(zh, en)) => Text::new(self.string_of(zh), self.string_of(en)),
            None => Text::new("", ""),
        }
    }

    fn message_of(&self, m: Msg) -> Message {
        match m {
            Msg::Text(i) => Message::from(self.text_at(i)),
            Msg::Template { template, start, end } => {
                let args = self.args.get(start..end).unwrap_or_default();
                let args = args
                    .iter()
                    .map(|a| match *a {
                        PackedArg::Str(s) => Arg::Str(self.string_of(s)),
                        PackedArg::Int(n) => Arg::Int(n),
                        PackedArg::Date(d) => Arg::Date(d),
                        PackedArg::Text(i) => Arg::Text(Box::new(self.text_at(i))),
                    })
                    .collect();
                Message::new(template, args)
            }
            Msg::Kept(i) => self.kept.get(i).cloned().unwrap_or_else(|| Message::from(Text::new("", ""))),
        }
    }

    /// Record `i`'s diagnostics, packed.
    fn packed(&self, i: usize) -> &[Packed] {
        self.records.get(i).and_then(|r| self.diagnostics.get(r.start..r.end)).unwrap_or_default()
    }

    /// Record `i` made again.
    fn record(&self, i: usize) -> RecordResult {
        let Some(record) = self.records.get(i) else {
            return RecordResult::checked(None, Vec::new());
        };
        let diagnostics = self
            .packed(i)
            .iter()
            .map(|p| {
                Diagnostic::from_parts(
                    p.code,
                    p.severity,
                    self.string_of(p.path),
                    self.message_of(p.message),
                    p.basis.map(|b| self.string_of(b)),
                    p.help.map(|h| self.message_of(h)),
                )
            })
            .collect();
        RecordResult {
            id: record.id.map(|s| self.str(s).to_owned()),
            source: record.source.map(|s| self.str(s).to_owned()),
            diagnostics,
        }
    }

    /// The severities of record `i`'s diagnostics.
    fn severities(&self, i: usize) -> impl Iterator<Item = Severity> + '_ {
        self.packed(i).iter().map(|p| p.severity)
    }
}

/// A batch's results, in input order.
#[derive(Default)]
pub struct Results {
    blocks: Vec<Block>,
    /// The number of records before each block and all of them: `starts[b]..starts[b + 1]`.
    starts: Vec<usize>,
}

/// One record of [`Results`].
#[derive(Clone, Copy)]
pub struct RecordRef<'a> {
    block: &'a Block,
    at: usize,
}

impl RecordRef<'_> {
    /// The record's results made again.
    pub fn get(&self) -> RecordResult {
        self.block.record(self.at)
    }

    pub fn ok(&self) -> bool {
        !self.block.severities(self.at).any(|s| s == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.block.severities(self.at).filter(|&s| s == severity).count()
    }

    pub fn len(&self) -> usize {
        self.block.severities(self.at).count()
    }
}

impl Results {
    pub fn push(&mut self, block: Block) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let end = self.len() + block.len();
        self.blocks.push(block);
        self.starts.push(end);
    }

    pub fn len(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    pub fn get(&self, i: usize) -> Option<RecordRef<'_>> {
        if i >= self.len() {
            return None;
        }
        // The last block starting at or before `i`.
        let b = self.starts.partition_point(|&s| s <= i).checked_sub(1)?;
        Some(RecordRef { block: self.blocks.get(b)?, at: i - self.starts[b] })
    }

    pub fn iter(&self) -> impl Iterator<Item = RecordRef<'_>> {
        self.blocks.iter().flat_map(|block| (0..block.len()).map(move |at| RecordRef { block, at }))
    }
}
