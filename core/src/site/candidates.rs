//! 条例第四十四条: information that several applicants asked the same organ for, and that was
//! granted, may be brought into proactive disclosure. From request records
//! (`{"kind": "request", "institution", "requested", "applicant", "response_type", …}`, read by
//! the one request reader, so with the same diagnostics as `gongkai check`) this lists each
//! such piece of information with the count and the requests, for the quarterly check of what
//! should have been published.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::codes::MISSING_FIELD;
use crate::deadlines::request::read_request_node;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{ResponseType, Text};
use crate::record::{Node, UnknownMembers};

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
    /// The organ asked (the records' `institution.name`).
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

/// The members a candidate is made of: a reader's error in one of them leaves the request out
/// (reported); an error elsewhere (a fee, a channel) is reported and the request still counts.
const USED: [&str; 5] = ["/institution", "/applicant", "/requested", "/response_type", "/partial"];

/// Candidates for proactive disclosure among `records` (request records; others are skipped
/// and counted in nothing): the same information granted to at least `min_applicants`
/// different applicants of one organ (条例 Art 44 ¶1 says 多个: two or more). Returns the
/// candidates, most-asked first, and the diagnostics of the request reader for every request
/// record (at `/<index>/…`), as `gongkai check` gives them, plus one for each granted request
/// that does not say what was asked for.
pub fn proactive_candidates(records: &[Value], min_applicants: usize) -> (Vec<Candidate>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut groups: BTreeMap<(String, String), Candidate> = BTreeMap::new();
    for (index, r) in records.iter().enumerate() {
        if r.get("kind").and_then(Value::as_str) != Some("request") {
            continue;
        }
        let mut found = Vec::new();
        let read = read_request_node(Node::Value(r), UnknownMembers::Warn, &mut found);
        let blocked = found.iter().any(|d| d.severity == Severity::Error && USED.iter().any(|m| d.is_within(m)));
        diags.extend(found.into_iter().map(|d| d.in_batch(index)));
        let Some(rec) = read.filter(|_| !blocked) else { continue };
        let granted = match (rec.response_type, rec.partial) {
            (Some(ResponseType::Granted), true) => "partial",
            (Some(ResponseType::Granted), false) => "granted",
            _ => continue,
        };
        let Some(requested) = rec.requested.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
            diags.push(Diagnostic::new(
                &MISSING_FIELD,
                format!("/{index}/requested"),
                Text::new(
                    "已公开的申请没有写明所申请的信息（`requested`），无法判断是否为多人申请的相同信息",
                    "a granted request does not say what information was asked for (`requested`): it cannot be compared",
                ),
            ));
            continue;
        };
        let institution = rec.institution.as_ref().and_then(|i| i.name.clone()).unwrap_or_default();
        let entry = groups.entry((institution.clone(), normalise(requested))).or_insert_with(|| Candidate {
            institution,
            information: requested.to_owned(),
            applicants: 0,
            requests: Vec::new(),
            basis: BASIS,
        });
        entry.requests.push(CandidateRequest {
            index,
            id: rec.id,
            applicant: rec.applicant,
            received: Some(rec.received.to_string()),
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
        json!({"kind": "request", "institution": {"kind": "administrative", "tier": "county", "name": "某县自然资源局"},
               "applicant": applicant, "requested": requested, "response_type": response, "received": "2026-03-02"})
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
        let records = vec![
            request("甲", "方案", "granted"),
            json!({"kind": "request", "response_type": "granted", "received": "2026-03-02"}),
        ];
        let (c, diags) = proactive_candidates(&records, 1);
        assert!(c.is_empty(), "多个申请人 means two or more even when asked for one");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].path, "/1/requested");
    }

    #[test]
    fn requests_are_read_as_the_check_reads_them() {
        let mut typo = request("乙", "方案", "granted");
        typo["recieved"] = typo["received"].take();
        let mut not_text = request("丙", "方案", "granted");
        not_text["requested"] = json!(["方案"]);
        let mut fee_bad = request("丁", "方案", "granted");
        fee_bad["fee"] = json!("many");
        let records = vec![request("甲", "方案", "granted"), typo, not_text, fee_bad];
        let (c, diags) = proactive_candidates(&records, 2);
        let at: Vec<_> = diags.iter().map(|d| (d.code, d.path.as_ref())).collect();
        assert_eq!(
            at,
            [
                ("record_unknown_member", "/1/recieved"),
                ("request_invalid_value", "/1/received"),
                ("request_invalid_value", "/2/requested"),
                ("request_invalid_value", "/3/fee"),
            ]
        );
        // Only 甲 and 丁 count: 乙 has no receipt date, 丙's subject is not text; 丁's bad fee
        // is reported but does not change what was asked and granted.
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].requests.iter().map(|r| r.index).collect::<Vec<_>>(), vec![0, 3]);
    }
}
