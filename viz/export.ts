// Exports of the current view: a PNG picture and Cytoscape JSON (cy.json(), loadable with
// cytoscape({elements}) or Cytoscape desktop).
import type { Core } from 'cytoscape';
import { download } from './dom.js';

const stamp = (): string => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');

export function exportPng(cy: Core): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }) as unknown as Blob;
  download(`knowledge-graph-${stamp()}.png`, blob);
}

export function cytoscapeJson(cy: Core): { elements: { nodes: unknown[]; edges: unknown[] } } {
  const visible = cy.elements().not('.filtered');
  return {
    elements: {
      nodes: visible.nodes().map((n) => ({ data: n.data(), position: { ...n.position() } })),
      edges: visible.edges().map((e) => ({ data: e.data() })),
    },
  };
}

export function exportJson(cy: Core): void {
  download(`knowledge-graph-${stamp()}.cyjs.json`, new Blob([JSON.stringify(cytoscapeJson(cy), null, 2)], { type: 'application/json' }));
}
