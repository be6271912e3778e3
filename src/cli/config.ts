// Configuration every command shares, from the environment (DESIGN.md, "Command line").
import { storeConfigFromEnv, type StoreConfig } from '../store/create-store.js';

export interface KgConfig {
  store: StoreConfig;
  port: number;
  apiToken: string | null;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): KgConfig {
  const port = Number(env.PORT ?? 4000);
  return {
    store: storeConfigFromEnv(env),
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 4000,
    apiToken: env.KG_API_TOKEN && env.KG_API_TOKEN.length > 0 ? env.KG_API_TOKEN : null,
  };
}
