// Web worker: a seeded fcose 'draft' layout of a big graph off the main thread (the page stays
// responsive while 2,000 nodes are placed); posts back { positions: {id: {x, y}} }.
import cytoscape from 'cytoscape';
import { asLayout, fcoseOptions, registerLayouts, seeded } from './layout.js';

registerLayouts();

interface Job { seed: number; nodes: string[]; edges: [string, string][] }

self.onmessage = (ev: MessageEvent<Job>) => {
  const { seed, nodes, edges } = ev.data;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
    elements: [
      ...nodes.map((id) => ({ group: 'nodes' as const, data: { id } })),
      ...edges.map(([source, target], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source, target } })),
    ],
  });
  seeded(seed, () => cy.layout(asLayout({ ...fcoseOptions(nodes.length), quality: 'draft' })).run());
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => void (positions[n.id()] = { ...n.position() }));
  (self as unknown as Worker).postMessage({ positions });
  cy.destroy();
};
