//! Python objects <-> `serde_json::Value`, with JSON pointers in every error so that a bad cell in a
//! batch says where it is.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// A Python value that has no JSON form, and where it is (JSON pointer).
#[derive(Debug)]
pub struct ConvertError {
    pub pointer: String,
    pub message: String,
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

/// Convert a Python object (dict, list, tuple, str, int, float, bool, None, date) to JSON.
/// `datetime.date` becomes an ISO `YYYY-MM-DD` string, as records carry dates.
pub fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, ConvertError> {
    convert(obj, 0).map_err(Failure::into_error)
}

/// The UTF-8 text of a `str` (borrowed from the interpreter's cached UTF-8 form).
fn string(s: &Bound<'_, PyString>) -> Result<String, Failure> {
    s.to_str().map(str::to_owned).map_err(|_| Failure::new("string is not valid Unicode (lone surrogate)"))
}

fn convert(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Failure> {
    if depth > MAX_DEPTH {
        return Err(Failure::new(format!("nesting deeper than {MAX_DEPTH} levels")));
    }
    // Exact type checks first: records are plain dicts, lists and strings.
    if let Ok(s) = obj.cast_exact::<PyString>() {
        return string(s).map(Value::String);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let key = match k.cast::<PyString>() {
                Ok(s) => string(s)?,
                Err(_) => {
                    return Err(Failure::new(format!("object keys must be strings, found `{}`", type_name(&k))));
                }
            };
            match convert(&v, depth + 1) {
                Ok(value) => {
                    map.insert(key, value);
                }
                Err(f) => return Err(f.within(key)),
            }
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast_exact::<PyList>() {
        return seq(list.iter(), list.len(), depth);
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return Err(Failure::new("integer out of the 64-bit range"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let f = f.value();
        return Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| Failure::new(format!("`{f}` is not a JSON number")));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return seq(list.iter(), list.len(), depth);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return seq(tuple.iter(), tuple.len(), depth);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return string(s).map(Value::String);
    }
    // datetime.datetime is a date too: keep its full ISO form rather than silently dropping the time.
    if obj.cast::<PyDateTime>().is_ok() || obj.cast::<PyDate>().is_ok() {
        let iso = obj.call_method0("isoformat").and_then(|s| s.extract::<String>());
        return iso.map(Value::String).map_err(|_| Failure::new("date without an ISO form"));
    }
    Err(Failure::new(format!("`{}` has no JSON form", type_name(obj))))
}

fn seq<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>, len: usize, depth: usize) -> Result<Value, Failure> {
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        out.push(convert(&item, depth + 1).map_err(|f| f.within(i.to_string()))?);
    }
    Ok(Value::Array(out))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_owned())
}

/// `Some(bytes)` when the object is JSON text (`str` or `bytes`) rather than a Python structure.
/// The bytes are copied so that parsing can run without the GIL; `bytes` are not assumed to be UTF-8.
pub fn as_text(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(s.to_str()?.as_bytes().to_vec()));
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
