// The viewer in a real browser: search → neighbourhood → side panel → click an edge → evidence.
// Needs `npm run build` (dist/viz) and Debian's /usr/bin/chromium; .ci/run installs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR, startTestServer } from '../helpers/browser.js';
import { createSeededStore } from '../helpers/seeded-store.js';

if (!chromiumAvailable()) console.warn('SKIPPED browser tests: /usr/bin/chromium not found (apt-get install chromium)');

describe.skipIf(!chromiumAvailable())('viewer in Chromium', () => {
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ store } = await createSeededStore());
    server = await startTestServer(store);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('search → choose → neighbourhood and side panel → edge evidence', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url.replace('localhost', '127.0.0.1')}/`);
    await page.fill('#search', 'Vardanyan');
    await page.waitForSelector('#results li');
    expect(await page.textContent('#results li')).toContain('Vardanyan');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-loaded="true"]');
    await page.waitForSelector('#panel h2');
    expect(await page.textContent('#panel h2')).toContain('Vardanyan');
    const nodeCount = await page.evaluate(() => (window as unknown as { cy: { nodes(): { length: number } } }).cy.nodes().length);
    expect(nodeCount).toBeGreaterThan(3);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/viewer-neighbourhood.png` });

    // Click the first relation in the panel: the evidence sentences appear.
    await page.click('#panel button.rel');
    await page.waitForSelector('.evidence-item blockquote');
    expect((await page.textContent('.evidence-item blockquote'))!.length).toBeGreaterThan(10);
    expect(await page.textContent('.evidence-item cite')).toBeTruthy();

    // Click an edge on the canvas, as a user would.
    const edgePos = await page.evaluate(() => {
      const cy = (window as unknown as { cy: any }).cy;
      const edge = cy.edges()[0];
      const p = edge.renderedMidpoint();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, id: edge.id() };
    });
    await page.mouse.click(edgePos.x, edgePos.y);
    await page.waitForFunction(() => document.querySelector('.relation-title') !== null);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/viewer-evidence.png` });
    expect(errors).toEqual([]);
  });

  it('the embed renders a subgraph', async () => {
    const id = (await store.search('Vardanyan'))[0]!.entity.id;
    await page.goto(`${server.url.replace('localhost', '127.0.0.1')}/embed?entity=${encodeURIComponent(id)}&depth=1`);
    await page.waitForSelector('body[data-loaded="true"]');
    const n = await page.evaluate(() => document.querySelector('#graph canvas') !== null);
    expect(n).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/embed.png` });
  });
});
