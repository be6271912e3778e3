// Bundles the viewer (viz/) with esbuild into dist/viz: no CDN, everything served by our server.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = 'dist/viz';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { explorer: 'viz/explorer.ts', embed: 'viz/embed.ts' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outdir: out,
  logLevel: 'warning',
});
for (const f of ['index.html', 'embed.html', 'explorer.css', 'embed.css']) copyFileSync(`viz/${f}`, `${out}/${f}`);
console.log('viewer built into dist/viz');
