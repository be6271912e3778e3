// A catalogue of every statement the Neo4j backend can send, built from cypher.ts with
// representative arguments (every relation type, every entity type, every direction).
import * as Q from '../../../src/store/neo4j/cypher.js';
import { ontology } from '../../../src/model/ontology.js';
import { ENTITY_TYPES } from '../../../src/model/types.js';

const i = Q.int;
const RELATION_TYPES = ontology().relationTypes.map((d) => d.name);
// Every relation type is linted inside the statements that list them all (the schema's per-type
// indexes, relationById, relationsByType, adjacency, relationsOf, exports); builders that take one
// type get a sample (first, a symmetric one, the co-occurrence type): the type is the only part
// that varies and it comes from relationTypeName, tested on every type in lucene.test.ts.
// The semantic analysis is CPU-heavy, and the suite shares 2 cores with the rest of the tests.
const SAMPLE_TYPES = [...new Set([RELATION_TYPES[0]!, ontology().relationTypes.find((d) => d.symmetric)!.name, 'ASSOCIATED_WITH'])];

const entityRow = { id: 'p-ruben-vardanyan', name: 'Ruben Vardanyan', mentionCount: i(2), documentCount: i(1), aliases: [{ uid: 'p-ruben-vardanyan\u0000Vardanyan', alias: 'Vardanyan', norm: 'vardanyan' }] };
const sentenceRow = { key: 'd-1:0', documentId: 'd-1', index: i(0), start: i(0), end: i(10), text: 'A sentence.' };
const evidenceRow = {
  key: 'r-1\u0000d-1\u00000', relationId: 'r-1', relationType: 'FOUNDED', documentId: 'd-1', sentenceKey: 'd-1:0', sentenceIndex: i(0), confidence: 0.8,
  sourceStart: i(0), sourceEnd: i(5), targetStart: i(6), targetEnd: i(9),
};

/** [builder name, statement] pairs; the name lets a test check that no builder is left out. */
export function statementCatalogue(): Array<[string, Q.Statement]> {
  const out: Array<[string, Q.Statement | null]> = [];
  for (const s of Q.schemaStatements()) out.push(['schemaStatements', s]);
  out.push(['awaitIndexes', Q.awaitIndexes(60)]);
  out.push(['serverComponents', Q.serverComponents()]);
  out.push(['dropAllData', Q.dropAllData()]);
  out.push(['documentIdByHash', Q.documentIdByHash('abc')]);
  out.push([
    'createDocument',
    Q.createDocument(
      { id: 'd-1', textHash: 'abc', title: 'T', byline: null, url: null, publishedAt: '2024-01-01', source: 'x', ingestedAt: '2024-01-02T00:00:00Z', wordCount: i(3), text: 'A sentence.' },
      [sentenceRow],
    ),
  ]);
  for (const t of ENTITY_TYPES) for (const accumulate of [true, false]) out.push(['mergeEntities', Q.mergeEntities(t, [entityRow], accumulate)]);
  out.push(['createMentions', Q.createMentions([{ entityId: 'p-a', sentenceKey: 'd-1:0', start: i(0), end: i(1), text: 'A' }])]);
  for (const t of SAMPLE_TYPES) out.push(['mergeRelations', Q.mergeRelations(t, [{ id: 'r-1', source: 'p-a', target: 'o-b', confidence: 0.5, status: null }])]);
  for (const t of SAMPLE_TYPES) out.push(['refreshRelations', Q.refreshRelations(t, ['r-1'])]);
  out.push(['mergeEvidence', Q.mergeEvidence([evidenceRow])]);
  out.push([
    'importDocuments',
    Q.importDocuments([{ id: 'd-1', textHash: 'abc', title: null, byline: null, url: null, publishedAt: null, ingestedAt: '2024-01-02T00:00:00Z', wordCount: i(0) }]),
  ]);
  out.push(['importSentences', Q.importSentences([sentenceRow])]);
  out.push(['existingDocumentIds', Q.existingDocumentIds(['d-1'])]);
  out.push(['sentencesOfDocuments', Q.sentencesOfDocuments(['d-1'])]);
  out.push(['entitiesByIds', Q.entitiesByIds(['p-a'])]);
  out.push(['linkCandidates', Q.linkCandidates(['vardanyan'])]);
  out.push(['relationById', Q.relationById('r-1')]);
  for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
    for (const types of [null, ['FOUNDED', 'LEADS']]) {
      out.push(['relationsOf', Q.relationsOf({ entityId: 'p-a', types, direction, minConfidence: 0.1, reportedAfter: '2024-01-01', reportedBefore: null, skip: 0, limit: 10 })]);
    }
  }
  out.push(['adjacency', Q.adjacency(['p-a', 'o-b'])]);
  out.push(['adjacency', Q.adjacency(['p-a'], ['PARTNER_OF'], ['Person', 'Place'])]);
  out.push(['shortestPaths', Q.shortestPaths('p-a', 'o-b', 4, 3)]);
  out.push(['shortestPaths', Q.shortestPaths('p-a', 'o-b', 6, 1, RELATION_TYPES.slice(0, 3))]);
  out.push(['documentsByIds', Q.documentsByIds(['d-1'])]);
  out.push(['listDocuments', Q.listDocuments(0, 20)]);
  out.push(['countDocuments', Q.countDocuments()]);
  out.push(['sentencesOf', Q.sentencesOf('d-1')]);
  out.push(['evidenceOf', Q.evidenceOf('r-1', 10)]);
  out.push(['statsCounts', Q.statsCounts()]);
  out.push(['entitiesByType', Q.entitiesByType()]);
  out.push(['relationsByType', Q.relationsByType()]);
  out.push(['searchAliases', Q.searchAliases('+ruben +vard*', null, 400)]);
  out.push(['searchAliases', Q.searchAliases('vardanian vardanian~1', ['Person'], 400)]);
  out.push(['exportEntities', Q.exportEntities('', 5000)]);
  out.push(['exportRelations', Q.exportRelations('r-0', 5000)]);
  out.push(['exportDocuments', Q.exportDocuments('', 5000)]);
  out.push(['neighbourPairs', Q.neighbourPairs('p-a')]);
  out.push(['mentionsOf', Q.mentionsOf('p-a', 0, 50)]);
  out.push(['countMentions', Q.countMentions('p-a')]);
  out.push(['addSnapshot', Q.addSnapshot('s-1', null, '2026-01-01T00:00:00Z', '{}')]);
  out.push(['snapshotById', Q.snapshotById('s-1')]);
  const noFilter = { types: null, nameContains: null, minMentions: null, mentionedIn: null, connectedTo: null };
  const allFilters = { types: ['Person' as const], nameContains: 'dgse', minMentions: 2, mentionedIn: 'd-1', connectedTo: 'p-a' };
  for (const f of [noFilter, allFilters]) {
    out.push(['countEntities', Q.countEntities(f)]);
    for (const order of ['MENTIONS_DESC', 'NAME_ASC', 'DEGREE_DESC'] as const) out.push(['listEntities', Q.listEntities(f, order, 0, 50)]);
  }
  for (const f of [{ minConfidence: null, documentId: null, entityId: null }, { types: ['LEADS'], minConfidence: 0.5, documentId: 'd-1', entityId: 'p-a' }]) {
    out.push(['countRelations', Q.countRelations(f)]);
    out.push(['listRelations', Q.listRelations(f, 0, 50)]);
  }
  out.push(['countEntityDocuments', Q.countEntityDocuments('p-a')]);
  out.push(['entityDocuments', Q.entityDocuments('p-a', 0, 20)]);
  out.push(['recordCuration', Q.recordCuration('merge', 'p-b', 'p-a', null, '2026-01-01T00:00:00Z')]);
  out.push(['curationLog', Q.curationLog()]);
  out.push(['addAliases', Q.addAliases('p-a', entityRow.aliases)]);
  out.push(['removeAlias', Q.removeAlias('p-a', 'Vardanyan')]);
  out.push(['renameEntity', Q.renameEntity('p-a', 'New name')]);
  for (const t of ENTITY_TYPES) out.push(['setEntityType', Q.setEntityType('p-a', t)]);
  out.push(['foldEntityCounts', Q.foldEntityCounts('p-a', 'p-b')]);
  out.push(['moveMentions', Q.moveMentions('p-b', 'p-a')]);
  out.push(['relationsTouching', Q.relationsTouching('p-a')]);
  for (const t of SAMPLE_TYPES) {
    out.push(['dropRelations', Q.dropRelations(t, ['r-1'])]);
    out.push(['dropUnsupportedRelations', Q.dropUnsupportedRelations(t, ['r-1'])]);
  }
  out.push(['dropEntities', Q.dropEntities(['p-a'])]);
  out.push(['documentFootprint', Q.documentFootprint('d-1')]);
  out.push(['dropDocument', Q.dropDocument('d-1')]);
  out.push(['lowerEntityCounts', Q.lowerEntityCounts([{ id: 'p-a', n: i(2) }])]);
  out.push(['indexNearDuplicate', Q.indexNearDuplicate('d-1', [1, 2, 3], ['b0:abc', 'b1:def'])]);
  out.push(['linkDuplicates', Q.linkDuplicates([{ id: 'd-2', duplicateOf: 'd-1' }])]);
  out.push(['nearDuplicateCandidates', Q.nearDuplicateCandidates(['b0:abc'])]);
  return out.filter((pair): pair is [string, Q.Statement] => pair[1] !== null);
}

/** Labels, relationship types and property keys our model uses (docs/neo4j.md). */
export const MODEL_SCHEMA = {
  labels: ['Entity', ...ENTITY_TYPES, 'Document', 'Sentence', 'Alias', 'Evidence', 'Snapshot', 'Curation', 'CurationLog', 'Band'],
  relationshipTypes: [...RELATION_TYPES, 'HAS_SENTENCE', 'MENTIONED_IN', 'HAS_ALIAS', 'IN', 'IN_BAND', 'DUPLICATE_OF'],
};
