// Regression floors on the public dev splits, read in place from ../shared/eval (never copied
// into the project). Skips, saying why, when that folder is not there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';
import { packageRoot } from '../../../src/model/paths.js';

const EVAL_DIR = process.env.KG_EVAL_DIR ?? join(packageRoot(), '..', 'shared', 'eval');
const available = existsSync(join(EVAL_DIR, 'conll2003-dev.jsonl')) && existsSync(join(EVAL_DIR, 'conll04-dev.jsonl'));
if (!available) console.warn(`eval-dev: skipped — no evaluation data at ${EVAL_DIR} (set KG_EVAL_DIR to run it)`);

interface GoldDoc { id: string; text: string; entities: Array<{ start: number; end: number; type: string }> }

function entityF1(file: string): number {
  const docs = readFileSync(join(EVAL_DIR, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
  let tp = 0, pred = 0, gold = 0;
  for (const d of docs) {
    const g = new Set(d.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    const p = extractDocument(d.text).mentions.filter((m) => !m.via).map((m) => `${m.start}:${m.end}:${m.type}`);
    gold += g.size;
    pred += p.length;
    tp += p.filter((k) => g.has(k)).length;
  }
  const P = tp / pred, R = tp / gold;
  return (2 * P * R) / (P + R);
}

describe.skipIf(!available)('dev-split regression floors (exact entity F1)', () => {
  it('CoNLL-2003 dev stays at or above the 0.85 bar', () => {
    expect(entityF1('conll2003-dev.jsonl')).toBeGreaterThanOrEqual(0.85);
  });
  it('CoNLL04 dev stays at or above the 0.75 bar', () => {
    expect(entityF1('conll04-dev.jsonl')).toBeGreaterThanOrEqual(0.75);
  });
});
