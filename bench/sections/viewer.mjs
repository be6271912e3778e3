// The explorer's drawing and layout in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core, flags as tests/helpers/browser.ts). The big graph goes through the built
// explorer itself (dist/viz, its `kgExplorer.loadElements`: the path a big view takes); the
// full-quality and naive figures through a small page bundled from bench/viewer/ with the
// explorer's styles and layout options. Both served on loopback with no API behind them.
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
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

/** CPU time (user + system) of this process's descendants still running: Chromium's processes. */
function chromiumCpuMs() {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const list = children.get(Number(f[1])) ?? [];
      list.push([Number(pid), ((Number(f[11]) + Number(f[12])) * 1000) / 100]);
      children.set(Number(f[1]), list);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [process.pid];
  while (stack.length) {
    for (const [pid, ms] of children.get(stack.pop()) ?? []) {
      total += ms;
      stack.push(pid);
    }
  }
  return total;
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
  const explorer = join(ROOT, 'dist', 'viz');
  const types = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript' };
  // /bench/… is the bench page; everything else the built explorer (/graphql answers 404: the
  // explorer shows its empty state and loadElements needs no API).
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const [dir, file] = path.startsWith('/bench/') ? [out, path.slice(7) || 'index.html'] : [explorer, path === '/' ? 'index.html' : path.slice(1)];
    if (!/^(chunks\/)?[\w.-]+$/.test(file)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(join(dir, file));
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const big = elements(2000, 5000, ontology, seed);
    const small = elements(500, 1250, ontology, seed + 1);
    const runs = quick ? 1 : 5;
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const spread = (xs) => xs.map((x) => round(x, 0)).sort((a, b) => a - b);
    const bigRuns = [];
    for (let i = 0; i < runs; i++) {
      // A fresh explorer per run, as a user opening a big view; its layout worker warms on idle.
      const explorerPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await explorerPage.goto(`${base}/`);
      await explorerPage.waitForFunction(() => 'kgExplorer' in globalThis && globalThis.document.body.dataset.loaded === 'true');
      await explorerPage.waitForTimeout(1500);
      const cpu0 = chromiumCpuMs();
      const run = await explorerPage.evaluate(async (els) => {
        const t = await globalThis.kgExplorer.loadElements(els);
        const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
        const layoutMs = at('kg:layout-arrived') - at('kg:load-start');
        return { firstRenderMs: t.firstPicture, settledMs: t.settled, layoutMs, redrawMs: t.settled - layoutMs };
      }, big);
      bigRuns.push({ ...run, cpuMs: chromiumCpuMs() - cpu0 });
      await explorerPage.close();
    }
    log(`  2000/5000 (explorer): first render ${round(median(bigRuns.map((r) => r.firstRenderMs)), 0)} ms, settled ${round(median(bigRuns.map((r) => r.settledMs)), 0)} ms (runs ${spread(bigRuns.map((r) => r.settledMs)).join(', ')}; Chromium CPU ${round(median(bigRuns.map((r) => r.cpuMs)), 0)} ms)`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/bench/`);
    await page.waitForFunction(() => 'bench' in globalThis);
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
      settle2000Runs: spread(bigRuns.map((r) => r.settledMs)),
      firstRender2000Runs: spread(bigRuns.map((r) => r.firstRenderMs)),
      cpu2000Ms: round(median(bigRuns.map((r) => r.cpuMs)), 0),
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
