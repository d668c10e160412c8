//! WebAssembly binding of gongkai: thin wrappers over `gongkai::facade` (JSON in, JSON out).
//!
//! Values cross the boundary as JSON text: the caller's object is `JSON.stringify`-ed and parsed
//! by serde_json, and answers go back through `JSON.parse`. That is one copy each way, keeps
//! plain objects (not `Map`s) on the JS side, and gives malformed input the same line/column
//! errors as the CLI. Errors are thrown as JS `Error` objects with `code`, `path` (a JSON
//! pointer), and where known `file`, `line`, `column` and `errors`.

mod convert;
mod types;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use gongkai::Catalogue;
use gongkai::calendar::Calendar;
use gongkai::check::Checker;
use gongkai::facade::{self, CallError};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use convert::{arg_json, arg_options, throw, to_js};

thread_local! {
    /// A checker of the catalogue with any overlays loaded at run time (it owns the catalogue
    /// and caches what it resolves across calls); `None` means the embedded catalogue.
    /// Held as an `Rc` so no `RefCell` borrow outlives a call, even one cut short.
    static LOADED: RefCell<Option<Rc<Checker<'static>>>> = const { RefCell::new(None) };
    /// The calendar with year or closure files loaded at run time; `None` means the embedded one.
    static CALENDAR: RefCell<Option<Rc<Calendar>>> = const { RefCell::new(None) };
}

fn with_calendar<R>(f: impl FnOnce(&Calendar) -> R) -> R {
    let loaded = CALENDAR.with(|c| c.borrow().clone());
    match loaded {
        Some(cal) => f(&cal),
        None => f(Calendar::embedded()),
    }
}

fn with_checker<R>(f: impl FnOnce(&Checker<'_>) -> R) -> R {
    let loaded = LOADED.with(|c| c.borrow().clone());
    match loaded {
        Some(checker) => f(&checker),
        None => f(Checker::embedded()),
    }
}

fn with_catalogue<R>(f: impl FnOnce(&Catalogue) -> R) -> R {
    with_checker(|checker| f(checker.catalogue()))
}

type JsResult = Result<JsValue, JsValue>;

fn answer(result: Result<Value, CallError>) -> JsResult {
    result.map(|v| to_js(&v)).map_err(|e| throw(&e))
}

/// An answer given as JSON text, parsed into plain JS values.
fn answer_text(result: Result<String, CallError>) -> JsResult {
    result.map(|text| js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)).map_err(|e| throw(&e))
}

/// Runs when the module is instantiated: a panic (a bug, never expected on input paths) is
/// thrown as an `Error` with `code: "internal_panic"` instead of only trapping.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("gongkai internal error (please report): {info}");
        let e = CallError::new("internal_panic", message).at("");
        wasm_bindgen::throw_val(throw(&e));
    }));
}

/// The institution registry: kinds with their tiers, roles and sectors.
#[wasm_bindgen(unchecked_return_type = "Institutions")]
pub fn institutions() -> JsValue {
    with_catalogue(|cat| to_js(&facade::institutions(cat)))
}

/// The 26 grassroots domains and the disclosure levels, each domain with its template and row counts.
#[wasm_bindgen(unchecked_return_type = "Domains")]
pub fn domains() -> JsValue {
    with_catalogue(|cat| to_js(&facade::domains(cat)))
}

/// Items, filtered by institution (`kind`, `tier`, `role`, `sector`, each optional) and narrowed
/// to a grassroots `domain` and/or `level`.
#[wasm_bindgen(unchecked_return_type = "ItemAnswer[]")]
pub fn items(#[wasm_bindgen(unchecked_param_type = "ItemFilter")] filter: Option<JsValue>) -> JsResult {
    let filter = arg_options(&filter.unwrap_or(JsValue::UNDEFINED), "filter")?;
    answer(with_catalogue(|cat| facade::items(cat, &filter)))
}

/// One item by id.
#[wasm_bindgen(unchecked_return_type = "ItemAnswer")]
pub fn item(id: &str) -> JsResult {
    answer(with_catalogue(|cat| facade::item(cat, id)))
}

/// The JSON Schema (draft 2020-12) of an item's `fields`.
#[wasm_bindgen(js_name = "itemSchema", unchecked_return_type = "JsonSchema")]
pub fn item_schema(id: &str) -> JsResult {
    answer(with_catalogue(|cat| facade::item_schema(cat, id)))
}

/// Every exemption ground.
#[wasm_bindgen(unchecked_return_type = "Ground[]")]
pub fn grounds() -> JsValue {
    with_catalogue(|cat| to_js(&facade::grounds(cat)))
}

/// Every diagnostic code gongkai can report.
#[wasm_bindgen(unchecked_return_type = "CodeInfo[]")]
pub fn codes() -> JsValue {
    to_js(&facade::codes())
}

/// Add an overlay (a local catalogue: an object, or its JSON text) to the catalogue used by
/// every later call. The browser build has no YAML reader (it would triple the module's size):
/// convert a YAML overlay first, e.g. with the `yaml` npm package (`YAML.parse(text)`).
/// A rejected overlay changes nothing; the thrown error lists every finding in `errors`.
#[wasm_bindgen(js_name = "loadOverlay")]
pub fn load_overlay(
    #[wasm_bindgen(unchecked_param_type = "object | string")] overlay: JsValue,
    #[wasm_bindgen(js_name = "fileName")] file_name: Option<String>,
) -> Result<(), JsValue> {
    let file = file_name.unwrap_or_else(|| "overlay.json".to_owned());
    let text = match overlay.as_string() {
        Some(text) => text,
        None => {
            if !overlay.is_object() || overlay.is_array() {
                let got = if overlay.is_array() {
                    "array".to_owned()
                } else {
                    overlay.js_typeof().as_string().unwrap_or_default()
                };
                return Err(throw(&CallError::argument(
                    "",
                    format!("`overlay` must be an object or JSON text, not {got}"),
                )));
            }
            convert::stringify(&overlay, "overlay")?
        }
    };
    let next = with_catalogue(|cat| facade::load_overlay(cat, &file, &text)).map_err(|e| throw(&e))?;
    LOADED.with(|c| *c.borrow_mut() = Some(Rc::new(Checker::shared(Arc::new(next)))));
    Ok(())
}

/// Drop every overlay loaded with `loadOverlay`, back to the embedded catalogues.
#[wasm_bindgen(js_name = "resetOverlays")]
pub fn reset_overlays() {
    LOADED.with(|c| *c.borrow_mut() = None);
}

/// Check one record: an object, JSON text, or the bytes of a file (`Uint8Array`). Options (the
/// facade's `CheckRequestOptions`, as `gongkai check` and Python's `check` take them): `today`
/// (`YYYY-MM-DD`, to time unpublished records and read request clocks), `lang` (`zh` or `en`),
/// `skip_screening`, `strict_calendar` (refuse provisional years), `strict_members` (undefined
/// members are errors), `select`/`ignore` (codes, prefixes, areas or `ALL`). A record's own
/// `x-gongkai` suppressions apply as in the CLI.
#[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "object | string | Uint8Array")] record: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions")] options: Option<JsValue>,
) -> JsResult {
    let options = arg_options(&options.unwrap_or(JsValue::UNDEFINED), "options")?;
    if let Some(text) = record.as_string() {
        return answer_text(with_checker(|checker| facade::check_text_to_json(checker, &text, &options)));
    }
    if let Some(bytes) = record.dyn_ref::<js_sys::Uint8Array>() {
        let bytes = bytes.to_vec();
        return answer(with_checker(|checker| facade::check_bytes(checker, &bytes, &options)));
    }
    // An object goes as its JSON text: the check reads well-formed records straight from text.
    if record.is_undefined() {
        return Err(throw(&CallError::argument("", "`record` is missing".to_owned())));
    }
    let text = convert::stringify(&record, "record")?;
    answer_text(with_checker(|checker| facade::check_text_to_json(checker, &text, &options)))
}

/// A site check (政府网站与政务新媒体检查, 国办秘函〔2019〕19号) of a snapshot (an object or JSON
/// text): `{verdict, score, findings, rectifications, indicators, interaction, …}` as
/// `gongkai site check --format json` prints it. Options: `as_of`, `lang`, `overlays` (site
/// overlays as objects or JSON texts). The calendar is the one `loadCalendar` extends.
#[wasm_bindgen(js_name = "siteCheck", unchecked_return_type = "SiteCheck")]
pub fn site_check(
    #[wasm_bindgen(unchecked_param_type = "object | string")] snapshot: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SiteCheckOptions")] options: Option<JsValue>,
) -> JsResult {
    let options = arg_options(&options.unwrap_or(JsValue::UNDEFINED), "options")?;
    if snapshot.is_undefined() {
        return Err(throw(&CallError::argument("", "`snapshot` is missing".to_owned())));
    }
    let text = match snapshot.as_string() {
        Some(text) => text,
        None => convert::stringify(&snapshot, "snapshot")?,
    };
    answer(with_calendar(|cal| facade::site_check(cal, &text, &options)))
}

/// 条例第四十四条: information one organ granted to several applicants, from request records
/// (objects with `requested` and `applicant`): `{candidates, diagnostics}`.
#[wasm_bindgen(js_name = "proactiveCandidates", unchecked_return_type = "ProactiveCandidates")]
pub fn proactive_candidates(
    #[wasm_bindgen(unchecked_param_type = "object[] | string")] records: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CandidatesOptions")] options: Option<JsValue>,
) -> JsResult {
    let options = arg_options(&options.unwrap_or(JsValue::UNDEFINED), "options")?;
    let records = arg_json(&records, "records")?;
    answer(facade::proactive_candidates(&records, &options))
}

/// Whether a date (`YYYY-MM-DD`) is a working day (statutory holidays and make-up days applied).
#[wasm_bindgen(js_name = "isWorkingDay")]
pub fn is_working_day(date: &str) -> Result<bool, JsValue> {
    with_calendar(|cal| facade::is_working_day(cal, date)).map_err(|e| throw(&e))
}

/// What kind of day a date is, with the holiday's name.
#[wasm_bindgen(js_name = "dayKind", unchecked_return_type = "DayAnswer")]
pub fn day_kind(date: &str) -> JsResult {
    answer(with_calendar(|cal| facade::day_kind(cal, date)))
}

/// The date `n` working days after `date` (the start day not counted).
#[wasm_bindgen(js_name = "addWorkingDays")]
pub fn add_working_days(date: &str, n: u32) -> Result<String, JsValue> {
    with_calendar(|cal| facade::add_working_days(cal, date, n)).map_err(|e| throw(&e))
}

/// Working days in `(from, to]`.
#[wasm_bindgen(js_name = "workingDaysBetween")]
pub fn working_days_between(from: &str, to: &str) -> Result<i32, JsValue> {
    let n = with_calendar(|cal| facade::working_days_between(cal, from, to)).map_err(|e| throw(&e))?;
    Ok(i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX }))
}

/// A deadline with its working: `{start, rule}` (a rule of catalogues/deadlines.yaml) or
/// `{start, working_days}`.
#[wasm_bindgen(unchecked_return_type = "DeadlineAnswer")]
pub fn deadline(#[wasm_bindgen(unchecked_param_type = "DeadlineQuery")] query: JsValue) -> JsResult {
    let query = arg_json(&query, "query")?;
    answer(with_calendar(|cal| facade::deadline(cal, &query)))
}

/// A request's timeline (依申请公开) with its working, and the request checks:
/// `{timeline, provisional, diagnostics}` as `gongkai deadline request` prints them; with
/// `options.today` the timeline's `clock` gives working days elapsed and left. Overlays loaded with
/// `loadOverlay` choose local readings; the calendar is the one `loadCalendar` extends.
#[wasm_bindgen(js_name = "requestTimeline", unchecked_return_type = "RequestTimeline")]
pub fn request_timeline(
    #[wasm_bindgen(unchecked_param_type = "object | string")] record: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RequestOptions")] options: Option<JsValue>,
) -> JsResult {
    let options = arg_options(&options.unwrap_or(JsValue::UNDEFINED), "options")?;
    let record = arg_json(&record, "record")?;
    answer(with_catalogue(|cat| with_calendar(|cal| facade::request_timeline(cat, cal, &record, &options))))
}

/// Add a calendar file for later calls: a year file (a State Council notice not yet embedded)
/// or an institution's closures (`{closures: [...]}`), as an object or JSON text.
#[wasm_bindgen(js_name = "loadCalendar")]
pub fn load_calendar(
    #[wasm_bindgen(unchecked_param_type = "object | string")] file: JsValue,
    #[wasm_bindgen(js_name = "fileName")] file_name: Option<String>,
) -> Result<(), JsValue> {
    let name = file_name.unwrap_or_else(|| "calendar.json".to_owned());
    let data = arg_json(&file, "file")?;
    let next = with_calendar(|cal| facade::load_calendar(cal, &name, &data)).map_err(|e| throw(&e))?;
    CALENDAR.with(|c| *c.borrow_mut() = Some(Rc::new(next)));
    Ok(())
}

/// Drop every file loaded with `loadCalendar`, back to the embedded calendar.
#[wasm_bindgen(js_name = "resetCalendar")]
pub fn reset_calendar() {
    CALENDAR.with(|c| *c.borrow_mut() = None);
}

/// 信息处理费 (国办函〔2020〕109号) for the `n`-th cumulative piece total of one applicant in a
/// natural month, with the bands charged and their basis.
#[wasm_bindgen(js_name = "feeByPieces", unchecked_return_type = "Fee")]
pub fn fee_by_pieces(n: f64) -> JsResult {
    Ok(to_js(&facade::fee_by_pieces(count(n, "n")?)))
}

/// 信息处理费 for a request of `n` pages, with the bands charged and their basis.
#[wasm_bindgen(js_name = "feeByPages", unchecked_return_type = "Fee")]
pub fn fee_by_pages(n: f64) -> JsResult {
    Ok(to_js(&facade::fee_by_pages(count(n, "n")?)))
}

/// The fee (yuan) for `more` pieces from an applicant who has already had `earlier` this month.
#[wasm_bindgen(js_name = "feeForMorePieces")]
pub fn fee_for_more_pieces(earlier: f64, more: f64) -> Result<f64, JsValue> {
    Ok(facade::fee_for_more_pieces(count(earlier, "earlier")?, count(more, "more")?) as f64)
}

/// A count from JS: a whole number from 0 to 2^53 − 1 (what a JS number holds exactly).
fn count(n: f64, name: &str) -> Result<u64, JsValue> {
    if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 {
        Ok(n as u64)
    } else {
        Err(throw(&CallError::argument(&format!("/{name}"), format!("`{name}` must be a whole number ≥ 0, not {n}"))))
    }
}

/// Personal data and classification markings in a text; `utf16_start`/`utf16_end` slice JS strings.
#[wasm_bindgen(unchecked_return_type = "Finding[]")]
pub fn scan(text: &str, #[wasm_bindgen(unchecked_param_type = "ScanOptions")] options: Option<JsValue>) -> JsResult {
    let options = arg_options(&options.unwrap_or(JsValue::UNDEFINED), "options")?;
    answer(facade::scan(text, &options))
}

/// The text with personal data masked (`mask`, default), labelled (`label`) or removed (`remove`).
#[wasm_bindgen(unchecked_return_type = "Redaction")]
pub fn redact(text: &str, #[wasm_bindgen(unchecked_param_type = "RedactMode")] mode: Option<String>) -> JsResult {
    answer(facade::redact(text, mode.as_deref()))
}

#[cfg(feature = "files")]
fn file_call_error(e: &gongkai::files::FileError) -> JsValue {
    let part = match e {
        gongkai::files::FileError::Corrupt { part, .. } | gongkai::files::FileError::Limit { part, .. } => {
            Some(part.clone())
        }
        _ => None,
    };
    throw(&CallError::new(e.code(), e.to_string()).at("").in_file(part))
}

#[cfg(feature = "files")]
fn file_kind(kind: Option<&str>, name: Option<&str>, bytes: &[u8]) -> Result<gongkai::files::FileKind, JsValue> {
    use gongkai::files::{FileKind, resolve_kind};
    let forced = match kind {
        None => None,
        Some(k) => Some(FileKind::parse(k).ok_or_else(|| {
            throw(&CallError::argument(
                "",
                format!("unknown file kind `{k}`: expected xlsx, docx, html, csv or text (xls, ods and pdf are read outside the browser)"),
            ))
        })?),
    };
    Ok(resolve_kind(forced, name, bytes).unwrap_or(FileKind::Text))
}

#[cfg(feature = "files")]
/// Screen a file before upload (`new Uint8Array(await file.arrayBuffer())`, `file.name`):
/// .xlsx, .docx, .html, .csv and text in UTF-8, UTF-16 or GB18030, with the findings located
/// (`原始数据!C2`) as the command line gives them. A PDF, .xls or .ods is answered with a
/// `screening_not_screened` notice: their readers are left out of the browser build.
#[wasm_bindgen(js_name = "scanFile", unchecked_return_type = "FileScan")]
pub fn scan_file(bytes: &[u8], name: Option<String>, kind: Option<String>) -> JsResult {
    use gongkai::files::{Limits, scan_file};
    let kind = file_kind(kind.as_deref(), name.as_deref(), bytes)?;
    let scan = scan_file(bytes, kind, &gongkai::screening::ScanOptions::default(), &Limits::default())
        .map_err(|e| file_call_error(&e))?;
    Ok(to_js(&serde_json::to_value(&scan).unwrap_or(Value::Null)))
}

#[cfg(feature = "files")]
/// A redacted copy of a file (`bytes`, a `Uint8Array`, or null when the kind is reported
/// only) and the report (`masked`, `remaining`, `notices`).
#[wasm_bindgen(js_name = "redactFile", unchecked_return_type = "FileRedaction")]
pub fn redact_file(bytes: &[u8], name: Option<String>, kind: Option<String>) -> JsResult {
    use gongkai::files::{RedactOptions, redact_file};
    let kind = file_kind(kind.as_deref(), name.as_deref(), bytes)?;
    let out = redact_file(bytes, kind, &RedactOptions::default()).map_err(|e| file_call_error(&e))?;
    let report = to_js(&serde_json::to_value(&out).unwrap_or(Value::Null));
    let copy = match &out.bytes {
        Some(b) => js_sys::Uint8Array::from(b.as_slice()).into(),
        None => JsValue::NULL,
    };
    js_sys::Reflect::set(&report, &JsValue::from_str("bytes"), &copy)?;
    Ok(report)
}

/// Parse and re-serialise a JSON value: used by the tests to show that malformed input throws
/// with line and column and leaves the module usable.
#[wasm_bindgen(js_name = "__roundTripForTests", skip_typescript)]
pub fn round_trip_for_tests(value: JsValue) -> JsResult {
    Ok(to_js(&arg_json(&value, "value")?))
}

/// Panics on purpose: the tests check that the panic hook throws an `Error` and that the
/// module keeps answering afterwards.
#[wasm_bindgen(js_name = "__panicForTests", skip_typescript)]
pub fn panic_for_tests() {
    panic!("deliberate panic for the tests");
}
