// npm run bench: builds the synthetic corpus and graphs (seeded), measures each figure beside its
// baseline, prints a table and, with --json [FILE], writes one JSON object. See bench/README.md.
import { writeFileSync } from 'node:fs';
import { ensureBuilt } from './lib/dist.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback;
};
const quick = flag('quick');
const only = value('only', null)?.split(',') ?? null;
const seed = Number(value('seed', '20261129'));
const wants = (section) => only === null || only.includes(section);
const log = (line) => process.stderr.write(`${line}\n`);

ensureBuilt();
const result = { meta: { quick, seed, node: process.version, cpus: (await import('node:os')).cpus().length, startedAt: new Date().toISOString() } };

if (wants('queries')) {
  const { runQueries } = await import('./sections/queries.mjs');
  const levels = quick ? [10_000] : flag('no-1m') ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  log(`queries at ${levels.join(', ')} relations`);
  const q = await runQueries({ levels, count: quick ? 200 : 1000, baselineCount: quick ? 30 : 200, seed, log });
  result.queries = q.queries;
  result.build = q.build;
}

const jsonPath = flag('json') ? value('json', 'bench-results.json') : null;
if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
