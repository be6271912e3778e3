// A small stored graph for export tests: the contract fixtures plus edge cases (a country, XML
// and CSV special characters, an owned organisation, a relation to a place that is not a
// country, source URLs) and a recorded syndicated copy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildDocument, docA, docB } from './fixtures.js';

export const edgeCases = () =>
  buildDocument({
    title: 'Edge cases',
    publishedAt: '2024-05-02',
    sentences: [
      'Ruben Vardanyan was born in Armenia.',
      'AT&T "Labs" <Research>; Inc. is based in Moscow.',
      'Ruben Vardanyan is a friend of David Barnea.',
      'David Barnea attacked Moscow.',
      'Nikol Pashinyan leads Armenia.',
    ],
    entities: [
      ['Ruben Vardanyan', 'Person'],
      ['Armenia', 'Place'],
      ['AT&T "Labs" <Research>; Inc.', 'Organization', ['AT&T; Labs']],
      ['Moscow', 'Place'],
      ['David Barnea', 'Person'],
      ['Nikol Pashinyan', 'Person'],
    ],
    relations: [
      ['Ruben Vardanyan', 'BORN_IN', 'Armenia', 0, 0.9],
      ['AT&T "Labs" <Research>; Inc.', 'BASED_IN', 'Moscow', 1, 0.8],
      ['Ruben Vardanyan', 'FRIEND_OF', 'David Barnea', 2, 0.7],
      ['David Barnea', 'ATTACKED', 'Moscow', 3, 0.4],
      ['Nikol Pashinyan', 'LEADS', 'Armenia', 4, 0.9],
    ],
  });

export async function exportStore(path = join(mkdtempSync(join(tmpdir(), 'kg-export-')), 'kg.sqlite')): Promise<SqliteStore> {
  const store = new SqliteStore({ path });
  await store.init();
  const a = docA();
  await store.addDocument({ ...a, meta: { ...a.meta, url: 'https://www.caucasus-ledger.example/troika' }, nearDuplicate: { signature: [1, 2, 3], bandKeys: ['0:x'], duplicateOf: null } });
  const b = docB();
  await store.addDocument({ ...b, meta: { ...b.meta, url: 'https://wire.example.org/intel' } });
  await store.addDocument(edgeCases());
  await store.addDocument({ ...docA(), id: 'd-copy', textHash: 'copy', meta: { ...a.meta, title: 'Copy' }, nearDuplicate: { signature: [1, 2, 3], bandKeys: ['0:x'], duplicateOf: a.id } });
  return store;
}
