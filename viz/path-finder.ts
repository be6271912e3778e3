// Path finder: two autocomplete boxes → `paths` → the shortest path(s) added to the graph and
// highlighted (everything else faded), listed as text in the panel.
import type { Core } from 'cytoscape';
import { toElements, type Elements } from './elements.js';
import { gql } from './graphql-client.js';
import { PATHS, type EntitySummary, type PathsResult } from './queries.js';
import { createAutocomplete, type Autocomplete } from './search.js';

export const MAX_HOPS = 6;

export interface PathFinder {
  setFrom(e: EntitySummary): void;
  setTo(e: EntitySummary): void;
  ends(): { from: EntitySummary | null; to: EntitySummary | null };
}

export function createPathFinder(
  root: HTMLElement,
  onFind: (from: EntitySummary, to: EntitySummary) => void,
  onMessage: (text: string, kind: 'info' | 'error') => void,
): PathFinder {
  const fromInput = root.querySelector<HTMLInputElement>('#path-from')!;
  const toInput = root.querySelector<HTMLInputElement>('#path-to')!;
  const ac: { from: Autocomplete; to: Autocomplete } = {
    from: createAutocomplete(fromInput, { onChoose: () => toInput.focus(), onMessage }),
    to: createAutocomplete(toInput, { onChoose: () => submit(), onMessage }),
  };
  function submit(): void {
    const from = ac.from.chosen();
    const to = ac.to.chosen();
    if (!from || !to) {
      onMessage('Choose both ends of the path from the suggestions.', 'info');
      (from ? toInput : fromInput).focus();
      return;
    }
    onFind(from, to);
  }
  root.querySelector('form')!.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit();
  });
  return {
    setFrom: (e) => ac.from.set(e),
    setTo: (e) => ac.to.set(e),
    ends: () => ({ from: ac.from.chosen(), to: ac.to.chosen() }),
  };
}

export async function findPaths(from: string, to: string): Promise<{ paths: PathsResult['paths']; elements: Elements }> {
  const data = await gql<PathsResult>(PATHS, { from, to, maxHops: MAX_HOPS, first: 5 });
  const nodes = new Map(data.paths.flatMap((p) => p.nodes.map((n) => [n.id, n] as const)));
  const relations = new Map(data.paths.flatMap((p) => p.relations.map((r) => [r.id, r] as const)));
  return { paths: data.paths, elements: toElements({ nodes: [...nodes.values()], relations: [...relations.values()] }) };
}

/** Highlights the path elements and fades the rest; empty ids clear the highlight. */
export function highlightPath(cy: Core, ids: string[]): void {
  cy.batch(() => {
    cy.elements().removeClass('path faded');
    if (!ids.length) return;
    const on = ids.reduce((acc, id) => acc.union(cy.getElementById(id)), cy.collection());
    on.addClass('path');
    cy.elements().difference(on).addClass('faded');
  });
}
