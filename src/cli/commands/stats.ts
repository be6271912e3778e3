// kg stats [--json].
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerStats(program: Command, ctx: CliContext): void {
  program
    .command('stats')
    .description('counts of documents, entities and relations')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      ctx.withStore(async (store) => {
        const s = await store.stats();
        if (opts.json) {
          console.log(JSON.stringify(s));
          return;
        }
        const list = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ') || '-';
        console.log(`documents ${s.documents}  sentences ${s.sentences}  entities ${s.entities}  relations ${s.relations}  mentions ${s.mentions}  evidence ${s.evidence}`);
        console.log(`entities by type: ${list(s.entitiesByType)}`);
        console.log(`relations by type: ${list(s.relationsByType)}`);
      }),
    );
}
