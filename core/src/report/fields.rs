//! Lenient reading of publication and request records. The record schema belongs to the check
//! engine; the audit and the report builder read only a few fields and accept the spellings
//! CMSs and case systems use (`published` or `published_on` or `dates.published`, …).

use chrono::NaiveDate;
use serde_json::Value;

/// The first present value among dotted paths (`"dates.published"`).
pub fn first<'a>(v: &'a Value, paths: &[&str]) -> Option<(&'a Value, String)> {
    for p in paths {
        let mut cur = v;
        let mut ok = true;
        for part in p.split('.') {
            match cur.get(part) {
                Some(next) if !next.is_null() => cur = next,
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some((cur, format!("/{}", p.replace('.', "/"))));
        }
    }
    None
}

pub fn str_at<'a>(v: &'a Value, paths: &[&str]) -> Option<&'a str> {
    first(v, paths).and_then(|(x, _)| x.as_str())
}

/// A date given as `YYYY-MM-DD` or an RFC 3339 timestamp (its date part), strictly
/// ([`crate::record::parse_date`]).
pub fn date_at(v: &Value, paths: &[&str]) -> Option<NaiveDate> {
    str_at(v, paths).and_then(parse_date)
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let date = match s.as_bytes().get(10) {
        Some(b'T' | b't' | b' ') => &s[..10],
        _ => s,
    };
    crate::record::parse_date(date)
}

pub fn kind(v: &Value) -> Option<&str> {
    str_at(v, &["kind", "type"])
}

pub fn item_id(v: &Value) -> Option<&str> {
    str_at(v, &["item", "item_id"])
}

pub fn published(v: &Value) -> Option<NaiveDate> {
    date_at(v, &["published", "published_on", "dates.published", "publication_date"])
}

pub fn formed(v: &Value) -> Option<NaiveDate> {
    date_at(v, &["formed", "formed_on", "dates.formed", "dates.formed_or_changed", "formed_or_changed", "changed"])
}

pub fn approved(v: &Value) -> Option<NaiveDate> {
    date_at(v, &["approved", "approved_on", "dates.approved"])
}

/// The period a periodic publication covers: `"2024"`, `"2024-2025"`, or a number.
pub fn period(v: &Value) -> Option<String> {
    match first(v, &["period", "fields.period", "fields.year", "year"]) {
        Some((Value::String(s), _)) => Some(s.trim().to_owned()),
        Some((Value::Number(n), _)) => Some(n.to_string()),
        _ => None,
    }
}

pub fn received(v: &Value) -> Option<NaiveDate> {
    date_at(v, &["received", "received_on", "dates.received", "receipt.date"])
}

pub fn replied(v: &Value) -> Option<NaiveDate> {
    date_at(
        v,
        &[
            "reply_date",
            "response.date",
            "response.replied",
            "replied",
            "replied_on",
            "responded",
            "dates.replied",
            "dates.response",
        ],
    )
}

pub fn response_type(v: &Value) -> Option<&str> {
    str_at(v, &["response_type", "response.type", "response.kind"])
}

pub fn applicant_type(v: &Value) -> Option<&str> {
    str_at(v, &["applicant.type", "applicant_type", "applicant.kind"])
}

/// Ground ids cited by a response (`response.grounds` or `grounds`), as strings or `{id}` objects.
pub fn grounds(v: &Value) -> Vec<&str> {
    let Some((Value::Array(items), _)) = first(v, &["grounds", "response.grounds"]) else {
        return Vec::new();
    };
    items.iter().filter_map(|g| g.as_str().or_else(|| g.get("id").and_then(Value::as_str))).collect()
}

/// Whether a reply disclosed part of the information (区分处理).
pub fn is_partial(v: &Value) -> bool {
    matches!(str_at(v, &["response.disclosure", "disclosure", "response.scope"]), Some("partial"))
        || first(v, &["response.partial", "partial"]).is_some_and(|(x, _)| x.as_bool() == Some(true))
}

pub fn id(v: &Value) -> Option<String> {
    match v.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// A record saying nothing arose for its item in the period (e.g. no land was expropriated):
/// `"nothing_arose": true`.
pub fn nothing_arose(v: &Value) -> bool {
    v.get("nothing_arose").and_then(Value::as_bool) == Some(true)
}

/// The name of the institution a record belongs to (`institution.name`).
pub fn institution_name(v: &Value) -> Option<&str> {
    str_at(v, &["institution.name", "institution_name"])
}
