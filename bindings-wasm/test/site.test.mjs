// Site inspection through the package: the shared site cases (tests/site-cases/*.json, as the
// Rust and Python suites run them), the examples, and bad input as findings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import * as gk from "../pkg/node.js";

const casesDir = fileURLToPath(new URL("../../tests/site-cases/", import.meta.url));
const examples = fileURLToPath(new URL("../../examples/site/", import.meta.url));
const files = readdirSync(casesDir).filter((f) => f.endsWith(".json")).sort();

test("there are site cases to run", () => assert.ok(files.length >= 30, `${files.length} cases`));

for (const name of files) {
  const c = JSON.parse(readFileSync(join(casesDir, name), "utf8"));
  test(`site case ${name}`, () => {
    const options = { ...(c.options ?? {}) };
    // The package reads overlays as objects (no YAML reader in the browser build).
    options.overlays = (options.overlays ?? []).map((p) => YAML.parse(readFileSync(join(casesDir, p), "utf8")));
    const snapshot = c.snapshot ?? c.input;
    const r = gk.siteCheck(snapshot, options);
    const got = new Set(r.findings.map((f) => `${f.code} ${f.path}`));
    const want = new Set(c.expect.map((e) => `${e.code} ${e.path}`));
    assert.deepEqual([...got].sort(), [...want].sort());
  });
}

test("the examples: one passes with 100, one fails with 10 vetoes and 96 points", () => {
  const clean = gk.siteCheck(readFileSync(join(examples, "county-clean.json"), "utf8"));
  assert.equal(clean.verdict, "pass");
  assert.equal(clean.score, 100);
  const failing = gk.siteCheck(JSON.parse(readFileSync(join(examples, "township-failing.json"), "utf8")), { lang: "en" });
  assert.equal(failing.verdict, "fail");
  assert.equal(failing.vetoes, 10);
  assert.equal(failing.score, 96);
  assert.equal(failing.findings[0].path, "/homepage");
  assert.match(failing.findings[0].message, /^the homepage/);
});

test("bad arguments throw with a pointer; bad snapshots are findings", () => {
  assert.throws(() => gk.siteCheck({ kind: "site" }, { as_of: "2026/03/10" }), (e) => e.path === "/as_of");
  assert.throws(() => gk.siteCheck(undefined), (e) => e.code === "invalid_argument");
  const r = gk.siteCheck("[1, 2]");
  assert.equal(r.verdict, "fail");
  assert.equal(r.findings[0].code, "site_invalid_snapshot");
});

test("proactive candidates (条例 Art 44): two applicants granted the same information", () => {
  const rec = (id, who) => ({ kind: "request", id, applicant: who, received: "2026-03-02",
    institution: { kind: "administrative", tier: "county", name: "某县自然资源局" },
    requested: "某村征地补偿安置方案", response_type: "granted" });
  const out = gk.proactiveCandidates([rec("r1", "甲"), rec("r2", "乙"), rec("r3", "甲")]);
  assert.equal(out.candidates.length, 1);
  assert.equal(out.candidates[0].applicants, 2);
  assert.deepEqual(out.candidates[0].requests.map((r) => r.id), ["r1", "r2", "r3"]);
  // read as `check` reads a request: a misspelt receipt date is reported and the request left out
  const { received, ...typo } = rec("r4", "丙");
  const withTypo = gk.proactiveCandidates([rec("r1", "甲"), { ...typo, recieved: received }]);
  assert.equal(withTypo.candidates.length, 0);
  assert.deepEqual(withTypo.diagnostics.map((d) => d.path), ["/1/recieved", "/1/received"]);
  assert.throws(() => gk.proactiveCandidates([], { min_applicants: "two" }), (e) => e.path === "/min_applicants");
});
