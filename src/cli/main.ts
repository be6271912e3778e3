// The `kg` command line. Every command reads the same configuration (src/cli/config.ts),
// exits non-zero with a one-line message on bad input, and closes the store on the way out.
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { isKgError } from '../model/errors.js';
import type { GraphExport } from '../model/types.js';
import { createStore } from '../store/create-store.js';
import type { GraphStore } from '../store/graph-store.js';
import { startServer } from '../server.js';
import { configFromEnv } from './config.js';
import { runExtract } from './extract-command.js';
import { collectInputs, formatSummary, ingestInputs, readJsonFile, seedInputs } from './ingest-command.js';

const config = configFromEnv();

async function withStore<T>(fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await createStore(config.store);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Serves until SIGINT/SIGTERM, then closes the server and the store cleanly. */
async function serve(store: GraphStore): Promise<void> {
  const running = await startServer({ store, port: config.port, apiToken: config.apiToken });
  console.error(`kg: serving ${config.store.neo4jUri ? 'Neo4j' : config.store.dbPath}`);
  console.error(`kg: viewer   ${running.url}/`);
  console.error(`kg: GraphQL  ${running.url}/graphql${config.apiToken ? ' (mutations enabled)' : ''}`);
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

const program = new Command('kg')
  .description('Knowledge graph of people, places and organisations from news text')
  .showHelpAfterError()
  .configureOutput({ outputError: (s, write) => write(s) });

program
  .command('start')
  .description('ingest the seed corpus if the store is empty, then serve (what `npm start` runs)')
  .action(() =>
    withStore(async (store) => {
      if ((await store.stats()).documents === 0) {
        console.error('kg: empty store, ingesting the seed corpus');
        console.error(formatSummary(await ingestInputs(store, seedInputs())));
      }
      await serve(store);
    }),
  );

program
  .command('serve')
  .description('serve the viewer (/), the embed (/embed) and GraphQL (/graphql) on PORT (default 4000)')
  .action(() => withStore(serve));

program
  .command('seed')
  .description('ingest the bundled seed articles (seed/articles.jsonl); running it again changes nothing')
  .option('--json', 'print a machine-readable summary')
  .action((opts: { json?: boolean }) =>
    withStore(async (store) => {
      const summary = await ingestInputs(store, seedInputs(), { quiet: opts.json });
      console.log(opts.json ? JSON.stringify(summary) : formatSummary(summary));
      if (summary.failed > 0) process.exitCode = 1;
    }),
  );

program
  .command('ingest')
  .description('ingest files and folders (.txt .md .html .jsonl) or - for stdin')
  .argument('<paths...>', 'files, folders (recursive) or - for stdin')
  .option('--json', 'print a machine-readable summary')
  .action((paths: string[], opts: { json?: boolean }) =>
    withStore(async (store) => {
      const summary = await ingestInputs(store, await collectInputs(paths), { quiet: opts.json });
      console.log(opts.json ? JSON.stringify(summary) : formatSummary(summary));
      if (summary.failed > 0) process.exitCode = 1;
    }),
  );

program
  .command('extract')
  .description('JSON Lines {"id","text"} on stdin → entities and relations per line on stdout (no store)')
  .action(async () => {
    const failures = await runExtract(process.stdin, process.stdout);
    if (failures > 0) process.exitCode = 1;
  });

program
  .command('export')
  .description('write the whole graph')
  .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .action((opts: { format: string; out?: string }) =>
    withStore(async (store) => {
      const text = JSON.stringify(await store.exportGraph()) + '\n';
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    }),
  );

program
  .command('import')
  .description('load a whole-graph JSON file written by `kg export --format json`')
  .argument('<file>', 'the JSON file')
  .action((file: string) =>
    withStore(async (store) => {
      const r = await store.importGraph(readJsonFile(file) as GraphExport);
      console.log(`imported ${r.documents} new document(s), ${r.entities} new entities, ${r.relations} new relations`);
    }),
  );

program
  .command('stats')
  .description('counts of documents, entities and relations')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) =>
    withStore(async (store) => {
      const s = await store.stats();
      if (opts.json) console.log(JSON.stringify(s));
      else {
        console.log(`documents ${s.documents}  sentences ${s.sentences}  entities ${s.entities}  relations ${s.relations}  mentions ${s.mentions}  evidence ${s.evidence}`);
        console.log(`entities by type: ${Object.entries(s.entitiesByType).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`);
        console.log(`relations by type: ${Object.entries(s.relationsByType).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`);
      }
    }),
  );

export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const message = isKgError(e) ? e.message : e instanceof Error ? e.message : String(e);
    console.error(`kg: ${message}`);
    if (!isKgError(e) && process.env.KG_DEBUG) console.error(e);
    process.exitCode = isKgError(e) && e.code === 'INVALID_INPUT' ? 2 : 1;
  }
}
