// End-to-end: the demo form in headless Chromium. The form opens clean; typing a record with an ID
// number in the body and a publication date past the 20-working-day limit puts the diagnostics next
// to their fields, submit shows the rest; a table element is entered as rows; channels and the
// review clear their codes; the mask button counts what one click masks; screenshots are saved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "../demo/serve.mjs";
import { launch } from "./chromium.mjs";

let server, browser, page, base;
const ID = "11010519491231002X"; // GB 11643's own example: a valid check digit
const pageErrors = [];

async function openForm() {
  const p = await browser.context.newPage();
  p.on("pageerror", (e) => pageErrors.push(e));
  await p.goto(`${base}/demo/`);
  await p.waitForFunction(() => window.gongkaiReady === true, null, { timeout: 20000 });
  return p;
}

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
  page = await openForm();
  assert.deepEqual(pageErrors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
  assert.deepEqual(pageErrors, [], "no script error on any page");
});

test("the form opens clean: no diagnostic before the user types", async () => {
  const p = await openForm();
  // The empty record has errors (no formed date, no channels, a required element missing) ...
  assert.ok(Number(await p.evaluate(() => document.body.dataset.checked)) > 0, "checked on load");
  // ... but none is shown until a field is touched or the form submitted.
  assert.equal(await p.locator(".diag").count(), 0);
  assert.equal(await p.locator("#general li").count(), 0);
  assert.doesNotMatch(await p.locator("#summary").textContent(), /错误/);
  // Touching one field shows that field's problems only.
  await p.fill("#formed", "2025-13-01");
  await p.fill("#formed", "");
  await p.locator('.field[data-path="/formed"] .diag').first().waitFor();
  assert.equal(await p.locator('.field[data-path="/channels"] > .diag').count(), 0);
  await p.click("#submit");
  await p.locator('.field[data-path="/channels"] > .diag[data-code="channels_missing"]').waitFor();
  await p.close();
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
  assert.equal(await missing.count(), 0, "an untouched element is not flagged before submit");
  await page.click("#submit");
  await missing.first().waitFor();
  assert.ok((await missing.count()) > 0, "missing required element flagged at its field on submit");
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

test("a table element is entered as rows; a row's ID number is flagged at its cell", async () => {
  const p = await openForm();
  await p.selectOption("#kind", "health");
  await p.selectOption("#tier", "hospital");
  await p.selectOption("#item", "health.art6.05");
  const table = p.locator("#t-price_items");
  // The item declares no columns: the user names them.
  await table.locator("input.col-name").first().fill("name");
  await table.locator("button.add-col").click();
  await table.locator("input.col-name").nth(1).fill("contact");
  await table.locator('input[data-row="0"][data-col="0"]').fill("普通门诊诊察费");
  await table.locator("button.add-row").click();
  await table.locator('input[data-row="1"][data-col="0"]').fill("床位费");
  await table.locator('input[data-row="1"][data-col="1"]').fill(`联系人身份证 ${ID}`);
  const cell = p.locator('.field[data-path="/fields/price_items/1/contact"] .diag[data-code="screening_resident_id"]');
  await cell.waitFor();
  // Removing the first row moves the finding to row 0: the pointer follows the record.
  await table.locator('button.remove-row[data-row="0"]').click();
  await p.locator('.field[data-path="/fields/price_items/0/contact"] .diag[data-code="screening_resident_id"]').waitFor();
  assert.equal(await p.locator('.diag[data-code="fields_missing_element"]').count(), 0);
  await p.screenshot({ path: fileURLToPath(new URL("../demo/screenshot-table.png", import.meta.url)), fullPage: true });
  await p.close();
});

test("channels and the confidentiality review clear their codes", async () => {
  const p = await openForm();
  await p.selectOption("#kind", "health");
  await p.selectOption("#tier", "hospital");
  await p.selectOption("#item", "health.art6.05");
  await p.click("#submit");
  await p.locator('.diag[data-code="channels_missing"]').waitFor();
  await p.locator('.field[data-path="/review"] .diag[data-code="review_confidentiality_missing"]').waitFor();
  // The item's catalogue channels are offered as boxes; another id is flagged as not in the catalogue.
  await p.check('#item-channels input[value="notice_board"]');
  await p.waitForFunction(() => !document.querySelector('.diag[data-code="channels_missing"]'));
  await p.fill("#other-channels", "wechat");
  await p.locator('.field[data-path="/channels"] .diag[data-code="channel_not_in_catalogue"]').waitFor();
  await p.fill("#other-channels", "");
  await p.waitForFunction(() => !document.querySelector('.diag[data-code="channel_not_in_catalogue"]'));
  await p.fill('.review-row[data-stage="confidentiality"] .r-date', "2026-03-05");
  await p.fill('.review-row[data-stage="confidentiality"] .r-role', "院办保密员");
  await p.waitForFunction(() => !document.querySelector('.diag[data-code="review_confidentiality_missing"]'));
  // A review dated after publication is placed at its entry.
  await p.fill("#published", "2026-03-04");
  await p.locator('.review-row[data-stage="confidentiality"] .diag[data-code="review_after_publication"]').waitFor();
  await p.close();
});

test("the mask button counts exactly what one click masks", async () => {
  const p = await openForm();
  const credit = "91350100M000100Y43"; // an organisation's unified social credit code: found, not masked
  const text = `经办人身份证号：${ID}，电话13812345678；承办单位统一社会信用代码：${credit}。`;
  await p.fill("#body", text);
  const count = Number(await p.locator("#mask").getAttribute("data-count"));
  assert.equal(count, 2, "the ID number and the mobile number, not the credit code");
  assert.match(await p.locator("#mask").textContent(), /2/);
  assert.equal(await p.locator('#body-view mark[data-kind="credit_code"][data-masked="false"]').count(), 1);
  await p.click("#mask");
  const masked = await p.inputValue("#body");
  assert.ok(!masked.includes(ID) && !masked.includes("13812345678"), masked);
  assert.ok(masked.includes(credit), "the credit code is kept");
  // Masks applied: the runs of `*` now in the text, one per masked value.
  assert.equal((masked.match(/\*+/g) ?? []).length, count);
  assert.ok(await p.locator("#mask").isDisabled());
  await p.close();
});
