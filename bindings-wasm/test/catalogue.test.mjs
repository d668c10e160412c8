// Catalogue queries through the npm package, checked against the YAML in catalogues/.
import { test } from "node:test";
import assert from "node:assert/strict";
import init, { items, item, itemSchema, grounds, codes, institutions, domains } from "../pkg/node.js";

test("init resolves under node without fetching anything", async () => {
  const exports = await init();
  assert.equal(typeof exports.memory, "object");
});

test("a county government's items include Art 20 (1) documents, from the national template", () => {
  const list = items({ kind: "administrative", tier: "county", role: "government" });
  const doc = list.find((i) => i.id === "admin.art20.01");
  assert.ok(doc, "admin.art20.01 listed");
  assert.equal(doc.source, "admin.national");
  assert.equal(doc.title.zh, "行政法规、规章和规范性文件");
  assert.deepEqual(doc.timing.basis, { instrument: "政府信息公开条例", article: "第二十六条" });
  assert.equal(doc.timing.days, 20);
});

test("filters narrow: no administrative items for a school", () => {
  const all = items();
  const school = items({ kind: "school" });
  assert.ok(all.length >= school.length);
  assert.ok(!school.some((i) => i.id.startsWith("admin.")));
});

test("item and itemSchema agree on the required elements", () => {
  const it = item("admin.art20.01");
  const schema = itemSchema("admin.art20.01");
  const required = it.elements.filter((e) => e.required !== false).map((e) => e.key);
  assert.deepEqual(schema.required, required);
  assert.equal(schema.properties.issue_date.format, "date");
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
});

test("institutions list the administrative tiers of the 条例, and 街道办事处", () => {
  const admin = institutions().kinds.find((k) => k.id === "administrative");
  assert.deepEqual(admin.tiers.map((t) => t.id), ["national", "provincial", "municipal", "county", "township", "subdistrict"]);
  assert.ok(institutions().kinds.some((k) => k.id === "authorised_organisation"), "条例 Art 54 kind");
});

test("grassroots rows carry their domain and level; a township gets the 乡级 rows", () => {
  assert.equal(domains().domains.length, 26);
  const town = items({ kind: "administrative", tier: "township", role: "government", domain: "社会救助" });
  assert.equal(town.length, 9);
  assert.ok(town.every((i) => i.domain === "社会救助" && i.level === "县级、乡级、村级"));
  const tax = items({ kind: "administrative", tier: "township", role: "government", domain: "tax_administration" });
  assert.equal(tax.length, 0, "税收管理 rows are 县级 only");
  assert.throws(() => items({ domain: "太空" }), (e) => e.code === "invalid_argument" && e.path === "/domain");
});

test("grounds and codes carry their citations", () => {
  for (const g of grounds()) assert.ok(g.basis.length > 0 && g.basis[0].instrument, g.id);
  const list = codes();
  assert.ok(list.length > 0);
  for (const c of list) {
    assert.match(c.code, /^[a-z0-9_]+$/);
    assert.ok(["info", "warning", "error"].includes(c.severity), c.code);
  }
});
