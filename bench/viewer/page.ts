// Bench page for the full-quality layout of a mid-size graph and the naive baseline: Cytoscape.js
// bundled like viz/ (scripts/build-viz.mjs) with the explorer's own styles and fcose options
// (viz/layout-core.ts). The big-graph figures go through the built explorer itself.
import cytoscape, { type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { asLayout, BIG_GRAPH, fcoseOptions, seedFor, seeded, useFcose } from '../../viz/layout-core.js';
import { graphStyle } from '../../viz/style.js';

useFcose();

/** The explorer's full-quality options: what it runs for a view of up to BIG_GRAPH nodes. */
const fullQuality = () => asLayout({ ...fcoseOptions(BIG_GRAPH), quality: 'default' });

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));

function mount(elements: ElementDefinition[], style: StylesheetJson, layout: cytoscape.LayoutOptions) {
  const container = document.getElementById('cy')!;
  return cytoscape({ container, elements, style, layout });
}

const seedOf = (elements: ElementDefinition[]) => seedFor(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id!));

/** Mid-size graph: the explorer's full-quality fcose on the page (or in a worker), then drawn. */
async function quality(elements: ElementDefinition[], useWorker: boolean): Promise<{ settledMs: number; layoutMs: number }> {
  const t0 = performance.now();
  if (useWorker) {
    const worker = new Worker('layout-worker.js', { type: 'module' });
    const done = await new Promise<{ positions: Record<string, { x: number; y: number }>; layoutMs: number }>((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage({ elements, seed: seedOf(elements) });
    });
    worker.terminate();
    const cy = mount(elements, graphStyle, { name: 'preset', positions: (n: cytoscape.NodeSingular) => done.positions[n.id()]!, fit: true } as cytoscape.LayoutOptions);
    const settledMs = (await frame()) - t0;
    cy.destroy();
    return { settledMs, layoutMs: done.layoutMs };
  }
  const cy = mount(elements, graphStyle, { name: 'preset' } as cytoscape.LayoutOptions);
  const l0 = performance.now();
  seeded(seedOf(elements), () => cy.layout(fullQuality()).run());
  cy.fit(undefined, 40);
  const layoutMs = performance.now() - l0;
  const settledMs = (await frame()) - t0;
  cy.destroy();
  return { settledMs, layoutMs };
}

/** Baseline: what a naive explorer does with a big graph (fcose default quality on the page). */
async function naive(elements: ElementDefinition[]): Promise<{ settledMs: number }> {
  const t0 = performance.now();
  const cy = mount(elements, graphStyle, { name: 'fcose', quality: 'default', randomize: true, animate: false } as cytoscape.LayoutOptions);
  const settledMs = (await frame()) - t0;
  cy.destroy();
  return { settledMs };
}

Object.assign(window, { bench: { quality, naive } });
