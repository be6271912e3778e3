// Chooses the backend from configuration: Neo4j when NEO4J_URI is set, else the embedded store.
import { resolve } from 'node:path';
import { KgError } from '../model/errors.js';
import type { GraphStore } from './graph-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  dbPath: string;
  neo4jUri: string | null;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return { dbPath: resolve(env.KG_DB_PATH || './data/kg.sqlite'), neo4jUri: env.NEO4J_URI || null };
}

/** Opens and initialises the configured store. */
export async function createStore(config: StoreConfig = storeConfigFromEnv()): Promise<GraphStore> {
  if (config.neo4jUri) {
    throw new KgError('BACKEND_UNAVAILABLE', 'store.create: the Neo4j backend is not available in this build; unset NEO4J_URI to use the embedded store');
  }
  const store = new SqliteStore({ path: config.dbPath });
  await store.init();
  return store;
}
