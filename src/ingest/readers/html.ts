// HTML pages: the article text only, found by Mozilla's Readability over a linkedom DOM (no
// navigation, cookie banners, related links, scripts or footers); title, author, date and
// canonical URL from the page's metadata (og:*, article:*, <title>, <meta name=author>, JSON-LD).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocumentInput } from '../../model/types.js';
import { isoDate } from './dates.js';

/** Never article text, removed before Readability scores the page. */
const BOILERPLATE = 'script, style, noscript, template, iframe, svg, form, button, nav, [role=navigation], [role=dialog], [aria-hidden=true]';
/** Class or id words that mark page furniture ("cookie-banner", "share_tools", "related"). */
const FURNITURE = /^(cookie|consent|newsletter|signup|share|sharing|social|related|comments?|promo|advert|ad-slot)(?:[-_]|$)/i;
/** Removed by the fallback when Readability finds no article. */
const FALLBACK_DROP = `${BOILERPLATE}, header, footer, aside`;

function dropBoilerplate(document: Document): void {
  for (const el of Array.from(document.querySelectorAll(BOILERPLATE))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (/^(HTML|BODY|MAIN|ARTICLE)$/.test(el.tagName)) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (words.some((w) => FURNITURE.test(w))) el.remove();
  }
}
const BLOCK = /^(P|DIV|H[1-6]|LI|BLOCKQUOTE|SECTION|ARTICLE|TR|BR|PRE|FIGCAPTION|DD|DT|UL|OL|TABLE)$/;

/** linkedom needs a whole document: a bare fragment would become the root element. */
function wholeDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<(head|body)[\s>]/i.test(html)) return `<!DOCTYPE html><html>${html}</html>`;
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/** A DOM with a root and a body whatever the input (linkedom leaves both out for some broken markup). */
function parseDocument(html: string): Document {
  const usable = (d: Document) => {
    try {
      return d.documentElement?.tagName === 'HTML' && d.body !== null;
    } catch {
      return false;
    }
  };
  const first = parseHTML(wholeDocument(html)).document as unknown as Document;
  if (usable(first)) return first;
  const wrapped = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
  if (usable(wrapped)) return wrapped;
  // Last resort: the markup as plain text.
  const text = html.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return parseHTML(`<!DOCTYPE html><html><head></head><body><p>${text}</p></body></html>`).document as unknown as Document;
}

function meta(document: Document, ...selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const value = el?.getAttribute('content') ?? el?.getAttribute('href') ?? el?.getAttribute('datetime') ?? null;
    if (value && value.trim()) return value.trim();
  }
  return null;
}

interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  url: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|WebPage)$/;

/** The first Article-like object in the page's JSON-LD blocks (top level, arrays or @graph). */
function jsonLdArticle(document: Document): JsonLdArticle | null {
  const candidates: Record<string, unknown>[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      candidates.push(o);
      if (o['@graph']) collect(o['@graph']);
    }
  };
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(el.textContent ?? ''));
    } catch {
      // malformed JSON-LD is common on real pages; the other metadata still counts
    }
  }
  const typeOf = (o: Record<string, unknown>) => [o['@type']].flat().map(String);
  const article = candidates.find((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? candidates.find((o) => typeOf(o).includes('WebPage'));
  if (!article) return null;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const authors = [article.author]
    .flat()
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? str((a as Record<string, unknown>).name) : null))
    .filter((a): a is string => !!a && !/^https?:/.test(a));
  const page = article.mainEntityOfPage;
  const url = str(article.url) ?? str(page) ?? (page && typeof page === 'object' ? str((page as Record<string, unknown>)['@id']) : null);
  return { headline: str(article.headline) ?? str(article.name), authors, datePublished: str(article.datePublished), url };
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

/** Paragraphs separated by blank lines, whitespace collapsed. */
function paragraphs(root: Node | null): string {
  if (!root) return '';
  const parts: string[] = [];
  blockText(root, parts);
  return parts
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');
}

function readableText(html: string): { text: string; title: string | null; byline: string | null; publishedTime: string | null } | null {
  try {
    const document = parseDocument(html);
    dropBoilerplate(document);
    const article = new Readability(document, { charThreshold: 200 }).parse();
    if (!article?.content) return null;
    const text = paragraphs(parseDocument(article.content).body);
    return text ? { text, title: article.title || null, byline: article.byline || null, publishedTime: article.publishedTime || null } : null;
  } catch {
    // Readability gives up on some malformed pages; the fallback below still reads the text
    return null;
  }
}

/** Plain text of an HTML fragment that is already the article (a feed item's content). */
export function htmlFragmentText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const document = parseDocument(html);
  for (const el of Array.from(document.querySelectorAll(BOILERPLATE))) el.remove();
  return paragraphs(document.body);
}

export function readHtml(html: string, source: string): DocumentInput {
  const document = parseDocument(html);
  const ld = jsonLdArticle(document);
  const readable = readableText(html);
  const title =
    meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
    ld?.headline ??
    readable?.title ??
    document.querySelector('h1')?.textContent?.trim() ??
    document.querySelector('title')?.textContent?.trim() ??
    null;
  const metaAuthor = meta(document, 'meta[name="author"]', 'meta[name="byl"]');
  const articleAuthor = meta(document, 'meta[property="article:author"]');
  const byline =
    metaAuthor ??
    (ld && ld.authors.length > 0 ? ld.authors.join(', ') : null) ??
    (articleAuthor && !/^https?:/.test(articleAuthor) ? articleAuthor : null) ??
    readable?.byline?.replace(/^by\s+/i, '') ??
    null;
  const publishedAt =
    meta(document, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]') ??
    ld?.datePublished ??
    readable?.publishedTime ??
    meta(document, 'time[datetime]');
  const url = meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]') ?? ld?.url ?? null;
  let text = readable?.text ?? '';
  if (!text) {
    for (const el of Array.from(document.querySelectorAll(FALLBACK_DROP))) el.remove();
    text = paragraphs(document.querySelector('article') ?? document.querySelector('main') ?? document.body);
  }
  return { text, title: title || null, byline, url, publishedAt: isoDate(publishedAt), source };
}
