// Keeps entity_fts in popularity order: an alias row's rowid is (MAX_BAND - band) * 2^40 + seq,
// band = floor(log2(1 + mentions)), so `MATCH ? LIMIT n` meets the best-known entities first and
// never sorts all matches. An entity's rows move only when its mention count doubles.
import type { SqliteConnection } from './connection.js';

const MAX_BAND = 40;
const BAND_SPAN = 2 ** 40;

export const searchBand = (mentions: number): number => Math.min(MAX_BAND, Math.floor(Math.log2(1 + Math.max(0, mentions))));

const ftsRowid = (band: number, seq: number): number => (MAX_BAND - band) * BAND_SPAN + seq;
const seqOf = (rowid: number): number => rowid % BAND_SPAN;

/** Next insertion sequence, kept in meta so every writer (CLI, server) shares it. */
function nextSeq(conn: SqliteConnection): number {
  const row = conn
    .stmt(
      `INSERT INTO meta (key, value) VALUES ('ftsSeq', '1')
       ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING CAST(value AS INTEGER) AS seq`,
    )
    .get() as { seq: number };
  return row.seq;
}

/** Indexes one new alias of an entity for prefix search, in its entity's band. */
export function indexAlias(conn: SqliteConnection, entityId: string, alias: string, band: number): void {
  const rowid = ftsRowid(band, nextSeq(conn));
  conn.stmt('INSERT INTO entity_fts (rowid, entity_id, alias) VALUES (?, ?, ?)').run(rowid, entityId, alias);
  conn.stmt('UPDATE aliases SET fts_rowid = ? WHERE entity_id = ? AND alias = ?').run(rowid, entityId, alias);
}

/** Moves an entity's FTS rows to the band of its new mention count (when it changed). */
export function updateSearchBand(conn: SqliteConnection, entityId: string, oldBand: number, mentions: number): number {
  const band = searchBand(mentions);
  if (band === oldBand) return band;
  conn.stmt('UPDATE entities SET search_band = ? WHERE id = ?').run(band, entityId);
  const rows = conn.stmt('SELECT alias, fts_rowid FROM aliases WHERE entity_id = ? AND fts_rowid IS NOT NULL').all(entityId) as { alias: string; fts_rowid: number }[];
  for (const r of rows) {
    const rowid = ftsRowid(band, seqOf(r.fts_rowid));
    conn.stmt('DELETE FROM entity_fts WHERE rowid = ?').run(r.fts_rowid);
    conn.stmt('INSERT INTO entity_fts (rowid, entity_id, alias) VALUES (?, ?, ?)').run(rowid, entityId, r.alias);
    conn.stmt('UPDATE aliases SET fts_rowid = ? WHERE entity_id = ? AND alias = ?').run(rowid, entityId, r.alias);
  }
  return band;
}

/**
 * Rebuilds entity_fts from the aliases table, most mentioned entities first (used by the v1→v2
 * migration and by bulk loaders). Runs inside the caller's transaction.
 */
export function rebuildSearchOrder(conn: SqliteConnection): void {
  conn.db.exec("DELETE FROM entity_fts; DELETE FROM meta WHERE key = 'ftsSeq'");
  conn.db.exec('UPDATE entities SET search_band = min(40, CAST(floor(log2(1 + max(0, mention_count))) AS INTEGER))');
  const rows = conn
    .stmt(
      `SELECT a.entity_id, a.alias, e.search_band AS band FROM aliases a JOIN entities e ON e.id = a.entity_id
       ORDER BY e.mention_count DESC, e.id, a.alias`,
    )
    .all() as { entity_id: string; alias: string; band: number }[];
  const insert = conn.stmt('INSERT INTO entity_fts (rowid, entity_id, alias) VALUES (?, ?, ?)');
  const updates: [number, string, string][] = [];
  let seq = 0;
  for (const r of rows) {
    const rowid = ftsRowid(r.band, ++seq);
    insert.run(rowid, r.entity_id, r.alias);
    updates.push([rowid, r.entity_id, r.alias]);
  }
  const setRowid = conn.stmt('UPDATE aliases SET fts_rowid = ? WHERE entity_id = ? AND alias = ?');
  for (const u of updates) setRowid.run(...u);
  conn.stmt("INSERT INTO meta (key, value) VALUES ('ftsSeq', ?)").run(String(seq));
}
