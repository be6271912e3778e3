// A fresh SQLite store with the seed corpus ingested through the real pipeline.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { loadSeedCorpus } from '../../src/ingest/seed-corpus.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

export async function createSeededStore(): Promise<{ store: SqliteStore; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'kg-seeded-')), 'kg.sqlite');
  const store = new SqliteStore({ path });
  await store.init();
  for (const doc of loadSeedCorpus()) await ingestDocument(store, doc);
  return { store, path };
}
