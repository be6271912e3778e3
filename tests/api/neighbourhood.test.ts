// Entity.neighbourCounts and Entity.neighbourhood with per-type caps (expanding a hub).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KgApi } from '../../src/api/create-api.js';
import { entityId } from '../../src/model/names.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildDocument, docA, docB } from '../helpers/fixtures.js';
import { client, codeOf, createFixtureApi } from './client.js';

let store: SqliteStore;
let api: KgApi;
let gql: ReturnType<typeof client>;
const vardanyan = entityId('Person', 'Ruben Vardanyan');
const troika = entityId('Organization', 'Troika Dialog');
const hub = entityId('Person', 'Hub Person');

// A hub with 4 people and 3 places around it; relation strength decreases with the index.
const hubDoc = buildDocument({
  title: 'Hub story',
  publishedAt: '2024-05-01',
  sentences: ['Hub Person met Anna One, Boris Two, Carl Three and Dora Four.', 'Hub Person lives in Paris, Rome and Oslo.'],
  entities: [
    ['Hub Person', 'Person'],
    ['Anna One', 'Person'],
    ['Boris Two', 'Person'],
    ['Carl Three', 'Person'],
    ['Dora Four', 'Person'],
    ['Paris', 'Place'],
    ['Rome', 'Place'],
    ['Oslo', 'Place'],
  ],
  relations: [
    ['Hub Person', 'MET_WITH', 'Anna One', 0, 0.9],
    ['Hub Person', 'MET_WITH', 'Boris Two', 0, 0.8],
    ['Hub Person', 'MET_WITH', 'Carl Three', 0, 0.7],
    ['Hub Person', 'MET_WITH', 'Dora Four', 0, 0.6],
    ['Hub Person', 'LIVES_IN', 'Paris', 1, 0.9],
    ['Hub Person', 'LIVES_IN', 'Rome', 1, 0.5],
    ['Hub Person', 'LIVES_IN', 'Oslo', 1, 0.4],
  ],
});

beforeAll(async () => {
  ({ store, api } = await createFixtureApi([docA(), docB(), hubDoc]));
  gql = client(api);
});
afterAll(async () => {
  await store.close();
});

describe('neighbour counts and capped neighbourhoods', () => {
  it('neighbourCounts counts distinct neighbours by entity and relation type', async () => {
    const r = await gql('query($id: ID!) { entity(id: $id) { neighbourCounts { total byEntityType { type count } byRelationType { type count } } } }', { id: hub });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.entity.neighbourCounts).toEqual({
      total: 7,
      byEntityType: [
        { type: 'Person', count: 4 },
        { type: 'Place', count: 3 },
      ],
      byRelationType: [
        { type: 'LIVES_IN', count: 3 },
        { type: 'MET_WITH', count: 4 },
      ],
    });
    const v = await gql('query($id: ID!) { entity(id: $id) { neighbourCounts { total byEntityType { type count } } } }', { id: vardanyan });
    // Troika Dialog (FOUNDED) and David Barnea (MET_WITH)
    expect(v.body.data!.entity.neighbourCounts.total).toBe(2);
  });

  it('limitPerType keeps the strongest neighbours of each type and reports truncation', async () => {
    const r = await gql(
      'query($id: ID!) { entity(id: $id) { neighbourhood(limitPerType: 2) { nodes { name type } relations { type } truncated cytoscape } } }',
      { id: hub },
    );
    expect(r.body.errors).toBeUndefined();
    const g = r.body.data!.entity.neighbourhood;
    expect(g.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['Anna One', 'Boris Two', 'Hub Person', 'Paris', 'Rome']);
    expect(g.relations).toHaveLength(4);
    expect(g.truncated).toBe(true);
    expect(g.cytoscape.edges).toHaveLength(4);
  });

  it('types, relationTypes and limit filter the neighbourhood', async () => {
    const places = await gql('query($id: ID!) { entity(id: $id) { neighbourhood(types: [Place]) { nodes { type } truncated } } }', { id: hub });
    expect(places.body.data!.entity.neighbourhood.nodes.map((n: { type: string }) => n.type).sort()).toEqual(['Person', 'Place', 'Place', 'Place']);
    const met = await gql('query($id: ID!) { entity(id: $id) { neighbourhood(relationTypes: [MET_WITH], limit: 3) { nodes { name } truncated } } }', { id: hub });
    expect(met.body.data!.entity.neighbourhood.nodes.map((n: { name: string }) => n.name)).toEqual(['Hub Person', 'Anna One', 'Boris Two']);
    expect(met.body.data!.entity.neighbourhood.truncated).toBe(true);
    const deep = await gql('query($id: ID!) { entity(id: $id) { neighbourhood(depth: 2) { nodes { id } } } }', { id: troika });
    expect(deep.body.data!.entity.neighbourhood.nodes.map((n: { id: string }) => n.id)).toContain(entityId('Person', 'David Barnea'));
  });

  it('Query.neighbourhood accepts limitPerType too', async () => {
    const r = await gql('query($id: ID!) { neighbourhood(id: $id, limitPerType: 1) { nodes { name } } }', { id: hub });
    expect(r.body.data!.neighbourhood.nodes.map((n: { name: string }) => n.name)).toEqual(['Hub Person', 'Anna One', 'Paris']);
  });

  it('bad arguments give typed errors', async () => {
    const q = (args: string) => gql(`query($id: ID!) { entity(id: $id) { neighbourhood(${args}) { nodes { id } } } }`, { id: hub });
    expect(codeOf(await q('depth: 13'))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(await q('limit: 0'))).toBe('INVALID_INPUT');
    expect(codeOf(await q('limitPerType: -1'))).toBe('INVALID_INPUT');
    expect(codeOf(await q('limit: 100000'))).toBe('LIMIT_EXCEEDED');
  });
});
