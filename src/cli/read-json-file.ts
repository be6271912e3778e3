// Reads a JSON file for `kg import`, turning I/O and parse failures into one-line KgErrors.
import { readFileSync } from 'node:fs';
import { KgError } from '../model/errors.js';

export const readJsonFile = (path: string): unknown => {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KgError('INVALID_INPUT', `import: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new KgError('INVALID_INPUT', `import: ${path} is not valid JSON`);
  }
};
