// Compiled by `tsc --noEmit` only: shows that the declarations describe real usage and catch misuse.
import init, { items, item, itemSchema, check, deadline, scan, redact, dayKind, requestTimeline, feeByPieces, feeByPages, feeForMorePieces,
  loadCalendar, resetCalendar, loadOverlay, type Diagnostic, type GongkaiError } from "../pkg/gongkai.js";

export async function usage(): Promise<string[]> {
  await init();
  const list = items({ kind: "administrative", tier: "county" });
  const first: string = list[0].title.zh;
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
  return [first, String(schema.title), ...diags.map((d) => d.code), ...selected.map((d) => d.code), due, ...spans, masked, holidayName, replyDue, String(fee)];
}
