//! TypeScript declarations the Rust types cannot give: aliases for the browser's names where the
//! generated name differs, the arguments read as plain JSON (records, queries, options), the
//! file readers' answers (`--features files`) and the error the functions throw.
//!
//! Every answer shape of the core (items, grounds, codes, diagnostics, days, deadlines, request
//! timelines, fees, findings, redactions, site checks, candidates) is generated from the Rust
//! types by tsify, or declared next to the hand-written JSON it mirrors, into the package's
//! .d.ts (committed for review as `bindings-wasm/facade.d.ts`; bindings-wasm/tests/typescript.rs
//! checks real answers against it).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** The institution registry (`institutions`). */
export type Institutions = InstitutionRegistry;
/** The domains and levels (`domains`). */
export type Domains = DomainsAnswer;
/** Which institution to list items for (generated from the facade's `ItemsQuery`). */
export type ItemFilter = ItemsQuery;
/** The options of `check` (generated from the facade's `CheckRequestOptions`). */
export type CheckOptions = CheckRequestOptions;
/** The options of `requestTimeline` (generated from the facade's `RequestTimelineOptions`). */
export type RequestOptions = RequestTimelineOptions;
/** `requestTimeline`'s answer (the facade's `RequestTimelineAnswer`). */
export type RequestTimeline = RequestTimelineAnswer;
/** `proactiveCandidates`'s answer (the facade's `CandidatesAnswer`). */
export type ProactiveCandidates = CandidatesAnswer;
/** A publication record (catalogues/schema/record.schema.json); `check` also takes request records. */
export interface PublicationRecord {
  kind: "publication"; id?: string;
  institution: { kind: string; tier: string; role?: string; sector?: string; name?: string };
  item: string; title?: string; document_number?: string;
  formed?: string; published?: string; archived?: string;
  /** `2025` or `2025-2026`, for periodic items. */
  period?: string;
  /** Nothing arose for the item in `period`: needs only institution, item and period. */
  nothing_arose?: boolean;
  channels?: string[]; fields?: { [key: string]: unknown }; body?: string;
  /** `text`: extracted text, screened like the body; `path`: the file itself, read by `gongkai check` relative to the record. */
  attachments?: Array<{ name: string; text?: string; path?: string }>;
  review?: Array<{ stage: "business" | "legal" | "confidentiality"; date: string; reviewer_role?: string; result?: "approved" | "rejected" }>;
  interpretation?: { [key: string]: unknown }; disclosure?: { [key: string]: unknown };
  /** The published decision was later changed or revoked (行政处罚法 Art 48 ¶2). */
  withdrawal?: { cause: "changed" | "revoked" | "confirmed_unlawful" | "confirmed_void"; date: string; withdrawn?: string; reasons?: string };
}
export type DeadlineQuery = ({ start: string; rule: string } | { start: string; working_days: number })
  & { strict_calendar?: boolean };
export interface LangOptions { lang?: "zh" | "en" }
export interface ScanOptions { include_values?: boolean; include_redacted?: boolean }
export type RedactMode = "mask" | "label" | "remove";
/** Where a finding in a file is: `{in: "cell", sheet, cell, hidden_sheet?}`, `{in: "table_cell", part, table, row, column}`, `{in: "paragraph", part, paragraph}`, `{in: "page", page, line}`, `{in: "element", element, attribute?, line, hidden?}`, `{in: "line", line, column?}`, `{in: "property", name}`. */
export type FileLocation = { in: string; [key: string]: unknown };
/** What a file could not have screened (`screening_not_screened`) or hides (`screening_hidden_content`). */
export interface FileNotice { code: string; severity: Severity; part?: string; message: Text }
/** What `scanFile` found: each finding located in its file, offsets within that cell, paragraph or line. */
export interface FileScan {
  kind: string; encoding?: string;
  sheets?: Array<{ name: string; state: "visible" | "hidden" | "very_hidden"; cells: number }>;
  findings: Array<Finding & { location: FileLocation }>;
  notices: FileNotice[];
}
export interface FileRedaction {
  kind: string;
  /** The redacted copy, or null for a kind reported only. */
  bytes: Uint8Array | null;
  masked: Array<Finding & { location: FileLocation }>;
  remaining: Array<Finding & { location: FileLocation }>;
  removed_sheets?: string[];
  notices: FileNotice[];
}
/** A JSON Schema (draft 2020-12) object. */
export type JsonSchema = { [key: string]: unknown };
/** What every function throws for bad input: an Error with a stable code and where. */
export interface GongkaiError extends Error {
  name: "GongkaiError";
  code: string;
  /** JSON pointer of the offending value in the argument or document, or null. */
  path: string | null;
  file?: string; line?: number; column?: number;
  /** Every problem, when there were several (a rejected overlay). */
  errors?: CallError[];
}
export interface CandidatesOptions { lang?: "zh" | "en"; min_applicants?: number }
export interface SiteCheckOptions { as_of?: string; lang?: "zh" | "en"; overlays?: (object | string)[] }
"#;
