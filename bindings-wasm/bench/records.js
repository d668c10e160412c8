// The benchmark's records: ~3 KB publications of 条例 Art 20 (1) documents, with a body long
// enough to make screening do real work, one of them carrying an ID number.
const paragraph =
  "为进一步规范本县政府信息公开工作，根据《中华人民共和国政府信息公开条例》和上级有关要求，结合本县实际，现将有关事项通知如下。" +
  "各乡镇人民政府、县政府各部门要高度重视，明确责任分工，按照规定的时限和程序主动公开政府信息，并做好政策解读和回应关切工作。";

export function makeRecord(i, withId = false) {
  let body = "";
  while (body.length < 900) body += paragraph;
  if (withId) body += "经办人身份证号：11010519491231002X，联系电话13812345678。";
  return {
    kind: "publication",
    id: `bench-${i}`,
    institution: { kind: "administrative", tier: "county", role: "government", name: "某县人民政府" },
    item: "admin.art20.01",
    title: `某县人民政府关于印发某某管理办法的通知（第${i}号）`,
    document_number: `某政发〔2025〕${i}号`,
    formed: "2025-09-30",
    published: "2025-10-20",
    channels: ["government_website"],
    fields: { document_title: "某某管理办法", document_number: `某政发〔2025〕${i}号`, issue_date: "2025-09-30" },
    body,
    review: [{ stage: "confidentiality", date: "2025-10-15", result: "approved" }],
  };
}

// The peer: ajv (record structure + the item's field schema) plus JS RegExp screening of the body
// (resident ID with its GB 11643 check digit, mobile numbers).
const ID_RE = /(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g;
const MOBILE_RE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idChecks(s) {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (s.charCodeAt(k) - 48) * W[k];
  return "10X98765432"[sum % 11] === s[17].toUpperCase();
}
export function makePeer(Ajv, recordSchema, fieldSchema) {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const record = ajv.compile(recordSchema);
  const fields = ajv.compile(fieldSchema);
  return (r) => {
    const problems = [];
    if (!record(r)) problems.push(...record.errors);
    if (!fields(r.fields)) problems.push(...fields.errors);
    const text = r.body ?? "";
    for (const m of text.matchAll(ID_RE)) if (idChecks(m[0])) problems.push({ kind: "resident_id", at: m.index });
    for (const m of text.matchAll(MOBILE_RE)) problems.push({ kind: "mobile", at: m.index });
    return problems;
  };
}

// Median per-call time in µs over batches (browsers coarsen performance.now()).
// Warm-up runs until `warmMs` have passed: V8 compiles a large module's functions lazily and
// tiers them up in the background, so early calls measure the baseline compiler.
export function medianMicros(fn, inputs, { batches = 41, perBatch = 200, warmMs = 3000 } = {}) {
  const until = performance.now() + warmMs;
  for (let i = 0; performance.now() < until; i++) fn(inputs[i % inputs.length]);
  const times = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn(inputs[i % inputs.length]);
    times.push(((performance.now() - t0) * 1000) / perBatch);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}
