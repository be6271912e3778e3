#!/usr/bin/env node
// Entry point of the `kg` command; the code lives in src/cli (compiled to dist/ by `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('kg: not built yet — run `npm install` (or `npm run build`) first');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
