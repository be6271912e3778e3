// Regenerates seed/articles.jsonl from the shared seed file:
//   npx vitest-free: node --experimental-strip-types is not on Node 20, so run the compiled
//   version after `npm run build`:  node dist/scripts/split-seed.js [SOURCE]
import { readFileSync, writeFileSync } from 'node:fs';
import { packagePath } from '../src/model/paths.js';
import { SEED_FILE, splitSeedFile } from '../src/ingest/seed-corpus.js';

const source = process.argv[2] ?? packagePath('..', 'shared', 'seed', '000_df2a8448239207a5.txt');
const articles = splitSeedFile(readFileSync(source, 'utf8'));
writeFileSync(packagePath(SEED_FILE), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
console.log(`wrote ${articles.length} articles to ${SEED_FILE}`);
