// kg serve and kg start (seed an empty store, then serve: what `npm start` runs).
import type { Command } from 'commander';
import type { GraphStore } from '../../store/graph-store.js';
import type { CliContext } from '../context.js';

/** Serves until SIGINT/SIGTERM, then closes the server (the caller closes the store). */
async function serve(ctx: CliContext, store: GraphStore): Promise<void> {
  const { config } = ctx;
  const { startServer } = await import('../../server.js');
  const running = await startServer({ store, port: config.port, apiToken: config.apiToken });
  console.error(`kg: serving ${config.store.neo4jUri ? `Neo4j at ${config.store.neo4jUri}` : config.store.dbPath}`);
  console.error(`kg: viewer   ${running.url}/`);
  console.error(`kg: GraphQL  ${running.url}/graphql${config.apiToken ? ' (mutations enabled)' : ' (read-only: set KG_API_TOKEN to enable mutations)'}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      console.error('kg: stopping');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('ingest the seed corpus if the store is empty, then serve (what `npm start` runs)')
    .action(() =>
      ctx.withStore(async (store) => {
        if ((await store.stats()).documents === 0) {
          console.error('kg: empty store, ingesting the seed corpus');
          const { formatSummary, ingestInputs, seedInputs } = await import('../ingest-command.js');
          console.error(formatSummary(await ingestInputs(store, seedInputs())));
        }
        await serve(ctx, store);
      }),
    );

  program
    .command('serve')
    .description('serve the viewer (/), the embed (/embed) and GraphQL (/graphql) on PORT (default 4000)')
    .action(() => ctx.withStore((store) => serve(ctx, store)));
}
