// Shared helpers for the in-process GraphQL tests: a store built from hand-made fixtures (so
// tests do not depend on extraction quality) and a tiny client over api.fetch.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, type KgApi } from '../../src/api/create-api.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { LinkedDocument } from '../../src/model/types.js';
import { docA, docB } from '../helpers/fixtures.js';

export const TOKEN = 'test-token-123';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export interface GqlResult {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] };
}

export async function createFixtureApi(docs: LinkedDocument[] = [docA(), docB()]): Promise<{ store: SqliteStore; api: KgApi }> {
  const store = new SqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'kg-api-')), 'kg.sqlite') });
  await store.init();
  for (const d of docs) await store.addDocument(d);
  return { store, api: createApi(store, { apiToken: TOKEN }) };
}

export function client(api: KgApi) {
  return async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult> => {
    const res = await api.fetch('http://kg.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResult['body'] };
  };
}

export const codeOf = (r: GqlResult): string | undefined => r.body.errors?.[0]?.extensions?.code;
