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
  first?: number;
  after?: string | null;
}

export interface SearchOptions {
  types?: EntityType[];
  first?: number;
}

export interface NeighbourhoodOptions {
  depth?: number;
  limit?: number;
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
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  getRelation(id: string): Promise<Relation | null>;
  getRelations(entityId: string, query?: RelationQuery): Promise<Page<Relation>>;
  getEvidence(relationId: string, first?: number): Promise<Evidence[]>;
  neighbourhood(entityId: string, options?: NeighbourhoodOptions): Promise<Subgraph>;
  subgraph(ids: string[], options?: NeighbourhoodOptions): Promise<Subgraph>;
  paths(from: string, to: string, options?: PathOptions): Promise<Path[]>;
  getDocument(id: string): Promise<Document | null>;
  getDocuments(ids: string[]): Promise<Document[]>;
  listDocuments(first?: number, after?: string | null): Promise<Page<Document>>;
  getSentences(documentId: string): Promise<Sentence[]>;
  stats(): Promise<Stats>;
  exportGraph(): Promise<GraphExport>;
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
