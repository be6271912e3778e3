// Domain types shared by extract/, src/store/, src/ingest/ and src/api/.
// extract/ produces a DocumentGraph; ingest links it across documents into a LinkedDocument;
// a GraphStore stores LinkedDocuments and answers with Entity / Relation / Evidence records.

export const ENTITY_TYPES = ['Person', 'Organization', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Relation type names come from schema/ontology.yaml (CONST_CASE); see src/model/ontology.ts. */
export type RelationType = string;

// ---------------------------------------------------------------------------------------------
// Extraction output: one document, pure data, offsets are UTF-16 code units into `text`.

export interface Sentence {
  index: number;
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

export interface Mention {
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
  type: EntityType;
  /** Index into DocumentGraph.entities. */
  entity: number;
  /** Index into DocumentGraph.sentences. */
  sentence: number;
  /** Set when the mention is indirect evidence rather than a name: 'demonym' for "Azerbaijani"
   * in "the Azerbaijani government" standing for a place the document names elsewhere.
   * Such mentions are not names (leave them out of NER output) but may anchor relations. */
  via?: 'demonym';
}

export interface DocEntity {
  /** Canonical (longest, most complete) name seen in this document. */
  name: string;
  type: EntityType;
  /** Every surface form that resolved to this entity, the name included. */
  aliases: string[];
  /** Indexes into DocumentGraph.mentions. */
  mentions: number[];
  /** Canonical names from the extractor's variant gazetteer that denote the same entity
   * ("Artsakh" for "Nagorno-Karabakh"); a hint for cross-document linking, not a surface form. */
  knownAs?: string[];
}

export interface DocRelation {
  /** Indexes into DocumentGraph.entities. */
  source: number;
  target: number;
  type: RelationType;
  confidence: number;
  /** Index into DocumentGraph.sentences: the evidence sentence. */
  sentence: number;
  /** Indexes into DocumentGraph.mentions of the two ends inside the evidence sentence. */
  sourceMention: number;
  targetMention: number;
  /** Optional qualifier, e.g. "former". */
  status?: string;
  /** Which rule produced the relation (for explanations and debugging). */
  rule?: string;
}

export interface DocumentGraph {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  entities: DocEntity[];
  relations: DocRelation[];
  /** Extraction never throws on messy text: it reports here instead. */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Ingest input and its linked form.

export interface DocumentMeta {
  title: string | null;
  byline: string | null;
  url: string | null;
  /** ISO 8601 date or date-time. */
  publishedAt: string | null;
  /** Where it came from (file path, feed item id); informational. */
  source: string | null;
}

export interface DocumentInput extends DocumentMeta {
  text: string;
}

/** How a document entity was joined to a stored entity (explainable linking). */
export interface LinkDecision {
  rule: 'new' | 'exact-name' | 'alias' | 'surname' | 'acronym' | string;
  /** The alias or key that matched, when one did. */
  matched: string | null;
}

export interface LinkedEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentionCount: number;
  link: LinkDecision;
}

export interface LinkedMention {
  entityId: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
}

export interface LinkedRelation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  confidence: number;
  sentence: number;
  status: string | null;
  /** Offsets (into the document text) of the two ends' mentions in the evidence sentence. */
  sourceStart: number;
  sourceEnd: number;
  targetStart: number;
  targetEnd: number;
}

/** A document's near-duplicate fingerprint (MinHash over word shingles; see src/ingest/near-duplicate.ts). */
export interface NearDuplicateInfo {
  signature: number[];
  /** LSH band keys the store indexes, so GraphStore.findNearDuplicates can find this document. */
  bandKeys: string[];
  /** Set when this document is a syndicated copy of that stored document. */
  duplicateOf: string | null;
}

export interface LinkedDocument {
  id: string;
  textHash: string;
  meta: DocumentMeta;
  text: string;
  wordCount: number;
  sentences: Sentence[];
  entities: LinkedEntity[];
  mentions: LinkedMention[];
  relations: LinkedRelation[];
  /**
   * Optional. With `duplicateOf` set, the store keeps the document (metadata, text, the link to
   * its original) but ignores its sentences, entities, mentions and relations, so a syndicated
   * copy never adds evidence. Without it, the fingerprint is indexed for later look-ups.
   */
  nearDuplicate?: NearDuplicateInfo;
}

// ---------------------------------------------------------------------------------------------
// What stores return.

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentionCount: number;
  documentCount: number;
}

export interface Relation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  confidence: number;
  evidenceCount: number;
  status: string | null;
  /** Earliest and latest publication date of the documents that support it (ISO, or null). */
  firstReported: string | null;
  lastReported: string | null;
}

export interface Document {
  id: string;
  title: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  textHash: string;
  wordCount: number;
  sentenceCount: number;
}

export interface Evidence {
  relationId: string;
  documentId: string;
  sentenceIndex: number;
  sentence: string;
  /** Offsets of the sentence in its document. */
  start: number;
  end: number;
  /** Offsets of the two ends' mentions relative to the sentence start (null when unknown). */
  sourceStart: number | null;
  sourceEnd: number | null;
  targetStart: number | null;
  targetEnd: number | null;
  confidence: number;
}

export interface SearchHit {
  entity: Entity;
  score: number;
  matched: string;
}

export interface Subgraph {
  nodes: Entity[];
  relations: Relation[];
  /** True when a limit cut the answer short. */
  truncated: boolean;
}

export interface Path {
  nodes: Entity[];
  relations: Relation[];
}

export interface Stats {
  documents: number;
  sentences: number;
  entities: number;
  relations: number;
  mentions: number;
  evidence: number;
  entitiesByType: Record<string, number>;
  relationsByType: Record<string, number>;
}

export interface Page<T> {
  totalCount: number;
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The whole-graph JSON exchange format (DESIGN.md), with extra keys that keep it lossless. */
export interface GraphExport {
  format: 'kg-graph';
  version: 1;
  entities: Array<Pick<Entity, 'id' | 'name' | 'type' | 'aliases'> & { mentionCount?: number; documentCount?: number }>;
  relations: Array<{
    id: string;
    source: string;
    target: string;
    type: RelationType;
    confidence: number;
    status?: string | null;
    evidence: Array<{
      sentence: string;
      document: string;
      index?: number;
      start?: number;
      end?: number;
      confidence?: number;
      sourceStart?: number | null;
      sourceEnd?: number | null;
      targetStart?: number | null;
      targetEnd?: number | null;
    }>;
  }>;
  documents: Array<{
    id: string;
    title: string | null;
    byline: string | null;
    url?: string | null;
    publishedAt?: string | null;
    ingestedAt?: string;
    textHash?: string;
    wordCount?: number;
    /** Present when the document is a near-duplicate (syndicated copy) of that document. */
    duplicateOf?: string;
  }>;
}
