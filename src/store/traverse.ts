// Graph traversals over an adjacency primitive, shared by backends that lack native ones
// (SQLite): capped breadth-first neighbourhoods and exact shortest paths by bidirectional BFS.
// Both read adjacency lazily and in bounded slices, so their cost follows the answer's size,
// not the degree of the hubs they pass through.
import type { Relation } from '../model/types.js';

/** One relation seen from a node: its key (an id, or a backend's cheaper row key) and the node at the other end. */
export interface Edge<K = string> {
  id: K;
  other: string;
}

/**
 * Relations touching `id`, strongest first, at most `max` of them (the order decides who survives a
 * cap). `few`: the caller will keep few of them (only those reaching new nodes), so a backend that
 * reads whole rows along the way may read just the keys here.
 */
export type AdjacencyFn<K = string> = (id: string, max: number, few?: boolean) => Edge<K>[];

export interface Walk<K = string> {
  nodeIds: string[];
  relationIds: K[];
  truncated: boolean;
}

export interface WalkAccess<K = string> {
  adjacency: AdjacencyFn<K>;
  /** Number of relations touching each of `ids`, in order (upper bounds are fine). */
  degrees: (ids: string[]) => number[];
  /** Relations between any of `ids` and any of `among`, either direction, at most `max`: reads every relation of `ids`. */
  linksFrom: (ids: string[], among: string[], max: number) => K[];
  /**
   * Relations between two of `ids`, each once, in an order of the backend's (SQLite: pair by pair):
   * the first `max` of them. Pair probes, for hubs whose relations are too many to read.
   */
  linksBetween: (ids: string[], max: number) => K[];
  /** Relations between `id` and any of `among`, with the other end: pair probes, for a hub facing a small set. */
  pairLinks: (id: string, among: string[]) => Edge<K>[];
  /** Told once the walk's nodes are final (before the closure reads): a backend may read what it needs of them in one go. */
  chosen?: (ids: string[]) => void;
}

/** Budgets of the closure step of a neighbourhood (links among the chosen nodes). */
export interface ClosureBudget {
  /** Unread chosen nodes considered, nearest the seeds first (each costs a degree lookup). */
  nodes: number;
  /** Relations the backend may scan (not return) to complete links from small nodes. */
  scan: number;
  /** Nodes too big to scan whose pairwise links are probed (probes grow as its square). */
  hubs: number;
}

/**
 * Breadth-first neighbourhood of `seeds` within `depth` hops, at most `limit` nodes. Relations are
 * read strongest first and only as many as can still add a node. Then links among the chosen
 * nodes that the walk did not read are completed, for the `closure.nodes` unread nodes nearest
 * the seeds, in two set-wise reads: every relation of the small ones (smallest first, within
 * `closure.scan` relations scanned) kept when its other end was chosen, and pair probes among the
 * big ones (at most `closure.hubs` of them, nearest the seeds first). At most `maxRelations` relations are kept (hubs' neighbours are hubs: without a
 * cap a 500-node answer carries thousands of links nobody can read; twice the nodes is plenty to
 * draw). Any cut sets `truncated`.
 */
export function bfsNeighbourhood<K>(
  seeds: string[],
  access: WalkAccess<K>,
  depth: number,
  limit: number,
  closure: ClosureBudget = { nodes: 128, scan: Math.max(1_000, 2 * limit), hubs: 16 },
  maxRelations = Math.max(400, 2 * limit),
): Walk<K> {
  const nodes = new Set<string>(seeds.slice(0, limit));
  const relations = new Set<K>();
  const fullyRead = new Set<string>();
  // What each node's adjacency returned (bounds the links among hubs the walk already holds).
  const read = new Map<string, Edge<K>[]>();
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
      const edges = access.adjacency(id, max, relations.size >= maxRelations);
      read.set(id, edges);
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
  const among = [...nodes];
  access.chosen?.(among);
  // Links among the chosen nodes that the walk did not read (same-level and last-level links):
  // a link touching a fully read node is known already; one touching a scanned node is found by
  // the scan; only links between two unscanned (big) nodes need pair probes.
  let open = among.filter((id) => !fullyRead.has(id));
  if (open.length > closure.nodes) {
    open = open.slice(0, closure.nodes);
    truncated = true;
  }
  if (open.length > 0 && relations.size < maxRelations) {
    const degrees = access.degrees(open);
    const bySize = open.map((_, i) => i).sort((a, b) => degrees[a]! - degrees[b]!);
    const small = new Set<string>();
    let budget = closure.scan;
    for (const i of bySize) {
      if (degrees[i]! > budget) break;
      budget -= degrees[i]!;
      small.add(open[i]!);
    }
    const big = open.filter((id) => !small.has(id));
    if (big.length > closure.hubs) truncated = true;
    const hubs = big.slice(0, closure.hubs);
    const add = (found: K[]) => {
      for (const rid of found) {
        if (relations.has(rid)) continue;
        if (relations.size >= maxRelations) {
          truncated = true;
          return;
        }
        relations.add(rid);
      }
    };
    // Hubs first: their links are few and the backbone of the picture. Only as many as can still
    // be kept are read: room for new ones, plus those held already (a link between two hubs is
    // held only if one of them had its adjacency read), plus one to tell whether more were left.
    if (hubs.length > 1) {
      const hubSet = new Set(hubs);
      let held = 0;
      for (const h of hubs) for (const e of read.get(h) ?? []) if (hubSet.has(e.other) && relations.has(e.id)) held++;
      add(access.linksBetween(hubs, maxRelations - relations.size + held + 1));
    }
    // Room left, doubled for links the walk already holds (a link between two scanned nodes comes twice).
    const room = maxRelations - relations.size;
    if (small.size > 0 && room > 0) add(access.linksFrom(open.filter((id) => small.has(id)), among, 2 * room + 64));
  }
  return { nodeIds: among, relationIds: [...relations], truncated };
}

/**
 * Hub probing in shortestPaths: for nodes with this many times more relations than the other
 * frontier has nodes (a probe is two index seeks per node, each several times a sequential read).
 */
const HUB_PROBE_FACTOR = 12;
const HUB_PROBE_MAX_FRONTIER = 5_000;

export interface FoundPath<K = string> {
  /** Node ids from `from` to `to`. */
  nodes: string[];
  /** Relation keys along the path, in order. */
  relations: K[];
}

/**
 * Up to `first` shortest paths from `from` to `to` within `maxHops`: bidirectional BFS that grows
 * the cheaper side (fewer relations to read, by `degree`) and stops in the level where the sides
 * meet as soon as it holds `first` meeting nodes (every meeting in that level has the same length).
 * A hub in the growing frontier is first probed for links to the other side's frontier (the only
 * place a meeting can be); its whole adjacency is read only when the level meets nowhere.
 */
export function shortestPaths<K>(
  from: string,
  to: string,
  { adjacency, degrees: storedDegrees, pairLinks }: Pick<WalkAccess<K>, 'adjacency' | 'degrees' | 'pairLinks'>,
  maxHops: number,
  first: number,
  maxVisited = 200_000,
): FoundPath<K>[] {
  if (from === to || first <= 0) return [];
  // Stored degrees, read once per node in batches.
  const known = new Map<string, number>();
  const degrees = (ids: string[]): number[] => {
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) storedDegrees(missing).forEach((d, i) => known.set(missing[i]!, d));
    return ids.map((id) => known.get(id)!);
  };
  // parents[side]: node -> edges that reach it from the previous layer of that side.
  const parents = [new Map<string, Edge<K>[]>([[from, []]]), new Map<string, Edge<K>[]>([[to, []]])];
  const depthOf = [new Map([[from, 0]]), new Map([[to, 0]])];
  const frontiers = [[from], [to]];
  const cost = (f: string[]): number => {
    let sum = 0;
    for (const d of degrees(f.length <= 256 ? f : f.slice(0, 256))) sum += d;
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
    const reach = (n: string, edge: Edge<K>, d: number): boolean => {
      const seen = level.get(n);
      if (seen === undefined) {
        level.set(n, d + 1);
        par.set(n, [edge]);
        next.push(n);
        if (otherLevel.has(n)) meeting.push(n);
      } else if (seen === d + 1) {
        par.get(n)!.push(edge);
      }
      return meeting.length >= first;
    };
    // A pair probe costs about as much as reading one relation: worth it for nodes far above that.
    // Degrees of the whole frontier only when the other side is small enough to probe against.
    const frontierDegrees = otherFrontier.length <= HUB_PROBE_MAX_FRONTIER ? degrees(frontiers[side]!) : null;
    const isHub = (i: number): boolean => frontierDegrees !== null && frontierDegrees[i]! > HUB_PROBE_FACTOR * otherFrontier.length;
    const hubs: string[] = [];
    scan: for (const [i, id] of frontiers[side]!.entries()) {
      const d = level.get(id)!;
      if (isHub(i)) {
        hubs.push(id);
        for (const e of pairLinks(id, otherFrontier)) if (reach(e.other, { id: e.id, other: id }, d)) break scan;
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
  const expand = (side: 0 | 1, node: string, budget: number): FoundPath<K>[] => {
    if (node === (side === 0 ? from : to)) return [{ nodes: [node], relations: [] }];
    const out: FoundPath<K>[] = [];
    for (const e of parents[side]!.get(node) ?? []) {
      for (const rest of expand(side, e.other, budget - out.length)) {
        out.push({ nodes: [...rest.nodes, node], relations: [...rest.relations, e.id] });
        if (out.length >= budget) return out;
      }
    }
    return out;
  };

  const results: FoundPath<K>[] = [];
  const seen = new Set<string>();
  for (const m of meeting) {
    for (const left of expand(0, m, first)) {
      for (const right of expand(1, m, first)) {
        const path: FoundPath<K> = {
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
    degrees: (ids) => ids.map((id) => list(id).length),
    linksFrom: (ids, among, max) => {
      const set = new Set(among);
      const found = ids.flatMap((id) =>
        list(id)
          .filter((r) => set.has(other(r, id)))
          .map((r) => {
            seen.set(r.id, r);
            return r.id;
          }),
      );
      return found.slice(0, Math.max(0, max));
    },
    linksBetween: (ids, max) => [...new Set(access.linksFrom(ids, ids, Number.MAX_SAFE_INTEGER))].slice(0, Math.max(0, max)),
    pairLinks: (id, among) => {
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
