//! JSON Schemas generated from the Rust types (templates, overlays, grounds, the institution
//! registry) and, per catalogue item, a schema for its content elements. The generated files
//! are committed under `catalogues/schema/`; a test fails when they are stale.

use schemars::{JsonSchema, generate::SchemaSettings};
use serde_json::{Map, Value, json};

use crate::model::{Citation, ElementType, GroundSet, InstitutionRegistry, Item, Overlay, Template, Variant};

/// Schema of a model type, draft 2020-12.
pub fn schema_for<T: JsonSchema>() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<T>();
    serde_json::to_value(schema).unwrap_or(Value::Null)
}

pub fn template_schema() -> Value {
    schema_for::<Template>()
}

pub fn overlay_schema() -> Value {
    schema_for::<Overlay>()
}

pub fn grounds_schema() -> Value {
    schema_for::<GroundSet>()
}

pub fn institutions_schema() -> Value {
    schema_for::<InstitutionRegistry>()
}

/// The JSON Schema of one element type.
pub fn element_type_schema(kind: ElementType, values: &[String]) -> Value {
    match kind {
        ElementType::Text => json!({"type": "string", "minLength": 1}),
        ElementType::Date => json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
        ElementType::Integer => json!({"type": "integer", "minimum": 0}),
        ElementType::Number => json!({"type": "number"}),
        ElementType::Money => json!({"type": "number", "minimum": 0}),
        ElementType::Url => json!({"type": "string", "pattern": "^(https?://|/)\\S+$"}),
        ElementType::Phone => json!({"type": "string", "pattern": "^[0-9+()\\- ]{5,30}$"}),
        ElementType::Boolean => json!({"type": "boolean"}),
        ElementType::TextList => json!({"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}),
        ElementType::Enum => json!({"type": "string", "enum": values}),
        ElementType::Table => json!({"type": "array", "items": {"type": "object"}, "minItems": 1}),
        ElementType::Attachment => json!({"type": "string", "minLength": 1}),
    }
}

/// The JSON Schema of an item's `fields` object: one property per content element,
/// required elements listed, other keys allowed (CMSs carry their own).
pub fn item_fields_schema(item: &Item) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for el in &item.elements {
        let mut s = element_type_schema(el.kind, &el.values);
        if let Value::Object(m) = &mut s {
            m.insert("title".into(), Value::String(el.title.zh.to_string()));
            m.insert("description".into(), Value::String(el.title.en.to_string()));
        }
        properties.insert(el.key.clone(), s);
        if el.required {
            required.push(Value::String(el.key.clone()));
        }
    }
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://gongkai.invalid/schema/items/{}.json", item.id),
        "title": format!("{} — {}", item.title.zh, item.title.en),
        "type": "object",
        "properties": properties,
        "required": required,
    });
    if !item.variants.is_empty()
        && let Value::Object(m) = &mut schema
    {
        m.insert(VARIANTS_KEYWORD.into(), Value::Array(item.variants.iter().map(variant_schema).collect()));
    }
    schema
}

/// The keyword under which an item schema lists its variants' `if`/`then` pairs.
pub(crate) const VARIANTS_KEYWORD: &str = "allOf";

/// A variant as JSON Schema: if the selecting element is present with one of the values,
/// the variant's elements are required.
fn variant_schema(v: &Variant) -> Value {
    let basis: Vec<String> = v.basis.iter().map(Citation::to_string).collect();
    json!({
        "description": format!("{} = {}: {}", v.element, v.values.join(" | "), basis.join("；")),
        "if": {
            "properties": { (v.element.clone()): { "enum": v.values } },
            "required": [v.element],
        },
        "then": { "required": v.requires },
    })
}
