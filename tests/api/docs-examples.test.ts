// Every GraphQL example in docs/graphql.md runs without errors against the seeded store, so the
// documentation cannot drift from the schema.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createSeededStore } from '../helpers/seeded-store.js';
import { AUTH, client, TOKEN } from './client.js';

let store: SqliteStore;
let gql: ReturnType<typeof client>;
const blocks = [...readFileSync('docs/graphql.md', 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

beforeAll(async () => {
  ({ store } = await createSeededStore());
  gql = client(createApi(store, { apiToken: TOKEN }));
});
afterAll(async () => {
  await store.close();
});

describe('docs/graphql.md examples', () => {
  it('has the examples the issue asks for', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const name of ['Connections', 'Path', 'Article', 'Frozen']) expect(blocks.some((b) => b.includes(`query ${name}`))).toBe(true);
    expect(blocks.some((b) => b.includes('subgraph(') && b.includes('cytoscape'))).toBe(true);
  });

  it('every example runs without errors on the seed corpus', async () => {
    const snap = await gql('mutation { createSnapshot(input: { ids: ["p-ruben-vardanyan"], depth: 1 }) { id } }', {}, AUTH);
    expect(snap.body.errors).toBeUndefined();
    for (const query of blocks) {
      const variables = query.includes('query Frozen') ? { id: snap.body.data!.createSnapshot.id } : {};
      const r = await gql(query, variables);
      expect(r.body.errors, `${query}\n${JSON.stringify(r.body.errors)}`).toBeUndefined();
    }
  });

  it('the Vardanyan example finds him and his relations', async () => {
    const r = await gql(blocks.find((b) => b.includes('query Connections'))!);
    expect(r.body.data!.entity.name).toBe('Ruben Vardanyan');
    expect(r.body.data!.entity.relations.totalCount).toBeGreaterThan(0);
  });
});
