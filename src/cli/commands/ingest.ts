// kg ingest PATH... and kg seed.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { collectInputs, formatSummary, ingestInputs, seedInputs, type IngestSummary } from '../ingest-command.js';

const report = (summary: IngestSummary, json: boolean | undefined) => {
  console.log(json ? JSON.stringify(summary) : formatSummary(summary));
  if (summary.failed > 0) process.exitCode = 1;
};

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .description('ingest the bundled seed articles (seed/articles.jsonl); running it again changes nothing')
    .option('--json', 'print a machine-readable summary')
    .action((opts: { json?: boolean }) =>
      ctx.withStore(async (store) => report(await ingestInputs(store, seedInputs(), { quiet: opts.json }), opts.json)),
    );

  program
    .command('ingest')
    .description('ingest files and folders (.txt .md .html .jsonl, RSS/Atom feeds) or - for stdin')
    .argument('<paths...>', 'files, folders (recursive) or - for stdin')
    .option('--json', 'print a machine-readable summary')
    .option('--workers <n>', 'extraction threads (default: min(2, cores))', (v) => Math.max(1, Math.min(16, Number.parseInt(v, 10) || 1)))
    .action((paths: string[], opts: { json?: boolean; workers?: number }) =>
      ctx.withStore(async (store) => report(await ingestInputs(store, await collectInputs(paths), { quiet: opts.json, workers: opts.workers }), opts.json)),
    );
}
