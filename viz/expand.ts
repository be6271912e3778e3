// Expanding a node: fetch its neighbours; a hub (many neighbours) first asks how many to add
// per entity type (counts from Entity.neighbourCounts), then adds at most that many
// (Entity.neighbourhood with limitPerType).
import type { ElementDefinition } from 'cytoscape';
import { esc, typeBadge } from './dom.js';
import { toElements, type Elements } from './elements.js';
import { gql } from './graphql-client.js';
import { NEIGHBOUR_COUNTS, NEIGHBOUR_IDS, SUBGRAPH, type NeighbourCountsResult, type NeighbourIdsResult, type SubgraphResult } from './queries.js';

/** More new neighbours than this and the explorer asks before adding them. */
export const HUB_THRESHOLD = 30;
const MAX_IDS = 500;

export interface ExpandPlan { types: string[]; perType: number }

/** Asks how many neighbours of each type to add; resolves null on cancel. */
export function askHowMany(dialog: HTMLDialogElement, name: string, counts: Map<string, number>, already: number): Promise<ExpandPlan | null> {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  dialog.innerHTML = `
    <form method="dialog" class="expand-form">
      <h2>${esc(name)} has ${total} neighbours not yet shown</h2>
      <p class="note">Adding them all would bury the graph${already ? ` (${already} already shown)` : ''}. Choose the types and how many of each to add; the most strongly connected come first.</p>
      <fieldset><legend>Types</legend>
        ${[...counts.entries()]
          .map(([t, n]) => `<label class="check"><input type="checkbox" name="type" value="${esc(t)}" checked> ${typeBadge(t)} <span>${n}</span></label>`)
          .join('')}
      </fieldset>
      <label class="per-type">At most <input type="number" name="perType" min="1" max="500" value="10" inputmode="numeric"> per type</label>
      <menu>
        <button value="cancel" type="submit" formnovalidate>Cancel</button>
        <button value="add" type="submit" class="primary">Add neighbours</button>
      </menu>
    </form>`;
  return new Promise((resolve) => {
    const form = dialog.querySelector('form')!;
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue !== 'add') return resolve(null);
        const types = [...form.querySelectorAll<HTMLInputElement>('input[name="type"]:checked')].map((i) => i.value);
        const perType = Math.max(1, Math.min(500, Number(form.querySelector<HTMLInputElement>('input[name="perType"]')!.value) || 10));
        resolve(types.length ? { types, perType } : null);
      },
      { once: true },
    );
    dialog.returnValue = '';
    dialog.showModal();
    form.querySelector<HTMLInputElement>('input[name="perType"]')!.select();
  });
}

export interface Neighbourhood { name: string; total: number; byType: Map<string, number> }

/** How many neighbours `id` has, per entity type (Entity.neighbourCounts). */
export async function neighbourCounts(id: string): Promise<Neighbourhood> {
  const { entity } = await gql<NeighbourCountsResult>(NEIGHBOUR_COUNTS, { id });
  if (!entity) throw new Error('that entity no longer exists');
  return { name: entity.name, total: entity.neighbourCounts.total, byType: new Map(entity.neighbourCounts.byEntityType.map((t) => [t.type, t.count])) };
}

/**
 * Neighbours of `id` not in view yet, strongest first. With a plan: at most `perType` new ones of
 * each chosen type (the server caps per type; those already shown count against its cap).
 */
export async function newNeighbours(id: string, shown: Set<string>, plan?: ExpandPlan & { shownPerType: number }): Promise<{ id: string; type: string }[]> {
  const vars = plan ? { id, types: plan.types, limitPerType: plan.perType + plan.shownPerType, limit: 2000 } : { id, limit: 2000 };
  const { entity } = await gql<NeighbourIdsResult>(NEIGHBOUR_IDS, vars);
  if (!entity) throw new Error('that entity no longer exists');
  const fresh = entity.neighbourhood.nodes.filter((n) => n.id !== id && !shown.has(n.id));
  return plan ? pick(fresh, plan) : fresh;
}

export function countByType(nodes: { type: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  return counts;
}

/** At most plan.perType of each of plan.types, in the given (strongest-first) order. */
export function pick<T extends { id: string; type: string }>(nodes: T[], plan: ExpandPlan): T[] {
  const taken = new Map<string, number>();
  return nodes.filter((n) => {
    if (!plan.types.includes(n.type)) return false;
    const k = taken.get(n.type) ?? 0;
    taken.set(n.type, k + 1);
    return k < plan.perType;
  });
}

/** Elements for `ids` plus every relation among them and the entities already shown. */
export async function fetchWithContext(ids: string[], shown: string[], anchor: string | null): Promise<Elements & { all: ElementDefinition[] }> {
  const wanted = [...new Set([...(anchor ? [anchor] : []), ...ids, ...shown])].slice(0, MAX_IDS);
  const data = await gql<SubgraphResult>(SUBGRAPH, { ids: wanted, depth: 0, limit: Math.max(1, wanted.length) });
  const els = toElements(data.subgraph);
  return { ...els, all: [...els.nodes, ...els.edges] };
}
