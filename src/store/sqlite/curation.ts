// Curation: investigators' corrections (merge, rename, aliases, type, reject relation, delete
// document). Each runs in one transaction and appends its decision to the `curation` table,
// which getCurationRules replays so that ingest re-applies the decisions to new documents.
import { invalidInput, notFound } from '../../model/errors.js';
import { normaliseName, relationId } from '../../model/names.js';
import { ontology } from '../../model/ontology.js';
import { ENTITY_TYPES, type Entity, type EntityType, type Relation } from '../../model/types.js';
import type { CurationRules, DeleteDocumentResult } from '../graph-store.js';
import type { SqliteConnection } from './connection.js';
import { entityFromRow, toRelation, type EntityRow, type RelationRow } from './rows.js';
import { addAlias, refreshRelation } from './writes.js';
import { rejectionKey, replayCuration, type CurationDecision, type CurationKind } from '../curation-replay.js';

export const CURATION_DDL = `
CREATE TABLE IF NOT EXISTS curation (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  object TEXT,
  value TEXT,
  created_at TEXT NOT NULL
);`;

type Kind = CurationKind;

const MAX_NAME = 300;

function record(conn: SqliteConnection, kind: Kind, subject: string, object: string | null, value: string | null): void {
  conn.stmt('INSERT INTO curation (kind, subject, object, value, created_at) VALUES (?, ?, ?, ?, ?)').run(kind, subject, object, value, new Date().toISOString());
}

function entityRow(conn: SqliteConnection, op: string, id: string): EntityRow {
  const row = conn.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
  if (!row) throw notFound(op, `entity ${id} does not exist`);
  return row;
}

const reload = (conn: SqliteConnection, id: string): Entity => entityFromRow(conn, conn.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow);

function cleanName(op: string, what: string, value: string): string {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!normaliseName(v)) throw invalidInput(op, `${what} must contain a letter or digit`);
  if (v.length > MAX_NAME) throw invalidInput(op, `${what} must be at most ${MAX_NAME} characters`);
  return v;
}

/** Drops an entity's rows that foreign keys do not cascade to (the FTS index). */
function dropEntity(conn: SqliteConnection, id: string): void {
  conn.stmt('DELETE FROM entity_fts WHERE entity_id = ?').run(id);
  conn.stmt('DELETE FROM entities WHERE id = ?').run(id);
}

function dropAliasRows(conn: SqliteConnection, id: string, alias: string): void {
  conn.stmt('DELETE FROM aliases WHERE entity_id = ? AND alias = ?').run(id, alias);
  conn.stmt('DELETE FROM entity_fts WHERE entity_id = ? AND alias = ?').run(id, alias);
  conn.stmt('DELETE FROM search_keys WHERE entity_id = ? AND alias = ?').run(id, alias);
}

/** Moves relation `r` onto new ends, folding it into an existing relation with the same key. */
function rekeyRelation(conn: SqliteConnection, r: RelationRow, source: string, target: string): void {
  const symmetric = ontology().relationType(r.type)?.symmetric ?? false;
  let swapped = false;
  if (symmetric && source > target) {
    [source, target] = [target, source];
    swapped = true;
  }
  if (source === target) {
    conn.stmt('DELETE FROM relations WHERE id = ?').run(r.id);
    return;
  }
  const id = relationId(source, r.type, target);
  conn.stmt(`INSERT OR IGNORE INTO relations (id, source, target, type, confidence, evidence_count, status) VALUES (?, ?, ?, ?, 0, 0, ?)`).run(id, source, target, r.type, r.status);
  const offsets = swapped ? 'target_start, target_end, source_start, source_end' : 'source_start, source_end, target_start, target_end';
  conn.stmt(
    `INSERT OR IGNORE INTO evidence (relation_id, document_id, sentence_idx, confidence, source_start, source_end, target_start, target_end)
     SELECT ?, document_id, sentence_idx, confidence, ${offsets} FROM evidence WHERE relation_id = ?`,
  ).run(id, r.id);
  if (id !== r.id) conn.stmt('DELETE FROM relations WHERE id = ?').run(r.id);
  refreshRelation(conn, id);
}

export function mergeEntities(conn: SqliteConnection, keepId: string, mergeId: string): Entity {
  const op = 'store.mergeEntities';
  if (keepId === mergeId) throw invalidInput(op, 'cannot merge an entity into itself');
  return conn.db.transaction((): Entity => {
    entityRow(conn, op, keepId);
    const merged = entityRow(conn, op, mergeId);
    const shared = (
      conn.stmt(
        `SELECT count(DISTINCT a.document_id) AS n FROM mentions a WHERE a.entity_id = ?
         AND EXISTS (SELECT 1 FROM mentions b WHERE b.entity_id = ? AND b.document_id = a.document_id)`,
      ).get(keepId, mergeId) as { n: number }
    ).n;
    conn.stmt('UPDATE entities SET mention_count = mention_count + ?, document_count = max(0, document_count + ? - ?) WHERE id = ?').run(
      merged.mention_count,
      merged.document_count,
      shared,
      keepId,
    );
    const aliases = (conn.stmt('SELECT alias FROM aliases WHERE entity_id = ?').all(mergeId) as { alias: string }[]).map((a) => a.alias);
    for (const alias of new Set([merged.name, ...aliases])) addAlias(conn, keepId, alias);
    conn.stmt('UPDATE mentions SET entity_id = ? WHERE entity_id = ?').run(keepId, mergeId);
    const touching = conn.stmt('SELECT * FROM relations WHERE source = @id OR target = @id').all({ id: mergeId }) as RelationRow[];
    for (const r of touching) {
      rekeyRelation(conn, r, r.source === mergeId ? keepId : r.source, r.target === mergeId ? keepId : r.target);
    }
    dropEntity(conn, mergeId);
    record(conn, 'merge', mergeId, keepId, null);
    // Rejections still hold on the merged ends.
    const rules = curationRules(conn);
    const rejected = new Set(rules.rejected);
    for (const r of conn.stmt('SELECT * FROM relations WHERE source = @id OR target = @id').all({ id: keepId }) as RelationRow[]) {
      if (rejected.has(rejectionKey(r.source, r.type, r.target))) conn.stmt('DELETE FROM relations WHERE id = ?').run(r.id);
    }
    return reload(conn, keepId);
  }).immediate();
}

export function renameEntity(conn: SqliteConnection, id: string, name: string): Entity {
  const op = 'store.renameEntity';
  const clean = cleanName(op, 'name', name);
  return conn.db.transaction((): Entity => {
    entityRow(conn, op, id);
    conn.stmt('UPDATE entities SET name = ? WHERE id = ?').run(clean, id);
    addAlias(conn, id, clean);
    record(conn, 'rename', id, null, clean);
    return reload(conn, id);
  }).immediate();
}

export function addEntityAlias(conn: SqliteConnection, id: string, alias: string): Entity {
  const op = 'store.addAlias';
  const clean = cleanName(op, 'alias', alias);
  return conn.db.transaction((): Entity => {
    entityRow(conn, op, id);
    addAlias(conn, id, clean);
    record(conn, 'add-alias', id, null, clean);
    return reload(conn, id);
  }).immediate();
}

export function removeEntityAlias(conn: SqliteConnection, id: string, alias: string): Entity {
  const op = 'store.removeAlias';
  return conn.db.transaction((): Entity => {
    const row = entityRow(conn, op, id);
    if (alias === row.name) throw invalidInput(op, 'cannot remove the canonical name (rename the entity first)');
    dropAliasRows(conn, id, alias);
    record(conn, 'remove-alias', id, null, alias);
    return reload(conn, id);
  }).immediate();
}

export function setEntityType(conn: SqliteConnection, id: string, type: EntityType): Entity {
  const op = 'store.setEntityType';
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw invalidInput(op, `unknown entity type ${String(type)}`);
  return conn.db.transaction((): Entity => {
    entityRow(conn, op, id);
    conn.stmt('UPDATE entities SET type = ? WHERE id = ?').run(type, id);
    record(conn, 'type', id, null, type);
    return reload(conn, id);
  }).immediate();
}

export function rejectRelation(conn: SqliteConnection, id: string): Relation {
  return conn.db.transaction((): Relation => {
    const row = conn.stmt('SELECT * FROM relations WHERE id = ?').get(id) as RelationRow | undefined;
    if (!row) throw notFound('store.rejectRelation', `relation ${id} does not exist`);
    conn.stmt('DELETE FROM relations WHERE id = ?').run(id);
    record(conn, 'reject', row.source, row.target, row.type);
    return toRelation(row);
  }).immediate();
}

export function deleteDocument(conn: SqliteConnection, id: string): DeleteDocumentResult {
  return conn.db.transaction((): DeleteDocumentResult => {
    if (!conn.stmt('SELECT 1 FROM documents WHERE id = ?').get(id)) throw notFound('store.deleteDocument', `document ${id} does not exist`);
    const countRelations = () => (conn.stmt('SELECT count(*) AS n FROM relations').get() as { n: number }).n;
    const relationsBefore = countRelations();
    const mentioned = conn.stmt('SELECT entity_id AS id, count(*) AS n FROM mentions WHERE document_id = ? GROUP BY entity_id').all(id) as { id: string; n: number }[];
    const touched = (conn.stmt('SELECT DISTINCT relation_id AS id FROM evidence WHERE document_id = ?').all(id) as { id: string }[]).map((r) => r.id);
    conn.stmt('DELETE FROM documents WHERE id = ?').run(id); // cascades to sentences, mentions, evidence
    const lower = conn.stmt('UPDATE entities SET mention_count = max(0, mention_count - ?), document_count = max(0, document_count - 1) WHERE id = ?');
    for (const m of mentioned) lower.run(m.n, m.id);
    const unsupported = conn.stmt('DELETE FROM relations WHERE id = @id AND NOT EXISTS (SELECT 1 FROM evidence WHERE relation_id = @id)');
    for (const r of touched) if (unsupported.run({ id: r }).changes === 0) refreshRelation(conn, r);
    let entitiesRemoved = 0;
    for (const m of mentioned) {
      const left = conn.stmt('SELECT mention_count AS n FROM entities WHERE id = ?').get(m.id) as { n: number } | undefined;
      if (left && left.n <= 0) {
        dropEntity(conn, m.id);
        entitiesRemoved++;
      }
    }
    return { documentId: id, relationsRemoved: relationsBefore - countRelations(), entitiesRemoved };
  }).immediate();
}

/** Replays the decisions in order (shared with the Neo4j backend). */
export function curationRules(conn: SqliteConnection): CurationRules {
  return replayCuration(conn.stmt('SELECT kind, subject, object, value FROM curation ORDER BY seq').all() as CurationDecision[]);
}
