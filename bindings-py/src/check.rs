//! `check(record)` and the batch engine behind `check_many`: records are converted to JSON
//! while holding the GIL, then checked on a rayon pool with the GIL released. Conversion of the
//! next chunk overlaps the checking of the current one.

use std::str::FromStr;
use std::sync::LazyLock;

use gongkai::Filter;
use gongkai::check::{CheckOptions, Checker, input};
use gongkai::facade::{self, CheckRequestOptions, PreparedCheck};
use gongkai::sources::{self, Payload, Unit};
use gongkai::{Catalogue, Diagnostic, Lang, Text};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use serde_json::Value;

use crate::catalogue::{CatalogueRef, PyCatalogue};
use crate::convert::{self, ConvertError, Node};
use crate::dates::date_arg;
use crate::errors::{GongkaiError, RecordError, Where, call_error, raise};
use crate::packed::{self, Block, Results};
use crate::report::{PyReport, PyReports, RecordResult};

/// Records converted per round trip to the interpreter (also the progress step).
const CHUNK: usize = 4096;

/// Most record text a chunk read from files holds (two chunks are alive at once: one read,
/// one checked). The CLI holds at most five chunks of 1,024 records.
const PATH_CHUNK_BYTES: usize = 16 << 20;

/// A record this large (of text) makes the `Path` route hand freed memory back once its chunk
/// is done (see [`crate::purge::hand_back_freed_memory`]).
const LARGE_RECORD_BYTES: usize = 1 << 20;

/// The size of each chunk of a batch: small at first, so that the check threads start soon
/// after the batch does, then [`CHUNK`].
fn chunk_size(index: usize) -> usize {
    match index {
        0 => CHUNK / 16,
        1 => CHUNK / 4,
        _ => CHUNK,
    }
}

/// The keyword arguments every check takes, as the facade's one options type, made ready (the
/// checker's options and the filter of `select`/`ignore` and records' own suppressions).
#[allow(clippy::too_many_arguments)]
fn options(
    py: Python<'_>,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    screening: bool,
    strict_calendar: bool,
    strict_members: bool,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
) -> PyResult<PreparedCheck> {
    let lang = Lang::from_str(lang).map_err(|e| {
        raise::<GongkaiError>(py, "invalid_argument", e, Where { path: Some("lang"), ..Default::default() })
    })?;
    let today = match today.filter(|d| !d.is_none()) {
        Some(d) => Some(date_arg(py, d, "today")?),
        None => None,
    };
    CheckRequestOptions::new()
        .with_lang(lang)
        .with_today(today)
        .with_skip_screening(!screening)
        .with_strict_calendar(strict_calendar)
        .with_strict_members(strict_members)
        .with_select(codes_arg(py, select, "select")?)
        .with_ignore(codes_arg(py, ignore, "ignore")?)
        .prepare()
        .map_err(|e| call_error(py, &e))
}

/// `select=`/`ignore=`: `None`, one code (`str`) or an iterable of them.
fn codes_arg(py: Python<'_>, codes: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Vec<String>> {
    let Some(codes) = codes.filter(|c| !c.is_none()) else { return Ok(Vec::new()) };
    if let Ok(one) = codes.extract::<String>() {
        return Ok(vec![one]);
    }
    let bad = || {
        let found = codes.get_type().name().map(|n| n.to_string()).unwrap_or_default();
        raise::<GongkaiError>(
            py,
            "invalid_argument",
            format!("`{name}` must be a code or a list of codes, found `{found}`"),
            Where { path: Some(name), ..Default::default() },
        )
    };
    let iter = codes.try_iter().map_err(|_| bad())?;
    iter.map(|c| c.and_then(|c| c.extract::<String>().map_err(|_| bad()))).collect()
}

/// What the filter needs of a record's `x-gongkai` member, from a tree: the member alone (a
/// record without one costs a look at its top-level keys).
fn suppressions_of_tree(tree: &Node) -> Option<Value> {
    let Node::Map(members) = tree else { return None };
    let (_, member) = members.iter().find(|(k, _)| &**k == gongkai::check::codes::SUPPRESSION_MEMBER)?;
    let mut record = serde_json::Map::new();
    record.insert(gongkai::check::codes::SUPPRESSION_MEMBER.to_owned(), convert::tree_to_value(member));
    Some(Value::Object(record))
}

/// Drop what the filter leaves out of a record's result, as `gongkai check` does.
fn filter(filter: &Filter, input: &Input, diagnostics: &mut Vec<Diagnostic>) {
    match input {
        Input::Tree(tree) => filter.apply(suppressions_of_tree(tree).as_ref(), diagnostics),
        Input::Text(text) => match std::str::from_utf8(text.as_bytes()) {
            Ok(text) => filter.apply_text(text.strip_prefix('\u{feff}').unwrap_or(text), diagnostics),
            Err(_) => filter.apply(None, diagnostics),
        },
        // A row's empty cells are not members: an empty `x-gongkai` cell suppresses nothing.
        Input::Row(bytes) => {
            let member = gongkai::check::codes::SUPPRESSION_MEMBER.as_bytes();
            let record = (bytes.windows(member.len()).any(|w| w == member))
                .then(|| serde_json::from_slice::<Value>(bytes).ok())
                .flatten()
                .map(|mut v| {
                    if let Value::Object(m) = &mut v {
                        m.retain(|_, cell| !cell.is_null());
                    }
                    v
                });
            filter.apply(record.as_ref(), diagnostics);
        }
        Input::Unit(unit) => match &unit.payload {
            Payload::Text(text) => filter.apply_text(text, diagnostics),
            Payload::Value(record) => filter.apply(Some(record), diagnostics),
            _ => filter.apply(None, diagnostics),
        },
        Input::Unconvertible(_) | Input::Done => filter.apply(None, diagnostics),
    }
}

/// A record ready to check without the interpreter.
enum Input {
    /// A dict as a tree whose strings the chunk's arena keeps (see [`Node`]).
    Tree(Node),
    /// JSON text (from `str` or `bytes`, not yet known to be UTF-8), lent from the object the
    /// chunk's arena keeps.
    Text(convert::LentText),
    /// A DataFrame row as JSON text: top-level nulls are empty cells, not values.
    Row(Vec<u8>),
    /// A Python object with no JSON form.
    Unconvertible(ConvertError),
    /// A record read from a file (`check_many(path)`), with where it came from.
    Unit(Box<Unit>),
    /// Checked: what the record held is freed on the check thread that checked it (a batch's
    /// trees hold no reference to Python objects; the arena does).
    Done,
}

fn unconvertible(e: &ConvertError) -> Diagnostic {
    Diagnostic::new(
        &gongkai::check::codes::INPUT_INVALID_JSON,
        e.pointer.clone(),
        Text::new(format!("记录不能表示为 JSON：{}", e.message), format!("record has no JSON form: {}", e.message)),
    )
}

/// The embedded catalogue's checker, kept for the process (its caches fill on first use).
static EMBEDDED_CHECKER: LazyLock<Checker<'static>> = LazyLock::new(|| Checker::new(Catalogue::embedded()));

/// The checker of a catalogue: the embedded one's, or the loaded catalogue's own.
fn checker(cat: &CatalogueRef) -> &Checker<'_> {
    match cat {
        CatalogueRef::Embedded => &EMBEDDED_CHECKER,
        CatalogueRef::Loaded(l) => l.checker(),
    }
}

/// A chunk of inputs, with the UCS-4 text of its trees' long strings.
#[derive(Default)]
struct Chunk {
    inputs: Vec<Input>,
    arena: convert::Arena,
}

impl From<Vec<Input>> for Chunk {
    fn from(inputs: Vec<Input>) -> Self {
        Self { inputs, arena: convert::Arena::default() }
    }
}

fn run(checker: &Checker<'_>, input: &Input, prepared: &PreparedCheck) -> RecordResult {
    let opts = &prepared.options;
    let mut result = match input {
        Input::Tree(tree) => check_tree(checker, tree, opts),
        Input::Text(lent) => text(checker, lent.as_bytes(), opts),
        Input::Row(bytes) => row(checker, bytes, opts),
        Input::Unconvertible(e) => RecordResult::rejected(unconvertible(e)),
        Input::Unit(unit) => {
            let (id, diagnostics) = unit.check(checker, opts);
            RecordResult { source: Some(unit.source.clone()), id: id_string(id), diagnostics }
        }
        // Each input is checked once; this is never reached.
        Input::Done => RecordResult::checked(None, Vec::new()),
    };
    filter(&prepared.filter, input, &mut result.diagnostics);
    result
}

/// A tree is read by the one record reader, its strings borrowed (a tree's strings are UTF-8:
/// one with a lone surrogate was refused when the tree was made).
fn check_tree(checker: &Checker<'_>, tree: &Node, opts: &CheckOptions) -> RecordResult {
    if let Some(c) = checker.check_borrowed(tree, opts) {
        return RecordResult::checked(id_string(c.id), c.diagnostics);
    }
    let value = convert::tree_to_value(tree);
    RecordResult::checked(record_id(&value), checker.check_value(&value, opts))
}

/// JSON text straight to the checker (its fast path reads well-formed records without a tree).
fn text(checker: &Checker<'_>, bytes: &[u8], opts: &CheckOptions) -> RecordResult {
    match input::require_utf8(bytes) {
        Ok(t) => utf8_text(checker, t, opts),
        Err(d) => RecordResult::rejected(d),
    }
}

/// JSON text known to be UTF-8.
fn utf8_text(checker: &Checker<'_>, text: &str, opts: &CheckOptions) -> RecordResult {
    match checker.check_text(text, opts) {
        Ok(c) => RecordResult::checked(id_string(c.id), c.diagnostics),
        Err(e) => RecordResult::rejected(input::json_error_diagnostic(&e, text)),
    }
}

/// A DataFrame row: empty cells (top-level nulls) are dropped before checking.
fn row(checker: &Checker<'_>, bytes: &[u8], opts: &CheckOptions) -> RecordResult {
    // A row with no `null` anywhere has no empty cell: the text goes straight to the checker.
    if !bytes.windows(4).any(|w| w == b"null") {
        return text(checker, bytes, opts);
    }
    let text = match input::require_utf8(bytes) {
        Ok(t) => t,
        Err(d) => return RecordResult::rejected(d),
    };
    match input::parse_record(text) {
        Ok(mut v) => {
            if let Value::Object(m) = &mut v {
                m.retain(|_, cell| !cell.is_null());
            }
            RecordResult::checked(record_id(&v), checker.check_value(&v, opts))
        }
        Err(e) => RecordResult::rejected(input::json_error_diagnostic(&e, text)),
    }
}

/// A checked record's id, if it is a string: moved out, not copied.
fn id_string(id: Value) -> Option<String> {
    match id {
        Value::String(s) => Some(s),
        _ => None,
    }
}

fn record_id(v: &Value) -> Option<String> {
    v.get("id").and_then(Value::as_str).map(str::to_owned)
}

fn to_input(obj: &Bound<'_, PyAny>, arena: &mut convert::Arena) -> PyResult<Input> {
    match convert::as_batch_text(obj, arena) {
        Ok(Some(text)) => return Ok(Input::Text(text)),
        Ok(None) => {}
        // A `str` with no UTF-8 form (a lone surrogate) is this record's problem, reported in
        // its place; the rest of the batch is still checked.
        Err(e) => return Ok(Input::Unconvertible(e)),
    }
    Ok(match convert::to_batch_tree(obj, arena) {
        Ok(tree) => Input::Tree(tree),
        Err(e) => Input::Unconvertible(e),
    })
}

/// check(record, *, lang="zh", today=None, catalogue=None, screening=True, strict_calendar=False, strict_members=False, select=None, ignore=None) -> Report
///
/// `strict_calendar=True` refuses provisional years (no State Council notice loaded): a time limit
/// in such a year is not checked. By default it is checked on the 放假办法 and `calendar_provisional` says so.
/// `strict_members=True` reports members the record format does not define as errors, not
/// warnings. `select` / `ignore` (a code or a list: codes, prefixes such as `screening`, areas
/// such as `check`, or `ALL`) choose what is reported, as `gongkai check --select/--ignore` do;
/// a record's own `x-gongkai` suppressions apply as in the CLI.
///
/// Check one record: a dict, or JSON text (`str` / UTF-8 `bytes`). JSON that cannot be parsed
/// and objects with no JSON form raise `RecordError` (with `line`, `column` or `path`).
#[pyfunction]
#[pyo3(signature = (record, *, lang="zh", today=None, catalogue=None, screening=true, strict_calendar=false, strict_members=false, select=None, ignore=None))]
#[allow(clippy::too_many_arguments)]
pub fn check(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
    screening: bool,
    strict_calendar: bool,
    strict_members: bool,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let prepared = options(py, lang, today, screening, strict_calendar, strict_members, select, ignore)?;
    let (opts, lang) = (&prepared.options, prepared.lang);
    let cat_ref = PyCatalogue::resolve_arg(catalogue);
    let checker = checker(&cat_ref);
    // Input that is not a record (text that is not JSON, bytes that are not UTF-8, an object with
    // no JSON form) is the record's diagnostic, as in `check_many` and the CLI, not an exception.
    // A `str` with a lone surrogate has no UTF-8: the same diagnostic `check_many` gives it.
    // Refused before its rules ran: the selection applies, there is nothing to suppress.
    let rejected = |d: Diagnostic| {
        let mut result = RecordResult::rejected(d);
        prepared.filter.apply(None, &mut result.diagnostics);
        result
    };
    let Ok(text) = convert::as_text(record) else {
        return Ok(PyReport { result: rejected(unconvertible(&ConvertError::not_unicode())), lang });
    };
    let result = match text {
        Some(bytes) => match parse_text(&bytes) {
            Ok(value) => RecordResult::checked(record_id(&value), facade::check_value_with(checker, &value, &prepared)),
            Err(d) => rejected(*d),
        },
        None => match convert::to_tree(record) {
            Ok(tree) => {
                let mut result = check_tree(checker, &tree, opts);
                prepared.filter.apply(suppressions_of_tree(&tree).as_ref(), &mut result.diagnostics);
                result
            }
            Err(e) => rejected(unconvertible(&e)),
        },
    };
    Ok(PyReport { result, lang })
}

/// One record as JSON: a dict (converted) or JSON text (parsed). Text that is not JSON and
/// objects with no JSON form raise `RecordError` (with `line`, `column` or `path`).
pub fn record_value(py: Python<'_>, record: &Bound<'_, PyAny>, lang: Lang) -> PyResult<Value> {
    match convert::as_text(record)? {
        Some(bytes) => text_value(py, &bytes, lang),
        None => record_tree(py, record).map(|tree| convert::tree_to_value(&tree)),
    }
}

/// JSON text parsed, or the diagnostic `check_many` gives it (not UTF-8, not JSON, too deep).
fn parse_text(bytes: &[u8]) -> Result<Value, Box<Diagnostic>> {
    let text = input::require_utf8(bytes).map_err(Box::new)?;
    input::parse_record(text).map_err(|e| Box::new(input::json_error_diagnostic(&e, text)))
}

/// JSON text parsed once (the id and the diagnostics come from the same value); text that is not
/// UTF-8 or not JSON raises `RecordError`.
fn text_value(py: Python<'_>, bytes: &[u8], lang: Lang) -> PyResult<Value> {
    let text = input::require_utf8(bytes).map_err(|d| diagnostic_error(py, &d, lang))?;
    // Raised with the code `check_many` and the CLI give the same text (`input_invalid_json`,
    // `input_empty`, `input_too_deep`), and where it is.
    input::parse_record(text).map_err(|e| {
        let d = input::json_error_diagnostic(&e, text);
        let (line, column) = if e.line() > 0 { (Some(e.line() as u32), Some(e.column() as u32)) } else { (None, None) };
        raise::<RecordError>(py, d.code, d.message.get(lang).to_owned(), Where { line, column, ..Default::default() })
    })
}

/// A Python structure as a tree; an object with no JSON form raises `RecordError` with its path.
fn record_tree(py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<Node> {
    convert::to_tree(record).map_err(|e| {
        let message = format!("record has no JSON form: {} at `{}`", e.message, e.pointer);
        raise::<RecordError>(py, "input_invalid_json", message, Where { path: Some(&e.pointer), ..Default::default() })
    })
}

fn diagnostic_error(py: Python<'_>, d: &Diagnostic, lang: Lang) -> PyErr {
    raise::<RecordError>(
        py,
        d.code,
        d.message.get(lang).to_owned(),
        Where { path: Some(&d.path), ..Default::default() },
    )
}

/// The `threads` argument: at least 1, and at most the machine's cores (more threads than
/// cores only add memory and switching; `threads=10**6` must not start a million), as the
/// docs say. Any int is accepted; anything else, or less than 1, is a `GongkaiError`.
fn threads_arg(py: Python<'_>, threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(t) = threads.filter(|t| !t.is_none()) else { return Ok(None) };
    let bad = |message: String| {
        raise::<GongkaiError>(py, "invalid_argument", message, Where { path: Some("threads"), ..Default::default() })
    };
    if t.is_instance_of::<pyo3::types::PyBool>() || !t.is_instance_of::<pyo3::types::PyInt>() {
        let name = t.get_type().name().map(|n| n.to_string()).unwrap_or_default();
        return Err(bad(format!("`threads` must be a whole number of threads, found `{name}`")));
    }
    if t.lt(1)? {
        return Err(bad(format!("`threads` must be at least 1, found `{t}`")));
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    // An int too large for usize is more than the machine has, too.
    Ok(Some(t.extract::<usize>().map_or(cores, |n| n.min(cores))))
}

fn pool(threads: Option<usize>) -> PyResult<Option<rayon::ThreadPool>> {
    match threads {
        None => Ok(None),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}"))),
    }
}

/// Run the batch: pull chunks of inputs with the GIL, check each chunk on the pool without it.
fn run_batch(
    py: Python<'_>,
    cat_ref: CatalogueRef,
    opts: PreparedCheck,
    threads: Option<usize>,
    progress: Option<&Bound<'_, PyAny>>,
    mut next_chunk: impl FnMut(convert::Arena, usize) -> PyResult<Chunk>,
) -> PyResult<Results> {
    let pool = pool(threads)?;
    let checker = checker(&cat_ref);
    // The chunk comes back with its results: its arena (which its trees and texts point into)
    // holds references to the interpreter's strings, released on the interpreter's thread
    // with the GIL held.
    let check_chunk = |mut chunk: Chunk| -> (Vec<Block>, Chunk) {
        let inputs = &mut chunk.inputs;
        let opts = &opts;
        let check_block = move |inputs: &mut [Input]| {
            let mut block = Block::new(inputs.len());
            for input in inputs {
                block.push(run(checker, input, opts));
                *input = Input::Done;
            }
            block.finish();
            block
        };
        // One task a block: rayon would otherwise stop splitting at a few blocks a task, and at
        // a chunk's end one thread could be left checking several blocks while the others wait.
        let mut work =
            move || inputs.par_chunks_mut(packed::BLOCK).with_max_len(1).map(check_block).collect::<Vec<_>>();
        let results = match &pool {
            Some(p) => p.install(work),
            None => work(),
        };
        (results, chunk)
    };
    let mut results = Results::default();
    // Two arenas take turns: one filled here while the other's chunk is checked.
    let mut spare = convert::Arena::default();
    std::thread::scope(|scope| -> PyResult<()> {
        let check_chunk = &check_chunk;
        let mut pending: Option<std::thread::ScopedJoinHandle<'_, (Vec<Block>, Chunk)>> = None;
        for index in 0.. {
            // Ctrl-C (KeyboardInterrupt) between chunks, a few milliseconds of work apart: the
            // chunk being checked is finished (the scope waits for it), nothing more is read.
            py.check_signals()?;
            let chunk = next_chunk(std::mem::take(&mut spare), chunk_size(index));
            let done = pending.take().map(|handle| py.detach(|| handle.join()));
            // The next chunk is checked while this thread tidies up after the last one.
            let last = match chunk {
                Ok(chunk) if !chunk.inputs.is_empty() => {
                    pending = Some(scope.spawn(move || check_chunk(chunk)));
                    None
                }
                Ok(_) => Some(Ok(())),
                Err(e) => Some(Err(e)),
            };
            if let Some(done) = done {
                let (done, Chunk { inputs, mut arena }) =
                    done.map_err(|_| PyValueError::new_err("a check failed unexpectedly (internal panic)"))?;
                drop(inputs);
                arena.clear();
                spare = arena;
                let n = done.iter().map(Block::len).sum::<usize>();
                done.into_iter().for_each(|block| results.push(block));
                if let Some(cb) = progress {
                    cb.call1((n,))?;
                }
            }
            if let Some(end) = last {
                return end;
            }
        }
        Ok(())
    })?;
    Ok(results)
}

/// _check_batch(records, threads, progress, lang, today, catalogue, screening) -> Reports
///
/// The engine of `check_many` for Python iterables of dicts, JSON strings or bytes.
#[pyfunction]
#[pyo3(signature = (records, threads=None, progress=None, lang="zh", today=None, catalogue=None, screening=true, strict_calendar=false, strict_members=false, select=None, ignore=None))]
#[allow(clippy::too_many_arguments)]
pub fn _check_batch(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
    screening: bool,
    strict_calendar: bool,
    strict_members: bool,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReports> {
    let opts = options(py, lang, today, screening, strict_calendar, strict_members, select, ignore)?;
    let lang = opts.lang;
    let threads = threads_arg(py, threads)?;
    let mut iter = records.try_iter().map_err(|_| {
        let name = records.get_type().name().map(|n| n.to_string()).unwrap_or_default();
        pyo3::exceptions::PyTypeError::new_err(format!("expected an iterable of records, found `{name}`"))
    })?;
    let next_chunk = |mut arena: convert::Arena, size: usize| -> PyResult<Chunk> {
        let mut inputs = Vec::with_capacity(size);
        for obj in iter.by_ref().take(size) {
            inputs.push(to_input(&obj?, &mut arena)?);
        }
        Ok(Chunk { inputs, arena })
    };
    let results = run_batch(py, PyCatalogue::resolve_arg(catalogue), opts, threads, progress, next_chunk)?;
    Ok(PyReports { results, lang, lines: None })
}

/// _check_ndjson(slices, threads, progress, lang, today, catalogue, screening) -> Reports
///
/// The engine of `check_many` for DataFrames: JSON lines (`bytes`, one object per line) written
/// by pandas, polars or pyarrow, either one `bytes` or an iterable of them (slices of rows, each
/// written while the previous one is checked). Null cells are left out of the record (an empty
/// cell is a missing field).
#[pyfunction]
#[pyo3(signature = (slices, threads=None, progress=None, lang="zh", today=None, catalogue=None, screening=true, strict_calendar=false, strict_members=false, select=None, ignore=None))]
#[allow(clippy::too_many_arguments)]
pub fn _check_ndjson(
    py: Python<'_>,
    slices: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
    screening: bool,
    strict_calendar: bool,
    strict_members: bool,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReports> {
    let opts = options(py, lang, today, screening, strict_calendar, strict_members, select, ignore)?;
    let lang = opts.lang;
    let threads = threads_arg(py, threads)?;
    let rows = |bytes: &[u8]| -> Vec<Input> {
        bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .map(|l| Input::Row(l.to_vec()))
            .collect()
    };
    let cat_ref = PyCatalogue::resolve_arg(catalogue);
    let results = if let Ok(one) = slices.cast::<PyBytes>() {
        let mut pending = Some(rows(one.as_bytes()));
        run_batch(py, cat_ref, opts, threads, progress, |_, _| Ok(pending.take().unwrap_or_default().into()))?
    } else {
        let mut iter = slices.try_iter().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err("expected JSON lines as `bytes` or an iterable of `bytes`")
        })?;
        // An empty slice is skipped, not taken for the end of the batch.
        let next_chunk = |_, _| -> PyResult<Chunk> {
            for slice in iter.by_ref() {
                let slice = slice?;
                let bytes = slice.cast::<PyBytes>().map_err(|_| {
                    pyo3::exceptions::PyTypeError::new_err("expected each slice of JSON lines as `bytes`")
                })?;
                let chunk = rows(bytes.as_bytes());
                if !chunk.is_empty() {
                    return Ok(chunk.into());
                }
            }
            Ok(Chunk::default())
        };
        run_batch(py, cat_ref, opts, threads, progress, next_chunk)?
    };
    Ok(PyReports { results, lang, lines: None })
}

/// _check_paths(paths, threads, progress, lang, today, catalogue, screening) -> Reports
///
/// The engine of `check_many(path)`: `.jsonl` files (a record a line), `.json` files (a record or
/// an array), folders (recursively, `.json` and `.jsonl` files in name order), read as the CLI's
/// `gongkai check PATH...` reads them, with the GIL released while reading and checking. A path
/// that does not exist raises `FileNotFoundError` before anything is checked; a file that cannot
/// be read, a line that is not UTF-8 or not JSON becomes that record's diagnostic.
#[pyfunction]
#[pyo3(signature = (paths, threads=None, progress=None, lang="zh", today=None, catalogue=None, screening=true, strict_calendar=false, strict_members=false, select=None, ignore=None))]
#[allow(clippy::too_many_arguments)]
pub fn _check_paths(
    py: Python<'_>,
    paths: Vec<std::path::PathBuf>,
    threads: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
    screening: bool,
    strict_calendar: bool,
    strict_members: bool,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReports> {
    let opts = options(py, lang, today, screening, strict_calendar, strict_members, select, ignore)?;
    let lang = opts.lang;
    let threads = threads_arg(py, threads)?;
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let expanded = sources::expand_paths(&names);
    // A folder with no record file is an error, as for `gongkai check`, not an empty batch that passes.
    if let Some(message) = expanded.nothing_to_read(&names) {
        return Err(raise::<GongkaiError>(py, "input_empty", message, Where::default()));
    }
    let sources::Expanded { sources: found, missing, .. } = expanded;
    if let Some((name, e)) = missing.into_iter().next() {
        let err = PyErr::from(std::io::Error::new(e.kind(), format!("cannot read `{name}`: {e}")));
        return Err(err);
    }
    let mut units = sources::read_all(found);
    // Read the next chunk of records from the files, without the GIL.
    let results = {
        let units = &mut units;
        // A chunk ends at `size` records or at PATH_CHUNK_BYTES of record text, whichever is
        // first: a file of multi-MB records must not put thousands of them in memory at once.
        let mut held_a_large_record = false;
        let mut read_chunk = move |size: usize| -> Vec<Input> {
            if std::mem::take(&mut held_a_large_record) {
                crate::purge::hand_back_freed_memory();
            }
            let mut chunk = Vec::with_capacity(size.min(1024));
            let mut bytes = 0;
            while chunk.len() < size && bytes < PATH_CHUNK_BYTES {
                let Some(unit) = units.next() else { break };
                let len = unit.text_bytes();
                held_a_large_record |= len >= LARGE_RECORD_BYTES;
                bytes += len;
                chunk.push(Input::Unit(Box::new(unit)));
            }
            chunk
        };
        run_batch(py, PyCatalogue::resolve_arg(catalogue), opts, threads, progress, |_, size| {
            Ok(py.detach(|| read_chunk(size)).into())
        })?
    };
    Ok(PyReports { results, lang, lines: Some(units.line_counts()) })
}
