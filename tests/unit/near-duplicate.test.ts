// Near-duplicate detection: syndicated copies of one wire story are found, different stories are
// not, and ingesting a copy does not add evidence.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { bandKeys, bestMatch, fingerprint, NEAR_DUPLICATE, shingles, similarity } from '../../src/ingest/near-duplicate.js';
import { readHtml } from '../../src/ingest/readers/html.js';
import { loadSeedCorpus } from '../../src/ingest/seed-corpus.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const html = (name: string) => readHtml(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'inputs', 'html', name), 'utf8'), name);
const original = html('news-article.html');
const copy = html('syndicated-copy.html');

/** Exact Jaccard similarity of the shingle sets, to check the MinHash estimate against. */
function jaccard(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  return both / (x.size + y.size - both);
}

describe('near-duplicate fingerprints', () => {
  it('are deterministic and sized bands × rows', () => {
    const a = fingerprint(original.text)!;
    expect(a.signature).toHaveLength(NEAR_DUPLICATE.bands * NEAR_DUPLICATE.rows);
    expect(a.bandKeys).toHaveLength(NEAR_DUPLICATE.bands);
    expect(fingerprint(original.text)).toEqual(a);
    expect(bandKeys(a.signature)).toEqual(a.bandKeys);
  });

  it('ignore case, accents and punctuation', () => {
    const text = original.text;
    expect(fingerprint(text.toUpperCase().replace(/,/g, ''))).toEqual(fingerprint(text));
  });

  it('find the syndicated copy (different header, footer and a trimmed ending)', () => {
    const a = fingerprint(original.text)!;
    const b = fingerprint(copy.text)!;
    const exact = jaccard(original.text, copy.text);
    expect(exact).toBeGreaterThan(NEAR_DUPLICATE.threshold);
    expect(Math.abs(similarity(a.signature, b.signature) - exact)).toBeLessThan(0.15);
    expect(a.bandKeys.filter((k) => b.bandKeys.includes(k)).length).toBeGreaterThan(0);
    expect(bestMatch(b.signature, [{ documentId: 'd-original', signature: a.signature }])).toMatchObject({ documentId: 'd-original' });
  });

  it('do not match different stories, even on the same topic', () => {
    const seed = loadSeedCorpus().slice(0, 12).map((d) => fingerprint(d.text)).filter((f) => f !== null);
    expect(seed.length).toBeGreaterThan(5);
    const a = fingerprint(original.text)!;
    for (const f of seed) expect(similarity(a.signature, f.signature)).toBeLessThan(NEAR_DUPLICATE.threshold);
    const rewritten = 'Ruben Vardanyan and Veronika Zonabend will pay for a new science building at the Dilijan college, the IDeA Foundation said, adding that work starts in autumn and pupils arrive in 2026. Nikol Pashinyan praised the plan and promised roads and utilities; the education ministry has no application yet.';
    expect(bestMatch(fingerprint(rewritten)!.signature, [{ documentId: 'd-original', signature: a.signature }])).toBeNull();
  });

  it('skip texts too short to compare', () => {
    expect(fingerprint('Ruben Vardanyan founded Troika Dialog in Moscow.')).toBeNull();
  });
});

describe('ingesting a syndicated copy', () => {
  it('records it as a duplicate and does not double any evidence count', async () => {
    const store = new SqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'kg-dup-')), 'kg.sqlite') });
    await store.init();
    try {
      const first = await ingestDocument(store, original);
      expect(first.status).toBe('added');
      const before = await store.exportGraph();
      const second = await ingestDocument(store, copy);
      expect(second.status).toBe('duplicate');
      expect(second.duplicateOf?.documentId).toBe(first.documentId);
      const after = await store.exportGraph();
      expect(after.relations).toEqual(before.relations);
      expect(after.entities).toEqual(before.entities);
      expect(after.documents.find((d) => d.id === second.documentId)).toMatchObject({ title: copy.title, url: copy.url, duplicateOf: first.documentId });
      expect((await ingestDocument(store, copy)).status).toBe('unchanged');
    } finally {
      await store.close();
    }
  });
});
