// npm run bench: builds a synthetic corpus and graphs (seeded), measures each figure beside its
// baseline, prints a table and, with --json [FILE], writes one JSON object. See bench/README.md.
//   --quick        CI mode: 10k relations only, fewer samples, short HTTP runs (asserts completion)
//   --with-1m      add the 1M-relation level (store built once, cached in data/bench/)
//   --only a,b     sections: extraction, ingest, queries, graphql, viewer
//   --seed N       another deterministic world
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { ensureBuilt, load } from './lib/dist.mjs';
import { round } from './lib/measure.mjs';
import { degreeWeightedSampler, generateEntities, generateGraph } from './lib/synthetic.mjs';

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
const started = Date.now();

ensureBuilt();
const { ontology } = await load('src/model/ontology.js');
const { entityId } = await load('src/model/names.js');
const result = { meta: { quick, seed, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, startedAt: new Date().toISOString() } };
const levels = quick ? [10_000] : flag('with-1m') ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];

if (wants('extraction')) {
  log('extraction');
  const { runExtraction } = await import('./sections/extraction.mjs');
  result.extraction = await runExtraction({ count: quick ? 20 : 300, seed, log });
}

let bulk = null;
if (wants('queries') || wants('ingest') || wants('graphql')) {
  log(`queries at ${levels.join(', ')} relations`);
  const { runQueries } = await import('./sections/queries.mjs');
  const q = await runQueries({ levels: wants('queries') ? levels : [levels[levels.length - 1]], count: quick ? 200 : 1000, baselineCount: quick ? 20 : 200, seed, log, measure: wants('queries') });
  if (wants('queries')) result.queries = q.queries;
  result.build = q.build;
  bulk = q.paths[levels[levels.length - 1]];
}

if (wants('ingest')) {
  log('ingest');
  const { runIngest } = await import('./sections/ingest.mjs');
  result.ingest = runIngest({ count: quick ? 100 : 10_000, storageCount: quick ? 50 : 1000, seed, basePath: bulk, log });
}

if (wants('graphql')) {
  const relations = levels[levels.length - 1];
  log(`graphql over HTTP (store with ${relations} relations)`);
  const { runGraphql } = await import('./sections/graphql.mjs');
  const entities = generateEntities(Math.max(1000, relations / 10), seed);
  const graph = generateGraph(entities, relations, ontology(), seed);
  const sample = degreeWeightedSampler(graph, seed + 3);
  const ids = Array.from({ length: 2000 }, () => sample()).map((i) => entityId(entities[i].type, entities[i].name));
  result.graphql = { ...(await runGraphql({ dbPath: bulk, ids, seconds: quick ? 2 : 10, log })), relations };
}

if (wants('viewer')) {
  log('viewer (headless Chromium)');
  const { runViewer } = await import('./sections/viewer.mjs');
  result.viewer = await runViewer({ ontology: ontology(), seed, quick, log });
}
result.meta.seconds = round((Date.now() - started) / 1000, 0);

// --- the table -------------------------------------------------------------------------------------
const rows = [];
const row = (figure, value, unit, bar, baseline, baselineLabel) =>
  rows.push([figure, value === null || value === undefined ? '—' : `${value} ${unit}`, bar ?? '', baseline === null || baseline === undefined ? '' : `${baseline} ${unit} (${baselineLabel})`]);
const x = (a, b) => (a && b ? `${round(b / a, 1)}×` : '');
const e = result.extraction;
if (e) {
  row('extraction: pipeline, 1 core', e.pipelineWordsPerSec, 'words/s', '≥ 1.0× compromise', e.compromiseWordsPerSec, `compromise alone; ratio ${e.ratio}`);
  row(`extraction: pipeline, ${e.workers} workers`, e.parallelWordsPerSec, 'words/s', '≥ 1.8× compromise', e.compromiseWordsPerSec, `compromise alone; ratio ${e.parallelRatio}`);
}
const i = result.ingest;
if (i) {
  row('ingest end to end', i.wordsPerSec, 'words/s', '≥ 15,000');
  row(`ingest storage alone (${i.storage.store})`, i.storageWordsPerSec, 'words/s', '≥ 100,000');
  row('ingest commit p99', i.commitP99, 'ms', '≤ 50', i.storage.commitP99, 'into the big store');
  row('ingest peak RSS', i.peakRssMb, 'MB', 'flat', i.endToEnd.rssAt10PercentMb, 'RSS at 10%');
}
for (const [level, q] of Object.entries(result.queries ?? {})) {
  const b = q.baselines;
  const p = (k) => q[k].p99;
  row(`${level}: search prefix p99`, p('search'), 'ms', '< 2', b.searchBm25.p99, `bm25-ranked FTS, ${x(p('search'), b.searchBm25.p99)}`);
  row(`${level}: search one typo p99`, p('searchTypo'), 'ms', `< 5, recall@10 ${q.typoRecallAt10} (≥ 0.9)`);
  row(`${level}: entity + 50 relations p99`, p('entity'), 'ms', '< 1', b.entitySortAll.p99, `sort all relations, ${x(p('entity'), b.entitySortAll.p99)}`);
  row(`${level}: 2-hop neighbourhood (500) p99`, p('neighbourhood2'), 'ms', '< 5', b.neighbourhood2Cte.p99, `recursive CTE, ${x(p('neighbourhood2'), b.neighbourhood2Cte.p99)}`);
  row(`${level}: shortest path ≤ 6 hops p99`, p('shortestPath'), 'ms', '< 10', b.shortestPathOneSidedBfs.p99, `one-sided BFS, ${x(p('shortestPath'), b.shortestPathOneSidedBfs.p99)}`);
  row(`${level}: embed subgraph (1 hop, 200) p99`, p('subgraph'), 'ms', '< 10');
}
const g = result.graphql;
if (g) {
  row('graphql entity (32 clients)', g.entityReqPerSec, 'req/s', '≥ 1,500', g.plainYoga.reqPerSec, `plain yoga; JIT ${g.jitToPlain}×`);
  row('graphql entity p99', g.entityP99, 'ms', '≤ 50', g.plainYoga.p99, 'plain yoga');
  row('graphql entity server CPU', g.entityCpuMsPerReq, 'ms/req', '', g.plainYoga.cpuMsPerReq, 'plain yoga');
  row('graphql { __typename } ceiling', g.ceilingReqPerSec, 'req/s', '', null, '');
  row('graphql entity / ceiling', g.entityToCeiling, '', '');
}
const v = result.viewer;
if (v) {
  row('viewer 2000/5000 first render', v.firstRender2000Ms, 'ms', '≤ 1,500');
  row('viewer 2000/5000 settled', v.settle2000Ms, 'ms', '≤ 3,000', v.baselineNaiveSettle2000Ms, `fcose default on the page${v.naiveToSettled ? `, ${v.naiveToSettled}×` : ''}`);
  row('viewer 500 full-quality settled', v.settle500QualityMs, 'ms', '≤ 3,000', v.settle500QualityWorkerMs, 'same layout in a worker');
}
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['figure', 'value', 'bar', 'baseline'][c].length));
const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ');
console.log(line(['figure', 'value', 'bar', 'baseline']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`\n${result.meta.seconds} s on ${result.meta.cpus} × ${result.meta.cpuModel}, ${process.version}`);

const jsonPath = flag('json') ? value('json', 'bench-results.json') : null;
if (jsonPath) {
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${jsonPath}`);
}
