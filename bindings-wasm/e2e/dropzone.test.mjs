// End-to-end: the drop zone (demo/files.html, the files-enabled build) in headless Chromium. A
// workbook with a hidden sheet is dropped (a real `drop` event with a DataTransfer) and a GB18030
// CSV picked with the file input; the findings appear with their places and a masked copy is offered.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "../demo/serve.mjs";
import { launch } from "./chromium.mjs";
import { workbookWithHiddenSheet, gb18030Csv } from "../test/fixtures.mjs";

let server, browser, page;

before(async () => {
  server = await serve(0);
  browser = await launch();
  page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`http://127.0.0.1:${server.address().port}/demo/files.html`);
  await page.waitForFunction(() => window.gongkaiFilesReady === true, null, { timeout: 20000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("a dropped workbook: the hidden sheet's ID is shown at 原始数据!C2 and a masked copy offered", async () => {
  const bytes = [...workbookWithHiddenSheet()];
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], "名单.xlsx"));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  const article = page.locator('article.file[data-name="名单.xlsx"]');
  const finding = article.locator('tr.finding[data-code="screening_resident_id"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /原始数据!C2（隐藏工作表）.*110105\*{8}002X/);
  assert.equal(await article.locator('tr.notice[data-code="screening_hidden_content"]').count(), 1);
  assert.match(await article.locator(".verdict").textContent(), /不宜直接公开/);
  assert.match(await article.locator("a.download").getAttribute("download"), /名单\.redacted\.xlsx/);
});

test("a picked GB18030 CSV is decoded and located by line and column", async () => {
  await page.setInputFiles("#pick", { name: "名单.csv", mimeType: "text/csv", buffer: Buffer.from(gb18030Csv()) });
  const finding = page.locator('article.file[data-name="名单.csv"] tr.finding[data-code="screening_resident_id"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /第 2 行第 2 列/);
});
