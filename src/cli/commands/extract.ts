// kg extract: stdin JSON Lines → stdout JSON Lines, no store involved.
import type { Command } from 'commander';
import { runExtract } from '../extract-command.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('JSON Lines {"id","text"} on stdin → entities and relations per line on stdout (no store)')
    .action(async () => {
      const failures = await runExtract(process.stdin, process.stdout);
      if (failures > 0) process.exitCode = 1;
    });
}
