// Bad input: malformed JSON, wrong types, huge and odd strings. Each gives diagnostics or a
// thrown Error with `code` and `path`, and the module answers the next call normally.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as gk from "../pkg/node.js";

const good = { kind: "publication", item: "admin.art20.99" };
function stillWorks() {
  assert.ok(gk.check(good).some((d) => d.code === "item_unknown"), "module answers after bad input");
  assert.equal(gk.isWorkingDay("2025-10-03"), false);
}

function throwsWith(fn, code, path) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, "an Error object");
    assert.equal(e.name, "GongkaiError");
    assert.equal(e.code, code, e.message);
    if (path !== undefined) assert.equal(e.path, path, e.message);
    return true;
  });
  stillWorks();
}

test("malformed JSON text is a diagnostic with line and column", () => {
  const d = gk.check('{"kind": "publication",\n  "item": }');
  assert.deepEqual(d.map((x) => [x.code, x.path]), [["input_invalid_json", ""]]);
  assert.match(d[0].message + (d[0].help ?? ""), /2/);
  stillWorks();
});

test("non-UTF-8 bytes are a diagnostic", () => {
  const gbk = Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xb9, 0xab, 0x22, 0x7d]);
  assert.equal(gk.check(gbk)[0].code, "input_not_utf8");
  stillWorks();
});

test("wrong types in a record are diagnostics at their path", () => {
  const d = gk.check({ kind: "publication", item: "admin.art20.01", published: 20250101, body: ["x"] });
  const paths = d.map((x) => x.path);
  assert.ok(paths.includes("/published"), JSON.stringify(d));
  assert.ok(paths.includes("/body"), JSON.stringify(d));
  for (const rec of [null, 42, "[]", [], true]) assert.ok(gk.check(rec).length > 0, JSON.stringify(rec));
  stillWorks();
});

test("wrong argument types throw Errors with code and path", () => {
  throwsWith(() => gk.items({ kind: 7 }), "invalid_argument", "/kind");
  throwsWith(() => gk.items("administrative"), "invalid_argument", "");
  throwsWith(() => gk.items({ tier: "county" }), "invalid_argument", "/kind");
  throwsWith(() => gk.items({ kind: "administrative", tier: "moon" }), "invalid_argument", "/tier");
  throwsWith(() => gk.item("no.such.item"), "unknown_id");
  throwsWith(() => gk.check(good, { today: "31/12/2025" }), "invalid_date", "/today");
  throwsWith(() => gk.check(good, { lang: "fr" }), "invalid_argument", "/lang");
  throwsWith(() => gk.check(good, { skip_screening: "yes" }), "invalid_argument", "/skip_screening");
  throwsWith(() => gk.check(undefined), "invalid_argument", "");
  const cyclic = {};
  cyclic.self = cyclic;
  throwsWith(() => gk.check(cyclic), "invalid_argument", "");
  throwsWith(() => gk.check({ big: 10n }), "invalid_argument", "");
  throwsWith(() => gk.isWorkingDay("2025-02-30"), "invalid_date", "/date");
  throwsWith(() => gk.isWorkingDay("1900-01-01"), "calendar_year_not_covered", "/date");
  throwsWith(() => gk.deadline({ start: "2025-09-30" }), "invalid_argument", "");
  throwsWith(() => gk.deadline({ start: "2025-09-30", working_days: -1 }), "invalid_argument", "/working_days");
  throwsWith(() => gk.deadline({ start: "2025-09-30", rule: "nope" }), "unknown_id", "/rule");
  throwsWith(() => gk.redact("x", "shred"), "invalid_argument", "/mode");
  throwsWith(() => gk.scan("x", { include_values: 1 }), "invalid_argument", "/include_values");
});

test("a rejected overlay lists its problems and changes nothing", () => {
  const before = gk.items().length;
  throwsWith(() => gk.loadOverlay('{"id": [', "local.json"), "invalid_yaml");
  try {
    gk.loadOverlay("id: x\nversion: 1\n", "local.yaml");
    assert.fail("accepted YAML text");
  } catch (e) {
    assert.equal(e.file, "local.yaml");
    assert.match(e.message, /JSON/);
  }
  throwsWith(() => gk.loadOverlay(42), "invalid_argument", "");
  throwsWith(() => gk.loadOverlay([]), "invalid_argument", "");
  try {
    gk.loadOverlay({ id: "x", version: "1" }, "bad.json");
    assert.fail("accepted an incomplete overlay");
  } catch (e) {
    assert.equal(e.file, "bad.json");
  }
  assert.equal(gk.items().length, before);
});

test("huge and odd strings", () => {
  const huge = "公开".repeat(1_000_000) + " 11010519491231002X";
  const found = gk.scan(huge).filter((f) => f.kind === "resident_id");
  assert.equal(found.length, 1);
  assert.equal(huge.slice(found[0].utf16_start, found[0].utf16_end), "11010519491231002X");
  const longItem = gk.check({ kind: "publication", item: "x".repeat(5_000_000) });
  assert.ok(longItem.some((d) => d.code === "item_unknown"), JSON.stringify(longItem.map((d) => d.code)));
  assert.equal(gk.check("[".repeat(100_000))[0].code, "input_too_deep");
  assert.equal(gk.check("\u0000\uFFFF\uD800")[0].code, "input_invalid_json");
  throwsWith(() => gk.isWorkingDay("9".repeat(1_000_000)), "invalid_date", "/date");
  stillWorks();
});

test("a panic is thrown as an Error and the module keeps answering", () => {
  throwsWith(() => gk.__panicForTests(), "internal_panic", "");
  // Rust's std counts the first panic as still in progress (the hook threw past its end), so a
  // second panic traps without the hook: still a thrown Error (RuntimeError), still recoverable.
  assert.throws(() => gk.__panicForTests(), Error);
  stillWorks();
});
