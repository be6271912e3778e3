// The explorer's drawing and layout in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core, flags as tests/helpers/browser.ts): a self-contained page bundled from
// bench/viewer/ with esbuild like scripts/build-viz.mjs, served on loopback.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT } from '../lib/dist.mjs';
import { round } from '../lib/measure.mjs';
import { generateEntities, generateGraph } from '../lib/synthetic.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Cytoscape elements for a power-law graph of `nodes` nodes and `edges` edges, as the API's `cytoscape` field shapes them. */
function elements(nodes, edges, ontology, seed) {
  const entities = generateEntities(nodes, seed);
  const g = generateGraph(entities, edges, ontology, seed);
  const out = entities.map((e, i) => ({ group: 'nodes', data: { id: `n${i}`, label: e.name, type: e.type, degree: g.degree[i] } }));
  for (let k = 0; k < edges; k++) {
    const type = g.typeNames[g.type[k]];
    out.push({ group: 'edges', data: { id: `e${k}`, source: `n${g.source[k]}`, target: `n${g.target[k]}`, type, label: type.toLowerCase().replace(/_/g, ' '), evidenceCount: g.evidence[k] } });
  }
  return out;
}

export async function runViewer({ ontology, seed, quick, log }) {
  const out = join(ROOT, 'data', 'bench', 'viewer');
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { page: join(ROOT, 'bench/viewer/page.ts'), 'layout-worker': join(ROOT, 'bench/viewer/layout-worker.ts') },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outdir: out,
    logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'bench/viewer/index.html'), join(out, 'index.html'));
  const server = createServer((req, res) => {
    const file = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0];
    if (!/^[\w.-]+$/.test(file)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(join(out, file));
      res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => 'bench' in globalThis);
    const big = elements(2000, 5000, ontology, seed);
    const small = elements(500, 1250, ontology, seed + 1);
    const runs = quick ? 1 : 3;
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const bigRuns = [];
    for (let i = 0; i < runs; i++) bigRuns.push(await page.evaluate((els) => globalThis.bench.big(els), big));
    log(`  2000/5000: first render ${round(median(bigRuns.map((r) => r.firstRenderMs)), 0)} ms, settled ${round(median(bigRuns.map((r) => r.settledMs)), 0)} ms`);
    const qualityRuns = [];
    for (let i = 0; i < runs; i++) qualityRuns.push(await page.evaluate((els) => globalThis.bench.quality(els, false), small));
    const qualityWorker = await page.evaluate((els) => globalThis.bench.quality(els, true), small);
    log(`  500 full quality: settled ${round(median(qualityRuns.map((r) => r.settledMs)), 0)} ms (in a worker: ${round(qualityWorker.settledMs, 0)} ms)`);
    // Baseline: fcose at default quality on the page for the big graph (once; it is slow).
    const naive = quick ? null : await page.evaluate((els) => globalThis.bench.naive(els), big);
    if (naive) log(`  2000/5000 naive fcose default quality: ${round(naive.settledMs, 0)} ms`);
    const settle2000 = median(bigRuns.map((r) => r.settledMs));
    return {
      firstRender2000Ms: round(median(bigRuns.map((r) => r.firstRenderMs)), 0),
      settle2000Ms: round(settle2000, 0),
      layout2000DraftMs: round(median(bigRuns.map((r) => r.layoutMs)), 0),
      redraw2000Ms: round(median(bigRuns.map((r) => r.redrawMs)), 0),
      settle500QualityMs: round(median(qualityRuns.map((r) => r.settledMs)), 0),
      settle500QualityWorkerMs: round(qualityWorker.settledMs, 0),
      baselineNaiveSettle2000Ms: naive ? round(naive.settledMs, 0) : null,
      naiveToSettled: naive ? round(naive.settledMs / settle2000, 1) : null,
      runs,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
