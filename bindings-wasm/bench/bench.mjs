// Size and speed of the package: .wasm raw and gzipped; module start and check time in node and
// in headless Chromium, each beside the peer (ajv + JS RegExp) measured in the same run.
//   node bindings-wasm/bench/bench.mjs          (after bash bindings-wasm/build.sh)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { makeRecord, makePeer, medianMicros } from "./records.js";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const wasm = readFileSync(here("../pkg/gongkai_bg.wasm"));
const gz = gzipSync(wasm, { level: 9 }).length;
const fmt = (n, d = 1) => n.toFixed(d);
console.log(`wasm: ${wasm.length} bytes raw (${fmt(wasm.length / 1048576, 2)} MiB; budget 1.5 MB), ${gz} gzipped (${fmt(gz / 1024, 0)} KiB; budget 500 KB)`);

// The schema of records, for the peer (same file in node and the page).
const recordSchema = JSON.parse(readFileSync(here("../../catalogues/schema/record.schema.json"), "utf8"));
writeFileSync(here("record.schema.json"), JSON.stringify(recordSchema));

// node
const t0 = performance.now();
const gk = await import("../pkg/node.js");
const tInit = performance.now() - t0;
const t1 = performance.now();
gk.check({ kind: "publication", item: "admin.art20.01" });
const tFirst = performance.now() - t1;
const records = Array.from({ length: 16 }, (_, i) => makeRecord(i, i % 4 === 0));
const { default: Ajv } = await import("ajv/dist/2020.js");
const peer = makePeer(Ajv, recordSchema, gk.itemSchema("admin.art20.01"));
const nodeGk = medianMicros((r) => gk.check(r), records);
const nodeAjv = medianMicros(peer, records);
console.log(`node: import+instantiate ${fmt(tInit)} ms, first check (parses embedded catalogues) ${fmt(tFirst)} ms; ` +
  `check of a ${JSON.stringify(records[0]).length}-char record: gongkai ${fmt(nodeGk)} µs median, ajv+RegExp ${fmt(nodeAjv)} µs (ratio ${fmt(nodeGk / nodeAjv, 2)}×)`);

// Chromium: bundle ajv's 2020 build for the page, then run bench/index.html.
try {
  const { launch } = await import("../e2e/chromium.mjs");
  const { serve } = await import("../demo/serve.mjs");
  const { bundleAjv } = await import("./bundle-ajv.mjs");
  bundleAjv(here("ajv-bundle.js"));
  const server = await serve(0);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/`);
    const r = await page.waitForFunction(() => window.benchResult, null, { timeout: 120000 }).then((h) => h.jsonValue());
    const ph = r.phases;
    console.log(`chromium: module start (compile ${fmt(ph.compileMs)} + instantiate ${fmt(ph.instantiateMs)}) ${fmt(ph.compileMs + ph.instantiateMs)} ms (budget 50); ` +
      `loading the glue and the .wasm from the local server before it ${fmt(ph.glueMs + ph.fetchMs)} ms`);
    console.log(`chromium: init ${fmt(r.initMs)} ms in all, first check ${fmt(r.firstCheckMs)} ms; check of a ${r.recordChars}-char record: ` +
      `gongkai ${fmt(r.gongkaiCheckUs)} µs median (budget 30; ${fmt(r.gongkaiCheckTextUs)} µs from JSON text), ` +
      `ajv+RegExp ${fmt(r.peerAjvRegexUs)} µs (ratio ${fmt(r.ratio, 2)}×)`);
  } finally {
    await browser.close();
    server.close();
  }
} catch (e) {
  console.log(`chromium: not measured (${e.message})`);
}
