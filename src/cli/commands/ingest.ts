// kg ingest PATH... and kg seed.
import type { Command } from 'commander';
import { KgError } from '../../model/errors.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { CliContext } from '../context.js';
import type { IngestSummary } from '../ingest-command.js';

// Loaded on use: extraction (compromise, gazetteers) costs start-up time that --help and other commands should not pay.
const pipeline = () => import('../ingest-command.js');

const report = async (summary: IngestSummary, json: boolean | undefined) => {
  const { formatSummary } = await pipeline();
  console.log(json ? JSON.stringify(summary) : formatSummary(summary));
  if (summary.failed > 0) process.exitCode = 1;
};

/** PATHs go through extraction; --extracted FILE skips it (the fan-out path, docs/scaling.md). */
async function ingestPathsOrExtracted(store: GraphStore, paths: string[], opts: { json?: boolean; extracted?: string; workers?: number }): Promise<IngestSummary> {
  if (opts.extracted === undefined) {
    const { collectInputs, ingestInputs } = await pipeline();
    return ingestInputs(store, await collectInputs(paths), { quiet: opts.json, workers: opts.workers });
  }
  if (paths.length > 0) throw new KgError('INVALID_INPUT', 'ingest: give either PATHs or --extracted FILE, not both');
  const { ingestExtracted } = await import('../extracted-graphs.js');
  return ingestExtracted(store, opts.extracted);
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .description('ingest the bundled seed articles (seed/articles.jsonl); running it again changes nothing')
    .option('--json', 'print a machine-readable summary')
    .action((opts: { json?: boolean }) =>
      ctx.withStore(async (store) => {
        const { ingestInputs, seedInputs } = await pipeline();
        await report(await ingestInputs(store, seedInputs(), { quiet: opts.json }), opts.json);
      }),
    );

  program
    .command('ingest')
    .description('ingest files and folders (.txt .md .html .jsonl, RSS/Atom feeds) or - for stdin')
    .argument('[paths...]', 'files, folders (recursive) or - for stdin')
    .option('--json', 'print a machine-readable summary')
    .option('--extracted <file>', 'load DocumentGraphs written by `kg extract --graph` (a file or - for stdin) without extracting again')
    .option('--workers <n>', 'extraction threads (default: min(2, cores))', (v) => Math.max(1, Math.min(16, Number.parseInt(v, 10) || 1)))
    .action((paths: string[], opts: { json?: boolean; extracted?: string; workers?: number }, command: Command) => {
      if (paths.length === 0 && opts.extracted === undefined) command.error("error: missing required argument 'paths' (or give --extracted FILE)");
      return ctx.withStore(async (store) => report(await ingestPathsOrExtracted(store, paths, opts), opts.json));
    });
}
