// The Cytoscape instance of the explorer: adding elements (with incremental layout), degrees
// for node size, cheap drawing for big graphs, fitting, and the read-outs other modules need.
import cytoscape, { type Core, type ElementDefinition, type NodeCollection } from 'cytoscape';
import { BIG_GRAPH, layoutAll, layoutAround, registerLayouts } from './layout.js';
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

  /** Big graphs: straight edges without labels or arrows (see style.ts `.lite`). */
  function updateLite(): void {
    const big = cy.nodes().length > BIG_GRAPH || cy.edges().length > 1000;
    cy.batch(() => {
      if (big) cy.elements().addClass('lite');
      else cy.elements().removeClass('lite');
    });
  }

  /** Fit, but never magnify a small graph into giant labels (zoom capped while fitting). */
  function fit(eles?: cytoscape.CollectionArgument, animate = false): void {
    const target = eles ?? cy.elements(':visible');
    if (target.empty()) return;
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
    const nodeDefs = defs.filter((d) => d.group === 'nodes' && cy.getElementById(d.data.id!).empty());
    const known = new Set([...cy.nodes().map((n) => n.id()), ...nodeDefs.map((d) => d.data.id!)]);
    const edgeDefs = defs.filter(
      (d) => d.group === 'edges' && cy.getElementById(d.data.id!).empty() && known.has(String(d.data.source)) && known.has(String(d.data.target)),
    );
    const seen = new Set<string>();
    const unique = [...nodeDefs, ...edgeDefs].filter((d) => !seen.has(d.data.id!) && seen.add(d.data.id!));
    const anchorEl = anchor ? cy.getElementById(anchor) : cy.collection();
    // Copy positions: Cytoscape keeps the object it is given, and a shared one moves together.
    const start = anchorEl.nonempty() ? { ...(anchorEl as cytoscape.NodeSingular).position() } : { x: 0, y: 0 };
    const added = cy.add(unique.map((d) => ({ ...d, position: { ...(d.position ?? start) } })));
    updateDegrees();
    updateLite();
    const nodes = added.nodes();
    const anchorNode = anchor ? cy.getElementById(anchor) : null;
    if (wasEmpty || !anchorNode || anchorNode.empty()) await layoutAll(cy, onFirstPicture);
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
