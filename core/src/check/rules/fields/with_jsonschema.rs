//! `fields` validated by the `jsonschema` crate against the item's generated JSON Schema.

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use super::{FieldError, Problem};
use crate::model::Item;

pub(crate) struct Validator(jsonschema::Validator);

impl Validator {
    /// Compile the item's schema; `None` if it does not compile (never for generated schemas).
    /// Without `required`, the schema checks only the elements present (see [`super::check`]).
    pub fn new(item: &Item, required: bool) -> Option<Validator> {
        let mut schema = crate::schema::item_fields_schema(item);
        // The variants' requirements are the variant rule's ([`super::variants`]): its
        // messages name the variant and cite its own basis.
        schema.as_object_mut()?.remove(crate::schema::VARIANTS_KEYWORD);
        if !required {
            schema.as_object_mut()?.remove("required");
        }
        jsonschema::validator_for(&schema).ok().map(Validator)
    }

    pub fn is_valid(&self, fields: &Value) -> bool {
        self.0.is_valid(fields)
    }

    pub fn errors(&self, fields: &Value) -> Vec<FieldError> {
        self.0
            .iter_errors(fields)
            .map(|err| FieldError { at: err.instance_path().as_str().to_owned(), problem: problem(err.kind()) })
            .collect()
    }
}

fn problem(kind: &ValidationErrorKind) -> Problem {
    match kind {
        ValidationErrorKind::Required { property } => {
            Problem::Missing(property.as_str().unwrap_or_default().to_owned())
        }
        ValidationErrorKind::Type { kind } => {
            // `Single(String)` → `string`
            let t = format!("{kind:?}").to_lowercase().replace("single(", "").replace(')', "");
            Problem::WrongType(t)
        }
        ValidationErrorKind::Pattern { .. } | ValidationErrorKind::Format { .. } => Problem::Format,
        ValidationErrorKind::Enum { options } => Problem::NotInEnum(options.to_string()),
        ValidationErrorKind::MinLength { .. } | ValidationErrorKind::MinItems { .. } => Problem::Empty,
        ValidationErrorKind::Minimum { limit } => Problem::BelowMinimum(limit.to_string()),
        other => Problem::Other(format!("{other:?}")),
    }
}
