// Stores written by older schemas open under the current one: upgraded in place (v1: degrees,
// strength and the popularity-ordered search index; v2: entities rebuilt WITHOUT ROWID with their
// other aliases, the pair index holding whole relations), and they answer as before.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OTHER_ALIASES_SQL } from '../../src/store/sqlite/schema.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { exportStore } from '../helpers/export-graph.js';

const tempPath = (prefix: string) => join(mkdtempSync(join(tmpdir(), prefix)), 'kg.sqlite');

/** What the v3 schema adds, read from the file itself. */
function schemaFacts(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const sql = (name: string) => (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string | undefined) ?? '';
    return {
      version: db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get(),
      entitiesWithoutRowid: /WITHOUT ROWID/.test(sql('entities')),
      pairIndexColumns: (db.prepare("SELECT name FROM pragma_index_info('relations_pair')").pluck().all() as string[]).join(','),
      triggers: db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all(),
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeyProblems: (db.pragma('foreign_key_check') as unknown[]).length,
      staleOtherAliases: /other_aliases/.test(sql('entities'))
        ? db.prepare(`SELECT count(*) FROM entities WHERE other_aliases IS NOT ${OTHER_ALIASES_SQL}`).pluck().get()
        : null,
    };
  } finally {
    db.close();
  }
}

const V3_FACTS = {
  version: '3',
  entitiesWithoutRowid: true,
  pairIndexColumns: 'source,target,id,type,confidence,evidence_count,status,first_reported,last_reported',
  triggers: [
    'aliases_other_delete',
    'aliases_other_insert',
    'aliases_other_update',
    'entities_other_aliases',
    'relations_degree_delete',
    'relations_degree_insert',
    'relations_degree_update',
  ],
  integrity: 'ok',
  foreignKeyProblems: 0,
  staleOtherAliases: 0,
};

/** Everything a reader sees: entities, relations, neighbourhoods, paths, search, the export. */
async function answers(store: SqliteStore) {
  const graph = await store.exportGraph();
  const ids = graph.entities.map((e) => e.id);
  const [first, last] = [ids[0]!, ids[ids.length - 1]!];
  return {
    graph,
    entities: await Promise.all(ids.map((id) => store.getEntity(id))),
    batch: await store.getEntities([...ids].reverse()),
    relations: await Promise.all(ids.map((id) => store.getRelations(id, { first: 100 }))),
    neighbourhoods: await Promise.all(ids.map((id) => store.neighbourhood(id, { depth: 2, limit: 6 }))),
    paths: await store.paths(first, last, { maxHops: 6, first: 3 }),
    search: await store.search('vardanyan'),
    stats: await store.stats(),
  };
}

/** Copies a current store's rows into a new file laid out by the v2 schema (as a v2 release wrote it). */
function writeAsV2(from: string, to: string): void {
  const db = new Database(to);
  db.pragma('foreign_keys = OFF'); // tables are filled in an order of convenience
  db.exec(readFileSync('tests/fixtures/sqlite-schema-v2.sql', 'utf8'));
  db.prepare('ATTACH ? AS src').run(from);
  const tables = db.prepare("SELECT name, sql FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entity_fts%'").all() as {
    name: string;
    sql: string;
  }[];
  // Tables v2 already had keep their v2 shape; the others (near-duplicates, snapshots, curation) are unchanged.
  for (const t of tables) if (!db.prepare("SELECT 1 FROM main.sqlite_master WHERE name = ?").get(t.name)) db.exec(t.sql);
  // Relations before entities: the v2 degree triggers then find no entity to count twice.
  const order = [...tables.map((t) => t.name).filter((n) => n !== 'entities'), 'entities'];
  for (const name of order) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('${name}')`).pluck().all() as string[]).join(', ');
    db.exec(`INSERT INTO main.${name} (${columns}) SELECT ${columns} FROM src.${name}`);
  }
  db.exec("INSERT INTO main.entity_fts (rowid, entity_id, alias) SELECT rowid, entity_id, alias FROM src.entity_fts; UPDATE main.meta SET value = '2' WHERE key = 'schemaVersion'");
  db.exec('DETACH src');
  db.close();
}

describe('sqlite schema upgrade', () => {
  it('upgrades a v1 store in place', async () => {
    const path = tempPath('kg-upgrade-');
    const db = new Database(path);
    db.exec(readFileSync('tests/fixtures/sqlite-schema-v1.sql', 'utf8'));
    db.exec(`INSERT INTO meta VALUES ('schemaVersion', '1');
      INSERT INTO entities (id, type, name, mention_count, document_count) VALUES
        ('p-ann-lee', 'Person', 'Ann Lee', 40, 5), ('o-acme-bank', 'Organization', 'Acme Bank', 3, 1), ('l-varno', 'Place', 'Varno', 9, 2);
      INSERT INTO aliases VALUES ('p-ann-lee', 'Ann Lee', 'ann lee'), ('p-ann-lee', 'Lee', 'lee'), ('o-acme-bank', 'Acme Bank', 'acme bank'), ('l-varno', 'Varno', 'varno');
      INSERT INTO entity_fts (entity_id, alias) VALUES ('p-ann-lee', 'Ann Lee'), ('p-ann-lee', 'Lee'), ('o-acme-bank', 'Acme Bank'), ('l-varno', 'Varno');
      INSERT INTO relations (id, source, target, type, confidence, evidence_count) VALUES
        ('r-1', 'p-ann-lee', 'o-acme-bank', 'LEADS', 0.9, 2), ('r-2', 'o-acme-bank', 'l-varno', 'BASED_IN', 0.8, 1), ('r-3', 'p-ann-lee', 'l-varno', 'ASSOCIATED_WITH', 0.4, 1);`);
    db.close();

    const store = new SqliteStore({ path });
    await store.init();
    const page = await store.getRelations('p-ann-lee');
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((r) => r.id)).toEqual(['r-1', 'r-3']); // typed before co-occurrence
    expect((await store.getRelations('l-varno', { direction: 'IN' })).totalCount).toBe(2);
    expect((await store.search('Ann'))[0]!.entity.id).toBe('p-ann-lee');
    expect((await store.search('acme b'))[0]!.entity.id).toBe('o-acme-bank');
    expect((await store.paths('p-ann-lee', 'l-varno', { maxHops: 2 }))[0]!.relations.map((r) => r.id)).toEqual(['r-3']);
    expect(await store.getEntity('p-ann-lee')).toMatchObject({ name: 'Ann Lee', aliases: ['Lee'], mentionCount: 40 });
    expect((await store.getEntities(['l-varno', 'p-ann-lee'])).map((e) => [e.id, e.aliases])).toEqual([
      ['l-varno', []],
      ['p-ann-lee', ['Lee']],
    ]);
    await store.close();
    expect(schemaFacts(path)).toEqual(V3_FACTS);
    // Opening again changes nothing.
    const again = new SqliteStore({ path });
    await again.init();
    expect((await again.getRelations('p-ann-lee')).totalCount).toBe(2);
    await again.close();
  });

  it('upgrades a v2 store in place, and it answers as before', async () => {
    const current = await exportStore();
    await current.addAlias('p-ruben-vardanyan', 'R. Vardanyan');
    await current.addAlias('p-ruben-vardanyan', 'Ruben V.');
    const before = await answers(current);
    const currentPath = (current as unknown as { options: { path: string } }).options.path;
    await current.close();
    const path = tempPath('kg-upgrade-v2-');
    writeAsV2(currentPath, path);
    expect(schemaFacts(path)).toMatchObject({ version: '2', entitiesWithoutRowid: false, pairIndexColumns: 'source,target,id' });

    // kg migrate reads a store read-only, without opening it for writes: a v2 file still exports.
    const reader = new SqliteStore({ path, readonly: true });
    expect(await reader.exportGraph()).toEqual(before.graph);
    await reader.close();

    const store = new SqliteStore({ path });
    await store.init();
    expect(await answers(store)).toEqual(before);
    expect(before.entities.find((e) => e?.id === 'p-ruben-vardanyan')?.aliases).toEqual(['R. Vardanyan', 'Ruben V.', 'Vardanyan']);
    // The write path keeps the new column: an alias added after the upgrade is read back.
    expect((await store.addAlias('o-troika-dialog', 'Troika')).aliases).toContain('Troika');
    expect((await store.getEntities(['o-troika-dialog', 'p-ruben-vardanyan']))[0]!.aliases).toContain('Troika');
    await store.close();
    expect(schemaFacts(path)).toEqual(V3_FACTS);
  });
});
