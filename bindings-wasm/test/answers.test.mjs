// The package's declared answer types against real answers: every function is called on the
// shared cases and examples (conformance records, request calls, site snapshots, holidays,
// fees, screening texts), each answer is written into a TypeScript file as an object literal
// typed with the declaration the function's .d.ts names, and `tsc --noEmit` must accept it.
// Object literals get TypeScript's excess-property check, so a member serde writes that the
// declaration lacks fails as surely as a declared member that is missing or of the wrong type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import * as gk from "../pkg/node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkgTypes = fileURLToPath(new URL("../pkg/gongkai.d.ts", import.meta.url));
const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));

function jsonFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return jsonFiles(p);
      return name.endsWith(".json") ? [p] : [];
    });
}

/** `[declared type, answer]` pairs: the type is the one the function's declaration returns. */
function answers() {
  const out = [];
  const add = (type, value) => out.push([type, value]);
  // A call that throws (a case about bad input) has no answer to type: GongkaiError is declared by hand.
  const tryAdd = (type, call) => {
    try {
      add(type, call());
    } catch (e) {
      if (e?.name !== "GongkaiError") throw e;
    }
  };
  gk.resetOverlays();
  gk.resetCalendar();

  add("Institutions", gk.institutions());
  add("Domains", gk.domains());
  const all = gk.items();
  add("ItemAnswer[]", all);
  add("ItemAnswer", gk.item(all[0].id));
  add("Ground[]", gk.grounds());
  add("CodeInfo[]", gk.codes());
  // Resolved with an overlay that changes items: their `changed_by`.
  const overlay = "examples/overlays/county-health-catalogue.yaml";
  gk.loadOverlay(YAML.parse(readFileSync(join(root, overlay), "utf8")), overlay);
  add("ItemAnswer[]", gk.items({ kind: "health", tier: "hospital" }));
  gk.resetOverlays();

  // Every conformance record, in both languages, with the case's overlays and options.
  const casesDir = join(root, "tests/cases");
  for (const file of jsonFiles(casesDir)) {
    const c = JSON.parse(readFileSync(file, "utf8"));
    if (!("input" in c) && !("record" in c)) continue;
    const opts = c.options ?? {};
    gk.resetOverlays();
    for (const rel of opts.overlays ?? []) gk.loadOverlay(YAML.parse(readFileSync(join(casesDir, rel), "utf8")), rel);
    const record = c.input ?? c.record;
    const input = typeof record === "string" ? JSON.stringify(record) : record;
    for (const lang of ["zh", "en"]) {
      add("Diagnostic[]", gk.check(input, { today: opts.today, skip_screening: opts.skip_screening,
        strict_calendar: opts.strict_calendar, strict_members: opts.strict_members, lang }));
    }
    if (record && typeof record === "object" && record.kind === "request") {
      tryAdd("RequestTimeline", () => gk.requestTimeline(record, { today: opts.today, lang: "en" }));
    }
  }
  gk.resetOverlays();
  for (const call of JSON.parse(readFileSync(join(root, "tests/calls/request_timeline.json"), "utf8")).calls) {
    tryAdd("RequestTimeline", () => gk.requestTimeline(call.record, call.options));
  }

  // Days of every kind, announced and provisional; deadlines by rule and by count.
  for (const date of ["2025-10-09", "2025-10-04", "2025-10-01", "2025-09-28", "2031-10-01", "2031-10-04"]) {
    add("DayAnswer", gk.dayKind(date));
  }
  gk.loadCalendar({ closures: [{ name: { zh: "年终盘点", en: "year-end stocktake" }, from: "2025-12-29", to: "2025-12-30", basis: "test" }] }, "closures.json");
  add("DayAnswer", gk.dayKind("2025-12-29"));
  add("DeadlineAnswer", gk.deadline({ start: "2025-12-26", working_days: 5 }));
  gk.resetCalendar();
  add("DeadlineAnswer", gk.deadline({ start: "2025-09-30", rule: "request_reply" }));
  add("DeadlineAnswer", gk.deadline({ start: "2031-09-28", working_days: 20 }));

  for (const n of [0, 10, 31, 120, 5000]) {
    add("Fee", gk.feeByPieces(n));
    add("Fee", gk.feeByPages(n));
  }

  const text = "联系人张三，身份证号11010519491231002X，手机13800138000，邮箱zhang@example.com，此件机密★1年";
  add("Finding[]", gk.scan(text));
  add("Finding[]", gk.scan(text, { include_values: true, include_redacted: true }));
  for (const mode of ["mask", "label", "remove"]) add("Redaction", gk.redact(text, mode));

  const siteDir = join(root, "tests/site-cases");
  for (const file of jsonFiles(siteDir)) {
    const c = JSON.parse(readFileSync(file, "utf8"));
    const options = { ...(c.options ?? {}) };
    options.overlays = (options.overlays ?? []).map((p) => YAML.parse(readFileSync(join(siteDir, p), "utf8")));
    tryAdd("SiteCheck", () => gk.siteCheck(c.snapshot ?? c.input, options));
  }
  const rec = (id, who, response_type = "granted") => ({ kind: "request", id, institution: { name: "某县自然资源局" },
    applicant: who, requested: "某村征地补偿安置方案", received: "2026-01-05", response_type });
  add("ProactiveCandidates", gk.proactiveCandidates([rec("r1", "甲"), rec("r2", "乙", "partial"), rec("r3", "甲"), { kind: "request" }]));
  add("ProactiveCandidates", gk.proactiveCandidates([rec("r1", "甲")], { lang: "en", min_applicants: 3 }));
  return out;
}

/** Runs tsc on `pairs` written as typed constants; returns its exit status and output. */
function typecheck(pairs) {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-answers-"));
  try {
    const names = [...new Set(pairs.map(([t]) => t.replace(/\[\]$/, "")))].sort();
    const lines = [`import type { ${names.join(", ")} } from ${JSON.stringify(pkgTypes.replace(/\.d\.ts$/, ".js"))};`];
    pairs.forEach(([type, value], i) => lines.push(`export const a${i}: ${type} = ${JSON.stringify(value)};`));
    writeFileSync(join(dir, "answers.ts"), lines.join("\n") + "\n");
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true,
        noEmit: true, skipLibCheck: true, lib: ["es2022", "dom"], types: [] },
      files: ["answers.ts"],
    }));
    const r = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pairs = answers();

test("every function's real answers are typed by its generated declaration", () => {
  const types = new Set(pairs.map(([t]) => t));
  for (const t of ["ItemAnswer[]", "Diagnostic[]", "DayAnswer", "DeadlineAnswer", "RequestTimeline", "Fee", "Finding[]",
    "Redaction", "SiteCheck", "ProactiveCandidates", "Ground[]", "CodeInfo[]", "Institutions", "Domains"]) {
    assert.ok(types.has(t), `no answer typed ${t}`);
  }
  // Answers that carry the optional members, so that those are checked too.
  const flat = JSON.stringify(pairs);
  for (const member of ['"help":', '"provisional":[{', '"clock":', '"changed_by":', '"value":', '"days_left":', '"notes":']) {
    assert.ok(flat.includes(member), `no answer with ${member}`);
  }
  const { status, output } = typecheck(pairs);
  assert.equal(status, 0, output);
});

test("the check fails on an answer the declarations do not describe", () => {
  const fee = pairs.find(([t]) => t === "Fee")[1];
  const day = pairs.find(([t]) => t === "DayAnswer")[1];
  const timeline = pairs.find(([t, v]) => t === "RequestTimeline" && v.timeline?.reply_due)[1];
  const { status, output } = typecheck([
    ["Fee", { ...fee, currency: "CNY" }],
    ["DayAnswer", { ...day, kind: "holiday_eve" }],
    // Deep inside an answer: a deadline's explanation without its `basis`.
    ["RequestTimeline", { ...timeline, timeline: { ...timeline.timeline,
      reply_due: { ...timeline.timeline.reply_due, explanation: { ...timeline.timeline.reply_due.explanation, basis: undefined } } } }],
  ]);
  assert.notEqual(status, 0);
  assert.match(output, /currency/);
  assert.match(output, /holiday_eve/);
  assert.match(output, /basis/);
});
