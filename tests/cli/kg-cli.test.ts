// The `kg` command as a user runs it: a real child process on the built dist/ (npm test builds
// first), a temporary store, exit codes and one-line messages on bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
const env = { ...process.env, KG_DB_PATH: join(dir, 'kg.sqlite'), NEO4J_URI: '' };

function kg(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/kg.js', ...args], { env, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kg command line', { timeout: 120_000 }, () => {
  beforeAll(() => {
    expect(kg(['seed', '--json']).code).toBe(0);
  });

  it('kg seed twice leaves the same counts', () => {
    const before = JSON.parse(kg(['stats', '--json']).stdout);
    expect(before.documents).toBe(6);
    const again = kg(['seed', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, unchanged: 6, duplicate: 0, failed: 0 });
    expect(JSON.parse(kg(['stats', '--json']).stdout)).toEqual(before);
  });

  it('export → import into a new store keeps every entity, relation and evidence', () => {
    const exported = kg(['export', '--format', 'json']);
    expect(exported.code).toBe(0);
    const graph = JSON.parse(exported.stdout);
    expect(graph.entities.length).toBeGreaterThan(10);
    const file = join(dir, 'graph.json');
    writeFileSync(file, exported.stdout);
    const otherEnv = { ...env, KG_DB_PATH: join(dir, 'other.sqlite') };
    const imported = spawnSync(process.execPath, ['bin/kg.js', 'import', file], { env: otherEnv, encoding: 'utf8' });
    expect(imported.status).toBe(0);
    const back = spawnSync(process.execPath, ['bin/kg.js', 'export', '--format', 'json'], { env: otherEnv, encoding: 'utf8' });
    expect(JSON.parse(back.stdout)).toEqual(graph);
  });

  it('kg extract writes one line per input in the public format', () => {
    const r = kg(['extract'], '{"id":"a","text":"Angela Merkel met Emmanuel Macron in Paris."}\n{"id":"b","text":""}\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    const text = 'Angela Merkel met Emmanuel Macron in Paris.';
    for (const e of lines[0].entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (const rel of lines[0].relations) {
      expect(lines[0].entities[rel.head]).toBeDefined();
      expect(lines[0].entities[rel.tail]).toBeDefined();
    }
  });

  it.each([
    ['missing file', ['ingest', join(dir, 'nope.txt')], 1, /no such file/],
    ['empty file', ['ingest', (() => { const f = join(dir, 'empty.txt'); writeFileSync(f, '  \n'); return f; })()], 1, /no text/],
    ['binary file', ['ingest', (() => { const f = join(dir, 'bin.txt'); writeFileSync(f, Buffer.from([0, 1, 2, 0, 255, 0])); return f; })()], 1, /binary/],
    ['unreadable import', ['import', join(dir, 'nope.json')], 2, /cannot read/],
    ['malformed import', ['import', (() => { const f = join(dir, 'bad.json'); writeFileSync(f, '{oops'); return f; })()], 2, /not valid JSON/],
    ['no paths', ['ingest'], 1, /missing required argument/],
  ])('%s: non-zero exit and a one-line message', (_name, args, code, message) => {
    const r = kg(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('every command has --help', () => {
    for (const c of ['start', 'serve', 'seed', 'ingest', 'extract', 'export', 'import', 'stats']) {
      const r = kg([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: kg/);
    }
  });
});
