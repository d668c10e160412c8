// Generated from core/src/facade.rs by tsify (cargo test -p gongkai-wasm --test typescript,
// GONGKAI_BLESS=1 to rewrite): do not edit.
/**
 * An error for a binding to raise: `code` is stable snake_case (the same as [`Error::code`]).
 */
export interface CallError {
    /**
     * Stable snake_case: `invalid_argument`, `invalid_date`, `invalid_json`, `invalid_yaml`,
     * `unknown_id`, `unknown_selector`, `calendar_year_not_covered`, a catalogue finding's code …
     */
    code: string;
    message: string;
    /**
     * JSON pointer (into the argument or the document) of the offending value.
     */
    path?: string;
    file?: string;
    line?: number;
    column?: number;
    /**
     * Every problem when there were several (e.g. all the findings of a rejected overlay).
     */
    errors?: CallError[];
}
/**
 * What a check is asked to do: the options every front door takes (the CLI's flags and
 * settings file, Python's keyword arguments, the options object of the browser's `check`).
 * Read from JSON with [`CheckRequestOptions::from_json`] (errors at a JSON pointer), or built
 * with the `with_*` methods; [`CheckRequestOptions::prepare`] turns it into the checker's
 * [`CheckOptions`] and the [`Filter`] applied to what the check finds.
 */
export interface CheckRequestOptions {
    /**
     * `YYYY-MM-DD`: records without a `published` date are timed against it (overdue items),
     * and unanswered requests' reply clocks are read on it.
     */
    today?: string;
    /**
     * The messages' language (`zh`, the default, or `en`).
     */
    lang?: "zh" | "en";
    /**
     * Do not screen text for personal data and classification markings.
     */
    skip_screening?: boolean;
    /**
     * Refuse provisional years (no State Council notice loaded): a time limit in such a year
     * is not checked.
     */
    strict_calendar?: boolean;
    /**
     * Members the record format does not define are errors, not warnings.
     */
    strict_members?: boolean;
    /**
     * Report only these codes: codes, prefixes (`screening`, `request_fee`), areas (`check`)
     * or `ALL`. Empty: every code.
     */
    select?: string[];
    /**
     * Do not report these codes (named as for `select`); the more specific selector wins.
     */
    ignore?: string[];
}
/**
 * What a request timeline is asked for (`gongkai deadline request`, Python's
 * `request_timeline`, the browser's `requestTimeline`).
 */
export interface RequestTimelineOptions {
    /**
     * The diagnostics' language.
     */
    lang?: "zh" | "en";
    /**
     * `YYYY-MM-DD`: read the reply clock of an unanswered request (overdue, due soon).
     */
    today?: string;
    /**
     * How near the limit counts as due soon, in working days (default 5).
     */
    due_soon_working_days?: number | null;
    /**
     * Refuse provisional years (no State Council notice loaded).
     */
    strict_calendar?: boolean;
    /**
     * A receipt on a non-working day counts from the next working day, as well as where the
     * catalogue's overlays say so (a local reading).
     */
    next_working_day_receipt?: boolean;
}
/**
 * Which items to list (`gongkai catalogue`, Python's `Catalogue.items`, the browser's `items`):
 * an institution (`kind`, `tier`, `role`, `sector`, each optional; a tier, role or sector needs
 * a kind), narrowed to one grassroots `domain` (`社会救助` or `social_assistance`) and/or
 * `level` (`county`/`县级`, `township`/`乡级`, `village`/`村级`).
 */
export interface ItemsQuery {
    kind?: string | null;
    tier?: string | null;
    role?: string | null;
    sector?: string | null;
    domain?: string | null;
    level?: string | null;
}
/**
 * A text in Chinese and English. Chinese is authoritative: legal terms and item titles are
 * as the instrument states them; the English is a working translation.
 */
export interface Text {
    /**
     * Chinese (authoritative).
     */
    zh: string;
    /**
     * English (working translation).
     */
    en: string;
}
/**
 * How firmly a fact is established in the project's reference notes.
 */
export type Status = "confirmed" | "secondary" | "unverified";
/**
 * The legal source of a rule: an instrument and, where it has one, the article.
 */
export interface Citation {
    /**
     * The instrument as it is usually cited, e.g. `政府信息公开条例` or `教办函〔2014〕23号`.
     */
    instrument: string;
    /**
     * Article, paragraph and item, e.g. `第二十条第（一）项`. Absent for a whole instrument.
     */
    article?: string;
    /**
     * How firmly the reference confirms this citation.
     */
    status?: Status;
}
/**
 * One catalogue item (公开事项): something an institution must (or may) disclose.
 */
export interface Item {
    /**
     * Stable identifier, lowercase dotted, e.g. `admin.art20.01`. Never reused for another item.
     */
    id: string;
    /**
     * Title as the instrument states it (zh) and a working translation (en).
     */
    title: Text;
    /**
     * Category path: 一级事项 then 二级事项 (Chinese, as the catalogue names them).
     */
    category: string[];
    /**
     * Content elements (公开内容要素) a publication of this item carries.
     */
    elements?: Element[];
    /**
     * Elements required only for some kinds of publication of the item: when an `enum`
     * element takes one of the variant's values (a penalty decision rather than the rules of
     * penalties), the variant's elements are required too.
     */
    variants?: Variant[];
    /**
     * Legal basis: at least one instrument + article.
     */
    basis: Citation[];
    /**
     * Proactive (主动) or on request (依申请).
     */
    mode: Mode;
    /**
     * When it must be published.
     */
    timing: Timing;
    /**
     * Who is responsible (公开主体), in words.
     */
    subject?: string;
    /**
     * Channels (公开渠道和载体) through which it is published; empty means any channel.
     */
    channels?: string[];
    /**
     * Who it is for (公开对象).
     */
    audience?: Audience;
    /**
     * The grassroots standard-catalogue domain (基层政务公开标准目录领域) of this row, by its id in
     * `catalogues/domains.yaml` (e.g. `社会救助`). Rows of a template with a `domain` inherit it.
     */
    domain?: string;
    /**
     * 公开层级: the grassroots levels that publish this row, by id in `catalogues/domains.yaml`
     * (`county` 县级, `township` 乡级, `village` 村级). Empty means every tier the template applies to.
     */
    levels?: string[];
    /**
     * Tiers within the template's kind this item applies to; empty means all the template's tiers.
     */
    tiers?: string[];
    /**
     * Roles this item applies to (e.g. only `government`); empty means every role.
     */
    roles?: string[];
    /**
     * Sectors this item applies to (e.g. only `education` departments); empty means every sector.
     */
    sectors?: string[];
    flags?: Flags;
    /**
     * Exemption grounds that may not be cited against this item (a law or rule requires its
     * disclosure: 条例 Art 16 ¶2 "从其规定").
     */
    excluded_grounds?: string[];
    /**
     * Personal data this item lawfully carries, and how it must be masked.
     */
    personal_data?: PersonalDataRule;
    /**
     * `unverified` when the reference could not confirm the item: users see it.
     */
    status?: Status;
    /**
     * A short note for editors (in Chinese and English).
     */
    note?: Text;
    /**
     * A published record of this item that is later changed or revoked must be withdrawn
     * within a time limit (行政处罚法 Art 48 ¶2: three working days, Art 85).
     */
    withdrawal?: WithdrawalRule;
}
/**
 * A content element (公开内容要素) of an item.
 */
export interface Element {
    /**
     * Key of the element in a record's `fields`, snake_case.
     */
    key: string;
    title: Text;
    type: ElementType;
    /**
     * Whether a publication of the item must carry it.
     */
    required?: boolean;
    /**
     * Allowed values, for `type: enum`.
     */
    values?: string[];
}
/**
 * The type of a content element; each maps to a JSON Schema type.
 */
export type ElementType = "text" | "date" | "integer" | "number" | "money" | "url" | "phone" | "boolean" | "text_list" | "enum" | "table" | "attachment";
/**
 * A kind of publication of an item, told by the value of one of its `enum` elements, with
 * the elements that kind must carry besides the item's always-required ones. In the item's
 * JSON Schema it is an `if` (the element has one of `values`) / `then` (`requires`) pair.
 */
export interface Variant {
    /**
     * Key of the `enum` element that selects the variant, e.g. `publication_type`.
     */
    element: string;
    /**
     * The values of that element that select it, e.g. `[行政处罚决定]`.
     */
    values: string[];
    /**
     * Keys of the elements a publication of this kind must carry.
     */
    requires: string[];
    /**
     * The provision that says what this kind of publication contains.
     */
    basis: Citation[];
    note?: Text;
}
/**
 * Proactive (主动公开) or on request (依申请公开).
 */
export type Mode = "proactive" | "on_request";
/**
 * Who an item is published for (公开对象).
 */
export type Audience = "public" | "specific_groups";
/**
 * When an item must be published.
 */
export type Timing = { kind: "within_working_days"; days: number; from?: TimingStart; basis: Citation } | { kind: "within_days"; days: number; from?: TimingStart; basis: Citation } | { kind: "periodic"; period: Period; due: string; basis: Citation } | { kind: "real_time"; basis?: Citation } | { kind: "timely"; basis?: Citation } | { kind: "none" };
/**
 * What starts a time limit.
 */
export type TimingStart = "formed_or_changed" | "made_or_obtained" | "approved";
/**
 * The period of a periodic item.
 */
export type Period = "calendar_year" | "academic_year";
/**
 * Flags on an item.
 */
export interface Flags {
    /**
     * An interpretation (政策解读) must be published with the document (文件+解读).
     */
    interpretation_required?: boolean;
    /**
     * Citation for the interpretation requirement.
     */
    interpretation_basis?: Citation;
    /**
     * A document number (文号) is expected on publications of this item.
     */
    document_number?: boolean;
    /**
     * A law requires its disclosure: Art 16 discretionary grounds cannot be cited against it.
     */
    disclosure_required_by_law?: boolean;
}
/**
 * Which elements of an item may lawfully carry personal data, and how it must be masked.
 */
export interface PersonalDataRule {
    /**
     * Element keys that may carry personal data (e.g. the name of a person penalised).
     */
    fields: string[];
    /**
     * Screening kinds (`resident_id`, `mobile`, …) that may appear in those fields only masked.
     */
    masked?: string[];
    /**
     * Screening kinds that may appear unmasked in those fields (e.g. none; or `credit_code`).
     */
    allowed?: string[];
    basis?: Citation[];
    note?: Text;
}
/**
 * The duty to withdraw a published record once the decision it publishes is changed,
 * revoked, confirmed unlawful or confirmed void, and to publish the reasons.
 */
export interface WithdrawalRule {
    /**
     * Working days from the change (the start day not counted).
     */
    working_days: number;
    /**
     * Whether the reasons for the withdrawal must be published (公开说明理由).
     */
    reasons_required?: boolean;
    basis: Citation[];
}
/**
 * An exemption ground (不予公开情形).
 */
export interface Ground {
    /**
     * Stable id, e.g. `ogi.art14.state_secret`.
     */
    id: string;
    title: Text;
    basis: Citation[];
    nature: Nature;
    /**
     * Institution kinds that may cite it.
     */
    kinds: string[];
    /**
     * What must be true for it to apply.
     */
    conditions?: Text[];
    /**
     * When it does not apply even though the conditions hold (consent, public interest, a law).
     */
    exceptions?: Text[];
    /**
     * What a decision citing it must state.
     */
    decision_must_state?: Text[];
    /**
     * Key of the annual-report row (table 三) it is counted under, e.g. `r3_1`.
     */
    report_row?: string;
    status?: Status;
}
/**
 * How strongly a ground binds.
 */
export type Nature = "absolute" | "qualified" | "discretionary";
/**
 * The registry of institution kinds, their tiers, roles and sectors
 * (`catalogues/institutions.yaml`).
 */
export interface InstitutionRegistry {
    $schema?: string;
    kinds: KindInfo[];
}
export interface KindInfo {
    id: string;
    title: Text;
    basis: Citation[];
    tiers: TierInfo[];
    /**
     * Roles an institution of this kind may have; empty when roles do not apply.
     */
    roles?: TierInfo[];
    /**
     * Sectors a department of this kind may belong to.
     */
    sectors?: TierInfo[];
    /**
     * Where a person complains when an institution of this kind does not disclose (条例 Art 55 ¶2).
     */
    complaint?: Complaint;
    /**
     * Whether the 条例's request procedure (依申请公开, Chapter 4) applies, in words, when it does not.
     */
    on_request?: Text;
}
/**
 * One tier (or role, or sector) of a kind.
 */
export interface TierInfo {
    id: string;
    title: Text;
    /**
     * The rule that governs this tier or sector, where it has its own.
     */
    basis?: Citation[];
    /**
     * The sector's own complaint channel (its competent department), over the kind's.
     */
    complaint?: Complaint;
    /**
     * What a resolve for this tier or sector should tell the user (e.g. no national catalogue).
     */
    note?: Text;
}
/**
 * The channel for a complaint about non-disclosure: the competent department, with its basis.
 */
export interface Complaint {
    /**
     * The department complained to, e.g. `县级以上地方交通运输主管部门`.
     */
    to: Text;
    basis: Citation[];
}
/**
 * The grassroots standard-catalogue domains (基层政务公开标准目录, 国办发〔2019〕54号) and the
 * disclosure levels (公开层级) their rows name (`catalogues/domains.yaml`).
 */
export interface DomainRegistry {
    $schema?: string;
    levels?: LevelInfo[];
    domains?: DomainInfo[];
}
/**
 * One disclosure level (公开层级) and the administrative tiers that publish at it.
 */
export interface LevelInfo {
    /**
     * `county`, `township` or `village`.
     */
    id: string;
    /**
     * As the catalogues print it: 县级, 乡级, 村级.
     */
    title: Text;
    /**
     * Tiers of institutions that publish the rows of this level; empty for 村级 (guidance for
     * 村（居）民委员会, which are not organs under the 条例).
     */
    tiers?: string[];
    note?: Text;
}
/**
 * One of the 26 domains.
 */
export interface DomainInfo {
    /**
     * The domain's name as the catalogue titles use it, e.g. `社会救助`.
     */
    id: string;
    /**
     * An ASCII alias for command lines and code, e.g. `social_assistance`.
     */
    key: string;
    title: Text;
    /**
     * The sectors whose departments own the domain's rows (a row may name others).
     */
    sectors: string[];
    /**
     * The national guideline (标准指引) the local catalogues follow, as far as it is known.
     */
    guideline?: Citation[];
}
/**
 * A row the sources show but that is not encoded (its wording could not be read).
 */
export interface MissingRow {
    /**
     * Category path as far as known (一级事项, 二级事项).
     */
    category: string[];
    /**
     * What is known about it and from where.
     */
    note?: string;
}
/**
 * The grassroots domains and disclosure levels (`catalogues/domains.yaml`), each domain with its
 * template id, row count and the rows its sources show but that are not encoded.
 */
export interface DomainsAnswer {
    levels: LevelInfo[];
    domains: DomainAnswer[];
}
/**
 * One grassroots domain with the template that encodes its rows (none: no template yet).
 */
export interface DomainAnswer extends DomainInfo {
    template?: string;
    /**
     * The template's rows.
     */
    rows?: number;
    /**
     * Rows the sources show but that are not encoded.
     */
    missing_rows?: MissingRow[];
}
/**
 * One item as every front door shows it: the catalogue's item with `level` (its levels as the
 * catalogues print them, `县级、乡级`, a flat column next to the `levels` list), `source` (the
 * defining template or overlay) and, when overlays changed it, `changed_by`.
 */
export interface ItemAnswer extends Item {
    level?: string;
    source: string;
    changed_by?: string[];
}
/**
 * How serious a diagnostic is.
 */
export type Severity = "info" | "warning" | "error";
/**
 * A declared diagnostic code: what it means, how severe it is by default, and why it is a rule.
 * Declared inside the crate only (`crate::registry::codes` lists them); read its fields.
 */
export interface CodeInfo {
    /**
     * Stable snake_case code. Never renamed or reused.
     */
    code: string;
    severity: Severity;
    /**
     * The citation that makes it a rule (instrument + article), or the standard it checks.
     */
    basis: string;
    /**
     * One-line summary in Chinese.
     */
    summary_zh: string;
    /**
     * One-line summary in English.
     */
    summary_en: string;
    /**
     * An example of input that triggers it.
     */
    example: string;
    /**
     * Which part of gongkai emits it: `catalogue`, `check`, `request`, `screening`, `report`, `input`.
     */
    area: string;
}
/**
 * A problem found in a record: message in the requested language, with its legal basis.
 */
export interface Diagnostic {
    /**
     * Stable snake_case code (`codes()` lists them).
     */
    code: string;
    severity: Severity;
    /**
     * JSON pointer (RFC 6901) into the record; "" is the whole record.
     */
    path: string;
    message: string;
    /**
     * The citation that makes it a rule.
     */
    basis: string | null;
    /**
     * What to do about it.
     */
    help?: string;
}
/**
 * What kind of day a date is.
 */
export type DayKind = { kind: "working_day" } | { kind: "weekend" } | { kind: "holiday"; name: Text } | { kind: "makeup_working_day"; name: Text } | { kind: "closure"; name: Text };
/**
 * A day on the calendar: its kind (`working_day`, `weekend`, `holiday`, `makeup_working_day`,
 * `closure`, with the holiday's or closure's `name`), whether it is a working day, and whether
 * it is `provisional` (its year has no State Council notice loaded: derived from the 放假办法).
 */
export type DayAnswer = { date: string; working_day: boolean; provisional: boolean } & DayKind;
/**
 * A statutory day, or a day off that makes one up (Art 6).
 */
export interface StatutoryDay {
    date: string;
    /**
     * The holiday's id (`spring_festival`, …).
     */
    holiday: string;
    name: Text;
}
/**
 * A year whose schedule is derived from the 放假办法 because no notice for it is loaded.
 */
export interface ProvisionalYear {
    year: number;
    reason: Text;
    /**
     * The version's Art 2 and Art 6.
     */
    basis: Citation[];
    /**
     * The statutory days assumed (Art 2), ascending.
     */
    statutory_days: StatutoryDay[];
    /**
     * Working days taken off to make up statutory days that fall on a weekend (Art 6), ascending.
     */
    makeup_days_off: StatutoryDay[];
}
/**
 * Why some days in a deadline's span do not count.
 */
export type ExcludedReason = "weekend" | "holiday" | "closure" | "consultation";
/**
 * A run of days that do not count towards a deadline.
 */
export interface ExcludedSpan {
    from: string;
    to: string;
    /**
     * Calendar days in the span.
     */
    days: number;
    reason: ExcludedReason;
    /**
     * The holiday's, closure's or consultation's name.
     */
    name?: Text;
}
/**
 * How a deadline was computed.
 */
export interface Explanation {
    /**
     * The rule applied, when the deadline comes from one.
     */
    rule?: string;
    /**
     * The date the period runs from (the start day itself is not counted).
     */
    start: string;
    /**
     * The first day that can count.
     */
    counting_from: string | null;
    working_days: number;
    /**
     * Days between the start and the due date that did not count.
     */
    excluded: ExcludedSpan[];
    due: string;
    /**
     * Notes on readings applied (start day, receipt on a non-working day, …).
     */
    notes: Text[];
    basis: Citation[];
    /**
     * The provisional years the due date depends on (no State Council notice loaded; days
     * derived from the 放假办法), with the reason and the statutory days assumed. Empty when
     * every day counted is from an announced year.
     */
    provisional?: ProvisionalYear[];
}
/**
 * A computed deadline with its working.
 */
export interface Deadline {
    due: string;
    explanation: Explanation;
}
/**
 * A deadline with its working (`due`, `explanation`) and `provisional`: true when the due date
 * depends on a year with no notice loaded (`explanation.provisional` lists those years, the
 * reason and the statutory days assumed).
 */
export interface DeadlineAnswer extends Deadline {
    provisional: boolean;
}
/**
 * Where a request stands on its reply clock.
 */
export type ClockState = "replied_in_time" | "replied_late" | "running" | "due_soon" | "overdue";
/**
 * The reply clock read on the reply date, or on `today` for a request with no reply.
 */
export interface RequestClock {
    /**
     * The day the clock is read.
     */
    on: string;
    /**
     * The reply limit (with the extension, when there is one).
     */
    limit: string;
    /**
     * Working days counted from the clock's start to `on` (consultation periods not counted).
     */
    working_days_elapsed: number;
    /**
     * Working days from `on` to the limit; negative: working days past it.
     */
    working_days_left: number;
    state: ClockState;
}
/**
 * A request's timeline: when it counts as received, what was due when, and whether the reply was in time.
 */
export interface Timeline {
    received: string;
    /**
     * The receipt date the clocks run from, after the non-working-day reading.
     */
    effective_received: string;
    /**
     * Which reading of a non-working-day receipt was applied.
     */
    receipt_reading: Text;
    correction_notice_due?: Deadline;
    /**
     * The 20-working-day reply limit (from the corrected request when there was a correction),
     * consultation periods excluded. `None` while a correction is outstanding.
     */
    reply_due?: Deadline;
    /**
     * The reply limit with the extension added.
     */
    extended_due?: Deadline;
    reply_date?: string;
    reply_in_time?: boolean;
    /**
     * Working days elapsed and left, on the reply date or on `today`; absent while a correction
     * is outstanding, or with neither a reply nor `today`.
     */
    clock?: RequestClock;
}
/**
 * A request's timeline and the request checks. `timeline` is `None` when the record is not a
 * well-formed request, and the diagnostics say why: a problem of the record is in the answer,
 * as in a check, so a batch of requests is answered request by request. Every front door gives
 * this answer (`gongkai deadline request`, Python's `request_timeline`, the browser's
 * `requestTimeline`; `tests/calls/request_timeline.json` checks all three).
 */
export interface RequestTimelineAnswer {
    timeline: Timeline | null;
    /**
     * True when a limit depends on a year with no notice loaded.
     */
    provisional: boolean;
    diagnostics: Diagnostic[];
}
/**
 * One band's part of a fee.
 */
export interface BandCharge {
    from: number;
    to: number;
    /**
     * Units (pieces or pages) charged in this band.
     */
    units: number;
    yuan_each: number;
    subtotal: number;
}
/**
 * A fee with its working.
 */
export interface Fee {
    /**
     * `pieces` or `pages`.
     */
    unit: "pieces" | "pages";
    units: number;
    /**
     * Yuan.
     */
    amount: number;
    bands: BandCharge[];
    basis: Citation[];
    notes?: Text[];
}
/**
 * What a finding is.
 */
export type ScreeningKind = "resident_id" | "mobile" | "bank_card" | "email" | "passport" | "travel_permit" | "vehicle_plate" | "credit_code" | "classified_marking" | "internal_marking";
/**
 * One thing found in a text. Spans are given three ways so that Rust (bytes), Python
 * (Unicode scalars) and JavaScript (UTF-16 code units) can all slice the text with them.
 */
export interface Finding {
    kind: ScreeningKind;
    code: string;
    severity: Severity;
    /**
     * 0–1: how sure the detector is that this is what `kind` says.
     */
    confidence: number;
    /**
     * The value is already masked (only reported with [`ScanOptions::include_redacted`]).
     */
    redacted: boolean;
    /**
     * The label just before the value (`身份证号`, `咨询电话` …) that informed the finding.
     */
    label?: string;
    /**
     * Why the detector decided as it did, when the context changed its mind:
     * `organisational_label` (咨询电话 …), `government_domain` (an address at a .gov.cn
     * domain), `contact_block` (in a 联系方式 block with the office's address or hours).
     */
    reason?: string;
    /**
     * Unicode scalar offsets (Python `str` indices).
     */
    start: number;
    end: number;
    /**
     * UTF-16 code-unit offsets (JavaScript string indices).
     */
    utf16_start: number;
    utf16_end: number;
    /**
     * UTF-8 byte offsets (Rust `&str` indices).
     */
    byte_start: number;
    byte_end: number;
    /**
     * The value masked as [`RedactMode::Mask`] would write it: safe to print and log.
     */
    preview: string;
    /**
     * The full value, only with [`ScanOptions::include_values`].
     */
    value?: string;
}
/**
 * One replacement, located in the original text (offsets as in [`Finding`]).
 */
export interface Change {
    kind: ScreeningKind;
    code: string;
    start: number;
    end: number;
    utf16_start: number;
    utf16_end: number;
    byte_start: number;
    byte_end: number;
    /**
     * What now stands in the text.
     */
    replacement: string;
}
/**
 * The redacted text and what changed.
 */
export interface Redaction {
    text: string;
    changes: Change[];
}
/**
 * A site check finding: `kind` is what it does to the verdict.
 */
export interface SiteFinding {
    code: string;
    kind: "input" | "veto" | "deduction" | "warning";
    severity: Severity;
    path: string;
    message: string;
    basis: string | null;
    status: Status;
    indicator?: string;
    points?: number;
    days_left?: number;
    due?: string;
}
/**
 * `gongkai site check --format json`.
 */
export interface SiteCheck {
    kind: "site_check";
    verdict: "pass" | "fail";
    score: number;
    pass_score: number;
    vetoes: number;
    deductions: number;
    warnings: number;
    input_errors: number;
    as_of: string | null;
    site: { name: string; institution?: string; url?: string };
    columns: number;
    items: number;
    findings: SiteFinding[];
    rectifications: { code: string; kind: SiteFinding["kind"]; path: string; what: string; days_left: number | null; due: string | null }[];
    indicators: { id: string; kind: "veto" | "deduction"; title: Text; result: "pass" | "warning" | "fail" | "deducted"; found: number; points_lost?: number; basis: string; status: Status }[];
    interaction: { response_hours: number; close_working_days: number; basis: string; status: Status; counting: string; messages: number; answered: number; open: number; response_judged: number; responded_on_time: number; response_rate: number | null; close_judged: number; closed_on_time: number; close_rate: number | null };
    rules: { version: string; overlays: string[] };
}
/**
 * Information requested by several applicants from one organ and granted.
 */
export interface Candidate {
    /**
     * The organ asked (the records' `institution.name`).
     */
    institution: string;
    /**
     * The information as the first request words it.
     */
    information: string;
    /**
     * Distinct applicants (requests without an `applicant` each count as one).
     */
    applicants: number;
    requests: CandidateRequest[];
    basis: string;
}
/**
 * One request behind a candidate.
 */
export interface CandidateRequest {
    /**
     * Its index among the records given (the JSON pointer of a batch is `/<index>`).
     */
    index: number;
    id?: string;
    applicant?: string;
    received?: string;
    /**
     * `granted`, or `partial` for a part disclosure.
     */
    response: "granted" | "partial";
}
/**
 * The candidates, and a diagnostic for each record that could not be read (at its index).
 */
export interface CandidatesAnswer {
    candidates: Candidate[];
    diagnostics: Diagnostic[];
}
