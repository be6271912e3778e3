// Builds a batch of distinct, realistic documents for crash and concurrency tests: each one a
// different seeded-random choice of sentences from the seed articles, so that every document has
// entities and relations and no two are near-copies of each other.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedCorpus } from '../../src/ingest/seed-corpus.js';

/** Small deterministic PRNG (mulberry32) so a failing run can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedSentences(): string[] {
  const out: string[] = [];
  for (const doc of loadSeedCorpus()) {
    for (const s of doc.text.split(/(?<=[.!?])\s+(?=[A-Z“"])/u)) {
      const t = s.replace(/\s+/g, ' ').trim();
      if (t.length > 30 && t.length < 400 && /\s[A-Z][a-z]/.test(t)) out.push(t);
    }
  }
  return [...new Set(out)];
}

/** `count` documents of `sentences` sentences each, as texts. */
export function batchTexts(count: number, sentences = 8, seed = 1): string[] {
  const pool = seedSentences();
  const rnd = prng(seed);
  const chosen: Set<number>[] = [];
  // Redraw a document that shares more than a quarter of its sentences with an earlier one, so
  // no two are near-duplicates (which ingest would record as copies, not extract).
  const overlap = (a: Set<number>, b: Set<number>) => [...a].filter((x) => b.has(x)).length / (a.size + b.size - [...a].filter((x) => b.has(x)).length);
  for (let i = 0; i < count; i++) {
    let picked = new Set<number>();
    for (let attempt = 0; attempt < 200; attempt++) {
      picked = new Set<number>();
      while (picked.size < Math.min(sentences, pool.length)) picked.add(Math.floor(rnd() * pool.length));
      if (chosen.every((c) => overlap(c, picked) <= 0.25)) break;
    }
    chosen.push(picked);
  }
  return chosen.map((set, i) => `Report ${i + 1}\n\n${[...set].map((j) => pool[j]!).join(' ')}`);
}

/** Writes texts as doc-0001.txt ... into a folder (created). */
export function writeBatch(dir: string, texts: string[], offset = 0): string {
  mkdirSync(dir, { recursive: true });
  texts.forEach((t, i) => writeFileSync(join(dir, `doc-${String(i + offset + 1).padStart(4, '0')}.txt`), t));
  return dir;
}
