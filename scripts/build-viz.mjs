// Bundles the viewer (viz/) with esbuild into dist/viz: no CDN, everything served by our server.
// explorer/embed are ES modules; the layout worker and the <kg-graph> web component are classic
// scripts (a worker and a cross-origin <script src> work everywhere without module CORS).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = 'dist/viz';
mkdirSync(out, { recursive: true });
// KG_VIZ_MINIFY=0 keeps names readable for profiling.
const common = { bundle: true, target: 'es2022', minify: process.env.KG_VIZ_MINIFY !== '0', sourcemap: true, outdir: out, logLevel: 'warning' };
await build({ ...common, entryPoints: { explorer: 'viz/explorer.ts', embed: 'viz/embed.ts' }, format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
await build({ ...common, entryPoints: { 'layout-worker': 'viz/layout-worker.ts', 'kg-graph': 'viz/kg-graph.ts' }, format: 'iife' });
for (const f of ['index.html', 'embed.html', 'explorer.css', 'embed.css']) copyFileSync(`viz/${f}`, `${out}/${f}`);
console.log('viewer built into dist/viz');
