// kg ingest over real files: a folder mixing formats, feeds and a syndicated copy; the summary
// counts (new / unchanged / duplicate / failed), the progress output and the --json summary.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectInputs, formatSummary, ingestInputs, type IngestSummary } from '../../src/cli/ingest-command.js';
import { main } from '../../src/cli/main.js';
import { createProgress } from '../../src/cli/progress.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const INPUTS = join(import.meta.dirname, '..', 'fixtures', 'inputs');
const PATHS = [join(INPUTS, 'mixed'), join(INPUTS, 'feeds'), join(INPUTS, 'html')];

/** A stream that records what is written, posing as a terminal or not. */
function sink(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(w, { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => chunks.join('') });
  return w;
}

async function freshStore(): Promise<SqliteStore> {
  const store = new SqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'kg-ingest-')), 'kg.sqlite') });
  await store.init();
  return store;
}

describe('ingest summary', () => {
  it('counts new, duplicate, failed and then unchanged documents', async () => {
    const store = await freshStore();
    try {
      const log = sink(false);
      const first = await ingestInputs(store, await collectInputs(PATHS), { progress: { stream: log } });
      // mixed: 6 documents; feeds: 2 RSS items + 1 empty item (failed) + 2 Atom entries; html: 2 pages, one a copy
      expect(first).toMatchObject({ documents: 13, new: 11, unchanged: 0, duplicate: 1, failed: 1 });
      expect(first.duplicates).toHaveLength(1);
      expect(first.duplicates[0]!.document).toMatch(/syndicated-copy\.html$/);
      expect(first.errors[0]).toMatch(/gallery.*no text/);
      expect(first.entities.total).toBe((await store.stats()).entities);
      expect(first.relations.total).toBe((await store.stats()).relations);
      expect(first.words).toBeGreaterThan(500);
      expect(log.text().split('\n').filter(Boolean)).toHaveLength(13);
      expect(log.text()).toMatch(/\[\d+\/13\] IDeA Foundation to finance new Dilijan campus — duplicate: near-duplicate of d-/);
      const text = formatSummary(first);
      expect(text).toContain('new 11 · unchanged 0 · duplicate 1 · failed 1');

      const again = await ingestInputs(store, await collectInputs(PATHS), { quiet: true });
      expect(again).toMatchObject({ new: 0, unchanged: 12, duplicate: 0, failed: 1, entities: { created: 0, total: first.entities.total } });
    } finally {
      await store.close();
    }
  });

  it('draws a bar with documents, words/s and ETA on a terminal', () => {
    const tty = sink(true);
    const clock = [0, 1000, 2000, 3000, 4000];
    const p = createProgress(3, { stream: tty, now: () => clock.shift() ?? 5000 });
    p.document({ label: 'One', status: 'new', words: 300, detail: '' });
    p.document({ label: 'Two', status: 'duplicate', words: 300, detail: '' });
    p.stop();
    const out = tty.text();
    expect(out).toMatch(/\d\/3 docs/);
    expect(out).toMatch(/\d+ words\/s/);
    expect(out).toContain('ETA');
    expect(out).toContain('[duplicate] Two');
  });
});

describe('kg ingest --json', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.KG_DB_PATH;
    process.exitCode = 0;
  });

  it('prints one machine-readable summary and nothing else on stdout', async () => {
    process.env.KG_DB_PATH = join(mkdtempSync(join(tmpdir(), 'kg-cli-')), 'kg.sqlite');
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await main(['node', 'kg', 'ingest', '--json', join(INPUTS, 'html')]);
    expect(out).toHaveLength(1);
    const summary = JSON.parse(out[0]!) as IngestSummary;
    expect(summary).toMatchObject({ documents: 2, new: 1, duplicate: 1, failed: 0, unchanged: 0 });
    expect(Object.keys(summary).sort()).toEqual(
      ['documents', 'duplicate', 'duplicates', 'entities', 'errors', 'failed', 'new', 'relations', 'seconds', 'unchanged', 'words', 'wordsPerSecond'].sort(),
    );
    expect(err).not.toHaveBeenCalled();
  });
});
