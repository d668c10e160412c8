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
