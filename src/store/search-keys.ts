// Keys for typo-tolerant search by symmetric deletion: a token and all its one-character
// deletions. Two words within one edit (insert, delete, substitute) share at least one key.
import { normaliseName } from '../model/names.js';

const MIN_TYPO_LENGTH = 4;
const MAX_TOKEN_LENGTH = 40;

export const tokenise = (text: string): string[] =>
  normaliseName(text).split(' ').filter((t) => t.length > 0).map((t) => t.slice(0, MAX_TOKEN_LENGTH));

/** The token itself plus, for tokens long enough to tolerate a typo, each one-deletion variant. */
export function deletionKeys(token: string): string[] {
  const keys = new Set([token]);
  if (token.length >= MIN_TYPO_LENGTH) {
    for (let i = 0; i < token.length; i++) keys.add(token.slice(0, i) + token.slice(i + 1));
  }
  return [...keys];
}

/** Levenshtein distance with an early exit above `max` (returns max + 1). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Quotes user text as FTS5 string tokens so that syntax (`*`, `NEAR(`, `OR`) is plain text. */
export function ftsPrefixQuery(text: string): string | null {
  const tokens = tokenise(text);
  if (tokens.length === 0) return null;
  return tokens.map((t, i) => `"${t.replace(/"/g, '""')}"${i === tokens.length - 1 ? ' *' : ''}`).join(' ');
}
