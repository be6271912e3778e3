// An entity's other aliases are stored in its row (schema v3, kept by triggers): after every write
// path (ingest, curation, deletion, import) the row must equal a recompute from the aliases table,
// and entities read one by one, in batches and in neighbourhoods must agree.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entityId } from '../../src/model/names.js';
import { OTHER_ALIASES_SQL } from '../../src/store/sqlite/schema.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { exportStore } from '../helpers/export-graph.js';
import { buildDocument } from '../helpers/fixtures.js';

const pathOf = (store: SqliteStore) => (store as unknown as { options: { path: string } }).options.path;

/** Entities whose stored other aliases differ from their aliases table. */
function stale(store: SqliteStore): unknown[] {
  const db = new Database(pathOf(store), { readonly: true });
  try {
    return db.prepare(`SELECT id, other_aliases FROM entities WHERE other_aliases IS NOT ${OTHER_ALIASES_SQL}`).all();
  } finally {
    db.close();
  }
}

/** Aliases as the aliases table has them: all but the name, in alias order. */
function aliasesByTable(store: SqliteStore, id: string): string[] {
  const db = new Database(pathOf(store), { readonly: true });
  try {
    return db
      .prepare('SELECT alias FROM aliases WHERE entity_id = ? AND alias <> (SELECT name FROM entities WHERE id = ?) ORDER BY alias')
      .pluck()
      .all(id, id) as string[];
  } finally {
    db.close();
  }
}

async function expectConsistent(store: SqliteStore): Promise<void> {
  expect(stale(store)).toEqual([]);
  const ids = (await store.listEntities({ first: 1000 })).nodes.map((e) => e.id);
  const batch = await store.getEntities(ids);
  for (const [i, id] of ids.entries()) {
    const one = await store.getEntity(id);
    expect(one?.aliases).toEqual(aliasesByTable(store, id));
    expect(batch[i]).toEqual(one);
  }
  for (const id of ids.slice(0, 3)) {
    for (const node of (await store.neighbourhood(id, { depth: 2 })).nodes) expect(node).toEqual(await store.getEntity(node.id));
  }
}

describe('sqlite entity rows', () => {
  it('keep their other aliases through ingest, curation, deletion and import', async () => {
    const store = await exportStore();
    await expectConsistent(store);
    const ruben = entityId('Person', 'Ruben Vardanyan');

    expect((await store.addAlias(ruben, 'R. Vardanyan')).aliases).toEqual(['R. Vardanyan', 'Vardanyan']);
    await expectConsistent(store);
    // Renaming keeps the old name as an alias and drops the new one from the others.
    expect((await store.renameEntity(ruben, 'R. Vardanyan')).aliases).toEqual(['Ruben Vardanyan', 'Vardanyan']);
    await expectConsistent(store);
    expect((await store.removeAlias(ruben, 'Vardanyan')).aliases).toEqual(['Ruben Vardanyan']);
    await expectConsistent(store);
    expect((await store.removeAlias(ruben, 'Ruben Vardanyan')).aliases).toEqual([]);
    await expectConsistent(store);

    // A new document naming a known entity by another alias.
    await store.addDocument(
      buildDocument({
        title: 'Another name',
        publishedAt: '2024-06-01',
        sentences: ['Sberbank Group bought a stake in Troika Dialog.'],
        entities: [
          ['Sberbank', 'Organization', ['Sberbank Group']],
          ['Troika Dialog', 'Organization', ['Troika']],
        ],
        relations: [['Sberbank', 'OWNS', 'Troika Dialog', 0, 0.8]],
      }),
    );
    await expectConsistent(store);
    expect((await store.getEntity(entityId('Organization', 'Troika Dialog')))?.aliases).toContain('Troika');

    // Merging folds the merged entity's name and aliases into the kept one.
    const kept = await store.mergeEntities(entityId('Organization', 'Sberbank'), entityId('Organization', 'Troika Dialog'));
    expect(kept.aliases).toEqual(expect.arrayContaining(['Sberbank Group', 'Troika', 'Troika Dialog']));
    await expectConsistent(store);
    await store.setEntityType(ruben, 'Organization');
    await expectConsistent(store);

    const docs = await store.listDocuments(100);
    await store.deleteDocument(docs.nodes[docs.nodes.length - 1]!.id);
    await expectConsistent(store);

    const copy = new SqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'kg-entity-rows-')), 'kg.sqlite') });
    await copy.init();
    await copy.importGraph(await store.exportGraph());
    await expectConsistent(copy);
    expect(await copy.getEntities(['nobody', ruben, kept.id])).toEqual(await store.getEntities([ruben, kept.id]));
    await copy.close();
    await store.close();
  });
});
