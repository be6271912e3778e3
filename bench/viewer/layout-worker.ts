// Web worker: runs fcose on a headless Cytoscape instance and posts node positions back, so the
// page stays responsive and can draw a first picture while the layout runs.
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

self.onmessage = (e: MessageEvent<{ elements: ElementDefinition[]; quality: 'draft' | 'default' }>) => {
  const t0 = performance.now();
  const cy = cytoscape({ headless: true, elements: e.data.elements, styleEnabled: false });
  cy.layout({ name: 'fcose', quality: e.data.quality, randomize: true, animate: false } as cytoscape.LayoutOptions).run();
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = n.position();
  });
  self.postMessage({ positions, layoutMs: performance.now() - t0 });
};
