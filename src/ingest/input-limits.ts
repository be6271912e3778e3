// Bounds on what one input may cost, checked before any expensive work, so that hostile or
// accidental giants (a 50 MB dump, a page nested 50,000 deep) get one clear error, not a hang.
import { invalidInput } from '../model/errors.js';

/**
 * Largest document text accepted (UTF-16 code units, ~300,000 words). Extraction runs at roughly
 * 100 kB/s, so this bounds one document to seconds, not hours; bigger dumps must be split.
 */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** Deepest element nesting an HTML page may have: DOM parsing slows sharply and recursive walks
 * overflow the stack beyond a few thousand levels; real articles stay under a hundred. */
export const MAX_HTML_DEPTH = 2_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'td', 'tr', 'th', 'option', 'dt', 'dd']);

/** Nesting depth by a linear tag scan (no parsing). Elements whose end tag is often omitted do not count. */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

export function checkDocumentSize(text: string, what: string): void {
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw invalidInput('ingest', `${what} has ${text.length} characters; the limit is ${MAX_DOCUMENT_CHARS} per document (split it into parts)`);
  }
}

export function checkHtml(html: string, what: string): void {
  // Markup outweighs text, but a page beyond four times the text limit is no article.
  if (html.length > 4 * MAX_DOCUMENT_CHARS) throw invalidInput('ingest', `${what} has ${html.length} characters of HTML; the limit is ${4 * MAX_DOCUMENT_CHARS}`);
  const depth = htmlDepth(html);
  if (depth > MAX_HTML_DEPTH) throw invalidInput('ingest', `${what} nests elements ${depth} deep; the limit is ${MAX_HTML_DEPTH}`);
}
