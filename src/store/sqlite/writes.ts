// Writes: one linked document per transaction (or per write group, src/ingest/write-groups.ts);
// entity/alias/relation upserts that keep counts, search keys and aggregate confidence up to date.
import { normaliseName } from '../../model/names.js';
import type { EntityType, LinkedDocument } from '../../model/types.js';
import type { AddDocumentResult } from '../graph-store.js';
import { deletionKeys, tokenise } from '../search-keys.js';
import type { SqliteConnection } from './connection.js';
import { recordNearDuplicate } from './near-duplicates.js';
import { indexAlias, updateSearchBand } from './search-order.js';

/** Listing order of relations as one indexable integer: typed before co-occurrence, then support, then confidence. */
const strengthSql = (type: string, evidenceCount: string, confidence: string): string => `(CASE WHEN ${type} = 'ASSOCIATED_WITH' THEN 0 ELSE 1099511627776 END
  + min(${evidenceCount}, 1048575) * 1048576 + CAST(round(min(max(${confidence}, 0), 1) * 1000000) AS INTEGER))`;
export const STRENGTH_SQL = strengthSql('type', 'evidence_count', 'confidence');

/** Noisy-or of the evidence confidences, over `evidence` rows in scope. */
const NOISY_OR_SQL = 'round(1.0 - exp(sum(ln(max(1e-9, 1.0 - min(confidence, 0.999))))), 4)';

export async function addDocument(conn: SqliteConnection, doc: LinkedDocument): Promise<AddDocumentResult> {
  const group = conn.group;
  if (group) {
    // Inside a write group's transaction (no savepoint: a statement journal per document cost
    // what grouping saves). A failure poisons the group, which then rolls back as a whole.
    if (group.failed !== undefined) throw group.failed;
    try {
      return writeDocument(conn, doc);
    } catch (e) {
      group.failed = e;
      throw e;
    }
  }
  return conn.db.transaction(() => writeDocument(conn, doc)).immediate();
}

function writeDocument(conn: SqliteConnection, doc: LinkedDocument): AddDocumentResult {
  const existing = conn.stmt('SELECT id FROM documents WHERE text_hash = ?').get(doc.textHash) as { id: string } | undefined;
  if (existing) return { documentId: existing.id, status: 'unchanged', entitiesCreated: 0, relationsCreated: 0 };
  const m = doc.meta;
  conn.stmt(
    `INSERT INTO documents (id, text_hash, title, byline, url, published_at, source, ingested_at, word_count, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(doc.id, doc.textHash, m.title, m.byline, m.url, m.publishedAt, m.source, new Date().toISOString(), doc.wordCount, doc.text);
  if (doc.nearDuplicate) {
    recordNearDuplicate(conn, doc.id, doc.nearDuplicate);
    // A syndicated copy is kept as a document only: it must not add evidence or counts.
    if (doc.nearDuplicate.duplicateOf) return { documentId: doc.id, status: 'duplicate', entitiesCreated: 0, relationsCreated: 0 };
  }
  const insertSentence = conn.stmt('INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)');
  for (const s of doc.sentences) insertSentence.run(doc.id, s.index, s.start, s.end, s.text);

  let entitiesCreated = 0;
  for (const e of doc.entities) {
    if (mergeEntity(conn, e.id, e.type, e.name, e.aliases, e.mentionCount, 1)) entitiesCreated++;
  }
  const insertMention = conn.stmt('INSERT INTO mentions (document_id, sentence_idx, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)');
  for (const mention of doc.mentions) insertMention.run(doc.id, mention.sentence, mention.entityId, mention.start, mention.end, mention.text);

  let relationsCreated = 0;
  const insertEvidence = conn.stmt(
    `INSERT OR IGNORE INTO evidence (relation_id, document_id, sentence_idx, confidence, source_start, source_end, target_start, target_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const rows of evidenceByRelation(doc.relations)) {
    // A relation new to the store is created from this document's rows; a known one has them added.
    const r = rows[0]!;
    // Created with its aggregates already set, or (known, or too much evidence to bind) aggregated after.
    const bindable = rows.length <= MAX_NEW_RELATION_EVIDENCE;
    const complete = bindable && addRelation(conn, r, rows.map((e) => e.confidence), m.publishedAt);
    if (complete || (!bindable && mergeRelation(conn, r.id, r.source, r.target, r.type, r.status))) relationsCreated++;
    for (const e of rows) insertEvidence.run(e.id, doc.id, e.sentence, e.confidence, e.sourceStart, e.sourceEnd, e.targetStart, e.targetEnd);
    if (!complete) addedEvidence(conn, r.id, m.publishedAt);
  }
  return { documentId: doc.id, status: 'added', entitiesCreated, relationsCreated };
}

/** Past this many evidence sentences in one document, a new relation is created empty and aggregated after (bound parameters are limited). */
const MAX_NEW_RELATION_EVIDENCE = 256;

/** A document's relation rows by relation id (in first-seen order), one per evidence sentence (the first, as the evidence key keeps it). */
function evidenceByRelation(relations: LinkedDocument['relations']): LinkedDocument['relations'][] {
  const byId = new Map<string, LinkedDocument['relations']>();
  const sentences = new Set<string>();
  for (const r of relations) {
    const key = `${r.id}\u0000${r.sentence}`;
    if (sentences.has(key)) continue;
    sentences.add(key);
    const rows = byId.get(r.id);
    if (rows) rows.push(r);
    else byId.set(r.id, [r]);
  }
  return [...byId.values()];
}

/**
 * Creates a relation first reported by this document with its aggregates already set (count,
 * noisy-or confidence, window, strength: what addedEvidence would compute, by the same SQL), so a
 * new relation's index entries are written once, not written and then moved. False if it existed.
 */
function addRelation(conn: SqliteConnection, r: LinkedDocument['relations'][number], confidences: number[], publishedAt: string | null): boolean {
  // Degrees of both ends are kept by triggers (schema.ts).
  // Confidences bound as numbers (one statement per count, seldom more than a few): exactly the values the evidence rows hold.
  const params: Record<string, unknown> = { id: r.id, source: r.source, target: r.target, type: r.type, status: r.status, published: publishedAt };
  confidences.forEach((c, i) => (params[`c${i}`] = c));
  return (
    conn.stmt(
      `INSERT OR IGNORE INTO relations (id, source, target, type, confidence, evidence_count, status, first_reported, last_reported, strength)
       SELECT @id, @source, @target, @type, a.c, a.n, @status, @published, @published, ${strengthSql('@type', 'a.n', 'a.c')}
       FROM (SELECT count(*) AS n, ${NOISY_OR_SQL.replace('confidence', 'column1')} AS c FROM (VALUES ${confidences.map((_, i) => `(@c${i})`).join(', ')})) AS a`,
    ).run(params).changes > 0
  );
}

/** Upserts an entity and its aliases; adds to its counts. Returns true when it was new. */
export function mergeEntity(conn: SqliteConnection, id: string, type: EntityType, name: string, aliases: string[], mentions: number, documents: number): boolean {
  const created = conn.stmt('INSERT OR IGNORE INTO entities (id, type, name, mention_count, document_count) VALUES (?, ?, ?, 0, 0)').run(id, type, name).changes > 0;
  const row = conn
    .stmt('UPDATE entities SET mention_count = mention_count + ?, document_count = document_count + ? WHERE id = ? RETURNING mention_count, search_band')
    .get(mentions, documents, id) as { mention_count: number; search_band: number };
  const band = updateSearchBand(conn, id, row.search_band, row.mention_count);
  for (const alias of new Set([name, ...aliases])) addAlias(conn, id, alias, band);
  return created;
}

export function addAlias(conn: SqliteConnection, entityId: string, alias: string, band?: number): void {
  const norm = normaliseName(alias);
  if (!norm) return;
  const added = conn.stmt('INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)').run(entityId, alias, norm).changes > 0;
  if (!added) return;
  const b = band ?? (conn.stmt('SELECT search_band FROM entities WHERE id = ?').get(entityId) as { search_band: number } | undefined)?.search_band ?? 0;
  indexAlias(conn, entityId, alias, b);
  const insertKey = conn.stmt('INSERT OR IGNORE INTO search_keys (key, entity_id, alias) VALUES (?, ?, ?)');
  for (const token of tokenise(alias)) for (const key of deletionKeys(token)) insertKey.run(key, entityId, alias);
}

export function mergeRelation(conn: SqliteConnection, id: string, source: string, target: string, type: string, status: string | null): boolean {
  // Degrees of both ends are kept by triggers (schema.ts).
  return (
    conn.stmt(
      `INSERT OR IGNORE INTO relations (id, source, target, type, confidence, evidence_count, status) VALUES (?, ?, ?, ?, 0, 0, ?)`,
    ).run(id, source, target, type, status).changes > 0
  );
}

/**
 * After a new document added evidence to a relation: count and confidence from one scan of its
 * evidence (no join), the reporting window widened by the document's date, strength in the same
 * write. Equal to refreshRelation whenever the stored window already matched the evidence.
 */
function addedEvidence(conn: SqliteConnection, id: string, publishedAt: string | null): void {
  conn.stmt(
    `UPDATE relations SET evidence_count = a.n, confidence = a.c, strength = ${strengthSql('relations.type', 'a.n', 'a.c')},
       first_reported = coalesce(min(first_reported, @published), first_reported, @published),
       last_reported = coalesce(max(last_reported, @published), last_reported, @published)
     FROM (SELECT count(*) AS n, ${NOISY_OR_SQL} AS c FROM evidence WHERE relation_id = @id) AS a
     WHERE relations.id = @id`,
  ).run({ id, published: publishedAt });
}

/** Recomputes a relation's aggregate fields from its evidence (noisy-or confidence). */
export function refreshRelation(conn: SqliteConnection, id: string): void {
  conn.stmt(
    `UPDATE relations SET
       evidence_count = (SELECT count(*) FROM evidence WHERE relation_id = relations.id),
       confidence = (SELECT ${NOISY_OR_SQL} FROM evidence WHERE relation_id = relations.id),
       first_reported = (SELECT min(d.published_at) FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.relation_id = relations.id),
       last_reported = (SELECT max(d.published_at) FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.relation_id = relations.id)
     WHERE id = ?`,
  ).run(id);
  conn.stmt(`UPDATE relations SET strength = ${STRENGTH_SQL} WHERE id = ?`).run(id);
}

