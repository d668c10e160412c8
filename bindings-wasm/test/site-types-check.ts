// Compiled by `tsc --noEmit` only: the site declarations describe real usage and catch misuse.
import init, { siteCheck, proactiveCandidates, type SiteCheck, type SiteFinding } from "../pkg/gongkai.js";

export async function siteUsage(): Promise<string[]> {
  await init();
  const r: SiteCheck = siteCheck({ kind: "site" });
  const vetoes: SiteFinding[] = r.findings.filter((f) => f.kind === "veto");
  const left: number = r.findings.find((f) => f.days_left !== undefined)?.days_left ?? -1;
  const rate: number = r.interaction.response_rate ?? 0;
  const later = siteCheck("{}", { as_of: "2026-03-19", lang: "en" });
  const n: number = proactiveCandidates([]).candidates.length;
  // @ts-expect-error: the verdict is "pass" or "fail"
  const bad: "ok" = later.verdict;
  return [r.verdict, String(r.score), ...vetoes.map((f) => f.path), String(left), String(rate), String(n), bad];
}
