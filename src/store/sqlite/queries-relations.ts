// Graph-wide relation listing with filters (type, confidence, document, entity), strongest first.
import { invalidInput } from '../../model/errors.js';
import type { Page, Relation } from '../../model/types.js';
import { DEFAULT_LIMITS, decodeCursor, encodeCursor, type RelationListQuery } from '../graph-store.js';
import type { SqliteConnection } from './connection.js';
import { toRelation, type RelationRow } from './rows.js';

/** The order every backend uses for "strongest first". */
export const STRONGEST_FIRST = `(r.type = 'ASSOCIATED_WITH'), r.evidence_count DESC, r.confidence DESC, r.id`;

export function listRelations(conn: SqliteConnection, query: RelationListQuery): Page<Relation> {
  const offset = decodeCursor(query.after);
  if (offset < 0) throw invalidInput('store.listRelations', 'malformed cursor');
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.types && query.types.length > 0) {
    where.push(`r.type IN (${query.types.map(() => '?').join(',')})`);
    params.push(...query.types);
  }
  if (query.minConfidence !== undefined) {
    where.push('r.confidence >= ?');
    params.push(query.minConfidence);
  }
  if (query.documentId !== undefined) {
    // IN over the evidence_document index: one index range, not a probe per relation.
    where.push('r.id IN (SELECT relation_id FROM evidence WHERE document_id = ?)');
    params.push(query.documentId);
  }
  if (query.entityId !== undefined) {
    where.push('r.id IN (SELECT id FROM relations WHERE source = ? UNION SELECT id FROM relations WHERE target = ?)');
    params.push(query.entityId, query.entityId);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (conn.stmt(`SELECT count(*) AS n FROM relations r ${clause}`).get(...params) as { n: number }).n;
  const rows = conn
    .stmt(`SELECT r.* FROM relations r ${clause} ORDER BY ${STRONGEST_FIRST} LIMIT ? OFFSET ?`)
    .all(...params, Math.max(0, query.first ?? DEFAULT_LIMITS.relationsFirst), offset) as RelationRow[];
  return {
    totalCount: total,
    nodes: rows.map(toRelation),
    endCursor: rows.length > 0 ? encodeCursor(offset + rows.length) : null,
    hasNextPage: offset + rows.length < total,
  };
}
