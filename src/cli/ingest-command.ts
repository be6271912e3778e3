// kg ingest PATH... and kg seed: read inputs, ingest each document all-or-nothing (in small
// write groups), report progress and a summary. One failing document never stops the batch.
import { KgError, isKgError } from '../model/errors.js';
import type { DocumentGraph, DocumentInput } from '../model/types.js';
import { cleanText, ingestDocument, type IngestOutcome } from '../ingest/ingest-document.js';
import { MAX_DOCUMENT_CHARS } from '../ingest/input-limits.js';
import { runInWriteGroups } from '../ingest/write-groups.js';
import { ExtractionPool, defaultWorkers, prefetchExtractions, workersAvailable } from '../ingest/parallel-ingest.js';
import { expandPaths, readFile, readStdinText, type InputItem } from '../ingest/read-inputs.js';
import { loadSeedCorpus } from '../ingest/seed-corpus.js';
import type { GraphStore } from '../store/graph-store.js';
import { createProgress, type ProgressOptions } from './progress.js';

export interface IngestSummary {
  /** Inputs seen (documents and unreadable items). */
  documents: number;
  new: number;
  unchanged: number;
  /** Near-duplicates (syndicated copies) recorded without adding evidence. */
  duplicate: number;
  failed: number;
  words: number;
  seconds: number;
  wordsPerSecond: number;
  entities: { created: number; total: number };
  relations: { created: number; total: number };
  duplicates: Array<{ document: string; duplicateOf: string; similarity: number }>;
  errors: string[];
}

export interface IngestOptions {
  /** No progress output (for --json). */
  quiet?: boolean;
  progress?: ProgressOptions;
  /** Extraction worker threads (default min(2, cores)); 1 extracts on the main thread. */
  workers?: number;
}

/** A summary with nothing counted yet (shared by every ingest path). */
export const emptySummary = (documents: number): IngestSummary => ({
  documents,
  new: 0,
  unchanged: 0,
  duplicate: 0,
  failed: 0,
  words: 0,
  seconds: 0,
  wordsPerSecond: 0,
  entities: { created: 0, total: 0 },
  relations: { created: 0, total: 0 },
  duplicates: [],
  errors: [],
});

type ItemOutcome =
  | { kind: 'unreadable'; error: string }
  | { kind: 'failed'; label: string; error: string }
  | { kind: 'ingested'; label: string; source: string | null; r: IngestOutcome };

/** Counts one input's outcome and reports it (after its group committed). */
function record(summary: IngestSummary, progress: ReturnType<typeof createProgress> | null, o: ItemOutcome): void {
  if (o.kind === 'unreadable') {
    summary.failed++;
    summary.errors.push(o.error);
    progress?.document({ label: 'unreadable input', status: 'failed', words: 0, detail: o.error });
    return;
  }
  if (o.kind === 'failed') {
    summary.failed++;
    summary.errors.push(o.error.replace(/^ingest: /, ''));
    progress?.document({ label: o.label, status: 'failed', words: 0, detail: o.error });
    return;
  }
  const { label, r } = o;
  countOutcome(summary, r, o.source);
  if (r.status === 'added') {
    progress?.document({ label, status: 'new', words: r.words, detail: `${r.words} words, ${r.entities} entities, ${r.relations} relations (+${r.entitiesCreated} new entities)` });
  } else if (r.status === 'duplicate') {
    progress?.document({ label, status: 'duplicate', words: r.words, detail: `near-duplicate of ${r.duplicateOf?.documentId ?? '?'}, recorded without evidence` });
  } else {
    progress?.document({ label, status: 'unchanged', words: r.words, detail: `${r.words} words, already ingested` });
  }
}

/** Adds one stored document's outcome to the summary (both ingest paths). */
export function countOutcome(summary: IngestSummary, r: IngestOutcome, source: string | null): void {
  summary.words += r.words;
  if (r.status === 'added') {
    summary.new++;
    summary.entities.created += r.entitiesCreated;
    summary.relations.created += r.relationsCreated;
  } else if (r.status === 'duplicate') {
    summary.duplicate++;
    summary.duplicates.push({ document: source ?? r.documentId, duplicateOf: r.duplicateOf?.documentId ?? '?', similarity: r.duplicateOf?.similarity ?? 1 });
  } else {
    summary.unchanged++;
  }
}

/** Fills in the store's totals and the timing once every document is in (both ingest paths). */
export async function finishSummary(store: GraphStore, summary: IngestSummary, started: number): Promise<IngestSummary> {
  const stats = await store.stats();
  summary.entities.total = stats.entities;
  summary.relations.total = stats.relations;
  const elapsed = (Date.now() - started) / 1000;
  summary.seconds = Math.round(elapsed * 100) / 100;
  summary.wordsPerSecond = Math.round(summary.words / Math.max(0.001, elapsed));
  return summary;
}

export async function ingestInputs(store: GraphStore, items: InputItem[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  // Extraction runs ahead in worker threads; linking and writing stay here, in input order.
  const workers = options.workers ?? defaultWorkers();
  // A worker costs about a second to start (it loads the extraction models): worth it from ~100k characters.
  // Texts over the size limit are refused before extraction: never send them to a worker.
  const extractable = (it: InputItem): it is InputItem & { ok: true } => it.ok && (it.input.text ?? '').length <= MAX_DOCUMENT_CHARS;
  const chars = items.reduce((n, it) => n + (extractable(it) ? (it.input.text ?? '').length : 0), 0);
  const pool = workers > 1 && items.length >= 2 * workers && chars >= 100_000 && workersAvailable() ? new ExtractionPool(workers) : null;
  const prefetch = pool ? prefetchExtractions(items.map((it) => (extractable(it) ? cleanText(it.input.text ?? '') : null)), pool, 4 * workers) : null;
  const summary = emptySummary(items.length);
  const progress = options.quiet ? null : createProgress(items.length, options.progress);
  // Extraction results by index until their group is committed (a failed group is replayed).
  const extracted = new Map<number, Promise<DocumentGraph> | undefined>();
  const extractionOf = (index: number) => {
    if (!extracted.has(index)) extracted.set(index, prefetch?.get(index));
    return extracted.get(index);
  };
  const step = async (index: number): Promise<ItemOutcome> => {
    const item = items[index]!;
    if (!item.ok) return { kind: 'unreadable', error: item.error };
    const label = item.input.title ?? item.input.source ?? 'document';
    try {
      return { kind: 'ingested', label, source: item.input.source, r: await ingestDocument(store, item.input, extractionOf(index)) };
    } catch (e) {
      if (!isKgError(e) || e.code !== 'INVALID_INPUT') throw e;
      return { kind: 'failed', label, error: e.message };
    }
  };
  try {
    // Several documents per transaction (write-groups.ts); each still all-or-nothing.
    await runInWriteGroups(store, items.length, step, (outcomes, first) => {
      outcomes.forEach((o, i) => {
        extracted.delete(first + i);
        record(summary, progress, o);
      });
    });
  } finally {
    progress?.stop();
    await pool?.close();
  }
  return finishSummary(store, summary, started);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function collectInputs(paths: string[]): Promise<InputItem[]> {
  if (paths.length === 0) throw new KgError('INVALID_INPUT', 'ingest: give at least one PATH (file, folder, or - for stdin)');
  const { files, errors } = expandPaths(paths);
  const items: InputItem[] = errors.map((error) => ({ ok: false, error }));
  for (const f of files) items.push(...readFile(f));
  if (paths.includes('-')) items.push(...readStdinText(await readStdin()));
  return items;
}

export const seedInputs = (): InputItem[] => loadSeedCorpus().map((input: DocumentInput) => ({ ok: true, input }));

export function formatSummary(s: IngestSummary): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const lines = [
    `Ingested ${n(s.documents)} input(s) in ${s.seconds}s (${n(s.words)} words, ${n(s.wordsPerSecond)} words/s)`,
    `  new ${n(s.new)} · unchanged ${n(s.unchanged)} · duplicate ${n(s.duplicate)} · failed ${n(s.failed)}`,
    `  graph: ${n(s.entities.total)} entities (+${n(s.entities.created)} new), ${n(s.relations.total)} relations (+${n(s.relations.created)} new)`,
  ];
  for (const d of s.duplicates) lines.push(`  duplicate: ${d.document} ≈ ${d.duplicateOf} (similarity ${d.similarity.toFixed(2)})`);
  for (const e of s.errors) lines.push(`  failed: ${e}`);
  return lines.join('\n');
}
