// Shared set-up for the browser tests: a store from hand-made fixtures (deterministic, independent
// of extraction quality), a hub with many neighbours, a host page on another origin for the embed,
// and small page helpers (click a graph element where it is drawn, read Cytoscape state).
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { entityId } from '../../src/model/names.js';
import type { LinkedDocument } from '../../src/model/types.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildDocument, docA, docB } from '../helpers/fixtures.js';

export const TOKEN = 'e2e-token-456';

export const ids = {
  vardanyan: entityId('Person', 'Ruben Vardanyan'),
  troika: entityId('Organization', 'Troika Dialog'),
  sberbank: entityId('Organization', 'Sberbank'),
  moscow: entityId('Place', 'Moscow'),
  mossad: entityId('Organization', 'Mossad'),
  dgse: entityId('Organization', 'General Directorate of External Security'),
  barnea: entityId('Person', 'David Barnea'),
  hub: entityId('Person', 'Hub Minister'),
};

/** A hub with 40 people and 20 places around it (more than the explorer adds without asking). */
export function hubDocument(): LinkedDocument {
  const people = Array.from({ length: 40 }, (_, i) => `Person Number${String.fromCharCode(65 + (i % 26))}${i >= 26 ? 'x' : ''}`);
  const places = Array.from({ length: 20 }, (_, i) => `Town${String.fromCharCode(65 + i)}ville`);
  return buildDocument({
    title: 'The minister and everyone',
    byline: 'B. Writer',
    publishedAt: '2024-06-15',
    sentences: [...people.map((p) => `Hub Minister met ${p}.`), ...places.map((p) => `Hub Minister visited ${p}.`)],
    entities: [['Hub Minister', 'Person'], ...people.map((p) => [p, 'Person'] as [string, 'Person']), ...places.map((p) => [p, 'Place'] as [string, 'Place'])],
    relations: [
      ...people.map((p, i) => ['Hub Minister', 'MET_WITH', p, i, 0.9 - i * 0.005] as [string, string, string, number, number]),
      ...places.map((p, i) => ['Hub Minister', 'ASSOCIATED_WITH', p, people.length + i, 0.3] as [string, string, string, number, number]),
    ],
  });
}

export async function createFixtureStore(docs: LinkedDocument[] = [docA(), docB(), hubDocument()]): Promise<SqliteStore> {
  const store = new SqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'kg-e2e-')), 'kg.sqlite') });
  await store.init();
  for (const d of docs) await store.addDocument(d);
  return store;
}

/** A second web server on another loopback address: a different site, like a newsroom's page. */
export async function startHostPage(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.2:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

type Target = Page | Frame;

/** Waits until the page (or frame) has finished loading its graph. */
export const loaded = (t: Target) => t.waitForSelector('body[data-loaded="true"]', { timeout: 20_000 });

/** Clicks a node or edge of the Cytoscape graph where it is drawn (as a user would). */
export async function clickElement(page: Page, id: string, frame?: Frame, dbl = false): Promise<void> {
  const t: Target = frame ?? page;
  const local = await t.evaluate((elId) => {
    const cy = (window as any).cy;
    const el = cy.getElementById(elId);
    if (el.empty()) throw new Error(`no element ${elId}`);
    const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  let offset = { x: 0, y: 0 };
  if (frame) {
    const box = await (await frame.frameElement()).boundingBox();
    offset = { x: box!.x, y: box!.y };
  }
  const x = local.x + offset.x;
  const y = local.y + offset.y;
  if (dbl) await page.mouse.dblclick(x, y);
  else await page.mouse.click(x, y);
}

export const nodeIds = (t: Target): Promise<string[]> => t.evaluate(() => (window as any).cy.nodes().map((n: any) => n.id()).sort());
export const visibleNodeIds = (t: Target): Promise<string[]> =>
  t.evaluate(() => (window as any).cy.nodes().filter((n: any) => !n.hasClass('filtered')).map((n: any) => n.id()).sort());
export const visibleEdgeTypes = (t: Target): Promise<string[]> =>
  t.evaluate(() => [...new Set<string>((window as any).cy.edges().filter((e: any) => !e.hasClass('filtered')).map((e: any) => e.data('type')))].sort());
/** Waits for Cytoscape animations (centre/fit) to finish, so elements are where they are drawn. */
export const settled = (t: Target) => t.waitForFunction(() => !(window as any).cy.animated() && !(window as any).cy.elements().some((e: any) => e.animated()));

/** Of a node's visible edges, the one whose drawn midpoint is farthest from any node and other edge (safe to click). */
export const clickableEdge = (t: Target, nodeId: string): Promise<string> =>
  t.evaluate((id) => {
    const cy = (window as any).cy;
    const { w, h } = { w: cy.width(), h: cy.height() };
    let best = { id: '', clearance: -1 };
    cy.getElementById(id)
      .connectedEdges(':visible')
      .forEach((e: any) => {
        const p = e.renderedMidpoint();
        if (p.x < 20 || p.y < 20 || p.x > w - 20 || p.y > h - 20) return;
        let clearance = Infinity;
        cy.nodes(':visible').forEach((n: any) => {
          const q = n.renderedPosition();
          clearance = Math.min(clearance, Math.hypot(p.x - q.x, p.y - q.y) - n.renderedOuterWidth() / 2);
        });
        cy.edges(':visible').forEach((o: any) => {
          if (o.id() === e.id()) return;
          const q = o.renderedMidpoint();
          clearance = Math.min(clearance, Math.hypot(p.x - q.x, p.y - q.y));
        });
        if (clearance > best.clearance) best = { id: e.id(), clearance };
      });
    if (!best.id) throw new Error(`no clickable edge at ${id}`);
    return best.id;
  }, nodeId);
