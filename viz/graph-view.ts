// The Cytoscape instance of the explorer: adding elements (with incremental layout), degrees
// for node size, cheap drawing for big graphs, fitting, and the read-outs other modules need.
import cytoscape, { type Core, type ElementDefinition, type NodeCollection } from 'cytoscape';
import { BIG_GRAPH, layoutAll, layoutAround, layoutJob, registerLayouts, spiralPositions } from './layout.js';
import { graphStyle } from './style.js';

const FIT_MAX_ZOOM = 1.1;

export interface AddResult { nodes: NodeCollection; edgeCount: number }

export function createGraphView(container: HTMLElement) {
  registerLayouts();
  const cy: Core = cytoscape({
    container,
    style: graphStyle,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });

  function updateDegrees(): void {
    cy.batch(() => cy.nodes().forEach((n) => void n.data('degree', n.connectedEdges().length)));
  }

  /**
   * Big graphs: straight edges without labels or arrows (style.ts `.lite`), and while panning or
   * zooming a cached picture without edges (Cytoscape reads these renderer flags every frame).
   */
  let lite = false;
  function setLite(big: boolean): void {
    const r = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } | undefined }).renderer();
    if (r) {
      r.hideEdgesOnViewport = big;
      r.textureOnViewport = big;
    }
    if (big === lite) return;
    lite = big;
    cy.batch(() => {
      // Only elements that change: a class change restyles, and the new ones already have it.
      if (big) cy.elements().not('.lite').addClass('lite');
      else cy.elements('.lite').removeClass('lite');
    });
  }
  const updateLite = (): void => setLite(cy.nodes().length > BIG_GRAPH || cy.edges().length > 1000);

  /** Fit from node positions alone: no style or label measuring, so big graphs fit at once. */
  function fitPositions(target: cytoscape.NodeCollection): void {
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    target.forEach((n) => {
      const p = n.position();
      [x1, y1, x2, y2] = [Math.min(x1, p.x), Math.min(y1, p.y), Math.max(x2, p.x), Math.max(y2, p.y)];
    });
    const pad = 40;
    const zoom = Math.max(cy.minZoom(), Math.min(FIT_MAX_ZOOM, (cy.width() - 2 * pad) / Math.max(1, x2 - x1), (cy.height() - 2 * pad) / Math.max(1, y2 - y1)));
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - (zoom * (x1 + x2)) / 2, y: cy.height() / 2 - (zoom * (y1 + y2)) / 2 } });
  }

  /** Fit, but never magnify a small graph into giant labels (zoom capped while fitting). */
  function fit(eles?: cytoscape.CollectionArgument, animate = false): void {
    const target = eles ?? cy.elements().not('.filtered');
    if (target.empty()) return;
    if (lite) return fitPositions(target.nodes());
    const max = cy.maxZoom();
    cy.maxZoom(FIT_MAX_ZOOM);
    if (!animate) {
      cy.fit(target, 40);
      cy.maxZoom(max);
      return;
    }
    cy.stop();
    cy.animate({ fit: { eles: target, padding: 50 } }, { duration: 250, complete: () => void cy.maxZoom(max) });
  }

  /**
   * Adds what is new; edges only when both ends are in view. With `anchor`, new nodes are laid
   * out around it and nothing else moves; otherwise (or when the view was empty) everything is
   * laid out again.
   */
  async function add(defs: ElementDefinition[], anchor?: string, onFirstPicture?: () => void): Promise<AddResult> {
    const wasEmpty = cy.nodes().empty();
    const seen = new Set<string>();
    const fresh = (d: ElementDefinition) => !cy.hasElementWithId(d.data.id!) && !seen.has(d.data.id!) && seen.add(d.data.id!);
    const nodeDefs = defs.filter((d) => d.group === 'nodes' && fresh(d));
    const known = new Set([...cy.nodes().map((n) => n.id()), ...nodeDefs.map((d) => d.data.id!)]);
    const edgeDefs = defs.filter((d) => d.group === 'edges' && known.has(String(d.data.source)) && known.has(String(d.data.target)) && fresh(d));
    // Degrees and drawing mode go into the definitions: one style pass for big graphs, not three.
    const degree = new Map<string, number>(cy.nodes().map((n) => [n.id(), n.connectedEdges().length] as const));
    for (const e of edgeDefs) for (const end of [String(e.data.source), String(e.data.target)]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const big = cy.nodes().length + nodeDefs.length > BIG_GRAPH || cy.edges().length + edgeDefs.length > 1000;
    const anchorEl = anchor ? cy.getElementById(anchor) : cy.collection();
    // Copy positions: Cytoscape keeps the object it is given, and a shared one moves together.
    const start = anchorEl.nonempty() ? { ...(anchorEl as cytoscape.NodeSingular).position() } : { x: 0, y: 0 };
    const spiral = wasEmpty && big ? spiralPositions(nodeDefs.map((d) => d.data.id!), degree) : null;
    // The worker's job from the definitions (cheaper than reading 7,000 elements back).
    const job = spiral && nodeDefs.length > BIG_GRAPH
      ? layoutJob(nodeDefs.map((d) => d.data.id!), edgeDefs.map((d) => [String(d.data.source), String(d.data.target)] as [string, string]))
      : undefined;
    const added = cy.add([
      ...nodeDefs.map((d) => ({
        ...d,
        data: { ...d.data, degree: degree.get(d.data.id!) ?? 0 },
        position: { ...(spiral?.get(d.data.id!) ?? d.position ?? start) },
        ...(big ? { classes: 'lite' } : {}),
      })),
      ...edgeDefs.map((d) => (big ? { ...d, classes: 'lite' } : d)),
    ]);
    cy.batch(() =>
      cy.nodes().difference(added).forEach((n) => {
        if (n.data('degree') !== degree.get(n.id())) n.data('degree', degree.get(n.id()) ?? 0);
      }),
    );
    setLite(big);
    const nodes = added.nodes();
    const anchorNode = anchor ? cy.getElementById(anchor) : null;
    if (wasEmpty || !anchorNode || anchorNode.empty()) await layoutAll(cy, onFirstPicture, spiral !== null, job);
    else await layoutAround(cy, anchorNode, nodes);
    return { nodes, edgeCount: added.edges().length };
  }

  function remove(ids: string[]): void {
    cy.batch(() => ids.forEach((id) => cy.getElementById(id).remove()));
    updateDegrees();
    updateLite();
  }

  return {
    cy,
    add,
    remove,
    fit,
    updateDegrees,
    updateLite,
    relayout: (onFirstPicture?: () => void) => layoutAll(cy, onFirstPicture),
    nodeIds: (): string[] => cy.nodes().map((n) => n.id()),
  };
}
export type GraphView = ReturnType<typeof createGraphView>;
