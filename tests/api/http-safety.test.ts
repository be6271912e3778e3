// HTTP-level safety of /graphql: GET reads with cache headers, CORS open for reads and closed
// for mutations, body size cap, depth/cost limits, masked errors, a fully documented schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type KgApi } from '../../src/api/create-api.js';
import { MAX_BODY_BYTES } from '../../src/api/http-policy.js';
import { entityId, relationId } from '../../src/model/names.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { AUTH, client, codeOf, createFixtureApi, TOKEN } from './client.js';

let store: SqliteStore;
let api: KgApi;
let gql: ReturnType<typeof client>;
const URL_ = 'http://kg.test/graphql';
const vardanyan = entityId('Person', 'Ruben Vardanyan');

beforeAll(async () => {
  ({ store, api } = await createFixtureApi());
  gql = client(api);
});
afterAll(async () => {
  await store.close();
});

const get = (query: string, headers: Record<string, string> = {}) =>
  api.fetch(`${URL_}?query=${encodeURIComponent(query)}`, { method: 'GET', headers: { accept: 'application/json', ...headers } });

describe('GET reads and cache headers', () => {
  it('a successful GET read is cacheable for 60 s and open to any origin', async () => {
    const res = await get(`{ entity(id: "${vardanyan}") { name } }`, { origin: 'https://newsroom.example' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { entity: { name: 'Ruben Vardanyan' } } });
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/newsroom\.example)$/);
  });

  it('a GET with errors, and every POST, is no-store', async () => {
    const bad = await get('{ entities(first: 9999) { totalCount } }');
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const post = await gql('{ stats { documents } }');
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
  });

  it('mutations cannot be sent with GET', async () => {
    const res = await get('mutation { deleteDocument(id: "d-x") { documentId } }', AUTH);
    expect(res.status).toBe(405);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('CORS and origins', () => {
  it('preflight allows only content-type, so browsers cannot send the token cross-origin', async () => {
    const res = await api.fetch(URL_, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowed).toContain('content-type');
    expect(allowed).not.toContain('authorization');
  });

  it('a cross-origin mutation is refused even with the right token; same-origin and non-browser ones work', async () => {
    const m = `mutation { addAlias(id: "${vardanyan}", alias: "R. Vardanyan") { aliases } }`;
    expect(codeOf(await gql(m, {}, { ...AUTH, origin: 'https://evil.example' }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(m, {}, { ...AUTH, 'sec-fetch-site': 'cross-site' }))).toBe('FORBIDDEN');
    expect((await store.getEntity(vardanyan))!.aliases).not.toContain('R. Vardanyan');
    const same = await gql(m, {}, { ...AUTH, origin: 'http://kg.test' });
    expect(same.body.errors).toBeUndefined();
    const cli = await gql(m, {}, AUTH);
    expect(cli.body.data!.addAlias.aliases).toContain('R. Vardanyan');
  });

  it('cross-origin reads over POST work', async () => {
    const r = await gql('{ stats { documents } }', {}, { origin: 'https://newsroom.example' });
    expect(r.body.data!.stats.documents).toBe(2);
  });
});

describe('limits', () => {
  it('bodies over 1 MB are refused with 413, declared or streamed', async () => {
    const huge = JSON.stringify({ query: 'mutation($t: String!) { ingestDocument(input: { text: $t }) { status } }', variables: { t: 'a '.repeat(MAX_BODY_BYTES) } });
    const declared = await api.fetch(URL_, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(huge.length), ...AUTH }, body: huge });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('LIMIT_EXCEEDED');
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 65536) controller.enqueue(bytes.slice(at, at + 65536));
        controller.close();
      },
    });
    const streamed = await api.fetch(URL_, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await store.stats()).documents).toBe(2);
    // A small streamed request still works.
    const small = new TextEncoder().encode(JSON.stringify({ query: '{ stats { documents } }' }));
    const ok = await api.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(small), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(await ok.json()).toEqual({ data: { stats: { documents: 2 } } });
  });

  it('depth over 12 and over-cost queries are refused with LIMIT_EXCEEDED', async () => {
    const nest = (n: number) => `{ entity(id: "${vardanyan}") { ${'relations { nodes { source { '.repeat(n)} id ${'} } }'.repeat(n)} } }`;
    expect((await gql(nest(2))).body.errors).toBeUndefined(); // depth 8
    expect(codeOf(await gql(nest(4)))).toBe('LIMIT_EXCEEDED'); // depth 14
    const wide = `{ entities(first: 500) { nodes { relations(first: 500) { nodes { evidence(first: 500) { sentence document { title } } } } } } }`;
    expect(codeOf(await gql(wide))).toBe('LIMIT_EXCEEDED');
  });

  it('the result-size budget also sees page sizes passed as variables and schema defaults', async () => {
    const q = `query($n: Int) { entities(first: $n) { nodes { relations(first: $n) { nodes { evidence(first: $n) { sentence } } } } } }`;
    const refused = await gql(q, { n: 500 });
    expect(codeOf(refused)).toBe('LIMIT_EXCEEDED');
    expect(refused.body.data ?? null).toBeNull();
    expect((await gql(q, { n: 5 })).body.errors).toBeUndefined();
    // Defaults count too: subgraph's limit 200 × relations 50 × evidence 10 of every node.
    const defaults = '{ subgraph(ids: ["x"]) { nodes { relations { nodes { evidence { sentence document { title } } } } } } }';
    expect(codeOf(await gql(defaults))).toBe('LIMIT_EXCEEDED');
    const viewer = 'query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 150) { truncated cytoscape nodes { id name } relations { id type } } }';
    expect((await gql(viewer, { id: vardanyan })).body.errors).toBeUndefined();
  });

  it('first above 500 is refused, never truncated, on every paged field', async () => {
    const cases = [
      '{ search(query: "a", first: 501) { score } }',
      '{ documents(first: 501) { totalCount } }',
      `{ entity(id: "${vardanyan}") { relations(first: 501) { totalCount } } }`,
      `{ entity(id: "${vardanyan}") { documents(first: 501) { totalCount } } }`,
      `{ relation(id: "${relationId(vardanyan, 'FOUNDED', entityId('Organization', 'Troika Dialog'))}") { evidence(first: 501) { sentence } } }`,
    ];
    for (const q of cases) expect(codeOf(await gql(q)), q).toBe('LIMIT_EXCEEDED');
  });
});

describe('errors are masked', () => {
  it('an unexpected backend failure becomes "Unexpected error." with code INTERNAL and no internals', async () => {
    const broken = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'getEntity') return async () => { throw new Error('SqliteError: no such column: secret_col in SELECT * FROM entities'); };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as GraphStore;
    const res = await createApi(broken, { apiToken: TOKEN }).fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "x") { id } }' }),
    });
    const text = await res.text();
    expect(text).not.toMatch(/secret_col|SELECT|Sqlite|at .*\.ts:\d+/);
    const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL' } });
  });

  it('no field suggestions leak the schema', async () => {
    const r = await gql('{ entty(id: "x") { id } }');
    expect(JSON.stringify(r.body)).not.toMatch(/Did you mean/);
  });
});

describe('the schema is documented', () => {
  it('every type, field, input field and enum value has a description', async () => {
    const r = await gql(`{ __schema { types { name kind description
      fields { name description } inputFields { name description } enumValues { name description } } } }`);
    const missing: string[] = [];
    for (const t of r.body.data!.__schema.types as { name: string; kind: string; description: string | null; fields: { name: string; description: string | null }[] | null; inputFields: { name: string; description: string | null }[] | null; enumValues: { name: string; description: string | null }[] | null }[]) {
      if (t.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name)) continue;
      if (!t.description) missing.push(t.name);
      for (const f of [...(t.fields ?? []), ...(t.inputFields ?? []), ...(t.enumValues ?? [])]) if (!f.description) missing.push(`${t.name}.${f.name}`);
    }
    expect(missing).toEqual([]);
  });
});
