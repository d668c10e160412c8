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

/// A Python record as a tree that lends its strings without copying them: each `str` is kept
/// as the interpreter's own UTF-8 form (a `PyBackedStr` holds a reference to the string), so the
/// checker can read the record on other threads without the GIL. Building it on the
/// interpreter's thread costs a type check and a reference per value; no text is copied.
///
/// Drop a tree with the GIL held (the batch hands trees back to the interpreter's thread):
/// elsewhere each string's reference would queue for the next time the GIL is taken.
#[derive(Debug)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(PyBackedStr),
    /// Text made here (a date's ISO form).
    Owned(String),
    Seq(Vec<Node>),
    Map(Vec<(PyBackedStr, Node)>),
}

/// Convert a Python object (dict, list, tuple, str, int, float, bool, None, date) to a [`Node`].
/// `datetime.date` becomes an ISO `YYYY-MM-DD` string, as records carry dates.
pub fn to_tree(obj: &Bound<'_, PyAny>) -> Result<Node, ConvertError> {
    convert(obj, 0).map_err(Failure::into_error)
}

/// The JSON of a tree. (The tree holds only JSON values: finite numbers, UTF-8 strings.)
pub fn tree_to_value(tree: &Node) -> Value {
    Value::deserialize(tree).unwrap_or(Value::Null)
}

/// The UTF-8 text of a `str` (the interpreter's cached UTF-8 form, not copied).
fn string(s: Bound<'_, PyString>) -> Result<PyBackedStr, Failure> {
    PyBackedStr::try_from(s).map_err(|_| Failure::new("string is not valid Unicode (lone surrogate)"))
}

fn convert(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Node, Failure> {
    if depth > MAX_DEPTH {
        return Err(Failure::new(format!("nesting deeper than {MAX_DEPTH} levels")));
    }
    // Exact type checks first: records are plain dicts, lists and strings.
    if let Ok(s) = obj.cast_exact::<PyString>() {
        return string(s.clone()).map(Node::Str);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Vec::with_capacity(dict.len());
        for (k, v) in dict.iter() {
            let key = match k.cast_into::<PyString>() {
                Ok(s) => string(s)?,
                Err(e) => {
                    let found = type_name(e.into_inner().as_any());
                    return Err(Failure::new(format!("object keys must be strings, found `{found}`")));
                }
            };
            match convert(&v, depth + 1) {
                Ok(value) => map.push((key, value)),
                Err(f) => return Err(f.within(key.to_string())),
            }
        }
        return Ok(Node::Map(map));
    }
    if let Ok(list) = obj.cast_exact::<PyList>() {
        return seq(list.iter(), list.len(), depth);
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
        return Err(Failure::new("integer out of the 64-bit range"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let f = f.value();
        if !f.is_finite() {
            return Err(Failure::new(format!("`{f}` is not a JSON number")));
        }
        return Ok(Node::Float(f));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return seq(list.iter(), list.len(), depth);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return seq(tuple.iter(), tuple.len(), depth);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return string(s.clone()).map(Node::Str);
    }
    // datetime.datetime is a date too: keep its full ISO form rather than silently dropping the time.
    if obj.cast::<PyDateTime>().is_ok() || obj.cast::<PyDate>().is_ok() {
        let iso = obj.call_method0("isoformat").and_then(|s| s.extract::<String>());
        return iso.map(Node::Owned).map_err(|_| Failure::new("date without an ISO form"));
    }
    Err(Failure::new(format!("`{}` has no JSON form", type_name(obj))))
}

fn seq<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>, len: usize, depth: usize) -> Result<Node, Failure> {
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        out.push(convert(&item, depth + 1).map_err(|f| f.within(i.to_string()))?);
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
    entries: std::slice::Iter<'de, (PyBackedStr, Node)>,
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
