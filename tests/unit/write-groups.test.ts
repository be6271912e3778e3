// Write groups (bulk ingest): several documents per transaction, yet each document all-or-nothing;
// a failing write discards its group, which is replayed one document per transaction.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkedDocument } from '../../src/model/types.js';
import { runInWriteGroups } from '../../src/ingest/write-groups.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildDocument } from '../helpers/fixtures.js';
import { consistencyProblems, snapshot } from '../reliability/store-checks.js';

const story = (i: number): LinkedDocument =>
  buildDocument({
    title: `story ${i}`,
    publishedAt: `2026-01-0${1 + i}`,
    sentences: [`Ruben Vardanyan founded Troika Dialog, part ${i}.`, `Troika Dialog sold its stake to Sberbank (${i}).`],
    entities: [['Ruben Vardanyan', 'Person'], ['Troika Dialog', 'Organization'], ['Sberbank', 'Organization']],
    relations: [['Ruben Vardanyan', 'FOUNDED', 'Troika Dialog', 0, 0.8]],
  });

async function openStore(): Promise<{ store: SqliteStore; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'kg-groups-')), 'kg.sqlite');
  const store = new SqliteStore({ path });
  await store.init();
  return { store, path };
}

describe('write groups', () => {
  it('store every document, in order, with reads seeing the group’s earlier writes', async () => {
    const { store, path } = await openStore();
    const docs = [0, 1, 2, 3, 4].map(story);
    const seen: string[] = [];
    await runInWriteGroups(
      store,
      docs.length,
      async (i) => {
        if (i > 0) expect(await store.hasDocument(docs[i - 1]!.textHash)).toBe(true);
        return (await store.addDocument(docs[i]!)).status;
      },
      (results) => seen.push(...results),
    );
    expect(seen).toEqual(['added', 'added', 'added', 'added', 'added']);
    expect(snapshot(path).documents).toBe(5);
    expect((await store.getRelation(docs[0]!.relations[0]!.id))?.evidenceCount).toBe(5);
    expect(consistencyProblems(path)).toEqual([]);
    await store.close();
  });

  it('a failing write keeps nothing of its document; the others are stored', async () => {
    const { store, path } = await openStore();
    const docs = [0, 1, 2, 3, 4].map(story);
    // Fails inside the write, after the document row and its sentences: an unknown relation end.
    docs[2] = { ...docs[2]!, relations: [{ ...docs[2]!.relations[0]!, id: 'r-broken', source: 'p-nobody' }] };
    const outcomes: string[] = [];
    await runInWriteGroups(
      store,
      docs.length,
      async (i) => {
        try {
          return (await store.addDocument(docs[i]!)).status;
        } catch {
          return 'failed'; // the caller carries on, as kg ingest does with bad documents
        }
      },
      (results) => outcomes.push(...results),
    );
    expect(outcomes).toEqual(['added', 'added', 'failed', 'added', 'added']);
    expect(await store.hasDocument(docs[2]!.textHash)).toBe(false);
    expect(snapshot(path).perDocument.has(docs[2]!.id)).toBe(false);
    expect(snapshot(path).documents).toBe(4);
    expect((await store.getRelation(docs[0]!.relations[0]!.id))?.evidenceCount).toBe(4);
    expect(consistencyProblems(path)).toEqual([]);
    await store.close();
  });

  it('a group whose step throws keeps nothing, and the error surfaces on replay', async () => {
    const { store, path } = await openStore();
    const docs = [0, 1, 2].map(story);
    let calls = 0;
    const run = runInWriteGroups(
      store,
      docs.length,
      async (i) => {
        calls++;
        if (i === 1) throw new Error('boom');
        return (await store.addDocument(docs[i]!)).status;
      },
      () => undefined,
    );
    await expect(run).rejects.toThrow('boom');
    // Replayed one per transaction: document 0 was committed alone before the error.
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(snapshot(path).documents).toBe(1);
    expect(consistencyProblems(path)).toEqual([]);
    await store.close();
  });
});
