// Graph walks over an in-memory adjacency: capped neighbourhoods and exact shortest paths,
// checked against brute force on small graphs (including hubs, where the caps bite).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Relation } from '../../src/model/types.js';
import { bfsNeighbourhood, relationListAccess, shortestPaths } from '../../src/store/traverse.js';

const rel = (source: string, target: string, i: number): Relation => ({
  id: `r${i}`, source, target, type: 'ASSOCIATED_WITH', confidence: 0.5, evidenceCount: 1, status: null, firstReported: null, lastReported: null,
});

function graph(edges: [string, string][]) {
  const rels = edges.map(([s, t], i) => rel(s, t, i));
  const byNode = new Map<string, Relation[]>();
  for (const r of rels) for (const n of new Set([r.source, r.target])) byNode.set(n, [...(byNode.get(n) ?? []), r]);
  return { rels, list: (id: string) => byNode.get(id) ?? [] };
}

/** Hop distances from `from` by plain BFS over every relation. */
function distances(rels: Relation[], from: string): Map<string, number> {
  const d = new Map([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const r of rels) {
        const o = r.source === id ? r.target : r.target === id ? r.source : null;
        if (o !== null && !d.has(o)) {
          d.set(o, d.get(id)! + 1);
          next.push(o);
        }
      }
    }
    frontier = next;
  }
  return d;
}

describe('bfsNeighbourhood', () => {
  it.each([
    ['a chain, depth 1', [['a', 'b'], ['b', 'c'], ['c', 'd']], 1, 10, ['a', 'b'], false],
    ['a chain, depth 2', [['a', 'b'], ['b', 'c'], ['c', 'd']], 2, 10, ['a', 'b', 'c'], false],
    ['a star capped at 3 nodes', [['a', 'b'], ['a', 'c'], ['a', 'd'], ['a', 'e']], 1, 3, ['a', 'b', 'c'], true],
  ] as [string, [string, string][], number, number, string[], boolean][])('%s', (_name, edges, depth, limit, nodes, truncated) => {
    const { access } = relationListAccess(graph(edges).list);
    const walk = bfsNeighbourhood(['a'], access, depth, limit);
    expect(walk.nodeIds.sort()).toEqual(nodes);
    expect(walk.truncated).toBe(truncated);
  });

  it('keeps links among the chosen nodes (a triangle found from one corner)', () => {
    const { access } = relationListAccess(graph([['a', 'b'], ['a', 'c'], ['b', 'c']]).list);
    expect(bfsNeighbourhood(['a'], access, 1, 10).relationIds.sort()).toEqual(['r0', 'r1', 'r2']);
  });

  it('never exceeds the node cap, and every relation joins two chosen nodes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { maxLength: 120 }), fc.integer({ min: 1, max: 12 }), (pairs, limit) => {
        const g = graph(pairs.filter(([s, t]) => s !== t).map(([s, t]) => [`n${s}`, `n${t}`]));
        const listed = relationListAccess(g.list);
        const walk = bfsNeighbourhood(['n0'], listed.access, 2, limit);
        expect(walk.nodeIds.length).toBeLessThanOrEqual(limit);
        const chosen = new Set(walk.nodeIds);
        for (const id of walk.relationIds) {
          const r = listed.relation(id)!;
          expect(chosen.has(r.source) && chosen.has(r.target)).toBe(true);
        }
      }),
    );
  });
});

describe('bfsNeighbourhood closure (links among chosen nodes the walk did not read)', () => {
  // a-b, a-c at depth 1; d, e at depth 2 are never read by the walk; d-e and b-c are links among them.
  const edges: [string, string][] = [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'e'], ['d', 'e'], ['b', 'c']];

  it('finds links between last-level nodes by scanning small nodes', () => {
    const listed = relationListAccess(graph(edges).list);
    const walk = bfsNeighbourhood(['a'], listed.access, 2, 10);
    expect(walk.relationIds.sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(walk.truncated).toBe(false);
  });

  it('probes pairs among nodes too big to scan, and flags what it had to leave out', () => {
    const probed = bfsNeighbourhood(['a'], relationListAccess(graph(edges).list).access, 2, 10, { nodes: 10, scan: 0, hubs: 2 });
    expect(probed.relationIds).toContain('r4');
    expect(probed.truncated).toBe(false);
    const starved = bfsNeighbourhood(['a'], relationListAccess(graph(edges).list).access, 2, 10, { nodes: 10, scan: 0, hubs: 1 });
    expect(starved.relationIds).not.toContain('r4');
    expect(starved.truncated).toBe(true);
  });

  it('reading only as many hub links as can still be kept changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 250, maxLength: 500 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (pairs, limit, percent, scan) => {
          // Parallel links and self-loops on few nodes: each has more links than the walk's slice
          // (64 past its room), so nodes it read in part become hubs whose links are partly held.
          const g = graph(pairs.map(([s, t]) => [`n${s}`, `n${t}`]));
          const { access } = relationListAccess(g.list);
          const unbounded = { ...access, linksBetween: (ids: string[]) => access.linksBetween(ids, Number.MAX_SAFE_INTEGER) };
          const closure = { nodes: 100, scan, hubs: 6 };
          // A link cap somewhere between none and all of the links found.
          const all = bfsNeighbourhood(['n0'], unbounded, 2, limit, closure, Number.MAX_SAFE_INTEGER).relationIds.length;
          const maxRelations = Math.max(1, Math.round((all * percent) / 100));
          expect(bfsNeighbourhood(['n0'], access, 2, limit, closure, maxRelations)).toEqual(bfsNeighbourhood(['n0'], unbounded, 2, limit, closure, maxRelations));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with room to spare, keeps exactly the links among the chosen nodes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 })), { maxLength: 100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }), (pairs, limit, scan) => {
        const g = graph(pairs.filter(([s, t]) => s !== t).map(([s, t]) => [`n${s}`, `n${t}`]));
        const walk = bfsNeighbourhood(['n0'], relationListAccess(g.list).access, 2, limit, { nodes: 100, scan, hubs: 100 }, 10_000);
        const chosen = new Set(walk.nodeIds);
        const among = g.rels.filter((r) => chosen.has(r.source) && chosen.has(r.target)).map((r) => r.id);
        expect([...walk.relationIds].sort()).toEqual(among.sort());
      }),
    );
  });
});

/**
 * Shortest paths from n0 to n`to` over `edges`, checked against plain BFS: none when out of reach
 * (or beyond 6 hops), else at least one, each exactly as long as the BFS distance.
 */
function checkedShortest(edges: [number, number][], to: number) {
  const g = graph(edges.filter(([s, t]) => s !== t).map(([s, t]) => [`n${s}`, `n${t}`]));
  const listed = relationListAccess(g.list);
  const expected = distances(g.rels, 'n0').get(`n${to}`);
  const found = shortestPaths('n0', `n${to}`, listed.access, 6, 3);
  if (expected === undefined || expected > 6) {
    expect(found).toEqual([]);
    return { g, listed, found: [] };
  }
  expect(found.length).toBeGreaterThan(0);
  for (const p of found) expect(p.relations.length).toBe(expected);
  return { g, listed, found };
}

describe('shortestPaths', () => {
  it('finds exactly the shortest length, both ways, and nothing beyond maxHops', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })), { maxLength: 40 }), fc.integer({ min: 1, max: 15 }), (pairs, to) => {
        const { found } = checkedShortest(pairs, to);
        for (const p of found) {
          expect(p.nodes[0]).toBe('n0');
          expect(p.nodes[p.nodes.length - 1]).toBe(`n${to}`);
        }
        expect(new Set(found.map((p) => p.relations.join())).size).toBe(found.length);
      }),
    );
  });

  it('stays exact through hubs (probed before their relations are read), and every path is a real walk', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 0, max: 199 })), { maxLength: 150 }),
        fc.array(fc.integer({ min: 3, max: 199 }), { minLength: 60, maxLength: 150 }),
        fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 199 })),
        fc.boolean(),
        (pairs, hubbed, to, hubsJoined) => {
          // n1 and n2 are hubs next to n0, so the walk meets them in small frontiers and probes
          // them for links to the other side before (or instead of) reading their relations.
          const edges = [[0, 2] as [number, number], ...(hubsJoined ? [[2, 1] as [number, number]] : []), ...pairs, ...hubbed.map((n) => [1, n] as [number, number]), ...hubbed.slice(0, 70).map((n) => [2, n] as [number, number])];
          const { g, listed, found } = checkedShortest(edges, to);
          for (const p of found) {
            p.relations.forEach((id, i) => {
              const r = listed.relation(id) ?? g.rels.find((x) => x.id === id)!;
              expect([r.source, r.target].sort()).toEqual([p.nodes[i], p.nodes[i + 1]].sort());
            });
          }
        },
      ),
    );
  });
});
