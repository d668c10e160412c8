// The facade's check options through the package: select/ignore/strict_members and a record's own
// suppressions give what `gongkai check` and Python's `check` give (the shared conformance cases
// run the same options in all three; these are the errors and the shapes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "../pkg/node.js";

const record = {
  kind: "publication", item: "admin.art20.01", title: "某县人民政府关于印发某办法的通知",
  institution: { kind: "administrative", tier: "county", role: "government" },
  formed: "2025-01-24", published: "2025-02-07", channels: ["government_website"],
  fields: { document_title: "某办法", document_number: "某府发〔2025〕1号", issue_date: "2025-01-24" },
  remark: "经办人电话13912345678",
};
const codes = (diags) => diags.map((d) => d.code).sort();

test("select and ignore choose the codes, by code, prefix or area; the more specific wins", () => {
  const everything = codes(check(record));
  assert.ok(everything.includes("record_unknown_member") && everything.includes("screening_mobile"), everything);
  assert.deepEqual(codes(check(record, { select: ["screening"] })), ["screening_mobile"]);
  assert.deepEqual(codes(check(JSON.stringify(record), { ignore: ["screening_mobile"] })),
    everything.filter((c) => c !== "screening_mobile"));
  assert.deepEqual(codes(check(record, { select: ["screening_mobile"], ignore: ["screening"] })), ["screening_mobile"]);
  const strict = check(record, { strict_members: true, select: ["record"] });
  assert.deepEqual(strict.map((d) => [d.code, d.severity]), [["record_unknown_member", "error"]]);
});

test("a record's x-gongkai suppression applies, and one without a reason is reported", () => {
  const pairs = (diags) => diags.map((d) => `${d.code} ${d.path}`).sort();
  const others = pairs(check(record)).filter((p) => !p.startsWith("record_unknown_member") && !p.startsWith("screening"));
  const suppressed = { ...record, "x-gongkai": { ignore: ["record_unknown_member", "screening"], reason: "测试" } };
  assert.deepEqual(pairs(check(suppressed)), others);
  const bytes = new TextEncoder().encode(JSON.stringify({ ...suppressed, "x-gongkai": { ignore: ["screening"] } }));
  assert.deepEqual(pairs(check(bytes)),
    [...others, "record_unknown_member /remark", "suppression_without_reason /x-gongkai/ignore"].sort());
});

test("an unknown selector is an error with a code and where, not a silent no-op", () => {
  assert.throws(() => check(record, { ignore: ["itme_unknown"] }), (e) => {
    assert.equal(e.name, "GongkaiError");
    assert.equal(e.code, "unknown_selector");
    assert.equal(e.path, "/ignore");
    assert.match(e.message, /item_unknown/);
    return true;
  });
  assert.throws(() => check(record, { select: ["screening", 3] }), (e) => e.code === "invalid_argument" && e.path === "/select/1");
});

test("items of a kind alone include every role's items, as Python's Catalogue.items gives them", async () => {
  const { items } = await import("../pkg/node.js");
  const ids = new Set(items({ kind: "administrative" }).map((i) => i.id));
  assert.ok(ids.has("admin.art49.report.government") && ids.has("admin.art49.report.department"));
  assert.ok(items({ kind: "administrative", tier: "county" }).length < ids.size);
  assert.throws(() => items({ tier: "county" }), (e) => e.code === "invalid_argument" && e.path === "/kind");
});
