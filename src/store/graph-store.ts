// The storage contract. Every backend (sqlite/, neo4j/) implements it and passes the same
// contract suite (tests/contract/store-contract.ts). Verbs: add = must be new, merge = upsert,
// update = change existing, drop = remove (graphology's convention).
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
  RelationType,
  SearchHit,
  Sentence,
  Stats,
  Subgraph,
} from '../model/types.js';


export type Direction = 'OUT' | 'IN' | 'BOTH';

/** An entity without its aliases: enough to name the ends of a page of relations. */
export type EntityHead = Omit<Entity, 'aliases'>;

export interface AddDocumentResult {
  documentId: string;
  /**
   * 'unchanged' when a document with the same text hash was already stored (idempotent ingest);
   * 'duplicate' when it was stored as a near-duplicate of another (LinkedDocument.nearDuplicate).
   */
  status: 'added' | 'unchanged' | 'duplicate';
  entitiesCreated: number;
  relationsCreated: number;
}

/** A stored entity offered to the linker, with every alias it is known by. */
export interface LinkCandidate {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentionCount: number;
}

export interface RelationQuery {
  types?: RelationType[];
  direction?: Direction;
  minConfidence?: number;
  /** Keep relations last reported on or after this ISO date (relations with no date are dropped). */
  reportedAfter?: string;
  /** Keep relations first reported on or before this ISO date (relations with no date are dropped). */
  reportedBefore?: string;
  first?: number;
  after?: string | null;
}

/** Filters for listRelations (graph-wide relation listing). All filters combine with AND. */
export interface RelationListQuery {
  types?: RelationType[];
  minConfidence?: number;
  /** Only relations with at least one evidence sentence from this document. */
  documentId?: string;
  /** Only relations touching this entity (either end). */
  entityId?: string;
  first?: number;
  after?: string | null;
}

export type EntityOrder = 'MENTIONS_DESC' | 'NAME_ASC' | 'DEGREE_DESC';

/** Filters for listEntities. All filters combine with AND. */
export interface EntityQuery {
  types?: EntityType[];
  /** Case- and diacritics-insensitive substring of the canonical name or any alias (normaliseName on both sides). */
  nameContains?: string;
  /** mentionCount >= minMentions. */
  minMentions?: number;
  /** Only entities with at least one mention in this document. */
  mentionedIn?: string;
  /** Only direct neighbours of this entity (a relation either way), never the entity itself. */
  connectedTo?: string;
  /** Default MENTIONS_DESC. Ties are broken by id ascending, so pages are stable. */
  orderBy?: EntityOrder;
  first?: number;
  after?: string | null;
}

/** How many distinct neighbours an entity has, in total and per type (see GraphStore.neighbourCounts). */
export interface NeighbourCounts {
  /** Distinct neighbour entities (the entity itself excluded). */
  total: number;
  /** Distinct neighbours per entity type; types with none are absent. */
  byEntityType: Record<string, number>;
  /** Distinct neighbours per relation type (a neighbour joined by two types counts once in each). */
  byRelationType: Record<string, number>;
}

/** One stored mention of an entity. Offsets are into the document text. */
export interface StoredMention {
  entityId: string;
  documentId: string;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
}

/** A relation frozen in a snapshot, with the evidence it had at creation. */
export interface SnapshotRelation extends Relation {
  evidence: Evidence[];
}

/**
 * An immutable, citable copy of a subgraph. Built by the API (src/api/snapshots.ts) from
 * ordinary reads, stored whole by the backend, read back byte-for-byte unchanged.
 */
export interface SnapshotRecord {
  /** `s-` + 16 hex chars of sha1(content + createdAt). */
  id: string;
  title: string | null;
  /** ISO 8601 date-time. */
  createdAt: string;
  /** The entity ids it was created from, and the depth used. */
  rootIds: string[];
  depth: number;
  nodes: Entity[];
  relations: SnapshotRelation[];
  documents: Document[];
  /** The sentences of every document above (so frozen documents can be read). */
  sentences: Record<string, Sentence[]>;
  /** Mentions of the snapshot's nodes inside the snapshot's documents. */
  mentions: StoredMention[];
}

/**
 * Curation decisions that ingest re-applies to every new document (src/ingest/apply-curation.ts).
 * Chains are already resolved: redirects map straight to a live entity id.
 */
export interface CurationRules {
  /** Merged-away entity id → the id that was kept. */
  redirects: Record<string, string>;
  /** Rejected relation keys `${source}\u0000${type}\u0000${target}`, ends already redirected (symmetric types stored in id order). */
  rejected: string[];
  /** Entity id → curated canonical name. */
  names: Record<string, string>;
  /** Entity id → curated type. */
  types: Record<string, EntityType>;
  /** Entity id → aliases the curator removed (exact strings). */
  removedAliases: Record<string, string[]>;
}

export interface DeleteDocumentResult {
  documentId: string;
  /** Relations dropped because no evidence was left. */
  relationsRemoved: number;
  /** Entities dropped because no mention was left. */
  entitiesRemoved: number;
}

export interface SearchOptions {
  types?: EntityType[];
  first?: number;
}

export interface NeighbourhoodOptions {
  depth?: number;
  limit?: number;
  /**
   * At most this many nodes of each entity type beyond the seeds, admitted strongest relation
   * first (typed before ASSOCIATED_WITH, then evidence count, confidence). Sets `truncated` when it bites.
   */
  limitPerType?: number;
  relationTypes?: RelationType[];
  entityTypes?: EntityType[];
}

export interface PathOptions {
  maxHops?: number;
  first?: number;
  relationTypes?: RelationType[];
}

/** A stored original that shares an LSH band with a new document; the caller verifies similarity. */
export interface NearDuplicateCandidate {
  documentId: string;
  signature: number[];
}

export interface ImportResult {
  documents: number;
  entities: number;
  relations: number;
}

export interface GraphStore {
  readonly backend: 'sqlite' | 'neo4j';

  /** Creates tables/constraints idempotently; call once before anything else. */
  init(): Promise<void>;
  close(): Promise<void>;

  // --- writes -------------------------------------------------------------------------------
  /** Stores one linked document atomically; a known text hash changes nothing. */
  addDocument(doc: LinkedDocument): Promise<AddDocumentResult>;
  /**
   * Optional (bulk ingest): runs `fn`, whose addDocument calls then share one transaction, and
   * commits when it returns. If any of those writes fails, or `fn` throws, nothing of the group is
   * kept and the error is thrown: the caller replays the group one document per transaction.
   * Reads inside `fn` see the group's earlier writes.
   */
  groupWrites?<T>(fn: () => Promise<T>): Promise<T>;
  /** Loads a whole-graph export (kg import); atomic; merges into what is there. */
  importGraph(data: GraphExport): Promise<ImportResult>;

  // --- reads used by ingest -------------------------------------------------------------------
  hasDocument(textHash: string): Promise<boolean>;
  /** Stored entities having any of these normalised alias keys (see normaliseName). */
  findLinkCandidates(keys: string[]): Promise<LinkCandidate[]>;
  /**
   * Stored documents (originals only, never recorded duplicates) whose near-duplicate band keys
   * include any of these, each once with its signature. Recording is done by addDocument with
   * LinkedDocument.nearDuplicate.
   */
  findNearDuplicates(bandKeys: string[]): Promise<NearDuplicateCandidate[]>;

  // --- reads --------------------------------------------------------------------------------
  getEntity(id: string): Promise<Entity | null>;
  getEntities(ids: string[]): Promise<Entity[]>;
  /** getEntities without the aliases (one index probe less per entity), in the order given. */
  getEntityHeads(ids: string[]): Promise<EntityHead[]>;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  getRelation(id: string): Promise<Relation | null>;
  getRelations(entityId: string, query?: RelationQuery): Promise<Page<Relation>>;
  getEvidence(relationId: string, first?: number): Promise<Evidence[]>;
  /**
   * Nodes within `depth` hops, breadth first, strongest relations first, at most `limit`; relations
   * are links among those nodes (the embedded store keeps at most 2 × limit, nearest first, and
   * flags `truncated` when it leaves any out).
   */
  neighbourhood(entityId: string, options?: NeighbourhoodOptions): Promise<Subgraph>;
  subgraph(ids: string[], options?: NeighbourhoodOptions): Promise<Subgraph>;
  paths(from: string, to: string, options?: PathOptions): Promise<Path[]>;
  getDocument(id: string): Promise<Document | null>;
  getDocuments(ids: string[]): Promise<Document[]>;
  listDocuments(first?: number, after?: string | null): Promise<Page<Document>>;
  getSentences(documentId: string): Promise<Sentence[]>;
  stats(): Promise<Stats>;
  exportGraph(): Promise<GraphExport>;

  // --- analyst reads (issue 4) ---------------------------------------------------------------
  /**
   * Entities matching every filter, as a page (offset cursors, totalCount = all matches).
   * MENTIONS_DESC: mentionCount desc; NAME_ASC: name asc (case-insensitive); DEGREE_DESC: number
   * of relations touching the entity desc. Ties by id asc. Malformed cursor → INVALID_INPUT.
   */
  listEntities(query?: EntityQuery): Promise<Page<Entity>>;
  /**
   * Relations matching every filter, strongest first (typed before ASSOCIATED_WITH, then
   * evidence count desc, confidence desc, id). Malformed cursor → INVALID_INPUT.
   */
  listRelations(query?: RelationListQuery): Promise<Page<Relation>>;
  /** An entity's mentions, newest document first, then sentence and offset order. Empty page for an unknown id. */
  getMentions(entityId: string, first?: number, after?: string | null): Promise<Page<StoredMention>>;
  /** Documents mentioning the entity, newest first (listDocuments order). Empty page for an unknown id. */
  getEntityDocuments(entityId: string, first?: number, after?: string | null): Promise<Page<Document>>;
  /** Distinct neighbours of an entity by type; all zeros / empty maps for an unknown id. */
  neighbourCounts(entityId: string): Promise<NeighbourCounts>;

  // --- snapshots ---------------------------------------------------------------------------
  /** Stores a snapshot whole. An existing id → CONFLICT (snapshots are immutable). */
  addSnapshot(snapshot: SnapshotRecord): Promise<void>;
  /** The stored snapshot exactly as added (deep-equal), or null. */
  getSnapshot(id: string): Promise<SnapshotRecord | null>;

  // --- curation (each atomic; each records its decision for getCurationRules) -----------------
  /**
   * Folds entity `mergeId` into `keepId`: its aliases (its name included), mentions and
   * relations move to keepId (relations re-keyed to relationId(source, type, target), evidence
   * of duplicates combined, self-loops dropped), counts are summed (documentCount counts shared
   * documents once), mergeId disappears and is recorded as a redirect. Returns the kept entity.
   * Unknown id → NOT_FOUND; keepId === mergeId → INVALID_INPUT.
   */
  mergeEntities(keepId: string, mergeId: string): Promise<Entity>;
  /** Sets the canonical name; the old name stays as an alias. Empty name → INVALID_INPUT; unknown id → NOT_FOUND. */
  renameEntity(id: string, name: string): Promise<Entity>;
  /** Adds an alias (no-op if present); searchable and used by linking at once. Empty → INVALID_INPUT. */
  addAlias(id: string, alias: string): Promise<Entity>;
  /** Removes an alias and keeps it out of later ingests. The canonical name → INVALID_INPUT; unknown alias is a no-op. */
  removeAlias(id: string, alias: string): Promise<Entity>;
  /** Changes the entity type (id unchanged); later ingests keep it. Unknown id → NOT_FOUND. */
  setEntityType(id: string, type: EntityType): Promise<Entity>;
  /**
   * Drops the relation with its evidence and records its (source, type, target) key as
   * rejected, so ingest never re-creates it. Returns the relation as it was. Unknown id → NOT_FOUND.
   */
  rejectRelation(id: string): Promise<Relation>;
  /**
   * Drops a document with its sentences, mentions and evidence; lowers the mention and document
   * counts of the entities it mentioned; recomputes touched relations; drops relations left with
   * no evidence and entities it mentioned that are left with mentionCount 0. Not recorded as a
   * rule: the same text may be ingested again. Unknown id → NOT_FOUND.
   */
  deleteDocument(id: string): Promise<DeleteDocumentResult>;
  /** Every stored curation decision, chains resolved (see CurationRules). */
  getCurationRules(): Promise<CurationRules>;
}

export const DEFAULT_LIMITS = {
  searchFirst: 10,
  relationsFirst: 50,
  evidenceFirst: 10,
  neighbourhoodLimit: 200,
  maxDepth: 3,
  maxHops: 6,
  pathsFirst: 3,
  documentsFirst: 20,
} as const;

/** Opaque cursors: base64url of an offset. Backends may use richer keys later. */
export const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const raw = Buffer.from(cursor, 'base64url').toString();
  const m = /^o:(\d{1,9})$/.exec(raw);
  return m ? Number(m[1]) : -1;
}
