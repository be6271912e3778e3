// kg export --format F and kg import FILE.
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { GraphExport } from '../../model/types.js';
import { toCypherScript } from '../../export/cypher.js';
import type { CliContext } from '../context.js';
import { readJsonFile } from '../ingest-command.js';

/** json: the exchange format; cypher: a cypher-shell script that loads the graph into Neo4j. */
function renderExport(format: string, graph: GraphExport): string {
  return format === 'cypher' ? toCypherScript(graph) : JSON.stringify(graph) + '\n';
}

export function registerExportImport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the whole graph')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'cypher']).default('json'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((opts: { format: string; out?: string }) =>
      ctx.withStore(async (store) => {
        const text = renderExport(opts.format, await store.exportGraph());
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      }),
    );

  program
    .command('import')
    .description('load a whole-graph JSON file written by `kg export --format json`')
    .argument('<file>', 'the JSON file')
    .action((file: string) =>
      ctx.withStore(async (store) => {
        const r = await store.importGraph(readJsonFile(file) as GraphExport);
        console.log(`imported ${r.documents} new document(s), ${r.entities} new entities, ${r.relations} new relations`);
      }),
    );
}
