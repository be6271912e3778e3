// RSS 2.0 / RSS 1.0 (RDF) and Atom feed files: each item or entry becomes one document, parsed
// with fast-xml-parser. Item HTML (content:encoded, description, Atom content) becomes plain text.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocumentInput } from '../../model/types.js';
import { isoDate } from './dates.js';
import { htmlFragmentText } from './html.js';

export type FeedItem = { ok: true; input: DocumentInput } | { ok: false; error: string };

type Node = Record<string, unknown>;

const ALWAYS_ARRAY = new Set(['item', 'entry', 'link', 'author', 'contributor', 'category', 'creator']);

function parser(stopNodes: string[] = []): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ALWAYS_ARRAY.has(name),
    stopNodes,
  });
}

/** Text of a parsed node: a string, or an element's #text. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

const attr = (v: unknown, name: string): string | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? text((v as Node)[`@_${name}`]) : null;

/** Which kind of feed an XML text is, from its root element; null when it is not a feed. */
export function feedKind(xml: string): 'rss' | 'atom' | 'rdf' | null {
  const head = xml.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  const root = /<([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)[\s>/]/.exec(head);
  if (!root) return null;
  const name = root[2]!.toLowerCase();
  return name === 'rss' ? 'rss' : name === 'feed' ? 'atom' : name === 'rdf' ? 'rdf' : null;
}

function names(v: unknown): string | null {
  const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((a) => (a && typeof a === 'object' ? text((a as Node).name) ?? text(a) : text(a)));
  const found = list.filter((a): a is string => !!a);
  return found.length > 0 ? found.join(', ') : null;
}

function rssItem(item: Node, feedAuthor: string | null, source: string, index: number): FeedItem {
  const html = text(item.encoded) ?? text(item.description);
  const guid = text(item.guid);
  const link = text(item.link) ?? (guid && attr(item.guid, 'isPermaLink') !== 'false' && /^https?:/.test(guid) ? guid : null);
  const where = `${source}#${guid ?? link ?? `item-${index + 1}`}`;
  const body = html ? htmlFragmentText(html) : '';
  if (!body) return { ok: false, error: `${where}: feed item has no text (description or content)` };
  return {
    ok: true,
    input: {
      text: body,
      title: text(item.title) ? htmlFragmentText(text(item.title)!) : null,
      byline: names(item.creator) ?? names(item.author) ?? feedAuthor,
      url: link,
      publishedAt: isoDate(text(item.pubDate) ?? text(item.date)),
      source: where,
    },
  };
}

function atomLink(entry: Node): string | null {
  const links = (entry.link as unknown[] | undefined) ?? [];
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  return attr(alternate, 'href');
}

function atomText(v: unknown, raw: unknown): string | null {
  if (v === undefined) return null;
  const type = attr(v, 'type') ?? 'text';
  // XHTML content is markup inside the feed: take it raw (from the stop-node parse) as HTML.
  if (type === 'xhtml') return text(raw) ? htmlFragmentText(text(raw)!) : null;
  const value = text(v);
  if (!value) return null;
  return type === 'html' || type === 'text/html' ? htmlFragmentText(value) : value;
}

function atomEntry(entry: Node, raw: Node | undefined, feedAuthor: string | null, source: string, index: number): FeedItem {
  const id = text(entry.id);
  const link = atomLink(entry);
  const where = `${source}#${id ?? link ?? `entry-${index + 1}`}`;
  const body = atomText(entry.content, raw?.content) ?? atomText(entry.summary, raw?.summary) ?? '';
  if (!body) return { ok: false, error: `${where}: feed entry has no text (content or summary)` };
  return {
    ok: true,
    input: {
      text: body,
      title: atomText(entry.title, raw?.title),
      byline: names(entry.author) ?? feedAuthor,
      url: link,
      publishedAt: isoDate(text(entry.published) ?? text(entry.updated)),
      source: where,
    },
  };
}

export function* readFeed(xml: string, source: string): Generator<FeedItem> {
  const kind = feedKind(xml);
  if (!kind) {
    yield { ok: false, error: `${source}: not an RSS or Atom feed` };
    return;
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    yield { ok: false, error: `${source}: malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
    return;
  }
  const doc = parser().parse(xml) as Node;
  if (kind === 'atom') {
    const feed = (doc.feed ?? {}) as Node;
    const entries = (feed.entry as Node[] | undefined) ?? [];
    const needsRaw = entries.some((e) => [e.content, e.summary, e.title].some((v) => attr(v, 'type') === 'xhtml'));
    const rawEntries = needsRaw
      ? ((((parser(['feed.entry.content', 'feed.entry.summary', 'feed.entry.title']).parse(xml) as Node).feed as Node).entry as Node[]) ?? [])
      : [];
    const feedAuthor = names(feed.author);
    for (let i = 0; i < entries.length; i++) yield atomEntry(entries[i]!, rawEntries[i], feedAuthor, source, i);
    return;
  }
  const channel = (kind === 'rss' ? ((doc.rss as Node | undefined)?.channel ?? {}) : (doc.RDF ?? {})) as Node;
  // RSS 1.0 puts items beside the channel, RSS 2.0 inside it.
  const items = ((channel.item as Node[] | undefined) ?? ((doc.RDF as Node | undefined)?.item as Node[] | undefined) ?? []);
  const feedAuthor = names(channel.creator);
  for (let i = 0; i < items.length; i++) yield rssItem(items[i]!, feedAuthor, source, i);
}
