// The background checkpointer folds a writer's WAL into the database file from its own thread,
// restarts the WAL of a writer that never stops writing, and stops cleanly.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/store/sqlite/checkpointer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

/** A WAL-mode database with one blob table whose writer never checkpoints (only the worker may). */
function walWriter(): { path: string; writer: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'kg-ckpt-'));
  dirs.push(dir);
  const path = join(dir, 'kg.sqlite');
  const writer = new Database(path);
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE t (x BLOB)');
  return { path, writer };
}

describe('background checkpointer', () => {
  it('folds frames the writer left in the WAL into the file, then stops', async () => {
    const { path, writer } = walWriter();
    const insert = writer.prepare('INSERT INTO t VALUES (randomblob(4000))');
    writer.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run();
    })();
    const before = statSync(path).size;
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(1_000_000);

    const checkpointer = startCheckpointer(path);
    expect(await until(() => statSync(path).size > before + 1_000_000, 5000)).toBe(true);
    await checkpointer.stop();
    // Still a sound database, with every row.
    expect(writer.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 500 });
    expect(writer.pragma('integrity_check', { simple: true })).toBe('ok');
    writer.close();
  });

  it('restarts the WAL of a busy writer between its transactions, losing nothing', async () => {
    const { path, writer } = walWriter();
    const insert = writer.prepare('INSERT INTO t VALUES (randomblob(4000))');
    const checkpointer = startCheckpointer(path, { everyMs: 5, restartFrames: 200, waitMs: 250 });
    // ~40 MB written in 400 transactions of 25 pages, with a breath every 10 (a loaded machine must
    // not starve the worker): without restarts the WAL file would hold all of it.
    let pauses = 0;
    for (let i = 0; i < 400; i++) {
      const pause = checkpointer.betweenWrites();
      if (pause) {
        pauses++;
        await pause;
      }
      writer.transaction(() => {
        for (let j = 0; j < 25; j++) insert.run();
      })();
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    await checkpointer.stop();
    expect(pauses).toBeGreaterThan(0);
    expect(statSync(`${path}-wal`).size).toBeLessThan(20_000_000);
    expect(writer.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 10_000 });
    expect(writer.pragma('integrity_check', { simple: true })).toBe('ok');
    writer.close();
  });

  it('never keeps a writer waiting once it has stopped', async () => {
    const { path, writer } = walWriter();
    const checkpointer = startCheckpointer(path);
    await checkpointer.stop();
    expect(checkpointer.betweenWrites()).toBeUndefined();
    writer.close();
  });
});
