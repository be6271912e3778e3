// Cytoscape styles and the entity-type palette (shared by the explorer and the embed). Colours
// keep ≥ 4.5:1 contrast with white text (badges) and read apart for common colour blindness
// because each type also has its own shape.
import type { EdgeSingular, StylesheetJson } from 'cytoscape';

export const TYPE_STYLE: Record<string, { color: string; shape: string; label: string; symbol: string }> = {
  Person: { color: '#2563eb', shape: 'ellipse', label: 'Person', symbol: '●' },
  Organization: { color: '#c2410c', shape: 'round-rectangle', label: 'Organisation', symbol: '■' },
  Place: { color: '#047857', shape: 'diamond', label: 'Place', symbol: '◆' },
};

/** The ontology's co-occurrence type: drawn faint, without a label, and hideable. */
export const CO_OCCURRENCE = 'ASSOCIATED_WITH';

const PATH = '#7c3aed';
const SELECTED = '#e11d48';

/** Edge labels read as prose ("met with"), whatever made the elements (explorer or server JSON). */
const edgeLabel = (e: EdgeSingular): string => String(e.data('type') ?? e.data('label') ?? '').toLowerCase().replace(/_/g, ' ');

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
      color: '#1d2330',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 7,
      width: 'mapData(degree, 0, 20, 20, 50)',
      height: 'mapData(degree, 0, 20, 20, 50)',
      'border-width': 2,
      'border-color': '#ffffff',
      'background-color': '#5b6475',
    },
  },
  ...Object.entries(TYPE_STYLE).map(([type, s]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': s.color, shape: s.shape as 'ellipse' },
  })),
  { selector: 'node.focus', style: { 'border-color': '#111827', 'border-width': 3 } },
  { selector: 'node.path', style: { 'border-color': PATH, 'border-width': 5, 'z-index': 10 } },
  { selector: 'node:selected', style: { 'border-color': SELECTED, 'border-width': 4, 'font-weight': 'bold', 'z-index': 20 } },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      width: 'mapData(evidenceCount, 1, 6, 1.5, 6)',
      'line-color': '#8a94a6',
      'target-arrow-color': '#8a94a6',
      label: edgeLabel as unknown as string,
      'font-size': 9,
      color: '#374151',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 8,
    },
  },
  {
    selector: `edge[type = "${CO_OCCURRENCE}"]`,
    style: { 'line-style': 'dashed', 'line-dash-pattern': [4, 4], opacity: 0.35, label: '', 'target-arrow-shape': 'none', width: 1.2 },
  },
  { selector: 'edge.path', style: { 'line-color': PATH, 'target-arrow-color': PATH, opacity: 1, width: 5, 'z-index': 10, label: edgeLabel as unknown as string } },
  { selector: 'edge:selected', style: { 'line-color': SELECTED, 'target-arrow-color': SELECTED, opacity: 1, width: 5, label: edgeLabel as unknown as string } },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: 'edge.faded', style: { label: '' } },
  { selector: '.filtered', style: { display: 'none' } },
  // Big graphs: straight, label-less edges are an order of magnitude cheaper to draw.
  { selector: 'edge.lite', style: { 'curve-style': 'haystack', 'haystack-radius': 0, label: '', 'target-arrow-shape': 'none' } },
  {
    selector: 'node.lite',
    style: { 'min-zoomed-font-size': 16, 'border-width': 0, width: 'mapData(degree, 0, 40, 8, 36)', height: 'mapData(degree, 0, 40, 8, 36)' },
  },
  { selector: 'node.lite:selected', style: { 'border-width': 3, 'min-zoomed-font-size': 0 } },
];
