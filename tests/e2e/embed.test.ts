// The newsroom embed in Chromium: inside a cross-origin <iframe> on another site, as the
// <kg-graph> web component, and published snapshots (via the explorer's Embed button) that do not
// change when the graph does. Also the framing headers that make this work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { relationId } from '../../src/model/names.js';
import type { RunningServer } from '../../src/server.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildDocument } from '../helpers/fixtures.js';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR, startTestServer } from '../helpers/browser.js';
import { clickElement, createFixtureStore, ids, loaded, nodeIds, startHostPage, TOKEN } from './setup.js';

const founded = relationId(ids.vardanyan, 'FOUNDED', ids.troika);

const article = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Newsroom article</title>
<style>body{font:17px/1.5 Georgia,serif;max-width:760px;margin:24px auto;color:#222}h1{font-size:28px}</style></head>
<body><h1>Who is behind Troika Dialog?</h1><p>Our reporters traced the connections below. Click a line to read the source.</p>${body}
<p>Article text continues…</p></body></html>`;

describe.skipIf(!chromiumAvailable())('embed in Chromium', () => {
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  const errors: string[] = [];

  async function newPage(viewport = { width: 1000, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(12_000);
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  async function embedFrame(page: Page): Promise<Frame> {
    await page.waitForFunction(() => document.querySelector('iframe') || document.querySelector('kg-graph')?.shadowRoot?.querySelector('iframe'));
    let frame: Frame | undefined;
    await expect.poll(() => (frame = page.frames().find((f) => f.url().includes('/embed?')))).toBeTruthy();
    await loaded(frame!);
    return frame!;
  }

  beforeAll(async () => {
    store = await createFixtureStore();
    server = await startTestServer(store, TOKEN);
    base = server.url.replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    expect(errors).toEqual([]);
  });

  it('serves /embed to be framed anywhere, and the explorer only by itself', async () => {
    const embed = await fetch(`${base}/embed?entity=${ids.vardanyan}`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const explorer = await fetch(`${base}/`);
    expect(explorer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(explorer.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const component = await fetch(`${base}/kg-graph.js`);
    expect(component.status).toBe(200);
    expect(component.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('renders inside a cross-origin iframe and shows evidence when an edge is clicked', async () => {
    const host = await startHostPage(
      article(`<iframe src="${base}/embed?entity=${ids.vardanyan}&depth=1" title="Connections of Ruben Vardanyan" width="100%" height="460" style="border:1px solid #ddd;border-radius:8px"></iframe>`),
    );
    const page = await newPage();
    try {
      await page.goto(host.url);
      const frame = await embedFrame(page);
      expect(new URL(frame.url()).origin).not.toBe(new URL(host.url).origin);
      expect(await nodeIds(frame)).toEqual([ids.barnea, ids.troika, ids.vardanyan].sort());
      expect(await frame.textContent('#title')).toBe('Connections of Ruben Vardanyan');
      await clickElement(page, founded, frame);
      await frame.waitForSelector('#evidence:not([hidden]) .evidence-item');
      const marks = await frame.$$eval('#evidence .evidence-item', (lis) => lis.map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent)));
      expect(marks).toContainEqual(['Ruben Vardanyan', 'Troika Dialog']);
      expect(await frame.textContent('#evidence')).toContain('Troika story · A. Reporter · 2024-01-10');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-cross-origin.png` });
      // Read-only: nothing to edit, and nodes cannot be dragged around.
      expect(await frame.evaluate(() => (window as any).cy.autoungrabify())).toBe(true);
      expect(await frame.$('input, button:not(.close)')).toBeNull();
    } finally {
      await page.close();
      await host.close();
    }
  });

  it('works as the one-line <script> + <kg-graph> web component', async () => {
    const host = await startHostPage(article(`<script src="${base}/kg-graph.js" defer></script><kg-graph entity="${ids.mossad}" depth="1" height="380"></kg-graph>`));
    const page = await newPage();
    try {
      await page.goto(host.url);
      const frame = await embedFrame(page);
      expect(frame.url()).toBe(`${base}/embed?entity=${ids.mossad}&depth=1`);
      expect(await nodeIds(frame)).toEqual([ids.barnea, ids.dgse, ids.mossad].sort());
      const height = await page.evaluate(() => document.querySelector('kg-graph')!.getBoundingClientRect().height);
      expect(Math.round(height)).toBe(380);
    } finally {
      await page.close();
      await host.close();
    }
  });

  it('explains an empty or unknown embed instead of showing a blank box', async () => {
    const page = await newPage({ width: 500, height: 300 });
    await page.goto(`${base}/embed`);
    expect(await page.textContent('#status')).toMatch(/Nothing to show/);
    await page.goto(`${base}/embed?snapshot=s-does-not-exist`);
    await page.waitForSelector('body[data-loaded="error"]');
    expect(await page.textContent('#status')).toMatch(/not found/);
    await page.close();
  });

  it('the Embed button explains why it cannot publish when the server has writes disabled', async () => {
    const readOnly = await startTestServer(store, null);
    const page = await newPage({ width: 1280, height: 800 });
    try {
      await page.goto(`${readOnly.url.replace('localhost', '127.0.0.1')}/?ids=${ids.vardanyan},${ids.troika}&sel=${ids.vardanyan}`);
      await loaded(page);
      await page.click('#btn-embed');
      await page.fill('#embed-dialog input[name="token"]', 'anything');
      await page.click('#embed-dialog [data-action="publish"]');
      await page.waitForFunction(() => /writes disabled/.test(document.querySelector('#embed-dialog .embed-status')?.textContent ?? ''));
      expect(await page.textContent('#embed-dialog .embed-status')).toMatch(/KG_API_TOKEN/);
      // The live snippets still work without a token.
      expect(await page.inputValue('#snip-live-iframe')).toContain(`/embed?entity=${ids.vardanyan}&depth=1`);
    } finally {
      await page.close();
      await readOnly.close();
    }
  });

  it('the Embed button publishes a snapshot that renders as published, even after the graph changes', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await page.goto(`${base}/?ids=${ids.vardanyan},${ids.troika},${ids.moscow}&sel=${ids.vardanyan}`);
    await loaded(page);
    await page.click('#btn-embed');
    await page.waitForSelector('#embed-dialog[open]');
    // No token yet: the dialog asks for it and says why.
    expect(await page.isVisible('#embed-dialog input[name="token"]')).toBe(true);
    expect(await page.textContent('#embed-dialog .token-field')).toMatch(/KG_API_TOKEN/);
    await page.fill('#embed-dialog input[name="token"]', 'wrong-token');
    await page.click('#embed-dialog [data-action="publish"]');
    await page.waitForFunction(() => /did not accept/.test(document.querySelector('#embed-dialog .embed-status')?.textContent ?? ''));
    await page.fill('#embed-dialog input[name="token"]', TOKEN);
    await page.fill('#embed-dialog input[name="title"]', 'Troika Dialog and its founder');
    await page.click('#embed-dialog [data-action="publish"]');
    await page.waitForSelector('#snip-iframe');
    const iframeSnippet = await page.inputValue('#snip-iframe');
    const componentSnippet = await page.inputValue('#snip-component');
    const snapshot = /snapshot=(s-[\w-]+)/.exec(iframeSnippet)![1]!;
    expect(iframeSnippet).toBe(`<iframe src="${base}/embed?snapshot=${snapshot}" title="Troika Dialog and its founder" width="100%" height="480" style="border:0" loading="lazy"></iframe>`);
    expect(componentSnippet).toBe(`<script src="${base}/kg-graph.js" defer></script><kg-graph snapshot="${snapshot}"></kg-graph>`);
    expect(await page.inputValue('#snip-live-component')).toContain(`<kg-graph entity="${ids.vardanyan}" depth="1"></kg-graph>`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-embed-dialog.png` });
    await page.close();

    // The graph changes after publication: a new article links Vardanyan to Moscow.
    await store.addDocument(
      buildDocument({
        title: 'Later story',
        publishedAt: '2024-09-01',
        sentences: ['Ruben Vardanyan lives in Moscow.'],
        entities: [['Ruben Vardanyan', 'Person'], ['Moscow', 'Place']],
        relations: [['Ruben Vardanyan', 'LIVES_IN', 'Moscow', 0, 0.9]],
      }),
    );

    const host = await startHostPage(article(iframeSnippet.replace('height="480"', 'height="560"')));
    const reader = await newPage();
    try {
      await reader.goto(host.url);
      const frame = await embedFrame(reader);
      expect(await frame.textContent('#title')).toBe('Troika Dialog and its founder');
      expect(await nodeIds(frame)).toEqual([ids.moscow, ids.troika, ids.vardanyan].sort());
      const edgeTypes = await frame.evaluate(() => (window as any).cy.edges().map((e: any) => e.data('type')).sort());
      expect(edgeTypes).toEqual(['BASED_IN', 'FOUNDED']);
      const sources = await frame.$$eval('#sources li', (lis) => lis.map((li) => li.textContent));
      expect(sources).toContain('Troika story · A. Reporter · 2024-01-10');
      expect(sources.some((s) => s?.startsWith('Later story'))).toBe(false);
      // Same picture on every load: the layout is seeded by the snapshot's entities.
      const positions = () => frame.evaluate(() => (window as any).cy.nodes().map((n: any) => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))]));
      const first = await positions();
      await frame.evaluate(() => {
        (window as any).beforeReload = true;
        location.reload();
      });
      await frame.waitForFunction(() => !(window as any).beforeReload && document.body?.dataset.loaded === 'true');
      expect(await positions()).toEqual(first);
      await clickElement(reader, founded, frame);
      await frame.waitForSelector('#evidence:not([hidden]) .evidence-item mark');
      await reader.screenshot({ path: `${SCREENSHOT_DIR}/embed-snapshot.png` });
    } finally {
      await reader.close();
      await host.close();
    }

    // The live embed of the same entities does show the new relation.
    const live = await newPage();
    await live.goto(`${base}/embed?ids=${ids.vardanyan},${ids.troika},${ids.moscow}`);
    await loaded(live);
    expect(await live.evaluate(() => (window as any).cy.edges().map((e: any) => e.data('type')).sort())).toContain('LIVES_IN');
    await live.close();
  });
});
