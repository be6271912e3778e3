// Locates files shipped with the package (schema/, seed/, dist/viz) whether running from
// TypeScript sources (vitest) or from compiled dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | null = null;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schema'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('packageRoot: cannot find the package root (package.json + schema/)');
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

export const packagePath = (...parts: string[]): string => join(packageRoot(), ...parts);
