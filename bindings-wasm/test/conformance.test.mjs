// The shared conformance cases (tests/cases/**/*.json), as the Rust and Python suites run them:
// the set of (code, path) reported must equal the case's `expect` exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { check, loadOverlay, requestTimeline, resetOverlays } from "../pkg/node.js";

const casesDir = fileURLToPath(new URL("../../tests/cases/", import.meta.url));

function caseFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return caseFiles(p);
      return name.endsWith(".json") ? [p] : [];
    });
}

const key = (d) => `${d.code} ${d.path}`;
const files = caseFiles(casesDir);

test("there are conformance cases to run", () => assert.ok(files.length >= 50, `${files.length} cases`));

for (const file of files) {
  const c = JSON.parse(readFileSync(file, "utf8"));
  test(`case ${relative(casesDir, file)}`, () => {
    const opts = c.options ?? {};
    resetOverlays();
    // The browser build reads overlays as objects or JSON: the YAML fixture is converted here.
    for (const rel of opts.overlays ?? []) loadOverlay(YAML.parse(readFileSync(join(casesDir, rel), "utf8")), rel);
    const options = {
      today: opts.today, skip_screening: opts.skip_screening, strict_calendar: opts.strict_calendar,
      strict_members: opts.strict_members, select: opts.select, ignore: opts.ignore, lang: "en",
    };
    let input;
    // A string passed to check() is JSON text, so a record that *is* a string goes as its JSON.
    if ("record" in c) input = typeof c.record === "string" ? JSON.stringify(c.record) : c.record;
    else if ("input" in c) input = c.input;
    else input = Uint8Array.from(Buffer.from(c.input_hex, "hex"));
    try {
      const got = new Set(check(input, options).map(key));
      const want = new Set(c.expect.map(key));
      assert.deepEqual([...got].sort(), [...want].sort());
    } finally {
      resetOverlays();
    }
  });
}

// tests/calls/request_timeline.json: the calls the CLI's and Python's suites make, the same answers.
const calls = JSON.parse(readFileSync(new URL("../../tests/calls/request_timeline.json", import.meta.url), "utf8"));

/** Every member `want` gives has that value in `got` (objects compared member by member). */
function hasMembers(got, want) {
  if (want !== null && typeof want === "object" && !Array.isArray(want)) {
    return got !== null && typeof got === "object" && Object.entries(want).every(([k, v]) => k in got && hasMembers(got[k], v));
  }
  return JSON.stringify(got) === JSON.stringify(want);
}

for (const call of calls.calls) {
  test(`request timeline call: ${call.name}`, () => {
    resetOverlays();
    const got = requestTimeline(call.record, call.options);
    const want = call.expect;
    if (want.timeline === null) assert.equal(got.timeline, null);
    else assert.ok(hasMembers(got.timeline, want.timeline), JSON.stringify(got.timeline));
    assert.equal(got.provisional, want.provisional);
    assert.deepEqual(got.diagnostics.map((d) => [d.code, d.path]), want.diagnostics);
  });
}
