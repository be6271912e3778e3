// Per-entity-type caps for neighbourhood walks ("at most 20 people, 20 places around this hub"):
// wraps an adjacency so that a new node is admitted only while its type has room. Relations come
// strongest first, so the strongest neighbours of each type win. Backend-neutral.
import type { AdjacencyFn } from './traverse.js';

export function capPerType<K>(
  adjacency: AdjacencyFn<K>,
  seeds: string[],
  typeOf: (id: string) => string | undefined,
  limitPerType: number,
): { adjacency: AdjacencyFn<K>; capped: () => boolean } {
  const admitted = new Set(seeds);
  const used = new Map<string, number>();
  let capped = false;
  const wrapped: AdjacencyFn<K> = (id, max, few) =>
    adjacency(id, max, few).filter((e) => {
      if (admitted.has(e.other)) return true;
      const type = typeOf(e.other) ?? '';
      const n = used.get(type) ?? 0;
      if (n >= limitPerType) {
        capped = true;
        return false;
      }
      used.set(type, n + 1);
      admitted.add(e.other);
      return true;
    });
  return { adjacency: wrapped, capped: () => capped };
}
