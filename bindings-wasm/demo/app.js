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

function inputFor(key, schema) {
  const id = `f-${key}`;
  if (schema.enum) return el("select", { id }, el("option", { value: "" }, ""), ...schema.enum.map((v) => el("option", { value: v }, v)));
  if (schema.type === "boolean") return el("input", { id, type: "checkbox" });
  if (schema.type === "array") return el("textarea", { id, rows: "2", placeholder: lang === "zh" ? "每行一项" : "one per line" });
  if (schema.format === "date") return el("input", { id, type: "date" });
  if (schema.type === "integer" || schema.type === "number") return el("input", { id, type: "number", step: schema.type === "integer" ? "1" : "any" });
  return el("input", { id, type: "text" });
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
  if (!currentSchema) return;
  const required = new Set(currentSchema.required ?? []);
  const titles = Object.fromEntries((it.elements ?? []).map((e) => [e.key, pick(e.title)]));
  for (const [key, schema] of Object.entries(currentSchema.properties ?? {})) {
    const input = inputFor(key, schema);
    if (saved[input.id] !== undefined) input.type === "checkbox" ? (input.checked = saved[input.id]) : (input.value = saved[input.id]);
    const label = el("label", { class: "wide" }, el("span", {}, `${titles[key] ?? key}${required.has(key) ? " *" : ""}`), input);
    container.append(el("div", { class: "field", "data-path": `/fields/${key}` }, label));
  }
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
    const value = fieldValue($(`f-${key}`), schema);
    if (value !== undefined) fields[key] = value;
  }
  const institution = { kind: $("kind").value, tier: $("tier").value };
  if ($("role").value) institution.role = $("role").value;
  const r = { kind: "publication", institution, item: $("item").value, title: $("title").value, formed: $("formed").value, fields };
  if ($("published").value) r.published = $("published").value;
  if ($("body").value) r.body = $("body").value;
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
    if ((path === p || path.startsWith(`${p}/`)) && (!best || p.length > best.dataset.path.length)) best = f;
  }
  return best;
}

function renderBody() {
  const text = $("body").value;
  const findings = scan(text);
  const view = $("body-view");
  view.replaceChildren();
  let at = 0;
  for (const f of findings) {
    if (f.utf16_start < at) continue;
    view.append(text.slice(at, f.utf16_start));
    const personal = !/marking/.test(f.kind);
    view.append(el("mark", { class: personal ? "pd" : "marking", title: `${f.kind} → ${f.preview}`, "data-kind": f.kind }, text.slice(f.utf16_start, f.utf16_end)));
    at = f.utf16_end;
  }
  view.append(text.slice(at));
  const personal = findings.filter((f) => !/marking/.test(f.kind));
  $("mask").disabled = personal.length === 0;
  $("mask").textContent = personal.length ? `${t("mask")}（${t("found")(personal.length)}）` : t("mask");
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
    f.querySelectorAll(".diag").forEach((d) => d.remove());
  }
  const general = $("general");
  general.replaceChildren();
  for (const d of diags) {
    const f = fieldFor(d.path);
    if (f && f.dataset.path !== "") {
      if (d.severity === "error") f.classList.add("has-error");
      f.append(diagNode(d));
    } else general.append(el("li", {}, diagNode(d), el("code", {}, d.path || "/")));
  }
  const errors = diags.filter((d) => d.severity === "error").length;
  const warnings = diags.filter((d) => d.severity === "warning").length;
  $("summary").className = `panel ${errors ? "bad" : "ok"}`;
  $("summary").textContent = diags.length ? t("problems")(errors, warnings) : t("ok");
  $("timing").textContent = `· ${t("check")} ${(took * 1000).toFixed(0)} µs`;
  renderBody();
  renderDeadline(r);
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
}

function applyLang() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  $("lang").textContent = t("switchTo");
  renderInstitution();
  renderItems();
  validate();
}

$("lang").addEventListener("click", () => { lang = lang === "zh" ? "en" : "zh"; applyLang(); });
$("kind").addEventListener("change", () => { renderInstitution(); renderItems(); validate(); });
for (const id of ["tier", "role"]) $(id).addEventListener("change", () => { renderItems(); validate(); });
$("item").addEventListener("change", () => { renderFields(); validate(); });
$("form").addEventListener("input", validate);
$("mask").addEventListener("click", () => { $("body").value = redact($("body").value).text; validate(); });

$("formed").value = "";
applyLang();
window.gongkaiReady = true;
