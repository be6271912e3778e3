// .txt and .md files: one document each. The title is the first Markdown heading, or a short
// first line followed by a blank line; otherwise the file name.
import type { DocumentInput } from '../../model/types.js';

export function readPlainText(text: string, source: string, markdown: boolean): DocumentInput {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let title: string | null = null;
  let byline: string | null = null;
  let body = text;
  const firstIdx = lines.findIndex((l) => l.trim().length > 0);
  const first = firstIdx >= 0 ? lines[firstIdx]!.trim() : '';
  const heading = /^#{1,2}\s+(.+)$/.exec(first);
  if (markdown && heading) {
    title = heading[1]!.trim();
    body = lines.slice(firstIdx + 1).join('\n');
  } else if (first.length > 0 && first.length <= 200 && !/[.!?]$/.test(first) && (lines[firstIdx + 1] ?? '').trim() === '') {
    title = first;
    body = lines.slice(firstIdx + 1).join('\n');
  }
  const by = /^\s*By\s+([^\n]{2,80})\n/.exec(body.replace(/^\s*\n/, ''));
  if (by) byline = by[1]!.trim();
  if (markdown) body = body.replace(/^#{1,6}\s+/gm, '').replace(/[*_`]{1,3}([^*_`\n]+)[*_`]{1,3}/g, '$1').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  const fallback = source.split('/').pop()?.replace(/\.[^.]+$/, '') ?? null;
  return { text: body.trim(), title: title ?? fallback, byline, url: null, publishedAt: null, source };
}
