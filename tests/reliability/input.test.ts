// Hostile input: every text gets a graph with valid offsets (extraction) and either a stored
// document or one clear INVALID_INPUT error (ingest); nothing throws anything else or hangs,
// and a refused document leaves the store exactly as it was.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../extract/index.js';
import { ingestInputs } from '../../src/cli/ingest-command.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { readFile } from '../../src/ingest/read-inputs.js';
import { readHtml } from '../../src/ingest/readers/html.js';
import { isKgError } from '../../src/model/errors.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ensureBuilt, runKg } from './built-cli.js';
import { HOSTILE_TEXTS, MALFORMED_HTML, deepHtml, oneLine } from './hostile-text.js';
import { graphProblems } from './graph-checks.js';
import { consistencyProblems, snapshot } from './store-checks.js';

let dir: string;
let store: SqliteStore;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-input-'));
  dbPath = join(dir, 'kg.sqlite');
  store = new SqliteStore({ path: dbPath });
  await store.init();
});
afterAll(async () => {
  await store.close();
});

describe('extraction of hostile text', () => {
  it.each(HOSTILE_TEXTS)('%s: a graph with valid offsets', (_name, text) => {
    const g = extractDocument(text);
    expect(graphProblems(g)).toEqual([]);
    expect(Array.isArray(g.warnings)).toBe(true);
  });

  it('a 10,000-word line with no sentence end', () => {
    const g = extractDocument(oneLine(10_000));
    expect(graphProblems(g)).toEqual([]);
    expect(g.mentions.length).toBeGreaterThan(0);
  }, 120_000);

  it('non-Latin scripts keep their characters in mentions', () => {
    for (const [name, text] of HOSTILE_TEXTS.filter(([n]) => /Armenian|Russian|Azerbaijani|Arabic|mixed/.test(n))) {
      const g = extractDocument(text);
      for (const m of g.mentions) expect(m.text, name).not.toMatch(/\uFFFD/);
    }
  });
});

describe('ingest of hostile text', () => {
  it.each(HOSTILE_TEXTS)('%s: stored or refused with INVALID_INPUT', async (name, text) => {
    const before = snapshot(dbPath);
    let outcome;
    try {
      outcome = await ingestDocument(store, { text, title: name, byline: null, url: null, publishedAt: null, source: 'test' });
    } catch (e) {
      expect(isKgError(e) ? e.code : e).toBe('INVALID_INPUT');
      expect(snapshot(dbPath)).toEqual(before);
      return;
    }
    // 'duplicate': a near-copy of an earlier row of the table, recorded without extraction.
    expect(['added', 'duplicate']).toContain(outcome.status);
    if (outcome.status === 'added') expect((await store.getSentences(outcome.documentId)).length).toBeGreaterThan(0);
    expect(consistencyProblems(dbPath)).toEqual([]);
    // Idempotent: the same text again changes nothing.
    const again = await ingestDocument(store, { text, title: name, byline: null, url: null, publishedAt: null, source: 'test' });
    expect(again.status).toBe('unchanged');
  });

  it('empty and whitespace-only text are refused', async () => {
    for (const text of ['', '   ', '\n\n\t', '\u0000\u0000']) {
      await expect(ingestDocument(store, { text, title: 't', byline: null, url: null, publishedAt: null, source: 'test' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
  });

  it('a 50 MB document is refused at once with one clear error, the store untouched', async () => {
    const huge = 'Ruben Vardanyan met Vladimir Putin in Moscow. '.repeat(Math.ceil((50 * 1024 * 1024) / 46));
    const before = snapshot(dbPath);
    await expect(ingestDocument(store, { text: huge, title: 'huge', byline: null, url: null, publishedAt: null, source: 'test' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(snapshot(dbPath)).toEqual(before);
  });

  it('a 1-million-word single line is refused with one clear error, a 20,000-word one is stored', async () => {
    const before = snapshot(dbPath);
    await expect(ingestDocument(store, { text: oneLine(1_000_000), title: 'line', byline: null, url: null, publishedAt: null, source: 'test' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(snapshot(dbPath)).toEqual(before);
    const r = await ingestDocument(store, { text: oneLine(20_000), title: 'line', byline: null, url: null, publishedAt: null, source: 'test' });
    expect(r.status).toBe('added');
    expect(consistencyProblems(dbPath)).toEqual([]);
  }, 120_000);
});

describe('files of hostile content', () => {
  let files: string;
  beforeAll(() => {
    files = join(dir, 'files');
    mkdirSync(files);
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 37 + 11) % 256;
    writeFileSync(join(files, 'binary.txt'), binary);
    writeFileSync(join(files, 'latin1.txt'), Buffer.from('Fran\xe7ois Hollande met Ang\xe8le in Paris. \xc9lys\xe9e. '.repeat(40), 'latin1'));
    writeFileSync(join(files, 'some-bad-bytes.txt'), Buffer.concat([Buffer.from('Ruben Vardanyan met Putin in Moscow. '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' Then he flew to Baku.')]));
    writeFileSync(join(files, 'empty.txt'), '');
    writeFileSync(join(files, 'blank.md'), '   \n\n  ');
    writeFileSync(join(files, 'deep.html'), deepHtml(50_000));
    writeFileSync(join(files, 'huge.html'), `<html><body>${'<p>Ilham Aliyev met Putin in Baku.</p>'.repeat(300_000)}</body></html>`);
    writeFileSync(join(files, 'malformed.html'), MALFORMED_HTML);
    writeFileSync(join(files, 'not-html.html'), '\u0000\u0001 just bytes');
    writeFileSync(join(files, 'broken.jsonl'), '{"id":"a","text":"Ruben Vardanyan met Putin."}\n{"id":\n[1,2]\n{"id":"b","text":""}\n{"id":"c","text":"Ilham Aliyev visited Moscow."}\n');
    writeFileSync(join(files, 'unicode.txt'), HOSTILE_TEXTS.map(([, t]) => t).join('\n\n'));
  });

  it('every file yields documents or clear per-file errors, never an exception', () => {
    for (const name of ['huge.html', 'binary.txt', 'latin1.txt', 'some-bad-bytes.txt', 'empty.txt', 'blank.md', 'deep.html', 'malformed.html', 'not-html.html', 'broken.jsonl', 'unicode.txt']) {
      const items = [...readFile(join(files, name))];
      expect(items.length, name).toBeGreaterThan(0);
      for (const item of items) if (!item.ok) expect(item.error, name).toMatch(/\S/);
    }
    expect([...readFile(join(files, 'binary.txt'))][0]).toMatchObject({ ok: false });
    expect([...readFile(join(files, 'some-bad-bytes.txt'))][0]).toMatchObject({ ok: true });
  });

  it('deeply nested HTML: text when moderately deep, one clear error when absurdly deep', () => {
    expect(readHtml(deepHtml(200), 'deep.html').text).toContain('Ruben Vardanyan met Vladimir Putin in Moscow.');
    const items = [...readFile(join(files, 'deep.html'))];
    expect(items).toEqual([{ ok: false, error: expect.stringMatching(/deep\.html.*deep/) }]);
    writeFileSync(join(files, 'deep-1000.html'), deepHtml(1000));
    const mid = [...readFile(join(files, 'deep-1000.html'))];
    expect(mid).toHaveLength(1);
    if (mid[0]!.ok) expect(mid[0]!.input.text).toContain('Vladimir Putin');
  });

  it('malformed HTML gives visible text only (no script)', () => {
    const doc = readHtml(MALFORMED_HTML, 'malformed.html');
    expect(doc.text).toContain('Troika Dialog');
    expect(doc.text).not.toContain('while(true)');
  });

  it('a batch of them: good documents stored, bad ones reported, store consistent', async () => {
    const items = ['binary.txt', 'latin1.txt', 'some-bad-bytes.txt', 'empty.txt', 'deep.html', 'malformed.html', 'broken.jsonl', 'unicode.txt'].flatMap((n) => [...readFile(join(files, n))]);
    const before = snapshot(dbPath).documents;
    const summary = await ingestInputs(store, items, { quiet: true });
    expect(summary.failed).toBeGreaterThanOrEqual(4); // binary, empty, two bad JSONL lines, empty JSONL text
    expect(snapshot(dbPath).documents).toBeGreaterThan(before);
    expect(summary.errors.every((e) => !/\n\s+at /.test(e))).toBe(true);
    expect(consistencyProblems(dbPath)).toEqual([]);
  }, 120_000);

  it('`kg ingest` on the folder exits 1 with a summary, no stack trace, and a consistent store', async () => {
    await ensureBuilt();
    const db = join(dir, 'cli.sqlite');
    writeFileSync(join(files, 'huge.txt'), 'Vladimir Putin met Ilham Aliyev. '.repeat((50 * 1024 * 1024) / 32));
    const run = await runKg(['ingest', '--json', files], { KG_DB_PATH: db });
    expect(run.code, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout) as { failed: number; errors: string[] };
    expect(summary.failed).toBeGreaterThanOrEqual(4);
    expect(snapshot(db).documents).toBeGreaterThanOrEqual(4);
    expect(summary.errors.some((e) => /huge\.txt/.test(e))).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(consistencyProblems(db)).toEqual([]);
  }, 180_000);
});
