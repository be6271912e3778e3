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
import { bfsNeighbourhood, pathNodes, shortestPaths, type AdjacencyFn } from '../traverse.js';
import { SqliteConnection } from './connection.js';
import { exportGraph, importGraph } from './exchange.js';
import { DOCUMENT_COLUMNS, entityFromRow, relative, toDocument, toRelation, type DocumentRow, type EntityRow, type EvidenceRow, type RelationRow } from './rows.js';
import { findNearDuplicates, NEAR_DUPLICATE_DDL } from './near-duplicates.js';
import { DDL, PRAGMAS, SCHEMA_VERSION } from './schema.js';
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
    this.db.exec(DDL);
    this.db.exec(NEAR_DUPLICATE_DDL);
    this.db.exec(SNAPSHOT_DDL);
    this.db.exec(CURATION_DDL);
    this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Fold the WAL back into the main file so a stopped store is one self-contained file.
    try {
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
    return addDocument(this.conn, doc);
  }

  async importGraph(data: GraphExport): Promise<ImportResult> {
    return importGraph(this.conn, data);
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
    const aliasesOf = this.stmt('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias');
    return (await this.getEntities([...ids])).map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      mentionCount: e.mentionCount,
      aliases: (aliasesOf.all(e.id) as { alias: string }[]).map((a) => a.alias),
    }));
  }

  async findNearDuplicates(bandKeys: string[]): Promise<NearDuplicateCandidate[]> {
    return findNearDuplicates(this.conn, bandKeys);
  }

  // --- reads -------------------------------------------------------------------------------------
  async getEntity(id: string): Promise<Entity | null> {
    const row = this.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    return row ? entityFromRow(this.conn, row) : null;
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    const get = this.stmt('SELECT * FROM entities WHERE id = ?');
    const out: Entity[] = [];
    for (const id of ids) {
      const row = get.get(id) as EntityRow | undefined;
      if (row) out.push(entityFromRow(this.conn, row));
    }
    return out;
  }

  async getRelation(id: string): Promise<Relation | null> {
    const row = this.stmt('SELECT * FROM relations WHERE id = ?').get(id) as RelationRow | undefined;
    return row ? toRelation(row) : null;
  }

  private relationsOf(entityId: string, query: RelationQuery): RelationRow[] {
    const direction = query.direction ?? 'BOTH';
    const parts: string[] = [];
    const params: unknown[] = [];
    const typeFilter = query.types && query.types.length > 0 ? ` AND type IN (${query.types.map(() => '?').join(',')})` : '';
    const minConfidence = query.minConfidence ?? 0;
    // Reporting window: relations with no publication date cannot be placed in it.
    const dateFilter = (query.reportedAfter ? ' AND last_reported >= ?' : '') + (query.reportedBefore ? ' AND first_reported <= ?' : '');
    const dates = [query.reportedAfter, query.reportedBefore].filter((d): d is string => Boolean(d));
    if (direction !== 'IN') {
      parts.push(`SELECT * FROM relations WHERE source = ?${typeFilter} AND confidence >= ?${dateFilter}`);
      params.push(entityId, ...(query.types ?? []), minConfidence, ...dates);
    }
    if (direction !== 'OUT') {
      parts.push(`SELECT * FROM relations WHERE target = ?${typeFilter} AND confidence >= ? AND source <> target${dateFilter}`);
      params.push(entityId, ...(query.types ?? []), minConfidence, ...dates);
    }
    // Strongest first: typed relations before co-occurrence, then by support.
    const sql = `SELECT * FROM (${parts.join(' UNION ALL ')})
      ORDER BY (type = 'ASSOCIATED_WITH'), evidence_count DESC, confidence DESC, id`;
    return this.stmt(sql).all(...params) as RelationRow[];
  }

  async getRelations(entityId: string, query: RelationQuery = {}): Promise<Page<Relation>> {
    const first = Math.max(0, query.first ?? DEFAULT_LIMITS.relationsFirst);
    const offset = decodeCursor(query.after);
    if (offset < 0) throw invalidInput('store.getRelations', 'malformed cursor');
    const rows = this.relationsOf(entityId, query);
    const nodes = rows.slice(offset, offset + first).map(toRelation);
    return {
      totalCount: rows.length,
      nodes,
      endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null,
      hasNextPage: offset + nodes.length < rows.length,
    };
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

  private adjacency(options: NeighbourhoodOptions): AdjacencyFn {
    const query: RelationQuery = { types: options.relationTypes };
    const allowed = options.entityTypes && options.entityTypes.length > 0 ? new Set(options.entityTypes) : null;
    const typeOf = this.stmt('SELECT type FROM entities WHERE id = ?');
    return (id) => {
      const rels = this.relationsOf(id, query).map(toRelation);
      if (!allowed) return rels;
      return rels.filter((r) => {
        const otherId = r.source === id ? r.target : r.source;
        const row = typeOf.get(otherId) as { type: string } | undefined;
        return row !== undefined && allowed.has(row.type as EntityType);
      });
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
    let adjacency = this.adjacency(options);
    let capped = () => false;
    if (options.limitPerType !== undefined) {
      const typeOf = this.stmt('SELECT type FROM entities WHERE id = ?');
      ({ adjacency, capped } = capPerType(adjacency, present, (id) => (typeOf.get(id) as { type: string } | undefined)?.type, Math.max(0, options.limitPerType)));
    }
    const walk = bfsNeighbourhood(present, adjacency, depth, limit);
    return { nodes: await this.getEntities(walk.nodeIds), relations: walk.relations, truncated: walk.truncated || capped() };
  }

  async paths(from: string, to: string, options: PathOptions = {}): Promise<Path[]> {
    const maxHops = Math.max(1, Math.min(options.maxHops ?? 4, DEFAULT_LIMITS.maxHops));
    const first = Math.max(0, options.first ?? DEFAULT_LIMITS.pathsFirst);
    if (first === 0 || !(await this.getEntity(from)) || !(await this.getEntity(to))) return [];
    const found = shortestPaths(from, to, this.adjacency({ relationTypes: options.relationTypes }), maxHops, first);
    const result: Path[] = [];
    for (const relations of found) result.push({ nodes: await this.getEntities(pathNodes(from, relations)), relations });
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
