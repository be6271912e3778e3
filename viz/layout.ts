// Layouts: a seeded force layout for a whole view (same input → same picture, which keeps
// published snapshots stable), an incremental one that adds nodes around an expanded node
// without moving the rest, and a web-worker path for big graphs so the page stays responsive.
import cytoscape, { type Core, type NodeCollection, type NodeSingular, type LayoutOptions } from 'cytoscape';
import cola from 'cytoscape-cola';
import { asLayout, BIG_GRAPH, fcoseOptions, seedFor, seeded, spiralPositions, useFcose, type LayoutJob, type Positions } from './layout-core.js';

export { BIG_GRAPH, fcoseOptions, seedFor, seeded, spiralPositions, asLayout, type FcoseOptions, type LayoutJob } from './layout-core.js';

let registered = false;
export function registerLayouts(): void {
  if (registered) return;
  useFcose();
  cytoscape.use(cola);
  registered = true;
}

// One layout worker for the page, reused: starting one (loading and compiling Cytoscape and fcose)
// costs about as much as a draft layout of 2,000 nodes, so it is started ahead when the page is idle.
let worker: Worker | null = null;
let jobs = 0;
const waiting = new Map<number, (p: Positions | null) => void>();

function layoutWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker('/layout-worker.js');
  } catch {
    return null;
  }
  worker.onmessage = (ev: MessageEvent<{ id: number; positions?: Positions }>) => {
    waiting.get(ev.data.id)?.(ev.data.positions ?? null);
    waiting.delete(ev.data.id);
  };
  worker.onerror = () => {
    // A broken worker answers nothing: callers fall back to the layout on the page.
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Starts the layout worker and compiles its layout code on a tiny graph, ahead of a big one. */
export function warmLayoutWorker(): void {
  void layoutInWorker({ seed: 1, nodes: ['a', 'b', 'c'], edges: [['a', 'b'], ['b', 'c']] });
}

/** Lays out a big graph in the worker; null when workers are unavailable or fail. */
export function layoutInWorker(job: LayoutJob): Promise<Positions | null> {
  const w = layoutWorker();
  if (!w) return Promise.resolve(null);
  const id = ++jobs;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    w.postMessage({ id, ...job });
  });
}

/** The worker's job for these nodes and edges (the seed depends on the node ids only). */
export function layoutJob(nodes: string[], edges: [string, string][]): LayoutJob {
  return { seed: seedFor(nodes), nodes, edges };
}

function placeSpiral(cy: Core): void {
  const positions = spiralPositions(cy.nodes().map((n) => n.id()), new Map(cy.nodes().map((n) => [n.id(), n.degree(false)] as const)));
  cy.batch(() => cy.nodes().forEach((node) => void node.position(positions.get(node.id())!)));
}

/** Resolves once the frame being drawn now is on screen (rAF runs before paint, the timeout after). */
const afterNextPaint = (): Promise<void> =>
  new Promise((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0)));

/**
 * Lays out every node of the view from scratch; deterministic for a given set of ids. Big graphs
 * are drawn at once on a spiral (`onFirstPicture`), then get the force layout from the worker
 * (`job`: the caller's, built from the definitions). The job is posted once the first picture is
 * on screen: on two busy cores a worker running alongside delays that picture more than it saves.
 */
export async function layoutAll(cy: Core, onFirstPicture?: () => void, placed = false, job?: LayoutJob): Promise<void> {
  const n = cy.nodes().length;
  if (n === 0) return;
  const ids = cy.nodes().map((x) => x.id());
  if (n > BIG_GRAPH && typeof Worker !== 'undefined') {
    if (!placed) placeSpiral(cy);
    onFirstPicture?.();
    await afterNextPaint();
    const positions = await layoutInWorker(job ?? layoutJob(ids, cy.edges().map((e) => [e.source().id(), e.target().id()] as [string, string])));
    // For the benchmark: when the worker's answer reached the page (before it is drawn).
    performance.mark('kg:layout-arrived');
    if (positions) {
      cy.batch(() => cy.nodes().positions((node) => positions[node.id()] ?? node.position()));
      return;
    }
  }
  if (n === 1) {
    cy.nodes().positions({ x: 0, y: 0 });
    return;
  }
  seeded(seedFor(ids), () => cy.layout(asLayout(fcoseOptions(n))).run());
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
