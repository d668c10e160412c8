//! 条例第四十四条: information that several applicants asked the same organ for, and that was
//! granted, may be brought into proactive disclosure. From request records
//! (`{"kind": "request", "institution", "requested", "applicant", "response_type", …}`) this
//! lists each such piece of information with the count and the requests, for the quarterly
//! check of what should have been published.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::codes::{INVALID_VALUE, MISSING_FIELD};
use crate::diagnostics::Diagnostic;
use crate::model::Text;

/// The rule these candidates come from.
pub const BASIS: &str = "《政府信息公开条例》第四十四条第一款";

/// One request behind a candidate.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct CandidateRequest {
    /// Its index among the records given (the JSON pointer of a batch is `/<index>`).
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    /// `granted`, or `partial` for a part disclosure.
    #[cfg_attr(feature = "typescript", tsify(type = "\"granted\" | \"partial\""))]
    pub response: &'static str,
}

/// Information requested by several applicants from one organ and granted.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Candidate {
    /// The organ asked (the records' `institution.name`, or `institution` when it is a string).
    pub institution: String,
    /// The information as the first request words it.
    pub information: String,
    /// Distinct applicants (requests without an `applicant` each count as one).
    pub applicants: usize,
    pub requests: Vec<CandidateRequest>,
    pub basis: &'static str,
}

/// Collapse what does not change the information asked for: spaces, book-title marks, quotes
/// and trailing punctuation, letter case.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"《》〈〉“”‘’\"'「」『』，。；、,.;:：".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Candidates for proactive disclosure among `records` (request records; others are skipped
/// and counted in nothing): the same information granted to at least `min_applicants`
/// different applicants of one organ (条例 Art 44 ¶1 says 多个: two or more). Returns the
/// candidates, most-asked first, and a diagnostic for each request record that cannot be used.
pub fn proactive_candidates(records: &[Value], min_applicants: usize) -> (Vec<Candidate>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut groups: BTreeMap<(String, String), Candidate> = BTreeMap::new();
    for (index, r) in records.iter().enumerate() {
        if r.get("kind").and_then(Value::as_str) != Some("request") {
            continue;
        }
        let granted = match (r.get("response_type").and_then(Value::as_str), r.get("partial").and_then(Value::as_bool))
        {
            (Some("granted"), Some(true)) => "partial",
            (Some("granted"), _) => "granted",
            _ => continue,
        };
        let requested = match r.get("requested") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
            Some(Value::String(_)) | None | Some(Value::Null) => {
                diags.push(Diagnostic::new(
                    &MISSING_FIELD,
                    format!("/{index}/requested"),
                    Text::new(
                        "已公开的申请没有写明所申请的信息（`requested`），无法判断是否为多人申请的相同信息",
                        "a granted request does not say what information was asked for (`requested`): it cannot be compared",
                    ),
                ));
                continue;
            }
            Some(other) => {
                diags.push(Diagnostic::new(
                    &INVALID_VALUE,
                    format!("/{index}/requested"),
                    Text::new(
                        format!("`requested` 应为文字，而不是 {}", crate::diagnostics::type_name(other)),
                        format!("`requested` must be text, not {}", crate::diagnostics::type_name(other)),
                    ),
                ));
                continue;
            }
        };
        let institution = match r.get("institution") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Object(m)) => m.get("name").and_then(Value::as_str).unwrap_or_default().to_owned(),
            _ => String::new(),
        };
        let text = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_owned);
        let entry = groups.entry((institution.clone(), normalise(&requested))).or_insert_with(|| Candidate {
            institution,
            information: requested,
            applicants: 0,
            requests: Vec::new(),
            basis: BASIS,
        });
        entry.requests.push(CandidateRequest {
            index,
            id: text("id"),
            applicant: text("applicant"),
            received: text("received"),
            response: granted,
        });
    }
    let mut out: Vec<Candidate> = groups
        .into_values()
        .map(|mut c| {
            let mut named: Vec<&str> = c.requests.iter().filter_map(|r| r.applicant.as_deref()).collect();
            named.sort_unstable();
            named.dedup();
            c.applicants = named.len() + c.requests.iter().filter(|r| r.applicant.is_none()).count();
            c
        })
        .filter(|c| c.applicants >= min_applicants.max(2))
        .collect();
    out.sort_by(|a, b| b.applicants.cmp(&a.applicants).then_with(|| a.information.cmp(&b.information)));
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(applicant: &str, requested: &str, response: &str) -> Value {
        json!({"kind": "request", "institution": {"name": "某县自然资源局"}, "applicant": applicant,
               "requested": requested, "response_type": response, "received": "2026-03-02"})
    }

    #[test]
    fn the_same_information_granted_to_two_applicants_is_a_candidate() {
        let records = vec![
            request("甲", "《某村征地补偿安置方案》", "granted"),
            request("乙", "某村征地补偿安置方案", "granted"),
            request("甲", "某村征地补偿安置方案", "granted"),
            request("丙", "某村征地补偿安置方案", "denied"),
            request("丁", "某路段拆迁红线图", "granted"),
        ];
        let (c, diags) = proactive_candidates(&records, 2);
        assert!(diags.is_empty());
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].applicants, 2, "甲 twice counts once; 丙 was denied");
        assert_eq!(c[0].requests.iter().map(|r| r.index).collect::<Vec<_>>(), vec![0, 1, 2]);
        assert_eq!(c[0].information, "《某村征地补偿安置方案》");
    }

    #[test]
    fn one_applicant_is_never_a_candidate_and_a_missing_subject_is_reported() {
        let records = vec![request("甲", "方案", "granted"), json!({"kind": "request", "response_type": "granted"})];
        let (c, diags) = proactive_candidates(&records, 1);
        assert!(c.is_empty(), "多个申请人 means two or more even when asked for one");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].path, "/1/requested");
    }
}
