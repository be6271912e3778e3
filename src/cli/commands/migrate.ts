// kg migrate --to neo4j: copies the embedded store (KG_DB_PATH) into the Neo4j at NEO4J_URI, in
// batches, so a user who outgrows one machine can move up. Safe to re-run: imports merge.
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { KgError } from '../../model/errors.js';
import { copyGraph } from '../../store/copy-graph.js';
import { Neo4jStore } from '../../store/neo4j/neo4j-store.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { CliContext } from '../context.js';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('copy the embedded store (KG_DB_PATH) into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)')
    .addOption(new Option('--to <backend>', 'target backend').choices(['neo4j']).makeOptionMandatory())
    .option('--batch <n>', 'records per import transaction', '1000')
    .action(async (opts: { to: string; batch: string }) => {
      const { store } = ctx.config;
      if (!store.neo4jUri) throw new KgError('INVALID_INPUT', 'migrate: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to the Neo4j to copy into');
      if (!existsSync(store.dbPath)) throw new KgError('INVALID_INPUT', `migrate: no embedded store at ${store.dbPath} (set KG_DB_PATH)`);
      const batchSize = Number(opts.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new KgError('INVALID_INPUT', 'migrate: --batch must be a positive integer');
      const from = new SqliteStore({ path: store.dbPath, readonly: true });
      const to = new Neo4jStore({ ...store.neo4j, uri: store.neo4jUri });
      try {
        await to.init();
        const started = Date.now();
        const r = await copyGraph(from, to, {
          batchSize,
          onProgress: (p) => console.error(`kg: ${p.phase} ${p.done}/${p.total}`),
        });
        const s = await to.stats();
        console.log(
          `migrated into Neo4j in ${((Date.now() - started) / 1000).toFixed(1)}s: ${r.documents} new document(s), ${r.entities} new entities, ${r.relations} new relations ` +
            `(Neo4j now holds ${s.documents} documents, ${s.entities} entities, ${s.relations} relations)`,
        );
      } finally {
        await from.close();
        await to.close();
      }
    });
}
