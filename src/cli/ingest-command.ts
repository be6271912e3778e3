// kg ingest PATH... and kg seed: read inputs, ingest each document in its own transaction,
// report progress and a summary. One failing document never stops the batch.
import { KgError, isKgError } from '../model/errors.js';
import type { DocumentInput } from '../model/types.js';
import { cleanText, ingestDocument } from '../ingest/ingest-document.js';
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

export async function ingestInputs(store: GraphStore, items: InputItem[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  // Extraction runs ahead in worker threads; linking and writing stay here, in input order.
  const workers = options.workers ?? defaultWorkers();
  // A worker costs about a second to start (it loads the extraction models): worth it from ~100k characters.
  const chars = items.reduce((n, it) => n + (it.ok ? (it.input.text ?? '').length : 0), 0);
  const pool = workers > 1 && items.length >= 2 * workers && chars >= 100_000 && workersAvailable() ? new ExtractionPool(workers) : null;
  const prefetch = pool ? prefetchExtractions(items.map((it) => (it.ok ? cleanText(it.input.text ?? '') : null)), pool, 4 * workers) : null;
  const summary = emptySummary(items.length);
  const progress = options.quiet ? null : createProgress(items.length, options.progress);
  try {
    for (const [index, item] of items.entries()) {
      if (!item.ok) {
        summary.failed++;
        summary.errors.push(item.error);
        progress?.document({ label: 'unreadable input', status: 'failed', words: 0, detail: item.error });
        continue;
      }
      const label = item.input.title ?? item.input.source ?? 'document';
      try {
        const r = await ingestDocument(store, item.input, prefetch?.get(index));
        summary.words += r.words;
        if (r.status === 'added') {
          summary.new++;
          summary.entities.created += r.entitiesCreated;
          summary.relations.created += r.relationsCreated;
          progress?.document({ label, status: 'new', words: r.words, detail: `${r.words} words, ${r.entities} entities, ${r.relations} relations (+${r.entitiesCreated} new entities)` });
        } else if (r.status === 'duplicate') {
          summary.duplicate++;
          const of = r.duplicateOf?.documentId ?? '?';
          summary.duplicates.push({ document: item.input.source ?? r.documentId, duplicateOf: of, similarity: r.duplicateOf?.similarity ?? 1 });
          progress?.document({ label, status: 'duplicate', words: r.words, detail: `near-duplicate of ${of}, recorded without evidence` });
        } else {
          summary.unchanged++;
          progress?.document({ label, status: 'unchanged', words: r.words, detail: `${r.words} words, already ingested` });
        }
      } catch (e) {
        if (!isKgError(e) || e.code !== 'INVALID_INPUT') throw e;
        summary.failed++;
        summary.errors.push(e.message.replace(/^ingest: /, ''));
        progress?.document({ label, status: 'failed', words: 0, detail: e.message });
      }
    }
  } finally {
    progress?.stop();
    await pool?.close();
  }
  const stats = await store.stats();
  summary.entities.total = stats.entities;
  summary.relations.total = stats.relations;
  const elapsed = (Date.now() - started) / 1000;
  summary.seconds = Math.round(elapsed * 100) / 100;
  summary.wordsPerSecond = Math.round(summary.words / Math.max(0.001, elapsed));
  return summary;
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
