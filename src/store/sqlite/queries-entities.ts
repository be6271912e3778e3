// Entity-centred reads for analysts: neighbour counts by type and an entity's mentions.
import type { NeighbourCounts, StoredMention } from '../graph-store.js';
import { decodeCursor, encodeCursor } from '../graph-store.js';
import { invalidInput } from '../../model/errors.js';
import type { Page } from '../../model/types.js';
import type { SqliteConnection } from './connection.js';

// Every (neighbour, relation type) pair of an entity, both directions, self-loops excluded.
const NEIGHBOUR_PAIRS = `
  SELECT target AS n, type FROM relations WHERE source = @id AND target <> @id
  UNION
  SELECT source AS n, type FROM relations WHERE target = @id AND source <> @id`;

export function neighbourCounts(conn: SqliteConnection, entityId: string): NeighbourCounts {
  const total = (conn.stmt(`SELECT count(DISTINCT n) AS c FROM (${NEIGHBOUR_PAIRS})`).get({ id: entityId }) as { c: number }).c;
  const byEntity = conn
    .stmt(`SELECT e.type AS k, count(DISTINCT p.n) AS c FROM (${NEIGHBOUR_PAIRS}) p JOIN entities e ON e.id = p.n GROUP BY e.type ORDER BY e.type`)
    .all({ id: entityId }) as { k: string; c: number }[];
  const byRelation = conn
    .stmt(`SELECT type AS k, count(DISTINCT n) AS c FROM (${NEIGHBOUR_PAIRS}) GROUP BY type ORDER BY type`)
    .all({ id: entityId }) as { k: string; c: number }[];
  const record = (rows: { k: string; c: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.c]));
  return { total, byEntityType: record(byEntity), byRelationType: record(byRelation) };
}

export function getMentions(conn: SqliteConnection, entityId: string, first: number, after: string | null): Page<StoredMention> {
  const offset = decodeCursor(after);
  if (offset < 0) throw invalidInput('store.getMentions', 'malformed cursor');
  const total = (conn.stmt('SELECT count(*) AS n FROM mentions WHERE entity_id = ?').get(entityId) as { n: number }).n;
  const rows = conn
    .stmt(
      `SELECT m.entity_id, m.document_id, m.sentence_idx, m.start, m.end, m.text FROM mentions m JOIN documents d ON d.id = m.document_id
       WHERE m.entity_id = ? ORDER BY d.published_at DESC NULLS LAST, d.ingested_at, d.id, m.sentence_idx, m.start LIMIT ? OFFSET ?`,
    )
    .all(entityId, Math.max(0, first), offset) as { entity_id: string; document_id: string; sentence_idx: number; start: number; end: number; text: string }[];
  return {
    totalCount: total,
    nodes: rows.map((r) => ({ entityId: r.entity_id, documentId: r.document_id, sentenceIndex: r.sentence_idx, start: r.start, end: r.end, text: r.text })),
    endCursor: rows.length > 0 ? encodeCursor(offset + rows.length) : null,
    hasNextPage: offset + rows.length < total,
  };
}
