// The drop zone: screens files in the browser before upload with the files-enabled build
// (`bash bindings-wasm/build.sh --features files` → pkg-files/), each finding located
// (`原始数据!C2 (hidden sheet)`), with a masked copy to download where the format allows.
import init, { scanFile, redactFile } from "../pkg-files/gongkai.js";

const results = document.getElementById("results");
const status = document.getElementById("status");

function where(loc) {
  switch (loc.in) {
    case "cell": return `${loc.sheet}!${loc.cell}${loc.hidden_sheet ? "（隐藏工作表）" : ""}${loc.hidden_row ? "（隐藏行）" : ""}${loc.hidden_column ? "（隐藏列）" : ""}`;
    case "cell_comment": return `${loc.sheet}!${loc.cell}（批注）`;
    case "paragraph": return `${loc.part} 第 ${loc.paragraph} 段`;
    case "table_cell": return `${loc.part} 表 ${loc.table} 第 ${loc.row} 行第 ${loc.column} 列`;
    case "page": return `第 ${loc.page} 页第 ${loc.line} 行`;
    case "element": return `第 ${loc.line} 行 <${loc.element}${loc.attribute ? " " + loc.attribute : ""}>${loc.hidden ? "（隐藏）" : ""}`;
    case "line": return `第 ${loc.line} 行${loc.column ? `第 ${loc.column} 列` : ""}`;
    case "property": return `文档属性 ${loc.name}`;
    default: return JSON.stringify(loc);
  }
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const c of cells) {
    const td = document.createElement("td");
    td.textContent = c;
    tr.append(td);
  }
  return tr;
}

async function screen(file) {
  const section = document.createElement("article");
  section.className = "file";
  section.dataset.name = file.name;
  const h = document.createElement("h2");
  h.textContent = file.name;
  section.append(h);
  results.append(section);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let scan;
  try {
    scan = scanFile(bytes, file.name);
  } catch (e) {
    const p = document.createElement("p");
    p.className = "verdict bad";
    p.dataset.code = e.code ?? "error";
    p.textContent = `无法读取（${e.code}）：${e.message}`;
    section.append(p);
    return;
  }
  const actionable = scan.findings.filter((f) => !f.redacted && f.severity !== "info");
  const blocking = actionable.length > 0 || scan.notices.some((n) => n.severity !== "info");
  const verdict = document.createElement("p");
  verdict.className = `verdict ${blocking ? "bad" : "ok"}`;
  verdict.textContent = blocking
    ? `不宜直接公开：${actionable.length} 处个人信息或标记，${scan.notices.length} 条提示`
    : `未发现未脱敏的个人信息${scan.encoding ? `（编码 ${scan.encoding}）` : ""}`;
  section.append(verdict);
  const table = document.createElement("table");
  table.append(row(["位置", "类型", "预览（已遮蔽）"]));
  for (const f of actionable) {
    const tr = row([where(f.location), f.code, f.preview]);
    tr.className = "finding";
    tr.dataset.code = f.code;
    table.append(tr);
  }
  for (const n of scan.notices) {
    const tr = row([n.part ?? "整个文件", n.code, n.message.zh]);
    tr.className = "notice";
    tr.dataset.code = n.code;
    table.append(tr);
  }
  section.append(table);
  if (actionable.length > 0) {
    const out = redactFile(bytes, file.name);
    if (out.bytes) {
      const a = document.createElement("a");
      a.className = "download";
      const dot = file.name.lastIndexOf(".");
      a.download = dot > 0 ? `${file.name.slice(0, dot)}.redacted${file.name.slice(dot)}` : `${file.name}.redacted`;
      a.href = URL.createObjectURL(new Blob([out.bytes]));
      a.textContent = `下载脱敏副本（${out.masked.length} 处已遮蔽，${out.remaining.length} 处仍需人工处理）`;
      section.append(a);
    }
  }
}

async function screenAll(files) {
  for (const f of files) await screen(f);
  status.textContent = `已筛查 ${results.querySelectorAll("article.file").length} 个文件`;
}

await init();
status.textContent = "就绪：拖入文件";
window.gongkaiFilesReady = true;
const drop = document.getElementById("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  screenAll([...e.dataTransfer.files]);
});
document.getElementById("pick").addEventListener("change", (e) => screenAll([...e.target.files]));
