// Layout pieces without the page: seeding, fcose options, the first-picture spiral and the big-graph
// force layout the worker runs. Kept free of cola and the DOM so the worker bundle stays small
// (it starts faster) and so the big-graph layout can be tested in Node.
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';

let fcoseRegistered = false;
/** Registers fcose with Cytoscape once (a second registration warns). */
export function useFcose(): void {
  if (fcoseRegistered) return;
  cytoscape.use(fcose);
  fcoseRegistered = true;
}

/** Nodes above which the view switches to the cheap layout and cheap drawing. */
export const BIG_GRAPH = 400;

/** Runs fn with Math.random replaced by a seeded generator (mulberry32): fcose is random inside. */
export function seeded<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  let a = seed >>> 0 || 1;
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** A seed derived from the node ids, so one set of entities always gets one picture. */
export function seedFor(ids: string[]): number {
  let h = 2166136261;
  for (const id of [...ids].sort()) for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type FcoseOptions = Record<string, unknown> & { name: 'fcose' };

export const asLayout = (o: FcoseOptions): LayoutOptions => o as unknown as LayoutOptions;

export function fcoseOptions(nodeCount: number): FcoseOptions {
  const big = nodeCount > BIG_GRAPH;
  return {
    name: 'fcose',
    quality: big ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    packComponents: false,
    nodeRepulsion: () => (big ? 4500 : 16000),
    idealEdgeLength: () => (big ? 60 : 120),
    edgeElasticity: () => 0.45,
    gravity: 0.3,
    numIter: big ? 600 : 2500,
    tile: true,
  };
}

export type Point = { x: number; y: number };
export type Positions = Record<string, Point>;

/** Instant placement for a first picture: a sunflower spiral, best-connected nodes in the middle. */
export function spiralPositions(ids: string[], degree: Map<string, number>): Map<string, Point> {
  const order = [...ids].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : 1));
  return new Map(
    order.map((id, i) => {
      const r = 28 * Math.sqrt(i);
      return [id, { x: r * Math.cos(i * 2.39996), y: r * Math.sin(i * 2.39996) }] as const;
    }),
  );
}

/** What the worker is asked to lay out: node ids and [source, target] pairs. */
export interface LayoutJob { seed: number; nodes: string[]; edges: [string, string][] }

/** Room per node in a big graph (px); the draft layout alone is tight for its node count. */
const ROOM = 45;

/**
 * The big-graph layout: seeded fcose 'draft' (spectral) over the nodes that have relations, spread
 * to about ROOM px per node; nodes without relations go in a grid beside it. Unlinked nodes are
 * kept out of fcose because it joins every component with collection operations per component
 * (hundreds of single nodes cost more than the layout itself); styles are off (headless, no
 * drawing) because building a styled instance of 7,000 elements costs as much again.
 */
export function bigGraphPositions({ seed, nodes, edges }: LayoutJob): Positions {
  const ids = new Set(nodes);
  const linked = new Set<string>();
  for (const [s, t] of edges) if (ids.has(s) && ids.has(t)) linked.add(s).add(t);
  const positions: Positions = {};
  // Lone nodes go in a grid to the right (the legend covers the bottom-left of the explorer).
  let right = 0;
  let height = Math.sqrt(nodes.length) * ROOM;
  if (linked.size > 0) {
    useFcose();
    const cy = cytoscape({
      headless: true,
      styleEnabled: false,
      elements: [
        ...[...linked].map((id) => ({ group: 'nodes' as const, data: { id } })),
        ...edges.filter(([s, t]) => ids.has(s) && ids.has(t)).map(([source, target], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source, target } })),
      ],
    });
    seeded(seed, () => cy.layout(asLayout({ ...fcoseOptions(Math.max(linked.size, BIG_GRAPH + 1)), quality: 'draft' })).run());
    const raw = cy.nodes().map((n) => [n.id(), n.position()] as const);
    cy.destroy();
    const xs = raw.map(([, p]) => p.x);
    const ys = raw.map(([, p]) => p.y);
    const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
    const span = Math.max(1, Math.max(...xs) - x0, Math.max(...ys) - y0);
    const k = Math.max(1, (ROOM * Math.sqrt(linked.size)) / span);
    for (const [id, p] of raw) positions[id] = { x: (p.x - x0) * k, y: (p.y - y0) * k };
    height = Math.max(ROOM, (Math.max(...ys) - y0) * k);
    right = (Math.max(...xs) - x0) * k + 2 * ROOM;
  }
  const unlinked = nodes.filter((id) => !linked.has(id));
  const perColumn = Math.max(1, Math.floor(height / ROOM) + 1);
  unlinked.forEach((id, i) => void (positions[id] = { x: right + Math.floor(i / perColumn) * ROOM, y: (i % perColumn) * ROOM }));
  return positions;
}
