// scanFile / redactFile in the files-enabled build (`bash bindings-wasm/build.sh --features files`
// → pkg-files/; scripts/test-wasm.sh builds it). The files are made in fixtures.mjs, not committed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { ID, workbookWithHiddenSheet, gb18030Csv, pageWithAltId } from "./fixtures.mjs";

const built = existsSync(new URL("../pkg-files/gongkai_bg.wasm", import.meta.url));
// Without the build these tests fail rather than pass unseen: the build is part of the suite.
const { scanFile, redactFile, scan } = built
  ? await import("../pkg-files/node.js")
  : { scanFile: () => assert.fail("build pkg-files first: bash bindings-wasm/build.sh --features files") };

test("a workbook's hidden sheet: the full ID found at 原始数据!C2, the masked one on the visible sheet passed", () => {
  const result = scanFile(workbookWithHiddenSheet(), "名单.xlsx");
  assert.equal(result.kind, "xlsx");
  assert.deepEqual(result.sheets.map((s) => [s.name, s.state]), [["公示名单", "visible"], ["原始数据", "hidden"]]);
  const ids = result.findings.filter((f) => f.kind === "resident_id" && !f.redacted);
  assert.equal(ids.length, 1);
  assert.deepEqual(ids[0].location, { in: "cell", sheet: "原始数据", cell: "C2", hidden_sheet: true });
  assert.equal(ids[0].preview, "110105********002X");
  assert.equal(ids[0].value, undefined, "no full value unless asked");
  assert.ok(result.notices.some((n) => n.code === "screening_hidden_content"));
});

test("the same findings as scanning the cell's text alone", () => {
  const inFile = scanFile(workbookWithHiddenSheet(), "名单.xlsx").findings.find((f) => f.kind === "resident_id");
  const inText = scan(ID)[0];
  for (const key of ["kind", "code", "severity", "start", "end", "preview"]) assert.equal(inFile[key], inText[key], key);
});

test("redactFile masks the hidden sheet's cell and the copy screens clean", () => {
  const out = redactFile(workbookWithHiddenSheet(), "名单.xlsx");
  assert.ok(out.bytes instanceof Uint8Array && out.bytes.length > 0);
  assert.equal(out.masked.length, 1);
  assert.deepEqual(out.remaining, []);
  const again = scanFile(out.bytes, "名单.redacted.xlsx");
  assert.deepEqual(again.findings.filter((f) => f.kind === "resident_id" && !f.redacted), []);
  // The copy is still a workbook with both sheets.
  assert.deepEqual(again.sheets.map((s) => s.name), ["公示名单", "原始数据"]);
});

test("a GB18030 CSV is detected, decoded and located by line and column", () => {
  const result = scanFile(gb18030Csv(), "名单.csv");
  assert.equal(result.encoding, "GB18030");
  const id = result.findings.find((f) => f.kind === "resident_id");
  assert.deepEqual(id.location, { in: "line", line: 2, column: 2 });
});

test("an ID in an <img alt> attribute is found at its element and line", () => {
  const result = scanFile(pageWithAltId(), "list.html");
  const id = result.findings.find((f) => f.kind === "resident_id");
  assert.equal(id.location.in, "element");
  assert.equal(id.location.element, "img");
  assert.equal(id.location.attribute, "alt");
  assert.equal(id.location.line, 3);
});

test("a PDF is not passed: the browser build says it was not screened", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
  const result = scanFile(pdf, "decision.pdf");
  assert.deepEqual(result.findings, []);
  assert.equal(result.notices[0].code, "screening_not_screened");
  assert.equal(result.notices[0].severity, "error");
});

test("a damaged workbook throws a GongkaiError naming the part, and the module still works", () => {
  const broken = workbookWithHiddenSheet().slice(0, 200);
  assert.throws(() => scanFile(broken, "名单.xlsx"), (e) => e.name === "GongkaiError" && /^file_/.test(e.code));
  assert.throws(() => scanFile(new Uint8Array([1, 2]), "x", "docm"), (e) => e.name === "GongkaiError");
  assert.equal(scanFile(pageWithAltId(), "list.html").kind, "html");
});
