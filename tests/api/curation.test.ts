// Curation mutations over GraphQL: each needs the token, each is atomic, and each decision
// survives later ingests through the real pipeline (extract → link → curation → store).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KgApi } from '../../src/api/create-api.js';
import { entityId } from '../../src/model/names.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { AUTH, client, codeOf, createFixtureApi } from './client.js';

let store: SqliteStore;
let api: KgApi;
let gql: ReturnType<typeof client>;
const vardanyan = entityId('Person', 'Ruben Vardanyan');
const barnea = entityId('Person', 'David Barnea');
const troika = entityId('Organization', 'Troika Dialog');
const mossad = entityId('Organization', 'Mossad');
const dgse = entityId('Organization', 'General Directorate of External Security');

const INGEST = 'mutation($text: String!, $title: String) { ingestDocument(input: { text: $text, title: $title }) { status documentId } }';
const ingest = async (text: string, title = 'T') => {
  const r = await gql(INGEST, { text, title }, AUTH);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.ingestDocument.documentId as string;
};
const ENTITY = 'query($id: ID!) { entity(id: $id) { id name type aliases mentionCount documentCount relations(first: 100) { totalCount nodes { id type source { id } target { id } } } } }';
const entity = async (id: string) => (await gql(ENTITY, { id })).body.data!.entity;

beforeEach(async () => {
  ({ store, api } = await createFixtureApi());
  gql = client(api);
});
afterEach(async () => {
  await store.close();
});

describe('curation mutations', () => {
  it('every curation mutation needs the bearer token and changes nothing without it', async () => {
    const before = await store.exportGraph();
    const calls = [
      `mergeEntities(keep: "${vardanyan}", merge: "${barnea}") { id }`,
      `renameEntity(id: "${vardanyan}", name: "X") { id }`,
      `addAlias(id: "${vardanyan}", alias: "X") { id }`,
      `removeAlias(id: "${dgse}", alias: "DGSE") { id }`,
      `setEntityType(id: "${mossad}", type: Place) { id }`,
      `rejectRelation(id: "r-x") { id }`,
      `deleteDocument(id: "d-x") { documentId }`,
    ];
    for (const call of calls) {
      expect(codeOf(await gql(`mutation { ${call} }`)), call).toBe('UNAUTHORIZED');
      expect(codeOf(await gql(`mutation { ${call} }`, {}, { authorization: 'Bearer wrong' })), call).toBe('UNAUTHORIZED');
    }
    expect(await store.exportGraph()).toEqual(before);
  });

  it('mergeEntities folds one entity into another', async () => {
    const r = await gql(`mutation { mergeEntities(keep: "${vardanyan}", merge: "${barnea}") { id aliases mentionCount relations { nodes { type target { name } } } } }`, {}, AUTH);
    expect(r.body.errors).toBeUndefined();
    const kept = r.body.data!.mergeEntities;
    expect(kept.aliases).toContain('David Barnea');
    expect(kept.relations.nodes.map((n: { type: string }) => n.type).sort()).toEqual(['FOUNDED', 'LEADS']);
    expect((await gql(`{ entity(id: "${barnea}") { id } }`)).body.data!.entity).toBeNull();
    expect(codeOf(await gql(`mutation { mergeEntities(keep: "${vardanyan}", merge: "${barnea}") { id } }`, {}, AUTH))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`mutation { mergeEntities(keep: "${vardanyan}", merge: "${vardanyan}") { id } }`, {}, AUTH))).toBe('INVALID_INPUT');
  });

  it('renameEntity, addAlias, removeAlias, setEntityType', async () => {
    const r = await gql(
      `mutation {
        a: renameEntity(id: "${dgse}", name: "DGSE (France)") { name aliases }
        b: addAlias(id: "${mossad}", alias: "The Institute") { aliases }
        c: removeAlias(id: "${dgse}", alias: "DGSE") { aliases }
        d: setEntityType(id: "${troika}", type: Place) { type }
      }`,
      {},
      AUTH,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.a.name).toBe('DGSE (France)');
    expect(r.body.data!.a.aliases).toContain('General Directorate of External Security');
    expect(r.body.data!.b.aliases).toContain('The Institute');
    expect(r.body.data!.c.aliases).not.toContain('DGSE');
    expect(r.body.data!.d.type).toBe('Place');
    const hit = await gql('{ search(query: "Institute") { entity { id } matched } }');
    expect(hit.body.data!.search[0]).toEqual({ entity: { id: mossad }, matched: 'The Institute' });
    expect(codeOf(await gql(`mutation { renameEntity(id: "${dgse}", name: "  ") { id } }`, {}, AUTH))).toBe('INVALID_INPUT');
    expect(codeOf(await gql(`mutation { renameEntity(id: "o-nothing", name: "X") { id } }`, {}, AUTH))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`mutation { removeAlias(id: "${dgse}", alias: "DGSE (France)") { id } }`, {}, AUTH))).toBe('INVALID_INPUT');
    expect(codeOf(await gql(`mutation { setEntityType(id: "${dgse}", type: Planet) { id } }`, {}, AUTH))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejectRelation removes the edge and returns it; deleteDocument removes what only it supported', async () => {
    const partner = (await entity(mossad)).relations.nodes.find((n: { type: string }) => n.type === 'PARTNER_OF');
    const r = await gql(`mutation { rejectRelation(id: "${partner.id}") { id type source { id } target { id } evidence { sentence } } }`, {}, AUTH);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.rejectRelation).toMatchObject({ id: partner.id, type: 'PARTNER_OF', evidence: [] });
    expect((await gql(`{ relation(id: "${partner.id}") { id } }`)).body.data!.relation).toBeNull();
    expect(codeOf(await gql(`mutation { rejectRelation(id: "${partner.id}") { id } }`, {}, AUTH))).toBe('NOT_FOUND');

    const docs = (await gql('{ documents { nodes { id title } } }')).body.data!.documents.nodes;
    const intel = docs.find((d: { title: string }) => d.title === 'Intelligence story');
    const del = await gql(`mutation { deleteDocument(id: "${intel.id}") { documentId relationsRemoved entitiesRemoved } }`, {}, AUTH);
    expect(del.body.data!.deleteDocument).toEqual({ documentId: intel.id, relationsRemoved: 2, entitiesRemoved: 3 });
    const v = await entity(vardanyan);
    expect(v.documentCount).toBe(1);
    expect(v.relations.nodes.map((n: { type: string }) => n.type)).toEqual(['FOUNDED']);
    expect((await gql('{ stats { documents } }')).body.data!.stats.documents).toBe(1);
    expect(codeOf(await gql(`mutation { deleteDocument(id: "${intel.id}") { documentId } }`, {}, AUTH))).toBe('NOT_FOUND');
  });
});

describe('curation survives re-ingest', () => {
  const text1 = 'Angela Merkel met Emmanuel Macron in Berlin on Monday.';
  const text2 = 'On Tuesday, Angela Merkel met Emmanuel Macron in Berlin again.';

  it('a rejected relation stays gone when the same or new documents are ingested', async () => {
    const doc = await ingest(text1);
    const rels = (await gql(`{ document(id: "${doc}") { relations { nodes { id type source { id } target { id } } } } }`)).body.data!.document.relations.nodes;
    expect(rels.length).toBeGreaterThan(0);
    const wrong = rels[0];
    await gql(`mutation { rejectRelation(id: "${wrong.id}") { id } }`, {}, AUTH);
    await ingest(text1); // same text: unchanged
    const doc2 = await ingest(text2, 'Again');
    const after = (await gql(`{ document(id: "${doc2}") { relations { nodes { id } } } }`)).body.data!.document.relations.nodes;
    expect(after.length).toBeGreaterThan(0); // the new document was extracted, only the rejected edge is missing
    expect(after.map((n: { id: string }) => n.id)).not.toContain(wrong.id);
    expect((await gql(`{ relation(id: "${wrong.id}") { id } }`)).body.data!.relation).toBeNull();
    // Deleting and re-ingesting the original document does not bring it back either.
    await gql(`mutation { deleteDocument(id: "${doc}") { documentId } }`, {}, AUTH);
    await ingest(text1);
    expect((await gql(`{ relation(id: "${wrong.id}") { id } }`)).body.data!.relation).toBeNull();
  });

  it('a type change and a rename stick; a removed alias is not re-added', async () => {
    await ingest(text1);
    const merkel = entityId('Person', 'Angela Merkel');
    expect((await entity(merkel)).type).toBe('Person');
    await gql(`mutation { setEntityType(id: "${merkel}", type: Organization) { id } }`, {}, AUTH);
    await gql(`mutation { renameEntity(id: "${merkel}", name: "Chancellor Merkel") { id } }`, {}, AUTH);
    await gql(`mutation { removeAlias(id: "${merkel}", alias: "Angela Merkel") { id } }`, {}, AUTH);
    const before = await entity(merkel);
    await ingest(text2, 'Again');
    const after = await entity(merkel);
    expect(after).toMatchObject({ name: 'Chancellor Merkel', type: 'Organization' });
    expect(after.aliases).not.toContain('Angela Merkel');
    expect(after.mentionCount).toBeGreaterThan(before.mentionCount);
    const named = (await gql('{ entities(where: { nameContains: "Merkel" }) { totalCount } }')).body.data!.entities.totalCount;
    expect(named).toBe(1);
  });

  it('a merged-away entity is not re-created by later documents', async () => {
    await ingest(text1);
    const merkel = entityId('Person', 'Angela Merkel');
    const macron = entityId('Person', 'Emmanuel Macron');
    await gql(`mutation { mergeEntities(keep: "${merkel}", merge: "${macron}") { id } }`, {}, AUTH);
    const before = await entity(merkel);
    await ingest(text2, 'Again');
    expect((await gql(`{ entity(id: "${macron}") { id } }`)).body.data!.entity).toBeNull();
    const after = await entity(merkel);
    expect(after.mentionCount).toBeGreaterThan(before.mentionCount);
    expect(after.relations.nodes.every((n: { source: { id: string }; target: { id: string } }) => n.source.id !== macron && n.target.id !== macron)).toBe(true);
  });
});
