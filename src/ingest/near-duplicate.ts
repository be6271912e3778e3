// Near-duplicate detection for syndicated copies of one story: word 5-gram shingles, a MinHash
// signature, and LSH band keys the store indexes so that candidates are found without a scan.
// Pure and deterministic: the same text always gives the same signature on every machine.
import { normaliseName } from '../model/names.js';

export const NEAR_DUPLICATE = {
  /** Words per shingle. */
  shingleWords: 5,
  /** Bands × rows = signature length. 40 × 3 finds pairs at Jaccard 0.5 with p ≈ 0.995. */
  bands: 40,
  rows: 3,
  /** Estimated Jaccard similarity at or above which a document is a copy of another. */
  threshold: 0.5,
  /** Shorter texts are too small to compare reliably; exact-hash deduplication still applies. */
  minShingles: 20,
} as const;

const HASHES = NEAR_DUPLICATE.bands * NEAR_DUPLICATE.rows;

export interface Fingerprint {
  signature: number[];
  bandKeys: string[];
}

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a good 32-bit mixer, used as the i-th hash function with a seed. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS: number[] = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + Math.imul(i + 1, 0x632be5ab)));

/** Hashes of the text's overlapping word n-grams (case, accents and punctuation ignored). */
export function shingles(text: string): Set<number> {
  const words = normaliseName(text).split(' ').filter(Boolean);
  const out = new Set<number>();
  const n = NEAR_DUPLICATE.shingleWords;
  for (let i = 0; i + n <= words.length; i++) out.add(fnv1a(words.slice(i, i + n).join(' ')));
  return out;
}

export function minhash(set: Set<number>): number[] {
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** One key per band: band number and a hash of that band's rows. */
export function bandKeys(signature: number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < NEAR_DUPLICATE.bands; b++) {
    const rows = signature.slice(b * NEAR_DUPLICATE.rows, (b + 1) * NEAR_DUPLICATE.rows);
    keys.push(`${b}:${fnv1a(rows.join(',')).toString(16)}`);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The text's fingerprint, or null when it is too short to compare. */
export function fingerprint(text: string): Fingerprint | null {
  const set = shingles(text);
  if (set.size < NEAR_DUPLICATE.minShingles) return null;
  const signature = minhash(set);
  return { signature, bandKeys: bandKeys(signature) };
}

/** The most similar candidate at or above the threshold, if any. */
export function bestMatch(
  signature: number[],
  candidates: Array<{ documentId: string; signature: number[] }>,
): { documentId: string; similarity: number } | null {
  let best: { documentId: string; similarity: number } | null = null;
  for (const c of candidates) {
    const s = similarity(signature, c.signature);
    if (s >= NEAR_DUPLICATE.threshold && (!best || s > best.similarity || (s === best.similarity && c.documentId < best.documentId))) {
      best = { documentId: c.documentId, similarity: s };
    }
  }
  return best;
}
