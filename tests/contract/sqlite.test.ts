// Runs the GraphStore contract against the embedded SQLite backend (on disk, like production).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('sqlite', async () => {
  const store = new SqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'kg-contract-')), 'kg.sqlite') });
  await store.init();
  return store;
});
