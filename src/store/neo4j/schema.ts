// Start-up: connect, check the server version (Neo4j 5.x or a calendar release from 2025 on),
// then create constraints and indexes idempotently and wait for them to come online.
import { KgError } from '../../model/errors.js';
import { awaitIndexes, schemaStatements, serverComponents } from './cypher.js';
import type { Neo4jExecutor } from './executor.js';

export interface ServerVersion {
  version: string;
  edition: string;
}

/**
 * True for versions this backend's Cypher is written for: 5.x, and the calendar-versioned
 * releases that continued the 5 line (2025.01 onwards; they still run Cypher 5).
 */
export function isSupportedVersion(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const major = Number(m[1]);
  return major === 5 || major >= 2025;
}

export function checkServerVersion(version: string): void {
  if (!isSupportedVersion(version)) {
    throw new KgError('BACKEND_UNAVAILABLE', `neo4j.init: Neo4j ${version} is not supported; use Neo4j 5.x or 2025.x or later`);
  }
}

export async function readServerVersion(executor: Neo4jExecutor): Promise<ServerVersion> {
  await executor.serverAgent('neo4j.init');
  const records = await executor.readRecords('neo4j.init', serverComponents());
  const kernel = records.find((r) => r.get('name') === 'Neo4j Kernel') ?? records[0];
  if (!kernel) throw new KgError('BACKEND_UNAVAILABLE', 'neo4j.init: the server did not report its version');
  const versions = kernel.get('versions') as string[];
  return { version: versions[0] ?? 'unknown', edition: String(kernel.get('edition')) };
}

/** Version check, then constraints and indexes; safe to run on every start. */
export async function ensureSchema(executor: Neo4jExecutor, indexWaitSeconds = 60): Promise<ServerVersion> {
  const server = await readServerVersion(executor);
  checkServerVersion(server.version);
  // Schema commands cannot share a transaction with other statements: one each.
  for (const s of schemaStatements()) await executor.write('neo4j.init', (run) => run(s));
  // A write session: in a cluster it reaches the member that just created the indexes.
  await executor.write('neo4j.init', (run) => run(awaitIndexes(indexWaitSeconds)));
  return server;
}
