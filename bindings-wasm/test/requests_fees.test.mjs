// Request timelines, fees and run-time calendar files through the package, against the law's
// own limits (条例 Arts 30, 33), the fee measures' bands (国办函〔2020〕109号) and the notices.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as gk from "../pkg/node.js";

test("a request received 30 September 2025 is due 4 November (20 working days over National Day)", () => {
  const { timeline, diagnostics } = gk.requestTimeline(
    { kind: "request", received: "2025-09-30", channel: "in_person", response_type: "granted", reply_date: "2025-11-05" },
    { lang: "en" },
  );
  assert.equal(timeline.received, "2025-09-30");
  assert.equal(timeline.reply_due.due, "2025-11-04");
  assert.equal(timeline.extended_due, undefined, "no extension taken");
  assert.equal(timeline.reply_in_time, false);
  assert.ok(diagnostics.some((d) => d.code === "request_reply_late" && d.path === "/reply_date"), JSON.stringify(diagnostics));
  assert.match(diagnostics.find((d) => d.code === "request_reply_late").message, /^[a-z`]/, "English, lowercase");
});

test("an approved extension adds at most 20 working days (Art 33)", () => {
  const request = { kind: "request", received: "2025-09-30", channel: "in_person", response_type: "granted",
    reply_date: "2025-11-20", extension: { approved: true, notified: true, working_days: 20 } };
  const { timeline, diagnostics } = gk.requestTimeline(request);
  assert.equal(timeline.extended_due.due, "2025-12-02");
  assert.equal(timeline.reply_in_time, true);
  assert.deepEqual(diagnostics, []);
});

test("a correction notice is due within 7 working days of receipt (Art 30)", () => {
  const { timeline } = gk.requestTimeline({
    kind: "request", received: "2026-03-02", channel: "in_person", response_type: "granted", reply_date: "2026-04-01",
    corrections: [{ notice_date: "2026-03-12", corrected_received: "2026-03-16" }],
  });
  assert.equal(timeline.correction_notice_due.due, "2026-03-11");
  assert.equal(timeline.reply_due.due, "2026-04-14", "20 working days from the corrected request, Qingming excluded");
});

test("a record that is not a request gives diagnostics and no timeline", () => {
  const r = gk.requestTimeline({ kind: "request", received: "2025-02-30" });
  assert.equal(r.timeline, null);
  assert.ok(r.diagnostics.length > 0);
});

test("fees follow the measures' bands: 10 pieces free, then 100 and 200 yuan a piece; 30 pages free", () => {
  assert.equal(gk.feeByPieces(10).amount, 0);
  assert.equal(gk.feeByPieces(11).amount, 100);
  assert.equal(gk.feeByPieces(30).amount, 2000);
  assert.equal(gk.feeByPieces(31).amount, 2200);
  assert.equal(gk.feeByPages(30).amount, 0);
  assert.equal(gk.feeByPages(100).amount, 700);
  assert.equal(gk.feeByPages(101).amount, 720);
  assert.equal(gk.feeForMorePieces(25, 10), 1500, "pieces 26–30 at 100, 31–35 at 200");
  const fee = gk.feeByPieces(31);
  assert.deepEqual(fee.bands.map((b) => [b.from, b.to, b.yuan_each]), [[1, 10, 0], [11, 30, 100], [31, 31, 200]]);
  assert.ok(fee.basis.some((b) => b.instrument.includes("信息处理费")), JSON.stringify(fee.basis));
  for (const bad of [-1, 1.5, NaN, Infinity]) {
    assert.throws(() => gk.feeByPages(bad), (e) => e.code === "invalid_argument" && e.path === "/n");
  }
});

const YEAR_2027 = {
  covers: 2027,
  notices: [{ title: "国务院办公厅关于2027年部分节假日安排的通知（测试用）", url: "https://example.invalid/2027" }],
  holidays: [{ id: "new_year", name: { zh: "元旦", en: "New Year's Day" }, off: [{ from: "2027-01-01", to: "2027-01-03" }],
    makeup_working_days: ["2026-12-27"] },
    // Every statutory day of the 放假办法 must be off, or the file is refused.
    ...[["spring_festival", "春节", "2027-02-05", "2027-02-11"], ["qingming", "清明节", "2027-04-03", "2027-04-05"],
      ["labour_day", "劳动节", "2027-05-01", "2027-05-05"], ["dragon_boat", "端午节", "2027-06-09", "2027-06-09"],
      ["mid_autumn", "中秋节", "2027-09-15", "2027-09-15"], ["national_day", "国庆节", "2027-10-01", "2027-10-07"]]
      .map(([id, zh, from, to]) => ({ id, name: { zh, en: id }, off: [{ from, to }] }))],
};

test("a year file and closures load at run time, and reset", () => {
  assert.equal(gk.dayKind("2027-01-04").provisional, true, "2027 has no notice built in: provisional");
  gk.loadCalendar(YEAR_2027, "2027.json");
  try {
    assert.equal(gk.dayKind("2027-01-01").kind, "holiday");
    assert.equal(gk.dayKind("2027-01-01").provisional, false, "the loaded notice replaces the provisional year");
    assert.equal(gk.dayKind("2026-12-27").kind, "makeup_working_day");
    assert.equal(gk.addWorkingDays("2026-12-31", 1), "2027-01-04");
    gk.loadCalendar(JSON.stringify({ closures: [{ name: { zh: "闭馆", en: "closure" }, from: "2026-03-02", to: "2026-03-03", basis: "test" }] }));
    assert.equal(gk.dayKind("2026-03-02").kind, "closure");
    assert.equal(gk.addWorkingDays("2026-03-01", 1), "2026-03-04");
    assert.equal(gk.isWorkingDay("2027-01-04"), true, "closures keep the years loaded before");
    assert.equal(gk.deadline({ start: "2026-03-01", working_days: 1 }).due, "2026-03-04");
  } finally {
    gk.resetCalendar();
  }
  assert.equal(gk.dayKind("2027-01-04").provisional, true);
  assert.equal(gk.isWorkingDay("2026-03-02"), true);
});

test("a bad calendar file is rejected with where and why, and changes nothing", () => {
  const weekdayMakeup = { ...YEAR_2027, holidays: [{ ...YEAR_2027.holidays[0], makeup_working_days: ["2026-12-28"] }] };
  assert.throws(() => gk.loadCalendar(weekdayMakeup, "x.json"), (e) => /makeup_working_days\/0/.test(e.message));
  assert.throws(() => gk.loadCalendar("{", "x.json"), (e) => e.code === "invalid_json" && e.line === 1);
  assert.throws(() => gk.loadCalendar([]), (e) => e.name === "GongkaiError");
  assert.throws(() => gk.isWorkingDay("2040-01-04"), (e) => e.code === "calendar_year_not_covered");
});

test("provisional years, strict mode and the request clock", () => {
  const d = gk.deadline({ start: "2026-12-07", working_days: 20 });
  assert.equal(d.due, "2027-01-05");
  assert.equal(d.provisional, true);
  assert.equal(d.explanation.provisional[0].year, 2027);
  assert.ok(d.explanation.provisional[0].statutory_days.some((s) => s.date === "2027-01-01" && s.holiday === "new_year"));
  assert.equal(gk.deadline({ start: "2026-03-02", working_days: 20 }).provisional, false);
  assert.throws(() => gk.deadline({ start: "2026-12-07", working_days: 20, strict_calendar: true }),
    (e) => e.code === "calendar_year_not_covered");
  const sf = gk.dayKind("2027-02-08");
  assert.deepEqual([sf.kind, sf.name.zh, sf.provisional], ["holiday", "春节", true]);
  const record = { kind: "request", received: "2026-03-02", channel: "in_person" };
  const t = gk.requestTimeline(record, { today: "2026-04-15" });
  assert.deepEqual(t.timeline.clock, { on: "2026-04-15", limit: "2026-03-30", working_days_elapsed: 31, working_days_left: -11, state: "overdue" });
  assert.deepEqual(t.diagnostics.map((x) => x.code), ["request_overdue_unanswered"]);
  assert.deepEqual(gk.check(record, { today: "2026-04-15" }).map((x) => x.code), ["request_overdue_unanswered"]);
  const late = { kind: "request", received: "2026-12-07", channel: "online" };
  assert.equal(gk.requestTimeline(late).provisional, true);
  assert.deepEqual(gk.check(late).map((x) => x.code), ["calendar_provisional"]);
  assert.deepEqual(gk.check(late, { strict_calendar: true }).map((x) => x.code), ["request_calendar_not_covered"]);
});
