// Cytoscape styles and the entity-type palette (shared by the explorer and the embed).
import type { StylesheetJson } from 'cytoscape';

export const TYPE_STYLE: Record<string, { color: string; shape: string; label: string }> = {
  Person: { color: '#2f6fdf', shape: 'ellipse', label: 'Person' },
  Organization: { color: '#d9822b', shape: 'round-rectangle', label: 'Organisation' },
  Place: { color: '#2e9e6a', shape: 'diamond', label: 'Place' },
};

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1d2330',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      width: 'mapData(degree, 0, 20, 18, 44)',
      height: 'mapData(degree, 0, 20, 18, 44)',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(TYPE_STYLE).map(([type, s]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': s.color, shape: s.shape as 'ellipse' },
  })),
  { selector: 'node.focus', style: { 'border-color': '#111827', 'border-width': 3 } },
  { selector: 'node:selected', style: { 'border-color': '#e11d48', 'border-width': 3 } },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      width: 'mapData(evidenceCount, 1, 6, 1.5, 5)',
      'line-color': '#8a94a6',
      'target-arrow-color': '#8a94a6',
      label: 'data(label)',
      'font-size': 8,
      color: '#4b5563',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge[type = "ASSOCIATED_WITH"]', style: { 'line-style': 'dashed', opacity: 0.35, label: '', 'target-arrow-shape': 'none' } },
  { selector: 'edge:selected', style: { 'line-color': '#e11d48', 'target-arrow-color': '#e11d48', opacity: 1, width: 4 } },
];
