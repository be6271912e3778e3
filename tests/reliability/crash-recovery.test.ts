// kill -9 of a real `kg ingest` child in the middle of a batch: the store stays consistent
// (every document fully there or absent), and running the same command again finishes the job
// with no duplicate — the same store, row for row, as one uninterrupted run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchTexts, writeBatch } from './batch-corpus.js';
import { ensureBuilt, runKg, spawnKg } from './built-cli.js';
import { consistencyProblems, snapshot } from './store-checks.js';

const DOCS = 45;
let dir: string;
let folder: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kg-crash-'));
  folder = writeBatch(join(dir, 'batch'), batchTexts(DOCS, 8, 42));
}, 180_000);

const documentsIn = (db: string): number => {
  try {
    return snapshot(db).documents;
  } catch {
    return 0; // not created yet
  }
};

/** Starts `kg ingest` and SIGKILLs it once the store holds at least `atLeast` documents. */
async function killMidway(db: string, atLeast: number): Promise<number> {
  const { child, done } = spawnKg(['ingest', '--json', folder], { KG_DB_PATH: db });
  let killed = false;
  const poll = setInterval(() => {
    if (!killed && documentsIn(db) >= atLeast) {
      killed = true;
      child.kill('SIGKILL');
    }
  }, 20);
  const run = await done;
  clearInterval(poll);
  expect(run.signal, `the child finished before it could be killed: ${run.stdout}${run.stderr}`).toBe('SIGKILL');
  return documentsIn(db);
}

describe('kill -9 during kg ingest', () => {
  it('leaves a consistent store, and a re-run completes it without duplicates', async () => {
    const reference = join(dir, 'reference.sqlite');
    const ref = await runKg(['ingest', '--json', folder], { KG_DB_PATH: reference });
    expect(ref.code, ref.stderr).toBe(0);
    const expected = snapshot(reference);
    expect(expected.documents).toBe(DOCS);
    expect(expected.relations).toBeGreaterThan(0);

    const db = join(dir, 'killed.sqlite');
    // Killed three times at different points of the batch; each time consistent, and growing.
    let last = 0;
    for (const atLeast of [3, 15, 30]) {
      const stored = await killMidway(db, Math.max(atLeast, last + 1));
      expect(stored).toBeGreaterThan(last);
      expect(stored).toBeLessThan(DOCS);
      expect(consistencyProblems(db)).toEqual([]);
      // Every stored document is complete: the same rows as in the uninterrupted run.
      for (const [id, counts] of snapshot(db).perDocument) expect(counts, id).toEqual(expected.perDocument.get(id));
      last = stored;
    }

    const rerun = await runKg(['ingest', '--json', folder], { KG_DB_PATH: db });
    expect(rerun.code, rerun.stderr).toBe(0);
    const final = snapshot(db);
    expect(consistencyProblems(db)).toEqual([]);
    expect(final.perDocument).toEqual(expected.perDocument);
    expect({ ...final, perDocument: null }).toEqual({ ...expected, perDocument: null });

    // And once more: nothing changes.
    const again = await runKg(['ingest', '--json', folder], { KG_DB_PATH: db });
    expect(again.code).toBe(0);
    expect(snapshot(db)).toEqual(final);
  }, 600_000);
});
