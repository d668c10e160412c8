//! TypeScript declarations of the JSON shapes the functions take and return. They mirror the
//! core's serde output (snake_case keys, as in the catalogue files and the CLI's JSON).
//!
//! The facade's own request and answer types (`CheckRequestOptions`, `RequestTimelineOptions`,
//! `ItemsQuery`, `CallError`) are not here: tsify derives them from the Rust types into the package's .d.ts
//! (committed for review as `bindings-wasm/facade.d.ts`). The answer shapes below still mirror
//! model types by hand, until those derive `Tsify` too.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Chinese (authoritative) and English (working translation). */
export interface Text { zh: string; en: string }
export type Status = "confirmed" | "secondary" | "unverified";
/** An instrument and, where it has one, the article. */
export interface Citation { instrument: string; article?: string; status?: Status }
export type ElementType = "text" | "date" | "integer" | "number" | "money" | "url" | "phone" | "boolean"
  | "text_list" | "enum" | "table" | "attachment";
export interface Element { key: string; title: Text; type: ElementType; required?: boolean; values?: string[] }
/** A kind of publication (when `element` has one of `values`) and the elements it requires besides. */
export interface Variant { element: string; values: string[]; requires: string[]; basis: Citation[]; note?: Text }
export type Timing =
  | { kind: "within_working_days"; days: number; from: string; basis: Citation }
  | { kind: "within_days"; days: number; from: string; basis: Citation }
  | { kind: "periodic"; period: "calendar_year" | "academic_year"; due: string; basis: Citation }
  | { kind: "real_time"; basis?: Citation }
  | { kind: "timely"; basis?: Citation }
  | { kind: "none" };
export interface PersonalDataRule { fields: string[]; masked?: string[]; allowed?: string[]; basis?: Citation[]; note?: Text }
/** A catalogue item (公开事项) with the template or overlay that defines it. */
export interface Item {
  id: string; title: Text; category: string[]; elements?: Element[]; variants?: Variant[]; basis: Citation[];
  mode: "proactive" | "on_request"; timing: Timing; subject?: string; channels?: string[];
  audience: "public" | "specific_groups";
  /** The grassroots domain (基层政务公开标准目录领域), e.g. "社会救助". */
  domain?: string;
  /** 公开层级 ids ("county", "township", "village") and, flat, as printed ("县级、乡级"). */
  levels?: string[]; level?: string;
  tiers?: string[]; roles?: string[]; sectors?: string[];
  flags?: { interpretation_required?: boolean; interpretation_basis?: Citation; document_number?: boolean;
    disclosure_required_by_law?: boolean };
  excluded_grounds?: string[]; personal_data?: PersonalDataRule; status?: Status; note?: Text;
  /** A published record later changed or revoked must be withdrawn within these working days (行政处罚法 Arts 48, 85). */
  withdrawal?: WithdrawalRule;
  /** The template or overlay that defines the item. */
  source: string;
  /** Overlays that changed it (resolved lists only). */
  changed_by?: string[];
}
/** Which institution to list items for (generated from the facade's `ItemsQuery`). */
export type ItemFilter = ItemsQuery;
export interface LevelInfo { id: string; title: Text; tiers: string[]; note?: Text }
export interface DomainInfo {
  id: string; key: string; title: Text; sectors: string[]; guideline?: Citation[];
  template?: string; rows?: number; missing_rows?: { category: string[]; note?: string }[];
}
export interface Domains { levels: LevelInfo[]; domains: DomainInfo[] }
export interface WithdrawalRule { working_days: number; reasons_required?: boolean; basis: Citation[] }
/** Where a complaint about non-disclosure goes: the competent department (公共企事业单位, 国办发〔2020〕50号). */
export interface Complaint { to: Text; basis: Citation[] }
/** A tier, role or sector; `note` is what a resolve tells the user (e.g. no national catalogue for kindergartens). */
export interface TierInfo { id: string; title: Text; basis?: Citation[]; complaint?: Complaint; note?: Text }
export interface KindInfo {
  id: string; title: Text; basis: Citation[]; tiers: TierInfo[]; roles?: TierInfo[]; sectors?: TierInfo[];
  complaint?: Complaint;
  /** Set when the 条例's request procedure does not apply, saying why (public enterprises). */
  on_request?: Text;
}
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
export interface Institutions { kinds: KindInfo[] }
/** An exemption ground (不予公开情形). */
export interface Ground {
  id: string; title: Text; basis: Citation[]; nature: "absolute" | "qualified" | "discretionary";
  kinds: string[]; conditions?: Text[]; exceptions?: Text[]; decision_must_state?: Text[];
  report_row?: string; status?: Status;
}
export type Severity = "info" | "warning" | "error";
/** A declared diagnostic code. */
export interface CodeInfo {
  code: string; severity: Severity; basis: string; summary_zh: string; summary_en: string;
  example: string; area: string;
}
/** A problem found in a record: message in the requested language, with its legal basis. */
export interface Diagnostic {
  code: string; severity: Severity;
  /** JSON pointer (RFC 6901) into the record; "" is the whole record. */
  path: string;
  message: string; basis: string | null; help?: string;
}
/** The options of `check` (generated from the facade's `CheckRequestOptions`: facade.d.ts). */
export type CheckOptions = CheckRequestOptions;
/** `provisional`: the year has no notice loaded, the day is derived from the 放假办法. */
export type DayKind = ({ kind: "working_day" } | { kind: "weekend" }
  | { kind: "holiday" | "makeup_working_day" | "closure"; name: Text }) & { provisional: boolean };
export type DeadlineQuery = ({ start: string; rule: string } | { start: string; working_days: number })
  & { strict_calendar?: boolean };
/** A statutory day of the 放假办法 (or an Art 6 make-up day off) assumed for a provisional year. */
export interface StatutoryDay { date: string; holiday: string; name: Text }
/** A year with no notice loaded, derived from the 放假办法: why, and what was assumed. */
export interface ProvisionalYear {
  year: number; reason: Text; basis: Citation[]; statutory_days: StatutoryDay[]; makeup_days_off: StatutoryDay[];
}
export interface ExcludedSpan {
  from: string; to: string; days: number; reason: "weekend" | "holiday" | "closure" | "consultation"; name?: Text;
}
/** A deadline and how it was computed. */
export interface Deadline {
  due: string;
  /** True when the due date depends on a provisional year (listed in `explanation.provisional`). */
  provisional?: boolean;
  explanation: {
    rule?: string; start: string; counting_from: string | null; working_days: number;
    excluded: ExcludedSpan[]; due: string; notes: Text[]; basis: Citation[]; provisional?: ProvisionalYear[];
  };
}
export interface LangOptions { lang?: "zh" | "en" }
/** The options of `requestTimeline` (generated from the facade's `RequestTimelineOptions`). */
export type RequestOptions = RequestTimelineOptions;
export interface RequestClock {
  on: string; limit: string; working_days_elapsed: number; working_days_left: number;
  state: "replied_in_time" | "replied_late" | "running" | "due_soon" | "overdue";
}
/** A request's timeline (依申请公开), each limit with its working. */
export interface RequestTimeline {
  timeline: {
    received: string; effective_received: string; receipt_reading: Text;
    correction_notice_due?: Deadline; reply_due?: Deadline; extended_due?: Deadline;
    reply_date?: string; reply_in_time?: boolean; clock?: RequestClock;
  } | null;
  /** True when a limit depends on a provisional year (no notice loaded). */
  provisional: boolean;
  diagnostics: Diagnostic[];
}
/** 信息处理费 with its working: the bands charged and the basis. */
export interface Fee {
  unit: "pieces" | "pages"; units: number; amount: number;
  bands: Array<{ from: number; to: number; units: number; yuan_each: number; subtotal: number }>;
  basis: Citation[]; notes?: Text[];
}
export interface ScanOptions { include_values?: boolean; include_redacted?: boolean }
/** Something found in a text. `utf16_start`/`utf16_end` slice JS strings: `text.slice(f.utf16_start, f.utf16_end)`. */
export interface Finding {
  kind: string; code: string; severity: Severity; confidence: number; redacted: boolean; label?: string;
  /** Why the context changed the detector's mind: `organisational_label`, `government_domain`, `contact_block`. */
  reason?: string;
  start: number; end: number; utf16_start: number; utf16_end: number; byte_start: number; byte_end: number;
  /** The value masked: safe to show and log. */
  preview: string;
  /** The unmasked value, only with `include_values`. */
  value?: string;
}
export type RedactMode = "mask" | "label" | "remove";
/** Where a finding in a file is: `{in: "cell", sheet, cell, hidden_sheet?}`, `{in: "table_cell", part, table, row, column}`, `{in: "paragraph", part, paragraph}`, `{in: "page", page, line}`, `{in: "element", element, attribute?, line, hidden?}`, `{in: "line", line, column?}`, `{in: "property", name}`. */
export type FileLocation = { in: string; [key: string]: unknown };
/** What a file could not have screened (`screening_not_screened`) or hides (`screening_hidden_content`). */
export interface FileNotice { code: string; severity: Severity; part?: string; message: { zh: string; en: string } }
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
export interface Redaction {
  text: string;
  changes: Array<{ kind: string; code: string; start: number; end: number; utf16_start: number; utf16_end: number;
    byte_start: number; byte_end: number; replacement: string }>;
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

/** A site check finding: `kind` is what it does to the verdict. */
export interface SiteFinding {
  code: string; kind: "input" | "veto" | "deduction" | "warning"; severity: "error" | "warning" | "info";
  path: string; message: string; basis: string | null; status: Status; indicator?: string;
  points?: number; days_left?: number; due?: string;
}
/** `gongkai site check --format json`. */
export interface SiteCheck {
  kind: "site_check"; verdict: "pass" | "fail"; score: number; pass_score: number; vetoes: number;
  deductions: number; warnings: number; input_errors: number; as_of: string | null;
  site: { name: string; institution?: string; url?: string }; columns: number; items: number;
  findings: SiteFinding[];
  rectifications: { code: string; kind: SiteFinding["kind"]; path: string; what: string; days_left: number | null; due: string | null }[];
  indicators: { id: string; kind: "veto" | "deduction"; title: Text; result: "pass" | "warning" | "fail" | "deducted";
    found: number; points_lost?: number; basis: string; status: Status }[];
  interaction: { response_hours: number; close_working_days: number; basis: string; status: Status; counting: string;
    messages: number; answered: number; open: number; response_judged: number; responded_on_time: number;
    response_rate: number | null; close_judged: number; closed_on_time: number; close_rate: number | null };
  rules: { version: string; overlays: string[] };
}
/** 条例第四十四条 candidates for proactive disclosure. */
export interface ProactiveCandidates {
  candidates: { institution: string; information: string; applicants: number; basis: string;
    requests: { index: number; id?: string; applicant?: string; received?: string; response: "granted" | "partial" }[] }[];
  diagnostics: Diagnostic[];
}
export interface CandidatesOptions { lang?: "zh" | "en"; min_applicants?: number }
export interface SiteCheckOptions { as_of?: string; lang?: "zh" | "en"; overlays?: (object | string)[] }
"#;
