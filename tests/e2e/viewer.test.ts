// The viewer over the real seed corpus (extracted by the current pipeline): search → select →
// expand → click an edge → evidence; the Mossad → DGSE path when extraction finds both; the embed.
// Entities are picked through search/store queries so the test follows the extractor.
// Needs `npm run build` (dist/viz) and Debian's /usr/bin/chromium; .ci/run installs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR, startTestServer } from '../helpers/browser.js';
import { createSeededStore } from '../helpers/seeded-store.js';
import { HUB_THRESHOLD } from '../../viz/expand.js';
import { clickableEdge, clickElement, loaded, settled } from './setup.js';

if (!chromiumAvailable()) console.warn('SKIPPED browser tests: /usr/bin/chromium not found (apt-get install chromium)');

describe.skipIf(!chromiumAvailable())('viewer in Chromium (seed corpus)', () => {
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ store } = await createSeededStore());
    server = await startTestServer(store);
    base = server.url.replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(12_000);
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('search → choose → expand → click an edge → evidence', async () => {
    const vardanyan = (await store.search('Vardanyan'))[0]!.entity;
    await page.goto(`${base}/`);
    await loaded(page);
    await page.fill('#search', 'Vardanyan');
    await page.waitForSelector('.ac-results li');
    expect(await page.textContent('.ac-results li')).toContain(vardanyan.name);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-entity-panel="${vardanyan.id}"]`);
    await loaded(page);
    expect(await page.textContent('#panel h2')).toBe(vardanyan.name);
    const shown = await page.evaluate(() => (window as any).cy.nodes().length);
    expect(shown).toBeGreaterThan(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/viewer-neighbourhood.png` });

    // The seed articles carry no publication dates: the timeline says so instead of misleading.
    const dated = (await store.listDocuments(100)).nodes.filter((d) => d.publishedAt).length;
    await page.click('#btn-filters');
    if (dated < 2) {
      expect(await page.isDisabled('#filters-form .timeline input[type="range"]')).toBe(true);
      expect(await page.textContent('#filters-form .timeline .note')).toMatch(/no publication dates|nothing to slide/);
    } else expect(await page.isDisabled('#filters-form input[name="until"]')).toBe(false);
    await page.click('#btn-filters');

    // Expand a neighbour that has neighbours of its own.
    const neighbour = await page.evaluate((id) => (window as any).cy.getElementById(id).neighborhood('node').max((n: any) => n.data('documentCount')).ele.id(), vardanyan.id);
    const total = (await store.neighbourCounts(neighbour)).total;
    await page.evaluate((id) => void (window as any).cy.getElementById(id).emit('tap'), neighbour);
    await page.waitForSelector(`[data-entity-panel="${neighbour}"]`);
    const inView = await page.evaluate((id) => (window as any).cy.getElementById(id).neighborhood('node').length, neighbour);
    const hub = total - inView > HUB_THRESHOLD;
    await page.click('#btn-expand');
    if (hub) {
      await page.waitForSelector('#expand-dialog[open]');
      await page.click('#expand-dialog button.primary');
    }
    await loaded(page);
    const neighbours = await page.evaluate((id) => (window as any).cy.getElementById(id).neighborhood('node').length, neighbour);
    if (hub) expect(neighbours).toBeGreaterThan(inView);
    else expect(neighbours).toBe(total);
    expect(await page.evaluate(() => (window as any).cy.nodes().length)).toBeGreaterThanOrEqual(shown);

    // Click an edge on the canvas (at one of Vardanyan's edges; in a dense picture another edge
    // may cross there): the clicked relation's evidence appears with the source article.
    await settled(page);
    await clickElement(page, await clickableEdge(page, vardanyan.id));
    await page.waitForSelector('[data-relation-panel] .evidence-item blockquote');
    const selected = await page.evaluate(() => (window as any).cy.$('edge:selected').id());
    expect(await page.getAttribute('[data-relation-panel]', 'data-relation-panel')).toBe(selected);
    expect((await page.textContent('.evidence-item blockquote'))!.length).toBeGreaterThan(10);
    expect(await page.textContent('.evidence-item cite')).toBeTruthy();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/viewer-evidence.png` });

    // When extraction links Vardanyan to Troika Dialog, the Troika sentence is its evidence.
    const troika = (await store.search('Troika Dialog'))[0]?.entity;
    const rel = troika ? (await store.getRelations(vardanyan.id, { first: 200 })).nodes.find((r) => r.source === troika.id || r.target === troika.id) : undefined;
    if (rel) {
      await page.goto(`${base}/?ids=${vardanyan.id},${troika!.id}&sel=${rel.id}`);
      await page.waitForSelector(`[data-relation-panel="${rel.id}"] .evidence-item`);
      expect(await page.textContent('.evidence')).toMatch(/Troika/);
    } else console.warn('viewer test: no Vardanyan–Troika relation with the current extractor; Troika sentence not checked');
    expect(errors).toEqual([]);
  });

  it('finds the path from Mossad to DGSE when extraction found both', async () => {
    const mossad = (await store.search('Mossad'))[0]?.entity;
    const dgse = (await store.search('DGSE'))[0]?.entity;
    if (!mossad || !dgse) {
      console.warn('viewer test: Mossad or DGSE not extracted by the current extractor; path not checked (see explorer.test.ts for the fixture path)');
      return;
    }
    const expected = await store.paths(mossad.id, dgse.id, { maxHops: 6, first: 5 });
    await page.goto(`${base}/?ids=${mossad.id}&from=${mossad.id}&to=${dgse.id}`);
    await loaded(page);
    if (expected.length === 0) {
      expect(await page.textContent('#panel')).toMatch(/No connection/);
      return;
    }
    await page.waitForSelector('.paths .hops');
    const highlighted = await page.evaluate(() => (window as any).cy.nodes('.path').map((n: any) => n.id()));
    expect(highlighted).toContain(mossad.id);
    expect(highlighted).toContain(dgse.id);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/viewer-path.png` });
  });

  it('the embed renders a subgraph', async () => {
    const id = (await store.search('Vardanyan'))[0]!.entity.id;
    await page.goto(`${base}/embed?entity=${encodeURIComponent(id)}&depth=1`);
    await loaded(page);
    expect(await page.evaluate(() => document.querySelector('#graph canvas') !== null)).toBe(true);
    expect(await page.evaluate(() => (window as any).cy.nodes().length)).toBeGreaterThan(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/embed.png` });
  });
});
