// Calendar, deadlines and screening through the package, against the State Council's notices
// and GB 11643's own example ID number.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isWorkingDay, dayKind, addWorkingDays, workingDaysBetween, deadline, scan, redact } from "../pkg/node.js";

test("National Day 2025 (国办发明电〔2024〕12号): 1–8 October off, 28 September and 11 October worked", () => {
  assert.equal(isWorkingDay("2025-10-08"), false);
  assert.equal(isWorkingDay("2025-09-28"), true);
  assert.equal(dayKind("2025-10-01").kind, "holiday");
  assert.equal(dayKind("2025-10-11").kind, "makeup_working_day");
  assert.equal(dayKind("2025-10-12").kind, "weekend");
});

test("20 working days from 30 September 2025 fall on 4 November, with the holiday shown", () => {
  assert.equal(addWorkingDays("2025-09-30", 20), "2025-11-04");
  assert.equal(workingDaysBetween("2025-09-30", "2025-11-04"), 20);
  const d = deadline({ start: "2025-09-30", rule: "request_reply" });
  assert.equal(d.due, "2025-11-04");
  assert.equal(d.explanation.rule, "request_reply");
  const holiday = d.explanation.excluded.find((s) => s.reason === "holiday");
  assert.equal(holiday.from, "2025-10-01");
  assert.equal(holiday.to, "2025-10-08");
  assert.ok(d.explanation.basis.some((b) => b.instrument === "政府信息公开条例"));
});

test("scan offsets slice JS strings, including after astral characters", () => {
  const text = "𠀀😀 申请人身份证号：11010519491231002X，手机13812345678。";
  const found = scan(text);
  const id = found.find((f) => f.kind === "resident_id");
  assert.equal(text.slice(id.utf16_start, id.utf16_end), "11010519491231002X");
  const mobile = found.find((f) => f.kind === "mobile");
  assert.equal(text.slice(mobile.utf16_start, mobile.utf16_end), "13812345678");
  assert.ok(!id.preview.includes("19491231"), "preview is masked");
  assert.equal(id.value, undefined);
  assert.equal(scan(text, { include_values: true }).find((f) => f.kind === "resident_id").value, "11010519491231002X");
});

test("redact masks personal data and says where", () => {
  const text = "身份证号：11010519491231002X";
  const r = redact(text);
  assert.ok(!r.text.includes("11010519491231002X"));
  assert.equal(r.changes.length, 1);
  assert.equal(text.slice(r.changes[0].utf16_start, r.changes[0].utf16_end), "11010519491231002X");
  assert.equal(redact(r.text).changes.length, 0, "idempotent");
  assert.match(redact(text, "label").text, /\[/);
});
