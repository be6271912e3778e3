// Chooses the backend from configuration: Neo4j when NEO4J_URI is set, else the embedded store.
import { resolve } from 'node:path';
import type { GraphStore } from './graph-store.js';
import { Neo4jStore, type Neo4jStoreOptions } from './neo4j/neo4j-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  dbPath: string;
  neo4jUri: string | null;
  /** NEO4J_USER (default neo4j), NEO4J_PASSWORD, NEO4J_DATABASE (default: the server's). */
  neo4j?: Omit<Neo4jStoreOptions, 'uri'>;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const timeout = Number(env.NEO4J_CONNECTION_TIMEOUT_MS);
  return {
    dbPath: resolve(env.KG_DB_PATH || './data/kg.sqlite'),
    neo4jUri: env.NEO4J_URI || null,
    neo4j: {
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      connectionTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
    },
  };
}

/** Opens and initialises the configured store; a store that fails to start is closed again. */
export async function createStore(config: StoreConfig = storeConfigFromEnv()): Promise<GraphStore> {
  const store: GraphStore = config.neo4jUri ? new Neo4jStore({ ...config.neo4j, uri: config.neo4jUri }) : new SqliteStore({ path: config.dbPath });
  try {
    await store.init();
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
  return store;
}
