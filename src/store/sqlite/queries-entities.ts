// Entity-centred reads for analysts: filtered entity lists, neighbour counts by type, an entity's
// mentions and documents.
import { invalidInput } from '../../model/errors.js';
import { normaliseName } from '../../model/names.js';
import type { Document, Entity, Page } from '../../model/types.js';
import { DEFAULT_LIMITS, decodeCursor, encodeCursor, type EntityOrder, type EntityQuery, type NeighbourCounts, type StoredMention } from '../graph-store.js';
import type { SqliteConnection } from './connection.js';
import { DOCUMENT_COLUMNS, entityFromRow, toDocument, type DocumentRow, type EntityRow } from './rows.js';

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

const ORDER_BY: Record<EntityOrder, string> = {
  MENTIONS_DESC: 'e.mention_count DESC, e.id',
  NAME_ASC: 'e.name COLLATE NOCASE, e.id',
  DEGREE_DESC: '(coalesce(deg_out.n, 0) + coalesce(deg_in.n, 0)) DESC, e.id',
};

// Degrees for DEGREE_DESC: two grouped scans that walk the (source, ...) and (target, ...) indexes.
const DEGREE_JOINS = `
  LEFT JOIN (SELECT source AS id, count(*) AS n FROM relations GROUP BY source) deg_out ON deg_out.id = e.id
  LEFT JOIN (SELECT target AS id, count(*) AS n FROM relations WHERE source <> target GROUP BY target) deg_in ON deg_in.id = e.id`;

/** LIKE pattern for a substring, with LIKE's own wildcards escaped. */
const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listEntities(conn: SqliteConnection, query: EntityQuery): Page<Entity> {
  const offset = decodeCursor(query.after);
  if (offset < 0) throw invalidInput('store.listEntities', 'malformed cursor');
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.types && query.types.length > 0) {
    where.push(`e.type IN (${query.types.map(() => '?').join(',')})`);
    params.push(...query.types);
  }
  if (query.minMentions !== undefined) {
    where.push('e.mention_count >= ?');
    params.push(query.minMentions);
  }
  if (query.mentionedIn !== undefined) {
    where.push('e.id IN (SELECT entity_id FROM mentions WHERE document_id = ?)');
    params.push(query.mentionedIn);
  }
  if (query.connectedTo !== undefined) {
    where.push('e.id <> ? AND e.id IN (SELECT target FROM relations WHERE source = ? UNION SELECT source FROM relations WHERE target = ?)');
    params.push(query.connectedTo, query.connectedTo, query.connectedTo);
  }
  if (query.nameContains !== undefined) {
    const norm = normaliseName(query.nameContains);
    // The canonical name is always among the aliases, so one test covers both. Text with no
    // letter or digit matches nothing (rather than everything).
    if (!norm) where.push('0');
    where.push(`EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.norm LIKE ? ESCAPE '\\')`);
    params.push(containsPattern(norm));
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order = query.orderBy ?? 'MENTIONS_DESC';
  const total = (conn.stmt(`SELECT count(*) AS n FROM entities e ${clause}`).get(...params) as { n: number }).n;
  const rows = conn
    .stmt(`SELECT e.* FROM entities e ${order === 'DEGREE_DESC' ? DEGREE_JOINS : ''} ${clause} ORDER BY ${ORDER_BY[order]} LIMIT ? OFFSET ?`)
    .all(...params, Math.max(0, query.first ?? DEFAULT_LIMITS.relationsFirst), offset) as EntityRow[];
  return {
    totalCount: total,
    nodes: rows.map((r) => entityFromRow(conn, r)),
    endCursor: rows.length > 0 ? encodeCursor(offset + rows.length) : null,
    hasNextPage: offset + rows.length < total,
  };
}

export function getEntityDocuments(conn: SqliteConnection, entityId: string, first: number, after: string | null): Page<Document> {
  const offset = decodeCursor(after);
  if (offset < 0) throw invalidInput('store.getEntityDocuments', 'malformed cursor');
  const mentioned = 'EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.entity_id = ?)';
  const total = (conn.stmt(`SELECT count(*) AS n FROM documents d WHERE ${mentioned}`).get(entityId) as { n: number }).n;
  const rows = conn
    .stmt(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE ${mentioned} ORDER BY d.published_at DESC NULLS LAST, d.ingested_at, d.id LIMIT ? OFFSET ?`)
    .all(entityId, Math.max(0, first), offset) as DocumentRow[];
  return {
    totalCount: total,
    nodes: rows.map(toDocument),
    endCursor: rows.length > 0 ? encodeCursor(offset + rows.length) : null,
    hasNextPage: offset + rows.length < total,
  };
}
