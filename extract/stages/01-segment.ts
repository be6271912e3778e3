// Stage 1: sentence segmentation with exact offsets. Lines are hard boundaries; inside a line a
// sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital, digit or
// quote, unless the word before the period is an abbreviation or an initial ("Pres.", "J.").
import type { Sentence } from '../../src/model/types.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'pres', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'rev', 'st', 'jr', 'sr',
  'inc', 'corp', 'co', 'ltd', 'vs', 'no', 'nos', 'vol', 'fig', 'approx', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'mt', 'ft', 'gov', 'messrs', 'mme', 'mlle', 'cf', 'al',
  // US state abbreviations (AP style) usually sit mid-sentence ("Aiken, S.C., has ..."); ones that are
  // also English words ("ill", "mass") still end sentences.
  'ariz', 'calif', 'colo', 'conn', 'fla', 'kans', 'md', 'mich', 'minn', 'mont',
  'neb', 'nev', 'n.h', 'n.j', 'n.m', 'n.y', 'n.c', 'n.d', 'okla', 'r.i', 's.c', 's.d', 'tenn', 'tex', 'vt', 'wis', 'wyo', 'd.c',
]);

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu;

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
}

export function segment(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lineRe = /[^\n\r]+/g;
  for (const line of text.matchAll(lineRe)) {
    const lineStart = line.index ?? 0;
    const body = line[0];
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (const m of body.matchAll(BOUNDARY)) {
      const at = m.index ?? 0;
      if (m[0].startsWith('.') && m[0].length === 1 || /^\.["'”’)\]]/.test(m[0])) {
        const before = /([\p{L}.]+)$/u.exec(body.slice(from, at))?.[1] ?? '';
        const word = before.toLowerCase().replace(/\.$/, '');
        // An initial ("J.") or a known abbreviation does not end a sentence.
        if (/^\p{Lu}$/u.test(before) || ABBREVIATIONS.has(word)) continue;
      }
      const end = at + m[0].length;
      pushTrimmed(out, text, lineStart + from, lineStart + end);
      from = end;
    }
    pushTrimmed(out, text, lineStart + from, lineStart + body.length);
  }
  return out;
}
