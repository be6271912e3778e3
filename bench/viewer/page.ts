// Bench page for the explorer's drawing and layout costs: Cytoscape.js + fcose bundled like
// viz/ (scripts/build-viz.mjs), the viewer's own styles, and two strategies timed in the page.
import cytoscape, { type ElementDefinition, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphStyle } from '../../viz/style.js';

cytoscape.use(fcose);

/** Large graphs: straight edges without labels, node labels only when legible. */
const largeGraphStyle: StylesheetJson = [
  ...graphStyle,
  { selector: 'node', style: { 'min-zoomed-font-size': 9 } },
  { selector: 'edge', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', label: '' } },
];

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));

function mount(elements: ElementDefinition[], style: StylesheetJson, layout: cytoscape.LayoutOptions) {
  const container = document.getElementById('cy')!;
  return cytoscape({ container, elements, style, layout, hideEdgesOnViewport: true, textureOnViewport: true, pixelRatio: 1 });
}

/** Big graph: concentric-by-degree first paint, fcose draft in a worker, then a preset layout. */
async function big(elements: ElementDefinition[]): Promise<{ firstRenderMs: number; settledMs: number; layoutMs: number; redrawMs: number }> {
  const t0 = performance.now();
  const worker = new Worker('layout-worker.js', { type: 'module' });
  const positions = new Promise<{ positions: Record<string, { x: number; y: number }>; layoutMs: number }>((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
  });
  worker.postMessage({ elements, quality: 'draft' });
  const cy = mount(elements, largeGraphStyle, { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 4, animate: false } as cytoscape.LayoutOptions);
  const firstRenderMs = (await frame()) - t0;
  const done = await positions;
  const arrived = performance.now();
  // One batch: moving 2,000 nodes one by one re-renders and re-measures after each.
  cy.batch(() => {
    cy.nodes().positions((n) => done.positions[n.id()]!);
  });
  cy.fit(undefined, 30);
  const end = await frame();
  worker.terminate();
  cy.destroy();
  return { firstRenderMs, settledMs: end - t0, layoutMs: done.layoutMs, redrawMs: end - arrived };
}

/** Small graph: the explorer's full-quality fcose on the page, then drawn. */
async function quality(elements: ElementDefinition[], useWorker: boolean): Promise<{ settledMs: number; layoutMs: number }> {
  const t0 = performance.now();
  if (useWorker) {
    const worker = new Worker('layout-worker.js', { type: 'module' });
    const done = await new Promise<{ positions: Record<string, { x: number; y: number }>; layoutMs: number }>((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage({ elements, quality: 'default' });
    });
    worker.terminate();
    const cy = mount(elements, graphStyle, { name: 'preset', positions: (n: cytoscape.NodeSingular) => done.positions[n.id()]!, fit: true } as cytoscape.LayoutOptions);
    const settledMs = (await frame()) - t0;
    cy.destroy();
    return { settledMs, layoutMs: done.layoutMs };
  }
  const cy = mount(elements, graphStyle, { name: 'preset' } as cytoscape.LayoutOptions);
  const l0 = performance.now();
  cy.layout({ name: 'fcose', quality: 'default', randomize: true, animate: false } as cytoscape.LayoutOptions).run();
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

Object.assign(window, { bench: { big, quality, naive } });
