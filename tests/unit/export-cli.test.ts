// kg export / kg import through the command line: json → import → json keeps every entity,
// relation and evidence; csv writes a folder; bad options fail with a clear code.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { GraphExport } from '../../src/model/types.js';
import { exportStore } from '../helpers/export-graph.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-export-cli-'));
const source = join(dir, 'source.sqlite');

async function kg(db: string, ...args: string[]): Promise<number> {
  process.env.KG_DB_PATH = db;
  process.exitCode = 0;
  await main(['node', 'kg', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return code;
}

beforeAll(async () => {
  await (await exportStore(source)).close();
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.KG_DB_PATH;
});

describe('kg export / kg import', () => {
  it('json → import → json keeps every entity, relation, evidence and document', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    const copy = join(dir, 'copy.sqlite');
    expect(await kg(source, 'export', '--format', 'json', '--out', first)).toBe(0);
    expect(await kg(copy, 'import', first)).toBe(0);
    expect(await kg(copy, 'export', '--format', 'json', '--out', second)).toBe(0);
    const a = JSON.parse(readFileSync(first, 'utf8')) as GraphExport;
    const b = JSON.parse(readFileSync(second, 'utf8')) as GraphExport;
    expect(a.entities.length).toBeGreaterThan(5);
    expect(a.relations.flatMap((r) => r.evidence).length).toBeGreaterThan(10);
    expect(a.documents.some((d) => d.duplicateOf)).toBe(true);
    expect(b).toEqual(a);
  });

  it('csv writes nodes.csv and relationships.csv into the --out folder, and needs one', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = join(dir, 'neo4j-import');
    expect(await kg(source, 'export', '--format', 'csv', '--out', out)).toBe(0);
    expect(existsSync(join(out, 'nodes.csv')) && existsSync(join(out, 'relationships.csv'))).toBe(true);
    expect(await kg(source, 'export', '--format', 'csv')).toBe(2);
    expect(err).toHaveBeenLastCalledWith(expect.stringContaining('--out DIR'));
  });

  it('ftm, graphml, gexf and cytoscape write to stdout, filtered as asked', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const format of ['ftm', 'graphml', 'gexf', 'cytoscape']) {
      const chunks: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((c) => (chunks.push(String(c)), true));
      expect(await kg(source, 'export', '--format', format, '--entity', 'l-armenia', '--depth', '1', '--min-confidence', '0.5')).toBe(0);
      vi.mocked(process.stdout.write).mockRestore();
      const text = chunks.join('');
      expect(text).toContain('l-armenia');
      expect(text).not.toContain('p-david-barnea');
    }
  });

  it.each([
    [['--format', 'json', '--depth', 'two', '--entity', 'l-armenia'], 2],
    [['--format', 'json', '--min-confidence', '1.5'], 2],
    [['--format', 'json', '--relation-types', 'LEADS,NOT_A_TYPE'], 2],
    [['--format', 'json', '--entity', 'p-nobody'], 1],
  ])('kg export %j fails with exit code %i', async (args, code) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await kg(source, 'export', ...args)).toBe(code);
  });
});
