// The embedded backend: better-sqlite3 (synchronous, in-process), WAL, FTS5 for prefix search,
// a deletion-key table for one-typo search. Writes (writes.ts), search (search.ts) and the JSON
// exchange (exchange.ts) live beside it; this class composes them with the reads.
import { startCheckpointer, WRITER_AUTOCHECKPOINT_WITH_WORKER, type Checkpointer } from './checkpointer.js';
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
  type EntityHead,
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
import { bfsNeighbourhood, shortestPaths, type WalkAccess } from '../traverse.js';
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

/** The columns of a Relation, in `rowRelation` order. */
const RELATION_COLUMNS = 'r.id, r.source, r.target, r.type, r.confidence, r.evidence_count, r.status, r.first_reported, r.last_reported';
/** A row holding RELATION_COLUMNS from index `at` on (after a walk's own columns). */
type RawRow = unknown[];
const rowRelation = (r: RawRow, at = 0): Relation => ({
  id: r[at] as string,
  source: r[at + 1] as string,
  target: r[at + 2] as string,
  type: r[at + 3] as string,
  confidence: r[at + 4] as number,
  evidenceCount: r[at + 5] as number,
  status: r[at + 6] as string | null,
  firstReported: r[at + 7] as string | null,
  lastReported: r[at + 8] as string | null,
});

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  path: string;
  readonly?: boolean;
}

/** The columns of a relation listing, in RelationTuple order (raw statements return arrays). */
const RELATION_LIST_COLUMNS = 'id, source, target, type, confidence, evidence_count, status, first_reported, last_reported, strength';
type RelationTuple = [string, string, string, string, number, number, string | null, string | null, string | null, number];
/** Two lists in listing order (strength descending, then id) merged into one, at most `limit` long. */
function mergeByStrength(a: RelationTuple[], b: RelationTuple[], limit: number): RelationTuple[] {
  const out: RelationTuple[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    const x = a[i];
    const y = b[j];
    if (!y || (x && (x[9] > y[9] || (x[9] === y[9] && x[0] < y[0])))) {
      out.push(x!);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
const relationFromTuple = (r: RelationTuple): Relation => ({
  id: r[0],
  source: r[1],
  target: r[2],
  type: r[3],
  confidence: r[4],
  evidenceCount: r[5],
  status: r[6],
  firstReported: r[7],
  lastReported: r[8],
});

export class SqliteStore implements GraphStore {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly conn: SqliteConnection;
  private closed = false;
  private checkpointer: Checkpointer | null = null;

  constructor(private readonly options: SqliteStoreOptions) {
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
    await this.checkpointer?.stop();
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

  /**
   * Document writes come in streams (ingest, seed): from the first one, a worker thread folds the
   * WAL as it grows. Called before a document's transaction opens, where the writer may briefly
   * stand still so that the WAL can restart (checkpointer.ts).
   */
  private beforeDocumentWrite(): Promise<void> | undefined {
    if (!this.checkpointer && this.options.path !== ':memory:' && !this.options.readonly) {
      this.checkpointer = startCheckpointer(this.options.path);
      this.db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_WITH_WORKER}`);
    }
    // Awaited only when there is a pause: otherwise the transaction opens in this same tick.
    return this.db.inTransaction ? undefined : this.checkpointer?.betweenWrites();
  }

  // --- writes ---------------------------------------------------------------------------------
  async addDocument(doc: LinkedDocument): Promise<AddDocumentResult> {
    const pause = this.beforeDocumentWrite();
    if (pause) await pause;
    return withBusyRetry('sqlite.addDocument', () => addDocument(this.conn, doc));
  }

  async groupWrites<T>(fn: () => Promise<T>): Promise<T> {
    if (this.conn.group) return fn(); // already inside a group: join it
    const pause = this.beforeDocumentWrite();
    if (pause) {
      await pause;
      if (this.conn.group) return fn(); // a group began meanwhile
    }
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

  /** Entities by id with their aliases, in the order given (unknown ids skipped): one statement, whatever the count. */
  async getEntities(ids: string[]): Promise<Entity[]> {
    if (ids.length === 0) return [];
    if (ids.length === 1) {
      const e = await this.getEntity(ids[0]!);
      return e ? [e] : [];
    }
    return this.readEntities(ids);
  }

  /**
   * Entities by id, in the order given (unknown ids skipped), with their stored degrees into
   * `degrees`: one probe of the entities b-tree per id (the row holds the other aliases), all rows
   * handed over as one JSON text (a third cheaper than row arrays), a null for each unknown id so
   * that rows line up with `ids` (LEFT JOIN keeps their order) and carry no id of their own.
   */
  private readEntities(ids: string[], degrees?: Map<string, number>): Entity[] {
    const json = this.stmt(
      `SELECT json_group_array(iif(e.id IS NULL, NULL, json_array(e.type, e.name, e.mention_count, e.document_count, json(e.other_aliases), e.out_degree + e.in_degree)))
       FROM json_each(?) j LEFT JOIN entities e ON e.id = j.value`,
    )
      .pluck()
      .get(JSON.stringify(ids)) as string;
    const rows = JSON.parse(json) as ([EntityType, string, number, number, string[] | null, number] | null)[];
    const entities: Entity[] = [];
    rows.forEach((row, i) => {
      if (row === null) return;
      const id = ids[i]!;
      entities.push({ id, type: row[0], name: row[1], aliases: row[4] ?? [], mentionCount: row[2], documentCount: row[3] });
      degrees?.set(id, row[5]);
    });
    return entities;
  }

  async getEntityHeads(ids: string[]): Promise<EntityHead[]> {
    if (ids.length === 0) return [];
    const rows = this.stmt('SELECT e.id, e.type, e.name, e.mention_count, e.document_count FROM json_each(?) j CROSS JOIN entities e ON e.id = j.value ORDER BY j.key')
      .raw(true)
      .all(JSON.stringify(ids)) as [string, string, string, number, number][];
    return rows.map(([id, type, name, mentionCount, documentCount]) => ({ id, type: type as Entity['type'], name, mentionCount, documentCount }));
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
  private relationsOf(entityId: string, query: RelationQuery, offset: number, first: number): Relation[] {
    const direction = query.direction ?? 'BOTH';
    const arms: RelationTuple[][] = [];
    for (const d of ['OUT', 'IN'] as const) {
      if (direction !== 'BOTH' && direction !== d) continue;
      const f = this.relationFilter(d, query);
      // Raw rows (arrays) mapped by position: half the cost of row objects for a page of 50.
      const sql = `SELECT ${RELATION_LIST_COLUMNS} FROM relations WHERE ${f.where} ORDER BY strength DESC, id LIMIT ?`;
      arms.push(this.stmt(sql).raw(true).all(entityId, ...f.params, offset + first) as RelationTuple[]);
    }
    // Both directions: merge the two ordered ranges here (a SQL UNION sorted them again in temp
    // b-trees, a third of the read). Relation ids are ASCII, so < orders them as SQLite does.
    const rows = arms.length === 1 ? arms[0]! : mergeByStrength(arms[0]!, arms[1]!, offset + first);
    return rows.slice(offset, offset + first).map(relationFromTuple);
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
    const nodes = first === 0 || offset >= total ? [] : this.relationsOf(entityId, query, offset, first);
    return {
      totalCount: total,
      nodes,
      endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null,
      hasNextPage: offset + nodes.length < total,
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

  /**
   * Index-only access for traversals, keyed by relation rowid (an integer: cheaper to carry and to
   * read back than the text id): (rowid, other end) pairs strongest first from the covering
   * indexes, stored degrees, and set-wise link reads; entity-type filters join the other end.
   * Capped reads and scans for links also return the rest of each row (the index covers it) into
   * `rows` (rowid, then RELATION_COLUMNS), so the relations a walk keeps need no second, random,
   * read (but for the keys-only reads a walk makes once its link cap is reached). Rows come as
   * one JSON text per statement: a third cheaper than row arrays. With `nodes`, the chosen nodes'
   * entity rows are read once the walk has chosen them, into `nodes`, and serve the closure's
   * degrees.
   */
  private walkAccess(options: NeighbourhoodOptions, rows = new Map<number, RawRow>(), nodes?: Entity[]): WalkAccess<number> {
    const types = options.relationTypes && options.relationTypes.length > 0 ? options.relationTypes : [];
    const entityTypes = options.entityTypes && options.entityTypes.length > 0 ? options.entityTypes : [];
    const typeSql = types.length > 0 ? ` AND r.type IN (${types.map(() => '?').join(',')})` : '';
    const otherSql = (col: string) =>
      entityTypes.length > 0 ? ` AND (SELECT type FROM entities WHERE id = r.${col}) IN (${entityTypes.map(() => '?').join(',')})` : '';
    const arm = (dir: 'OUT' | 'IN', columns: string) => {
      const [self, other] = dir === 'OUT' ? ['source', 'target'] : ['target', 'source'];
      return `SELECT ${columns} FROM relations r WHERE r.${self} = ?${dir === 'IN' ? ' AND r.source <> r.target' : ''}${typeSql}${otherSql(other)}`;
    };
    const asJson = `json_group_array(json_array(k, ${RELATION_COLUMNS.replace(/r\./g, '')}))`;
    // Both directions merged by SQLite from two ranges of covering indexes already in strength
    // order (no sort), stopping after `max`: only the rows kept reach JavaScript. The walked node's
    // own end is not sent: in its place, 1 when it is the source (the other end follows), else 0.
    const rowColumns = (outgoing: boolean) =>
      `r.rowid AS k, r.strength AS s, r.id, ${outgoing ? '1 AS outgoing, r.target AS other' : '0, r.source'}, r.type, r.confidence, r.evidence_count, r.status, r.first_reported, r.last_reported`;
    // `LIMIT +?`, not `LIMIT ?`: SQLite plans with a bare bound LIMIT's value, so every new binding
    // re-prepared the statement (~10 µs a call, a tenth of a 10k neighbourhood).
    const capped = this.stmt(
      `SELECT json_group_array(json_array(k, id, outgoing, other, type, confidence, evidence_count, status, first_reported, last_reported))
       FROM (${arm('OUT', rowColumns(true))} UNION ALL ${arm('IN', rowColumns(false))} ORDER BY s DESC, id LIMIT +?)`,
    ).pluck();
    // Keys only, for a walk whose link cap is reached (it keeps only links to new nodes, read later).
    const keyColumns = (other: string) => `r.rowid AS k, r.${other} AS other, r.strength AS s, r.id`;
    const cappedKeys = this.stmt(
      `SELECT json_group_array(json_array(k, other)) FROM (${arm('OUT', keyColumns('target'))} UNION ALL ${arm('IN', keyColumns('source'))} ORDER BY s DESC, id LIMIT +?)`,
    ).pluck();
    const whole = this.stmt(`${arm('OUT', 'r.rowid AS k, r.target AS other')} UNION ALL ${arm('IN', 'r.rowid AS k, r.source AS other')}`).raw(true);
    const params = (id: string) => [id, ...types, ...entityTypes];
    const degrees = this.stmt('SELECT json_group_array(coalesce(e.out_degree + e.in_degree, 0)) FROM json_each(?) j LEFT JOIN entities e ON e.id = j.value').pluck();
    // One range read per node, each relation's other end tested against `among` (built once into a
    // temporary index shared by both arms; the `+` stops SQLite from probing every (node, among)
    // pair instead).
    const linksFrom = this.stmt(
      `SELECT ${asJson} FROM (SELECT * FROM (
         SELECT r.rowid AS k, ${RELATION_COLUMNS}, r.target AS other FROM json_each(?) j CROSS JOIN relations r INDEXED BY relations_by_source ON r.source = j.value WHERE 1${typeSql}
         UNION ALL SELECT r.rowid, ${RELATION_COLUMNS}, r.source FROM json_each(?) j CROSS JOIN relations r INDEXED BY relations_by_target ON r.target = j.value WHERE r.source <> r.target${typeSql}
       ) WHERE +other IN (SELECT value FROM json_each(?)) LIMIT +?)`,
    ).pluck();
    // CROSS JOIN keeps json_each outside, so each pair is one probe of relations_pair (which holds
    // the whole row), stopping after `max` links.
    const linksBetween = this.stmt(
      `SELECT ${asJson} FROM (SELECT r.rowid AS k, ${RELATION_COLUMNS} FROM json_each(?) a CROSS JOIN json_each(?) b CROSS JOIN relations r INDEXED BY relations_pair
         WHERE r.source = a.value AND r.target = b.value${typeSql} LIMIT +?)`,
    ).pluck();
    // One relations_pair probe per (id, candidate) pair, both directions, with the other end.
    const pairLinks = this.stmt(
      `SELECT r.rowid, r.target FROM json_each(?) j CROSS JOIN relations r INDEXED BY relations_pair WHERE r.source = ? AND r.target = j.value${typeSql}
       UNION ALL SELECT r.rowid, r.source FROM json_each(?) j CROSS JOIN relations r INDEXED BY relations_pair WHERE r.source = j.value AND r.target = ? AND r.source <> r.target${typeSql}`,
    ).raw(true);
    const keep = (json: string): RawRow[] => {
      const found = JSON.parse(json) as RawRow[];
      for (const row of found) rows.set(row[0] as number, row);
      return found;
    };
    // Callers probe several hubs against the same set: serialise it once.
    let lastAmong: string[] | null = null;
    let amongJson = '[]';
    const chosenDegrees = new Map<string, number>();
    return {
      ...(nodes && {
        chosen: (ids: string[]) => {
          nodes.push(...this.readEntities(ids, chosenDegrees));
        },
      }),
      adjacency: (id, max, few) => {
        if (max >= 1_000_000_000) return (whole.all(...params(id), ...params(id)) as [number, string][]).map(([k, other]) => ({ id: k, other }));
        if (few) return (JSON.parse(cappedKeys.get(...params(id), ...params(id), max) as string) as [number, string][]).map(([k, other]) => ({ id: k, other }));
        return keep(capped.get(...params(id), ...params(id), max) as string).map((row) => {
          // [k, id, outgoing, other, ...] becomes [k, id, source, target, ...] in place.
          const other = row[3] as string;
          if (row[2] === 1) {
            row[2] = id;
          } else {
            row[2] = other;
            row[3] = id;
          }
          return { id: row[0] as number, other };
        });
      },
      degrees: (ids) =>
        chosenDegrees.size > 0 && ids.every((id) => chosenDegrees.has(id))
          ? ids.map((id) => chosenDegrees.get(id)!)
          : (JSON.parse(degrees.get(JSON.stringify(ids)) as string) as number[]),
      linksFrom: (ids, among, max) => {
        const [j, a] = [JSON.stringify(ids), JSON.stringify(among)];
        return keep(linksFrom.get(j, ...types, j, ...types, a, max) as string).map((row) => row[0] as number);
      },
      linksBetween: (ids, max) => {
        const j = JSON.stringify(ids);
        return keep(linksBetween.get(j, j, ...types, max) as string).map((row) => row[0] as number);
      },
      pairLinks: (id, among) => {
        if (among !== lastAmong) [lastAmong, amongJson] = [among, JSON.stringify(among)];
        return (pairLinks.all(amongJson, id, ...types, amongJson, id, ...types) as [number, string][]).map(([k, other]) => ({ id: k, other }));
      },
    };
  }

  /** Relation rows by rowid in one statement (rowid, then RELATION_COLUMNS); unknown rowids skipped. */
  private relationRows(rowids: number[], into = new Map<number, RawRow>()): Map<number, RawRow> {
    if (rowids.length === 0) return into;
    const json = this.stmt(`SELECT json_group_array(json_array(r.rowid, ${RELATION_COLUMNS})) FROM json_each(?) j CROSS JOIN relations r ON r.rowid = j.value`)
      .pluck()
      .get(JSON.stringify(rowids)) as string;
    for (const row of JSON.parse(json) as RawRow[]) into.set(row[0] as number, row);
    return into;
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
    const rows = new Map<number, RawRow>();
    const nodes: Entity[] = [];
    let access = this.walkAccess(options, rows, nodes);
    let capped = () => false;
    if (options.limitPerType !== undefined) {
      const typeOf = this.stmt('SELECT type FROM entities WHERE id = ?');
      let adjacency = access.adjacency;
      ({ adjacency, capped } = capPerType(adjacency, present, (id) => (typeOf.get(id) as { type: string } | undefined)?.type, Math.max(0, options.limitPerType)));
      access = { ...access, adjacency };
    }
    const walk = bfsNeighbourhood(present, access, depth, limit);
    // Relations read by the walk come with their rows, but for keys-only reads: those are read here.
    this.relationRows(
      walk.relationIds.filter((k) => !rows.has(k)),
      rows,
    );
    const relations = walk.relationIds.flatMap((k) => {
      const row = rows.get(k);
      return row ? [rowRelation(row, 1)] : [];
    });
    return { nodes, relations, truncated: walk.truncated || capped() };
  }

  async paths(from: string, to: string, options: PathOptions = {}): Promise<Path[]> {
    const maxHops = Math.max(1, Math.min(options.maxHops ?? 4, DEFAULT_LIMITS.maxHops));
    const first = Math.max(0, options.first ?? DEFAULT_LIMITS.pathsFirst);
    const exists = this.stmt('SELECT 1 FROM entities WHERE id = ?');
    if (first === 0 || !exists.get(from) || !exists.get(to)) return [];
    const found = shortestPaths(from, to, this.walkAccess({ relationTypes: options.relationTypes }), maxHops, first);
    const result: Path[] = [];
    for (const p of found) {
      const rows = this.relationRows(p.relations);
      result.push({ nodes: await this.getEntities(p.nodes), relations: p.relations.flatMap((k) => (rows.has(k) ? [rowRelation(rows.get(k)!, 1)] : [])) });
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
