// The publishing form: every keystroke re-checks the record with gongkai (WebAssembly) and puts
// each diagnostic next to the field its JSON pointer names. No rule logic here: the answers,
// messages and citations all come from the library.
import init, { institutions, items, itemSchema, item as getItem, check, scan, redact, deadline } from "../pkg/gongkai.js";

const UI = {
  zh: {
    title: "信息公开发布表单", subtitle: "边填边校验：要素、时限、个人信息——与服务器同一套规则和依据。",
    institution: "公开主体", kind: "机构类型", tier: "层级", role: "角色", itemLegend: "公开事项", item: "事项",
    record: "发布信息", docTitle: "标题", formed: "形成（变更）日期", published: "发布日期",
    elements: "内容要素（由事项的 JSON Schema 生成）", bodyLegend: "正文", mask: "一键遮盖个人信息",
    deadline: "公开时限", other: "其他问题", footer: "全部在浏览器内运行（WebAssembly），不向任何服务器发送数据。",
    switchTo: "English", none: "（无）", ok: "未发现问题", problems: (e, w) => `${e} 个错误，${w} 个警告`,
    basis: "依据", due: "应于", start: "起算（当日不计）", wd: "个工作日", excluded: "不计入的日期",
    late: (n) => `发布日期晚于时限 ${n} 个工作日`, onTime: "在时限内发布", needFormed: "填写形成日期后显示时限。",
    noLimit: "该事项没有以工作日计的时限。", found: (n) => `正文中发现 ${n} 处个人信息`, check: "校验耗时",
    colon: "：", reason: { weekend: "周末", holiday: "法定节假日", closure: "闭馆", consultation: "征求意见" }, days: "天",
    provisional: (years) => `暂定：${years}年的节假日安排通知尚未公布，时限按《全国年节及纪念日放假办法》推算（未含调休）。`,
    channels: "公开渠道", otherChannels: "其他渠道（逗号分隔的渠道 id）", itemChannels: "事项目录规定的渠道",
    review: "审查记录（条例第十七条）", stage: { business: "业务审核", legal: "合法性审核", confidentiality: "保密审查" },
    reviewDate: "日期", reviewer: "审查人（职务）", result: "结论", results: { approved: "同意公开", rejected: "不同意公开" },
    addRow: "添加一行", removeRow: "删除此行", addColumn: "添加一列", columnName: "列名（如 name）", freeColumns: "该事项未规定列：自行命名各列",
    submit: "检查全部并提交", clean: "填写表单：问题会在填写过的字段旁显示，提交时显示全部。",
    ready: "可以发布：下面是要提交的记录。", notReady: "尚不能发布：请先处理标出的错误。",
    masks: (n) => `将遮盖 ${n} 处个人信息`, kept: "不遮盖（单位信息或标记）",
  },
  en: {
    title: "Information disclosure — publishing form", subtitle: "Validated as you type: elements, time limits, personal data — the server's rules and citations.",
    institution: "Institution", kind: "Kind", tier: "Tier", role: "Role", itemLegend: "Catalogue item", item: "Item",
    record: "Publication", docTitle: "Title", formed: "Formed (changed) on", published: "Published on",
    elements: "Content elements (generated from the item's JSON Schema)", bodyLegend: "Body text", mask: "Mask personal data",
    deadline: "Time limit", other: "Other problems", footer: "Runs entirely in the browser (WebAssembly); nothing is sent to a server.",
    switchTo: "中文", none: "(none)", ok: "No problems found", problems: (e, w) => `${e} error(s), ${w} warning(s)`,
    basis: "Basis", due: "Due", start: "Start (not counted)", wd: "working days", excluded: "Days not counted",
    late: (n) => `published ${n} working day(s) after the limit`, onTime: "published within the limit", needFormed: "Enter the formed date to see the limit.",
    noLimit: "This item has no time limit in working days.", found: (n) => `${n} personal value(s) in the body`, check: "check took",
    colon: ": ", reason: { weekend: "weekend", holiday: "public holiday", closure: "closure", consultation: "consultation" }, days: "days",
    provisional: (years) => `PROVISIONAL: the ${years} holiday notice is not out yet; the limit is derived from the 放假办法 (without 调休).`,
    channels: "Channels", otherChannels: "Other channels (channel ids, comma-separated)", itemChannels: "The item's catalogue channels",
    review: "Review trail (条例 Art 17)", stage: { business: "Business review", legal: "Legality review", confidentiality: "Confidentiality review" },
    reviewDate: "Date", reviewer: "Reviewer (role)", result: "Result", results: { approved: "approved", rejected: "rejected" },
    addRow: "Add a row", removeRow: "Remove this row", addColumn: "Add a column", columnName: "column name (e.g. name)", freeColumns: "The item declares no columns: name your own",
    submit: "Check everything and submit", clean: "Fill in the form: problems appear next to the fields you have filled, and all of them on submit.",
    ready: "Ready to publish: the record to submit is below.", notReady: "Not ready: fix the errors marked first.",
    masks: (n) => `${n} personal value(s) will be masked`, kept: "not masked (organisational data or a marking)",
  },
};

let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
const $ = (id) => document.getElementById(id);
const t = (key) => UI[lang][key];
const pick = (text) => (text ? text[lang] ?? text.zh : "");
const cite = (c) => (c ? `《${c.instrument}》${c.article ?? ""}` : "");
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k in e && typeof v !== "string") e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

await init();
const registry = institutions();

function fillSelect(select, options, keep) {
  const previous = keep ? select.value : null;
  select.replaceChildren(...options.map(([value, label]) => el("option", { value }, label)));
  if (previous && options.some(([v]) => v === previous)) select.value = previous;
}

function renderInstitution() {
  fillSelect($("kind"), registry.kinds.map((k) => [k.id, pick(k.title)]), true);
  const kind = registry.kinds.find((k) => k.id === $("kind").value);
  fillSelect($("tier"), kind.tiers.map((x) => [x.id, pick(x.title)]), true);
  const roles = kind.roles ?? [];
  $("role-wrap").hidden = roles.length === 0;
  fillSelect($("role"), [["", t("none")], ...roles.map((x) => [x.id, pick(x.title)])], true);
}

function renderItems() {
  const list = items({ kind: $("kind").value, tier: $("tier").value, role: $("role").value || undefined });
  fillSelect($("item"), list.map((i) => [i.id, `${pick(i.title)} · ${i.id}`]), true);
  renderFields();
}

function inputFor(id, schema) {
  if (schema.enum) return el("select", { id }, el("option", { value: "" }, ""), ...schema.enum.map((v) => el("option", { value: v }, v)));
  if (schema.type === "boolean") return el("input", { id, type: "checkbox" });
  if (schema.type === "array") return el("textarea", { id, rows: "2", placeholder: lang === "zh" ? "每行一项" : "one per line" });
  if (schema.format === "date") return el("input", { id, type: "date" });
  if (schema.type === "integer" || schema.type === "number") return el("input", { id, type: "number", step: schema.type === "integer" ? "1" : "any" });
  return el("input", { id, type: "text" });
}

// A table element (an array of objects) is kept as rows of cells, columns either those the
// item's schema declares (`items.properties`) or named by the user, and drawn from that state.
const isTable = (schema) => schema.type === "array" && schema.items?.type === "object";
const tables = new Map(); // `${item}/${key}` → { declared, columns: [{ key, schema }], rows: [[string]] }

function tableState(item, key, schema) {
  const id = `${item}/${key}`;
  if (!tables.has(id)) {
    const props = schema.items.properties ?? {};
    const declared = Object.keys(props).length > 0;
    const columns = declared ? Object.entries(props).map(([k, s]) => ({ key: k, schema: s })) : [{ key: "", schema: {} }];
    tables.set(id, { declared, columns, rows: [columns.map(() => "")] });
  }
  return tables.get(id);
}

function renderTable(box, key, state) {
  const head = state.columns.map((c, j) => state.declared
    ? el("th", {}, `${c.schema.title ?? c.key}`)
    : el("th", {}, el("input", { type: "text", class: "col-name", value: c.key, placeholder: t("columnName"), "data-col": String(j) })));
  if (!state.declared) head.push(el("th", {}, el("button", { type: "button", class: "add-col" }, t("addColumn"))));
  const rows = state.rows.map((row, i) => el("tr", { "data-row": String(i) },
    ...state.columns.map((c, j) => el("td", {}, el("div", { class: "field cell" },
      el("input", { type: c.schema.type === "number" || c.schema.type === "integer" ? "number" : "text", value: row[j], "data-row": String(i), "data-col": String(j), "aria-label": c.key })))),
    el("td", {}, el("button", { type: "button", class: "remove-row", "data-row": String(i), title: t("removeRow") }, "×"))));
  const table = el("table", { class: "rows" }, el("thead", {}, el("tr", {}, ...head)), el("tbody", {}, ...rows));
  box.replaceChildren(...(state.declared ? [] : [el("p", { class: "basis" }, t("freeColumns"))]), table,
    el("button", { type: "button", class: "add-row" }, t("addRow")));
}

function tableEvents(box, key, state) {
  const redraw = () => { renderTable(box, key, state); touched.add(`/fields/${key}`); validate(); };
  box.addEventListener("input", (e) => {
    const { row, col } = e.target.dataset;
    if (e.target.classList.contains("col-name")) state.columns[Number(col)].key = e.target.value.trim();
    else if (row !== undefined) state.rows[Number(row)][Number(col)] = e.target.value;
  });
  box.addEventListener("click", (e) => {
    const b = e.target.closest("button");
    if (!b) return;
    if (b.classList.contains("add-row")) state.rows.push(state.columns.map(() => ""));
    else if (b.classList.contains("remove-row")) state.rows.splice(Number(b.dataset.row), 1);
    else if (b.classList.contains("add-col")) { state.columns.push({ key: "", schema: {} }); state.rows.forEach((r) => r.push("")); }
    else return;
    redraw();
  });
}

// The rows as the record carries them: blank rows and unnamed columns left out. Each drawn row and
// cell gets the JSON pointer of its place in the record, so diagnostics land next to it.
function tableValue(box, key, state) {
  const value = [];
  state.rows.forEach((row, i) => {
    const tr = box.querySelector(`tr[data-row="${i}"]`);
    const obj = {};
    state.columns.forEach((c, j) => {
      if (c.key && row[j].trim() !== "") obj[c.key] = c.schema.type === "number" || c.schema.type === "integer" ? Number(row[j]) : row[j];
    });
    const at = Object.keys(obj).length ? value.length : null;
    tr?.querySelectorAll("td .cell").forEach((cell, j) => {
      cell.dataset.path = at === null || !state.columns[j].key ? "" : `/fields/${key}/${at}/${state.columns[j].key}`;
    });
    if (at !== null) value.push(obj);
  });
  return value.length ? value : undefined;
}

let currentSchema = null;
function renderFields() {
  const id = $("item").value;
  const container = $("fields");
  const saved = Object.fromEntries([...container.querySelectorAll("[id^=f-]")].map((e) => [e.id, e.type === "checkbox" ? e.checked : e.value]));
  container.replaceChildren();
  currentSchema = id ? itemSchema(id) : null;
  const it = id ? getItem(id) : null;
  $("item-basis").textContent = it ? `${t("basis")}${t("colon")}${it.basis.map(cite).join("；")}` : "";
  renderChannels(it);
  if (!currentSchema) return;
  const required = new Set(currentSchema.required ?? []);
  const titles = Object.fromEntries((it.elements ?? []).map((e) => [e.key, pick(e.title)]));
  for (const [key, schema] of Object.entries(currentSchema.properties ?? {})) {
    const title = el("span", {}, `${titles[key] ?? key}${required.has(key) ? " *" : ""}`);
    if (isTable(schema)) {
      const state = tableState(id, key, schema);
      const box = el("div", { class: "table-box", id: `t-${key}` });
      renderTable(box, key, state);
      tableEvents(box, key, state);
      container.append(el("div", { class: "field table-field", "data-path": `/fields/${key}` }, el("div", { class: "label" }, title), box));
      continue;
    }
    const input = inputFor(`f-${key}`, schema);
    if (saved[input.id] !== undefined) input.type === "checkbox" ? (input.checked = saved[input.id]) : (input.value = saved[input.id]);
    container.append(el("div", { class: "field", "data-path": `/fields/${key}` }, el("label", { class: "wide" }, title, input)));
  }
}

// Channels: a box per channel the item's catalogue entry names, and free ids for any other.
function renderChannels(it) {
  const box = $("item-channels");
  const checked = new Set([...box.querySelectorAll("input:checked")].map((c) => c.value));
  const names = it?.channels ?? [];
  box.replaceChildren(...(names.length ? [el("span", { class: "basis" }, `${t("itemChannels")}${t("colon")}`)] : []),
    ...names.map((c) => el("label", { class: "check" }, el("input", { type: "checkbox", value: c, checked: checked.has(c) }), el("code", {}, c))));
}

function channels() {
  const list = [...$("item-channels").querySelectorAll("input:checked")].map((c) => c.value);
  for (const c of $("other-channels").value.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean)) if (!list.includes(c)) list.push(c);
  return list;
}

const STAGES = ["business", "legal", "confidentiality"];
function renderReview() {
  const rows = STAGES.map((stage) => {
    const old = (sel) => document.querySelector(`.review-row[data-stage="${stage}"] ${sel}`);
    const row = el("div", { class: "field review-row row", "data-stage": stage, "data-path": "" },
      el("span", { class: "stage" }, t("stage")[stage]),
      el("label", {}, el("span", {}, t("reviewDate")), el("input", { type: "date", class: "r-date", value: old(".r-date")?.value ?? "" })),
      el("label", {}, el("span", {}, t("reviewer")), el("input", { type: "text", class: "r-role", value: old(".r-role")?.value ?? "" })),
      el("label", {}, el("span", {}, t("result")), el("select", { class: "r-result" }, el("option", { value: "" }, ""),
        ...Object.entries(t("results")).map(([v, label]) => el("option", { value: v }, label)))));
    row.querySelector(".r-result").value = old(".r-result")?.value ?? "";
    return row;
  });
  $("review").replaceChildren(...rows);
}

// The filled stages, in order; each drawn row gets the pointer of its entry (`/review/N`).
function review() {
  const list = [];
  for (const row of document.querySelectorAll(".review-row")) {
    const entry = { stage: row.dataset.stage };
    const date = row.querySelector(".r-date").value, role = row.querySelector(".r-role").value.trim(), result = row.querySelector(".r-result").value;
    if (date) entry.date = date;
    if (role) entry.reviewer_role = role;
    if (result) entry.result = result;
    row.dataset.path = Object.keys(entry).length > 1 ? `/review/${list.length}` : "";
    if (row.dataset.path) list.push(entry);
  }
  return list;
}

function fieldValue(input, schema) {
  if (schema.type === "boolean") return input.checked;
  const v = input.value;
  if (v === "") return undefined;
  if (schema.type === "array") return v.split("\n").map((s) => s.trim()).filter(Boolean);
  if (schema.type === "integer" || schema.type === "number") return Number(v);
  return v;
}

function record() {
  const fields = {};
  for (const [key, schema] of Object.entries(currentSchema?.properties ?? {})) {
    const value = isTable(schema)
      ? tableValue($(`t-${key}`), key, tableState($("item").value, key, schema))
      : fieldValue($(`f-${key}`), schema);
    if (value !== undefined) fields[key] = value;
  }
  const institution = { kind: $("kind").value, tier: $("tier").value };
  if ($("role").value) institution.role = $("role").value;
  const r = { kind: "publication", institution, item: $("item").value, title: $("title").value, formed: $("formed").value, channels: channels(), fields };
  if ($("published").value) r.published = $("published").value;
  if ($("body").value) r.body = $("body").value;
  const trail = review();
  if (trail.length) r.review = trail;
  return r;
}

function diagNode(d) {
  return el("div", { class: `diag ${d.severity}`, "data-code": d.code },
    el("span", {}, d.message), " ", el("code", {}, d.code),
    d.basis ? el("span", { class: "cite" }, `${t("basis")}${t("colon")}${d.basis}`) : null,
    d.help ? el("span", { class: "cite" }, d.help) : null);
}

// The field element for a JSON pointer: the deepest `data-path` that is a prefix of it.
function fieldFor(path) {
  let best = null;
  for (const f of document.querySelectorAll(".field[data-path]")) {
    const p = f.dataset.path;
    if (p === "") continue;
    if ((path === p || path.startsWith(`${p}/`)) && (!best || p.length > best.dataset.path.length)) best = f;
  }
  return best;
}

// What the user has typed into (pointers of fields), and whether they asked for everything:
// a diagnostic shows once its field, or a field inside or around it, has been touched.
const touched = new Set();
let submitted = false;
const related = (a, b) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
const shown = (path) => submitted || [...touched].some((p) => related(path, p));

// The body with what screening found marked; the mask button counts what `redact` will change
// (the same call the button makes), not every finding: organisational numbers and markings are
// shown but kept.
function renderBody() {
  const text = $("body").value;
  const findings = scan(text);
  const changes = text ? redact(text).changes : [];
  const masked = new Set(changes.map((c) => c.utf16_start));
  const view = $("body-view");
  view.replaceChildren();
  let at = 0;
  for (const f of findings) {
    if (f.utf16_start < at) continue;
    view.append(text.slice(at, f.utf16_start));
    const will = masked.has(f.utf16_start);
    view.append(el("mark", { class: will ? "pd" : "kept", title: will ? `${f.kind} → ${f.preview}` : `${f.kind}: ${t("kept")}`, "data-kind": f.kind, "data-masked": String(will) }, text.slice(f.utf16_start, f.utf16_end)));
    at = f.utf16_end;
  }
  view.append(text.slice(at));
  $("mask").disabled = changes.length === 0;
  $("mask").dataset.count = String(changes.length);
  $("mask").textContent = changes.length ? `${t("mask")}（${t("masks")(changes.length)}）` : t("mask");
}

function renderDeadline(r) {
  const box = $("deadline");
  box.replaceChildren();
  const it = r.item ? getItem(r.item) : null;
  if (!it || it.timing.kind !== "within_working_days") return box.append(el("p", {}, t("noLimit")));
  if (!r.formed) return box.append(el("p", {}, t("needFormed")));
  let d;
  try {
    d = deadline({ start: r.formed, working_days: it.timing.days });
  } catch (e) {
    return box.append(el("p", { class: "late" }, `${e.message} (${e.code})`));
  }
  const x = d.explanation;
  // A limit in a year with no State Council notice is derived from the law: say so first.
  if (d.provisional) {
    const years = x.provisional.map((p) => p.year).join(", ");
    const assumed = x.provisional.flatMap((p) => p.statutory_days.map((s) => `${s.date} ${pick(s.name)}`)).join("、");
    box.append(el("p", { class: "provisional", role: "status" }, t("provisional")(years), el("br", {}), el("small", {}, assumed)));
  }
  box.append(el("p", {}, el("span", { class: "due" }, `${t("due")} ${d.due}`), ` — ${it.timing.days} ${t("wd")}, ${t("basis")}${t("colon")}${cite(it.timing.basis)}`));
  const rows = [[t("start"), x.start]];
  for (const s of x.excluded) rows.push([`${t("reason")[s.reason] ?? s.reason}${s.name ? ` · ${pick(s.name)}` : ""}`, `${s.from} – ${s.to}（${s.days} ${t("days")}）`]);
  box.append(el("p", {}, t("excluded")), el("table", {}, ...rows.map(([a, b]) => el("tr", {}, el("td", {}, a), el("td", {}, b)))));
  for (const n of x.notes) box.append(el("p", { class: "basis" }, pick(n)));
  if (r.published) {
    let late = 0;
    try { late = r.published > d.due ? workingDaysLate(d.due, r.published) : 0; } catch { late = -1; }
    box.append(el("p", { class: late ? "late" : "" }, late > 0 ? t("late")(late) : late === 0 ? t("onTime") : ""));
  }
}

import { workingDaysBetween } from "../pkg/gongkai.js";
const workingDaysLate = (due, published) => workingDaysBetween(due, published);

function validate() {
  const r = record();
  const started = performance.now();
  const diags = check(r, { lang });
  const took = performance.now() - started;
  for (const f of document.querySelectorAll(".field")) {
    f.classList.remove("has-error");
    f.querySelectorAll(":scope > .diag").forEach((d) => d.remove());
  }
  const general = $("general");
  general.replaceChildren();
  const visible = diags.filter((d) => {
    const f = fieldFor(d.path);
    return shown(f ? f.dataset.path : d.path || "/");
  });
  for (const d of visible) {
    const f = fieldFor(d.path);
    if (f) {
      if (d.severity === "error") f.classList.add("has-error");
      f.append(diagNode(d));
    } else general.append(el("li", {}, diagNode(d), el("code", {}, d.path || "/")));
  }
  const errors = visible.filter((d) => d.severity === "error").length;
  const warnings = visible.filter((d) => d.severity === "warning").length;
  const summary = $("summary");
  summary.className = `panel ${visible.length === 0 && !submitted ? "" : errors ? "bad" : "ok"}`;
  summary.textContent = visible.length ? t("problems")(errors, warnings) : submitted || touched.size ? t("ok") : t("clean");
  const out = $("output");
  out.hidden = !submitted;
  if (submitted) {
    out.replaceChildren(el("p", {}, errors ? t("notReady") : t("ready")), ...(errors ? [] : [el("pre", { id: "record-json" }, JSON.stringify(r, null, 2))]));
  }
  $("timing").textContent = `· ${t("check")} ${(took * 1000).toFixed(0)} µs`;
  renderBody();
  renderDeadline(r);
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
  document.body.dataset.errors = String(errors);
}

function applyLang() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  $("lang").textContent = t("switchTo");
  renderInstitution();
  renderReview();
  renderItems();
  validate();
}

// The pointer an input stands for: its field's, or, inside a table, the table's (rows move).
function touch(target) {
  const f = target.closest?.(".table-field") ?? target.closest?.(".field[data-path]");
  if (f?.dataset.path) touched.add(f.dataset.path);
  else if (target.closest?.(".review-row")) touched.add("/review");
  else if (target.id === "kind" || target.id === "tier" || target.id === "role") touched.add("/institution");
}

$("lang").addEventListener("click", () => { lang = lang === "zh" ? "en" : "zh"; applyLang(); });
$("kind").addEventListener("change", () => { renderInstitution(); renderItems(); validate(); });
for (const id of ["tier", "role"]) $(id).addEventListener("change", () => { renderItems(); validate(); });
$("item").addEventListener("change", () => { touched.add("/item"); renderFields(); validate(); });
// Fields' own listeners (tables) run first, then the form re-checks.
$("form").addEventListener("input", (e) => { touch(e.target); validate(); });
$("form").addEventListener("submit", (e) => { e.preventDefault(); submitted = true; validate(); });
$("mask").addEventListener("click", () => { $("body").value = redact($("body").value).text; touched.add("/body"); validate(); });

$("formed").value = "";
applyLang();
window.gongkaiReady = true;
