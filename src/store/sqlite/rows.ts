// Row shapes of the SQLite tables and their mapping to domain types.
import type { Document, Entity, EntityType, Relation } from '../../model/types.js';
import type { SqliteConnection } from './connection.js';

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  mention_count: number;
  document_count: number;
  /** Aliases other than the name as a JSON array, NULL when none; absent from a store not yet upgraded to v3. */
  other_aliases?: string | null;
}
export interface RelationRow {
  id: string;
  source: string;
  target: string;
  type: string;
  confidence: number;
  evidence_count: number;
  status: string | null;
  first_reported: string | null;
  last_reported: string | null;
}
export interface DocumentRow {
  id: string;
  text_hash: string;
  title: string | null;
  byline: string | null;
  url: string | null;
  published_at: string | null;
  ingested_at: string;
  word_count: number;
  sentence_count: number;
}
export interface EvidenceRow {
  relation_id: string;
  document_id: string;
  sentence_idx: number;
  confidence: number;
  source_start: number | null;
  source_end: number | null;
  target_start: number | null;
  target_end: number | null;
  text: string;
  start: number;
  end: number;
}

export const toRelation = (r: RelationRow): Relation => ({
  id: r.id,
  source: r.source,
  target: r.target,
  type: r.type,
  confidence: r.confidence,
  evidenceCount: r.evidence_count,
  status: r.status,
  firstReported: r.first_reported,
  lastReported: r.last_reported,
});

export const toDocument = (d: DocumentRow): Document => ({
  id: d.id,
  title: d.title,
  byline: d.byline,
  url: d.url,
  publishedAt: d.published_at,
  ingestedAt: d.ingested_at,
  textHash: d.text_hash,
  wordCount: d.word_count,
  sentenceCount: d.sentence_count,
});

export const relative = (value: number | null, sentenceStart: number): number | null =>
  value === null ? null : value - sentenceStart;

export const DOCUMENT_COLUMNS = `d.id, d.text_hash, d.title, d.byline, d.url, d.published_at, d.ingested_at, d.word_count,
  (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentence_count`;


export function entityFromRow(conn: SqliteConnection, row: EntityRow): Entity {
  // A v2 store read without init (kg migrate opens it read-only) has no other_aliases column.
  const aliases =
    row.other_aliases !== undefined
      ? row.other_aliases === null
        ? []
        : (JSON.parse(row.other_aliases) as string[])
      : (conn.stmt('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias').all(row.id) as { alias: string }[]).map((a) => a.alias).filter((a) => a !== row.name);
  return { id: row.id, type: row.type as EntityType, name: row.name, aliases, mentionCount: row.mention_count, documentCount: row.document_count };
}

