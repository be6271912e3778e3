// What every command gets: configuration and a way to run with an open store that is always
// closed afterwards (even on error), so a command never leaves a half-open database.
import { createStore } from '../store/create-store.js';
import type { GraphStore } from '../store/graph-store.js';
import { configFromEnv, type KgConfig } from './config.js';

export interface CliContext {
  config: KgConfig;
  withStore<T>(fn: (store: GraphStore) => Promise<T>): Promise<T>;
}

export function createCliContext(config: KgConfig = configFromEnv()): CliContext {
  return {
    config,
    async withStore(fn) {
      const store = await createStore(config.store);
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    },
  };
}
