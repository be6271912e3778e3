// The embedded backend: better-sqlite3 (synchronous, in-process), WAL, FTS5 for prefix search,
// a deletion-key table for one-typo search. Writes (writes.ts), search (search.ts) and the JSON
// exchange (exchange.ts) live beside it; this class composes them with the reads.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { KgError, invalidInput } from '../../model/errors.js';
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
  type GraphStore,
  type ImportResult,
  type LinkCandidate,
  type NearDuplicateCandidate,
  type CurationRules,
  type DeleteDocumentResult,
  type EntityQuery,
  type NeighbourCounts,
  type RelationListQuery,
  type NeighbourhoodOptions,
  type SnapshotRecord,
  type StoredMention,
  type PathOptions,
  type RelationQuery,
  type SearchOptions,
} from '../graph-store.js';
import { capPerType } from '../type-caps.js';
import { bfsNeighbourhood, shortestPaths, type Edge, type WalkAccess } from '../traverse.js';
import { withBusyRetry } from './busy.js';
import { SqliteConnection } from './connection.js';
import { exportGraph, importGraph } from './exchange.js';
import { DOCUMENT_COLUMNS, entityFromRow, relative, toDocument, toRelation, type DocumentRow, type EntityRow, type EvidenceRow, type RelationRow } from './rows.js';
import { findNearDuplicates, NEAR_DUPLICATE_DDL } from './near-duplicates.js';
import { applySchema } from './migrate.js';
import { PRAGMAS } from './schema.js';
import {
  addEntityAlias,
  CURATION_DDL,
  curationRules,
  deleteDocument,
  mergeEntities,
  rejectRelation,
  removeEntityAlias,
  renameEntity,
  setEntityType,
} from './curation.js';
import { getEntityDocuments, getMentions, listEntities, neighbourCounts } from './queries-entities.js';
import { listRelations } from './queries-relations.js';
import { searchEntities } from './search.js';
import { addSnapshot, getSnapshot, SNAPSHOT_DDL } from './snapshots.js';
import { addDocument } from './writes.js';

/** A relation as read from a covering index: id, other end, strength, then the row's columns. */
type EdgeRow = [id: string, other: string, strength: number, source: string, target: string, type: string, confidence: number, evidenceCount: number, status: string | null, firstReported: string | null, lastReported: string | null];
const EDGE_COLUMNS = 'r.strength, r.source, r.target, r.type, r.confidence, r.evidence_count, r.status, r.first_reported, r.last_reported';

const edgeRelation = (e: EdgeRow): Relation => ({
  id: e[0],
  source: e[3],
  target: e[4],
  type: e[5],
  confidence: e[6],
  evidenceCount: e[7],
  status: e[8],
  firstReported: e[9],
  lastReported: e[10],
});

/** Merges two lists sorted by (strength DESC, id) into the first `max` edges, remembering their rows. */
function mergeStrongest(a: EdgeRow[], b: EdgeRow[], max: number, rows: Map<string, EdgeRow>): Edge[] {
  const out: Edge[] = [];
  let i = 0;
  let j = 0;
  while (out.length < max && (i < a.length || j < b.length)) {
    const x = a[i];
    const y = b[j];
    const takeA = y === undefined || (x !== undefined && (x[2] > y[2] || (x[2] === y[2] && x[0] <= y[0])));
    const row = takeA ? a[i++]! : b[j++]!;
    rows.set(row[0], row);
    out.push({ id: row[0], other: row[1] });
  }
  return out;
}

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  path: string;
  readonly?: boolean;
}

export class SqliteStore implements GraphStore {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly conn: SqliteConnection;
  private closed = false;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    try {
      this.db = new Database(options.path, { readonly: options.readonly ?? false });
    } catch (cause) {
      throw new KgError('BACKEND_UNAVAILABLE', `sqlite.open: cannot open ${options.path}: ${(cause as Error).message}`, { cause });
    }
    this.conn = new SqliteConnection(this.db);
  }

  async init(): Promise<void> {
    for (const p of PRAGMAS) this.db.pragma(p.replace(/^PRAGMA /, ''));
    applySchema(this.conn);
    this.db.exec(NEAR_DUPLICATE_DDL);
    this.db.exec(SNAPSHOT_DDL);
    this.db.exec(CURATION_DDL);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Fold the WAL back into the main file so a stopped store is one self-contained file, but
    // without waiting: a TRUNCATE checkpoint holds the write lock while it waits for readers, and
    // with the 10 s busy timeout that froze a server sharing the file (its writes wait
    // synchronously). SQLite checkpoints anyway when the last connection closes.
    try {
      this.db.pragma('busy_timeout = 0');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // read-only or busy: the WAL stays and is replayed on next open, which is safe
    }
    this.db.close();
  }

  private stmt(sql: string): Database.Statement {
    return this.conn.stmt(sql);
  }

  // --- writes ---------------------------------------------------------------------------------
  async addDocument(doc: LinkedDocument): Promise<AddDocumentResult> {
    return withBusyRetry('sqlite.addDocument', () => addDocument(this.conn, doc));
  }

  async groupWrites<T>(fn: () => Promise<T>): Promise<T> {
    if (this.conn.group) return fn(); // already inside a group: join it
    await withBusyRetry('sqlite.groupWrites', async () => {
      this.db.exec('BEGIN IMMEDIATE');
    });
    const group: { failed: unknown } = { failed: undefined };
    this.conn.group = group;
    try {
      const result = await fn();
      // A write failed and the caller went on: none of the group may be kept.
      if (group.failed !== undefined) throw group.failed;
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    } finally {
      this.conn.group = null;
    }
  }

  async importGraph(data: GraphExport): Promise<ImportResult> {
    return withBusyRetry('sqlite.importGraph', () => importGraph(this.conn, data));
  }

  async exportGraph(): Promise<GraphExport> {
    return exportGraph(this.conn);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return searchEntities(this.conn, (ids) => this.getEntities(ids), query, options);
  }

  // --- reads used by ingest ---------------------------------------------------------------------
  async hasDocument(textHash: string): Promise<boolean> {
    return this.stmt('SELECT 1 FROM documents WHERE text_hash = ?').get(textHash) !== undefined;
  }

  async findLinkCandidates(keys: string[]): Promise<LinkCandidate[]> {
    const unique = [...new Set(keys.filter((k) => k.length > 0))];
    if (unique.length === 0) return [];
    const ids = new Set<string>();
    const byNorm = this.stmt('SELECT entity_id FROM aliases WHERE norm = ?');
    for (const k of unique) for (const row of byNorm.all(k) as { entity_id: string }[]) ids.add(row.entity_id);
    if (ids.size === 0) return [];
    // Entities and all their aliases (the name included) in one statement, in the order found.
    const rows = this.stmt(
      `SELECT e.id, e.type, e.name, e.mention_count,
         (SELECT json_group_array(alias) FROM (SELECT alias FROM aliases WHERE entity_id = e.id ORDER BY alias)) AS alias_list
       FROM json_each(?) j CROSS JOIN entities e ON e.id = j.value ORDER BY j.key`,
    ).all(JSON.stringify([...ids])) as { id: string; type: EntityType; name: string; mention_count: number; alias_list: string }[];
    return rows.map((r) => ({ id: r.id, type: r.type, name: r.name, mentionCount: r.mention_count, aliases: JSON.parse(r.alias_list) as string[] }));
  }

  async findNearDuplicates(bandKeys: string[]): Promise<NearDuplicateCandidate[]> {
    return findNearDuplicates(this.conn, bandKeys);
  }

  // --- reads -------------------------------------------------------------------------------------
  async getEntity(id: string): Promise<Entity | null> {
    const row = this.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    return row ? entityFromRow(this.conn, row) : null;
  }

  /** Entities by id with their aliases in one statement, in the order given (unknown ids skipped). */
  async getEntities(ids: string[]): Promise<Entity[]> {
    if (ids.length === 0) return [];
    if (ids.length === 1) {
      const e = await this.getEntity(ids[0]!);
      return e ? [e] : [];
    }
    const rows = this.stmt(
      `SELECT e.*, (SELECT json_group_array(alias) FROM (SELECT alias FROM aliases WHERE entity_id = e.id ORDER BY alias)) AS alias_list
       FROM json_each(?) j CROSS JOIN entities e ON e.id = j.value ORDER BY j.key`,
    ).all(JSON.stringify(ids)) as (EntityRow & { alias_list: string })[];
    return rows.map((row) => ({
      id: row.id,
      type: row.type as Entity['type'],
      name: row.name,
      aliases: (JSON.parse(row.alias_list) as string[]).filter((a) => a !== row.name),
      mentionCount: row.mention_count,
      documentCount: row.document_count,
    }));
  }

  async getRelation(id: string): Promise<Relation | null> {
    const row = this.stmt('SELECT * FROM relations WHERE id = ?').get(id) as RelationRow | undefined;
    return row ? toRelation(row) : null;
  }

  /** One direction's filter: `source = ?` (OUT) or `target = ?` without self-loops (IN). */
  private relationFilter(direction: 'OUT' | 'IN', query: RelationQuery): { where: string; params: unknown[] } {
    const types = query.types && query.types.length > 0 ? query.types : null;
    const parts = [direction === 'OUT' ? 'source = ?' : 'target = ? AND source <> target'];
    const params: unknown[] = [];
    if (types) {
      parts.push(`type IN (${types.map(() => '?').join(',')})`);
      params.push(...types);
    }
    if ((query.minConfidence ?? 0) > 0) {
      parts.push('confidence >= ?');
      params.push(query.minConfidence);
    }
    // Reporting window: relations with no publication date cannot be placed in it.
    if (query.reportedAfter) {
      parts.push('last_reported >= ?');
      params.push(query.reportedAfter);
    }
    if (query.reportedBefore) {
      parts.push('first_reported <= ?');
      params.push(query.reportedBefore);
    }
    return { where: parts.join(' AND '), params };
  }

  /**
   * Relations of an entity strongest first (typed before co-occurrence, then support, then
   * confidence), rows offset..offset+first: each direction is an index range already in that
   * order, so a hub costs no more than a leaf.
   */
  private relationsOf(entityId: string, query: RelationQuery, offset: number, first: number): RelationRow[] {
    const direction = query.direction ?? 'BOTH';
    const arms: string[] = [];
    const params: unknown[] = [];
    for (const d of ['OUT', 'IN'] as const) {
      if (direction !== 'BOTH' && direction !== d) continue;
      const f = this.relationFilter(d, query);
      arms.push(`SELECT * FROM (SELECT * FROM relations WHERE ${f.where} ORDER BY strength DESC, id LIMIT ?)`);
      params.push(entityId, ...f.params, offset + first);
    }
    const sql = `${arms.join(' UNION ALL ')} ORDER BY strength DESC, id LIMIT ? OFFSET ?`;
    return this.stmt(sql).all(...params, first, offset) as RelationRow[];
  }

  /** How many relations `relationsOf` could list: stored degrees, or a count when filtered. */
  private countRelations(entityId: string, query: RelationQuery): number {
    const direction = query.direction ?? 'BOTH';
    const filtered = (query.types && query.types.length > 0) || (query.minConfidence ?? 0) > 0 || Boolean(query.reportedAfter) || Boolean(query.reportedBefore);
    if (!filtered) {
      const d = this.stmt('SELECT out_degree AS o, in_degree AS i FROM entities WHERE id = ?').get(entityId) as { o: number; i: number } | undefined;
      if (!d) return 0;
      return (direction !== 'IN' ? d.o : 0) + (direction !== 'OUT' ? d.i : 0);
    }
    let total = 0;
    for (const dir of ['OUT', 'IN'] as const) {
      if (direction !== 'BOTH' && direction !== dir) continue;
      const f = this.relationFilter(dir, query);
      total += (this.stmt(`SELECT count(*) AS n FROM relations WHERE ${f.where}`).get(entityId, ...f.params) as { n: number }).n;
    }
    return total;
  }

  async getRelations(entityId: string, query: RelationQuery = {}): Promise<Page<Relation>> {
    const first = Math.max(0, query.first ?? DEFAULT_LIMITS.relationsFirst);
    const offset = decodeCursor(query.after);
    if (offset < 0) throw invalidInput('store.getRelations', 'malformed cursor');
    const total = this.countRelations(entityId, query);
    const nodes = first === 0 || offset >= total ? [] : this.relationsOf(entityId, query, offset, first).map(toRelation);
    return {
      totalCount: total,
      nodes,
      endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null,
      hasNextPage: offset + nodes.length < total,
    };
  }

  /** Relations by id in one statement (the loop runs inside SQLite); unknown ids skipped. */
  private relationsById(ids: string[]): Relation[] {
    if (ids.length === 0) return [];
    return (this.stmt('SELECT r.* FROM json_each(?) j CROSS JOIN relations r ON r.id = j.value').all(JSON.stringify(ids)) as RelationRow[]).map(toRelation);
  }

  async getEvidence(relationId: string, first: number = DEFAULT_LIMITS.evidenceFirst): Promise<Evidence[]> {
    const rows = this.stmt(
      `SELECT e.*, s.text, s.start, s.end FROM evidence e
       JOIN sentences s ON s.document_id = e.document_id AND s.idx = e.sentence_idx
       JOIN documents d ON d.id = e.document_id
       WHERE e.relation_id = ? ORDER BY e.confidence DESC, d.published_at DESC, e.document_id, e.sentence_idx LIMIT ?`,
    ).all(relationId, Math.max(0, first)) as EvidenceRow[];
    return rows.map((r) => ({
      relationId: r.relation_id,
      documentId: r.document_id,
      sentenceIndex: r.sentence_idx,
      sentence: r.text,
      start: r.start,
      end: r.end,
      sourceStart: relative(r.source_start, r.start),
      sourceEnd: relative(r.source_end, r.start),
      targetStart: relative(r.target_start, r.start),
      targetEnd: relative(r.target_end, r.start),
      confidence: r.confidence,
    }));
  }

  /**
   * Index-only access for traversals: (relation id, other end) pairs strongest first from the
   * covering indexes, stored degrees, and pair probes; entity-type filters join the other end.
   */
  private walkAccess(options: NeighbourhoodOptions, rows = new Map<string, EdgeRow>()): WalkAccess {
    const types = options.relationTypes && options.relationTypes.length > 0 ? options.relationTypes : [];
    const entityTypes = options.entityTypes && options.entityTypes.length > 0 ? options.entityTypes : [];
    const typeSql = types.length > 0 ? ` AND r.type IN (${types.map(() => '?').join(',')})` : '';
    const otherSql = (col: string) =>
      entityTypes.length > 0 ? ` AND (SELECT type FROM entities WHERE id = r.${col}) IN (${entityTypes.map(() => '?').join(',')})` : '';
    const arm = (dir: 'OUT' | 'IN', limited: boolean) => {
      const [self, other] = dir === 'OUT' ? ['source', 'target'] : ['target', 'source'];
      return this.stmt(
        `SELECT r.id, r.${other}${limited ? `, ${EDGE_COLUMNS}` : ''} FROM relations r WHERE r.${self} = ?${dir === 'IN' ? ' AND r.source <> r.target' : ''}${typeSql}${otherSql(other)}` +
          (limited ? ' ORDER BY r.strength DESC, r.id LIMIT ?' : ''),
      ).raw(true);
    };
    // Each direction is one range of a covering index already in strength order (and holding the
    // whole row, so kept relations need no second read); merged here.
    const [outCapped, inCapped, outWhole, inWhole] = [arm('OUT', true), arm('IN', true), arm('OUT', false), arm('IN', false)];
    // CROSS JOIN keeps json_each outside, so each candidate is one probe of relations_pair; the
    // rows come along (as from the adjacency) so kept links need no second read.
    const links = this.stmt(
      `SELECT r.id, r.target, ${EDGE_COLUMNS} FROM json_each(?) j CROSS JOIN relations r INDEXED BY relations_pair WHERE r.source = ? AND r.target = j.value${typeSql}
       UNION ALL SELECT r.id, r.source, ${EDGE_COLUMNS} FROM json_each(?) j CROSS JOIN relations r INDEXED BY relations_pair WHERE r.source = j.value AND r.target = ? AND r.source <> r.target${typeSql}`,
    ).raw(true);
    const degree = this.stmt('SELECT out_degree + in_degree AS d FROM entities WHERE id = ?');
    let lastAmong: string[] | null = null;
    let lastJson = '[]';
    return {
      adjacency: (id, max) => {
        const params = [id, ...types, ...entityTypes];
        if (max >= 1_000_000_000) {
          const rows = (outWhole.all(...params) as [string, string][]).concat(inWhole.all(...params) as [string, string][]);
          return rows.map(([rid, other]) => ({ id: rid, other }));
        }
        return mergeStrongest(outCapped.all(...params, max) as EdgeRow[], inCapped.all(...params, max) as EdgeRow[], max, rows);
      },
      degree: (id) => (degree.get(id) as { d: number } | undefined)?.d ?? 0,
      links: (id, among) => {
        if (among !== lastAmong) {
          lastAmong = among;
          lastJson = JSON.stringify(among);
        }
        const json = lastJson;
        return (links.all(json, id, ...types, json, id, ...types) as EdgeRow[]).map((row) => {
          rows.set(row[0], row);
          return { id: row[0], other: row[1] };
        });
      },
    };
  }

  async neighbourhood(entityId: string, options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    if (!this.stmt('SELECT 1 FROM entities WHERE id = ?').get(entityId)) return { nodes: [], relations: [], truncated: false };
    return this.subgraph([entityId], { ...options, depth: options.depth ?? 1 });
  }

  async subgraph(ids: string[], options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    const depth = Math.max(0, Math.min(options.depth ?? 0, DEFAULT_LIMITS.maxDepth));
    const limit = Math.max(1, options.limit ?? DEFAULT_LIMITS.neighbourhoodLimit);
    const exists = this.stmt('SELECT 1 FROM entities WHERE id = ?');
    const present = [...new Set(ids)].filter((id) => exists.get(id) !== undefined);
    const rows = new Map<string, EdgeRow>();
    let access = this.walkAccess(options, rows);
    let capped = () => false;
    if (options.limitPerType !== undefined) {
      const typeOf = this.stmt('SELECT type FROM entities WHERE id = ?');
      let adjacency = access.adjacency;
      ({ adjacency, capped } = capPerType(adjacency, present, (id) => (typeOf.get(id) as { type: string } | undefined)?.type, Math.max(0, options.limitPerType)));
      access = { ...access, adjacency };
    }
    const walk = bfsNeighbourhood(present, access, depth, limit);
    const relations: Relation[] = [];
    const missing: string[] = [];
    for (const id of walk.relationIds) {
      const row = rows.get(id);
      if (row) relations.push(edgeRelation(row));
      else missing.push(id);
    }
    return { nodes: await this.getEntities(walk.nodeIds), relations: relations.concat(this.relationsById(missing)), truncated: walk.truncated || capped() };
  }

  async paths(from: string, to: string, options: PathOptions = {}): Promise<Path[]> {
    const maxHops = Math.max(1, Math.min(options.maxHops ?? 4, DEFAULT_LIMITS.maxHops));
    const first = Math.max(0, options.first ?? DEFAULT_LIMITS.pathsFirst);
    const exists = this.stmt('SELECT 1 FROM entities WHERE id = ?');
    if (first === 0 || !exists.get(from) || !exists.get(to)) return [];
    const found = shortestPaths(from, to, this.walkAccess({ relationTypes: options.relationTypes }), maxHops, first);
    const result: Path[] = [];
    for (const p of found) {
      const byId = new Map(this.relationsById(p.relations).map((r) => [r.id, r]));
      result.push({ nodes: await this.getEntities(p.nodes), relations: p.relations.flatMap((id) => byId.get(id) ?? []) });
    }
    return result;
  }

  async getDocument(id: string): Promise<Document | null> {
    const row = this.stmt(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    return row ? toDocument(row) : null;
  }

  async getDocuments(ids: string[]): Promise<Document[]> {
    const out: Document[] = [];
    for (const id of ids) {
      const d = await this.getDocument(id);
      if (d) out.push(d);
    }
    return out;
  }

  async listDocuments(first: number = DEFAULT_LIMITS.documentsFirst, after: string | null = null): Promise<Page<Document>> {
    const offset = decodeCursor(after);
    if (offset < 0) throw invalidInput('store.listDocuments', 'malformed cursor');
    const total = (this.stmt('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    const rows = this.stmt(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.published_at DESC NULLS LAST, d.ingested_at, d.id LIMIT ? OFFSET ?`,
    ).all(Math.max(0, first), offset) as DocumentRow[];
    return {
      totalCount: total,
      nodes: rows.map(toDocument),
      endCursor: rows.length > 0 ? encodeCursor(offset + rows.length) : null,
      hasNextPage: offset + rows.length < total,
    };
  }

  async getSentences(documentId: string): Promise<Sentence[]> {
    return (this.stmt('SELECT idx, start, end, text FROM sentences WHERE document_id = ? ORDER BY idx').all(documentId) as {
      idx: number;
      start: number;
      end: number;
      text: string;
    }[]).map((s) => ({ index: s.idx, start: s.start, end: s.end, text: s.text }));
  }

  async stats(): Promise<Stats> {
    const count = (table: string) => (this.stmt(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const group = (sql: string) =>
      Object.fromEntries((this.stmt(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    return {
      documents: count('documents'),
      sentences: count('sentences'),
      entities: count('entities'),
      relations: count('relations'),
      mentions: count('mentions'),
      evidence: count('evidence'),
      entitiesByType: group('SELECT type AS k, count(*) AS n FROM entities GROUP BY type ORDER BY type'),
      relationsByType: group('SELECT type AS k, count(*) AS n FROM relations GROUP BY type ORDER BY type'),
    };
  }

  // --- analyst reads, snapshots (queries-entities.ts, snapshots.ts) ---------------------------------
  async neighbourCounts(entityId: string): Promise<NeighbourCounts> {
    return neighbourCounts(this.conn, entityId);
  }

  async getMentions(entityId: string, first: number = DEFAULT_LIMITS.relationsFirst, after: string | null = null): Promise<Page<StoredMention>> {
    return getMentions(this.conn, entityId, first, after);
  }

  async addSnapshot(snapshot: SnapshotRecord): Promise<void> {
    addSnapshot(this.conn, snapshot);
  }

  async getSnapshot(id: string): Promise<SnapshotRecord | null> {
    return getSnapshot(this.conn, id);
  }

  async listEntities(query: EntityQuery = {}): Promise<Page<Entity>> {
    return listEntities(this.conn, query);
  }

  async listRelations(query: RelationListQuery = {}): Promise<Page<Relation>> {
    return listRelations(this.conn, query);
  }

  async getEntityDocuments(entityId: string, first: number = DEFAULT_LIMITS.documentsFirst, after: string | null = null): Promise<Page<Document>> {
    return getEntityDocuments(this.conn, entityId, first, after);
  }

  // --- curation (curation.ts) ----------------------------------------------------------------------
  async mergeEntities(keepId: string, mergeId: string): Promise<Entity> {
    return mergeEntities(this.conn, keepId, mergeId);
  }

  async renameEntity(id: string, name: string): Promise<Entity> {
    return renameEntity(this.conn, id, name);
  }

  async addAlias(id: string, alias: string): Promise<Entity> {
    return addEntityAlias(this.conn, id, alias);
  }

  async removeAlias(id: string, alias: string): Promise<Entity> {
    return removeEntityAlias(this.conn, id, alias);
  }

  async setEntityType(id: string, type: EntityType): Promise<Entity> {
    return setEntityType(this.conn, id, type);
  }

  async rejectRelation(id: string): Promise<Relation> {
    return rejectRelation(this.conn, id);
  }

  async deleteDocument(id: string): Promise<DeleteDocumentResult> {
    return deleteDocument(this.conn, id);
  }

  async getCurationRules(): Promise<CurationRules> {
    return curationRules(this.conn);
  }
}
