// Capped breadth-first neighbourhoods, one Cypher query per level: the relations of a whole
// frontier are fetched at once (cypher.ts `adjacency`), then admitted in the same order and under
// the same caps as the embedded store's walk (src/store/traverse.ts, src/store/type-caps.ts), so
// both backends cut a large neighbourhood at the same place. A single variable-length pattern
// would enumerate every path, which explodes around hubs; levels stay linear in the edges seen.
import type { Relation } from '../../model/types.js';

/** Relations touching each id (best first), with the entity type of every far end. */
export type LevelAdjacency = (ids: string[]) => Promise<{ byId: Map<string, Relation[]>; typeOf: Map<string, string> }>;

export interface LevelWalkOptions {
  depth: number;
  limit: number;
  /** At most this many admitted nodes per entity type beyond the seeds. */
  limitPerType?: number;
}

const other = (r: Relation, id: string): string => (r.source === id ? r.target : r.source);

export async function walkLevels(
  seeds: string[],
  adjacency: LevelAdjacency,
  options: LevelWalkOptions,
): Promise<{ nodeIds: string[]; relations: Relation[]; truncated: boolean }> {
  const { depth, limit } = options;
  const nodes = new Set<string>(seeds.slice(0, limit));
  const relations = new Map<string, Relation>();
  let truncated = seeds.length > limit;
  const cache = new Map<string, Relation[]>();
  const types = new Map<string, string>();
  const fetch = async (ids: string[]) => {
    const missing = ids.filter((id) => !cache.has(id));
    if (missing.length === 0) return;
    const { byId, typeOf } = await adjacency(missing);
    for (const id of missing) cache.set(id, byId.get(id) ?? []);
    for (const [id, t] of typeOf) types.set(id, t);
  };

  // Per-type caps apply to every node the walk admits beyond the seeds (type-caps.ts semantics).
  const admitted = new Set(seeds);
  const used = new Map<string, number>();
  let capped = false;
  const allowed = (r: Relation, id: string): boolean => {
    if (options.limitPerType === undefined) return true;
    const n = other(r, id);
    if (admitted.has(n)) return true;
    const type = types.get(n) ?? '';
    const count = used.get(type) ?? 0;
    if (count >= options.limitPerType) {
      capped = true;
      return false;
    }
    used.set(type, count + 1);
    admitted.add(n);
    return true;
  };
  const adjacent = (id: string): Relation[] => (cache.get(id) ?? []).filter((r) => allowed(r, id));

  let frontier = [...nodes];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    await fetch(frontier);
    const next: string[] = [];
    for (const id of frontier) {
      for (const r of adjacent(id)) {
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
  await fetch([...nodes]);
  for (const id of nodes) for (const r of adjacent(id)) if (nodes.has(other(r, id))) relations.set(r.id, r);
  return { nodeIds: [...nodes], relations: [...relations.values()], truncated: truncated || capped };
}
