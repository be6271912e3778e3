// Entity search: FTS5 prefix matches over names and aliases (user text quoted, never FTS syntax),
// then one-typo matches from the deletion-key table; ranked by match quality and popularity.
import { normaliseName } from '../../model/names.js';
import type { Entity, EntityType, SearchHit } from '../../model/types.js';
import { DEFAULT_LIMITS, type SearchOptions } from '../graph-store.js';
import { deletionKeys, editDistance, ftsPrefixQuery, tokenise } from '../search-keys.js';
import type { SqliteConnection } from './connection.js';

/** Exact alias 1, the query as whole words of the alias 0.7, as a word prefix 0.6. */
function matchQuality(alias: string, query: string): number {
  if (alias === query) return 1;
  return ` ${alias} `.includes(` ${query} `) ? 0.7 : 0.6;
}

/** Well-attested entities first among equally good matches (0.25 for ~10 mentions, 0.5 for ~100). */
const popularity = (mentions: number): number => Math.log10(1 + mentions) / 4;

export async function searchEntities(conn: SqliteConnection, getEntities: (ids: string[]) => Promise<Entity[]>, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const first = Math.max(0, Math.min(options.first ?? DEFAULT_LIMITS.searchFirst, 500));
  const types = options.types && options.types.length > 0 ? new Set(options.types) : null;
  const q = normaliseName(query);
  if (!q || first === 0) return [];
  // entity id -> best (score, alias)
  const best = new Map<string, { score: number; matched: string }>();
  const consider = (id: string, alias: string, score: number) => {
    const prev = best.get(id);
    if (!prev || score > prev.score) best.set(id, { score, matched: alias });
  };
  const fts = ftsPrefixQuery(query);
  if (fts) {
    const rows = conn.stmt(
      `SELECT f.entity_id AS id, f.alias AS alias, e.mention_count AS mc, e.type AS type
       FROM entity_fts f JOIN entities e ON e.id = f.entity_id
       WHERE entity_fts MATCH ? ORDER BY e.mention_count DESC LIMIT 400`,
    ).all(fts) as { id: string; alias: string; mc: number; type: string }[];
    for (const r of rows) {
      if (types && !types.has(r.type as EntityType)) continue;
      const norm = normaliseName(r.alias);
      consider(r.id, r.alias, matchQuality(norm, q) + popularity(r.mc));
    }
  }
  if (best.size < first) {
    // One-edit typo tolerance: symmetric deletion keys per query token.
    const tokens = tokenise(query);
    const lookup = conn.stmt(
      `SELECT k.entity_id AS id, k.alias AS alias, e.mention_count AS mc, e.type AS type
       FROM search_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ? LIMIT 200`,
    );
    const hits = new Map<string, { alias: string; mc: number; matchedTokens: number }>();
    for (const token of tokens) {
      const seenForToken = new Set<string>();
      for (const key of deletionKeys(token)) {
        for (const r of lookup.all(key) as { id: string; alias: string; mc: number; type: string }[]) {
          if (types && !types.has(r.type as EntityType)) continue;
          const close = tokenise(r.alias).some((t) => editDistance(t, token, 1) <= 1);
          if (!close || seenForToken.has(r.id)) continue;
          seenForToken.add(r.id);
          const h = hits.get(r.id) ?? { alias: r.alias, mc: r.mc, matchedTokens: 0 };
          h.matchedTokens++;
          hits.set(r.id, h);
        }
      }
    }
    for (const [id, h] of hits) consider(id, h.alias, 0.4 * (h.matchedTokens / tokens.length) + popularity(h.mc));
  }
  const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0])).slice(0, first);
  const entities = await getEntities(ranked.map(([id]) => id));
  const byId = new Map(entities.map((e) => [e.id, e]));
  return ranked.flatMap(([id, h]) => {
    const entity = byId.get(id);
    return entity ? [{ entity, score: Math.round(h.score * 1000) / 1000, matched: h.matched }] : [];
  });
}

