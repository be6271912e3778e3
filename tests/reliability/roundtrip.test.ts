// Export → import (the public JSON format) loses nothing on the seeded store: same counts, same
// entities, same relations with the same evidence; importing twice changes nothing; and the
// same holds through the real `kg export` / `kg import` commands.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphExport } from '../../src/model/types.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createSeededStore } from '../helpers/seeded-store.js';
import { ensureBuilt, runKg } from './built-cli.js';
import { HOSTILE_TEXTS } from './hostile-text.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';

let seeded: SqliteStore;
let seededPath: string;
let original: GraphExport;
let dir: string;

const fresh = async (name: string) => {
  const store = new SqliteStore({ path: join(dir, `${name}.sqlite`) });
  await store.init();
  return store;
};

/** Every evidence row as one comparable line. */
const evidenceLines = (g: GraphExport) =>
  g.relations.flatMap((r) => r.evidence.map((e) => JSON.stringify([r.id, r.type, r.source, r.target, e.document, e.sentence, e.start, e.end, e.confidence, e.sourceStart, e.sourceEnd, e.targetStart, e.targetEnd]))).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-roundtrip-'));
  ({ store: seeded, path: seededPath } = await createSeededStore());
  // Unusual text too: scripts, emoji and long names must survive the trip.
  for (const [name, text] of HOSTILE_TEXTS) {
    await ingestDocument(seeded, { text, title: name, byline: null, url: null, publishedAt: '2024-02-02', source: 'test' }).catch(() => undefined);
  }
  original = await seeded.exportGraph();
}, 120_000);
afterAll(async () => {
  await seeded.close();
});

describe('JSON export → import', () => {
  it('the seeded export is not trivial', () => {
    expect(original.documents.length).toBeGreaterThan(6);
    expect(original.entities.length).toBeGreaterThan(20);
    expect(original.relations.length).toBeGreaterThan(10);
    expect(evidenceLines(original).length).toBeGreaterThan(original.relations.length);
  });

  it('into an empty store: the export of the copy equals the original export', async () => {
    const copy = await fresh('copy');
    try {
      // Through JSON text, as the file format carries it.
      const result = await copy.importGraph(JSON.parse(JSON.stringify(original)) as GraphExport);
      expect(result).toEqual({ documents: original.documents.length, entities: original.entities.length, relations: original.relations.length });
      const again = await copy.exportGraph();
      expect(again.entities).toEqual(original.entities);
      expect(evidenceLines(again)).toEqual(evidenceLines(original));
      expect(again.relations).toEqual(original.relations);
      expect(again.documents).toEqual(original.documents);
      const [a, b] = [await seeded.stats(), await copy.stats()];
      expect([b.documents, b.entities, b.relations, b.evidence]).toEqual([a.documents, a.entities, a.relations, a.evidence]);
      expect(b.entitiesByType).toEqual(a.entitiesByType);
      expect(b.relationsByType).toEqual(a.relationsByType);
    } finally {
      await copy.close();
    }
  });

  it('importing the same file again, or into the store it came from, changes nothing', async () => {
    const copy = await fresh('twice');
    try {
      await copy.importGraph(original);
      const once = await copy.exportGraph();
      expect(await copy.importGraph(original)).toEqual({ documents: 0, entities: 0, relations: 0 });
      expect(await copy.exportGraph()).toEqual(once);
      expect(await seeded.importGraph(original)).toEqual({ documents: 0, entities: 0, relations: 0 });
      expect(await seeded.exportGraph()).toEqual(original);
    } finally {
      await copy.close();
    }
  });

  it('a broken file is refused whole: nothing is written', async () => {
    const copy = await fresh('broken');
    try {
      const broken = JSON.parse(JSON.stringify(original)) as GraphExport;
      broken.relations[broken.relations.length - 1]!.evidence.push({ sentence: 'x', document: 'd-missing' });
      await expect(copy.importGraph(broken)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      const s = await copy.stats();
      expect([s.documents, s.entities, s.relations, s.evidence]).toEqual([0, 0, 0, 0]);
    } finally {
      await copy.close();
    }
  });

  it('through `kg export --format json` and `kg import`', async () => {
    await ensureBuilt();
    await seeded.close();
    const file = join(dir, 'graph.json');
    const exported = await runKg(['export', '--format', 'json', '-o', file], { KG_DB_PATH: seededPath });
    expect(exported.code, exported.stderr).toBe(0);
    const target = join(dir, 'cli-copy.sqlite');
    const imported = await runKg(['import', file], { KG_DB_PATH: target });
    expect(imported.code, imported.stderr).toBe(0);
    const stats = async (db: string) => JSON.parse((await runKg(['stats', '--json'], { KG_DB_PATH: db })).stdout) as Record<string, unknown>;
    const [a, b] = [await stats(seededPath), await stats(target)];
    for (const key of ['documents', 'entities', 'relations', 'evidence']) expect(b[key], key).toEqual(a[key]);
    const reexport = join(dir, 'graph-again.json');
    expect((await runKg(['export', '--format', 'json', '-o', reexport], { KG_DB_PATH: target })).code).toBe(0);
    const [x, y] = [JSON.parse(readFileSync(file, 'utf8')) as GraphExport, JSON.parse(readFileSync(reexport, 'utf8')) as GraphExport];
    expect(evidenceLines(y)).toEqual(evidenceLines(x));
    expect(y.entities).toEqual(x.entities);
    seeded = new SqliteStore({ path: seededPath });
    await seeded.init();
  }, 180_000);
});
