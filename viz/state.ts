// The explorer's view state (selection, filters, highlighted path) and its undo history. The
// graph itself lives in Cytoscape; undo snapshots its elements with positions.
import type { Core, ElementDefinition } from 'cytoscape';

export interface Filters {
  hiddenEntityTypes: string[];
  hiddenRelationTypes: string[];
  /** Show ASSOCIATED_WITH (co-occurrence) edges. */
  coOccurrence: boolean;
  minConfidence: number;
  /** Only relations with evidence in this document. */
  document: string | null;
  /** Only relations first reported on or before this day (YYYY-MM-DD). */
  until: string | null;
}

export const defaultFilters = (): Filters => ({
  hiddenEntityTypes: [],
  hiddenRelationTypes: [],
  coOccurrence: true,
  minConfidence: 0,
  document: null,
  until: null,
});

export const filtersActive = (f: Filters): boolean =>
  f.hiddenEntityTypes.length > 0 || f.hiddenRelationTypes.length > 0 || !f.coOccurrence || f.minConfidence > 0 || f.document !== null || f.until !== null;

export interface ViewState {
  filters: Filters;
  /** Selected node or edge id. */
  selected: string | null;
  /** Entities at the ends of the highlighted path(s). */
  path: { from: string; to: string } | null;
}

export function createState(): ViewState {
  return { filters: defaultFilters(), selected: null, path: null };
}

/** Undo: up to `limit` earlier versions of the graph (elements with positions). */
export function createHistory(cy: Core, limit = 30) {
  const stack: ElementDefinition[][] = [];
  return {
    /** Call before changing the graph. */
    push(): void {
      stack.push(cy.elements().jsons() as unknown as ElementDefinition[]);
      if (stack.length > limit) stack.shift();
    },
    /** Restores the previous graph; false when there is nothing to undo. */
    undo(): boolean {
      const previous = stack.pop();
      if (!previous) return false;
      cy.batch(() => {
        cy.elements().remove();
        cy.add(previous.map((e) => ({ ...e, selected: false })));
      });
      return true;
    },
    get size(): number {
      return stack.length;
    },
  };
}
export type History = ReturnType<typeof createHistory>;
