// Writes for the Neo4j backend: one linked document per write transaction, every batch an UNWIND
// over rows prepared here; and the whole-graph import, validated before anything is written.
import { invalidInput } from '../../model/errors.js';
import { aliasUid, evidenceKey, sentenceKey } from '../../model/graph-keys.js';
import { normaliseName, sha1 } from '../../model/names.js';
import type { EntityType, GraphExport, LinkedDocument } from '../../model/types.js';
import type { AddDocumentResult, ImportResult } from '../graph-store.js';
import { validateExport } from '../validate-export.js';
import {
  createDocument,
  createMentions,
  documentIdByHash,
  existingDocumentIds,
  importDocuments,
  importSentences,
  indexNearDuplicate,
  linkDuplicates,
  int,
  mergeEntities,
  mergeEvidence,
  mergeRelations,
  refreshRelations,
  sentencesOfDocuments,
  type EntityRow,
  type EvidenceRow,
  type ImportDocumentRow,
  type RelationRow,
  type SentenceRow,
  type Statement,
} from './cypher.js';
import type { Neo4jExecutor, Run } from './executor.js';
import { toNumber } from './mapping.js';

/** Rows per UNWIND: big enough to amortise round trips, small enough to keep transactions light. */
export const BATCH_SIZE = 1000;

const intOrNull = (n: number | null | undefined) => (n === null || n === undefined ? null : int(n));

function chunks<T>(rows: T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Sums a `created` column over batches of one statement builder. */
async function runCounting<T>(run: Run, rows: T[], build: (batch: T[]) => Statement): Promise<number> {
  let created = 0;
  for (const batch of chunks(rows)) {
    for (const record of await run(build(batch))) created += toNumber(record.get('created'));
  }
  return created;
}

async function runAll<T>(run: Run, rows: T[], build: (batch: T[]) => Statement): Promise<void> {
  for (const batch of chunks(rows)) await run(build(batch));
}

export function entityRow(id: string, name: string, aliases: string[], mentions: number, documents: number): EntityRow {
  const seen = new Set<string>();
  const rows: EntityRow['aliases'] = [];
  for (const alias of [name, ...aliases]) {
    const norm = normaliseName(alias);
    if (!norm || seen.has(alias)) continue;
    seen.add(alias);
    rows.push({ uid: aliasUid(id, alias), alias, norm });
  }
  return { id, name, mentionCount: int(mentions), documentCount: int(documents), aliases: rows };
}

/** Id order everywhere: concurrent loaders then lock shared entities in the same order (fewer deadlocks). */
const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function mergeEntityRows(run: Run, rows: Array<EntityRow & { type: EntityType }>, accumulate: boolean): Promise<number> {
  let created = 0;
  for (const [type, list] of groupBy(byId(rows), (r) => r.type)) {
    created += await runCounting(run, list, (batch) => mergeEntities(type as EntityType, batch, accumulate));
  }
  return created;
}

async function mergeRelationRows(run: Run, rows: Array<RelationRow & { type: string }>): Promise<number> {
  let created = 0;
  for (const [type, list] of groupBy(byId(rows), (r) => r.type)) created += await runCounting(run, list, (batch) => mergeRelations(type, batch));
  return created;
}

export async function refresh(run: Run, relations: Array<{ id: string; type: string }>): Promise<void> {
  for (const [type, list] of groupBy(relations, (r) => r.type)) {
    await runAll(run, [...new Set(list.map((r) => r.id))], (ids) => refreshRelations(type, ids));
  }
}

export async function addDocument(executor: Neo4jExecutor, doc: LinkedDocument): Promise<AddDocumentResult> {
  const unchanged = (documentId: string): AddDocumentResult => ({ documentId, status: 'unchanged', entitiesCreated: 0, relationsCreated: 0 });
  const m = doc.meta;
  const sentences: SentenceRow[] = doc.sentences.map((s) => ({
    key: sentenceKey(doc.id, s.index),
    documentId: doc.id,
    index: int(s.index),
    start: int(s.start),
    end: int(s.end),
    text: s.text,
  }));
  const entities = doc.entities.map((e) => ({ ...entityRow(e.id, e.name, e.aliases, e.mentionCount, 1), type: e.type }));
  const relations = [...new Map(doc.relations.map((r) => [r.id, r])).values()].map((r) => ({
    id: r.id,
    source: r.source,
    target: r.target,
    type: r.type,
    confidence: r.confidence,
    status: r.status,
  }));
  const evidence: EvidenceRow[] = doc.relations.map((r) => ({
    key: evidenceKey(r.id, doc.id, r.sentence),
    relationId: r.id,
    relationType: r.type,
    documentId: doc.id,
    sentenceKey: sentenceKey(doc.id, r.sentence),
    sentenceIndex: int(r.sentence),
    confidence: r.confidence,
    sourceStart: int(r.sourceStart),
    sourceEnd: int(r.sourceEnd),
    targetStart: int(r.targetStart),
    targetEnd: int(r.targetEnd),
  }));
  try {
    return await executor.write('store.addDocument', async (run) => {
      const existing = await run(documentIdByHash(doc.textHash));
      if (existing.length > 0) return unchanged(String(existing[0]!.get('id')));
      await run(
        createDocument(
          {
            id: doc.id,
            textHash: doc.textHash,
            title: m.title,
            byline: m.byline,
            url: m.url,
            publishedAt: m.publishedAt,
            source: m.source,
            ingestedAt: new Date().toISOString(),
            wordCount: int(doc.wordCount),
            text: doc.text,
          },
          doc.nearDuplicate?.duplicateOf ? [] : sentences,
        ),
      );
      if (doc.nearDuplicate) {
        // A syndicated copy is kept as a document only: it must not add evidence or counts.
        const { duplicateOf, signature, bandKeys } = doc.nearDuplicate;
        if (duplicateOf) {
          await run(linkDuplicates([{ id: doc.id, duplicateOf }]));
          return { documentId: doc.id, status: 'duplicate' as const, entitiesCreated: 0, relationsCreated: 0 };
        }
        await run(indexNearDuplicate(doc.id, signature, [...new Set(bandKeys)]));
      }
      const entitiesCreated = await mergeEntityRows(run, entities, true);
      await runAll(
        run,
        doc.mentions.map((x) => ({ entityId: x.entityId, sentenceKey: sentenceKey(doc.id, x.sentence), start: int(x.start), end: int(x.end), text: x.text })),
        createMentions,
      );
      const relationsCreated = await mergeRelationRows(run, relations);
      await runAll(run, evidence, mergeEvidence);
      await refresh(run, relations);
      return { documentId: doc.id, status: 'added' as const, entitiesCreated, relationsCreated };
    });
  } catch (e) {
    // Two loaders raced on the same text: the unique text hash let one win; the other changed nothing.
    if ((e as { code?: string }).code === 'CONFLICT') {
      const again = await executor.readRecords('store.addDocument', documentIdByHash(doc.textHash));
      if (again.length > 0) return unchanged(String(again[0]!.get('id')));
    }
    throw e;
  }
}

/** Loads an export: documents, entities, then relations with evidence; one write transaction. */
export async function importGraph(executor: Neo4jExecutor, data: GraphExport): Promise<ImportResult> {
  validateExport(data);
  const op = 'store.importGraph';
  const inFile = new Set(data.documents.map((d) => d.id));
  const cited = [...new Set(data.relations.flatMap((r) => r.evidence.map((ev) => ev.document)))];
  const stored = new Set(
    (await executor.readRecords(op, existingDocumentIds(cited.filter((id) => !inFile.has(id))))).map((r) => String(r.get('id'))),
  );
  for (const r of data.relations) {
    for (const ev of r.evidence) {
      if (!inFile.has(ev.document) && !stored.has(ev.document)) throw invalidInput(op, `evidence of relation ${r.id} cites unknown document ${ev.document}`);
    }
  }

  const now = new Date().toISOString();
  const documents: ImportDocumentRow[] = [];
  const seenIds = new Set<string>();
  const seenHashes = new Set<string>();
  for (const d of data.documents) {
    const textHash = d.textHash ?? `import:${sha1(d.id)}`;
    if (seenIds.has(d.id) || seenHashes.has(textHash)) continue;
    seenIds.add(d.id);
    seenHashes.add(textHash);
    documents.push({
      id: d.id,
      textHash,
      title: d.title ?? null,
      byline: d.byline ?? null,
      url: d.url ?? null,
      publishedAt: d.publishedAt ?? null,
      ingestedAt: d.ingestedAt ?? now,
      wordCount: int(d.wordCount ?? 0),
    });
  }
  const entities = data.entities.map((e) => ({ ...entityRow(e.id, e.name, e.aliases ?? [], e.mentionCount ?? 0, e.documentCount ?? 0), type: e.type }));
  const relations = [...new Map(data.relations.map((r) => [r.id, r])).values()].map((r) => ({ id: r.id, source: r.source, target: r.target, type: r.type, confidence: r.confidence, status: r.status ?? null }));

  return executor.write(op, async (run) => {
    const documentsCreated = await runCounting(run, documents, importDocuments);
    const copies = data.documents.flatMap((d) => (d.duplicateOf ? [{ id: d.id, duplicateOf: d.duplicateOf }] : []));
    await runAll(run, copies, linkDuplicates);
    const entitiesCreated = await mergeEntityRows(run, entities, false);
    const relationsCreated = await mergeRelationRows(run, relations);

    // Evidence sentences: reuse a stored sentence with the same text, else take the given index
    // when free, else the next free one (the embedded store's rule).
    const taken = new Map<string, Map<number, string>>();
    for (const rec of await run(sentencesOfDocuments(cited))) {
      const doc = String(rec.get('documentId'));
      if (!taken.has(doc)) taken.set(doc, new Map());
      taken.get(doc)!.set(toNumber(rec.get('index')), String(rec.get('text')));
    }
    const sentences: SentenceRow[] = [];
    const evidence: EvidenceRow[] = [];
    for (const r of data.relations) {
      for (const ev of r.evidence) {
        const byIndex = taken.get(ev.document) ?? new Map<number, string>();
        taken.set(ev.document, byIndex);
        let index = [...byIndex].find(([, text]) => text === ev.sentence)?.[0];
        if (index === undefined) {
          index = ev.index !== undefined && !byIndex.has(ev.index) ? ev.index : Math.max(-1, ...byIndex.keys()) + 1;
          byIndex.set(index, ev.sentence);
          sentences.push({
            key: sentenceKey(ev.document, index),
            documentId: ev.document,
            index: int(index),
            start: int(ev.start ?? 0),
            end: int(ev.end ?? ev.sentence.length),
            text: ev.sentence,
          });
        }
        evidence.push({
          key: evidenceKey(r.id, ev.document, index),
          relationId: r.id,
          relationType: r.type,
          documentId: ev.document,
          sentenceKey: sentenceKey(ev.document, index),
          sentenceIndex: int(index),
          confidence: ev.confidence ?? r.confidence,
          sourceStart: intOrNull(ev.sourceStart),
          sourceEnd: intOrNull(ev.sourceEnd),
          targetStart: intOrNull(ev.targetStart),
          targetEnd: intOrNull(ev.targetEnd),
        });
      }
    }
    await runAll(run, sentences, importSentences);
    await runAll(run, evidence, mergeEvidence);
    await refresh(run, relations);
    return { documents: documentsCreated, entities: entitiesCreated, relations: relationsCreated };
  });
}
