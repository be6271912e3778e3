// The SQLite neighbourhood walk (capped reads straight into rows, keys-only reads once the link cap
// is reached, hub links read only while they can be kept, entity rows serving the closure's
// degrees) must give exactly the answer of the plain traversal over an in-memory access that
// lists relations in SQLite's orders, on dense graphs with hubs where every cap bites.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EntityType, Relation } from '../../src/model/types.js';
import type { NeighbourhoodOptions } from '../../src/store/graph-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { bfsNeighbourhood, type WalkAccess } from '../../src/store/traverse.js';

const TYPES: EntityType[] = ['Person', 'Organization', 'Place'];
const RELATION_TYPES = ['ASSOCIATED_WITH', 'EMPLOYED_BY', 'OWNS', 'LEADS'];

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row extends Relation {
  strength: number;
}

/** A dense graph with hubs (ends drawn with a skew), ties in strength, parallel links and self-loops. */
async function denseStore(seed: number, entities: number, relations: number): Promise<{ store: SqliteStore; rows: Row[]; typeOf: Map<string, string> }> {
  const path = join(mkdtempSync(join(tmpdir(), 'kg-walk-')), 'kg.sqlite');
  const store = new SqliteStore({ path });
  await store.init();
  const next = random(seed);
  const ids = Array.from({ length: entities }, (_, i) => `e-${String(i).padStart(3, '0')}`);
  const typeOf = new Map(ids.map((id, i) => [id, TYPES[i % 3]!]));
  const db = new Database(path);
  const insertEntity = db.prepare('INSERT INTO entities (id, type, name) VALUES (?, ?, ?)');
  const insertAlias = db.prepare("INSERT INTO aliases (entity_id, alias, norm) VALUES (?, ?, 'x')");
  const insertRelation = db.prepare(
    'INSERT INTO relations (id, source, target, type, confidence, evidence_count, status, first_reported, strength) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const end = () => ids[Math.floor(entities * next() ** 2.5)]!;
  db.transaction(() => {
    for (const id of ids) {
      insertEntity.run(id, typeOf.get(id), `Name ${id}`);
      if (next() < 0.5) insertAlias.run(id, `Alias of ${id}`);
    }
    for (let i = 0; i < relations; i++) {
      const source = end();
      const target = next() < 0.01 ? source : end();
      const id = `r-${Math.floor(next() * 1e9).toString(16).padStart(8, '0')}-${i}`;
      insertRelation.run(id, source, target, RELATION_TYPES[i % 4], Math.round(next() * 1e4) / 1e4, 1 + (i % 3), i % 7 === 0 ? 'denied' : null, i % 5 === 0 ? '2024-01-02' : null, Math.floor(next() * 20));
    }
  })();
  const rows = (db.prepare('SELECT * FROM relations').all() as Record<string, unknown>[]).map(
    (r): Row => ({
      id: r.id as string,
      source: r.source as string,
      target: r.target as string,
      type: r.type as string,
      confidence: r.confidence as number,
      evidenceCount: r.evidence_count as number,
      status: r.status as string | null,
      firstReported: r.first_reported as string | null,
      lastReported: r.last_reported as string | null,
      strength: r.strength as number,
    }),
  );
  db.close();
  return { store, rows, typeOf };
}

/** The access SQLite's statements implement, over plain arrays, in the same orders. */
function referenceAccess(rows: Row[], typeOf: Map<string, string>, options: NeighbourhoodOptions): WalkAccess<string> {
  const types = new Set(options.relationTypes ?? []);
  const entityTypes = new Set<string>(options.entityTypes ?? []);
  const kept = rows.filter((r) => types.size === 0 || types.has(r.type));
  const strongest = (a: Row, b: Row) => b.strength - a.strength || (a.id < b.id ? -1 : 1);
  const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : 1);
  const out = (id: string) => kept.filter((r) => r.source === id).sort(strongest);
  const into = (id: string) => kept.filter((r) => r.target === id && r.source !== id).sort(strongest);
  return {
    adjacency: (id, max) =>
      [...out(id), ...into(id)]
        .filter((r) => entityTypes.size === 0 || entityTypes.has(typeOf.get(r.source === id ? r.target : r.source)!))
        .sort(strongest)
        .slice(0, max)
        .map((r) => ({ id: r.id, other: r.source === id ? r.target : r.source })),
    degrees: (ids) => ids.map((id) => rows.filter((r) => r.source === id).length + rows.filter((r) => r.target === id && r.source !== id).length),
    linksFrom: (ids, among, max) => {
      const set = new Set(among);
      const outgoing = ids.flatMap((id) => out(id).filter((r) => set.has(r.target)));
      const incoming = ids.flatMap((id) => into(id).filter((r) => set.has(r.source)));
      return [...outgoing, ...incoming].slice(0, max).map((r) => r.id);
    },
    linksBetween: (ids, max) =>
      ids
        .flatMap((a) => ids.flatMap((b) => kept.filter((r) => r.source === a && r.target === b).sort(byId)))
        .slice(0, max)
        .map((r) => r.id),
    pairLinks: () => [],
  };
}

describe('sqlite neighbourhood walk', () => {
  it('equals the plain traversal in SQLite’s orders, caps and filters included', async () => {
    const { store, rows, typeOf } = await denseStore(7, 70, 3500);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const seeds = ['e-000', 'e-001', 'e-005', 'e-030', 'e-069'];
    const cases: [number, NeighbourhoodOptions][] = [
      [1, { limit: 10 }],
      [2, { limit: 12 }],
      [2, { limit: 35 }],
      [2, { limit: 70 }],
      [2, { limit: 250 }],
      [2, { limit: 40, relationTypes: ['OWNS', 'LEADS'] }],
      [2, { limit: 40, entityTypes: ['Person', 'Place'] }],
    ];
    let truncated = 0;
    for (const seed of seeds) {
      for (const [depth, options] of cases) {
        const got = await store.neighbourhood(seed, { ...options, depth });
        const expected = bfsNeighbourhood([seed], referenceAccess(rows, typeOf, options), depth, options.limit!);
        expect(got.nodes.map((n) => n.id)).toEqual(expected.nodeIds);
        expect(got.relations.map((r) => r.id)).toEqual(expected.relationIds);
        expect(got.truncated).toBe(expected.truncated);
        for (const r of got.relations) {
          const { strength: _, ...relation } = byId.get(r.id)!;
          expect(r).toEqual(relation);
        }
        expect(got.nodes).toEqual(await store.getEntities(expected.nodeIds));
        if (got.truncated) truncated++;
      }
    }
    // The caps bit (else this would test little).
    expect(truncated).toBeGreaterThan(10);
    await store.close();
  });
});
