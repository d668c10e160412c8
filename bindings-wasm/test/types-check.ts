// Compiled by `tsc --noEmit` only: shows that the declarations describe real usage and catch misuse.
import init, { items, item, itemSchema, check, deadline, scan, redact, dayKind, requestTimeline, feeByPieces, feeByPages, feeForMorePieces,
  loadCalendar, resetCalendar, loadOverlay, type Diagnostic, type GongkaiError, type ItemAnswer, type DeadlineAnswer,
  type DayAnswer, type RequestTimelineAnswer, type Fee, type Finding, type Redaction, type Timing, type Severity } from "../pkg/gongkai.js";

export async function usage(): Promise<string[]> {
  await init();
  const list = items({ kind: "administrative", tier: "county" });
  const first: string = list[0].title.zh;
  // The answers, typed with the names tsify generates from the Rust types.
  const one: ItemAnswer = item("admin.art20.01");
  const source: string = one.source;
  const timing: Timing = one.timing;
  const days: number = timing.kind === "within_working_days" ? timing.days : 0;
  const answer: DeadlineAnswer = deadline({ start: "2025-09-30", working_days: 20 });
  const provisionalYears: number[] = (answer.explanation.provisional ?? []).map((p) => p.year);
  const today: DayAnswer = dayKind("2025-10-08");
  const working: boolean = today.working_day;
  const reply: RequestTimelineAnswer = requestTimeline({ kind: "request", received: "2025-09-30" }, { today: "2025-10-20" });
  const left: number = reply.timeline?.clock?.working_days_left ?? 0;
  const charged: Fee = feeByPieces(11);
  const found: Finding[] = scan("手机13800138000", { include_values: true });
  const severity: Severity = found[0].severity;
  const redacted: Redaction = redact("手机13800138000");
  // @ts-expect-error: an item's timing has no such kind
  const wrong: Timing["kind"] = "yearly";
  // @ts-expect-error: a fee's unit is pieces or pages
  const unit: "lines" = charged.unit;
  const schema = itemSchema(item("admin.art20.01").id);
  const diags: Diagnostic[] = check({ kind: "publication" }, { today: "2025-10-01", lang: "en" });
  const selected: Diagnostic[] = check({ kind: "publication" }, { select: ["screening"], ignore: ["screening_mobile"], strict_members: true });
  const due: string = deadline({ start: "2025-09-30", rule: "request_reply" }).explanation.due;
  const text = "身份证号：11010519491231002X";
  const spans = scan(text).map((f) => text.slice(f.utf16_start, f.utf16_end));
  const masked: string = redact(text, "mask").text;
  const day = dayKind("2025-10-01");
  const holidayName = day.kind === "holiday" ? day.name.zh : "";
  try {
    items({ kind: "administrative" });
  } catch (e) {
    const err = e as GongkaiError;
    return [err.code, err.path ?? ""];
  }
  const timeline = requestTimeline({ kind: "request", received: "2025-09-30" });
  const replyDue: string = timeline.timeline?.reply_due?.due ?? "";
  const fee: number = feeByPieces(31).amount + feeByPages(100).bands[0].subtotal + feeForMorePieces(25, 10);
  loadCalendar({ covers: 2027 }, "2027.json");
  resetCalendar();
  loadOverlay({ id: "local" });
  // @ts-expect-error: lang must be "zh" or "en"
  check({}, { lang: "fr" });
  // @ts-expect-error: select lists codes
  check({}, { select: [3] });
  // @ts-expect-error: a deadline needs a start date
  deadline({ rule: "request_reply" });
  return [source, String(days), ...provisionalYears.map(String), String(working), String(left), severity, redacted.text, wrong, unit,
    first, String(schema.title), ...diags.map((d) => d.code), ...selected.map((d) => d.code), due, ...spans, masked, holidayName, replyDue, String(fee)];
}
