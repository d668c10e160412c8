//! Crossing the boundary: JS values in as JSON, answers out as plain JS objects, errors out as
//! `Error` objects carrying the facade's `code`, `path` and position.

use gongkai::facade::{self, CallError};
use js_sys::{Error, JSON, Reflect};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// A JSON value as a plain JS value (objects, arrays, strings, numbers, booleans, null).
pub fn to_js(v: &Value) -> JsValue {
    // Serialising a serde_json::Value cannot fail, and its output is always valid JSON.
    let text = serde_json::to_string(v).unwrap_or_else(|_| "null".to_owned());
    JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// The JS `Error` to throw for a facade error.
pub fn throw(e: &CallError) -> JsValue {
    let err = Error::new(&e.message);
    let obj: &JsValue = err.as_ref();
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
    };
    set("name", JsValue::from_str("GongkaiError"));
    set("code", JsValue::from_str(e.code));
    set("path", e.path.as_deref().map(JsValue::from_str).unwrap_or(JsValue::NULL));
    if let Some(file) = &e.file {
        set("file", JsValue::from_str(file));
    }
    if let Some(line) = e.line {
        set("line", JsValue::from(line));
    }
    if let Some(column) = e.column {
        set("column", JsValue::from(column));
    }
    if !e.errors.is_empty() {
        set("errors", to_js(&serde_json::to_value(&e.errors).unwrap_or(Value::Null)));
    }
    err.into()
}

/// A JSON argument: a string is parsed as JSON text (errors carry line and column); any other
/// value is taken as the object itself.
pub fn arg_json(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    if let Some(text) = value.as_string() {
        return facade::parse_json(what, &text).map_err(|e| throw(&e));
    }
    if value.is_undefined() {
        return Err(throw(&CallError::argument("", format!("`{what}` is missing"))));
    }
    facade::parse_json(what, &stringify(value, what)?).map_err(|e| throw(&e))
}

/// A JS value as JSON text (`JSON.stringify`); cycles and BigInts are an argument error.
pub fn stringify(value: &JsValue, what: &str) -> Result<String, JsValue> {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| throw(&CallError::argument("", format!("`{what}` cannot be converted to JSON"))))
}

/// An optional options object: `undefined` and `null` mean none.
pub fn arg_options(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    if value.is_string() || !value.is_object() || value.dyn_ref::<js_sys::Array>().is_some() {
        let got = value.js_typeof().as_string().unwrap_or_default();
        let got = if value.is_array() { "array".to_owned() } else { got };
        return Err(throw(&CallError::argument("", format!("`{what}` must be an object, not {got}"))));
    }
    arg_json(value, what)
}
