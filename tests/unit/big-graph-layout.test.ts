// The big-graph layout the explorer's worker runs (viz/layout-core.ts), in Node: every node placed,
// the same picture for the same input, nodes without relations in a grid beside the rest.
import { describe, expect, it } from 'vitest';
import { bigGraphPositions, seedFor, type LayoutJob } from '../../viz/layout-core.js';

/** 600 nodes: a seeded random graph with hubs, two pairs and 50 nodes without relations. */
function job(): LayoutJob {
  const nodes = Array.from({ length: 600 }, (_, i) => `n${i}`);
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const edges: [string, string][] = Array.from({ length: 1400 }, () => [`n${Math.floor(rnd() ** 2 * 546)}`, `n${Math.floor(rnd() * 546)}`]);
  // Every one of n0..n545 linked at least once, so n550..n599 are the only unlinked nodes.
  for (let i = 0; i < 546; i++) edges.push([`n${i}`, `n${(i + 1) % 546}`]);
  edges.push(['n546', 'n547'], ['n548', 'n549'], ['n1', 'missing']);
  return { seed: seedFor(nodes), nodes, edges };
}

describe('bigGraphPositions', () => {
  const j = job();
  const positions = bigGraphPositions(j);

  it('places every node, at finite and mostly distinct points', () => {
    expect(Object.keys(positions).sort()).toEqual([...j.nodes].sort());
    expect(Object.values(positions).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    const distinct = new Set(Object.values(positions).map((p) => `${Math.round(p.x / 5)},${Math.round(p.y / 5)}`));
    expect(distinct.size).toBeGreaterThan(550);
  });

  it('gives the same picture for the same input', () => {
    expect(bigGraphPositions(j)).toEqual(positions);
  });

  it('puts nodes without relations in a grid beside the linked ones', () => {
    const linked = j.nodes.slice(0, 550).map((id) => positions[id]!);
    const lonely = j.nodes.slice(550).map((id) => positions[id]!);
    const rightmost = Math.max(...linked.map((p) => p.x));
    expect(lonely.every((p) => p.x > rightmost)).toBe(true);
    expect(new Set(lonely.map((p) => `${p.x},${p.y}`)).size).toBe(50);
  });

  it('lays out a graph with no relations at all as a grid', () => {
    const grid = bigGraphPositions({ seed: 1, nodes: ['a', 'b', 'c', 'd'], edges: [] });
    expect(new Set(Object.values(grid).map((p) => `${p.x},${p.y}`)).size).toBe(4);
  });
});
