// The seed corpus: six articles split from the product's source file. The split is a pure
// function so a test can check that seed/articles.jsonl is exactly what it produces.
import { readFileSync } from 'node:fs';
import { packagePath } from '../model/paths.js';
import type { DocumentInput } from '../model/types.js';

export interface SeedArticle {
  id: string;
  title: string;
  byline: string | null;
  text: string;
}

/** Splits the seed file: each article starts at a "  • Title" line; the title repeats once. */
export function splitSeedFile(raw: string): SeedArticle[] {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const articles: SeedArticle[] = [];
  let current: { title: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const body = current.lines.map((l) => l.replace(/^ {4}/, '').replace(/\s+$/, ''));
    // Drop the repeated title line and an optional "By NAME" line right after it.
    while (body.length && body[0] === '') body.shift();
    if (body[0]?.trim() === current.title) body.shift();
    while (body.length && body[0] === '') body.shift();
    let byline: string | null = null;
    const by = /^By\s+(.{2,80})$/.exec(body[0] ?? '');
    if (by) {
      byline = by[1]!.trim();
      body.shift();
    }
    const text = body.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    articles.push({ id: `seed-${String(articles.length + 1).padStart(2, '0')}`, title: current.title, byline, text });
  };
  for (const line of lines) {
    const head = /^\s*•\s+(.+?)\s*$/.exec(line);
    if (head) {
      flush();
      current = { title: head[1]!, lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  return articles;
}

export const SEED_FILE = 'seed/articles.jsonl';

/** The committed seed articles as ingest inputs. */
export function loadSeedCorpus(path = packagePath(SEED_FILE)): DocumentInput[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const a = JSON.parse(l) as SeedArticle;
      return { text: a.text, title: a.title, byline: a.byline, url: null, publishedAt: null, source: `seed#${a.id}` };
    });
}
