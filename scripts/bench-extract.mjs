#!/usr/bin/env node
// Speed: extractDocument vs compromise's own nlp(text) + people()/places()/organizations() on the
// same texts (CoNLL-2003 dev from ../shared/eval, or a JSONL/text file given as argument).
// usage: npx tsc -p tsconfig.build.json && node scripts/bench-extract.mjs [FILE.jsonl]
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { extractDocument } from '../dist/extract/index.js';

const file = process.argv[2] ?? new URL('../../shared/eval/conll2003-dev.jsonl', import.meta.url).pathname;
const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
const time = (fn) => { fn(texts.slice(0, 5)); const t0 = performance.now(); fn(texts); return performance.now() - t0; };
const runs = 3;
const best = (fn) => Math.min(...Array.from({ length: runs }, () => time(fn)));
const ours = best((ts) => { for (const t of ts) extractDocument(t); });
const theirs = best((ts) => { for (const t of ts) { const d = nlp(t); d.people().json(); d.places().json(); d.organizations().json(); } });
const wps = (ms) => Math.round(words / (ms / 1000));
console.log(`${texts.length} texts, ${words} words (best of ${runs})`);
console.log(`extractDocument: ${ours.toFixed(0)} ms, ${wps(ours)} words/s`);
console.log(`compromise nlp+people/places/organizations: ${theirs.toFixed(0)} ms, ${wps(theirs)} words/s`);
console.log(`ratio: ${(theirs / ours).toFixed(2)}x ${ours <= theirs ? '(extract is faster)' : '(extract is SLOWER)'}`);
