// Every Cypher statement the Neo4j backend sends, as pure functions returning {cypher, params}.
// Every value is a $param. Labels and relationship types are never taken from input: they are
// looked up in fixed whitelists (ENTITY_TYPES, the ontology) and backtick-escaped. The only other
// spliced text is a hop count, an integer clamped by the caller. tests/unit/neo4j/ lints them all.
import neo4j from 'neo4j-driver';
import { ontology } from '../../model/ontology.js';
import { ENTITY_TYPES, type EntityType } from '../../model/types.js';
import { KgError } from '../../model/errors.js';
import type { Direction } from '../graph-store.js';

export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Integers must travel as driver Integers: a JS number is sent as a float (LIMIT 10.0 fails). */
export const int = (n: number): ReturnType<typeof neo4j.int> => neo4j.int(Math.trunc(n));

const statement = (cypher: string, params: Record<string, unknown> = {}): Statement => ({
  cypher: cypher.replace(/\n\s+/g, '\n').trim(),
  params,
});

/** Backtick-quotes a name; a backtick inside is doubled (none of ours has one). */
export const escapeName = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

/** The entity label for a type, from the fixed list. */
export function entityLabel(type: string): string {
  const found = ENTITY_TYPES.find((t) => t === type);
  if (!found) throw new KgError('INVALID_INPUT', `neo4j.cypher: unknown entity type ${JSON.stringify(type)}`);
  return escapeName(found);
}

/** The ontology's relation type names (the whitelist). */
export const relationTypeNames = (): string[] => ontology().relationTypes.map((d) => d.name);

/** One relationship type, taken from the ontology (the input only selects it). */
export function relationTypeName(type: string): string {
  const def = ontology().relationType(type);
  if (!def) throw new KgError('INVALID_INPUT', `neo4j.cypher: ${JSON.stringify(type)} is not a relation type of the ontology`);
  return escapeName(def.name);
}

/**
 * `A`|`B`|... for a relationship pattern: the requested types that the ontology defines, or all
 * of them. Null when a filter was given but none of its types exists (the answer is empty).
 */
export function relationTypeAlternation(types?: readonly string[] | null): string | null {
  const names = types && types.length > 0 ? relationTypeNames().filter((n) => types.includes(n)) : relationTypeNames();
  return names.length > 0 ? names.map(escapeName).join('|') : null;
}

// --- schema and server ---------------------------------------------------------------------------

export const FULLTEXT_INDEX = 'kg_alias_fulltext';

/** Constraints and indexes, each idempotent (IF NOT EXISTS); one statement per transaction. */
export function schemaStatements(): Statement[] {
  const out = [
    'CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
    'CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
    'CREATE CONSTRAINT kg_document_hash IF NOT EXISTS FOR (d:Document) REQUIRE d.textHash IS UNIQUE',
    'CREATE CONSTRAINT kg_sentence_key IF NOT EXISTS FOR (s:Sentence) REQUIRE s.key IS UNIQUE',
    'CREATE CONSTRAINT kg_alias_uid IF NOT EXISTS FOR (a:Alias) REQUIRE a.uid IS UNIQUE',
    'CREATE CONSTRAINT kg_evidence_key IF NOT EXISTS FOR (ev:Evidence) REQUIRE ev.key IS UNIQUE',
    'CREATE CONSTRAINT kg_snapshot_id IF NOT EXISTS FOR (s:Snapshot) REQUIRE s.id IS UNIQUE',
    'CREATE CONSTRAINT kg_curation_seq IF NOT EXISTS FOR (c:Curation) REQUIRE c.seq IS UNIQUE',
    'CREATE CONSTRAINT kg_curation_log IF NOT EXISTS FOR (l:CurationLog) REQUIRE l.id IS UNIQUE',
    'CREATE CONSTRAINT kg_band_key IF NOT EXISTS FOR (b:Band) REQUIRE b.key IS UNIQUE',
    'CREATE INDEX kg_alias_norm IF NOT EXISTS FOR (a:Alias) ON (a.norm)',
    'CREATE INDEX kg_evidence_relation IF NOT EXISTS FOR (ev:Evidence) ON (ev.relationId)',
    'CREATE INDEX kg_document_published IF NOT EXISTS FOR (d:Document) ON (d.publishedAt)',
    'CREATE INDEX kg_entity_mentions IF NOT EXISTS FOR (e:Entity) ON (e.mentionCount)',
    // Normalised alias text is already lower-case, diacritic-free words: split on spaces only.
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (a:Alias) ON EACH [a.norm]
     OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace'}}`,
  ];
  // Relation ids are looked up per type (range indexes work on every 5.x, unlike relationship
  // uniqueness constraints, which need 5.7).
  for (const name of relationTypeNames()) {
    out.push(`CREATE INDEX ${escapeName(`kg_rel_${name.toLowerCase()}_id`)} IF NOT EXISTS FOR ()-[r:${escapeName(name)}]-() ON (r.id)`);
  }
  return out.map((c) => statement(c));
}

export const awaitIndexes = (seconds: number): Statement => statement('CALL db.awaitIndexes($seconds)', { seconds: int(seconds) });

export const serverComponents = (): Statement =>
  statement('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');

/** Removes every node and relationship of ours (the contract suite's reset between tests). */
export const dropAllData = (): Statement =>
  statement(
    `MATCH (n) WHERE n:Entity OR n:Document OR n:Sentence OR n:Alias OR n:Evidence OR n:Snapshot OR n:Curation OR n:CurationLog OR n:Band
     DETACH DELETE n`,
  );

// --- ingest --------------------------------------------------------------------------------------

export const documentIdByHash = (textHash: string): Statement =>
  statement('MATCH (d:Document {textHash: $textHash}) RETURN d.id AS id', { textHash });

export interface DocumentRow {
  id: string;
  textHash: string;
  title: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  ingestedAt: string;
  wordCount: ReturnType<typeof int>;
  text: string | null;
}

export interface SentenceRow {
  key: string;
  documentId: string;
  index: ReturnType<typeof int>;
  start: ReturnType<typeof int>;
  end: ReturnType<typeof int>;
  text: string;
}

/** The document node and its sentences, in order. */
export const createDocument = (document: DocumentRow, sentences: SentenceRow[]): Statement =>
  statement(
    `CREATE (d:Document)
     SET d = $document
     WITH d
     UNWIND $sentences AS row
     CREATE (d)-[:HAS_SENTENCE]->(s:Sentence)
     SET s = row`,
    { document, sentences },
  );

export interface EntityRow {
  id: string;
  name: string;
  mentionCount: ReturnType<typeof int>;
  documentCount: ReturnType<typeof int>;
  aliases: Array<{ uid: string; alias: string; norm: string }>;
}

/**
 * Upserts entities of one type with their aliases. `accumulate` (ingest) adds the row's counts
 * to the stored ones; otherwise (import) the counts are set when the entity is created only.
 * Returns how many entities were new.
 */
export function mergeEntities(type: EntityType, rows: EntityRow[], accumulate: boolean): Statement {
  const counts = accumulate
    ? 'SET e.mentionCount = e.mentionCount + row.mentionCount, e.documentCount = e.documentCount + row.documentCount'
    : 'FOREACH (_ IN CASE WHEN isNew THEN [1] ELSE [] END | SET e.mentionCount = row.mentionCount, e.documentCount = row.documentCount)';
  return statement(
    `UNWIND $rows AS row
     OPTIONAL MATCH (old:Entity {id: row.id})
     WITH row, old IS NULL AS isNew
     MERGE (e:Entity {id: row.id})
     ON CREATE SET e:${entityLabel(type)}, e.type = $type, e.name = row.name, e.aliases = [], e.mentionCount = 0, e.documentCount = 0
     ${counts}
     SET e.aliases = e.aliases + [a IN row.aliases WHERE NOT a.alias IN e.aliases | a.alias]
     FOREACH (a IN row.aliases |
       MERGE (al:Alias {uid: a.uid})
       ON CREATE SET al.alias = a.alias, al.norm = a.norm, al.entityId = row.id
       MERGE (e)-[:HAS_ALIAS]->(al))
     RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created`,
    { rows, type },
  );
}

export interface MentionRow {
  entityId: string;
  sentenceKey: string;
  start: ReturnType<typeof int>;
  end: ReturnType<typeof int>;
  text: string;
}

export const createMentions = (rows: MentionRow[]): Statement =>
  statement(
    `UNWIND $rows AS row
     MATCH (e:Entity {id: row.entityId})
     MATCH (s:Sentence {key: row.sentenceKey})
     CREATE (e)-[:MENTIONED_IN {start: row.start, end: row.end, text: row.text}]->(s)`,
    { rows },
  );

export interface RelationRow {
  id: string;
  source: string;
  target: string;
  confidence: number;
  status: string | null;
}

/** Upserts relations of one ontology type between existing entities; returns how many were new. */
export const mergeRelations = (type: string, rows: RelationRow[]): Statement =>
  statement(
    `UNWIND $rows AS row
     MATCH (a:Entity {id: row.source})
     MATCH (b:Entity {id: row.target})
     OPTIONAL MATCH (a)-[old:${relationTypeName(type)} {id: row.id}]->(b)
     WITH row, a, b, old IS NULL AS isNew
     MERGE (a)-[r:${relationTypeName(type)} {id: row.id}]->(b)
     ON CREATE SET r.confidence = row.confidence, r.evidenceCount = 0, r.status = row.status
     RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created`,
    { rows },
  );

export interface EvidenceRow {
  key: string;
  relationId: string;
  /** The relation's type, so evidence can find its relationship with an index seek. */
  relationType: string;
  documentId: string;
  sentenceKey: string;
  sentenceIndex: ReturnType<typeof int>;
  confidence: number;
  sourceStart: ReturnType<typeof int> | null;
  sourceEnd: ReturnType<typeof int> | null;
  targetStart: ReturnType<typeof int> | null;
  targetEnd: ReturnType<typeof int> | null;
}

/** Evidence nodes (a relationship cannot point at a relationship), each linked to its sentence. */
export const mergeEvidence = (rows: EvidenceRow[]): Statement =>
  statement(
    `UNWIND $rows AS row
     MATCH (s:Sentence {key: row.sentenceKey})
     MERGE (ev:Evidence {key: row.key})
     ON CREATE SET ev.relationId = row.relationId, ev.relationType = row.relationType, ev.documentId = row.documentId, ev.sentenceIndex = row.sentenceIndex,
       ev.confidence = row.confidence, ev.sourceStart = row.sourceStart, ev.sourceEnd = row.sourceEnd,
       ev.targetStart = row.targetStart, ev.targetEnd = row.targetEnd
     MERGE (ev)-[:IN]->(s)`,
    { rows },
  );

/**
 * Recomputes aggregates from evidence: count, noisy-or confidence (1 - Π(1 - c), each c capped
 * at 0.999, rounded to 4 places, as the embedded store does) and first/last publication dates.
 * A relation without evidence keeps its confidence.
 */
export const refreshRelations = (type: string, ids: string[]): Statement =>
  statement(
    `UNWIND $ids AS id
     MATCH ()-[r:${relationTypeName(type)} {id: id}]->()
     OPTIONAL MATCH (ev:Evidence {relationId: id})-[:IN]->(:Sentence)<-[:HAS_SENTENCE]-(d:Document)
     WITH r, count(ev) AS n,
       sum(log(1.0 - CASE WHEN ev.confidence < 0.999 THEN ev.confidence ELSE 0.999 END)) AS logMiss,
       min(d.publishedAt) AS first, max(d.publishedAt) AS last
     SET r.evidenceCount = n,
       r.confidence = CASE WHEN n = 0 THEN r.confidence ELSE round(1.0 - exp(logMiss), 4) END,
       r.firstReported = first, r.lastReported = last`,
    { ids },
  );

// --- near-duplicates (syndicated copies; src/ingest/near-duplicate.ts) ------------------------------

/** An original's MinHash signature and its LSH bands, so later copies can find it. */
export const indexNearDuplicate = (documentId: string, signature: number[], bandKeys: string[]): Statement =>
  statement(
    `MATCH (d:Document {id: $id})
     SET d.signature = $signature
     WITH d
     UNWIND $bandKeys AS key
     MERGE (b:Band {key: key})
     MERGE (d)-[:IN_BAND]->(b)`,
    { id: documentId, signature, bandKeys },
  );

/** Links recorded copies to their originals (rows of {id, duplicateOf}). */
export const linkDuplicates = (rows: Array<{ id: string; duplicateOf: string }>): Statement =>
  statement(
    `UNWIND $rows AS row
     MATCH (d:Document {id: row.id})
     MATCH (o:Document {id: row.duplicateOf})
     MERGE (d)-[:DUPLICATE_OF]->(o)`,
    { rows },
  );

/** Originals sharing a band with these keys, each once with its signature. */
export const nearDuplicateCandidates = (bandKeys: string[]): Statement =>
  statement(
    `UNWIND $bandKeys AS key
     MATCH (:Band {key: key})<-[:IN_BAND]-(d:Document)
     WHERE d.signature IS NOT NULL
     WITH DISTINCT d
     RETURN d.id AS documentId, d.signature AS signature
     ORDER BY documentId`,
    { bandKeys },
  );

// --- import (kg import, kg migrate, and the kg export --format cypher script) ---------------------

export interface ImportDocumentRow {
  id: string;
  textHash: string;
  title: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  wordCount: ReturnType<typeof int>;
}

/** Creates documents whose id and text hash are both unknown; returns how many were created. */
export const importDocuments = (rows: ImportDocumentRow[]): Statement =>
  statement(
    `UNWIND $rows AS row
     OPTIONAL MATCH (x:Document) WHERE x.id = row.id OR x.textHash = row.textHash
     WITH row, count(x) AS clashes
     WHERE clashes = 0
     CREATE (d:Document)
     SET d = row, d.source = 'import'
     RETURN count(d) AS created`,
    { rows },
  );

/** Sentences cited by imported evidence; an existing sentence at that key is kept. */
export const importSentences = (rows: SentenceRow[]): Statement =>
  statement(
    `UNWIND $rows AS row
     MATCH (d:Document {id: row.documentId})
     MERGE (s:Sentence {key: row.key})
     ON CREATE SET s = row
     MERGE (d)-[:HAS_SENTENCE]->(s)`,
    { rows },
  );

export const existingDocumentIds = (ids: string[]): Statement =>
  statement('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id', { ids });

export const sentencesOfDocuments = (ids: string[]): Statement =>
  statement(
    `UNWIND $ids AS id
     MATCH (:Document {id: id})-[:HAS_SENTENCE]->(s:Sentence)
     RETURN s.documentId AS documentId, s.index AS index, s.text AS text`,
    { ids },
  );

// --- reads ---------------------------------------------------------------------------------------

export const entitiesByIds = (ids: string[]): Statement =>
  statement('UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e', { ids });

export const linkCandidates = (keys: string[]): Statement =>
  statement(
    `UNWIND $keys AS key
     MATCH (:Alias {norm: key})<-[:HAS_ALIAS]-(e:Entity)
     RETURN DISTINCT e`,
    { keys },
  );

/** One relation by id: a union of per-type index seeks (the id does not tell the type). */
export function relationById(id: string): Statement {
  const branches = relationTypeNames().map(
    (name) => `MATCH (a:Entity)-[r:${escapeName(name)} {id: $id}]->(b:Entity) RETURN r, a.id AS source, b.id AS target`,
  );
  return statement(branches.join('\nUNION ALL\n'), { id });
}

export interface RelationsOfArgs {
  entityId: string;
  types?: readonly string[] | null;
  direction: Direction;
  minConfidence: number;
  /** ISO dates: keep relations last reported on/after, first reported on/before (undated ones drop). */
  reportedAfter?: string | null;
  reportedBefore?: string | null;
  skip: number;
  limit: number;
}

/**
 * A page of an entity's relations, strongest first: typed before co-occurrence, then by evidence,
 * confidence and id (the embedded store's order), with the total. Null when no type matches.
 */
export function relationsOf(args: RelationsOfArgs): Statement | null {
  const types = relationTypeAlternation(args.types);
  if (!types) return null;
  // The arrow comes from this fixed table, never from input.
  const pattern = { OUT: `-[r:${types}]->`, IN: `<-[r:${types}]-`, BOTH: `-[r:${types}]-` }[args.direction];
  return statement(
    `MATCH (e:Entity {id: $id})${pattern}(o:Entity)
     WHERE r.confidence >= $minConfidence
       AND ($reportedAfter IS NULL OR r.lastReported >= $reportedAfter)
       AND ($reportedBefore IS NULL OR r.firstReported <= $reportedBefore)
     WITH DISTINCT r
     ORDER BY CASE WHEN type(r) = $weakType THEN 1 ELSE 0 END, r.evidenceCount DESC, r.confidence DESC, r.id
     WITH collect({r: r, source: startNode(r).id, target: endNode(r).id}) AS rows
     RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page`,
    {
      id: args.entityId,
      minConfidence: args.minConfidence,
      reportedAfter: args.reportedAfter ?? null,
      reportedBefore: args.reportedBefore ?? null,
      weakType: 'ASSOCIATED_WITH',
      skip: int(args.skip),
      limit: int(args.limit),
    },
  );
}

/** Every relation touching each of `ids` (one BFS level), optionally limited by the far end's type. */
export function adjacency(ids: string[], types?: readonly string[] | null, entityTypes?: readonly EntityType[] | null): Statement | null {
  const alternation = relationTypeAlternation(types);
  if (!alternation) return null;
  return statement(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})-[r:${alternation}]-(o:Entity)
     WHERE $entityTypes IS NULL OR o.type IN $entityTypes
     RETURN id, r, startNode(r).id AS source, endNode(r).id AS target, o.id AS otherId, o.type AS otherType`,
    { ids, entityTypes: entityTypes && entityTypes.length > 0 ? [...entityTypes] : null },
  );
}

/** All shortest paths up to `maxHops` (an integer the caller clamps), first ones by relation ids. */
export function shortestPaths(from: string, to: string, maxHops: number, first: number, types?: readonly string[] | null): Statement | null {
  const alternation = relationTypeAlternation(types);
  if (!alternation) return null;
  const hops = Math.max(1, Math.min(Math.trunc(maxHops), 10));
  return statement(
    `MATCH (a:Entity {id: $from})
     MATCH (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[:${alternation}*..${hops}]-(b))
     WITH p ORDER BY [r IN relationships(p) | r.id]
     LIMIT $first
     RETURN p`,
    { from, to, first: int(first) },
  );
}

const DOCUMENT_PROJECTION = `d {.id, .textHash, .title, .byline, .url, .publishedAt, .ingestedAt, .wordCount,
  sentenceCount: size([(d)-[:HAS_SENTENCE]->(s:Sentence) | s])} AS document`;

export const documentsByIds = (ids: string[]): Statement =>
  statement(`UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN ${DOCUMENT_PROJECTION}`, { ids });

/** Newest first; undated documents last (null sorts first in a descending Cypher order). */
export const listDocuments = (skip: number, limit: number): Statement =>
  statement(
    `MATCH (d:Document)
     WITH d ORDER BY d.publishedAt IS NULL, d.publishedAt DESC, d.ingestedAt, d.id
     SKIP $skip LIMIT $limit
     RETURN ${DOCUMENT_PROJECTION}`,
    { skip: int(skip), limit: int(limit) },
  );

export const countDocuments = (): Statement => statement('MATCH (d:Document) RETURN count(d) AS n');

export const sentencesOf = (documentId: string): Statement =>
  statement(
    `MATCH (:Document {id: $id})-[:HAS_SENTENCE]->(s:Sentence)
     RETURN s ORDER BY s.index`,
    { id: documentId },
  );

export const evidenceOf = (relationId: string, first: number): Statement =>
  statement(
    `MATCH (ev:Evidence {relationId: $relationId})-[:IN]->(s:Sentence)<-[:HAS_SENTENCE]-(d:Document)
     RETURN ev, s
     ORDER BY ev.confidence DESC, d.publishedAt IS NULL, d.publishedAt DESC, ev.documentId, ev.sentenceIndex
     LIMIT $first`,
    { relationId, first: int(first) },
  );

/** Totals from the count store (label and type counts are O(1) in Neo4j), one row per total. */
export const statsCounts = (): Statement =>
  statement(
    `MATCH (n:Document) RETURN $documents AS k, count(n) AS n
     UNION ALL MATCH (n:Sentence) RETURN $sentences AS k, count(n) AS n
     UNION ALL MATCH (n:Entity) RETURN $entities AS k, count(n) AS n
     UNION ALL MATCH (n:Evidence) RETURN $evidence AS k, count(n) AS n
     UNION ALL MATCH ()-[m:MENTIONED_IN]->() RETURN $mentions AS k, count(m) AS n`,
    { documents: 'documents', sentences: 'sentences', entities: 'entities', evidence: 'evidence', mentions: 'mentions' },
  );

export function entitiesByType(): Statement {
  const branches = ENTITY_TYPES.map((t) => `MATCH (n:${entityLabel(t)}) RETURN $${t} AS k, count(n) AS n`);
  return statement(branches.join('\nUNION ALL\n'), Object.fromEntries(ENTITY_TYPES.map((t) => [t, t])));
}

export function relationsByType(): Statement {
  const names = relationTypeNames();
  const branches = names.map((name, i) => `MATCH ()-[r:${escapeName(name)}]->() RETURN $t${i} AS k, count(r) AS n`);
  return statement(branches.join('\nUNION ALL\n'), Object.fromEntries(names.map((n, i) => [`t${i}`, n])));
}

// --- search --------------------------------------------------------------------------------------

/** Alias hits of a Lucene query (built by lucene.ts from escaped words), most-mentioned first. */
export const searchAliases = (luceneQuery: string, types: readonly EntityType[] | null, limit: number): Statement =>
  statement(
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node
     MATCH (node)<-[:HAS_ALIAS]-(e:Entity)
     WHERE $types IS NULL OR e.type IN $types
     RETURN e.id AS id, node.alias AS alias, e.mentionCount AS mentionCount
     ORDER BY e.mentionCount DESC, e.id, node.alias
     LIMIT $limit`,
    { index: FULLTEXT_INDEX, query: luceneQuery, types: types && types.length > 0 ? [...types] : null, limit: int(limit) },
  );

// --- export (paged by id so a large graph is never one huge result) --------------------------------

export const exportEntities = (after: string, limit: number): Statement =>
  statement('MATCH (e:Entity) WHERE e.id > $after RETURN e ORDER BY e.id LIMIT $limit', { after, limit: int(limit) });

export function exportRelations(after: string, limit: number): Statement {
  return statement(
    `MATCH (a:Entity)-[r:${relationTypeAlternation(null)}]->(b:Entity)
     WHERE r.id > $after
     WITH a, r, b ORDER BY r.id LIMIT $limit
     OPTIONAL MATCH (ev:Evidence {relationId: r.id})-[:IN]->(s:Sentence)
     WITH a, r, b, ev, s ORDER BY r.id, ev.documentId, ev.sentenceIndex
     WITH a, r, b, collect(CASE WHEN ev IS NULL THEN null ELSE {ev: ev, s: s} END) AS evidence
     RETURN r, a.id AS source, b.id AS target, evidence
     ORDER BY r.id`,
    { after, limit: int(limit) },
  );
}

export const exportDocuments = (after: string, limit: number): Statement =>
  statement(
    `MATCH (d:Document) WHERE d.id > $after
     OPTIONAL MATCH (d)-[:DUPLICATE_OF]->(o:Document)
     RETURN d {.id, .title, .byline, .url, .publishedAt, .ingestedAt, .textHash, .wordCount, duplicateOf: o.id} AS document
     ORDER BY d.id LIMIT $limit`,
    { after, limit: int(limit) },
  );

// --- analyst reads ---------------------------------------------------------------------------------

/** Distinct (neighbour, neighbour type, relation type) triples of an entity, self-loops excluded. */
export function neighbourPairs(entityId: string): Statement {
  return statement(
    `MATCH (e:Entity {id: $id})-[r:${relationTypeAlternation(null)}]-(o:Entity)
     WHERE o <> e
     RETURN DISTINCT o.id AS id, o.type AS entityType, type(r) AS relationType`,
    { id: entityId },
  );
}

/** A page of an entity's mentions: newest document first, then sentence and offset. */
export const mentionsOf = (entityId: string, skip: number, limit: number): Statement =>
  statement(
    `MATCH (:Entity {id: $id})-[m:MENTIONED_IN]->(s:Sentence)<-[:HAS_SENTENCE]-(d:Document)
     RETURN d.id AS documentId, s.index AS sentenceIndex, m.start AS start, m.end AS end, m.text AS text
     ORDER BY d.publishedAt IS NULL, d.publishedAt DESC, d.ingestedAt, d.id, s.index, m.start
     SKIP $skip LIMIT $limit`,
    { id: entityId, skip: int(skip), limit: int(limit) },
  );

export const countMentions = (entityId: string): Statement =>
  statement('MATCH (:Entity {id: $id})-[m:MENTIONED_IN]->(:Sentence) RETURN count(m) AS n', { id: entityId });

// --- snapshots (immutable: stored whole as JSON, never updated) ------------------------------------

/** Creates the snapshot unless its id exists; returns 1 when created, 0 when it existed. */
export const addSnapshot = (id: string, title: string | null, createdAt: string, body: string): Statement =>
  statement(
    `OPTIONAL MATCH (x:Snapshot {id: $id})
     WITH x WHERE x IS NULL
     CREATE (s:Snapshot {id: $id, title: $title, createdAt: $createdAt, body: $body})
     RETURN count(s) AS created`,
    { id, title, createdAt, body },
  );

export const snapshotById = (id: string): Statement =>
  statement('MATCH (s:Snapshot {id: $id}) RETURN s.body AS body', { id });

// --- analyst lists -----------------------------------------------------------------------------------

export interface EntityFilter {
  types: readonly EntityType[] | null;
  /** Normalised text that some alias's normalised form must contain. */
  nameContains: string | null;
  minMentions: number | null;
  mentionedIn: string | null;
  connectedTo: string | null;
}

const ENTITY_ORDER = {
  MENTIONS_DESC: 'e.mentionCount DESC, e.id',
  NAME_ASC: 'toLower(e.name), e.id',
  DEGREE_DESC: 'degree DESC, e.id',
} as const;

function entityFilter(f: EntityFilter): { where: string; params: Record<string, unknown> } {
  return {
    where: `WHERE ($types IS NULL OR e.type IN $types)
      AND ($minMentions IS NULL OR e.mentionCount >= $minMentions)
      AND ($nameContains IS NULL OR EXISTS { MATCH (e)-[:HAS_ALIAS]->(al:Alias) WHERE al.norm CONTAINS $nameContains })
      AND ($mentionedIn IS NULL OR EXISTS { MATCH (e)-[:MENTIONED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(d:Document) WHERE d.id = $mentionedIn })
      AND ($connectedTo IS NULL OR (e.id <> $connectedTo AND EXISTS { MATCH (e)-[:${relationTypeAlternation(null)}]-(c:Entity) WHERE c.id = $connectedTo }))`,
    params: {
      types: f.types && f.types.length > 0 ? [...f.types] : null,
      minMentions: f.minMentions === null ? null : int(f.minMentions),
      nameContains: f.nameContains,
      mentionedIn: f.mentionedIn,
      connectedTo: f.connectedTo,
    },
  };
}

export function countEntities(f: EntityFilter): Statement {
  const { where, params } = entityFilter(f);
  return statement(`MATCH (e:Entity)\n${where}\nRETURN count(e) AS n`, params);
}

/** A page of entities; the order is picked from a fixed table. */
export function listEntities(f: EntityFilter, orderBy: keyof typeof ENTITY_ORDER, skip: number, limit: number): Statement {
  const { where, params } = entityFilter(f);
  const degree = orderBy === 'DEGREE_DESC' ? `, size([(e)-[r:${relationTypeAlternation(null)}]-(:Entity) | r]) AS degree` : '';
  return statement(
    `MATCH (e:Entity)
     ${where}
     WITH e${degree}
     ORDER BY ${ENTITY_ORDER[orderBy]}
     SKIP $skip LIMIT $limit
     RETURN e`,
    { ...params, skip: int(skip), limit: int(limit) },
  );
}

export interface RelationFilter {
  types?: readonly string[] | null;
  minConfidence: number | null;
  documentId: string | null;
  entityId: string | null;
}

function relationFilter(f: RelationFilter): { match: string; params: Record<string, unknown> } | null {
  const types = relationTypeAlternation(f.types);
  if (!types) return null;
  return {
    match: `MATCH (a:Entity)-[r:${types}]->(b:Entity)
      WHERE ($minConfidence IS NULL OR r.confidence >= $minConfidence)
      AND ($entityId IS NULL OR a.id = $entityId OR b.id = $entityId)
      AND ($documentId IS NULL OR EXISTS { MATCH (ev:Evidence)-[:IN]->(:Sentence)<-[:HAS_SENTENCE]-(d:Document) WHERE ev.relationId = r.id AND d.id = $documentId })`,
    params: { minConfidence: f.minConfidence, entityId: f.entityId, documentId: f.documentId },
  };
}

export function countRelations(f: RelationFilter): Statement | null {
  const q = relationFilter(f);
  return q && statement(`${q.match}\nRETURN count(r) AS n`, q.params);
}

/** Strongest first, as getRelations orders. */
export function listRelations(f: RelationFilter, skip: number, limit: number): Statement | null {
  const q = relationFilter(f);
  return (
    q &&
    statement(
      `${q.match}
       WITH r, a, b
       ORDER BY CASE WHEN type(r) = $weakType THEN 1 ELSE 0 END, r.evidenceCount DESC, r.confidence DESC, r.id
       SKIP $skip LIMIT $limit
       RETURN r, a.id AS source, b.id AS target`,
      { ...q.params, weakType: 'ASSOCIATED_WITH', skip: int(skip), limit: int(limit) },
    )
  );
}

export const countEntityDocuments = (entityId: string): Statement =>
  statement(
    `MATCH (:Entity {id: $id})-[:MENTIONED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(d:Document)
     RETURN count(DISTINCT d) AS n`,
    { id: entityId },
  );

export const entityDocuments = (entityId: string, skip: number, limit: number): Statement =>
  statement(
    `MATCH (:Entity {id: $id})-[:MENTIONED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(d:Document)
     WITH DISTINCT d
     ORDER BY d.publishedAt IS NULL, d.publishedAt DESC, d.ingestedAt, d.id
     SKIP $skip LIMIT $limit
     RETURN ${DOCUMENT_PROJECTION}`,
    { id: entityId, skip: int(skip), limit: int(limit) },
  );

// --- curation ------------------------------------------------------------------------------------

/** Appends a decision to the log; the log node serialises writers so `seq` has no gaps or ties. */
export const recordCuration = (kind: string, subject: string, object: string | null, value: string | null, createdAt: string): Statement =>
  statement(
    `MERGE (l:CurationLog {id: $log})
     SET l.seq = coalesce(l.seq, 0) + 1
     CREATE (:Curation {seq: l.seq, kind: $kind, subject: $subject, object: $object, value: $value, createdAt: $createdAt})`,
    { log: 'curation', kind, subject, object, value, createdAt },
  );

export const curationLog = (): Statement =>
  statement('MATCH (c:Curation) RETURN c.kind AS kind, c.subject AS subject, c.object AS object, c.value AS value ORDER BY c.seq');

/** Adds surface forms to an entity (its alias list and one Alias node each). */
export const addAliases = (entityId: string, aliases: EntityRow['aliases']): Statement =>
  statement(
    `MATCH (e:Entity {id: $id})
     SET e.aliases = e.aliases + [a IN $aliases WHERE NOT a.alias IN e.aliases | a.alias]
     FOREACH (a IN $aliases |
       MERGE (al:Alias {uid: a.uid})
       ON CREATE SET al.alias = a.alias, al.norm = a.norm, al.entityId = $id
       MERGE (e)-[:HAS_ALIAS]->(al))`,
    { id: entityId, aliases },
  );

export const removeAlias = (entityId: string, alias: string): Statement =>
  statement(
    `MATCH (e:Entity {id: $id})
     SET e.aliases = [a IN e.aliases WHERE a <> $alias]
     WITH e
     MATCH (e)-[:HAS_ALIAS]->(al:Alias {alias: $alias})
     DETACH DELETE al`,
    { id: entityId, alias },
  );

export const renameEntity = (entityId: string, name: string): Statement =>
  statement('MATCH (e:Entity {id: $id}) SET e.name = $name', { id: entityId, name });

/** Swaps the type label (from the fixed list) and the type property. */
export function setEntityType(entityId: string, type: EntityType): Statement {
  const others = ENTITY_TYPES.filter((t) => t !== type).map(entityLabel).join(':');
  return statement(`MATCH (e:Entity {id: $id})\nREMOVE e:${others}\nSET e:${entityLabel(type)}, e.type = $type`, { id: entityId, type });
}

/** Adds to the kept entity's counts what the merged one had (shared documents counted once). */
export const foldEntityCounts = (keepId: string, mergeId: string): Statement =>
  statement(
    `MATCH (k:Entity {id: $keep})
     MATCH (m:Entity {id: $merge})
     OPTIONAL MATCH (k)-[:MENTIONED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(kd:Document)
     WITH k, m, collect(DISTINCT kd) AS keptDocs
     OPTIONAL MATCH (m)-[:MENTIONED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(md:Document)
     WITH k, m, count(DISTINCT CASE WHEN md IN keptDocs THEN md END) AS shared
     WITH k, m, k.documentCount + m.documentCount - shared AS documents
     SET k.mentionCount = k.mentionCount + m.mentionCount,
       k.documentCount = CASE WHEN documents < 0 THEN 0 ELSE documents END`,
    { keep: keepId, merge: mergeId },
  );

export const moveMentions = (fromId: string, toId: string): Statement =>
  statement(
    `MATCH (m:Entity {id: $from})-[x:MENTIONED_IN]->(s:Sentence)
     MATCH (k:Entity {id: $to})
     CREATE (k)-[y:MENTIONED_IN]->(s)
     SET y = properties(x)
     DELETE x`,
    { from: fromId, to: toId },
  );

/** The relations touching an entity, both ways, with their evidence rows. */
export function relationsTouching(entityId: string): Statement {
  return statement(
    `MATCH (e:Entity {id: $id})-[r:${relationTypeAlternation(null)}]-(:Entity)
     WITH DISTINCT r
     OPTIONAL MATCH (ev:Evidence {relationId: r.id})-[:IN]->(s:Sentence)
     RETURN r, startNode(r).id AS source, endNode(r).id AS target, collect(CASE WHEN ev IS NULL THEN null ELSE {ev: ev, s: s} END) AS evidence`,
    { id: entityId },
  );
}

/** Drops relations of one type with their Evidence nodes. */
export const dropRelations = (type: string, ids: string[]): Statement =>
  statement(
    `UNWIND $ids AS id
     MATCH ()-[r:${relationTypeName(type)} {id: id}]->()
     OPTIONAL MATCH (ev:Evidence {relationId: id})
     WITH r, collect(ev) AS evidence
     FOREACH (x IN evidence | DETACH DELETE x)
     DELETE r`,
    { ids },
  );

/** Drops relations of one type that no evidence supports; returns how many. */
export const dropUnsupportedRelations = (type: string, ids: string[]): Statement =>
  statement(
    `UNWIND $ids AS id
     MATCH ()-[r:${relationTypeName(type)} {id: id}]->()
     OPTIONAL MATCH (ev:Evidence {relationId: id})
     WITH r, count(ev) AS support
     WHERE support = 0
     DELETE r
     RETURN count(*) AS dropped`,
    { ids },
  );

/** Drops entities with their Alias nodes (their relationships go with DETACH). */
export const dropEntities = (ids: string[]): Statement =>
  statement(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (e)-[:HAS_ALIAS]->(al:Alias)
     WITH e, collect(al) AS aliases
     FOREACH (x IN aliases | DETACH DELETE x)
     DETACH DELETE e`,
    { ids },
  );

/** For deleteDocument: mention counts per entity and the relations its evidence supports. */
export const documentFootprint = (documentId: string): Statement =>
  statement(
    `MATCH (d:Document {id: $id})
     OPTIONAL MATCH (d)-[:HAS_SENTENCE]->(:Sentence)<-[m:MENTIONED_IN]-(e:Entity)
     WITH d, e.id AS entityId, count(m) AS mentions
     WITH d, collect(CASE WHEN entityId IS NULL THEN null ELSE {id: entityId, n: mentions} END) AS entities
     OPTIONAL MATCH (d)-[:HAS_SENTENCE]->(:Sentence)<-[:IN]-(ev:Evidence)
     RETURN entities, collect(DISTINCT {id: ev.relationId, type: ev.relationType}) AS relations`,
    { id: documentId },
  );

/** Deletes a document with its sentences and the evidence and mentions in them. */
export const dropDocument = (documentId: string): Statement =>
  statement(
    `MATCH (d:Document {id: $id})
     OPTIONAL MATCH (d)-[:HAS_SENTENCE]->(s:Sentence)
     OPTIONAL MATCH (s)<-[:IN]-(ev:Evidence)
     WITH d, collect(DISTINCT s) AS sentences, collect(DISTINCT ev) AS evidence
     FOREACH (x IN evidence | DETACH DELETE x)
     FOREACH (x IN sentences | DETACH DELETE x)
     DETACH DELETE d`,
    { id: documentId },
  );

/** Lowers mention and document counts of the entities a deleted document mentioned. */
export const lowerEntityCounts = (rows: Array<{ id: string; n: ReturnType<typeof int> }>): Statement =>
  statement(
    `UNWIND $rows AS row
     MATCH (e:Entity {id: row.id})
     SET e.mentionCount = CASE WHEN e.mentionCount > row.n THEN e.mentionCount - row.n ELSE 0 END,
       e.documentCount = CASE WHEN e.documentCount > 0 THEN e.documentCount - 1 ELSE 0 END
     RETURN e.id AS id, e.mentionCount AS mentionCount`,
    { rows },
  );
