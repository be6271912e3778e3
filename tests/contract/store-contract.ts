// The GraphStore contract: one suite, run against every backend (graphology's specs(Graph)).
// Each backend's test file calls runStoreContract with a factory for a fresh, empty store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityId } from '../../src/model/names.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { docA, docB } from '../helpers/fixtures.js';

export function runStoreContract(name: string, create: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    const vardanyan = entityId('Person', 'Ruben Vardanyan');
    const troika = entityId('Organization', 'Troika Dialog');
    const mossad = entityId('Organization', 'Mossad');
    const dgse = entityId('Organization', 'General Directorate of External Security');
    const moscow = entityId('Place', 'Moscow');

    beforeEach(async () => {
      store = await create();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty', async () => {
      const s = await store.stats();
      expect([s.documents, s.entities, s.relations]).toEqual([0, 0, 0]);
    });

    it('addDocument stores entities, relations and evidence', async () => {
      const r = await store.addDocument(docA());
      expect(r.status).toBe('added');
      expect(r.entitiesCreated).toBe(4);
      const s = await store.stats();
      expect(s).toMatchObject({ documents: 1, entities: 4, relations: 4, sentences: 3, evidence: 4 });
      expect(s.entitiesByType).toEqual({ Organization: 2, Person: 1, Place: 1 });
    });

    it('addDocument is idempotent by text hash', async () => {
      await store.addDocument(docA());
      const before = await store.stats();
      const again = await store.addDocument(docA());
      expect(again.status).toBe('unchanged');
      expect(await store.stats()).toEqual(before);
      expect(await store.hasDocument(docA().textHash)).toBe(true);
    });

    it('merges the same entity across documents and accumulates evidence', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const e = await store.getEntity(vardanyan);
      expect(e).toMatchObject({ name: 'Ruben Vardanyan', type: 'Person', documentCount: 2 });
      expect(e!.aliases).toContain('Vardanyan');
      const founded = (await store.getRelations(vardanyan, { types: ['FOUNDED'] })).nodes;
      expect(founded).toHaveLength(1);
      expect(founded[0]).toMatchObject({ source: vardanyan, target: troika, evidenceCount: 2 });
      // noisy-or of 0.8 and 0.8
      expect(founded[0]!.confidence).toBeCloseTo(0.96, 2);
      expect(founded[0]!.firstReported).toBe('2024-01-10');
      expect(founded[0]!.lastReported).toBe('2024-03-01');
    });

    it('getEvidence returns sentences with document and mention offsets', async () => {
      await store.addDocument(docA());
      const rel = (await store.getRelations(vardanyan, { types: ['FOUNDED'] })).nodes[0]!;
      const ev = await store.getEvidence(rel.id);
      expect(ev).toHaveLength(1);
      expect(ev[0]!.sentence).toBe('Ruben Vardanyan founded Troika Dialog in Moscow.');
      expect(ev[0]!.sentence.slice(ev[0]!.sourceStart!, ev[0]!.sourceEnd!)).toBe('Ruben Vardanyan');
      expect(ev[0]!.sentence.slice(ev[0]!.targetStart!, ev[0]!.targetEnd!)).toBe('Troika Dialog');
      const doc = await store.getDocument(ev[0]!.documentId);
      expect(doc).toMatchObject({ title: 'Troika story', byline: 'A. Reporter', sentenceCount: 3 });
    });

    it('getRelations filters by direction and type and pages with cursors', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const out = await store.getRelations(troika, { direction: 'OUT' });
      expect(out.nodes.every((r) => r.source === troika)).toBe(true);
      const inbound = await store.getRelations(troika, { direction: 'IN' });
      expect(inbound.nodes.every((r) => r.target === troika)).toBe(true);
      const all = await store.getRelations(troika);
      expect(all.totalCount).toBe(out.totalCount + inbound.totalCount);
      const page1 = await store.getRelations(troika, { first: 1 });
      expect(page1.nodes).toHaveLength(1);
      expect(page1.hasNextPage).toBe(true);
      const page2 = await store.getRelations(troika, { first: 10, after: page1.endCursor });
      expect(page2.nodes.map((r) => r.id)).not.toContain(page1.nodes[0]!.id);
      expect(page1.nodes.length + page2.nodes.length).toBe(all.totalCount);
    });

    it('search finds by prefix, by alias and with one typo, and respects types', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      expect((await store.search('Vardan'))[0]!.entity.id).toBe(vardanyan);
      expect((await store.search('vardanian'))[0]!.entity.id).toBe(vardanyan);
      const dgseHit = (await store.search('DGSE'))[0]!;
      expect(dgseHit.entity.id).toBe(dgse);
      expect(dgseHit.matched).toBe('DGSE');
      expect((await store.search('External Security'))[0]!.entity.id).toBe(dgse);
      expect(await store.search('Moscow', { types: ['Person'] })).toEqual([]);
      expect(await store.search('')).toEqual([]);
    });

    it('search treats query syntax as plain text', async () => {
      await store.addDocument(docA());
      for (const q of ['" OR 1=1 --', '*', 'NEAR(', "'})-[r]-() DETACH DELETE r//", 'AND OR NOT', '"']) {
        await expect(store.search(q)).resolves.toBeInstanceOf(Array);
      }
      expect((await store.stats()).entities).toBe(4);
    });

    it('neighbourhood returns the entity and its neighbours within depth and limit', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const one = await store.neighbourhood(vardanyan, { depth: 1 });
      const ids = one.nodes.map((n) => n.id).sort();
      expect(ids).toContain(vardanyan);
      expect(ids).toContain(troika);
      expect(ids).not.toContain(dgse);
      const two = await store.neighbourhood(vardanyan, { depth: 2 });
      expect(two.nodes.map((n) => n.id)).toContain(mossad);
      const capped = await store.neighbourhood(vardanyan, { depth: 2, limit: 2 });
      expect(capped.nodes).toHaveLength(2);
      expect(capped.truncated).toBe(true);
      for (const r of capped.relations) {
        expect(capped.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([r.source, r.target]));
      }
      expect((await store.neighbourhood('p-nobody')).nodes).toEqual([]);
    });

    it('paths finds the shortest path, and none when unconnected', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const p = await store.paths(troika, dgse, { maxHops: 5 });
      expect(p.length).toBeGreaterThan(0);
      expect(p[0]!.nodes[0]!.id).toBe(troika);
      expect(p[0]!.nodes[p[0]!.nodes.length - 1]!.id).toBe(dgse);
      expect(p[0]!.relations).toHaveLength(p[0]!.nodes.length - 1);
      expect(p[0]!.relations.length).toBe(4); // troika–vardanyan–barnea–mossad–dgse
      expect(await store.paths(troika, dgse, { maxHops: 2 })).toEqual([]);
      expect(await store.paths(troika, 'o-unknown')).toEqual([]);
      const moscowToMossad = await store.paths(moscow, mossad, { maxHops: 4, first: 5 });
      expect(moscowToMossad.every((x) => x.relations.length === moscowToMossad[0]!.relations.length)).toBe(true);
    });

    it('subgraph returns the given ids and relations among them', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const g = await store.subgraph([mossad, dgse, 'o-missing']);
      expect(g.nodes.map((n) => n.id).sort()).toEqual([dgse, mossad].sort());
      expect(g.relations).toHaveLength(1);
      expect(g.relations[0]!.type).toBe('PARTNER_OF');
    });

    it('lists documents with pagination', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const page = await store.listDocuments(1);
      expect(page.totalCount).toBe(2);
      expect(page.nodes[0]!.title).toBe('Intelligence story'); // newest first
      const next = await store.listDocuments(1, page.endCursor);
      expect(next.nodes[0]!.title).toBe('Troika story');
      expect(next.hasNextPage).toBe(false);
      expect((await store.getSentences(page.nodes[0]!.id)).map((s) => s.index)).toEqual([0, 1, 2, 3]);
    });

    it('findLinkCandidates looks entities up by normalised alias', async () => {
      await store.addDocument(docB());
      const c = await store.findLinkCandidates(['dgse']);
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ id: dgse, type: 'Organization' });
      expect(c[0]!.aliases).toContain('DGSE');
    });

    it('export → import into an empty store round-trips everything', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const exported = await store.exportGraph();
      const other = await create();
      try {
        const r = await other.importGraph(exported);
        expect(r).toEqual({ documents: 2, entities: exported.entities.length, relations: exported.relations.length });
        const again = await other.exportGraph();
        expect(again).toEqual(exported);
        // importing twice changes nothing
        await other.importGraph(exported);
        expect(await other.exportGraph()).toEqual(exported);
      } finally {
        await other.close();
      }
    });

    it('neighbourCounts counts distinct neighbours by entity type and relation type', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      expect(await store.neighbourCounts(vardanyan)).toEqual({
        total: 2,
        byEntityType: { Organization: 1, Person: 1 },
        byRelationType: { FOUNDED: 1, MET_WITH: 1 },
      });
      // Troika Dialog: founded by Vardanyan, owned by Sberbank, based in Moscow.
      expect(await store.neighbourCounts(troika)).toEqual({
        total: 3,
        byEntityType: { Organization: 1, Person: 1, Place: 1 },
        byRelationType: { BASED_IN: 1, FOUNDED: 1, OWNS: 1 },
      });
      expect(await store.neighbourCounts('p-nobody')).toEqual({ total: 0, byEntityType: {}, byRelationType: {} });
    });

    it('neighbourhood with limitPerType admits the strongest neighbours of each type', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      // Moscow's neighbours: Troika Dialog (BASED_IN 0.6) and Sberbank (BASED_IN 0.9), both organisations.
      const one = await store.neighbourhood(moscow, { depth: 1, limitPerType: 1 });
      expect(one.nodes.map((n) => n.id).sort()).toEqual([moscow, entityId('Organization', 'Sberbank')].sort());
      expect(one.truncated).toBe(true);
      const zero = await store.neighbourhood(moscow, { depth: 1, limitPerType: 0 });
      expect(zero.nodes.map((n) => n.id)).toEqual([moscow]);
      const roomy = await store.neighbourhood(moscow, { depth: 1, limitPerType: 5 });
      expect(roomy.nodes).toHaveLength(3);
      expect(roomy.truncated).toBe(false);
    });

    it('getMentions pages an entity’s mentions, newest document first', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const all = await store.getMentions(vardanyan, 50);
      expect(all.totalCount).toBe(all.nodes.length);
      expect(all.nodes.length).toBeGreaterThanOrEqual(3);
      expect(all.nodes[0]!.documentId).toBe(docB().id);
      for (const m of all.nodes) {
        expect(m.entityId).toBe(vardanyan);
        const doc = m.documentId === docA().id ? docA() : docB();
        expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      }
      const first = await store.getMentions(vardanyan, 1);
      expect(first.hasNextPage).toBe(true);
      const rest = await store.getMentions(vardanyan, 50, first.endCursor);
      expect([...first.nodes, ...rest.nodes]).toEqual(all.nodes);
      expect((await store.getMentions('p-nobody')).totalCount).toBe(0);
      await expect(store.getMentions(vardanyan, 1, 'garbage!')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });

    it('addSnapshot stores a snapshot whole; getSnapshot returns it deep-equal; ids are immutable', async () => {
      await store.addDocument(docA());
      const nodes = await store.getEntities([vardanyan, troika]);
      const rel = (await store.getRelations(vardanyan, { types: ['FOUNDED'] })).nodes[0]!;
      const evidence = await store.getEvidence(rel.id);
      const doc = (await store.getDocument(docA().id))!;
      const snapshot = {
        id: 's-0123456789abcdef',
        title: 'Ünïcode “title”',
        createdAt: '2026-01-01T00:00:00.000Z',
        rootIds: [vardanyan],
        depth: 1,
        nodes,
        relations: [{ ...rel, evidence }],
        documents: [doc],
        sentences: { [doc.id]: await store.getSentences(doc.id) },
        mentions: (await store.getMentions(vardanyan)).nodes,
      };
      await store.addSnapshot(snapshot);
      expect(await store.getSnapshot(snapshot.id)).toEqual(snapshot);
      await expect(store.addSnapshot({ ...snapshot, title: 'other' })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await store.getSnapshot(snapshot.id))!.title).toBe('Ünïcode “title”');
      expect(await store.getSnapshot('s-missing')).toBeNull();
      // Later writes do not touch it.
      await store.addDocument(docB());
      expect(await store.getSnapshot(snapshot.id)).toEqual(snapshot);
    });

    it('importGraph rejects dangling references without writing anything', async () => {
      const bad = {
        format: 'kg-graph' as const,
        version: 1 as const,
        entities: [{ id: 'p-a', name: 'A', type: 'Person' as const, aliases: [] }],
        relations: [{ id: 'r-1', source: 'p-a', target: 'p-b', type: 'FRIEND_OF', confidence: 0.5, evidence: [] }],
        documents: [],
      };
      await expect(store.importGraph(bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect((await store.stats()).entities).toBe(0);
    });
  });
}
