// End-to-end: the demo form in headless Chromium. Types a record with an ID number in the body
// and a publication date past the 20-working-day limit, checks the diagnostics appear next to
// their fields, masks the body with one click, and saves a screenshot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "../demo/serve.mjs";
import { launch } from "./chromium.mjs";

let server, browser, page, base;
const ID = "11010519491231002X"; // GB 11643's own example: a valid check digit

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
  page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${base}/demo/`);
  await page.waitForFunction(() => window.gongkaiReady === true, null, { timeout: 20000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("live diagnostics, deadline working and one-click masking", async () => {
  await page.selectOption("#kind", "administrative");
  await page.selectOption("#tier", "county");
  await page.selectOption("#role", "government");
  await page.selectOption("#item", "admin.art20.01");
  await page.fill("#title", "某县人民政府关于印发某某办法的通知");
  await page.fill("#f-document_title", "某某办法");
  await page.fill("#f-issue_date", "2025-09-30");
  // Formed 30 September 2025: 20 working days (条例 Art 26) end on 4 November, after National Day.
  await page.fill("#formed", "2025-09-30");
  await page.fill("#published", "2025-11-20");
  await page.fill("#body", `经办人：张三，身份证号：${ID}，联系电话13812345678。`);

  const late = page.locator('.field[data-path="/published"] .diag[data-code="publication_late"]');
  await late.waitFor();
  assert.match(await late.textContent(), /第二十六条|26/);
  const missing = page.locator('.field[data-path="/fields/document_number"] .diag');
  assert.ok((await missing.count()) > 0, "missing required element flagged at its field");
  const bodyDiag = page.locator('.field[data-path="/body"] .diag[data-code="screening_resident_id"]');
  assert.ok((await bodyDiag.count()) > 0, "personal data flagged at the body");
  assert.equal(await page.locator('#body-view mark[data-kind="resident_id"]').textContent(), ID);
  assert.match(await page.locator("#deadline").textContent(), /2025-11-04/);

  await page.screenshot({ path: fileURLToPath(new URL("../demo/screenshot.png", import.meta.url)), fullPage: true });

  // A limit running into 2027 (no notice yet) is marked provisional, prominently.
  await page.fill("#formed", "2026-12-07");
  await page.fill("#published", "");
  const provisional = page.locator("#deadline .provisional");
  await provisional.waitFor();
  assert.match(await provisional.textContent(), /2027/);
  assert.match(await page.locator("#deadline").textContent(), /2027-01-05/);
  await page.fill("#formed", "2025-09-30");
  await page.fill("#published", "2025-11-20");

  await page.click("#mask");
  const body = await page.inputValue("#body");
  assert.ok(!body.includes(ID), `masked: ${body}`);
  assert.match(body, /110105\*+/);
  assert.equal(await page.locator('#body-view mark[data-kind="resident_id"]').count(), 0);
  await page.waitForFunction(() => !document.querySelector('.field[data-path="/body"] .diag[data-code^="screening_resident_id"]'));

  await page.click("#lang");
  await page.locator('.field[data-path="/published"] .diag[data-code="publication_late"]').waitFor();
  assert.match(await page.locator("h1").textContent(), /publishing form/);
  await page.screenshot({ path: fileURLToPath(new URL("../demo/screenshot-en.png", import.meta.url)), fullPage: true });
});
