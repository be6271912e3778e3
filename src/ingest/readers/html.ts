// HTML pages: visible article text from a real DOM (linkedom), without scripts, styles,
// navigation or footers; title, author, date and canonical URL from the page's metadata.
import { parseHTML } from 'linkedom';
import type { DocumentInput } from '../../model/types.js';

const DROP = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, [role=navigation], [aria-hidden=true]';
const BLOCK = /^(P|DIV|H[1-6]|LI|BLOCKQUOTE|SECTION|ARTICLE|TR|BR|PRE|FIGCAPTION|DD|DT)$/;

function meta(document: Document, ...selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const value = el?.getAttribute('content') ?? el?.getAttribute('href') ?? el?.getAttribute('datetime') ?? null;
    if (value && value.trim()) return value.trim();
  }
  return null;
}

function blockText(node: Node, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.push(child.textContent ?? '');
    else if (child.nodeType === 1) {
      const block = BLOCK.test((child as Element).tagName);
      if (block) out.push('\n');
      blockText(child, out);
      if (block) out.push('\n');
    }
  }
}

export function readHtml(html: string, source: string): DocumentInput {
  const { document } = parseHTML(html);
  const title =
    meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
    document.querySelector('h1')?.textContent?.trim() ??
    document.querySelector('title')?.textContent?.trim() ??
    null;
  const byline = meta(document, 'meta[name="author"]', 'meta[property="article:author"]');
  const publishedAt = meta(document, 'meta[property="article:published_time"]', 'meta[name="date"]', 'time[datetime]');
  const url = meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]');
  for (const el of Array.from(document.querySelectorAll(DROP))) el.remove();
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body ?? document.documentElement;
  const parts: string[] = [];
  if (root) blockText(root, parts);
  const text = parts
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');
  return { text, title: title || null, byline, url, publishedAt, source };
}
