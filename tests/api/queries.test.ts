// Analyst reads over GraphQL: entity and relation connections, central, an entity's relations,
// mentions and documents, a document's entities and relations, paths, subgraph. Fixture store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type KgApi } from '../../src/api/create-api.js';
import { entityId } from '../../src/model/names.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { docA, docB } from '../helpers/fixtures.js';
import { client, codeOf, createFixtureApi } from './client.js';

let store: SqliteStore;
let api: KgApi;
let gql: ReturnType<typeof client>;
const vardanyan = entityId('Person', 'Ruben Vardanyan');
const troika = entityId('Organization', 'Troika Dialog');
const mossad = entityId('Organization', 'Mossad');
const dgse = entityId('Organization', 'General Directorate of External Security');

beforeAll(async () => {
  ({ store, api } = await createFixtureApi());
  gql = client(api);
});
afterAll(async () => {
  await store.close();
});

describe('entities', () => {
  it('filters, orders and pages with totalCount', async () => {
    const q = `query($where: EntityFilter, $order: EntityOrder, $first: Int, $after: String) {
      entities(where: $where, orderBy: $order, first: $first, after: $after) { totalCount nodes { id name degree } pageInfo { endCursor hasNextPage } } }`;
    const all = await gql(q, { first: 100 });
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data!.entities.totalCount).toBe(7);
    const people = await gql(q, { where: { type: ['Person'] }, order: 'NAME_ASC' });
    expect(people.body.data!.entities.nodes.map((e: { name: string }) => e.name)).toEqual(['David Barnea', 'Ruben Vardanyan']);
    const dg = await gql(q, { where: { nameContains: 'dgse' } });
    expect(dg.body.data!.entities.nodes.map((e: { id: string }) => e.id)).toEqual([dgse]);
    const near = await gql(q, { where: { connectedTo: vardanyan, type: ['Organization'] } });
    expect(near.body.data!.entities.nodes.map((e: { id: string }) => e.id)).toEqual([troika]);
    const inA = await gql(q, { where: { mentionedIn: docA().id, minMentions: 1 }, first: 100 });
    expect(inA.body.data!.entities.totalCount).toBe(4);
    const byDegree = await gql(q, { order: 'DEGREE_DESC', first: 1 });
    expect(byDegree.body.data!.entities.nodes[0]).toMatchObject({ id: troika, degree: 3 });
    const p1 = await gql(q, { order: 'NAME_ASC', first: 4 });
    const p2 = await gql(q, { order: 'NAME_ASC', first: 4, after: p1.body.data!.entities.pageInfo.endCursor });
    expect(p1.body.data!.entities.pageInfo.hasNextPage).toBe(true);
    expect(p2.body.data!.entities.pageInfo.hasNextPage).toBe(false);
    expect(p2.body.data!.entities.nodes).toHaveLength(3);
  });

  it('refuses bad pages with typed errors', async () => {
    expect(codeOf(await gql('{ entities(first: 501) { totalCount } }'))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(await gql('{ entities(first: -1) { totalCount } }'))).toBe('INVALID_INPUT');
    expect(codeOf(await gql('{ entities(after: "bogus") { totalCount } }'))).toBe('INVALID_INPUT');
    expect(codeOf(await gql('{ entities(where: { minMentions: -2 }) { totalCount } }'))).toBe('INVALID_INPUT');
    expect(codeOf(await gql('{ entities(where: { type: [Planet] }) { totalCount } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('central ranks by degree, optionally per type', async () => {
    const r = await gql('{ all: central(first: 2) { degree entity { id } } people: central(type: Person, first: 5) { degree entity { name } } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.all[0]).toEqual({ degree: 3, entity: { id: troika } });
    expect(r.body.data!.people.map((p: { entity: { name: string } }) => p.entity.name).sort()).toEqual(['David Barnea', 'Ruben Vardanyan']);
    expect(codeOf(await gql('{ central(first: 1000) { degree } }'))).toBe('LIMIT_EXCEEDED');
  });
});

describe('an entity’s relations, mentions and documents', () => {
  it('relations filter by type, direction, confidence and reporting window', async () => {
    const q = `query($id: ID!) { entity(id: $id) {
      all: relations { totalCount }
      out: relations(direction: OUT) { nodes { type source { id } } }
      strong: relations(minConfidence: 0.9) { nodes { type confidence } }
      early: relations(reportedBefore: "2024-02-01") { nodes { type } }
      late: relations(reportedAfter: "2024-02-01", types: [MET_WITH]) { nodes { type firstReported lastReported } }
    } }`;
    const r = await gql(q, { id: vardanyan });
    expect(r.body.errors).toBeUndefined();
    const e = r.body.data!.entity;
    expect(e.all.totalCount).toBe(2);
    expect(e.out.nodes.every((n: { source: { id: string } }) => n.source.id === vardanyan)).toBe(true);
    expect(e.strong.nodes).toEqual([{ type: 'FOUNDED', confidence: 0.96 }]);
    expect(e.early.nodes).toEqual([{ type: 'FOUNDED' }]);
    expect(e.late.nodes).toEqual([{ type: 'MET_WITH', firstReported: '2024-03-01', lastReported: '2024-03-01' }]);
    expect(codeOf(await gql('query($id: ID!) { entity(id: $id) { relations(minConfidence: 2) { totalCount } } }', { id: vardanyan }))).toBe('INVALID_INPUT');
    expect(codeOf(await gql('query($id: ID!) { entity(id: $id) { relations(reportedAfter: "last week") { totalCount } } }', { id: vardanyan }))).toBe('INVALID_INPUT');
  });

  it('evidence carries the sentence, its document and mention offsets', async () => {
    const r = await gql(`query($id: ID!) { entity(id: $id) { relations(types: [FOUNDED]) { nodes { evidence { sentence start end sourceStart sourceEnd targetStart targetEnd confidence document { id title } } } } } }`, { id: vardanyan });
    const evidence = r.body.data!.entity.relations.nodes[0].evidence;
    expect(evidence).toHaveLength(2);
    for (const ev of evidence) {
      expect(ev.sentence.slice(ev.sourceStart, ev.sourceEnd)).toBe('Ruben Vardanyan');
      expect(ev.sentence.slice(ev.targetStart, ev.targetEnd)).toBe('Troika Dialog');
    }
    expect(evidence.map((e: { document: { title: string } }) => e.document.title).sort()).toEqual(['Intelligence story', 'Troika story']);
  });

  it('mentions and documents page newest first', async () => {
    const r = await gql(`query($id: ID!) { entity(id: $id) {
      mentions(first: 2) { totalCount nodes { text start end sentenceIndex sentence document { title } } pageInfo { hasNextPage endCursor } }
      documents { totalCount nodes { title } }
    } }`, { id: vardanyan });
    expect(r.body.errors).toBeUndefined();
    const e = r.body.data!.entity;
    expect(e.mentions.totalCount).toBeGreaterThanOrEqual(3);
    expect(e.mentions.pageInfo.hasNextPage).toBe(true);
    expect(e.mentions.nodes[0].document.title).toBe('Intelligence story');
    for (const m of e.mentions.nodes) expect(m.sentence).toContain(m.text);
    expect(e.documents).toEqual({ totalCount: 2, nodes: [{ title: 'Intelligence story' }, { title: 'Troika story' }] });
    expect(codeOf(await gql('query($id: ID!) { entity(id: $id) { mentions(first: 501) { totalCount } } }', { id: vardanyan }))).toBe('LIMIT_EXCEEDED');
  });
});

describe('relations, documents, paths, subgraph', () => {
  it('relation ends carry every field asked for, with or without aliases, fragments or JIT', async () => {
    // Ends are read without aliases when a query does not ask for them: each shape must still match the store.
    const plainApi = createApi(store, { apiToken: null, jit: false });
    const shapes = [
      'source { id name type mentionCount } target { id name documentCount }',
      'source { id name aliases } target { id aliases }',
      's: source { id name } source { id aliases } target { ...End }',
      'source { ... on Entity { id aliases } } target { id name type }',
    ];
    for (const run of [gql, client(plainApi)]) {
      for (const ends of shapes) {
        const r = await run(`query($id: ID!) {
          entity(id: $id) { id aliases relations(first: 100) { nodes { ${ends} } } }
          relations(first: 100) { nodes { ${ends} } }
        } fragment End on Entity { id name aliases }`.replace(ends.includes('...End') ? '' : ' fragment End on Entity { id name aliases }', ''), { id: troika });
        expect(r.body.errors, ends).toBeUndefined();
        const nodes = [...r.body.data!.entity.relations.nodes, ...r.body.data!.relations.nodes] as Record<string, Record<string, unknown>>[];
        expect(nodes.length).toBeGreaterThan(7);
        for (const node of nodes) {
          for (const end of Object.values(node)) {
            const e = (await store.getEntity(String(end.id)))! as unknown as Record<string, unknown>;
            for (const [k, v] of Object.entries(end)) expect(v, `${ends}: ${k}`).toEqual(e[k]);
          }
        }
        if (ends.includes('aliases')) expect(nodes.some((n) => Object.values(n).some((end) => Array.isArray(end.aliases) && end.aliases.length > 0))).toBe(true);
      }
    }
  });

  it('relations(where) lists graph-wide relations strongest first', async () => {
    const r = await gql(`query($doc: ID!, $id: ID!) {
      all: relations(first: 100) { totalCount nodes { type } }
      inDoc: relations(where: { documentId: $doc }) { totalCount }
      around: relations(where: { entityId: $id, types: [PARTNER_OF, LEADS] }) { nodes { type } }
      sure: relations(where: { minConfidence: 0.9 }) { totalCount }
    }`, { doc: docB().id, id: mossad });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.all.totalCount).toBe(7);
    expect(r.body.data!.all.nodes[0].type).toBe('FOUNDED');
    expect(r.body.data!.inDoc.totalCount).toBe(4);
    expect(r.body.data!.around.nodes.map((n: { type: string }) => n.type).sort()).toEqual(['LEADS', 'PARTNER_OF']);
    expect(r.body.data!.sure.totalCount).toBe(3);
    expect(codeOf(await gql('{ relations(first: 100000) { totalCount } }'))).toBe('LIMIT_EXCEEDED');
  });

  it('document(id) gives sentences, entities and relations with evidence', async () => {
    const r = await gql(`query($id: ID!) { document(id: $id) { title publishedAt wordCount sentences { index text }
      entities { totalCount nodes { name } } relations { totalCount nodes { type evidence { sentence } } } } }`, { id: docA().id });
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!.document;
    expect(d.title).toBe('Troika story');
    expect(d.sentences).toHaveLength(3);
    expect(d.entities.totalCount).toBe(4);
    expect(d.relations.totalCount).toBe(4);
    expect(d.relations.nodes.every((n: { evidence: unknown[] }) => n.evidence.length > 0)).toBe(true);
  });

  it('paths from Troika Dialog to the DGSE, also restricted by relation type', async () => {
    const r = await gql(`query($a: ID!, $b: ID!) {
      any: paths(from: $a, to: $b, maxHops: 5) { length nodes { name } relations { type } }
      none: paths(from: $a, to: $b, maxHops: 5, relationTypes: [FOUNDED, MET_WITH, LEADS]) { length }
    }`, { a: troika, b: dgse });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.any[0].length).toBe(4);
    expect(r.body.data!.any[0].nodes.map((n: { name: string }) => n.name)).toEqual(['Troika Dialog', 'Ruben Vardanyan', 'David Barnea', 'Mossad', 'General Directorate of External Security']);
    expect(r.body.data!.none).toEqual([]);
    expect(codeOf(await gql('{ paths(from: "a", to: "b", maxHops: 7) { length } }'))).toBe('LIMIT_EXCEEDED');
  });

  it('subgraph returns Cytoscape elements for an embed', async () => {
    const r = await gql('query($ids: [ID!]!) { subgraph(ids: $ids, depth: 1) { nodes { id } relations { id } truncated cytoscape } }', { ids: [mossad] });
    const g = r.body.data!.subgraph;
    expect(g.nodes.map((n: { id: string }) => n.id).sort()).toEqual([dgse, entityId('Person', 'David Barnea'), mossad].sort());
    expect(g.cytoscape.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(g.nodes.map((n: { id: string }) => n.id).sort());
    expect(g.cytoscape.edges).toHaveLength(2);
    expect(codeOf(await gql('query($ids: [ID!]!) { subgraph(ids: $ids) { truncated } }', { ids: Array.from({ length: 501 }, (_, i) => `p-${i}`) }))).toBe('LIMIT_EXCEEDED');
  });

  it('stats and ontology', async () => {
    const r = await gql('{ stats { documents entities relations entitiesByType { type count } relationsByType { type count } } ontology { entityTypes { name definition } relationTypes { name source target symmetric } } }');
    expect(r.body.data!.stats).toMatchObject({ documents: 2, entities: 7, relations: 7 });
    expect(r.body.data!.stats.entitiesByType).toEqual([
      { type: 'Organization', count: 4 },
      { type: 'Person', count: 2 },
      { type: 'Place', count: 1 },
    ]);
    expect(r.body.data!.ontology.entityTypes.map((t: { name: string }) => t.name)).toEqual(['Person', 'Organization', 'Place']);
  });

  it('unknown ids read as null or empty, never as errors', async () => {
    const r = await gql(`{ entity(id: "p-nobody") { id } document(id: "d-nothing") { id } relation(id: "r-0") { id } snapshot(id: "x") { id }
      relations(where: { entityId: "p-nobody" }) { totalCount } entities(where: { connectedTo: "p-nobody" }) { totalCount }
      subgraph(ids: ["p-nobody"]) { nodes { id } } paths(from: "p-nobody", to: "p-none") { length } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({
      entity: null,
      document: null,
      relation: null,
      snapshot: null,
      relations: { totalCount: 0 },
      entities: { totalCount: 0 },
      subgraph: { nodes: [] },
      paths: [],
    });
  });
});
