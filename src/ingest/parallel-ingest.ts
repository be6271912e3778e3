// Extraction on every core for `kg ingest`: a small pool of worker threads runs extractDocument
// ahead of the store, while linking and writing stay on the main thread, one document at a time
// in input order (so the result is the same as a sequential ingest).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KgError } from '../model/errors.js';
import type { DocumentGraph } from '../model/types.js';

export const defaultWorkers = (): number => Math.max(1, Math.min(2, availableParallelism()));

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);

/** True when the compiled worker script exists (running from dist/, not from TypeScript sources). */
export const workersAvailable = (): boolean => existsSync(fileURLToPath(WORKER_URL));

type Pending = { resolve: (g: DocumentGraph) => void; reject: (e: Error) => void };

export class ExtractionPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[];
  private nextId = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(WORKER_URL));
    this.load = this.workers.map(() => 0);
    this.workers.forEach((w, i) => {
      w.on('message', (m: { id: number; graph?: DocumentGraph; error?: string }) => {
        this.load[i]!--;
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.graph) p?.resolve(m.graph);
        else p?.reject(new KgError('INTERNAL', `ingest.extract: ${m.error ?? 'worker failed'}`));
      });
      w.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
    });
  }

  /** Extracts in the least busy worker. */
  extract(text: string): Promise<DocumentGraph> {
    const id = this.nextId++;
    const i = this.load.indexOf(Math.min(...this.load));
    this.load[i]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[i]!.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Extraction results for a list of texts, started `ahead` documents in advance of the consumer
 * (bounded memory). `get(i)` must be called in order; null texts are skipped.
 */
export function prefetchExtractions(texts: (string | null)[], pool: ExtractionPool, ahead: number): { get(i: number): Promise<DocumentGraph> | undefined } {
  const started = new Map<number, Promise<DocumentGraph>>();
  let next = 0;
  const fill = (upTo: number) => {
    for (; next < texts.length && next <= upTo; next++) {
      const t = texts[next];
      if (t !== null && t !== undefined) {
        const p = pool.extract(t);
        p.catch(() => undefined); // surfaced when consumed
        started.set(next, p);
      }
    }
  };
  return {
    get(i: number) {
      fill(i + ahead);
      const p = started.get(i);
      started.delete(i);
      return p;
    },
  };
}
