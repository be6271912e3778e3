// The Neo4j backend: the GraphStore contract in native Cypher through the official driver.
// Statements come from cypher.ts, sessions from executor.ts, values cross mapping.ts; writes
// (writes.ts), search (search.ts) and the level-wise walk (traverse-levels.ts) live beside it.
import neo4j, { type Node, type Path as DriverPath, type Record as DriverRecord } from 'neo4j-driver';
import { KgError, invalidInput } from '../../model/errors.js';
import { normaliseName } from '../../model/names.js';
import type {
  Document,
  Entity,
  EntityType,
  Evidence,
  GraphExport,
  LinkedDocument,
  Page,
  Path,
  Relation,
  SearchHit,
  Sentence,
  Stats,
  Subgraph,
} from '../../model/types.js';
import {
  DEFAULT_LIMITS,
  decodeCursor,
  encodeCursor,
  type AddDocumentResult,
  type CurationRules,
  type DeleteDocumentResult,
  type EntityHead,
  type EntityQuery,
  type GraphStore,
  type RelationListQuery,
  type ImportResult,
  type LinkCandidate,
  type NearDuplicateCandidate,
  type NeighbourCounts,
  type NeighbourhoodOptions,
  type PathOptions,
  type RelationQuery,
  type SearchOptions,
  type SnapshotRecord,
  type StoredMention,
} from '../graph-store.js';
import * as Q from './cypher.js';
import { Neo4jExecutor, translateError } from './executor.js';
import {
  allAliasesOf,
  documentFromMap,
  entityFromNode,
  evidenceFromNodes,
  pathFromDriver,
  relationFromFields,
  sentenceFromNode,
  toNumber,
  toNumberOrNull,
} from './mapping.js';
import * as curation from './curation.js';
import { ensureSchema, type ServerVersion } from './schema.js';
import { searchEntities } from './search.js';
import { walkLevels, type LevelAdjacency } from './traverse-levels.js';
import { addDocument, importGraph } from './writes.js';

export interface Neo4jStoreOptions {
  uri: string;
  user?: string;
  password?: string;
  /** Database name (NEO4J_DATABASE); the server default when absent. */
  database?: string;
  /** How long to wait for a TCP connection before giving up (ms). */
  connectionTimeoutMs?: number;
  /** How long the driver keeps retrying a transaction on transient errors (ms). */
  maxTransactionRetryTimeMs?: number;
}

/** Export pages: big enough to amortise round trips, small enough to stream. */
const EXPORT_PAGE = 5000;

/** Strongest first: typed before co-occurrence, then evidence, confidence, id (both backends). */
const strength = (a: Relation, b: Relation): number =>
  Number(a.type === 'ASSOCIATED_WITH') - Number(b.type === 'ASSOCIATED_WITH') ||
  b.evidenceCount - a.evidenceCount ||
  b.confidence - a.confidence ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  private readonly executor: Neo4jExecutor;
  private closed = false;
  /** Set by init(): what the server said it is. */
  server: ServerVersion | null = null;

  constructor(options: Neo4jStoreOptions) {
    let driver;
    try {
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user ?? 'neo4j', options.password ?? ''), {
        connectionTimeout: options.connectionTimeoutMs ?? 5000,
        connectionAcquisitionTimeout: (options.connectionTimeoutMs ?? 5000) * 2,
        maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 15000,
        userAgent: 'newsgraph-kg',
      });
    } catch (cause) {
      throw new KgError('BACKEND_UNAVAILABLE', `neo4j.open: cannot use NEO4J_URI ${JSON.stringify(options.uri)}: ${(cause as Error).message}`, { cause });
    }
    this.executor = new Neo4jExecutor(driver, { database: options.database || undefined });
  }

  async init(): Promise<void> {
    this.server = await ensureSchema(this.executor);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.executor.close();
  }

  /** Removes all of this product's data from the database (tests, `kg migrate --fresh`). */
  async dropAll(): Promise<void> {
    await this.executor.write('store.dropAll', (run) => run(Q.dropAllData()));
  }

  // --- writes ------------------------------------------------------------------------------------
  addDocument(doc: LinkedDocument): Promise<AddDocumentResult> {
    return addDocument(this.executor, doc);
  }

  importGraph(data: GraphExport): Promise<ImportResult> {
    return importGraph(this.executor, data);
  }

  // --- reads used by ingest ------------------------------------------------------------------------
  async hasDocument(textHash: string): Promise<boolean> {
    return (await this.executor.readRecords('store.hasDocument', Q.documentIdByHash(textHash))).length > 0;
  }

  async findLinkCandidates(keys: string[]): Promise<LinkCandidate[]> {
    const unique = [...new Set(keys.filter((k) => k.length > 0))];
    if (unique.length === 0) return [];
    const records = await this.executor.readRecords('store.findLinkCandidates', Q.linkCandidates(unique));
    return records.map((r) => {
      const node = r.get('e') as Node;
      const e = entityFromNode(node);
      return { id: e.id, type: e.type, name: e.name, mentionCount: e.mentionCount, aliases: allAliasesOf(node) };
    });
  }

  async findNearDuplicates(bandKeys: string[]): Promise<NearDuplicateCandidate[]> {
    const keys = [...new Set(bandKeys)];
    if (keys.length === 0) return [];
    return (await this.executor.readRecords('store.findNearDuplicates', Q.nearDuplicateCandidates(keys))).map((r) => ({
      documentId: String(r.get('documentId')),
      signature: (r.get('signature') as unknown[]).map(toNumber),
    }));
  }

  // --- reads -----------------------------------------------------------------------------------------
  async getEntity(id: string): Promise<Entity | null> {
    return (await this.getEntities([id]))[0] ?? null;
  }

  async getEntityHeads(ids: string[]): Promise<EntityHead[]> {
    return (await this.getEntities(ids)).map((e) => ({ id: e.id, type: e.type, name: e.name, mentionCount: e.mentionCount, documentCount: e.documentCount }));
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    if (ids.length === 0) return [];
    const records = await this.executor.readRecords('store.getEntities', Q.entitiesByIds([...new Set(ids)]));
    const byId = new Map(records.map((r) => {
      const e = entityFromNode(r.get('e') as Node);
      return [e.id, e] as const;
    }));
    return ids.flatMap((id) => {
      const e = byId.get(id);
      return e ? [e] : [];
    });
  }

  search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return searchEntities(this.executor, (ids) => this.getEntities(ids), query, options);
  }

  async getRelation(id: string): Promise<Relation | null> {
    // A union of per-type seeks: at most one branch finds it.
    const records = await this.executor.readRecords('store.getRelation', Q.relationById(id));
    return records[0] ? relationFromFields(records[0].toObject() as { r: unknown; source: unknown; target: unknown }) : null;
  }

  async getRelations(entityId: string, query: RelationQuery = {}): Promise<Page<Relation>> {
    const first = Math.max(0, query.first ?? DEFAULT_LIMITS.relationsFirst);
    const offset = decodeCursor(query.after);
    if (offset < 0) throw invalidInput('store.getRelations', 'malformed cursor');
    const empty: Page<Relation> = { totalCount: 0, nodes: [], endCursor: null, hasNextPage: false };
    const statement = Q.relationsOf({
      entityId,
      types: query.types,
      direction: query.direction ?? 'BOTH',
      minConfidence: query.minConfidence ?? 0,
      reportedAfter: query.reportedAfter ?? null,
      reportedBefore: query.reportedBefore ?? null,
      skip: offset,
      limit: first,
    });
    if (!statement) return empty;
    const record = (await this.executor.readRecords('store.getRelations', statement))[0];
    if (!record) return empty;
    const total = toNumber(record.get('total'));
    const nodes = (record.get('page') as Array<{ r: unknown; source: unknown; target: unknown }>).map(relationFromFields);
    return {
      totalCount: total,
      nodes,
      endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null,
      hasNextPage: offset + nodes.length < total,
    };
  }

  async getEvidence(relationId: string, first: number = DEFAULT_LIMITS.evidenceFirst): Promise<Evidence[]> {
    const records = await this.executor.readRecords('store.getEvidence', Q.evidenceOf(relationId, Math.max(0, first)));
    return records.map((r) => evidenceFromNodes(r.get('ev') as Node, r.get('s') as Node));
  }

  /** One BFS level: the relations of every frontier id, strongest first, and far-end types. */
  private levelAdjacency(options: NeighbourhoodOptions): LevelAdjacency {
    return async (ids) => {
      const byId = new Map<string, Relation[]>();
      const typeOf = new Map<string, string>();
      const statement = Q.adjacency(ids, options.relationTypes, options.entityTypes);
      if (!statement) return { byId, typeOf };
      const seen = new Set<string>();
      for (const rec of await this.executor.readRecords('store.neighbourhood', statement)) {
        const id = String(rec.get('id'));
        const rel = relationFromFields({ r: rec.get('r'), source: rec.get('source'), target: rec.get('target') });
        typeOf.set(String(rec.get('otherId')), String(rec.get('otherType')));
        if (seen.has(`${id}\u0000${rel.id}`)) continue; // a self-loop matches both ways
        seen.add(`${id}\u0000${rel.id}`);
        const list = byId.get(id) ?? [];
        list.push(rel);
        byId.set(id, list);
      }
      for (const list of byId.values()) list.sort(strength);
      return { byId, typeOf };
    };
  }

  async neighbourhood(entityId: string, options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    if (!(await this.getEntity(entityId))) return { nodes: [], relations: [], truncated: false };
    return this.subgraph([entityId], { ...options, depth: options.depth ?? 1 });
  }

  async subgraph(ids: string[], options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    const depth = Math.max(0, Math.min(options.depth ?? 0, DEFAULT_LIMITS.maxDepth));
    const limit = Math.max(1, options.limit ?? DEFAULT_LIMITS.neighbourhoodLimit);
    const present = (await this.getEntities([...new Set(ids)])).map((e) => e.id);
    const walk = await walkLevels(present, this.levelAdjacency(options), {
      depth,
      limit,
      limitPerType: options.limitPerType === undefined ? undefined : Math.max(0, options.limitPerType),
    });
    return { nodes: await this.getEntities(walk.nodeIds), relations: walk.relations, truncated: walk.truncated };
  }

  async paths(from: string, to: string, options: PathOptions = {}): Promise<Path[]> {
    const maxHops = Math.max(1, Math.min(options.maxHops ?? 4, DEFAULT_LIMITS.maxHops));
    const first = Math.max(0, options.first ?? DEFAULT_LIMITS.pathsFirst);
    // shortestPath refuses a path from a node to itself; the embedded store answers none too.
    if (first === 0 || from === to) return [];
    const statement = Q.shortestPaths(from, to, maxHops, first, options.relationTypes);
    if (!statement) return [];
    const records = await this.executor.readRecords('store.paths', statement);
    return records.map((r) => pathFromDriver(r.get('p') as DriverPath));
  }

  async getDocument(id: string): Promise<Document | null> {
    return (await this.getDocuments([id]))[0] ?? null;
  }

  async getDocuments(ids: string[]): Promise<Document[]> {
    if (ids.length === 0) return [];
    const records = await this.executor.readRecords('store.getDocuments', Q.documentsByIds([...new Set(ids)]));
    const byId = new Map(records.map((r) => {
      const d = documentFromMap(r.get('document') as Record<string, unknown>);
      return [d.id, d] as const;
    }));
    return ids.flatMap((id) => {
      const d = byId.get(id);
      return d ? [d] : [];
    });
  }

  async listDocuments(first: number = DEFAULT_LIMITS.documentsFirst, after: string | null = null): Promise<Page<Document>> {
    const offset = decodeCursor(after);
    if (offset < 0) throw invalidInput('store.listDocuments', 'malformed cursor');
    return this.executor.read('store.listDocuments', async (run) => {
      const total = toNumber((await run(Q.countDocuments()))[0]!.get('n'));
      const nodes = (await run(Q.listDocuments(offset, Math.max(0, first)))).map((r) => documentFromMap(r.get('document') as Record<string, unknown>));
      return {
        totalCount: total,
        nodes,
        endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null,
        hasNextPage: offset + nodes.length < total,
      };
    });
  }

  async getSentences(documentId: string): Promise<Sentence[]> {
    return (await this.executor.readRecords('store.getSentences', Q.sentencesOf(documentId))).map((r) => sentenceFromNode(r.get('s') as Node));
  }

  async stats(): Promise<Stats> {
    return this.executor.read('store.stats', async (run) => {
      const c = new Map((await run(Q.statsCounts())).map((r) => [String(r.get('k')), toNumber(r.get('n'))]));
      const group = async (statement: Q.Statement) => {
        const out: Record<string, number> = {};
        for (const r of await run(statement)) {
          const n = toNumber(r.get('n'));
          if (n > 0) out[String(r.get('k'))] = n;
        }
        return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
      };
      const relationsByType = await group(Q.relationsByType());
      return {
        documents: c.get('documents') ?? 0,
        sentences: c.get('sentences') ?? 0,
        entities: c.get('entities') ?? 0,
        relations: Object.values(relationsByType).reduce((a, b) => a + b, 0),
        mentions: c.get('mentions') ?? 0,
        evidence: c.get('evidence') ?? 0,
        entitiesByType: await group(Q.entitiesByType()),
        relationsByType,
      };
    });
  }

  async exportGraph(): Promise<GraphExport> {
    // One read transaction, paged by id, so the export is one consistent view.
    return this.executor.read('store.exportGraph', async (run) => {
      const pages = async <T>(build: (after: string) => Q.Statement, map: (r: DriverRecord) => T & { id: string }) => {
        const out: T[] = [];
        let after = '';
        for (;;) {
          const page = (await run(build(after))).map(map);
          out.push(...page);
          if (page.length < EXPORT_PAGE) return out;
          after = page[page.length - 1]!.id;
        }
      };
      const entities = await pages(
        (after) => Q.exportEntities(after, EXPORT_PAGE),
        (r) => {
          const e = entityFromNode(r.get('e') as Node);
          return { id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentionCount: e.mentionCount, documentCount: e.documentCount };
        },
      );
      const relations = await pages(
        (after) => Q.exportRelations(after, EXPORT_PAGE),
        (r) => {
          const rel = relationFromFields({ r: r.get('r'), source: r.get('source'), target: r.get('target') });
          const evidence = (r.get('evidence') as Array<{ ev: Node; s: Node }>).map(({ ev, s }) => {
            const p = ev.properties as Record<string, unknown>;
            const sentence = sentenceFromNode(s);
            return {
              sentence: sentence.text,
              document: String(p.documentId),
              index: sentence.index,
              start: sentence.start,
              end: sentence.end,
              confidence: toNumberOrNull(p.confidence) ?? 0,
              sourceStart: toNumberOrNull(p.sourceStart),
              sourceEnd: toNumberOrNull(p.sourceEnd),
              targetStart: toNumberOrNull(p.targetStart),
              targetEnd: toNumberOrNull(p.targetEnd),
            };
          });
          return { id: rel.id, source: rel.source, target: rel.target, type: rel.type, confidence: rel.confidence, status: rel.status, evidence };
        },
      );
      const documents = await pages(
        (after) => Q.exportDocuments(after, EXPORT_PAGE),
        (r) => {
          const d = documentFromMap(r.get('document') as Record<string, unknown>);
          const duplicateOf = (r.get('document') as { duplicateOf?: unknown }).duplicateOf;
          return {
            id: d.id,
            title: d.title,
            byline: d.byline,
            url: d.url,
            publishedAt: d.publishedAt,
            ingestedAt: d.ingestedAt,
            textHash: d.textHash,
            wordCount: d.wordCount,
            ...(typeof duplicateOf === 'string' ? { duplicateOf } : {}),
          };
        },
      );
      return { format: 'kg-graph' as const, version: 1 as const, entities, relations, documents };
    });
  }

  // --- analyst reads -----------------------------------------------------------------------------------
  async neighbourCounts(entityId: string): Promise<NeighbourCounts> {
    const rows = (await this.executor.readRecords('store.neighbourCounts', Q.neighbourPairs(entityId))).map((r) => ({
      id: String(r.get('id')),
      entityType: String(r.get('entityType')),
      relationType: String(r.get('relationType')),
    }));
    const distinct = (pairs: Array<[string, string]>): Record<string, number> => {
      const sets = new Map<string, Set<string>>();
      for (const [k, id] of pairs) sets.set(k, (sets.get(k) ?? new Set()).add(id));
      return Object.fromEntries([...sets].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, s]) => [k, s.size]));
    };
    return {
      total: new Set(rows.map((r) => r.id)).size,
      byEntityType: distinct(rows.map((r) => [r.entityType, r.id])),
      byRelationType: distinct(rows.map((r) => [r.relationType, r.id])),
    };
  }

  async getMentions(entityId: string, first: number = DEFAULT_LIMITS.relationsFirst, after: string | null = null): Promise<Page<StoredMention>> {
    const offset = decodeCursor(after);
    if (offset < 0) throw invalidInput('store.getMentions', 'malformed cursor');
    return this.executor.read('store.getMentions', async (run) => {
      const total = toNumber((await run(Q.countMentions(entityId)))[0]!.get('n'));
      const nodes = (await run(Q.mentionsOf(entityId, offset, Math.max(0, first)))).map((r) => ({
        entityId,
        documentId: String(r.get('documentId')),
        sentenceIndex: toNumber(r.get('sentenceIndex')),
        start: toNumber(r.get('start')),
        end: toNumber(r.get('end')),
        text: String(r.get('text')),
      }));
      return { totalCount: total, nodes, endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null, hasNextPage: offset + nodes.length < total };
    });
  }

  async listEntities(query: EntityQuery = {}): Promise<Page<Entity>> {
    const offset = decodeCursor(query.after);
    if (offset < 0) throw invalidInput('store.listEntities', 'malformed cursor');
    const first = Math.max(0, query.first ?? DEFAULT_LIMITS.relationsFirst);
    const norm = query.nameContains === undefined ? null : normaliseName(query.nameContains);
    // Text with no letter or digit matches nothing (rather than everything).
    if (norm === '') return { totalCount: 0, nodes: [], endCursor: null, hasNextPage: false };
    const filter: Q.EntityFilter = {
      types: query.types ?? null,
      nameContains: norm,
      minMentions: query.minMentions ?? null,
      mentionedIn: query.mentionedIn ?? null,
      connectedTo: query.connectedTo ?? null,
    };
    const orderBy = query.orderBy ?? 'MENTIONS_DESC';
    if (!['MENTIONS_DESC', 'NAME_ASC', 'DEGREE_DESC'].includes(orderBy)) throw invalidInput('store.listEntities', `unknown order ${String(orderBy)}`);
    return this.executor.read('store.listEntities', async (run) => {
      const total = toNumber((await run(Q.countEntities(filter)))[0]!.get('n'));
      const nodes = (await run(Q.listEntities(filter, orderBy, offset, first))).map((r) => entityFromNode(r.get('e') as Node));
      return { totalCount: total, nodes, endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null, hasNextPage: offset + nodes.length < total };
    });
  }

  async listRelations(query: RelationListQuery = {}): Promise<Page<Relation>> {
    const offset = decodeCursor(query.after);
    if (offset < 0) throw invalidInput('store.listRelations', 'malformed cursor');
    const first = Math.max(0, query.first ?? DEFAULT_LIMITS.relationsFirst);
    const filter: Q.RelationFilter = {
      types: query.types,
      minConfidence: query.minConfidence ?? null,
      documentId: query.documentId ?? null,
      entityId: query.entityId ?? null,
    };
    const count = Q.countRelations(filter);
    const list = Q.listRelations(filter, offset, first);
    if (!count || !list) return { totalCount: 0, nodes: [], endCursor: null, hasNextPage: false };
    return this.executor.read('store.listRelations', async (run) => {
      const total = toNumber((await run(count))[0]!.get('n'));
      const nodes = (await run(list)).map((r) => relationFromFields({ r: r.get('r'), source: r.get('source'), target: r.get('target') }));
      return { totalCount: total, nodes, endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null, hasNextPage: offset + nodes.length < total };
    });
  }

  async getEntityDocuments(entityId: string, first: number = DEFAULT_LIMITS.documentsFirst, after: string | null = null): Promise<Page<Document>> {
    const offset = decodeCursor(after);
    if (offset < 0) throw invalidInput('store.getEntityDocuments', 'malformed cursor');
    return this.executor.read('store.getEntityDocuments', async (run) => {
      const total = toNumber((await run(Q.countEntityDocuments(entityId)))[0]!.get('n'));
      const nodes = (await run(Q.entityDocuments(entityId, offset, Math.max(0, first)))).map((r) => documentFromMap(r.get('document') as Record<string, unknown>));
      return { totalCount: total, nodes, endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null, hasNextPage: offset + nodes.length < total };
    });
  }

  // --- curation (curation.ts) ----------------------------------------------------------------------------
  mergeEntities(keepId: string, mergeId: string): Promise<Entity> {
    return curation.mergeEntities(this.executor, keepId, mergeId);
  }

  renameEntity(id: string, name: string): Promise<Entity> {
    return curation.renameEntity(this.executor, id, name);
  }

  addAlias(id: string, alias: string): Promise<Entity> {
    return curation.addAlias(this.executor, id, alias);
  }

  removeAlias(id: string, alias: string): Promise<Entity> {
    return curation.removeAlias(this.executor, id, alias);
  }

  setEntityType(id: string, type: EntityType): Promise<Entity> {
    return curation.setEntityType(this.executor, id, type);
  }

  rejectRelation(id: string): Promise<Relation> {
    return curation.rejectRelation(this.executor, id);
  }

  deleteDocument(id: string): Promise<DeleteDocumentResult> {
    return curation.deleteDocument(this.executor, id);
  }

  getCurationRules(): Promise<CurationRules> {
    return curation.getCurationRules(this.executor);
  }

  // --- snapshots ------------------------------------------------------------------------------------------
  async addSnapshot(snapshot: SnapshotRecord): Promise<void> {
    const conflict = () => new KgError('CONFLICT', `store.addSnapshot: snapshot ${snapshot.id} already exists`);
    let created: number;
    try {
      created = await this.executor.write('store.addSnapshot', async (run) =>
        toNumber((await run(Q.addSnapshot(snapshot.id, snapshot.title, snapshot.createdAt, JSON.stringify(snapshot))))[0]!.get('created')),
      );
    } catch (e) {
      if ((e as KgError).code === 'CONFLICT') throw conflict();
      throw translateError('store.addSnapshot', e);
    }
    if (created === 0) throw conflict();
  }

  async getSnapshot(id: string): Promise<SnapshotRecord | null> {
    const record = (await this.executor.readRecords('store.getSnapshot', Q.snapshotById(id)))[0];
    return record ? (JSON.parse(String(record.get('body'))) as SnapshotRecord) : null;
  }
}

