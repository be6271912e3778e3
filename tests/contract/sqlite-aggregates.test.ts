// The SQLite write path keeps each relation's evidence count, noisy-or confidence, reporting
// window and strength incrementally; after any sequence of writes they must equal a recompute.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relationId, entityId } from '../../src/model/names.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildDocument } from '../helpers/fixtures.js';
import { consistencyProblems } from '../reliability/store-checks.js';

const story = (i: number, publishedAt: string | undefined, confidence: number) =>
  buildDocument({
    title: `story ${i}`,
    publishedAt,
    sentences: [`Ruben Vardanyan led Troika Dialog in year ${i}.`, `Troika Dialog hired Ruben Vardanyan again (${i}).`, `Sberbank bought Troika Dialog, report ${i}.`],
    entities: [['Ruben Vardanyan', 'Person'], ['Troika Dialog', 'Organization'], ['Sberbank', 'Organization']],
    relations: [
      ['Ruben Vardanyan', 'EMPLOYED_BY', 'Troika Dialog', 0, confidence],
      ['Ruben Vardanyan', 'EMPLOYED_BY', 'Troika Dialog', 1, confidence / 2],
      ...(i % 2 === 0 ? [['Sberbank', 'OWNS', 'Troika Dialog', 2, 0.7] as [string, string, string, number, number]] : []),
    ],
  });

describe('sqlite relation aggregates', () => {
  it('equal a full recompute after documents with dates in any order, undated ones, and a deletion', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kg-aggregates-')), 'kg.sqlite');
    const store = new SqliteStore({ path });
    await store.init();
    const dates = ['2026-03-05', undefined, '2025-12-31', '2026-07-01', undefined, '2026-01-15'];
    const ids: string[] = [];
    for (const [i, d] of dates.entries()) ids.push((await store.addDocument(story(i, d, 0.3 + i * 0.1))).documentId);
    const employed = relationId(entityId('Person', 'Ruben Vardanyan'), 'EMPLOYED_BY', entityId('Organization', 'Troika Dialog'));
    const r = await store.getRelation(employed);
    expect(r).toMatchObject({ evidenceCount: 12, firstReported: '2025-12-31', lastReported: '2026-07-01' });
    expect(consistencyProblems(path)).toEqual([]);
    // Deleting the latest story narrows the window again (a full recompute in curation).
    await store.deleteDocument(ids[3]!);
    expect(await store.getRelation(employed)).toMatchObject({ evidenceCount: 10, lastReported: '2026-03-05' });
    await store.addDocument(story(9, '2024-06-01', 0.9));
    expect(await store.getRelation(employed)).toMatchObject({ evidenceCount: 12, firstReported: '2024-06-01', lastReported: '2026-03-05' });
    expect(consistencyProblems(path)).toEqual([]);
    await store.close();
  });

  it('are right for a relation created by a document with hundreds of evidence sentences', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kg-aggregates-')), 'kg.sqlite');
    const store = new SqliteStore({ path });
    await store.init();
    const count = 300;
    const doc = buildDocument({
      title: 'a long chronicle',
      publishedAt: '2026-02-02',
      sentences: Array.from({ length: count }, (_, i) => `Ruben Vardanyan led Troika Dialog, entry ${i}.`),
      entities: [['Ruben Vardanyan', 'Person'], ['Troika Dialog', 'Organization']],
      relations: Array.from({ length: count }, (_, i) => ['Ruben Vardanyan', 'LEADS', 'Troika Dialog', i, 0.2 + (i % 7) / 10] as [string, string, string, number, number]),
    });
    await store.addDocument(doc);
    const r = await store.getRelation(relationId(entityId('Person', 'Ruben Vardanyan'), 'LEADS', entityId('Organization', 'Troika Dialog')));
    expect(r).toMatchObject({ evidenceCount: count, firstReported: '2026-02-02', lastReported: '2026-02-02' });
    expect(consistencyProblems(path)).toEqual([]);
    await store.close();
  });
});
