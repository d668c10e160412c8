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

use gongkai::Catalogue;
use gongkai::facade::{self, CallError};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use convert::{arg_json, arg_options, throw, to_js};

thread_local! {
    /// The catalogue with any overlays loaded at run time; `None` means the embedded one.
    /// Held as an `Rc` so no `RefCell` borrow outlives a call, even one cut short.
    static LOADED: RefCell<Option<Rc<Catalogue>>> = const { RefCell::new(None) };
}

fn with_catalogue<R>(f: impl FnOnce(&Catalogue) -> R) -> R {
    let loaded = LOADED.with(|c| c.borrow().clone());
    match loaded {
        Some(cat) => f(&cat),
        None => f(Catalogue::embedded()),
    }
}

type JsResult = Result<JsValue, JsValue>;

fn answer(result: Result<Value, CallError>) -> JsResult {
    result.map(|v| to_js(&v)).map_err(|e| throw(&e))
}

/// Runs when the module is instantiated: a panic (a bug, never expected on input paths) is
/// thrown as an `Error` with `code: "internal_panic"` instead of only trapping.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("gongkai internal error (please report): {info}");
        let e = CallError { code: "internal_panic".to_owned(), ..CallError::argument("", message) };
        wasm_bindgen::throw_val(throw(&e));
    }));
}

/// The institution registry: kinds with their tiers, roles and sectors.
#[wasm_bindgen(unchecked_return_type = "Institutions")]
pub fn institutions() -> JsValue {
    with_catalogue(|cat| to_js(&facade::institutions(cat)))
}

/// Items, filtered by institution (`kind`, `tier`, `role`, `sector`, each optional).
#[wasm_bindgen(unchecked_return_type = "Item[]")]
pub fn items(#[wasm_bindgen(unchecked_param_type = "ItemFilter")] filter: JsValue) -> JsResult {
    let filter = arg_options(&filter, "filter")?;
    answer(with_catalogue(|cat| facade::items(cat, &filter)))
}

/// One item by id.
#[wasm_bindgen(unchecked_return_type = "Item")]
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

/// Add an overlay (a local catalogue, YAML text) to the catalogue used by every later call.
/// A rejected overlay changes nothing; the thrown error lists every finding in `errors`.
#[wasm_bindgen(js_name = "loadOverlay")]
pub fn load_overlay(
    yaml: &str,
    #[wasm_bindgen(js_name = "fileName")] file_name: Option<String>,
) -> Result<(), JsValue> {
    let file = file_name.unwrap_or_else(|| "overlay.yaml".to_owned());
    let next = with_catalogue(|cat| facade::load_overlay(cat, &file, yaml)).map_err(|e| throw(&e))?;
    LOADED.with(|c| *c.borrow_mut() = Some(Rc::new(next)));
    Ok(())
}

/// Drop every overlay loaded with `loadOverlay`, back to the embedded catalogues.
#[wasm_bindgen(js_name = "resetOverlays")]
pub fn reset_overlays() {
    LOADED.with(|c| *c.borrow_mut() = None);
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
