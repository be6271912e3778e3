// The GraphStore contract: one suite, run against every backend (graphology's specs(Graph)).
// Each backend's test file calls runStoreContract with a factory for a fresh, empty store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityId, relationId } from '../../src/model/names.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { buildDocument, docA, docB } from '../helpers/fixtures.js';

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

    it('search with a misspelled first name prefers the full name over a better-known namesake', async () => {
      const namesakes = buildDocument({
        title: 'Namesakes',
        sentences: ['Ilham Aliyev met Ruben Aliyev.', 'Ilham Aliyev spoke.', 'Ilham Aliyev left.'],
        entities: [
          ['Ilham Aliyev', 'Person', ['Aliyev']],
          ['Ruben Aliyev', 'Person', ['Aliyev']],
        ],
        relations: [],
      });
      await store.addDocument(namesakes);
      const hits = await store.search('Rubem Aliyev');
      expect(hits[0]!.entity.name).toBe('Ruben Aliyev');
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

    describe('near-duplicates', () => {
      const signature = Array.from({ length: 12 }, (_, i) => i * 7919);
      const original = () => ({ ...docA(), nearDuplicate: { signature, bandKeys: ['0:aa', '1:bb', '2:cc'], duplicateOf: null } });
      /** The same story under another header: different text hash, same relations. */
      const copy = (of: string) => {
        const d = docA();
        return { ...d, id: 'd-copy', textHash: 'copy-hash', meta: { ...d.meta, title: 'Syndicated' }, nearDuplicate: { signature, bandKeys: ['0:aa', '1:bb', '2:cc'], duplicateOf: of } };
      };

      it('findNearDuplicates returns originals sharing a band key, once each, with their signature', async () => {
        await store.addDocument(original());
        await store.addDocument(docB());
        const found = await store.findNearDuplicates(['1:bb', '2:cc', '9:zz']);
        expect(found).toEqual([{ documentId: docA().id, signature }]);
        expect(await store.findNearDuplicates(['9:zz'])).toEqual([]);
        expect(await store.findNearDuplicates([])).toEqual([]);
      });

      it('a recorded duplicate is stored as a document but adds no evidence, counts or candidates', async () => {
        await store.addDocument(original());
        const before = await store.stats();
        const founded = (await store.getRelations(vardanyan, { types: ['FOUNDED'] })).nodes[0]!;
        const r = await store.addDocument(copy(docA().id));
        expect(r).toEqual({ documentId: 'd-copy', status: 'duplicate', entitiesCreated: 0, relationsCreated: 0 });
        const after = await store.stats();
        expect(after.documents).toBe(before.documents + 1);
        expect({ ...after, documents: 0, sentences: 0 }).toEqual({ ...before, documents: 0, sentences: 0 });
        expect((await store.getRelation(founded.id))!.evidenceCount).toBe(founded.evidenceCount);
        expect((await store.getEntity(vardanyan))!.documentCount).toBe(1);
        expect(await store.getDocument('d-copy')).toMatchObject({ title: 'Syndicated' });
        expect((await store.findNearDuplicates(['0:aa'])).map((c) => c.documentId)).toEqual([docA().id]);
        expect((await store.addDocument(copy(docA().id))).status).toBe('unchanged');
      });

      it('the duplicate link survives export → import', async () => {
        await store.addDocument(original());
        await store.addDocument(copy(docA().id));
        const exported = await store.exportGraph();
        expect(exported.documents.find((d) => d.id === 'd-copy')?.duplicateOf).toBe(docA().id);
        const other = await create();
        try {
          await other.importGraph(exported);
          expect(await other.exportGraph()).toEqual(exported);
        } finally {
          await other.close();
        }
      });
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

    it('listEntities filters by type, name, mentions, document and neighbour, orders and pages', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const all = await store.listEntities({ first: 100 });
      expect(all.totalCount).toBe(7);
      const counts = all.nodes.map((e) => e.mentionCount);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect((await store.listEntities({ types: ['Person'], orderBy: 'NAME_ASC' })).nodes.map((e) => e.name)).toEqual(['David Barnea', 'Ruben Vardanyan']);
      // Names and aliases, case- and diacritics-insensitive.
      expect((await store.listEntities({ nameContains: 'dgs' })).nodes.map((e) => e.id)).toEqual([dgse]);
      expect((await store.listEntities({ nameContains: 'EXTERNAL' })).nodes.map((e) => e.id)).toEqual([dgse]);
      expect((await store.listEntities({ nameContains: '%' })).totalCount).toBe(0);
      expect((await store.listEntities({ mentionedIn: docA().id })).totalCount).toBe(4);
      expect((await store.listEntities({ mentionedIn: 'd-missing' })).totalCount).toBe(0);
      expect((await store.listEntities({ connectedTo: vardanyan, orderBy: 'NAME_ASC' })).nodes.map((e) => e.name)).toEqual(['David Barnea', 'Troika Dialog']);
      const minimum = Math.max(...counts);
      expect((await store.listEntities({ minMentions: minimum })).nodes.every((e) => e.mentionCount >= minimum)).toBe(true);
      // Troika Dialog has 3 relations; then the entities with 2, by id.
      expect((await store.listEntities({ orderBy: 'DEGREE_DESC', first: 2 })).nodes.map((e) => e.id)).toEqual([troika, moscow]);
      const page1 = await store.listEntities({ orderBy: 'NAME_ASC', first: 3 });
      const page2 = await store.listEntities({ orderBy: 'NAME_ASC', first: 10, after: page1.endCursor });
      expect(page1.hasNextPage).toBe(true);
      expect(page2.hasNextPage).toBe(false);
      expect([...page1.nodes, ...page2.nodes].map((e) => e.id)).toEqual((await store.listEntities({ orderBy: 'NAME_ASC', first: 10 })).nodes.map((e) => e.id));
      await expect(store.listEntities({ after: 'garbage!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });

    it('listRelations filters by type, confidence, document and entity, strongest first', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const all = await store.listRelations({ first: 100 });
      expect(all.totalCount).toBe(7);
      expect(all.nodes[0]!.type).toBe('FOUNDED'); // two pieces of evidence
      expect((await store.listRelations({ types: ['BASED_IN'] })).totalCount).toBe(2);
      expect((await store.listRelations({ minConfidence: 0.85 })).nodes.map((r) => r.type).sort()).toEqual(['BASED_IN', 'FOUNDED', 'LEADS']);
      const fromB = await store.listRelations({ documentId: docB().id });
      expect(fromB.totalCount).toBe(4);
      expect((await store.listRelations({ entityId: vardanyan })).totalCount).toBe(2);
      expect((await store.listRelations({ entityId: vardanyan, documentId: docA().id })).nodes.map((r) => r.type)).toEqual(['FOUNDED']);
      const p1 = await store.listRelations({ first: 4 });
      const p2 = await store.listRelations({ first: 4, after: p1.endCursor });
      expect([...p1.nodes, ...p2.nodes]).toEqual(all.nodes);
    });

    it('getRelations filters by reporting window', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const after = await store.getRelations(vardanyan, { reportedAfter: '2024-02-01' });
      expect(after.nodes.map((r) => r.type).sort()).toEqual(['FOUNDED', 'MET_WITH']);
      const before = await store.getRelations(vardanyan, { reportedBefore: '2024-02-01' });
      expect(before.nodes.map((r) => r.type)).toEqual(['FOUNDED']);
      expect((await store.getRelations(vardanyan, { reportedAfter: '2025-01-01' })).totalCount).toBe(0);
    });

    it('getEntityDocuments lists the documents that mention an entity, newest first', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      expect((await store.getEntityDocuments(vardanyan)).nodes.map((d) => d.title)).toEqual(['Intelligence story', 'Troika story']);
      expect((await store.getEntityDocuments(dgse)).nodes.map((d) => d.title)).toEqual(['Intelligence story']);
      const p1 = await store.getEntityDocuments(vardanyan, 1);
      expect(p1).toMatchObject({ totalCount: 2, hasNextPage: true });
      expect((await store.getEntityDocuments(vardanyan, 1, p1.endCursor)).nodes[0]!.title).toBe('Troika story');
      expect((await store.getEntityDocuments('p-nobody')).totalCount).toBe(0);
    });

    it('mergeEntities folds aliases, mentions, relations and counts into the kept entity', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const barnea = entityId('Person', 'David Barnea');
      const before = (await store.getEntity(vardanyan))!;
      const other = (await store.getEntity(barnea))!;
      const kept = await store.mergeEntities(vardanyan, barnea);
      expect(kept.id).toBe(vardanyan);
      expect(kept.aliases).toEqual(expect.arrayContaining(['David Barnea', 'Barnea']));
      expect(kept.mentionCount).toBe(before.mentionCount + other.mentionCount);
      expect(kept.documentCount).toBe(2); // docB shared: counted once
      expect(await store.getEntity(barnea)).toBeNull();
      // Vardanyan MET_WITH Barnea became a self-loop and is gone; Barnea LEADS Mossad moved over.
      const rels = (await store.getRelations(vardanyan, { first: 50 })).nodes;
      expect(rels.map((r) => r.type).sort()).toEqual(['FOUNDED', 'LEADS']);
      const leads = rels.find((r) => r.type === 'LEADS')!;
      expect(leads).toMatchObject({ source: vardanyan, target: mossad, evidenceCount: 1 });
      expect(leads.id).toBe(relationId(vardanyan, 'LEADS', mossad));
      expect((await store.getEvidence(leads.id))[0]!.sentence).toBe('David Barnea leads Mossad.');
      expect((await store.getMentions(vardanyan, 100)).nodes.some((m) => m.text === 'David Barnea')).toBe(true);
      expect((await store.search('Barnea'))[0]!.entity.id).toBe(vardanyan);
      expect((await store.findLinkCandidates(['david barnea']))[0]!.id).toBe(vardanyan);
      expect((await store.getCurationRules()).redirects).toEqual({ [barnea]: vardanyan });
      await expect(store.mergeEntities(vardanyan, vardanyan)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.mergeEntities(vardanyan, barnea)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.mergeEntities('p-nobody', troika)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await store.getEntity(troika)).not.toBeNull();
    });

    it('mergeEntities combines evidence when two relations collapse into one', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      // Moscow and Troika Dialog both relate to Sberbank / each other; merge Sberbank into Troika Dialog:
      // Sberbank BASED_IN Moscow joins Troika Dialog BASED_IN Moscow; Sberbank OWNS Troika Dialog becomes a self-loop.
      const sberbank = entityId('Organization', 'Sberbank');
      await store.mergeEntities(troika, sberbank);
      const based = (await store.getRelations(troika, { types: ['BASED_IN'] })).nodes;
      expect(based).toHaveLength(1);
      expect(based[0]!.evidenceCount).toBe(2);
      expect(based[0]!.confidence).toBeCloseTo(1 - 0.4 * 0.1, 3);
      expect((await store.getRelations(troika, { types: ['OWNS'] })).totalCount).toBe(0);
      const s = await store.stats();
      expect(s.relations).toBe(5);
    });

    it('renameEntity, addAlias, removeAlias and setEntityType update the entity and are recorded', async () => {
      await store.addDocument(docB());
      const renamed = await store.renameEntity(dgse, '  DGSE (France) ');
      expect(renamed.name).toBe('DGSE (France)');
      expect(renamed.aliases).toContain('General Directorate of External Security');
      expect((await store.search('France'))[0]!.entity.id).toBe(dgse);
      const aliased = await store.addAlias(mossad, 'Institute for Intelligence');
      expect(aliased.aliases).toContain('Institute for Intelligence');
      expect((await store.search('Institute for Intel'))[0]!.entity.id).toBe(mossad);
      expect((await store.findLinkCandidates(['institute for intelligence']))[0]!.id).toBe(mossad);
      const removed = await store.removeAlias(dgse, 'DGSE');
      expect(removed.aliases).not.toContain('DGSE');
      expect(await store.findLinkCandidates(['dgse'])).toEqual([]); // the name's key is now "dgse france"
      const retyped = await store.setEntityType(mossad, 'Place');
      expect(retyped.type).toBe('Place');
      expect((await store.stats()).entitiesByType).toMatchObject({ Place: 2 });
      const rules = await store.getCurationRules();
      expect(rules.names).toEqual({ [dgse]: 'DGSE (France)' });
      expect(rules.types).toEqual({ [mossad]: 'Place' });
      expect(rules.removedAliases).toEqual({ [dgse]: ['DGSE'] });
      await store.addAlias(dgse, 'DGSE');
      expect((await store.getCurationRules()).removedAliases).toEqual({});
      await expect(store.renameEntity(dgse, '   ')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.renameEntity('o-missing', 'X')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.addAlias(dgse, '—')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.removeAlias(dgse, 'DGSE (France)')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.setEntityType(dgse, 'Planet' as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.setEntityType('o-missing', 'Place')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('rejectRelation drops the relation and its evidence and records the key', async () => {
      await store.addDocument(docB());
      const partner = (await store.getRelations(mossad, { types: ['PARTNER_OF'] })).nodes[0]!;
      const gone = await store.rejectRelation(partner.id);
      expect(gone.id).toBe(partner.id);
      expect(await store.getRelation(partner.id)).toBeNull();
      expect(await store.getEvidence(partner.id)).toEqual([]);
      expect((await store.stats()).evidence).toBe(3);
      // PARTNER_OF is symmetric: its key has its ends in id order.
      const [a, b] = [partner.source, partner.target].sort();
      expect((await store.getCurationRules()).rejected).toEqual([`${a}\u0000PARTNER_OF\u0000${b}`]);
      await expect(store.rejectRelation(partner.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('deleteDocument removes its evidence, mentions and counts, and what is left without support', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const result = await store.deleteDocument(docB().id);
      // Gone with docB: Mossad, DGSE, Barnea (entities); PARTNER_OF, LEADS, MET_WITH (relations).
      expect(result).toEqual({ documentId: docB().id, relationsRemoved: 3, entitiesRemoved: 3 });
      expect(await store.getDocument(docB().id)).toBeNull();
      expect(await store.hasDocument(docB().textHash)).toBe(false);
      const s = await store.stats();
      expect(s).toMatchObject({ documents: 1, entities: 4, relations: 4, sentences: 3, evidence: 4 });
      const v = (await store.getEntity(vardanyan))!;
      expect(v.documentCount).toBe(1);
      const founded = (await store.getRelations(vardanyan, { types: ['FOUNDED'] })).nodes[0]!;
      expect(founded.evidenceCount).toBe(1);
      expect(founded.confidence).toBeCloseTo(0.8, 3);
      expect(founded.lastReported).toBe('2024-01-10');
      expect(await store.search('DGSE')).toEqual([]);
      // The same text can be stored again afterwards.
      expect((await store.addDocument(docB())).status).toBe('added');
      await expect(store.deleteDocument('d-missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('getCurationRules resolves merge chains and redirects rejected keys', async () => {
      await store.addDocument(docA());
      await store.addDocument(docB());
      const barnea = entityId('Person', 'David Barnea');
      const led = (await store.getRelations(barnea, { types: ['LEADS'] })).nodes[0]!;
      await store.rejectRelation(led.id);
      await store.mergeEntities(vardanyan, barnea);
      const sberbank = entityId('Organization', 'Sberbank');
      await store.mergeEntities(troika, sberbank);
      await store.mergeEntities(mossad, troika);
      const rules = await store.getCurationRules();
      expect(rules.redirects).toEqual({ [barnea]: vardanyan, [sberbank]: mossad, [troika]: mossad });
      expect(rules.rejected).toEqual([`${vardanyan}\u0000LEADS\u0000${mossad}`]);
      expect((await store.getRelations(vardanyan, { types: ['LEADS'] })).totalCount).toBe(0);
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
