// The product as built (npm run build → dist/): the bench measures exactly what ships.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = (rel) => join(ROOT, 'dist', rel);

/** Builds dist/ when it is missing (a clean clone before `npm run build`). */
export function ensureBuilt() {
  if (!existsSync(dist('src/store/sqlite/sqlite-store.js'))) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}

export const load = (rel) => import(dist(rel));
