// Expands PATH arguments (files, folders recursively, "-" for stdin) into documents, choosing
// a reader by extension. Yields errors as items so one bad file never stops a batch.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isKgError } from '../model/errors.js';
import type { DocumentInput } from '../model/types.js';
import { decodeText } from './readers/decode.js';
import { feedKind, readFeed } from './readers/feed.js';
import { readHtml } from './readers/html.js';
import { readJsonl } from './readers/jsonl.js';
import { readPlainText } from './readers/plain-text.js';

export type InputItem = { ok: true; input: DocumentInput } | { ok: false; error: string };

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson', '.rss', '.atom', '.xml'];

/** Inside a folder, an .xml file counts only when it is a feed (not a sitemap or config file). */
function looksLikeFeed(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    return feedKind(head.subarray(0, n).toString('utf8')) !== null;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Lists the files a set of paths stands for, folders expanded recursively and sorted. */
export function expandPaths(paths: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push(`${p}: no such file or folder`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name), false);
    } else if (explicit || (SUPPORTED_EXTENSIONS.includes(extname(p).toLowerCase()) && (extname(p).toLowerCase() !== '.xml' || looksLikeFeed(p)))) {
      files.push(p);
    }
  };
  for (const p of paths) if (p !== '-') walk(p, true);
  return { files, errors };
}

export function* readText(text: string, source: string, extension: string): Generator<InputItem> {
  switch (extension) {
    case '.jsonl':
    case '.ndjson':
      yield* readJsonl(text, source);
      return;
    case '.html':
    case '.htm':
    case '.xhtml':
      yield { ok: true, input: readHtml(text, source) };
      return;
    case '.rss':
    case '.atom':
    case '.xml':
      yield* readFeed(text, source);
      return;
    default:
      yield { ok: true, input: readPlainText(text, source, extension === '.md' || extension === '.markdown') };
  }
}

export function* readFile(path: string): Generator<InputItem> {
  let text: string;
  try {
    text = decodeText(readFileSync(path), path);
  } catch (e) {
    const message = isKgError(e) ? e.message.replace(/^ingest: /, '') : `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    yield { ok: false, error: message };
    return;
  }
  yield* readText(text, path, extname(path).toLowerCase());
}

/** Stdin, sniffed: JSON Lines ("{"), an RSS/Atom feed, an HTML page ("<"), otherwise plain text. */
export function* readStdinText(text: string): Generator<InputItem> {
  const start = text.trimStart();
  const extension = start.startsWith('{') ? '.jsonl' : feedKind(start) ? '.xml' : start.startsWith('<') ? '.html' : '.txt';
  yield* readText(text, 'stdin', extension);
}
