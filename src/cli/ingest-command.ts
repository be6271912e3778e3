// kg ingest PATH... and kg seed: read inputs, ingest each document in its own transaction,
// report progress and a summary. One failing document never stops the batch.
import { readFileSync } from 'node:fs';
import { KgError, isKgError } from '../model/errors.js';
import type { DocumentInput } from '../model/types.js';
import { cleanText, ingestDocument } from '../ingest/ingest-document.js';
import { ExtractionPool, defaultWorkers, prefetchExtractions, workersAvailable } from '../ingest/parallel-ingest.js';
import { expandPaths, readFile, readStdinText, type InputItem } from '../ingest/read-inputs.js';
import { loadSeedCorpus } from '../ingest/seed-corpus.js';
import type { GraphStore } from '../store/graph-store.js';
import { createProgress } from './progress.js';

export interface IngestSummary {
  documents: number;
  added: number;
  unchanged: number;
  failed: number;
  words: number;
  entitiesCreated: number;
  relationsCreated: number;
  seconds: number;
  errors: string[];
}

export async function ingestInputs(store: GraphStore, items: InputItem[], options: { quiet?: boolean; workers?: number } = {}): Promise<IngestSummary> {
  const started = Date.now();
  // Extraction runs ahead in worker threads; linking and writing stay here, in input order.
  const workers = options.workers ?? defaultWorkers();
  const pool = workers > 1 && items.length > 1 && workersAvailable() ? new ExtractionPool(workers) : null;
  const prefetch = pool ? prefetchExtractions(items.map((it) => (it.ok ? cleanText(it.input.text ?? '') : null)), pool, 4 * workers) : null;
  const summary: IngestSummary = { documents: items.length, added: 0, unchanged: 0, failed: 0, words: 0, entitiesCreated: 0, relationsCreated: 0, seconds: 0, errors: [] };
  const progress = options.quiet ? null : createProgress(items.length);
  try {
    for (const [index, item] of items.entries()) {
      if (!item.ok) {
        summary.failed++;
        summary.errors.push(item.error);
        progress?.document('failed', item.error);
        continue;
      }
      const label = item.input.title ?? item.input.source ?? 'document';
      try {
        const r = await ingestDocument(store, item.input, prefetch?.get(index));
        summary.words += r.words;
        if (r.status === 'added') {
          summary.added++;
          summary.entitiesCreated += r.entitiesCreated;
          summary.relationsCreated += r.relationsCreated;
          progress?.document(label, `${r.words} words, ${r.entities} entities, ${r.relations} relations (+${r.entitiesCreated} new entities)`);
        } else {
          summary.unchanged++;
          progress?.document(label, `${r.words} words, unchanged (already ingested)`);
        }
      } catch (e) {
        if (!isKgError(e) || e.code !== 'INVALID_INPUT') throw e;
        summary.failed++;
        summary.errors.push(e.message.replace(/^ingest: /, ''));
        progress?.document(label, `failed: ${e.message}`);
      }
    }
  } finally {
    await pool?.close();
  }
  progress?.stop();
  summary.seconds = Math.round((Date.now() - started) / 10) / 100;
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
  const lines = [
    `${s.documents} document(s): ${s.added} added, ${s.unchanged} unchanged, ${s.failed} failed — ${s.words} words in ${s.seconds}s; ${s.entitiesCreated} new entities, ${s.relationsCreated} new relations`,
  ];
  for (const e of s.errors) lines.push(`  failed: ${e}`);
  return lines.join('\n');
}

export const readJsonFile = (path: string): unknown => {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KgError('INVALID_INPUT', `import: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new KgError('INVALID_INPUT', `import: ${path} is not valid JSON`);
  }
};
