// Entity search on Neo4j: the full-text alias index finds candidates (every word, the last as a
// prefix; then, when that finds too few, any word within one edit via Lucene's ~1), and they are
// ranked exactly as the embedded store ranks them, so both backends answer alike.
import { normaliseName } from '../../model/names.js';
import type { Entity, SearchHit } from '../../model/types.js';
import { DEFAULT_LIMITS, type SearchOptions } from '../graph-store.js';
import { editDistance, tokenise } from '../search-keys.js';
import { searchAliases } from './cypher.js';
import type { Neo4jExecutor } from './executor.js';
import { fuzzyQuery, MIN_TYPO_LENGTH, prefixQuery } from './lucene.js';
import { toNumber } from './mapping.js';

/** Exact alias 1, the query as whole words of the alias 0.7, as a word prefix 0.6. */
function matchQuality(alias: string, query: string): number {
  if (alias === query) return 1;
  return ` ${alias} `.includes(` ${query} `) ? 0.7 : 0.6;
}

/** Well-attested entities first among equally good matches. */
const popularity = (mentions: number): number => Math.log10(1 + mentions) / 4;

interface AliasHit {
  id: string;
  alias: string;
  mentionCount: number;
}

export async function searchEntities(
  executor: Neo4jExecutor,
  getEntities: (ids: string[]) => Promise<Entity[]>,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const first = Math.max(0, Math.min(options.first ?? DEFAULT_LIMITS.searchFirst, 500));
  const q = normaliseName(query);
  if (!q || first === 0) return [];
  const types = options.types && options.types.length > 0 ? options.types : null;
  const aliasHits = async (lucene: string, limit: number): Promise<AliasHit[]> =>
    (await executor.readRecords('store.search', searchAliases(lucene, types, limit))).map((r) => ({
      id: String(r.get('id')),
      alias: String(r.get('alias')),
      mentionCount: toNumber(r.get('mentionCount')),
    }));

  const best = new Map<string, { score: number; matched: string }>();
  const consider = (id: string, alias: string, score: number) => {
    const prev = best.get(id);
    if (!prev || score > prev.score) best.set(id, { score, matched: alias });
  };
  const prefix = prefixQuery(query);
  if (prefix) {
    for (const h of await aliasHits(prefix, 400)) consider(h.id, h.alias, matchQuality(normaliseName(h.alias), q) + popularity(h.mentionCount));
  }
  const fuzzy = fuzzyQuery(query);
  // Typos are a fallback, as in the embedded store: text that names something as typed is not a typo.
  if (best.size === 0 && fuzzy) {
    // Lucene's ~1 also allows a transposition; keep only true one-edit (Levenshtein) matches.
    const tokens = tokenise(query);
    const hits = new Map<string, { alias: string; mentionCount: number; matched: Set<string> }>();
    for (const h of await aliasHits(fuzzy, 400)) {
      const aliasTokens = tokenise(h.alias);
      for (const token of tokens) {
        const close = aliasTokens.some((t) => (token.length >= MIN_TYPO_LENGTH ? editDistance(t, token, 1) <= 1 : t === token));
        if (!close) continue;
        const entry = hits.get(h.id) ?? { alias: h.alias, mentionCount: h.mentionCount, matched: new Set<string>() };
        entry.matched.add(token);
        hits.set(h.id, entry);
      }
    }
    for (const [id, h] of hits) consider(id, h.alias, 0.4 * (h.matched.size / tokens.length) + popularity(h.mentionCount));
  }
  const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0])).slice(0, first);
  const byId = new Map((await getEntities(ranked.map(([id]) => id))).map((e) => [e.id, e]));
  return ranked.flatMap(([id, h]) => {
    const entity = byId.get(id);
    return entity ? [{ entity, score: Math.round(h.score * 1000) / 1000, matched: h.matched }] : [];
  });
}
