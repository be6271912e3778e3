// `kg start` as npm start runs it: seeds an empty store, serves /healthz, /graphql and /, and on
// SIGINT stops cleanly with the store intact.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const waitFor = async (url: string, deadline: number): Promise<Response> => {
  for (;;) {
    try {
      return await fetch(url);
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
};

describe('kg start', () => {
  it('seeds, serves and stops cleanly on SIGINT', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'kg-start-')), 'kg.sqlite');
    const port = 4600 + Math.floor(Math.random() * 300);
    const child = spawn(process.execPath, ['bin/kg.js', 'start'], { env: { ...process.env, KG_DB_PATH: dbPath, PORT: String(port), NEO4J_URI: '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const health = await waitFor(`http://127.0.0.1:${port}/healthz`, Date.now() + 60_000);
      expect(health.status).toBe(200);
      const stats = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { documents } }' }),
      });
      expect(((await stats.json()) as { data: { stats: { documents: number } } }).data.stats.documents).toBe(6);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(stderr).toMatch(/\[6\/6\]/); // a progress line per document
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/stopping/);
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(6);
    db.close();
  });
});
