// Entity search: exact alias probes, FTS5 prefix matches over names and aliases read in popularity
// order (user text quoted, never FTS syntax), then, only when those find nothing, one-typo matches
// from the deletion-key table; ranked by match quality and popularity.
import { normaliseName } from '../../model/names.js';
import type { Entity, SearchHit } from '../../model/types.js';
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

type Hit = { id: string; alias: string; mc: number; type: string };

export async function searchEntities(conn: SqliteConnection, getEntities: (ids: string[]) => Promise<Entity[]>, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const first = Math.max(0, Math.min(options.first ?? DEFAULT_LIMITS.searchFirst, 500));
  const types = options.types && options.types.length > 0 ? [...new Set(options.types)] : [];
  const typeSql = types.length > 0 ? ` AND e.type IN (${types.map(() => '?').join(',')})` : '';
  const q = normaliseName(query);
  if (!q || first === 0) return [];
  // entity id -> best (score, alias)
  const best = new Map<string, { score: number; matched: string }>();
  const consider = (id: string, alias: string, score: number) => {
    const prev = best.get(id);
    if (!prev || score > prev.score) best.set(id, { score, matched: alias });
  };
  // Exact names and aliases, however obscure: one index probe.
  const exact = conn.stmt(
    `SELECT a.entity_id AS id, a.alias AS alias, e.mention_count AS mc, e.type AS type
     FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.norm = ?${typeSql} LIMIT 100`,
  ).all(q, ...types) as Hit[];
  for (const r of exact) consider(r.id, r.alias, 1 + popularity(r.mc));
  const fts = ftsPrefixQuery(query);
  if (fts) {
    // entity_fts rowids are in popularity order (search-order.ts): the first rows are the best known.
    const rows = conn.stmt(
      `SELECT f.entity_id AS id, f.alias AS alias, e.mention_count AS mc, e.type AS type
       FROM entity_fts f JOIN entities e ON e.id = f.entity_id
       WHERE entity_fts MATCH ?${typeSql} ORDER BY f.rowid LIMIT +?`,
    ).all(fts, ...types, Math.max(50, 4 * first)) as Hit[];
    for (const r of rows) consider(r.id, r.alias, matchQuality(normaliseName(r.alias), q) + popularity(r.mc));
  }
  // Typos are a fallback: when the text as typed names something, the user is typing it correctly.
  if (best.size === 0) typoMatches(conn, query, types, consider);
  const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0])).slice(0, first);
  const entities = await getEntities(ranked.map(([id]) => id));
  const byId = new Map(entities.map((e) => [e.id, e]));
  return ranked.flatMap(([id, h]) => {
    const entity = byId.get(id);
    return entity ? [{ entity, score: Math.round(h.score * 1000) / 1000, matched: h.matched }] : [];
  });
}

/** Candidate rows the typo stage reads in all, rarest token first. */
const TYPO_ROW_BUDGET = 1000;

/**
 * One-edit typo tolerance by symmetric deletion keys. Each query token's candidate rows are
 * counted in SQL first (only up to the budget); tokens are then read rarest first (usually the
 * surname), each candidate verified within one edit, until one token's candidates are few or the
 * row budget is spent (a query whose rarest token is that common gets no typo matches: they could
 * not be told apart). Candidates are scored by how many query tokens their alias holds within one
 * edit, so a common first name cannot crowd out the intended entity.
 */
function typoMatches(conn: SqliteConnection, query: string, types: string[], consider: (id: string, alias: string, score: number) => void): void {
  const tokens = tokenise(query).slice(0, 6);
  const countKey = conn.stmt('SELECT count(*) AS n FROM (SELECT 1 FROM search_keys WHERE key = ? LIMIT +?)');
  const lookup = conn.stmt('SELECT entity_id AS id, alias FROM search_keys WHERE key = ?');
  /** Rows under these keys, counted no further than just past the budget. */
  const rowsOf = (keys: string[]): number => {
    let rows = 0;
    for (const key of keys) {
      rows += (countKey.get(key, TYPO_ROW_BUDGET + 1 - rows) as { n: number }).n;
      if (rows > TYPO_ROW_BUDGET) break;
    }
    return rows;
  };
  const estimates = [...new Set(tokens)]
    .map((token) => {
      const keys = deletionKeys(token);
      return { token, keys, rows: rowsOf(keys) };
    })
    .filter((e) => e.rows > 0)
    .sort((a, b) => a.rows - b.rows);
  let driver: Map<string, Set<string>> | null = null;
  let read = 0;
  for (const { token, keys, rows } of estimates) {
    // Rarest first: past the budget, a token is too common for a typo in it to be told apart.
    if (read + rows > TYPO_ROW_BUDGET) break;
    read += rows;
    const found = new Map<string, Set<string>>();
    for (const key of keys) {
      for (const r of lookup.all(key) as { id: string; alias: string }[]) {
        if (found.get(r.id)?.has(r.alias) || !tokenise(r.alias).some((t) => editDistance(t, token, 1) <= 1)) continue;
        const aliases = found.get(r.id) ?? new Set<string>();
        found.set(r.id, aliases.add(r.alias));
      }
    }
    if (found.size > 0 && (driver === null || found.size < driver.size)) driver = found;
    if (driver !== null && driver.size <= 50) break;
  }
  if (!driver) return;
  const info = conn.stmt('SELECT mention_count AS mc, type FROM entities WHERE id = ?');
  const allowed = types.length > 0 ? new Set(types) : null;
  for (const [id, aliases] of driver) {
    const e = info.get(id) as { mc: number; type: string } | undefined;
    if (!e || (allowed && !allowed.has(e.type))) continue;
    for (const alias of aliases) {
      const aliasTokens = tokenise(alias);
      const matched = tokens.filter((t) => aliasTokens.some((a) => editDistance(a, t, 1) <= 1)).length;
      consider(id, alias, 0.4 * (matched / tokens.length) + popularity(e.mc));
    }
  }
}
