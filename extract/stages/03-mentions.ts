// Stage 3: mention candidates with clean boundaries. Runs of capitalised tokens, joined across
// name connectors ("Council of Europe", "Institute for Intelligence and Special Operations",
// "Jean de la Fontaine"), then trimmed: leading titles, demonyms, determiners and sentence-initial
// common words come off (kept as cues for typing and relations); possessives never enter.
import type { Token } from './02-tokens.js';
import { companySuffixes, demonyms, edgeWords, firstNames, gazetteer, isCommonWord, maxTitleWords, notEntities, ofHeads, orgHeads, placeHeads, titles } from '../lexicon.js';

export interface Candidate {
  /** Token range [first, last] (inclusive) in the document's token list. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** Title immediately before the name ("Pres.", "Prime Minister"), lower case. */
  title?: string;
  /** Demonym immediately before ("French" in "French President Emmanuel Macron"). */
  demonym?: string;
  /** Split off a longer run after a known name ("Kremlin | Ruben Vardanyan"). */
  splitFrom?: boolean;
  /** The source named in a news-service line ("… Paris AFP in English 0107 GMT"): an organisation. */
  source?: boolean;
}

const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'del', 'dos', 'y', 'ter', 'bin', 'abu']);
const MAX_RUN = 9;
// Head words that also name a field of business ("Post and Telecommunications Administration").
const FIELD_WORDS = new Set(['post', 'news', 'radio', 'television', 'tv', 'oil', 'gas', 'steel', 'energy', 'electric', 'petroleum', 'insurance', 'securities', 'entertainment', 'communications', 'international', 'federal', 'press', 'trust', 'exchange', 'industries', 'pharmaceuticals', 'investments']);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;

/** Longest title phrase starting at token i (returns its length in tokens, 0 when none). */
export function titleAt(tokens: Token[], i: number): number {
  let best = 0;
  let phrase = '';
  for (let k = 0; k < maxTitleWords && i + k < tokens.length; k++) {
    const t = tokens[i + k]!;
    if (t.sentence !== tokens[i]!.sentence || !t.isWord) break;
    phrase = k === 0 ? t.lower : `${phrase} ${t.lower}`;
    if (titles.has(phrase)) best = k + 1;
  }
  return best;
}

function runLength(tokens: Token[], from: number): number {
  let j = from;
  while (j < tokens.length && tokens[j]!.cap && tokens[j]!.sentence === tokens[from]!.sentence) j++;
  return j - from;
}

function runEndsWithOrgHead(tokens: Token[], from: number): boolean {
  let j = from;
  let last = -1;
  while (j < tokens.length && tokens[j]!.cap && tokens[j]!.sentence === tokens[from]!.sentence) { last = j; j++; }
  return last >= 0 && (orgHeads.has(tokens[last]!.lower) || placeHeads.has(tokens[last]!.lower));
}

export function findCandidates(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!t.cap) { i++; continue; }
    // Build a raw run from i (a leading multi-word title with a name after it comes along whole).
    const run: number[] = [i];
    // "6th Fleet", "82nd Airborne Division": an ordinal opens a unit's name.
    const before = tokens[i - 1];
    if (before && before.sentence === t.sentence && ORDINAL.test(before.text) && runEndsWithOrgHead(tokens, i)) run.unshift(i - 1);
    let j = i + 1;
    const lead = titleAt(tokens, i);
    if (lead > 1 && tokens[i + lead]?.cap && tokens[i + lead]!.sentence === t.sentence) { for (let q = 1; q < lead; q++) run.push(i + q); j = i + lead; }
    let joinedOf = 0;
    while (j < tokens.length && run.length < MAX_RUN) {
      const n = tokens[j]!;
      if (n.sentence !== t.sentence) break;
      // A multi-word title inside a run ("Member of Parliament Frank Schwabe") stays whole.
      const tl = n.cap ? titleAt(tokens, j) : 0;
      if (tl > 1 && tokens[j + tl]?.cap && tokens[j + tl]!.sentence === t.sentence) { for (let q = 0; q < tl; q++) run.push(j + q); j += tl; continue; }
      if (n.cap) { run.push(j); j++; continue; }
      // A number right after "Unit"-like heads ("Unit 8200").
      if (/^\d+$/.test(n.text) && orgHeads.has(tokens[j - 1]!.lower) && tokens[j - 1]!.cap && run.length === 1) { run.push(j); j++; continue; }
      let next = tokens[j + 1];
      const prev = tokens[j - 1]!;
      if (ORDINAL.test(n.text) && !gazetteer.has(run.map((r) => tokens[r]!.lower).join(' ')) && next?.cap && next.sentence === t.sentence && runEndsWithOrgHead(tokens, j + 1)) { run.push(j); j++; continue; }
      // "Parliamentary Assembly of the Council of Europe"
      if (n.lower === 'of' && next?.lower === 'the' && joinedOf < 2 && (ofHeads.has(prev.lower) || orgHeads.has(prev.lower)) && tokens[j + 2]?.cap && tokens[j + 2]!.sentence === t.sentence) {
        joinedOf++; run.push(j, j + 1); j += 2; continue;
      }
      if (!next || next.sentence !== t.sentence || !next.cap) break;
      next = next!;
      if (PARTICLES.has(n.lower) && !n.upper) { run.push(j); j++; continue; }
      if (companySuffixes.has(prev.lower)) break; // "Daniels Pharmaceuticals Inc of St. Petersburg"
      if ((n.lower === 'of' || n.lower === 'for' || n.lower === 'on') && (joinedOf === 0 || (joinedOf < 2 && orgHeads.has(prev.lower))) && (ofHeads.has(prev.lower) || orgHeads.has(prev.lower))) {
        joinedOf++; run.push(j); j++; continue;
      }
      if (n.lower === '&') { run.push(j); j++; continue; }
      if (n.lower === 'and') {
        const right = tokens[j + 1]!;
        // "Michael Green and Anthony Hill" are two people, whatever "Hill" may head.
        const leftKnown = gazetteer.has(run.map((r) => tokens[r]!.lower).join(' ')) || firstNames.has(tokens[run[0]!]!.lower) || firstNames.has(right.lower);
        const rightLen = runLength(tokens, j + 1);
        // "the Internal Revenue Service and Manufacturers Hanover Trust Co." are two bodies.
        const leftComplete = run.length >= 2 && orgHeads.has(prev.lower) && !ofHeads.has(prev.lower) && !FIELD_WORDS.has(prev.lower) && joinedOf === 0;
        if (!leftKnown && !leftComplete && ((rightLen >= 2 && runEndsWithOrgHead(tokens, j + 1)) || (joinedOf > 0 && !gazetteer.has(right.lower) && !firstNames.has(right.lower)))) { run.push(j); j++; continue; }
      }
      break;
    }
    i = j;
    trimAndPush(text, tokens, run, out);
  }
  return sourceLines(text, tokens, splitKnownSuffixes(text, tokens, out));
}

/** Monitoring-service source lines ("AU0202111694 Paris AFP in English 0107 GMT 2 Feb 94",
 * "NC1404123794 Cairo AL-AHALI in Arabic 6 Apr 94"): after the reference code come the
 * place and the source (agency, paper, station), then "in <language>". */
function sourceLines(text: string, tokens: Token[], cands: Candidate[]): Candidate[] {
  let out = cands;
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\p{Lu}{2}\d{8,}$/u.test(tokens[i]!.text)) continue;
    const s = tokens[i]!.sentence;
    let inAt = -1;
    for (let j = i + 2; j < i + 10 && j + 2 < tokens.length && tokens[j]!.sentence === s; j++) {
      const lang = tokens[j + 1]!;
      if (tokens[j]!.text === 'in' && lang.upper && (demonyms.has(lang.lower) || notEntities.has(lang.lower)) && /^\d/.test(tokens[j + 2]!.text)) { inAt = j; break; }
    }
    if (inAt < 0) continue;
    let k = 0;
    for (let n = Math.min(3, inAt - i - 2); n >= 1 && !k; n--) {
      if (gazetteer.get(tokens.slice(i + 1, i + 1 + n).map((t) => t.lower).join(' ')) === 'Place') k = n;
    }
    if (!k) continue;
    const place = tokens.slice(i + 1, i + 1 + k).map((_, q) => i + 1 + q);
    const source = tokens.slice(i + 1 + k, inAt).map((_, q) => i + 1 + k + q);
    const from = tokens[i + 1]!.start;
    const to = tokens[inAt - 1]!.end;
    out = out.filter((c) => c.end <= from || c.start >= to);
    push(text, tokens, place, out, {});
    push(text, tokens, source, out, {});
    out[out.length - 1]!.source = true;
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** "ex-owner of Troika Dialog Ruben Vardanyan": a run that ends with a name the document
 * uses on its own elsewhere ("Ruben Vardanyan") is two names. */
function splitKnownSuffixes(text: string, tokens: Token[], cands: Candidate[]): Candidate[] {
  const alone = new Set(cands.map((c) => c.text));
  const out: Candidate[] = [];
  for (const c of cands) {
    const ws: number[] = [];
    for (let k = c.first; k <= c.last; k++) if (tokens[k]!.isWord) ws.push(k);
    let done = false;
    if (ws.length >= 3) {
      for (let k = ws.length - 2; k >= 1 && !done; k--) {
        const suffix = text.slice(tokens[ws[k]!]!.start, c.end);
        if (!alone.has(suffix) || !firstNames.has(tokens[ws[k]!]!.lower)) continue;
        const left = ws.slice(0, k);
        const l = tokens[left[left.length - 1]!]!;
        out.push({ ...c, last: left[left.length - 1]!, end: l.end, text: text.slice(c.start, l.end) });
        out.push({ first: ws[k]!, last: c.last, start: tokens[ws[k]!]!.start, end: c.end, text: suffix, sentence: c.sentence, splitFrom: true });
        done = true;
      }
    }
    if (!done) out.push(c);
  }
  return out;
}

function trimAndPush(text: string, tokens: Token[], run: number[], out: Candidate[]): void {
  let a = 0;
  let b = run.length - 1;
  let title: string | undefined;
  let demonym: string | undefined;
  const tok = (k: number): Token => tokens[run[k]!]!;
  // Leading: determiners, sentence-initial common words, demonyms before titles/names, titles.
  const phrase = (x: number, y: number): string => run.slice(x, y + 1).map((r) => tokens[r]!.lower).join(' ');
  for (let guard = 0; guard < 6 && a <= b; guard++) {
    const t = tok(a);
    if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an') { a++; continue; }
    // A known name from here on ("New York", "United States", "South Africa") stays whole.
    if (gazetteer.has(phrase(a, b)) || (a < b && gazetteer.has(phrase(a, a + 1)) && !gazetteer.has(t.lower))) break;
    const tl = titleAt(tokens, run[a]!);
    if (tl > 0 && a + tl <= b) {
      const rest = run.slice(a + tl, b + 1);
      const lastRest = tokens[rest[rest.length - 1]!]!;
      // "General Directorate of External Security" is a name, not a title + name.
      if (!orgHeads.has(lastRest.lower) && !rest.some((r) => tokens[r]!.lower === 'of')) {
        title = tokens.slice(run[a]!, run[a]! + tl).map((x) => x.lower).join(' ');
        a += tl;
        continue;
      }
    }
    if (edgeWords.has(t.lower.replace(/\.$/, '')) && !gazetteer.has(t.lower) && !/^\p{Lu}\.$/u.test(t.text)) { a++; continue; }
    if (notEntities.has(t.lower.replace(/\.$/, '')) && !gazetteer.has(t.lower) && t.initial) { a++; continue; }
    if (demonyms.has(t.lower) && a < b && !orgHeads.has(tok(b).lower) && !gazetteer.has(run.slice(a, b + 1).map((r) => tokens[r]!.lower).join(' '))) {
      demonym = t.lower; a++; continue;
    }
    // "Regrettably Armenia…" loses its first word; "Frank Schwabe spoke" keeps a given name before a surname.
    const givenName = a < b && firstNames.has(t.lower) && !isCommonWord(tok(a + 1).lower);
    if (t.initial && a < b && isCommonWord(t.lower) && !givenName && !gazetteer.has(t.lower) && !titles.has(t.lower) && !orgHeads.has(t.lower)) { a++; continue; }
    break;
  }
  // Trailing: connectors and non-entity words.
  const trimEnd = (): void => {
    while (b >= a && !gazetteer.has(phrase(a, b)) && (['of', 'for', 'and', '&', 'on', 'the'].includes(tok(b).lower) || (edgeWords.has(tok(b).lower.replace(/\.$/, '')) && b > a))) b--;
  };
  trimEnd();
  // Trailing title or plural demonym: "UN Secretary-General", "Artsakh Armenians".
  while (b > a) {
    const tb = tok(b).lower;
    if (titles.has(tb) && !orgHeads.has(tb) && !(b === a + 1 && firstNames.has(tok(a).lower))) { b--; continue; }
    if (tb.endsWith('s') && demonyms.has(tb.slice(0, -1))) { b--; continue; }
    break;
  }
  trimEnd();
  // A sentence-initial word that is not a name, before a known name: "Anytime Azerbaijan".
  if (a < b && tok(a).initial && !gazetteer.has(phrase(a, b)) && !gazetteer.has(tok(a).lower) && !firstNames.has(tok(a).lower) && gazetteer.has(phrase(a + 1, b))) a++;
  if (b < a) return;
  for (let k = a + 1; k < b; k++) {
    const tl = titleAt(tokens, run[k]!);
    // "Martin Luther King Jr.": after a given name, a title word is a surname.
    if (firstNames.has(tokens[run[k - 1]!]!.lower)) continue;
    if (tl > 0 && k + tl <= b && !tokens[run[k]!]!.lower.match(/^(general|major|head|director|chief|leader|secretary|justice|father|saint|st\.|lady|lord)$/)) {
      const rest = run.slice(k + tl, b + 1);
      const lastRest = tokens[rest[rest.length - 1]!]!;
      if (orgHeads.has(lastRest.lower) || rest.some((r) => tokens[r]!.lower === 'of')) continue;
      const before = run.slice(a, k);
      const beforeText = before.map((r) => tokens[r]!.lower).join(' ');
      const dem = demonyms.has(beforeText) ? beforeText : undefined;
      // A leading title ("Deputy U.S. Ambassador …") belongs to the person, not to the place before.
      if (!dem) push(text, tokens, before, out, { demonym });
      push(text, tokens, rest, out, { title: tokens.slice(run[k]!, run[k]! + tl).map((x) => x.lower).join(' '), demonym: dem });
      return;
    }
  }
  const slice = run.slice(a, b + 1);
  // Split "Kremlin Ruben Vardanyan" / "Artsakh Samvel Shahramanyan": a known name glued to a
  // following two-or-more-word name that does not end with a head word.
  for (let k = 1; k <= Math.min(3, slice.length - 1); k++) {
    const head = slice.slice(0, k).map((r) => tokens[r]!.lower).join(' ');
    const rest = slice.slice(k);
    const restLast = tokens[rest[rest.length - 1]!]!;
    // "Paris AFP", "Moscow INTERFAX": a place before an agency's acronym.
    const placeThenAcronym = gazetteer.get(head) === 'Place' && rest.length === 1 && restLast.allCaps && !restLast.capsLine && restLast.text.length >= 2;
    if (gazetteer.has(head) && !firstNames.has(head) && (rest.length >= 2 || placeThenAcronym) && !orgHeads.has(restLast.lower) && !placeHeads.has(restLast.lower) && !rest.some((r) => !tokens[r]!.cap)) {
      push(text, tokens, slice.slice(0, k), out, { title, demonym });
      push(text, tokens, rest, out, { splitFrom: true });
      return;
    }
  }
  push(text, tokens, slice, out, { title, demonym });
}

function push(text: string, tokens: Token[], slice: number[], out: Candidate[], cues: Pick<Candidate, 'title' | 'demonym' | 'splitFrom'>): void {
  const f = tokens[slice[0]!]!;
  const l = tokens[slice[slice.length - 1]!]!;
  const c: Candidate = { first: slice[0]!, last: slice[slice.length - 1]!, start: f.start, end: l.end, text: text.slice(f.start, l.end), sentence: f.sentence };
  if (cues.title) c.title = cues.title;
  if (cues.demonym) c.demonym = cues.demonym;
  if (cues.splitFrom) c.splitFrom = true;
  out.push(c);
}
