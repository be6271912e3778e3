// kg export --format F [filters] and kg import FILE.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { KgError } from '../../model/errors.js';
import type { GraphExport } from '../../model/types.js';
import { checkFilter, filterGraph, type ExportFilter } from '../../export/graph-data.js';
import { EXPORT_FORMATS } from '../../export/formats.js';
import type { CliContext } from '../context.js';
import { readJsonFile } from '../read-json-file.js';

interface ExportOptions {
  format: string;
  out?: string;
  entity?: string[];
  depth?: string;
  relationTypes?: string;
  minConfidence?: string;
}

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function filterFrom(opts: ExportOptions): ExportFilter {
  const number = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === '' || Number.isNaN(n)) throw new KgError('INVALID_INPUT', `export: ${name} must be a number`);
    return n;
  };
  const filter: ExportFilter = {
    entities: opts.entity,
    depth: number(opts.depth, '--depth'),
    relationTypes: opts.relationTypes ? list(opts.relationTypes) : undefined,
    minConfidence: number(opts.minConfidence, '--min-confidence'),
  };
  checkFilter(filter);
  return filter;
}

export function registerExportImport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the graph, or part of it, in a standard format')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(EXPORT_FORMATS)).default('json'))
    .option('-o, --out <path>', 'write to a file (a folder for csv) instead of stdout')
    .option('--entity <ids>', 'only these entities (comma-separated or repeated) and their neighbours', list)
    .option('--depth <n>', 'hops around --entity (default 1)')
    .option('--relation-types <types>', 'only these relation types, comma-separated (e.g. LEADS,OWNS)')
    .option('--min-confidence <x>', 'only relations with at least this confidence (0-1)')
    .action((opts: ExportOptions) =>
      ctx.withStore(async (store) => {
        const format = EXPORT_FORMATS[opts.format]!;
        const filter = filterFrom(opts);
        if (opts.format === 'csv' && !opts.out) throw new KgError('INVALID_INPUT', 'export: --format csv writes two files; give a folder with --out DIR');
        const rendered = format.render(filterGraph(await store.exportGraph(), filter));
        for (const note of rendered.notes) console.error(`kg: ${note}`);
        if (rendered.files) {
          mkdirSync(opts.out!, { recursive: true });
          for (const [name, content] of Object.entries(rendered.files)) writeFileSync(join(opts.out!, name), content);
          console.error(`kg: wrote ${Object.keys(rendered.files).join(', ')} to ${opts.out}`);
        } else if (opts.out) writeFileSync(opts.out, rendered.text ?? '');
        else process.stdout.write(rendered.text ?? '');
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
