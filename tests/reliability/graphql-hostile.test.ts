// Hostile GraphQL, in-process (api.fetch) and over a real loopback server: query bombs, huge
// pages, giant strings and injection-shaped search text are refused with a code or read as plain
// text; writes need the token; bodies are capped; a slow operation is cut off with TIMEOUT; no
// response ever carries a stack trace or SQL; and the server is still healthy afterwards.
import { request as httpRequest } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type KgApi } from '../../src/api/create-api.js';
import { startServer, type RunningServer } from '../../src/server.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createSeededStore } from '../helpers/seeded-store.js';

const TOKEN = 'reliability-token-0123456789';
const URL_ = 'http://kg.test/graphql';
let store: SqliteStore;
let api: KgApi;
const responses: string[] = [];

interface Body {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(target: KgApi, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const res = await target.fetch(URL_, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  responses.push(text);
  return { status: res.status, body: JSON.parse(text) as Body };
}
const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => post(api, query, variables, headers);
const codeOf = (r: { body: Body }) => r.body.errors?.[0]?.extensions?.code;
const counts = async () => {
  const s = await store.stats();
  return [s.documents, s.entities, s.relations, s.evidence];
};

let vardanyan: string;

beforeAll(async () => {
  ({ store } = await createSeededStore());
  api = createApi(store, { apiToken: TOKEN });
  vardanyan = (await gql('{ search(query: "Vardanyan", first: 1) { entity { id } } }')).body.data!.search[0].entity.id;
}, 120_000);
afterAll(async () => {
  // Whatever went wrong above, nothing internal leaked into any response.
  for (const text of responses) expect(text).not.toMatch(/\bat [^\n]*:\d+:\d+|node_modules|SqliteError|SELECT |INSERT |MATCH \(/);
  await store.close();
});

describe('query bombs', () => {
  it('a depth bomb is refused with LIMIT_EXCEEDED', async () => {
    const n = 40;
    const q = `{ entity(id: "${vardanyan}") { ${'relations { nodes { source { '.repeat(n)} id ${'} } }'.repeat(n)} } }`;
    expect(codeOf(await gql(q))).toBe('LIMIT_EXCEEDED');
  });

  it('an alias bomb is refused', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: search(query: "Moscow", first: 500) { entity { name } }`).join(' ')} }`;
    const r = await gql(q);
    expect(r.body.data ?? null).toBeNull();
    expect(codeOf(r)).toBe('LIMIT_EXCEEDED');
  });

  it('a field-duplication bomb is refused', async () => {
    const r = await gql(`{ stats { ${'documents '.repeat(5000)} } }`);
    expect(r.body.data ?? null).toBeNull();
    expect(codeOf(r)).toBe('LIMIT_EXCEEDED');
  });

  it('a directive bomb is refused', async () => {
    const r = await gql(`{ stats ${'@include(if: true) '.repeat(200)} { documents } }`);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors?.length).toBeGreaterThan(0);
  });

  it('cyclic fragments are refused by validation, without recursion', async () => {
    const r = await gql('query { entity(id: "x") { ...A } } fragment A on Entity { relations { nodes { source { ...B } } } } fragment B on Entity { relations { nodes { target { ...A } } } }');
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors?.length).toBeGreaterThan(0);
  });

  it('a batch of operations in one body is not executed', async () => {
    const res = await api.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 500 }, () => ({ query: '{ stats { documents } }' }))),
    });
    const text = await res.text();
    responses.push(text);
    expect(text).not.toContain('"documents"');
  });
});

describe('huge pages and giant arguments', () => {
  it('huge first, limit, depth and maxHops are refused, never served', async () => {
    const cases = [
      '{ search(query: "Moscow", first: 1000000) { score } }',
      '{ documents(first: 2147483647) { totalCount } }',
      `{ entity(id: "${vardanyan}") { relations(first: 100000) { totalCount } } }`,
      `{ neighbourhood(id: "${vardanyan}", depth: 1000) { nodes { id } } }`,
      `{ neighbourhood(id: "${vardanyan}", limit: 100000000) { nodes { id } } }`,
      `{ paths(from: "${vardanyan}", to: "${vardanyan}", maxHops: 100) { length } }`,
      `{ subgraph(ids: [${Array.from({ length: 5000 }, (_, i) => `"p-${i}"`).join(',')}]) { nodes { id } } }`,
    ];
    for (const q of cases) {
      const r = await gql(q);
      expect(r.body.data ?? null, q.slice(0, 60)).toBeNull();
      expect(codeOf(r), q.slice(0, 60)).toBe('LIMIT_EXCEEDED');
    }
  });

  it('negative and out-of-range integers are refused with a code', async () => {
    for (const q of ['{ search(query: "Moscow", first: -1) { score } }', '{ documents(first: 99999999999) { totalCount } }', '{ documents(first: 1.5) { totalCount } }']) {
      const r = await gql(q);
      expect(r.body.errors?.length, q).toBeGreaterThan(0);
      expect(codeOf(r), q).toMatch(/INVALID_INPUT|LIMIT_EXCEEDED|GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    }
  });

  it('a giant search string is refused with LIMIT_EXCEEDED; a giant id simply matches nothing', async () => {
    const giant = 'Vardanyan '.repeat(90_000);
    expect(codeOf(await gql('query($q: String!) { search(query: $q) { score } }', { q: giant }))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(await gql(`{ search(query: "${giant}") { score } }`))).toBe('LIMIT_EXCEEDED');
    const r = await gql('query($id: ID!) { entity(id: $id) { id } relation(id: $id) { id } document(id: $id) { id } }', { id: 'x'.repeat(900_000) });
    expect(r.body).toEqual({ data: { entity: null, relation: null, document: null } });
  });
});

describe('injection-shaped text is plain text', () => {
  const HOSTILE = [
    '" OR 1=1 --',
    "' OR '1'='1",
    '*',
    'NEAR(',
    'NEAR(Vardanyan Putin, 2)',
    "'})-[r]-() DETACH DELETE r//",
    'MATCH (n) DETACH DELETE n',
    '"; DROP TABLE entities; --',
    'entity_fts MATCH "a"',
    'alias:Vardanyan',
    'Vardanyan*',
    '^Vardanyan',
    'Var AND dan OR NOT yan',
    '"unterminated',
    '\\',
    '%_%',
    '\u0000Vardanyan',
    '(((((((',
    '$where: 1',
  ];

  it.each(HOSTILE)('search(%j) answers without error and changes nothing', async (q) => {
    const before = await counts();
    const r = await gql('query($q: String!) { search(query: $q, first: 50) { score matched entity { id } } }', { q });
    expect(r.body.errors).toBeUndefined();
    expect(Array.isArray(r.body.data!.search)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('operators are matched as words: "Vardanyan*" and "NEAR(Vardanyan" still find him', async () => {
    for (const q of ['Vardanyan*', 'NEAR(Vardanyan', '"Vardanyan"', "Vardanyan' OR 1=1 --"]) {
      const r = await gql('query($q: String!) { search(query: $q, first: 5) { entity { id } } }', { q });
      expect(r.body.data!.search.map((h: { entity: { id: string } }) => h.entity.id), q).toContain(vardanyan);
    }
  });

  it.each(HOSTILE)('ids like %j read as unknown ids', async (id) => {
    const r = await gql('query($id: ID!) { entity(id: $id) { id } relation(id: $id) { id } document(id: $id) { id } neighbourhood(id: $id) { nodes { id } } }', { id });
    expect(r.body).toEqual({ data: { entity: null, relation: null, document: null, neighbourhood: { nodes: [] } } });
  });
});

describe('writes need the token', () => {
  const M = 'mutation($t: String!) { ingestDocument(input: { text: $t, title: "x" }) { status } }';
  const TEXT = 'Angela Merkel met Emmanuel Macron in Berlin on Tuesday.';

  it('no token, a wrong token, a token in the wrong place: UNAUTHORIZED and nothing written', async () => {
    const before = await counts();
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }, { 'x-api-token': TOKEN }, { authorization: 'Bearer ' }] as Record<string, string>[]) {
      const r = await gql(M, { t: TEXT }, headers);
      expect(codeOf(r), JSON.stringify(headers)).toBe('UNAUTHORIZED');
    }
    const inQuery = await api.fetch(`${URL_}?token=${TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: M, variables: { t: TEXT } }) });
    expect(((await inQuery.json()) as Body).errors![0]!.extensions!.code).toBe('UNAUTHORIZED');
    expect(await counts()).toEqual(before);
  });

  it('a mutation over GET is refused even with the token', async () => {
    const before = await counts();
    const res = await api.fetch(`${URL_}?query=${encodeURIComponent(M)}&variables=${encodeURIComponent(JSON.stringify({ t: TEXT }))}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await counts()).toEqual(before);
  });

  it('a server without a token refuses every mutation with FORBIDDEN', async () => {
    const readOnly = createApi(store, { apiToken: null });
    for (const headers of [{}, { authorization: 'Bearer ' }, { authorization: 'Bearer null' }] as Record<string, string>[]) {
      expect(codeOf(await post(readOnly, M, { t: TEXT }, headers))).toBe('FORBIDDEN');
    }
  });
});

describe('execution timeout', () => {
  const q = '{ search(query: "Vardanyan", first: 3) { entity { name relations(first: 5) { nodes { evidence(first: 2) { document { title } } } } } } }';
  /** The real store behind a slow link (each call 100 ms later), as a remote backend under load. */
  const slow = (inner: GraphStore): GraphStore =>
    new Proxy(inner, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, 100));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });

  it('an operation running past the limit is stopped with code TIMEOUT', async () => {
    // Four store calls in a row (search → relations → evidence → document): 400 ms at least.
    const limited = createApi(slow(store), { apiToken: TOKEN, executionTimeoutMs: 150 });
    const r = await post(limited, q);
    expect(codeOf(r)).toBe('TIMEOUT');
    expect(r.body.data ?? null).toBeNull();
  });

  it('the same operation completes within a normal limit', async () => {
    const r = await post(createApi(slow(store), { apiToken: TOKEN, executionTimeoutMs: 60_000 }), q);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.search.length).toBeGreaterThan(0);
  });
});

describe('memory', () => {
  it('stays flat over thousands of requests (no per-request leak, e.g. from abort signals)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const body = JSON.stringify({ query: 'query($q: String!) { search(query: $q, first: 5) { score } stats { documents } }', variables: { q: 'Moscow' } });
    const burst = async (n: number) => {
      for (let i = 0; i < n; i++) await (await api.fetch(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
      gc();
      await new Promise((r) => setTimeout(r, 20));
      gc();
      return process.memoryUsage().heapUsed;
    };
    const warm = await burst(1000);
    const after = await burst(4000);
    // The abort-signal leak this guards against grew the heap by ~11 MB per 4000 requests.
    expect((after - warm) / 1e6).toBeLessThan(4);
  }, 120_000);
});

describe('over a real loopback server', () => {
  let server: RunningServer;
  let port: number;

  beforeAll(async () => {
    server = await startServer({ store, port: 0, host: '127.0.0.1', apiToken: TOKEN });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Raw HTTP, so the test controls headers and chunking exactly. */
  function raw(method: string, path: string, headers: Record<string, string>, body?: Buffer | Buffer[]): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      // The server may answer (413) and close before the whole body is sent.
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve({ status: -1, text: '' }) : reject(e)));
      for (const part of [body ?? []].flat()) req.write(part);
      req.end();
    });
  }

  it('a 5 MB body is refused with 413, declared or chunked, and nothing is written', async () => {
    const before = await counts();
    const body = Buffer.from(JSON.stringify({ query: 'mutation($t: String!) { ingestDocument(input: { text: $t }) { status } }', variables: { t: 'Moscow. '.repeat(650_000) } }));
    const declared = await raw('POST', '/graphql', { 'content-type': 'application/json', 'content-length': String(body.length), authorization: `Bearer ${TOKEN}` }, body);
    expect([413, -1]).toContain(declared.status);
    const chunks = Array.from({ length: Math.ceil(body.length / 65536) }, (_, i) => body.subarray(i * 65536, (i + 1) * 65536));
    const chunked = await raw('POST', '/graphql', { 'content-type': 'application/json', 'transfer-encoding': 'chunked', authorization: `Bearer ${TOKEN}` }, chunks);
    expect([413, -1]).toContain(chunked.status);
    expect(await counts()).toEqual(before);
  });

  it('malformed requests get a 4xx with a JSON error, never a crash', async () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['{"query": ', { 'content-type': 'application/json' }, 'truncated JSON'],
      ['{"query": 42}', { 'content-type': 'application/json' }, 'query not a string'],
      ['', { 'content-type': 'application/json' }, 'empty body'],
      ['{"query": "{ stats { documents } }", "variables": "nope"}', { 'content-type': 'application/json' }, 'variables not an object'],
      ['\u0000\u0001\u0002', { 'content-type': 'application/octet-stream' }, 'binary'],
      ['{ stats { documents } }', { 'content-type': 'text/plain' }, 'not JSON'],
    ];
    for (const [body, headers, what] of cases) {
      const r = await raw('POST', '/graphql', headers, Buffer.from(body));
      responses.push(r.text);
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      expect(r.status, what).toBeLessThan(500);
    }
  });

  it('oversized headers and path tricks are refused', async () => {
    const big = await raw('GET', '/graphql?query=%7Bstats%7Bdocuments%7D%7D', { 'x-pad': 'a'.repeat(100_000) });
    expect([431, 400, -1]).toContain(big.status);
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '/embed/../../package.json', '/index.html%00.js']) {
      const r = await raw('GET', path, {});
      expect(r.text, path).not.toMatch(/root:|"dependencies"/);
    }
  });

  it('is still healthy and answering afterwards', async () => {
    const health = await raw('GET', '/healthz', {});
    expect(health.status).toBe(200);
    const r = await raw('POST', '/graphql', { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ query: '{ stats { documents } }' })));
    expect(JSON.parse(r.text)).toEqual({ data: { stats: { documents: 6 } } });
  });
});
