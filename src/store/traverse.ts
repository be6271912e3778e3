// Graph traversals over an adjacency primitive, shared by backends that lack native ones
// (SQLite): capped breadth-first neighbourhoods and all shortest paths by bidirectional BFS.
import type { Relation } from '../model/types.js';

/** Relations touching `id`, best first (the caller's order decides who survives a cap). */
export type AdjacencyFn = (id: string) => Relation[];

const other = (r: Relation, id: string): string => (r.source === id ? r.target : r.source);

export function bfsNeighbourhood(
  seeds: string[],
  adjacency: AdjacencyFn,
  depth: number,
  limit: number,
): { nodeIds: string[]; relations: Relation[]; truncated: boolean } {
  const nodes = new Set<string>(seeds.slice(0, limit));
  const relations = new Map<string, Relation>();
  let truncated = seeds.length > limit;
  let frontier = [...nodes];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const r of adjacency(id)) {
        const n = other(r, id);
        if (!nodes.has(n)) {
          if (nodes.size >= limit) {
            truncated = true;
            continue;
          }
          nodes.add(n);
          next.push(n);
        }
        relations.set(r.id, r);
      }
    }
    frontier = next;
  }
  // Also keep edges among the chosen nodes that the walk did not traverse (same-level links).
  for (const id of nodes) for (const r of adjacency(id)) if (nodes.has(other(r, id))) relations.set(r.id, r);
  return { nodeIds: [...nodes], relations: [...relations.values()], truncated };
}

/** Up to `first` shortest paths (as relation lists) from `from` to `to` within `maxHops`. */
export function shortestPaths(
  from: string,
  to: string,
  adjacency: AdjacencyFn,
  maxHops: number,
  first: number,
  maxVisited = 200_000,
): Relation[][] {
  if (from === to) return [];
  // Forward and backward BFS layers; parents record every edge that reaches a node at its depth.
  const parents = [new Map<string, Relation[]>([[from, []]]), new Map<string, Relation[]>([[to, []]])];
  const frontiers = [[from], [to]];
  const depthOf = [new Map([[from, 0]]), new Map([[to, 0]])];
  let meeting: string[] = [];
  let hops = 0;
  while (hops < maxHops && frontiers[0]!.length > 0 && frontiers[1]!.length > 0) {
    const side = frontiers[0]!.length <= frontiers[1]!.length ? 0 : 1;
    const next: string[] = [];
    const level = depthOf[side]!;
    const par = parents[side]!;
    for (const id of frontiers[side]!) {
      const d = level.get(id)!;
      for (const r of adjacency(id)) {
        const n = other(r, id);
        const known = level.get(n);
        if (known === undefined) {
          level.set(n, d + 1);
          par.set(n, [r]);
          next.push(n);
        } else if (known === d + 1) {
          par.get(n)!.push(r);
        }
      }
    }
    frontiers[side] = next;
    hops++;
    const met = next.filter((n) => depthOf[1 - side]!.has(n));
    if (met.length > 0) {
      // Keep only meeting nodes on the shortest total length.
      const total = (n: string) => depthOf[0]!.get(n)! + depthOf[1]!.get(n)!;
      const best = Math.min(...met.map(total));
      meeting = met.filter((n) => total(n) === best);
      break;
    }
    if (level.size + depthOf[1 - side]!.size > maxVisited) break;
  }
  if (meeting.length === 0) return [];

  const expand = (side: 0 | 1, node: string, budget: number): Relation[][] => {
    const start = side === 0 ? from : to;
    if (node === start) return [[]];
    const out: Relation[][] = [];
    for (const r of parents[side]!.get(node) ?? []) {
      for (const rest of expand(side, other(r, node), budget - out.length)) {
        out.push([...rest, r]);
        if (out.length >= budget) return out;
      }
    }
    return out;
  };

  const results: Relation[][] = [];
  const seen = new Set<string>();
  for (const m of meeting) {
    for (const left of expand(0, m, first)) {
      for (const right of expand(1, m, first)) {
        const path = [...left, ...right.reverse()];
        const key = path.map((r) => r.id).join(',');
        if (!seen.has(key)) {
          seen.add(key);
          results.push(path);
        }
        if (results.length >= first) return results;
      }
    }
  }
  return results;
}

/** The node sequence of a path of relations starting at `from`. */
export function pathNodes(from: string, path: Relation[]): string[] {
  const ids = [from];
  for (const r of path) ids.push(other(r, ids[ids.length - 1]!));
  return ids;
}
