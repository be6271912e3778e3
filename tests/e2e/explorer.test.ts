// The explorer in Chromium over a fixture store (deterministic): search → select → expand →
// edge evidence, hub expansion, path finder, filters and timeline, shareable URL, big graphs,
// phone width. Screenshots go to test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { relationId } from '../../src/model/names.js';
import type { RunningServer } from '../../src/server.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR, startTestServer } from '../helpers/browser.js';
import { clickElement, createFixtureStore, ids, loaded, nodeIds, settled, visibleEdgeTypes, visibleNodeIds } from './setup.js';

const founded = relationId(ids.vardanyan, 'FOUNDED', ids.troika);
const partner = relationId(ids.mossad, 'PARTNER_OF', ids.dgse);

describe.skipIf(!chromiumAvailable())('explorer in Chromium (fixture graph)', () => {
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  const errors: string[] = [];

  async function open(path = '/', viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    // Fail a step well before the test's own timeout, so the report names the step.
    page.setDefaultTimeout(12_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}${path}`);
    await loaded(page);
    return page;
  }

  beforeAll(async () => {
    store = await createFixtureStore();
    server = await startTestServer(store);
    base = server.url.replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    expect(errors).toEqual([]);
  });

  it('starts with an empty state that says what to do', async () => {
    const page = await open();
    expect(await page.textContent('#stage-state')).toMatch(/empty.*search/i);
    expect(await page.textContent('#panel')).toMatch(/search a name/i);
    await page.close();
  });

  it('search → select → expand → click an edge → evidence with both mentions highlighted', async () => {
    const page = await open();
    await page.keyboard.press('/');
    await page.keyboard.type('Vardan');
    await page.waitForSelector('.ac-results li');
    const first = await page.textContent('.ac-results li');
    expect(first).toContain('Ruben Vardanyan');
    expect(first).toContain('Person');
    expect(first).toContain('Vardanyan'); // the alias
    await page.keyboard.press('Enter');
    await loaded(page);
    await page.waitForSelector('#panel [data-entity-panel] h2');
    expect(await page.textContent('#panel h2')).toBe('Ruben Vardanyan');
    // Relations are text in the page, grouped by type.
    const groups = await page.$$eval('#panel .rel-group h4', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(groups.some((g) => g.startsWith('founded'))).toBe(true);
    expect(groups.some((g) => g.startsWith('met with'))).toBe(true);
    expect(await nodeIds(page)).toEqual([ids.barnea, ids.vardanyan, ids.troika].sort());
    expect(await page.evaluate(() => (window as any).cy.$(':selected').id())).toBe(ids.vardanyan);

    // Double-click Troika Dialog: Sberbank joins, nothing already shown moves.
    await settled(page);
    const before = await page.evaluate(() => Object.fromEntries((window as any).cy.nodes().map((n: any) => [n.id(), { ...n.position() }])));
    // The dbltap event itself: a real double-click's two taps can be split by a busy CI machine.
    await page.evaluate((id) => (window as any).cy.getElementById(id).emit('dbltap'), ids.troika);
    await page.waitForFunction((id) => (window as any).cy.getElementById(id).nonempty(), ids.sberbank);
    await loaded(page);
    const after = await page.evaluate(() => Object.fromEntries((window as any).cy.nodes().map((n: any) => [n.id(), { ...n.position() }])));
    for (const [id, p] of Object.entries(before) as [string, { x: number; y: number }][]) {
      expect(Math.hypot(after[id].x - p.x, after[id].y - p.y), `${id} moved`).toBeLessThan(0.5);
    }
    expect(await page.evaluate((id) => (window as any).cy.getElementById(id).connectedEdges().length, ids.sberbank)).toBe(2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-expanded.png` });

    // Click the FOUNDED edge where it is drawn.
    await settled(page);
    await clickElement(page, founded);
    await page.waitForSelector(`[data-relation-panel="${founded}"]`);
    expect(await page.textContent('.relation-title')).toMatch(/Ruben Vardanyan\s+founded\s+Troika Dialog/);
    const items = await page.$$eval('.evidence-item', (lis) =>
      lis.map((li) => ({ text: li.querySelector('blockquote')!.textContent, marks: [...li.querySelectorAll('mark')].map((m) => m.textContent), cite: li.querySelector('cite')!.textContent })),
    );
    const troikaSentence = items.find((i) => i.text === 'Ruben Vardanyan founded Troika Dialog in Moscow.');
    expect(troikaSentence?.marks).toEqual(['Ruben Vardanyan', 'Troika Dialog']);
    expect(troikaSentence?.cite).toBe('Troika story · A. Reporter · 2024-01-10');
    expect(await page.textContent('.relation-meta')).toMatch(/Confidence \d+%/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-evidence.png` });

    // Hide Troika, then undo brings it back with its edges.
    await page.click(`#panel [data-entity="${ids.troika}"]`);
    await page.waitForSelector(`[data-entity-panel="${ids.troika}"]`);
    await page.click('#btn-hide');
    expect(await nodeIds(page)).not.toContain(ids.troika);
    await page.click('#btn-undo');
    expect(await nodeIds(page)).toContain(ids.troika);
    expect(await page.evaluate((id) => (window as any).cy.getElementById(id).connectedEdges().length, ids.troika)).toBe(3);
    await page.close();
  });

  it('expanding a hub asks first and adds at most the chosen number per type', async () => {
    const page = await open();
    await page.fill('#search', 'Hub Minister');
    await page.waitForSelector('.ac-results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-entity-panel="${ids.hub}"]`);
    // Opening a hub shows its strongest 10 per type without asking.
    const typesShown = async () =>
      page.evaluate((hub) => {
        const counts: Record<string, number> = {};
        (window as any).cy.getElementById(hub).neighborhood('node').forEach((n: any) => void (counts[n.data('type')] = (counts[n.data('type')] ?? 0) + 1));
        return counts;
      }, ids.hub);
    expect(await typesShown()).toEqual({ Person: 10, Place: 10 });
    expect(await page.textContent('#status')).toMatch(/60 neighbours; showing 20/);

    await page.click('#btn-expand');
    await page.waitForSelector('#expand-dialog[open]');
    const dialog = await page.textContent('#expand-dialog');
    expect(dialog).toMatch(/40 neighbours not yet shown/);
    expect(dialog).toMatch(/Person\s*30/);
    expect(dialog).toMatch(/Place\s*10/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-hub-dialog.png` });
    await page.fill('#expand-dialog input[name="perType"]', '3');
    await page.click('#expand-dialog button.primary');
    await page.waitForFunction((hub) => (window as any).cy.getElementById(hub).neighborhood('node').length === 26, ids.hub);
    await loaded(page);
    expect(await typesShown()).toEqual({ Person: 13, Place: 13 });

    // Cancelling adds nothing.
    await page.click('#btn-expand');
    await page.waitForSelector('#expand-dialog[open]');
    await page.click('#expand-dialog button[value="cancel"]');
    await loaded(page);
    expect(await typesShown()).toEqual({ Person: 13, Place: 13 });
    expect(await page.textContent('#status')).toMatch(/cancelled/);
    await page.close();
  });

  it('path finder highlights the shortest path(s) between two entities', async () => {
    const page = await open();
    await page.click('#btn-path');
    await page.fill('#path-from', 'Mossad');
    await page.waitForSelector('#path-from-results li');
    await page.keyboard.press('Enter');
    await page.keyboard.type('DGSE');
    await page.waitForSelector('#path-to-results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.paths .hops');
    await loaded(page);
    expect(await page.textContent('.paths h2')).toMatch(/Mossad → General Directorate of External Security/);
    expect(await page.textContent('.paths .hops')).toMatch(/Mossad\s*partner of\s*General Directorate/);
    const pathIds = await page.evaluate(() => (window as any).cy.$('.path').map((e: any) => e.id()).sort());
    expect(pathIds).toEqual([ids.dgse, ids.mossad, partner].sort());

    // A two-step path, added to the graph that is already there.
    await page.fill('#path-from', 'Ruben Vardanyan');
    await page.waitForSelector('#path-from-results li');
    await page.keyboard.press('Enter');
    await page.fill('#path-to', 'Mossad');
    await page.waitForSelector('#path-to-results li');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.paths h2')?.textContent?.startsWith('Ruben Vardanyan'));
    await loaded(page);
    expect(await page.textContent('.paths .meta')).toMatch(/1 shortest path of 2 steps/);
    expect(await page.evaluate(() => (window as any).cy.nodes('.path').map((n: any) => n.id()).sort())).toEqual([ids.barnea, ids.mossad, ids.vardanyan].sort());
    expect(page.url()).toContain(`from=${ids.vardanyan}`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-path.png` });

    // Clicking a hop shows its evidence.
    await page.click('.paths .hops button.rel');
    await page.waitForSelector('.evidence-item mark');
    await page.close();
  });

  it('filters by entity type, relation type, co-occurrence, confidence, document and date', async () => {
    const page = await open(`/?ids=${[ids.vardanyan, ids.troika, ids.moscow, ids.barnea, ids.sberbank, ids.mossad].join(',')}`);
    await page.click('#btn-filters');
    await page.waitForSelector('#filters-form input[name="entityType"]');
    const all = await visibleNodeIds(page);
    expect(all).toHaveLength(6);

    await page.uncheck('#filters-form input[name="entityType"][value="Place"]');
    expect(await visibleNodeIds(page)).not.toContain(ids.moscow);
    expect(page.url()).toContain('hideTypes=Place');
    await page.check('#filters-form input[name="entityType"][value="Place"]');

    await page.uncheck('#filters-form input[name="relationType"][value="FOUNDED"]');
    expect(await visibleEdgeTypes(page)).not.toContain('FOUNDED');
    await page.check('#filters-form input[name="relationType"][value="FOUNDED"]');

    // Minimum confidence 0.85: weaker relations (e.g. OWNS at 0.7) go, the strong ones stay.
    await page.$eval('#filters-form input[name="minConfidence"]', (el: HTMLInputElement) => {
      el.value = '0.85';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const confidences = await page.evaluate(() => (window as any).cy.edges().filter((e: any) => !e.hasClass('filtered')).map((e: any) => e.data('confidence')));
    expect(confidences.length).toBeGreaterThan(0);
    expect(Math.min(...confidences)).toBeGreaterThanOrEqual(0.85);
    expect(await visibleEdgeTypes(page)).not.toContain('OWNS');
    expect(await page.textContent('output[name="minConfidenceOut"]')).toBe('85%');
    await page.$eval('#filters-form input[name="minConfidence"]', (el: HTMLInputElement) => {
      el.value = '0';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });

    // One document: only the intelligence story's relations.
    const docB = await page.$eval('#filters-form select[name="document"]', (s: HTMLSelectElement) => [...s.options].find((o) => o.text.startsWith('Intelligence story'))!.value);
    await page.selectOption('#filters-form select[name="document"]', docB);
    expect(await visibleEdgeTypes(page)).toEqual(['FOUNDED', 'LEADS', 'MET_WITH']);
    expect(await visibleNodeIds(page)).not.toContain(ids.sberbank);
    await page.selectOption('#filters-form select[name="document"]', '');

    // Timeline: up to the first publication date shows only what the Troika story reported.
    expect(await page.isDisabled('#filters-form input[name="until"]')).toBe(false);
    await page.$eval('#filters-form input[name="until"]', (el: HTMLInputElement) => {
      el.value = '0';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.textContent('output[name="untilOut"]')).toBe('2024-01-10');
    expect(await visibleEdgeTypes(page)).toEqual(['BASED_IN', 'FOUNDED', 'OWNS']);
    expect(await visibleNodeIds(page)).not.toContain(ids.barnea);
    expect(page.url()).toContain('until=2024-01-10');
    expect(await page.textContent('#counts')).toMatch(/4 of 6 relations shown/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-filters.png` });
    await page.close();
  });

  it('the shareable URL restores entities, selection and filters', async () => {
    const page = await open(`/?entity=${ids.vardanyan}`);
    await page.waitForSelector(`[data-entity-panel="${ids.vardanyan}"]`);
    await page.click('#btn-filters');
    await page.uncheck('#filters-form input[name="entityType"][value="Place"]');
    await settled(page);
    await clickElement(page, founded);
    await page.waitForSelector(`[data-relation-panel="${founded}"]`);
    const shown = await nodeIds(page);
    const url = page.url();
    expect(url).toContain(`sel=${founded}`);
    await page.close();

    const again = await open(url.replace(base, ''));
    await again.waitForSelector(`[data-relation-panel="${founded}"]`);
    expect(await nodeIds(again)).toEqual(shown);
    expect(await again.evaluate(() => (window as any).cy.$(':selected').id())).toBe(founded);
    expect(await visibleNodeIds(again)).not.toContain(ids.moscow);
    expect(await again.isVisible('#btn-filters .dot')).toBe(true);
    await again.close();
  });

  it('reports missing entities of a shared link instead of failing', async () => {
    const page = await open(`/?ids=${ids.vardanyan},p-nobody-at-all`);
    expect(await page.textContent('#status')).toMatch(/1 entities of the shared view no longer exist/);
    expect(await nodeIds(page)).toEqual([ids.vardanyan]);
    await page.close();

    // A link to an entity that is gone: an error state that says so, not a blank page.
    const gone = await open('/?entity=p-nobody-at-all');
    await gone.waitForSelector('#panel .state-error');
    expect(await gone.textContent('#panel')).toMatch(/no longer exists/);
    expect(await gone.textContent('#stage-state')).toMatch(/failed: that entity no longer exists/);
    expect(await gone.getAttribute('#status', 'class')).toBe('error');
    await gone.close();
  });

  it('exports PNG and Cytoscape JSON', async () => {
    const page = await open(`/?ids=${ids.vardanyan},${ids.troika}`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#btn-json')]);
    const body = JSON.parse((await import('node:fs')).readFileSync((await json.path())!, 'utf8'));
    expect(body.elements.nodes.map((n: any) => n.data.id).sort()).toEqual([ids.vardanyan, ids.troika].sort());
    expect(body.elements.edges.map((e: any) => e.data.id)).toEqual([founded]);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#btn-png')]);
    expect((await import('node:fs')).readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('draws a 2,000-node / 5,000-edge graph with the cheap layout and drawing', async () => {
    const page = await open();
    await page.evaluate(async () => {
      const nodes = Array.from({ length: 2000 }, (_, i) => ({ group: 'nodes', data: { id: `n${i}`, label: `Node ${i}`, type: ['Person', 'Organization', 'Place'][i % 3] } }));
      // A seeded random graph with a few hubs, like news graphs.
      let s = 42;
      const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const edges = Array.from({ length: 5000 }, (_, i) => ({
        group: 'edges',
        data: { id: `e${i}`, source: `n${Math.floor(rnd() ** 2 * 2000)}`, target: `n${Math.floor(rnd() * 2000)}`, type: 'MET_WITH', label: 'MET_WITH', confidence: 0.5, evidenceCount: 1 },
      }));
      await (window as any).kgExplorer.loadElements([...nodes, ...edges]);
    });
    const stats = await page.evaluate(() => {
      const cy = (window as any).cy;
      return {
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        lite: cy.edges('.lite').length,
        distinct: new Set(cy.nodes().map((n: any) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)).size,
      };
    });
    expect(stats).toMatchObject({ nodes: 2000, edges: 5000, lite: 5000 });
    // Laid out, not stacked: almost every node has a place of its own.
    expect(stats.distinct).toBeGreaterThan(1800);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-2000-nodes.png` });
    await page.close();
  });

  it('is usable at phone width', async () => {
    const page = await open(`/?entity=${ids.vardanyan}`, { width: 390, height: 844 });
    await page.waitForSelector(`[data-entity-panel="${ids.vardanyan}"]`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.isVisible('#search')).toBe(true);
    expect(await page.isVisible('#panel h2')).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-phone.png`, fullPage: true });
    await page.close();
  });
});
