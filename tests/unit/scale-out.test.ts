// The scale-out path and the migration copy: `kg extract --graph` → `kg ingest --extracted`
// stores exactly what `kg seed` stores; bad lines are refused before any write; copyGraph in
// small batches reproduces a store's export.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestExtracted, parseExtractedLine, runExtractGraph } from '../../src/cli/extracted-graphs.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { loadSeedCorpus } from '../../src/ingest/seed-corpus.js';
import type { GraphExport } from '../../src/model/types.js';
import { copyGraph } from '../../src/store/copy-graph.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { docA, docB } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-scale-'));
const open = async (name: string) => {
  const store = new SqliteStore({ path: join(dir, `${name}.sqlite`) });
  await store.init();
  return store;
};
/** Exports compare equal across runs once ingest times are set aside. */
const stable = (g: GraphExport) => ({ ...g, documents: g.documents.map((d) => ({ ...d, ingestedAt: '' })) });

let graphsFile = '';

beforeAll(async () => {
  const articles = loadSeedCorpus().map((d, i) => JSON.stringify({ id: `seed-${i}`, text: d.text, title: d.title, byline: d.byline, url: d.url, publishedAt: d.publishedAt }));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const r = await runExtractGraph(Readable.from([articles.join('\n') + '\n{"id":"bad"}\n']), out);
  expect(r).toMatchObject({ documents: articles.length, failures: 1 });
  graphsFile = join(dir, 'graphs.jsonl');
  // The failed line is reported in the output too; a loader skips it as a failure.
  writeFileSync(graphsFile, Buffer.concat(chunks));
}, 120_000);

describe('kg extract --graph → kg ingest --extracted', () => {
  it('stores the same graph as ingesting the articles directly, and is idempotent', async () => {
    const direct = await open('direct');
    const loaded = await open('loaded');
    try {
      for (const doc of loadSeedCorpus()) await ingestDocument(direct, doc);
      const first = await ingestExtracted(loaded, graphsFile);
      expect(first).toMatchObject({ new: loadSeedCorpus().length, unchanged: 0, failed: 1 });
      expect(first.errors[0]).toMatch(/extraction failed upstream/);
      expect(stable(await loaded.exportGraph())).toEqual(stable(await direct.exportGraph()));
      expect(await loaded.stats()).toEqual(await direct.stats());
      const again = await ingestExtracted(loaded, graphsFile);
      expect(again).toMatchObject({ new: 0, unchanged: loadSeedCorpus().length });
    } finally {
      await direct.close();
      await loaded.close();
    }
  });

  it('each line carries the document metadata and a graph whose offsets index its text', () => {
    const line = JSON.parse(readFileSync(graphsFile, 'utf8').split('\n')[0]!);
    expect(line.meta).toMatchObject({ title: loadSeedCorpus()[0]!.title });
    const m = line.graph.mentions[0];
    expect(line.graph.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('an unreadable file is a clear INVALID_INPUT', async () => {
    const store = await open('missing');
    try {
      await expect(ingestExtracted(store, join(dir, 'nope.jsonl'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    } finally {
      await store.close();
    }
  });

  const good = () => JSON.parse(readFileSync(graphsFile, 'utf8').split('\n')[0]!);
  it.each([
    ['not JSON', () => '{oops'],
    ['no graph', () => JSON.stringify({ id: 'x', meta: {} })],
    ['empty text', () => JSON.stringify({ ...good(), graph: { ...good().graph, text: '  ' } })],
    ['mention of a missing entity', () => { const g = good(); g.graph.mentions[0].entity = 9999; return JSON.stringify(g); }],
    ['mention beyond the text', () => { const g = good(); g.graph.mentions[0].end = 10_000_000; return JSON.stringify(g); }],
    ['relation type outside the ontology', () => { const g = good(); g.graph.relations[0].type = 'HATES'; return JSON.stringify(g); }],
    ['confidence above 1', () => { const g = good(); g.graph.relations[0].confidence = 2; return JSON.stringify(g); }],
    ['unknown entity type', () => { const g = good(); g.graph.entities[0].type = 'Planet'; return JSON.stringify(g); }],
    ['text that does not match the graph', () => JSON.stringify({ ...good(), text: 'something else' })],
  ])('refuses a line with %s', (_name, make) => {
    expect(() => parseExtractedLine(make(), 'f:1')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('copyGraph (kg migrate)', () => {
  it('copies a store into an empty one in small batches; re-running changes nothing', async () => {
    const from = await open('from');
    const to = await open('to');
    try {
      await from.addDocument(docA());
      await from.addDocument(docB());
      const progress: string[] = [];
      const r = await copyGraph(from, to, { batchSize: 2, onProgress: (p) => progress.push(p.phase) });
      const exported = await from.exportGraph();
      expect(r).toEqual({ documents: 2, entities: exported.entities.length, relations: exported.relations.length });
      expect(await to.exportGraph()).toEqual(exported);
      expect(new Set(progress)).toEqual(new Set(['documents', 'entities', 'relations']));
      expect(await copyGraph(from, to, { batchSize: 3 })).toEqual({ documents: 0, entities: 0, relations: 0 });
      expect(await to.exportGraph()).toEqual(exported);
    } finally {
      await from.close();
      await to.close();
    }
  });
});
