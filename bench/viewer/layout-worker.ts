// Web worker for the bench page: the explorer's full-quality fcose (viz/layout-core.ts options) on
// a headless Cytoscape instance, positions posted back (the "same layout in a worker" baseline).
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { asLayout, BIG_GRAPH, fcoseOptions, seeded, useFcose } from '../../viz/layout-core.js';

useFcose();

self.onmessage = (e: MessageEvent<{ elements: ElementDefinition[]; seed: number }>) => {
  const t0 = performance.now();
  const cy = cytoscape({ headless: true, elements: e.data.elements, styleEnabled: false });
  seeded(e.data.seed, () => cy.layout(asLayout({ ...fcoseOptions(BIG_GRAPH), randomize: true })).run());
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = n.position();
  });
  self.postMessage({ positions, layoutMs: performance.now() - t0 });
};
