// Graph traversals over an adjacency primitive, shared by backends that lack native ones
// (SQLite): capped breadth-first neighbourhoods and exact shortest paths by bidirectional BFS.
// Both read adjacency lazily and in bounded slices, so their cost follows the answer's size,
// not the degree of the hubs they pass through.
import type { Relation } from '../model/types.js';

/** One relation seen from a node: its id and the node at the other end. */
export interface Edge {
  id: string;
  other: string;
}

/** Relations touching `id`, strongest first, at most `max` of them (the order decides who survives a cap). */
export type AdjacencyFn = (id: string, max: number) => Edge[];

export interface Walk {
  nodeIds: string[];
  relationIds: string[];
  truncated: boolean;
}

export interface WalkAccess {
  adjacency: AdjacencyFn;
  /** Number of relations touching `id` (an upper bound is fine). */
  degree: (id: string) => number;
  /** Relations between `id` and any of `among` (index probes, for hubs). */
  links: (id: string, among: string[]) => Edge[];
}

/**
 * Breadth-first neighbourhood of `seeds` within `depth` hops, at most `limit` nodes. Relations are
 * read strongest first and only as many as can still add a node; then links among the chosen
 * nodes are completed by reading small nodes whole and probing hubs, within `closureBudget` rows
 * and `maxRelations` relations (hubs' neighbours are hubs: without a cap a 500-node answer
 * carries thousands of links nobody can read; twice the nodes is plenty to draw). Any cut sets `truncated`.
 */
export function bfsNeighbourhood(
  seeds: string[],
  access: WalkAccess,
  depth: number,
  limit: number,
  closureBudget = Math.max(1_000, 2 * limit),
  maxRelations = Math.max(400, 2 * limit),
): Walk {
  const nodes = new Set<string>(seeds.slice(0, limit));
  const relations = new Set<string>();
  const fullyRead = new Set<string>();
  let truncated = seeds.length > limit;
  let frontier = [...nodes];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      const room = limit - nodes.size;
      if (room <= 0) {
        truncated = true;
        break;
      }
      const max = room + 64;
      const edges = access.adjacency(id, max);
      if (edges.length < max) fullyRead.add(id);
      for (const e of edges) {
        if (!nodes.has(e.other)) {
          if (nodes.size >= limit) {
            truncated = true;
            continue;
          }
          nodes.add(e.other);
          next.push(e.other);
          relations.add(e.id);
        } else if (relations.size < maxRelations) {
          relations.add(e.id);
        } else {
          truncated = true;
        }
      }
    }
    frontier = next;
  }
  // Links among the chosen nodes that the walk did not read (same-level and last-level links).
  let budget = closureBudget;
  const among = [...nodes];
  for (const id of among) {
    if (fullyRead.has(id)) continue;
    if (relations.size >= maxRelations) {
      truncated = true;
      break;
    }
    // Reading a node's relations is one sequential index range; a probe per chosen node is a
    // random read, about four times the cost of a row: take the cheaper, within the budget.
    const deg = access.degree(id);
    const probeCost = 4 * among.length;
    const cost = Math.min(deg, probeCost);
    if (cost > budget) {
      truncated = true;
      continue;
    }
    budget -= cost;
    const found = deg <= probeCost ? access.adjacency(id, deg + 1).filter((e) => nodes.has(e.other)).map((e) => e.id) : access.links(id, among).map((e) => e.id);
    for (const rid of found) {
      if (relations.size >= maxRelations && !relations.has(rid)) {
        truncated = true;
        break;
      }
      relations.add(rid);
    }
  }
  return { nodeIds: among, relationIds: [...relations], truncated };
}

/**
 * Hub probing in shortestPaths: for nodes with this many times more relations than the other
 * frontier has nodes (a probe is two index seeks per node, each several times a sequential read).
 */
const HUB_PROBE_FACTOR = 12;
const HUB_PROBE_MAX_FRONTIER = 5_000;

export interface FoundPath {
  /** Node ids from `from` to `to`. */
  nodes: string[];
  /** Relation ids along the path, in order. */
  relations: string[];
}

/**
 * Up to `first` shortest paths from `from` to `to` within `maxHops`: bidirectional BFS that grows
 * the cheaper side (fewer relations to read, by `degree`) and stops in the level where the sides
 * meet as soon as it holds `first` meeting nodes (every meeting in that level has the same length).
 * A hub in the growing frontier is first probed for links to the other side's frontier (the only
 * place a meeting can be); its whole adjacency is read only when the level meets nowhere.
 */
export function shortestPaths(
  from: string,
  to: string,
  { adjacency, degree: storedDegree, links }: WalkAccess,
  maxHops: number,
  first: number,
  maxVisited = 200_000,
): FoundPath[] {
  if (from === to || first <= 0) return [];
  const degrees = new Map<string, number>();
  const degree = (id: string): number => {
    let d = degrees.get(id);
    if (d === undefined) degrees.set(id, (d = storedDegree(id)));
    return d;
  };
  // parents[side]: node -> edges that reach it from the previous layer of that side.
  const parents = [new Map<string, Edge[]>([[from, []]]), new Map<string, Edge[]>([[to, []]])];
  const depthOf = [new Map([[from, 0]]), new Map([[to, 0]])];
  const frontiers = [[from], [to]];
  const cost = (f: string[]): number => {
    let sum = 0;
    for (const id of f.length <= 256 ? f : f.slice(0, 256)) sum += degree(id);
    return f.length <= 256 ? sum : (sum * f.length) / 256;
  };
  const meeting: string[] = [];
  let hops = 0;
  while (hops < maxHops && frontiers[0]!.length > 0 && frontiers[1]!.length > 0) {
    const side = cost(frontiers[0]!) <= cost(frontiers[1]!) ? 0 : 1;
    const level = depthOf[side]!;
    const otherLevel = depthOf[1 - side]!;
    const otherFrontier = frontiers[1 - side]!;
    const par = parents[side]!;
    const next: string[] = [];
    const reach = (n: string, edge: Edge, d: number): boolean => {
      const known = level.get(n);
      if (known === undefined) {
        level.set(n, d + 1);
        par.set(n, [edge]);
        next.push(n);
        if (otherLevel.has(n)) meeting.push(n);
      } else if (known === d + 1) {
        par.get(n)!.push(edge);
      }
      return meeting.length >= first;
    };
    // A pair probe costs about as much as reading one relation: worth it for nodes far above that.
    const isHub = (id: string): boolean => otherFrontier.length <= HUB_PROBE_MAX_FRONTIER && degree(id) > HUB_PROBE_FACTOR * otherFrontier.length;
    const hubs: string[] = [];
    scan: for (const id of frontiers[side]!) {
      const d = level.get(id)!;
      if (isHub(id)) {
        hubs.push(id);
        for (const e of links(id, otherFrontier)) if (reach(e.other, { id: e.id, other: id }, d)) break scan;
        continue;
      }
      for (const e of adjacency(id, Number.MAX_SAFE_INTEGER)) {
        if (reach(e.other, { id: e.id, other: id }, d)) break scan;
      }
    }
    // No meeting in this level: the hubs' neighbours are the next frontier after all.
    if (meeting.length === 0) {
      for (const id of hubs) {
        const d = level.get(id)!;
        for (const e of adjacency(id, Number.MAX_SAFE_INTEGER)) reach(e.other, { id: e.id, other: id }, d);
      }
    }
    frontiers[side] = next;
    hops++;
    if (meeting.length > 0) break;
    if (level.size + otherLevel.size > maxVisited) break;
  }
  if (meeting.length === 0) return [];

  // Half-paths from a side's start to `node`, as edges walked from the start.
  const expand = (side: 0 | 1, node: string, budget: number): FoundPath[] => {
    if (node === (side === 0 ? from : to)) return [{ nodes: [node], relations: [] }];
    const out: FoundPath[] = [];
    for (const e of parents[side]!.get(node) ?? []) {
      for (const rest of expand(side, e.other, budget - out.length)) {
        out.push({ nodes: [...rest.nodes, node], relations: [...rest.relations, e.id] });
        if (out.length >= budget) return out;
      }
    }
    return out;
  };

  const results: FoundPath[] = [];
  const seen = new Set<string>();
  for (const m of meeting) {
    for (const left of expand(0, m, first)) {
      for (const right of expand(1, m, first)) {
        const path: FoundPath = {
          nodes: [...left.nodes, ...right.nodes.slice(0, -1).reverse()],
          relations: [...left.relations, ...[...right.relations].reverse()],
        };
        const key = path.relations.join(',');
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

/**
 * Walk access over a backend that lists whole relations (in-memory views): adapts `list` (an
 * entity's relations, strongest first) and remembers each relation seen, for `relation(id)`.
 */
export function relationListAccess(list: (id: string) => Relation[]): { access: WalkAccess; relation: (id: string) => Relation | undefined } {
  const seen = new Map<string, Relation>();
  const other = (r: Relation, id: string) => (r.source === id ? r.target : r.source);
  const access: WalkAccess = {
    adjacency: (id, max) =>
      list(id)
        .slice(0, max)
        .map((r) => {
          seen.set(r.id, r);
          return { id: r.id, other: other(r, id) };
        }),
    degree: (id) => list(id).length,
    links: (id, among) => {
      const set = new Set(among);
      return list(id)
        .filter((r) => set.has(other(r, id)))
        .map((r) => {
          seen.set(r.id, r);
          return { id: r.id, other: other(r, id) };
        });
    },
  };
  return { access, relation: (id) => seen.get(id) };
}
