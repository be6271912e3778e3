// The `kg` command line: one file per command under commands/, registered here. Every command
// exits non-zero with a one-line message on bad input and closes the store on the way out.
import { Command } from 'commander';
import { isKgError } from '../model/errors.js';
import { registerExportImport } from './commands/export-import.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerMigrate } from './commands/migrate.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { createCliContext } from './context.js';

export function createProgram(): Command {
  const ctx = createCliContext();
  const program = new Command('kg')
    .description('Knowledge graph of people, places and organisations from news text')
    .showHelpAfterError();
  registerServe(program, ctx);
  registerIngest(program, ctx);
  registerExtract(program);
  registerExportImport(program, ctx);
  registerStats(program, ctx);
  registerMigrate(program, ctx);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await createProgram().parseAsync(argv);
  } catch (e) {
    const message = isKgError(e) ? e.message : e instanceof Error ? e.message : String(e);
    console.error(`kg: ${message}`);
    if (!isKgError(e) && process.env.KG_DEBUG) console.error(e);
    process.exitCode = isKgError(e) && e.code === 'INVALID_INPUT' ? 2 : 1;
  }
}
