#!/usr/bin/env node
// Runs extractDocument (compiled: npx tsc -p tsconfig.build.json) on a gold JSONL file from
// ../shared/eval and writes predictions in the `kg extract` format, then prints timing.
// usage: node scripts/eval-extract.mjs GOLD.jsonl PRED.jsonl
import { readFileSync, writeFileSync } from 'node:fs';
import { extractDocument } from '../dist/extract/index.js';

const [gold, pred] = process.argv.slice(2);
if (!gold || !pred) { console.error('usage: node scripts/eval-extract.mjs GOLD.jsonl PRED.jsonl'); process.exit(2); }
const lines = readFileSync(gold, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const out = [];
const t0 = performance.now();
for (const doc of lines) {
  const g = extractDocument(doc.text);
  // Demonym evidence mentions are not names: leave them (and relations on them) out.
  const index = new Map();
  const entities = [];
  g.mentions.forEach((m, i) => { if (m.via) return; index.set(i, entities.length); entities.push({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity }); });
  const relations = [];
  const seen = new Set();
  for (const r of g.relations) {
    if (r.type === 'ASSOCIATED_WITH' || !index.has(r.sourceMention) || !index.has(r.targetMention)) continue;
    const head = index.get(r.sourceMention), tail = index.get(r.targetMention);
    const key = `${head}|${tail}|${r.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relations.push({ head, tail, type: r.type, confidence: r.confidence, evidence: r.sentence });
  }
  out.push(JSON.stringify({ id: doc.id, entities, relations }));
}
const ms = performance.now() - t0;
writeFileSync(pred, out.join('\n') + '\n');
const words = lines.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
console.error(`${lines.length} docs, ${words} words in ${ms.toFixed(0)} ms (${Math.round(words / (ms / 1000))} words/s)`);
