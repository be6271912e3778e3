// Layouts: a seeded force layout for a whole view (same input → same picture, which keeps
// published snapshots stable), an incremental one that adds nodes around an expanded node
// without moving the rest, and a web-worker path for big graphs so the page stays responsive.
import cytoscape, { type Core, type NodeCollection, type NodeSingular, type LayoutOptions } from 'cytoscape';
import cola from 'cytoscape-cola';
import fcose from 'cytoscape-fcose';

let registered = false;
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(cola);
  registered = true;
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

type Positions = Record<string, { x: number; y: number }>;

/** Lays out big graphs in a worker (served as /layout-worker.js); null when workers fail. */
function layoutInWorker(cy: Core, seed: number): Promise<Positions | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker('/layout-worker.js');
    } catch {
      resolve(null);
      return;
    }
    const done = (p: Positions | null) => {
      worker.terminate();
      resolve(p);
    };
    worker.onmessage = (ev: MessageEvent<{ positions?: Positions }>) => done(ev.data.positions ?? null);
    worker.onerror = () => done(null);
    worker.postMessage({
      seed,
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map((e) => [e.source().id(), e.target().id()]),
    });
  });
}

/** Instant placement for a first picture: a sunflower spiral, best-connected nodes in the middle. */
export function spiralPositions(ids: string[], degree: Map<string, number>): Map<string, { x: number; y: number }> {
  const order = [...ids].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : 1));
  return new Map(
    order.map((id, i) => {
      const r = 28 * Math.sqrt(i);
      return [id, { x: r * Math.cos(i * 2.39996), y: r * Math.sin(i * 2.39996) }] as const;
    }),
  );
}

function placeSpiral(cy: Core): void {
  const positions = spiralPositions(cy.nodes().map((n) => n.id()), new Map(cy.nodes().map((n) => [n.id(), n.degree(false)] as const)));
  cy.batch(() => cy.nodes().forEach((node) => void node.position(positions.get(node.id())!)));
}

/**
 * Lays out every node of the view from scratch; deterministic for a given set of ids. Big graphs
 * are drawn at once on a spiral (`onFirstPicture`), then get the force layout from a worker.
 */
export async function layoutAll(cy: Core, onFirstPicture?: () => void, placed = false): Promise<void> {
  const n = cy.nodes().length;
  if (n === 0) return;
  const seed = seedFor(cy.nodes().map((x) => x.id()));
  if (n > BIG_GRAPH && typeof Worker !== 'undefined') {
    if (!placed) placeSpiral(cy);
    onFirstPicture?.();
    const positions = await layoutInWorker(cy, seed);
    if (positions) {
      // The draft layout is tight for its node count: give each node about 45px of room.
      const ps = Object.values(positions);
      const span = Math.max(1, Math.max(...ps.map((p) => p.x)) - Math.min(...ps.map((p) => p.x)), Math.max(...ps.map((p) => p.y)) - Math.min(...ps.map((p) => p.y)));
      const k = Math.max(1, (45 * Math.sqrt(n)) / span);
      cy.batch(() =>
        cy.nodes().forEach((node) => {
          const p = positions[node.id()];
          if (p) node.position({ x: p.x * k, y: p.y * k });
        }),
      );
      return;
    }
  }
  if (n === 1) {
    cy.nodes().positions({ x: 0, y: 0 });
    return;
  }
  seeded(seed, () => cy.layout(asLayout(fcoseOptions(n))).run());
}

/**
 * Places `added` on a ring around `anchor`, opening away from the rest of the graph, then lets
 * cola settle them with every other node locked: the rest of the graph does not move. Big views
 * keep the ring (cheap and predictable).
 */
export function layoutAround(cy: Core, anchor: NodeSingular, added: NodeCollection, animate = true): Promise<void> {
  if (added.empty()) return Promise.resolve();
  const centre = { ...anchor.position() };
  const existing = cy.nodes().difference(added);
  const others = existing.difference(anchor);
  const bb = others.nonempty() ? others.boundingBox({}) : null;
  const away = bb ? Math.atan2(centre.y - (bb.y1 + bb.y2) / 2, centre.x - (bb.x1 + bb.x2) / 2) : 0;
  const k = added.length;
  const spread = others.nonempty() ? Math.min(2 * Math.PI, Math.PI * 0.8 + k * 0.3) : 2 * Math.PI;
  // Enough circumference for ~60px per node.
  const radius = Math.max(130, (k * 60) / spread);
  added.forEach((node, i) => {
    const angle = away - spread / 2 + (spread * (i + 0.5)) / k;
    node.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
  if (cy.nodes().length > BIG_GRAPH) return Promise.resolve();
  const locked = existing.filter(':unlocked');
  locked.lock();
  const layout = cy.layout({
    name: 'cola',
    animate,
    randomize: false,
    fit: false,
    centerGraph: false,
    handleDisconnected: false,
    avoidOverlap: true,
    nodeSpacing: () => 14,
    edgeLength: 150,
    maxSimulationTime: 1200,
    convergenceThreshold: 0.02,
  } as unknown as LayoutOptions);
  const done = layout.promiseOn('layoutstop').then(() => void locked.unlock());
  layout.run();
  return done;
}
