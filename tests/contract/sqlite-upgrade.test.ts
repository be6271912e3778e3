// A store written by schema v1 opens under the current schema: degrees, strength and the
// popularity-ordered search index are rebuilt in place, and reads agree with a fresh store.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

describe('sqlite schema upgrade', () => {
  it('upgrades a v1 store in place', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kg-upgrade-')), 'kg.sqlite');
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
    await store.close();
    // Opening again changes nothing.
    const again = new SqliteStore({ path });
    await again.init();
    expect((await again.getRelations('p-ann-lee')).totalCount).toBe(2);
    await again.close();
  });
});
