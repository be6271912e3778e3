#!/usr/bin/env node
// Lists entity errors (missed / spurious / wrong type) of a prediction file against gold, for tuning.
// usage: node scripts/diff-entities.mjs GOLD.jsonl PRED.jsonl [N]
import { readFileSync } from 'node:fs';
const [goldP, predP, n = '60'] = process.argv.slice(2);
const read = (p) => new Map(readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((d) => [d.id, d]));
const gold = read(goldP), pred = read(predP);
const counts = new Map();
const bump = (k) => counts.set(k, (counts.get(k) ?? 0) + 1);
for (const [id, g] of gold) {
  const p = pred.get(id) ?? { entities: [] };
  const gs = new Map(g.entities.map((e) => [`${e.start}:${e.end}`, e]));
  const ps = new Map(p.entities.map((e) => [`${e.start}:${e.end}`, e]));
  for (const [k, e] of gs) { const q = ps.get(k); if (!q) bump(`MISS ${e.type} ${e.text}`); else if (q.type !== e.type) bump(`TYPE ${e.type}->${q.type} ${e.text}`); }
  for (const [k, e] of ps) if (!gs.has(k)) bump(`SPUR ${e.type} ${e.text}`);
}
const list = [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(n));
for (const [k, c] of list) console.log(c, k);
