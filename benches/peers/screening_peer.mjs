// Peer for the screening benchmark: the same detectors as benches/peers/screening_peer.py, with
// node RegExp (sticky-free global scans, lookbehind, `u` flag) and the same check-character
// validation, over tests/corpus/corpus.jsonl. Prints MB/s (10^6 bytes of UTF-8) for dense and plain.
//
//     node benches/peers/screening_peer.mjs [corpus.jsonl]
import { readFileSync } from "node:fs";

const ID18 = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/gu;
const ID15 = /(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/gu;
const MOBILE = /(?<![0-9A-Za-z])(?:\+86[- ]?|0086[- ]?)?1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})(?![0-9A-Za-z*])/gu;
const CARD = /(?<![0-9A-Za-z])[3-69]\d{3}(?:\d{12,15}|(?: \d{4}){3}(?: \d{1,4})?)(?![0-9A-Za-z])/gu;
const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;
const DOCS = /(?<![0-9A-Za-z])(?:E[A-HJ-NP-Z0-9]\d{7}|[GDSP]\d{8}|C[A-HJ-NP-Z0-9]\d{7}|W\d{8}|[HM]\d{8}(?:\d{2})?)(?![0-9A-Za-z])/gu;
const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·\- ]?(?:[DF]\d{5}|\d{5}[DF]|[A-HJ-NP-Z0-9]{5})(?![0-9A-Za-z])/gu;
const CREDIT = /(?<![0-9A-Za-z])[1-9ANY][1-9]\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Za-z])/gu;
const MARKING = /(?:绝密|机密|秘密)\s?★\s?(?:\d{1,3}(?:个月|年|月|天|日)|长期)?|^[【[（(]?(?:内部资料|内部文件|内部材料|注意保存)(?:[，、 ]?注意保存)?/gmu;

const W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const W_CREDIT = Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n));

function idOk(s) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * W_ID[i];
  return "10X98765432"[sum % 11] === s[17].toUpperCase();
}

function luhn(d) {
  let total = 0;
  for (let i = 0; i < d.length; i++) {
    let v = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2) v = v > 4 ? v * 2 - 9 : v * 2;
    total += v;
  }
  return total % 10 === 0;
}

function creditOk(s) {
  let t = 0;
  for (let i = 0; i < 17; i++) t += CREDIT_CHARS.indexOf(s[i]) * W_CREDIT[i];
  return CREDIT_CHARS[(31 - (t % 31)) % 31] === s[17];
}

function scan(text) {
  const found = [];
  for (const m of text.matchAll(ID18)) if (idOk(m[0])) found.push(["resident_id", m.index]);
  for (const m of text.matchAll(ID15)) found.push(["resident_id_legacy", m.index]);
  for (const m of text.matchAll(MOBILE)) found.push(["mobile", m.index]);
  for (const m of text.matchAll(CARD)) if (luhn(m[0].replaceAll(" ", ""))) found.push(["bank_card", m.index]);
  for (const m of text.matchAll(EMAIL)) found.push(["email", m.index]);
  for (const m of text.matchAll(DOCS)) found.push(["passport_or_permit", m.index]);
  for (const m of text.matchAll(PLATE)) found.push(["vehicle_plate", m.index]);
  for (const m of text.matchAll(CREDIT)) if (creditOk(m[0])) found.push(["credit_code", m.index]);
  for (const m of text.matchAll(MARKING)) found.push(["marking", m.index]);
  return found;
}

const path = process.argv[2] ?? "tests/corpus/corpus.jsonl";
const records = readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
for (const name of ["dense", "plain"]) {
  const text = records.filter((r) => name === "dense" || r.labels.length === 0).map((r) => r.text + "\n").join("");
  const size = Buffer.byteLength(text, "utf8");
  let best = Infinity;
  let count = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = process.hrtime.bigint();
    count = scan(text).length;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(`node-regexp scan/${name}: ${(size / best / 1e6).toFixed(1)} MB/s (${size} bytes, ${count} matches, best of 20)`);
}
