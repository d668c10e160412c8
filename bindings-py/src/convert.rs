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

/// Strings at least this long (in characters) are copied out as UCS-4 and encoded as UTF-8 on a
/// check thread: CPython's own UTF-8 encoder is slow for non-ASCII text and runs with the GIL
/// held, and it would also cache a UTF-8 copy inside the caller's string objects.
const DEFER_CHARS: isize = 128;

/// Where a value is: a chain of borrowed keys and indices, materialised only when needed (an
/// error, a deferred string), so the happy path pays nothing per key.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

#[derive(Clone)]
enum Token {
    Key(String),
    Index(usize),
}

impl Path<'_> {
    fn tokens(&self) -> Vec<Token> {
        let mut out = Vec::new();
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, k) => {
                    out.push(Token::Key((*k).to_owned()));
                    at = parent;
                }
                Path::Index(parent, i) => {
                    out.push(Token::Index(*i));
                    at = parent;
                }
            }
        }
        out.reverse();
        out
    }

    fn error(&self, message: impl Into<String>) -> ConvertError {
        ConvertError { pointer: pointer(&self.tokens()), message: message.into() }
    }
}

fn pointer(tokens: &[Token]) -> String {
    let mut p = String::new();
    for t in tokens {
        p.push('/');
        match t {
            Token::Key(k) => p.push_str(&gongkai::diagnostics::pointer_token(k)),
            Token::Index(i) => p.push_str(&i.to_string()),
        }
    }
    p
}

/// A long string still to be encoded, and where it goes in the value.
struct Deferred {
    at: Vec<Token>,
    ucs4: Vec<u32>,
}

/// A converted record whose long strings are still UCS-4: [`Pending::finish`] encodes them
/// (without the GIL) and puts them in place.
pub struct Pending {
    value: Value,
    deferred: Vec<Deferred>,
}

impl Pending {
    pub fn finish(self) -> Result<Value, ConvertError> {
        let Pending { mut value, deferred } = self;
        for d in deferred {
            let Some(text) = utf8(&d.ucs4) else {
                return Err(ConvertError { pointer: pointer(&d.at), message: LONE_SURROGATE.to_owned() });
            };
            if let Some(slot) = slot(&mut value, &d.at) {
                *slot = Value::String(text);
            }
        }
        Ok(value)
    }
}

/// UCS-4 code points as UTF-8; `None` for a lone surrogate (or a value beyond Unicode).
fn utf8(ucs4: &[u32]) -> Option<String> {
    let mut out: Vec<u8> = Vec::with_capacity(ucs4.len() * 4);
    for &c in ucs4 {
        match c {
            0..=0x7F => out.push(c as u8),
            0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]),
            0xD800..=0xDFFF => return None,
            0x800..=0xFFFF => out.extend_from_slice(&[
                0xE0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3F) as u8,
                0x80 | (c & 0x3F) as u8,
            ]),
            0x1_0000..=0x10_FFFF => out.extend_from_slice(&[
                0xF0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3F) as u8,
                0x80 | ((c >> 6) & 0x3F) as u8,
                0x80 | (c & 0x3F) as u8,
            ]),
            _ => return None,
        }
    }
    // SAFETY: every Unicode scalar value (surrogates and values above U+10FFFF were refused) was
    // written in its standard UTF-8 form above, so `out` is valid UTF-8.
    Some(unsafe { String::from_utf8_unchecked(out) })
}

fn slot<'v>(mut v: &'v mut Value, at: &[Token]) -> Option<&'v mut Value> {
    for t in at {
        v = match (t, v) {
            (Token::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Token::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

const LONE_SURROGATE: &str = "string is not valid Unicode (lone surrogate)";

/// Convert a Python object (dict, list, tuple, str, int, float, bool, None, date) to JSON.
/// `datetime.date` becomes an ISO `YYYY-MM-DD` string, as records carry dates.
pub fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, ConvertError> {
    to_pending(obj)?.finish()
}

/// As [`to_value`], leaving the encoding of long strings to [`Pending::finish`].
pub fn to_pending(obj: &Bound<'_, PyAny>) -> Result<Pending, ConvertError> {
    let mut deferred = Vec::new();
    let value = convert(obj, &Path::Root, 0, &mut deferred)?;
    Ok(Pending { value, deferred })
}

fn string(s: &Bound<'_, PyString>, at: &Path<'_>, deferred: &mut Vec<Deferred>) -> Result<Value, ConvertError> {
    // SAFETY: `s` is a live `str` (the GIL is held); PyUnicode_GetLength only reads it.
    let chars = unsafe { pyo3::ffi::PyUnicode_GetLength(s.as_ptr()) };
    if chars >= DEFER_CHARS
        && let Ok(len) = usize::try_from(chars)
    {
        let mut ucs4 = vec![0u32; len];
        // SAFETY: the buffer holds exactly `chars` code points and no terminating NUL is asked
        // for (copy_null = 0); on failure CPython sets an exception, fetched below.
        let ok = unsafe { pyo3::ffi::PyUnicode_AsUCS4(s.as_ptr(), ucs4.as_mut_ptr(), chars, 0) };
        if !ok.is_null() {
            deferred.push(Deferred { at: at.tokens(), ucs4 });
            return Ok(Value::Null);
        }
        drop(PyErr::take(s.py()));
    }
    key(s, at).map(Value::String)
}

fn key(s: &Bound<'_, PyString>, at: &Path<'_>) -> Result<String, ConvertError> {
    s.to_str().map(str::to_owned).map_err(|_| at.error(LONE_SURROGATE))
}

fn convert(
    obj: &Bound<'_, PyAny>,
    at: &Path<'_>,
    depth: usize,
    deferred: &mut Vec<Deferred>,
) -> Result<Value, ConvertError> {
    if depth > MAX_DEPTH {
        return Err(at.error(format!("nesting deeper than {MAX_DEPTH} levels")));
    }
    // Exact type checks first: records are plain dicts, lists and strings.
    if let Ok(s) = obj.cast_exact::<PyString>() {
        return string(s, at, deferred);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let Ok(k) = k.cast::<PyString>() else {
                return Err(at.error(format!("object keys must be strings, found `{}`", type_name(&k))));
            };
            let k = key(k, at)?;
            let value = convert(&v, &Path::Key(at, &k), depth + 1, deferred)?;
            map.insert(k, value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast_exact::<PyList>() {
        return seq(list.iter(), list.len(), at, depth, deferred);
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
        return Err(at.error("integer out of the 64-bit range"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let f = f.value();
        return Number::from_f64(f).map(Value::Number).ok_or_else(|| at.error(format!("`{f}` is not a JSON number")));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return seq(list.iter(), list.len(), at, depth, deferred);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return seq(tuple.iter(), tuple.len(), at, depth, deferred);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return string(s, at, deferred);
    }
    // datetime.datetime is a date too: keep its full ISO form rather than silently dropping the time.
    if obj.cast::<PyDateTime>().is_ok() || obj.cast::<PyDate>().is_ok() {
        let iso = obj.call_method0("isoformat").and_then(|s| s.extract::<String>());
        return iso.map(Value::String).map_err(|_| at.error("date without an ISO form"));
    }
    Err(at.error(format!("`{}` has no JSON form", type_name(obj))))
}

fn seq<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    at: &Path<'_>,
    depth: usize,
    deferred: &mut Vec<Deferred>,
) -> Result<Value, ConvertError> {
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        out.push(convert(&item, &Path::Index(at, i), depth + 1, deferred)?);
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
