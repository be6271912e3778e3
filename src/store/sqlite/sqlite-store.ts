// The embedded backend: better-sqlite3 (synchronous, in-process), WAL, FTS5 for prefix search,
// a deletion-key table for one-typo search. Each document is written in one transaction.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { KgError, invalidInput } from '../../model/errors.js';
import { normaliseName, sha1 } from '../../model/names.js';
import { ontology } from '../../model/ontology.js';
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
  type NeighbourhoodOptions,
  type PathOptions,
  type RelationQuery,
  type SearchOptions,
} from '../graph-store.js';
import { deletionKeys, editDistance, ftsPrefixQuery, tokenise } from '../search-keys.js';
import { bfsNeighbourhood, pathNodes, shortestPaths, type AdjacencyFn } from '../traverse.js';
import { DDL, PRAGMAS, SCHEMA_VERSION } from './schema.js';

interface EntityRow {
  id: string;
  type: string;
  name: string;
  mention_count: number;
  document_count: number;
}
interface RelationRow {
  id: string;
  source: string;
  target: string;
  type: string;
  confidence: number;
  evidence_count: number;
  status: string | null;
  first_reported: string | null;
  last_reported: string | null;
}
interface DocumentRow {
  id: string;
  text_hash: string;
  title: string | null;
  byline: string | null;
  url: string | null;
  published_at: string | null;
  ingested_at: string;
  word_count: number;
  sentence_count: number;
}
interface EvidenceRow {
  relation_id: string;
  document_id: string;
  sentence_idx: number;
  confidence: number;
  source_start: number | null;
  source_end: number | null;
  target_start: number | null;
  target_end: number | null;
  text: string;
  start: number;
  end: number;
}

const toRelation = (r: RelationRow): Relation => ({
  id: r.id,
  source: r.source,
  target: r.target,
  type: r.type,
  confidence: r.confidence,
  evidenceCount: r.evidence_count,
  status: r.status,
  firstReported: r.first_reported,
  lastReported: r.last_reported,
});

const toDocument = (d: DocumentRow): Document => ({
  id: d.id,
  title: d.title,
  byline: d.byline,
  url: d.url,
  publishedAt: d.published_at,
  ingestedAt: d.ingested_at,
  textHash: d.text_hash,
  wordCount: d.word_count,
  sentenceCount: d.sentence_count,
});

const relative = (value: number | null, sentenceStart: number): number | null =>
  value === null ? null : value - sentenceStart;

const DOCUMENT_COLUMNS = `d.id, d.text_hash, d.title, d.byline, d.url, d.published_at, d.ingested_at, d.word_count,
  (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentence_count`;

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  path: string;
  readonly?: boolean;
}

export class SqliteStore implements GraphStore {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private closed = false;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    try {
      this.db = new Database(options.path, { readonly: options.readonly ?? false });
    } catch (cause) {
      throw new KgError('BACKEND_UNAVAILABLE', `sqlite.open: cannot open ${options.path}: ${(cause as Error).message}`, { cause });
    }
  }

  async init(): Promise<void> {
    for (const p of PRAGMAS) this.db.pragma(p.replace(/^PRAGMA /, ''));
    this.db.exec(DDL);
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

  // --- statements (prepared once, lazily) -----------------------------------------------------
  private readonly cache = new Map<string, Database.Statement>();
  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  // --- writes ---------------------------------------------------------------------------------
  async addDocument(doc: LinkedDocument): Promise<AddDocumentResult> {
    return this.db.transaction((): AddDocumentResult => {
      const existing = this.stmt('SELECT id FROM documents WHERE text_hash = ?').get(doc.textHash) as { id: string } | undefined;
      if (existing) return { documentId: existing.id, status: 'unchanged', entitiesCreated: 0, relationsCreated: 0 };
      const m = doc.meta;
      this.stmt(
        `INSERT INTO documents (id, text_hash, title, byline, url, published_at, source, ingested_at, word_count, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(doc.id, doc.textHash, m.title, m.byline, m.url, m.publishedAt, m.source, new Date().toISOString(), doc.wordCount, doc.text);
      const insertSentence = this.stmt('INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)');
      for (const s of doc.sentences) insertSentence.run(doc.id, s.index, s.start, s.end, s.text);

      let entitiesCreated = 0;
      for (const e of doc.entities) {
        if (this.mergeEntity(e.id, e.type, e.name, e.aliases, e.mentionCount, 1)) entitiesCreated++;
      }
      const insertMention = this.stmt('INSERT INTO mentions (document_id, sentence_idx, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)');
      for (const mention of doc.mentions) insertMention.run(doc.id, mention.sentence, mention.entityId, mention.start, mention.end, mention.text);

      let relationsCreated = 0;
      for (const r of doc.relations) {
        if (this.mergeRelation(r.id, r.source, r.target, r.type, r.status)) relationsCreated++;
        this.stmt(
          `INSERT OR IGNORE INTO evidence (relation_id, document_id, sentence_idx, confidence, source_start, source_end, target_start, target_end)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(r.id, doc.id, r.sentence, r.confidence, r.sourceStart, r.sourceEnd, r.targetStart, r.targetEnd);
      }
      for (const id of new Set(doc.relations.map((r) => r.id))) this.refreshRelation(id);
      return { documentId: doc.id, status: 'added', entitiesCreated, relationsCreated };
    }).immediate();
  }

  /** Upserts an entity and its aliases; adds to its counts. Returns true when it was new. */
  private mergeEntity(id: string, type: EntityType, name: string, aliases: string[], mentions: number, documents: number): boolean {
    const created = this.stmt('INSERT OR IGNORE INTO entities (id, type, name, mention_count, document_count) VALUES (?, ?, ?, 0, 0)').run(id, type, name).changes > 0;
    this.stmt('UPDATE entities SET mention_count = mention_count + ?, document_count = document_count + ? WHERE id = ?').run(mentions, documents, id);
    for (const alias of new Set([name, ...aliases])) this.addAlias(id, alias);
    return created;
  }

  private addAlias(entityId: string, alias: string): void {
    const norm = normaliseName(alias);
    if (!norm) return;
    const added = this.stmt('INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)').run(entityId, alias, norm).changes > 0;
    if (!added) return;
    this.stmt('INSERT INTO entity_fts (entity_id, alias) VALUES (?, ?)').run(entityId, alias);
    const insertKey = this.stmt('INSERT OR IGNORE INTO search_keys (key, entity_id, alias) VALUES (?, ?, ?)');
    for (const token of tokenise(alias)) for (const key of deletionKeys(token)) insertKey.run(key, entityId, alias);
  }

  private mergeRelation(id: string, source: string, target: string, type: string, status: string | null): boolean {
    return (
      this.stmt(
        `INSERT OR IGNORE INTO relations (id, source, target, type, confidence, evidence_count, status) VALUES (?, ?, ?, ?, 0, 0, ?)`,
      ).run(id, source, target, type, status).changes > 0
    );
  }

  /** Recomputes a relation's aggregate fields from its evidence (noisy-or confidence). */
  private refreshRelation(id: string): void {
    this.stmt(
      `UPDATE relations SET
         evidence_count = (SELECT count(*) FROM evidence WHERE relation_id = relations.id),
         confidence = (SELECT round(1.0 - exp(sum(ln(max(1e-9, 1.0 - min(confidence, 0.999))))), 4) FROM evidence WHERE relation_id = relations.id),
         first_reported = (SELECT min(d.published_at) FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.relation_id = relations.id),
         last_reported = (SELECT max(d.published_at) FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.relation_id = relations.id)
       WHERE id = ?`,
    ).run(id);
  }

  async importGraph(data: GraphExport): Promise<ImportResult> {
    validateExport(data);
    return this.db.transaction((): ImportResult => {
      let documents = 0;
      const now = new Date().toISOString();
      const known = new Set<string>();
      for (const d of data.documents) {
        const hash = d.textHash ?? `import:${sha1(d.id)}`;
        const clash = this.stmt('SELECT id FROM documents WHERE id = ? OR text_hash = ?').get(d.id, hash) as { id: string } | undefined;
        known.add(d.id);
        if (clash) continue;
        this.stmt(
          `INSERT INTO documents (id, text_hash, title, byline, url, published_at, source, ingested_at, word_count, body)
           VALUES (?, ?, ?, ?, ?, ?, 'import', ?, ?, NULL)`,
        ).run(d.id, hash, d.title ?? null, d.byline ?? null, d.url ?? null, d.publishedAt ?? null, d.ingestedAt ?? now, d.wordCount ?? 0);
        documents++;
      }
      let entities = 0;
      for (const e of data.entities) {
        const created = this.mergeEntity(e.id, e.type, e.name, e.aliases ?? [], 0, 0);
        if (created) {
          entities++;
          this.stmt('UPDATE entities SET mention_count = ?, document_count = ? WHERE id = ?').run(e.mentionCount ?? 0, e.documentCount ?? 0, e.id);
        }
      }
      let relations = 0;
      const nextIndex = new Map<string, number>();
      const sentenceIndex = (doc: string, text: string, index: number | undefined, start: number | undefined, end: number | undefined): number => {
        const found = this.stmt('SELECT idx FROM sentences WHERE document_id = ? AND text = ?').get(doc, text) as { idx: number } | undefined;
        if (found) return found.idx;
        let idx = index;
        if (idx === undefined || this.stmt('SELECT 1 FROM sentences WHERE document_id = ? AND idx = ?').get(doc, idx)) {
          const max = (this.stmt('SELECT coalesce(max(idx), -1) AS m FROM sentences WHERE document_id = ?').get(doc) as { m: number }).m;
          idx = Math.max(max + 1, nextIndex.get(doc) ?? 0);
        }
        nextIndex.set(doc, idx + 1);
        this.stmt('INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)').run(doc, idx, start ?? 0, end ?? text.length, text);
        return idx;
      };
      for (const r of data.relations) {
        if (this.mergeRelation(r.id, r.source, r.target, r.type, r.status ?? null)) relations++;
        for (const ev of r.evidence) {
          if (!known.has(ev.document) && !this.stmt('SELECT 1 FROM documents WHERE id = ?').get(ev.document)) {
            throw invalidInput('store.importGraph', `evidence of relation ${r.id} cites unknown document ${ev.document}`);
          }
          const idx = sentenceIndex(ev.document, ev.sentence, ev.index, ev.start, ev.end);
          this.stmt(
            `INSERT OR IGNORE INTO evidence (relation_id, document_id, sentence_idx, confidence, source_start, source_end, target_start, target_end)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(r.id, ev.document, idx, ev.confidence ?? r.confidence, ev.sourceStart ?? null, ev.sourceEnd ?? null, ev.targetStart ?? null, ev.targetEnd ?? null);
        }
        this.refreshRelation(r.id);
        if (r.evidence.length === 0) this.stmt('UPDATE relations SET confidence = ? WHERE id = ?').run(r.confidence, r.id);
      }
      return { documents, entities, relations };
    }).immediate();
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

  // --- reads -------------------------------------------------------------------------------------
  private entityFromRow(row: EntityRow): Entity {
    const aliases = (this.stmt('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias').all(row.id) as { alias: string }[])
      .map((a) => a.alias)
      .filter((a) => a !== row.name);
    return { id: row.id, type: row.type as EntityType, name: row.name, aliases, mentionCount: row.mention_count, documentCount: row.document_count };
  }

  async getEntity(id: string): Promise<Entity | null> {
    const row = this.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    return row ? this.entityFromRow(row) : null;
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    const get = this.stmt('SELECT * FROM entities WHERE id = ?');
    const out: Entity[] = [];
    for (const id of ids) {
      const row = get.get(id) as EntityRow | undefined;
      if (row) out.push(this.entityFromRow(row));
    }
    return out;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const first = Math.max(0, Math.min(options.first ?? DEFAULT_LIMITS.searchFirst, 500));
    const types = options.types && options.types.length > 0 ? new Set(options.types) : null;
    const q = normaliseName(query);
    if (!q || first === 0) return [];
    // entity id -> best (score, alias)
    const best = new Map<string, { score: number; matched: string }>();
    const consider = (id: string, alias: string, score: number) => {
      const prev = best.get(id);
      if (!prev || score > prev.score) best.set(id, { score, matched: alias });
    };
    const fts = ftsPrefixQuery(query);
    if (fts) {
      const rows = this.stmt(
        `SELECT f.entity_id AS id, f.alias AS alias, e.mention_count AS mc, e.type AS type
         FROM entity_fts f JOIN entities e ON e.id = f.entity_id
         WHERE entity_fts MATCH ? ORDER BY e.mention_count DESC LIMIT 400`,
      ).all(fts) as { id: string; alias: string; mc: number; type: string }[];
      for (const r of rows) {
        if (types && !types.has(r.type as EntityType)) continue;
        const norm = normaliseName(r.alias);
        const exact = norm === q ? 1 : norm.startsWith(q) ? 0.8 : 0.6;
        consider(r.id, r.alias, exact + Math.log10(1 + r.mc) / 10);
      }
    }
    if (best.size < first) {
      // One-edit typo tolerance: symmetric deletion keys per query token.
      const tokens = tokenise(query);
      const lookup = this.stmt(
        `SELECT k.entity_id AS id, k.alias AS alias, e.mention_count AS mc, e.type AS type
         FROM search_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ? LIMIT 200`,
      );
      const hits = new Map<string, { alias: string; mc: number; matchedTokens: number }>();
      for (const token of tokens) {
        const seenForToken = new Set<string>();
        for (const key of deletionKeys(token)) {
          for (const r of lookup.all(key) as { id: string; alias: string; mc: number; type: string }[]) {
            if (types && !types.has(r.type as EntityType)) continue;
            const close = tokenise(r.alias).some((t) => editDistance(t, token, 1) <= 1);
            if (!close || seenForToken.has(r.id)) continue;
            seenForToken.add(r.id);
            const h = hits.get(r.id) ?? { alias: r.alias, mc: r.mc, matchedTokens: 0 };
            h.matchedTokens++;
            hits.set(r.id, h);
          }
        }
      }
      for (const [id, h] of hits) consider(id, h.alias, 0.3 * (h.matchedTokens / tokens.length) + Math.log10(1 + h.mc) / 10);
    }
    const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0])).slice(0, first);
    const entities = await this.getEntities(ranked.map(([id]) => id));
    const byId = new Map(entities.map((e) => [e.id, e]));
    return ranked.flatMap(([id, h]) => {
      const entity = byId.get(id);
      return entity ? [{ entity, score: Math.round(h.score * 1000) / 1000, matched: h.matched }] : [];
    });
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
    if (direction !== 'IN') {
      parts.push(`SELECT * FROM relations WHERE source = ?${typeFilter} AND confidence >= ?`);
      params.push(entityId, ...(query.types ?? []), minConfidence);
    }
    if (direction !== 'OUT') {
      parts.push(`SELECT * FROM relations WHERE target = ?${typeFilter} AND confidence >= ? AND source <> target`);
      params.push(entityId, ...(query.types ?? []), minConfidence);
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
    const walk = bfsNeighbourhood(present, this.adjacency(options), depth, limit);
    return { nodes: await this.getEntities(walk.nodeIds), relations: walk.relations, truncated: walk.truncated };
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

  async exportGraph(): Promise<GraphExport> {
    const entities = (this.stmt('SELECT * FROM entities ORDER BY id').all() as EntityRow[]).map((row) => {
      const e = this.entityFromRow(row);
      return { id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentionCount: e.mentionCount, documentCount: e.documentCount };
    });
    const evidenceOf = this.stmt(
      `SELECT e.*, s.text, s.start, s.end FROM evidence e
       JOIN sentences s ON s.document_id = e.document_id AND s.idx = e.sentence_idx
       WHERE e.relation_id = ? ORDER BY e.document_id, e.sentence_idx`,
    );
    const relations = (this.stmt('SELECT * FROM relations ORDER BY id').all() as RelationRow[]).map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      confidence: r.confidence,
      status: r.status,
      evidence: (evidenceOf.all(r.id) as EvidenceRow[]).map((ev) => ({
        sentence: ev.text,
        document: ev.document_id,
        index: ev.sentence_idx,
        start: ev.start,
        end: ev.end,
        confidence: ev.confidence,
        sourceStart: ev.source_start,
        sourceEnd: ev.source_end,
        targetStart: ev.target_start,
        targetEnd: ev.target_end,
      })),
    }));
    const documents = (this.stmt(`SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.id`).all() as DocumentRow[]).map((d) => ({
      id: d.id,
      title: d.title,
      byline: d.byline,
      url: d.url,
      publishedAt: d.published_at,
      ingestedAt: d.ingested_at,
      textHash: d.text_hash,
      wordCount: d.word_count,
    }));
    return { format: 'kg-graph', version: 1, entities, relations, documents };
  }
}

/** Rejects an import that would leave dangling references, before anything is written. */
function validateExport(data: GraphExport): void {
  const op = 'store.importGraph';
  if (!data || typeof data !== 'object') throw invalidInput(op, 'expected a JSON object');
  for (const key of ['entities', 'relations', 'documents'] as const) {
    if (!Array.isArray(data[key])) throw invalidInput(op, `"${key}" must be an array`);
  }
  const ids = new Set<string>();
  for (const e of data.entities) {
    if (!e || typeof e.id !== 'string' || typeof e.name !== 'string') throw invalidInput(op, 'every entity needs a string id and name');
    if (!['Person', 'Organization', 'Place'].includes(e.type)) throw invalidInput(op, `entity ${e.id} has unknown type ${String(e.type)}`);
    ids.add(e.id);
  }
  for (const d of data.documents) if (!d || typeof d.id !== 'string') throw invalidInput(op, 'every document needs a string id');
  for (const r of data.relations) {
    if (!r || typeof r.id !== 'string' || typeof r.type !== 'string') throw invalidInput(op, 'every relation needs a string id and type');
    if (!ontology().isRelationType(r.type)) throw invalidInput(op, `relation ${r.id} has type ${r.type}, which the ontology does not define`);
    if (!ids.has(r.source) || !ids.has(r.target)) throw invalidInput(op, `relation ${r.id} joins an entity that is not in the file`);
    if (!Array.isArray(r.evidence)) throw invalidInput(op, `relation ${r.id} needs an evidence array`);
    for (const ev of r.evidence) {
      if (!ev || typeof ev.sentence !== 'string' || typeof ev.document !== 'string') throw invalidInput(op, `relation ${r.id} has malformed evidence`);
    }
  }
}
