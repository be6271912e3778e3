// Snapshots over GraphQL: created with the token, read back unchanged however the graph changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KgApi } from '../../src/api/create-api.js';
import { entityId } from '../../src/model/names.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildDocument } from '../helpers/fixtures.js';
import { AUTH, client, codeOf, createFixtureApi } from './client.js';

let store: SqliteStore;
let api: KgApi;
let gql: ReturnType<typeof client>;
const vardanyan = entityId('Person', 'Ruben Vardanyan');
const troika = entityId('Organization', 'Troika Dialog');

const SNAPSHOT_FIELDS = `id title createdAt rootIds depth
  nodes { id name type aliases mentionCount documentCount neighbourCounts { total byEntityType { type count } }
          relations(first: 50) { totalCount nodes { id type } } }
  relations { id type confidence evidenceCount source { id name } target { id name }
              evidence(first: 50) { sentence start end sourceStart sourceEnd document { id title sentences { index text } } } }
  documents { id title byline sentences { index text } }
  cytoscape`;

const CREATE = `mutation($input: SnapshotInput!) { createSnapshot(input: $input) { ${SNAPSHOT_FIELDS} } }`;
const READ = `query($id: ID!) { snapshot(id: $id) { ${SNAPSHOT_FIELDS} } }`;

beforeAll(async () => {
  ({ store, api } = await createFixtureApi());
  gql = client(api);
});
afterAll(async () => {
  await store.close();
});

describe('snapshots', () => {
  it('createSnapshot needs the bearer token', async () => {
    const r = await gql(CREATE, { input: { ids: [vardanyan] } });
    expect(codeOf(r)).toBe('UNAUTHORIZED');
    expect(r.body.data ?? null).toBeNull();
  });

  it('freezes nodes, relations with evidence, and documents; reads back unchanged after the graph changes', async () => {
    const created = await gql(CREATE, { input: { ids: [vardanyan], depth: 1, title: 'Vardanyan and friends' } }, AUTH);
    expect(created.body.errors).toBeUndefined();
    const snap = created.body.data!.createSnapshot;
    expect(snap.id).toMatch(/^s-[0-9a-f]{16}$/);
    expect(snap.title).toBe('Vardanyan and friends');
    expect(snap.rootIds).toEqual([vardanyan]);
    expect(snap.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([vardanyan, troika]));
    const founded = snap.relations.find((r: { type: string }) => r.type === 'FOUNDED');
    expect(founded.evidence).toHaveLength(2);
    expect(founded.evidence[0].document.sentences.length).toBeGreaterThan(0);
    expect(snap.documents.map((d: { title: string }) => d.title).sort()).toEqual(['Intelligence story', 'Troika story']);
    expect(snap.cytoscape.nodes).toHaveLength(snap.nodes.length);
    expect(snap.cytoscape.edges.length).toBeGreaterThan(0);

    const before = await gql(READ, { id: snap.id });
    expect(before.body.data!.snapshot).toEqual(snap);

    // The live graph changes: a new document adds evidence to FOUNDED and a new neighbour.
    await store.addDocument(
      buildDocument({
        title: 'Later story',
        publishedAt: '2025-01-01',
        sentences: ['Ruben Vardanyan founded Troika Dialog long ago.', 'Ruben Vardanyan met Ilham Aliyev.'],
        entities: [
          ['Ruben Vardanyan', 'Person'],
          ['Troika Dialog', 'Organization'],
          ['Ilham Aliyev', 'Person'],
        ],
        relations: [
          ['Ruben Vardanyan', 'FOUNDED', 'Troika Dialog', 0, 0.9],
          ['Ruben Vardanyan', 'MET_WITH', 'Ilham Aliyev', 1, 0.7],
        ],
      }),
    );
    const live = await gql('query($id: ID!) { entity(id: $id) { mentionCount neighbourCounts { total } } }', { id: vardanyan });
    const frozenV = snap.nodes.find((n: { id: string }) => n.id === vardanyan);
    expect(live.body.data!.entity.neighbourCounts.total).toBe(frozenV.neighbourCounts.total + 1);
    expect(live.body.data!.entity.mentionCount).toBeGreaterThan(frozenV.mentionCount);

    const after = await gql(READ, { id: snap.id });
    expect(after.body.data!.snapshot).toEqual(snap);
  });

  it('unknown snapshot ids read as null', async () => {
    const r = await gql('{ a: snapshot(id: "s-0000000000000000") { id } b: snapshot(id: "") { id } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ a: null, b: null });
  });

  it('refuses bad input with typed errors', async () => {
    expect(codeOf(await gql(CREATE, { input: { ids: [] } }, AUTH))).toBe('INVALID_INPUT');
    expect(codeOf(await gql(CREATE, { input: { ids: ['p-nobody'] } }, AUTH))).toBe('NOT_FOUND');
    expect(codeOf(await gql(CREATE, { input: { ids: [vardanyan], depth: 99 } }, AUTH))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(await gql(CREATE, { input: { ids: [vardanyan], depth: -1 } }, AUTH))).toBe('INVALID_INPUT');
    expect(codeOf(await gql(CREATE, { input: { ids: [vardanyan], title: 'x'.repeat(501) } }, AUTH))).toBe('LIMIT_EXCEEDED');
  });

  it('two snapshots of the same subgraph at different times get different ids', async () => {
    const one = await gql(CREATE, { input: { ids: [troika], depth: 0 } }, AUTH);
    await new Promise((r) => setTimeout(r, 5));
    const two = await gql(CREATE, { input: { ids: [troika], depth: 0 } }, AUTH);
    expect(one.body.data!.createSnapshot.id).not.toBe(two.body.data!.createSnapshot.id);
    expect(one.body.data!.createSnapshot.nodes).toEqual(two.body.data!.createSnapshot.nodes);
  });
});
