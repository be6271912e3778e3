// In-process GraphQL tests (yoga.fetch, no port) against the seeded SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type KgApi } from '../../src/api/create-api.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createSeededStore } from '../helpers/seeded-store.js';

let store: SqliteStore;
let api: KgApi;
const TOKEN = 'test-token-123';

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await api.fetch('http://kg.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] } };
}

beforeAll(async () => {
  ({ store } = await createSeededStore());
  api = createApi(store, { apiToken: TOKEN });
});
afterAll(async () => {
  await store.close();
});

describe('GraphQL API on the seed corpus', () => {
  it('search finds Vardanyan, also misspelt', async () => {
    for (const q of ['Vardanyan', 'vardanian', 'Ruben Var']) {
      const { body } = await gql('query($q: String!) { search(query: $q) { score matched entity { id name type } } }', { q });
      expect(body.errors).toBeUndefined();
      expect(body.data!.search[0].entity.name).toBe('Ruben Vardanyan');
    }
  });

  it('Vardanyan’s relations include Troika Dialog with evidence from the Vardanyan article', async () => {
    const { body } = await gql(`{
      search(query: "Vardanyan", first: 1) { entity { id relations(first: 200) { totalCount nodes {
        type source { name } target { name }
        evidence { sentence document { title byline } }
      } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const relations = body.data!.search[0].entity.relations.nodes as any[];
    const troika = relations.find((r) => [r.source.name, r.target.name].some((n: string) => /Troika Dialog/.test(n)));
    expect(troika).toBeDefined();
    expect(troika.evidence[0].document.title).toMatch(/Putin’s Friend/);
    expect(troika.evidence[0].document.byline).toBe('Azer HASRET');
    expect(troika.evidence[0].sentence).toMatch(/Troika/);
  });

  it('neighbourhood returns nodes, relations and Cytoscape elements', async () => {
    const id = (await gql('{ search(query: "Vardanyan", first: 1) { entity { id } } }')).body.data!.search[0].entity.id;
    const { body } = await gql('query($id: ID!) { neighbourhood(id: $id, depth: 1) { nodes { id } relations { id } truncated cytoscape } }', { id });
    const n = body.data!.neighbourhood;
    expect(n.nodes.length).toBeGreaterThan(3);
    expect(n.cytoscape.nodes).toHaveLength(n.nodes.length);
    expect(n.cytoscape.edges[0].data).toHaveProperty('source');
  });

  it('documents and stats', async () => {
    const { body } = await gql('{ documents(first: 10) { totalCount nodes { title byline sentences { index } } } stats { documents entities relations entitiesByType { type count } } }');
    expect(body.data!.documents.totalCount).toBe(6);
    expect(body.data!.stats.documents).toBe(6);
    expect(body.data!.stats.entities).toBeGreaterThan(20);
  });

  it('unknown ids give null or empty results, not errors', async () => {
    const { body } = await gql('{ entity(id: "p-nobody") { id } relation(id: "r-x") { id } document(id: "d-x") { id } neighbourhood(id: "p-nobody") { nodes { id } } paths(from: "a", to: "b") { length } }');
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ entity: null, relation: null, document: null, neighbourhood: { nodes: [] }, paths: [] });
  });

  it('refuses oversize pages and deep queries with a clear code', async () => {
    const big = await gql('{ search(query: "a", first: 100000) { score } }');
    expect(big.body.errors![0]!.extensions?.code, JSON.stringify(big.body)).toBe('LIMIT_EXCEEDED');
    const deep = 'relations { nodes { source { '.repeat(6);
    const close = '} } }'.repeat(6);
    const bomb = await gql(`{ entity(id: "x") { ${deep} id ${close} } }`);
    expect(bomb.body.errors).toBeDefined();
    expect(JSON.stringify(bomb.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('treats hostile search text as plain text', async () => {
    for (const q of ['" OR 1=1 --', '*', 'NEAR(', "'})-[r]-() DETACH DELETE r//"]) {
      const { body } = await gql('query($q: String!) { search(query: $q) { score } }', { q });
      expect(body.errors).toBeUndefined();
    }
  });

  it('mutations need the bearer token', async () => {
    const m = 'mutation($t: String!) { ingestDocument(input: { text: $t, title: "T" }) { status documentId } }';
    const text = 'Angela Merkel met Emmanuel Macron in Berlin.';
    const anonymous = await gql(m, { t: text });
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHORIZED');
    const wrong = await gql(m, { t: text }, { authorization: 'Bearer nope' });
    expect(wrong.body.errors![0]!.extensions!.code).toBe('UNAUTHORIZED');
    const ok = await gql(m, { t: text }, { authorization: `Bearer ${TOKEN}` });
    expect(ok.body.data!.ingestDocument.status).toBe('added');
    const again = await gql(m, { t: text }, { authorization: `Bearer ${TOKEN}` });
    expect(again.body.data!.ingestDocument.status).toBe('unchanged');
  });

  it('mutations are disabled when no token is configured', async () => {
    const readOnly = createApi(store, { apiToken: null });
    const res = await readOnly.fetch('http://kg.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer anything' },
      body: JSON.stringify({ query: 'mutation { ingestDocument(input: { text: "x y z" }) { status } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('the ontology drives the RelationType enum', async () => {
    const { body } = await gql('{ ontology { relationTypes { name symmetric } } __type(name: "RelationType") { enumValues { name } } }');
    const names = body.data!.ontology.relationTypes.map((r: { name: string }) => r.name);
    expect(names).toContain('LEADS');
    expect(body.data!.__type.enumValues.map((v: { name: string }) => v.name)).toEqual(names);
  });
});
