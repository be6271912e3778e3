// Stage 2: tokens with offsets and shape features, and case restoration for ALL-CAPS lines
// (headlines, section titles): there a word counts as capitalised only when it is not a
// common English word (compromise's lexicon) or is a known name.
import type { Sentence } from '../../src/model/types.js';
import { demonyms, edgeWords, gazetteer, placeAbbreviations, isCommonWord, lower, notEntities, titles } from '../lexicon.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** Lower-cased text with typographic apostrophes normalised. */
  lower: string;
  isWord: boolean;
  /** Capitalised as written (first character an upper-case letter) or a digit-led name part. */
  upper: boolean;
  allCaps: boolean;
  /** First word of its sentence (or of a quotation/heading at its start). */
  initial: boolean;
  /** Part of an ALL-CAPS line. */
  capsLine: boolean;
  /** Effective capitalisation after case restoration: can this token be part of a name? */
  cap: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*|['’][sS](?![\p{L}\p{N}])|\S/gu;
const ABBREV_WITH_DOT = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'pres', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'rev', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'mt', 'messrs', 'no']);
const HYPHEN_SUFFIX = /^(.*\p{L})-(based|style|led|backed|born|owned|speaking|funded|made|controlled|linked|era|type|run|friendly|bound|wide|held|occupied|dominated|allied|leaning|minded|centric|registered)$/u;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '-', '–', '—', '•', '*']);

export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  // Words the document itself writes in lower case are common words when a headline shouts them.
  const lowerWords = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}\p{N}-]*/gu)) lowerWords.add(m[0]);
  for (const s of sentences) {
    const first = out.length;
    let consumed = s.start;
    for (const m of s.text.matchAll(TOKEN)) {
      let raw = m[0];
      let start = s.start + (m.index ?? 0);
      if (start < consumed) continue; // the period an abbreviation already took
      const isWord = /[\p{L}\p{N}]/u.test(raw);
      // Possessive 's / ’s becomes its own token so that names end cleanly.
      const poss = isWord && raw.length > 2 ? /^(.*[\p{L}\p{N}])(['’][sS])$/u.exec(raw) : null;
      // "Moscow-based", "Western-style": the name and its lower-case suffix are separate tokens.
      let suffix = isWord ? HYPHEN_SUFFIX.exec(raw) : null;
      // "Azerbaijan-France", "Israeli-Palestinian": two known names joined by a hyphen.
      const halves = isWord && !suffix ? /^(\p{Lu}[\p{L}]+)-(\p{Lu}[\p{L}]+)$/u.exec(raw) : null;
      if (halves && (gazetteer.has(lower(halves[1]!)) || demonyms.has(lower(halves[1]!))) && (gazetteer.has(lower(halves[2]!)) || demonyms.has(lower(halves[2]!))) && !gazetteer.has(lower(raw))) suffix = halves;
      const pieces: Array<[string, number]> = poss ? [[poss[1]!, start], [poss[2]!, start + poss[1]!.length]]
        : suffix ? [[suffix[1]!, start], ['-', start + suffix[1]!.length], [suffix[2]!, start + suffix[1]!.length + 1]] : [[raw, start]];
      for (const [piece, pStart] of pieces) {
        raw = piece;
        start = pStart;
        let end = start + raw.length;
        const low = lower(raw);
        // Abbreviations and initials keep their period ("Pres.", "J.").
        if (text[end] === '.' && (ABBREV_WITH_DOT.has(low) || placeAbbreviations.has(`${low}.`) || /^\p{Lu}$/u.test(raw))) end += 1;
        consumed = end;
        const t = text.slice(start, end);
        const letters = t.replace(/[^\p{L}]/gu, '');
        out.push({
          text: t, start, end, sentence: s.index, lower: lower(t), isWord: /[\p{L}\p{N}]/u.test(t),
          upper: /^\p{Lu}/u.test(t), allCaps: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
          initial: false, capsLine: false, cap: false,
        });
      }
    }
    // Sentence-initial: first word, skipping opening punctuation.
    for (let i = first; i < out.length; i++) {
      if (out[i]!.isWord) { out[i]!.initial = true; break; }
      if (!OPENERS.has(out[i]!.text)) break;
    }
    // ALL-CAPS line: most lettered words are upper case.
    const words = out.slice(first).filter((t) => /\p{L}/u.test(t.text));
    const caps = words.filter((t) => t.allCaps || (t.text.length === 1 && /\p{Lu}/u.test(t.text))).length;
    const shouting = words.length > 0 && caps >= 1 && caps / words.length >= 0.6 && !(words.length > 1 && caps === 1 && words.length > 3);
    // Title Case headlines ("Putin’s Friend, Wanted by Ukraine") carry no case information either.
    const longWords = words.filter((t) => t.text.length > 3);
    const titled = !shouting && longWords.length >= 3 && longWords.filter((t) => t.upper).length / longWords.length >= 0.8 && !/[.!?]["”’]?$/.test(s.text.trim());
    const capsLine = shouting || titled;
    // Known multi-word names keep their capitals in ALL-CAPS lines ("NEW YORK", "UNITED STATES").
    const keep = new Set<number>();
    if (capsLine) {
      for (let i = first; i < out.length; i++) {
        let phrase = out[i]!.lower;
        for (let k = 1; k < 4 && i + k < out.length; k++) {
          phrase += ` ${out[i + k]!.lower}`;
          if (gazetteer.has(phrase)) for (let q = i; q <= i + k; q++) keep.add(q);
        }
      }
    }
    for (let i = first; i < out.length; i++) {
      const t = out[i]!;
      t.capsLine = capsLine;
      if (keep.has(i)) { t.cap = true; continue; }
      if (!t.isWord) continue;
      if (capsLine) {
        const bare = t.lower.replace(/\.$/, '');
        t.cap = (t.upper || shouting) && /\p{L}/u.test(t.text) && (gazetteer.has(t.lower) || (!isCommonWord(bare) && !lowerWords.has(bare) && !notEntities.has(bare) && !edgeWords.has(bare) && !titles.has(t.lower) && !/^\d/.test(t.text) && bare.length > 1));
      } else {
        t.cap = t.upper;
      }
      // Reference codes ("AU0202111694") are not names.
      if (t.text.length > 6 && /\d{4}/.test(t.text) && /\p{L}/u.test(t.text)) t.cap = false;
    }
  }
  return out;
}
