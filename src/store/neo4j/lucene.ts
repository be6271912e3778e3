// Lucene query strings for the full-text alias index, built from normalised words only. Every
// character Lucene treats as syntax is escaped, and operator words are lower-cased (Lucene's
// operators are upper-case), so user input such as `" OR 1=1 --`, `*` or `NEAR(` is plain text.
import { tokenise } from '../search-keys.js';

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes one word for the Lucene classic query parser. */
export function escapeLucene(word: string): string {
  const escaped = word.replace(SPECIAL, (c) => `\\${c}`);
  return /^(AND|OR|NOT|TO)$/.test(escaped) ? escaped.toLowerCase() : escaped;
}

/** Tokens shorter than this get no typo tolerance (as in the embedded store's deletion keys). */
export const MIN_TYPO_LENGTH = 4;

/** Every word, the last as a prefix: "ruben vard" → `+ruben +vard*`. Null for empty input. */
export function prefixQuery(query: string): string | null {
  const tokens = tokenise(query);
  if (tokens.length === 0) return null;
  return tokens.map((t, i) => `+${escapeLucene(t)}${i === tokens.length - 1 ? '*' : ''}`).join(' ');
}

/** Any word within one edit: "vardanian" → `vardanian vardanian~1`. Null for empty input. */
export function fuzzyQuery(query: string): string | null {
  const tokens = tokenise(query);
  if (tokens.length === 0) return null;
  return tokens.map((t) => (t.length >= MIN_TYPO_LENGTH ? `${escapeLucene(t)} ${escapeLucene(t)}~1` : escapeLucene(t))).join(' ');
}
