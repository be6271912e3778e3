// The whole-graph JSON exchange (kg export / kg import): lossless round trip, validated
// before any write, one transaction.
import { invalidInput } from '../../model/errors.js';
import { sha1 } from '../../model/names.js';
import type { GraphExport } from '../../model/types.js';
import type { ImportResult } from '../graph-store.js';
import type { SqliteConnection } from './connection.js';
import { DOCUMENT_COLUMNS, entityFromRow, type DocumentRow, type EntityRow, type EvidenceRow, type RelationRow } from './rows.js';
import { duplicateLinks, linkDuplicate } from './near-duplicates.js';
import { updateSearchBand } from './search-order.js';
import { STRENGTH_SQL, mergeEntity, mergeRelation, refreshRelation } from './writes.js';
import { validateExport } from '../validate-export.js';

export async function importGraph(conn: SqliteConnection, data: GraphExport): Promise<ImportResult> {
  validateExport(data);
  return conn.db.transaction((): ImportResult => {
    let documents = 0;
    const now = new Date().toISOString();
    const known = new Set<string>();
    for (const d of data.documents) {
      const hash = d.textHash ?? `import:${sha1(d.id)}`;
      const clash = conn.stmt('SELECT id FROM documents WHERE id = ? OR text_hash = ?').get(d.id, hash) as { id: string } | undefined;
      known.add(d.id);
      if (clash) continue;
      conn.stmt(
        `INSERT INTO documents (id, text_hash, title, byline, url, published_at, source, ingested_at, word_count, body)
         VALUES (?, ?, ?, ?, ?, ?, 'import', ?, ?, NULL)`,
      ).run(d.id, hash, d.title ?? null, d.byline ?? null, d.url ?? null, d.publishedAt ?? null, d.ingestedAt ?? now, d.wordCount ?? 0);
      documents++;
    }
    for (const d of data.documents) if (d.duplicateOf) linkDuplicate(conn, d.id, d.duplicateOf);
    let entities = 0;
    for (const e of data.entities) {
      const created = mergeEntity(conn, e.id, e.type, e.name, e.aliases ?? [], 0, 0);
      if (created) {
        entities++;
        conn.stmt('UPDATE entities SET mention_count = ?, document_count = ? WHERE id = ?').run(e.mentionCount ?? 0, e.documentCount ?? 0, e.id);
        updateSearchBand(conn, e.id, 0, e.mentionCount ?? 0);
      }
    }
    let relations = 0;
    const nextIndex = new Map<string, number>();
    const sentenceIndex = (doc: string, text: string, index: number | undefined, start: number | undefined, end: number | undefined): number => {
      const found = conn.stmt('SELECT idx FROM sentences WHERE document_id = ? AND text = ?').get(doc, text) as { idx: number } | undefined;
      if (found) return found.idx;
      let idx = index;
      if (idx === undefined || conn.stmt('SELECT 1 FROM sentences WHERE document_id = ? AND idx = ?').get(doc, idx)) {
        const max = (conn.stmt('SELECT coalesce(max(idx), -1) AS m FROM sentences WHERE document_id = ?').get(doc) as { m: number }).m;
        idx = Math.max(max + 1, nextIndex.get(doc) ?? 0);
      }
      nextIndex.set(doc, idx + 1);
      conn.stmt('INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)').run(doc, idx, start ?? 0, end ?? text.length, text);
      return idx;
    };
    for (const r of data.relations) {
      if (mergeRelation(conn, r.id, r.source, r.target, r.type, r.status ?? null)) relations++;
      for (const ev of r.evidence) {
        if (!known.has(ev.document) && !conn.stmt('SELECT 1 FROM documents WHERE id = ?').get(ev.document)) {
          throw invalidInput('store.importGraph', `evidence of relation ${r.id} cites unknown document ${ev.document}`);
        }
        const idx = sentenceIndex(ev.document, ev.sentence, ev.index, ev.start, ev.end);
        conn.stmt(
          `INSERT OR IGNORE INTO evidence (relation_id, document_id, sentence_idx, confidence, source_start, source_end, target_start, target_end)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(r.id, ev.document, idx, ev.confidence ?? r.confidence, ev.sourceStart ?? null, ev.sourceEnd ?? null, ev.targetStart ?? null, ev.targetEnd ?? null);
      }
      refreshRelation(conn, r.id);
      if (r.evidence.length === 0) {
        conn.stmt('UPDATE relations SET confidence = ? WHERE id = ?').run(r.confidence, r.id);
        conn.stmt(`UPDATE relations SET strength = ${STRENGTH_SQL} WHERE id = ?`).run(r.id);
      }
    }
    return { documents, entities, relations };
  }).immediate();
}

export async function exportGraph(conn: SqliteConnection): Promise<GraphExport> {
  const entities = (conn.stmt('SELECT * FROM entities ORDER BY id').all() as EntityRow[]).map((row) => {
    const e = entityFromRow(conn, row);
    return { id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentionCount: e.mentionCount, documentCount: e.documentCount };
  });
  const evidenceOf = conn.stmt(
    `SELECT e.*, s.text, s.start, s.end FROM evidence e
     JOIN sentences s ON s.document_id = e.document_id AND s.idx = e.sentence_idx
     WHERE e.relation_id = ? ORDER BY e.document_id, e.sentence_idx`,
  );
  const relations = (conn.stmt('SELECT * FROM relations ORDER BY id').all() as RelationRow[]).map((r) => ({
    id: r.id,
    source: r.source,
    target: r.target,
    type: r.type,
    confidence: r.confidence,
    status: r.status,
    evidence: (evidenceOf.all(r.id) as EvidenceRow[]).map((ev) => ({
      sentence: ev.text,
      document: ev.document_id,
      index: ev.sentence_idx,
      start: ev.start,
      end: ev.end,
      confidence: ev.confidence,
      sourceStart: ev.source_start,
      sourceEnd: ev.source_end,
      targetStart: ev.target_start,
      targetEnd: ev.target_end,
    })),
  }));
  const duplicates = duplicateLinks(conn);
  const documents = (conn.stmt(`SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.id`).all() as DocumentRow[]).map((d) => ({
    id: d.id,
    title: d.title,
    byline: d.byline,
    url: d.url,
    publishedAt: d.published_at,
    ingestedAt: d.ingested_at,
    textHash: d.text_hash,
    wordCount: d.word_count,
    ...(duplicates.has(d.id) ? { duplicateOf: duplicates.get(d.id)! } : {}),
  }));
  return { format: 'kg-graph', version: 1, entities, relations, documents };
}
