// Two `kg ingest` processes writing the same SQLite file at once (overlapping batches, started
// together on a fresh file): both succeed, no document is lost or doubled, and no "database is
// locked" ever reaches the user.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { withBusyRetry } from '../../src/store/sqlite/busy.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { batchTexts, writeBatch } from './batch-corpus.js';
import { ROOT, ensureBuilt, runKg } from './built-cli.js';
import { consistencyProblems, snapshot } from './store-checks.js';

let dir: string;
let texts: string[];

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kg-concurrent-'));
  texts = batchTexts(40, 6, 7);
}, 180_000);

describe('concurrent ingest into one SQLite file', () => {
  it('two processes, overlapping batches: every document once, no lock error', async () => {
    // A: documents 1-25, B: documents 16-40 (16-25 in both), in opposite orders to collide more.
    const a = writeBatch(join(dir, 'a'), texts.slice(0, 25));
    const b = writeBatch(join(dir, 'b'), texts.slice(15).reverse(), 100);
    const db = join(dir, 'shared.sqlite');
    const [ra, rb] = await Promise.all([
      runKg(['ingest', '--json', a], { KG_DB_PATH: db }),
      runKg(['ingest', '--json', b], { KG_DB_PATH: db }),
    ]);
    for (const r of [ra, rb]) {
      expect(r.stderr).not.toMatch(/locked|busy|SQLITE_/i);
      expect(r.code, r.stderr).toBe(0);
    }
    const shared = snapshot(db);
    expect(shared.documents).toBe(40);
    expect(consistencyProblems(db)).toEqual([]);

    // Each document complete: the same rows as when ingested alone.
    const reference = join(dir, 'reference.sqlite');
    const all = writeBatch(join(dir, 'all'), texts);
    expect((await runKg(['ingest', '--json', all], { KG_DB_PATH: reference })).code).toBe(0);
    const expected = snapshot(reference);
    for (const [id, [sentences, mentions]] of expected.perDocument) {
      const got = shared.perDocument.get(id);
      expect(got, id).toBeDefined();
      expect(got!.slice(0, 2), id).toEqual([sentences, mentions]);
    }
  }, 600_000);

  it('in-process writers on two connections interleave without a lock error', async () => {
    const db = join(dir, 'two-connections.sqlite');
    const one = new SqliteStore({ path: db });
    const two = new SqliteStore({ path: db });
    await Promise.all([one.init(), two.init()]);
    try {
      const docs = batchTexts(12, 4, 99);
      const results = await Promise.all(
        docs.flatMap((text, i) => [one, two].map((store) => ingestDocument(store, { text, title: `t${i}`, byline: null, url: null, publishedAt: null, source: 'test' }))),
      );
      expect(results.filter((r) => r.status === 'added')).toHaveLength(12);
      expect(snapshot(db).documents).toBe(12);
      expect(consistencyProblems(db)).toEqual([]);
    } finally {
      await one.close();
      await two.close();
    }
  }, 120_000);

  it('a writer waits for another process holding the write lock instead of failing', async () => {
    const db = join(dir, 'held.sqlite');
    const store = new SqliteStore({ path: db });
    await store.init();
    try {
      // Another process takes the write lock, says so, holds it for 2 s, then commits.
      const holder = spawn(
        process.execPath,
        ['-e', `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE'); db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('held', 'yes')").run(); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 2000);`, db],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      const r = await ingestDocument(store, { text: batchTexts(1, 4, 5)[0]!, title: 'waits', byline: null, url: null, publishedAt: null, source: 'test' });
      expect(r.status).toBe('added');
      await new Promise((resolve) => holder.once('close', resolve));
      expect(consistencyProblems(db)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a write still busy after the timeout is retried, then refused with BACKEND_UNAVAILABLE, never "database is locked"', async () => {
    const db = join(dir, 'busy.sqlite');
    const holder = new Database(db);
    holder.pragma('journal_mode = WAL');
    holder.exec('CREATE TABLE t (x)');
    const writer = new Database(db);
    writer.pragma('busy_timeout = 0'); // fail at once so the test needs no 10 s wait
    const write = async () => writer.prepare('INSERT INTO t VALUES (1)').run().changes;
    try {
      holder.exec('BEGIN IMMEDIATE');
      setTimeout(() => holder.exec('COMMIT'), 50);
      expect(await withBusyRetry('test.write', write)).toBe(1);
      holder.exec('BEGIN IMMEDIATE');
      await expect(withBusyRetry('test.write', write)).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE', message: expect.not.stringMatching(/locked/) });
      holder.exec('COMMIT');
    } finally {
      writer.close();
      holder.close();
    }
  });
});
