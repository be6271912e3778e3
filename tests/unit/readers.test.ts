// Input readers against real files in tests/fixtures/inputs: a saved news page full of
// boilerplate, a syndicated copy, RSS 2.0, RSS 1.0 and Atom feeds, and a folder mixing formats.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPaths, readFile, readStdinText, type InputItem } from '../../src/ingest/read-inputs.js';
import { isoDate } from '../../src/ingest/readers/dates.js';
import { decodeText, declaredEncoding } from '../../src/ingest/readers/decode.js';
import { feedKind, readFeed } from '../../src/ingest/readers/feed.js';
import { readHtml } from '../../src/ingest/readers/html.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'inputs');
const fixture = (...p: string[]) => join(FIXTURES, ...p);
const ok = (items: InputItem[]) => items.filter((i): i is Extract<InputItem, { ok: true }> => i.ok).map((i) => i.input);

describe('HTML reader', () => {
  const page = readHtml(readFileSync(fixture('html', 'news-article.html'), 'utf8'), 'news-article.html');

  it('keeps the article text, paragraph by paragraph', () => {
    expect(page.text.startsWith('YEREVAN, March 12 (Caucasus Wire) — The IDeA Foundation')).toBe(true);
    expect(page.text).toContain('Prime Minister Nikol Pashinyan welcomed the plan');
    expect(page.text).toContain('further details would be announced in May.');
    expect(page.text.split('\n\n')).toHaveLength(6);
  });

  it.each([
    ['cookie banner', 'We use cookies'],
    ['navigation', 'Newsletters'],
    ['related links', 'Armenian banks report record profits'],
    ['most-read box', 'Border talks resume'],
    ['newsletter box', 'Business Briefing'],
    ['share tools', 'Share on Facebook'],
    ['site footer', 'Privacy policy'],
    ['scripts', 'dataLayer'],
    ['JSON-LD', 'schema.org'],
    ['advert', 'Advertisement'],
  ])('drops the %s', (_what, text) => {
    expect(page.text).not.toContain(text);
  });

  it('reads title, author, date and canonical URL from the metadata', () => {
    expect(page).toMatchObject({
      title: 'Vardanyan foundation to fund Dilijan school expansion',
      byline: 'Anahit Sargsyan',
      publishedAt: '2024-03-12T05:30:00.000Z',
      url: 'https://www.caucasus-ledger.example/business/2024/03/12/dilijan-school-expansion',
    });
  });

  it('falls back to JSON-LD (@graph) and twitter:title when og/article tags are missing', () => {
    const copy = readHtml(readFileSync(fixture('html', 'syndicated-copy.html'), 'utf8'), 'copy.html');
    expect(copy).toMatchObject({
      title: 'IDeA Foundation to finance new Dilijan campus',
      byline: 'Caucasus Wire staff',
      publishedAt: '2024-03-12',
      url: 'https://rbd.example.net/news/idea-foundation-dilijan-campus-4471',
    });
    expect(copy.text).not.toMatch(/Comments|Trending|Sponsored|Markets: AMD/);
    const ldOnly = readHtml(
      '<html><head><script type="application/ld+json">[{"@type":"NewsArticle","headline":"H","author":{"name":"J. Doe"},"datePublished":"2020-01-02","url":"https://x.example/a"}]</script></head><body><p>Body text.</p></body></html>',
      'x',
    );
    expect(ldOnly).toMatchObject({ title: 'H', byline: 'J. Doe', publishedAt: '2020-01-02', url: 'https://x.example/a', text: 'Body text.' });
  });

  it.each([
    ['2024-03-12', '2024-03-12'],
    ['2024-03-12T09:30:00+04:00', '2024-03-12T05:30:00.000Z'],
    ['Tue, 12 Mar 2024 16:40:00 +0000', '2024-03-12T16:40:00.000Z'],
    ['sometime last spring', null],
    ['', null],
  ])('normalises the date %j to %j', (raw, iso) => {
    expect(isoDate(raw)).toBe(iso);
  });

  it.each([
    ['a bare fragment', '<p>Ruben Vardanyan lives in Moscow.</p>', 'Ruben Vardanyan lives in Moscow.'],
    ['head and body without <html>', '<head><title>T</title></head><body><p>Hello there.</p></body>', 'Hello there.'],
    ['text without tags', 'plain words', 'plain words'],
    ['an empty string', '', ''],
    ['unclosed tags', '<html><body><p>one <b>two<p>three</div>', 'one two\n\nthree'],
    ['malformed JSON-LD', '<html><head><script type="application/ld+json">{oops</script></head><body><p>Still read.</p></body></html>', 'Still read.'],
  ])('copes with %s', (_what, html, text) => {
    expect(readHtml(html, 'x').text).toBe(text);
  });
});

describe('feed reader', () => {
  it('reads RSS 2.0 items with content:encoded, dc:creator and RFC 822 dates', () => {
    const items = [...readFeed(readFileSync(fixture('feeds', 'wire.rss'), 'utf8'), 'wire.rss')];
    expect(items).toHaveLength(3);
    const [first, second, third] = items;
    expect(first).toMatchObject({
      ok: true,
      input: {
        title: 'Georgian central bank holds rate as lari steadies',
        byline: 'Levan Beridze',
        url: 'https://wire.caucasus.example/2024/03/13/georgia-rates',
        publishedAt: '2024-03-13T07:15:00.000Z',
        source: 'wire.rss#https://wire.caucasus.example/2024/03/13/georgia-rates',
      },
    });
    const text = first!.ok ? first!.input.text : '';
    expect(text).toBe(
      'TBILISI, March 13 (Caucasus Wire) — The National Bank of Georgia kept its key rate unchanged on Wednesday, Governor Natia Turnava said, citing a steadier lari.\n\nTurnava told a news conference in Tbilisi that inflation was expected to stay below target until the summer.',
    );
    // entity-escaped HTML in <description>, a non-permalink guid, an <author> email
    expect(second).toMatchObject({ ok: true, input: { title: 'Azerbaijan & Armenia resume border commission talks', url: 'https://wire.caucasus.example/2024/03/12/border-commission', source: 'wire.rss#cw-2024-0312-118' } });
    expect(second!.ok && second!.input.text).toBe(
      'Deputy Prime Minister Mher Grigoryan met Azerbaijani Deputy Prime Minister Shahin Mustafayev in Brussels on Tuesday, the Armenian government said.\n\nThe two commissions agreed to meet again in April.',
    );
    // an item without text is reported, not silently dropped
    expect(third).toMatchObject({ ok: false });
  });

  it('reads Atom entries: html and xhtml content, entry and feed authors, published/updated', () => {
    const items = ok([...readFeed(readFileSync(fixture('feeds', 'analysis.atom'), 'utf8'), 'a.atom')]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      title: 'Who owns Armenia’s copper? A guide',
      byline: 'Hayk Melikyan',
      url: 'https://www.caucasus-ledger.example/analysis/2024/03/14/copper-owners',
      publishedAt: '2024-03-14T05:00:00.000Z',
    });
    expect(items[0]!.text.split('\n\n')).toHaveLength(2);
    expect(items[1]).toMatchObject({ title: 'Tbilisi metro expansion stalls', byline: 'Ledger Analysis Desk', publishedAt: '2024-03-13T08:00:00.000Z' });
    expect(items[1]!.text).toBe(
      'Tbilisi Mayor Kakha Kaladze said on Wednesday that the metro extension to Didi Dighomi would be delayed.\n\nThe Asian Development Bank is financing the project.',
    );
  });

  it.each([
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'rss'],
    ['<!-- c --><feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
    ['<rdf:RDF xmlns:rdf="x"></rdf:RDF>', 'rdf'],
    ['<?xml version="1.0"?><urlset/>', null],
    ['not xml', null],
  ])('recognises %s as %s', (xml, kind) => {
    expect(feedKind(xml)).toBe(kind);
  });

  it('reports malformed XML and non-feeds instead of throwing', () => {
    expect([...readFeed('<rss><channel><item><title>x</channel></rss>', 'bad.rss')]).toEqual([{ ok: false, error: expect.stringContaining('malformed XML') }]);
    expect([...readFeed('<urlset/>', 'sitemap.xml')]).toEqual([{ ok: false, error: 'sitemap.xml: not an RSS or Atom feed' }]);
  });
});

describe('reading a folder of mixed formats', () => {
  it('expands folders recursively, skips hidden, unsupported and non-feed XML files', () => {
    const { files, errors } = expandPaths([fixture('mixed'), fixture('missing.txt')]);
    expect(files.map((f) => f.slice(FIXTURES.length + 1))).toEqual([
      'mixed/brief.htm',
      'mixed/items.jsonl',
      'mixed/nested/desk.xml',
      'mixed/notes.md',
      'mixed/press-release.txt',
    ]);
    expect(errors).toHaveLength(1);
  });

  it('reads every document with its metadata', () => {
    const docs = ok(expandPaths([fixture('mixed')]).files.flatMap((f) => [...readFile(f)]));
    expect(docs.map((d) => d.title)).toEqual([
      'Brief: Kaladze re-elected',
      'Pashinyan meets Macron',
      'Aliyev visits Ankara',
      'Grigoryan to lead delimitation commission',
      'Interview notes: Zonabend',
      'Sberbank completes purchase of Troika Dialog',
    ]);
    expect(docs[0]).toMatchObject({ byline: 'Nino Gelashvili', publishedAt: '2021-10-30' });
    expect(docs[0]!.text).not.toMatch(/Home|rights reserved/);
    expect(docs[3]).toMatchObject({ byline: 'Desk', publishedAt: '2024-01-15T10:00:00.000Z', url: 'https://desk.example/1' });
    expect(docs[4]!.text).toContain('Veronika Zonabend co-founded the United World College Dilijan');
  });

  it('sniffs stdin: JSON Lines, feeds, HTML and plain text', () => {
    expect(ok([...readStdinText('{"id":"a","text":"One."}\n{"id":"b","text":"Two."}')])).toHaveLength(2);
    expect(ok([...readStdinText(readFileSync(fixture('feeds', 'analysis.atom'), 'utf8'))])).toHaveLength(2);
    expect(ok([...readStdinText('<p>Para one.</p><script>x()</script>')])[0]!.text).toBe('Para one.');
    expect(ok([...readStdinText('Just text.')])[0]!.text).toBe('Just text.');
  });
});

describe('character encodings', () => {
  it('decodes a saved page in the windows-1251 its <meta> declares', () => {
    const [item] = [...readFile(fixture('encodings', 'windows-1251.html'))];
    expect(item).toMatchObject({ ok: true, input: { title: 'Рубен Варданян основал «Тройку Диалог»', byline: 'Анна Иванова' } });
    expect(item!.ok && item!.input.text).toContain('Рубен Варданян основал инвестиционную компанию «Тройка Диалог» в Москве');
    expect(item!.ok && item!.input.text).not.toMatch(/Главная|права защищены/);
  });

  it('decodes a feed in the ISO-8859-1 its XML declaration names', () => {
    const [item] = [...readFile(fixture('encodings', 'latin1-feed.rss'))];
    expect(item).toMatchObject({ ok: true, input: { title: 'Emmanuel Macron reçoit Nikol Pachinian à l\'Élysée' } });
  });

  it.each([
    [[0xef, 0xbb, 0xbf, 0x41], 'utf-8'],
    [[0xff, 0xfe, 0x41, 0x00], 'utf-16le'],
    [Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss/>'), 'windows-1252'],
    [Buffer.from('<html><head><meta charset="Shift_JIS">'), 'shift_jis'],
    [Buffer.from('plain text'), null],
  ])('finds the declared encoding of %j', (bytes, encoding) => {
    expect(declaredEncoding(Uint8Array.from(bytes))).toBe(encoding);
  });

  it('still refuses undeclared non-UTF-8 bytes and binaries', () => {
    expect(() => decodeText(Uint8Array.from(Array.from({ length: 400 }, () => 0xe9)), 'x.txt')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => decodeText(Uint8Array.from([0x41, 0, 0x42]), 'x.bin')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), 'utf16.txt')).toBe('AB');
  });
});

describe('readers never throw on messy input', () => {
  const pieces = ['<p>', '</p>', '<div class="share">', '</div>', '<script>', '</script>', '<html>', '<body>', '<article>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&bogus;', '<meta property="og:title" content="T">', '<script type="application/ld+json">{"@type":', 'Vardanyan founded Troika Dialog. ', '\u0000', '\uFFFD', '<rss>', '<item>', '<feed>', '<entry>', '<content type="xhtml">', '"', "'", '<'];
  const messy = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((p) => p.join(''));

  it('readHtml survives markup that leaves linkedom without a root (found by fuzzing)', () => {
    expect(readHtml('<![CDATA[<html>', 'x').text).toEqual(expect.any(String));
  });

  it('readHtml returns a document for any input', () => {
    fc.assert(
      fc.property(messy, (html) => {
        const doc = readHtml(html, 'fuzz.html');
        expect(typeof doc.text).toBe('string');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });

  it('readFeed yields documents or errors for any input', () => {
    fc.assert(
      fc.property(messy, (xml) => {
        for (const item of readFeed(`<?xml version="1.0"?><rss version="2.0"><channel>${xml}</channel></rss>`, 'fuzz.rss')) {
          expect(typeof item.ok).toBe('boolean');
        }
        for (const item of readFeed(xml, 'fuzz.xml')) expect(typeof item.ok).toBe('boolean');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
