// The GraphQL documents the viewer sends, and the shapes of their answers.
const NODE_FIELDS = `id name type aliases mentionCount documentCount`;
const DOC_FIELDS = `id title byline url publishedAt`;
const EDGE_FIELDS = `id type confidence evidenceCount status firstReported lastReported source { id } target { id }
  evidence(first: 20) { document { ${DOC_FIELDS} } }`;

export const SEARCH = `query Search($q: String!, $first: Int) {
  search(query: $q, first: $first) { score matched entity { id name type aliases mentionCount } }
}`;

export const ONTOLOGY = `query Ontology { ontology { entityTypes { name definition } relationTypes { name definition symmetric } } }`;

/** Entities and all relations among them (depth 0), or with `depth` hops around them. */
export const SUBGRAPH = `query Subgraph($ids: [ID!]!, $depth: Int, $limit: Int) {
  subgraph(ids: $ids, depth: $depth, limit: $limit) { truncated nodes { ${NODE_FIELDS} } relations { ${EDGE_FIELDS} } }
}`;

export const NEIGHBOUR_COUNTS = `query NeighbourCounts($id: ID!) {
  entity(id: $id) { id name neighbourCounts { total byEntityType { type count } } }
}`;

export const NEIGHBOUR_IDS = `query NeighbourIds($id: ID!, $limit: Int, $types: [EntityType!], $limitPerType: Int) {
  entity(id: $id) { neighbourhood(depth: 1, limit: $limit, types: $types, limitPerType: $limitPerType) { truncated nodes { id type } } }
}`;

export const PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: $first) { length nodes { ${NODE_FIELDS} } relations { ${EDGE_FIELDS} } }
}`;

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    ${NODE_FIELDS}
    relations(first: 200) {
      totalCount
      nodes { id type confidence evidenceCount status source { id name type } target { id name type }
        evidence(first: 5) { document { id title publishedAt } } }
    }
  }
}`;

export const RELATION = `query Relation($id: ID!) {
  relation(id: $id) {
    id type confidence evidenceCount status firstReported lastReported
    source { id name type } target { id name type }
    evidence(first: 20) {
      sentence confidence sourceStart sourceEnd targetStart targetEnd
      document { ${DOC_FIELDS} }
    }
  }
}`;

export type EntityType = string;

export interface EntitySummary { id: string; name: string; type: EntityType; aliases: string[]; mentionCount: number }
export interface EntityNode extends EntitySummary { documentCount: number }
export interface DocumentInfo { id: string; title: string | null; byline: string | null; url: string | null; publishedAt: string | null }
export interface RelationEdge {
  id: string; type: string; confidence: number; evidenceCount: number; status: string | null;
  firstReported: string | null; lastReported: string | null;
  source: { id: string }; target: { id: string };
  evidence: { document: DocumentInfo }[];
}
export interface GraphPart { nodes: EntityNode[]; relations: RelationEdge[] }

export interface SearchHit { score: number; matched: string; entity: EntitySummary }
export interface SearchResult { search: SearchHit[] }
export interface OntologyResult {
  ontology: { entityTypes: { name: string; definition: string }[]; relationTypes: { name: string; definition: string; symmetric: boolean }[] };
}
export interface SubgraphResult { subgraph: GraphPart & { truncated: boolean } }
export interface NeighbourIdsResult { entity: { neighbourhood: { truncated: boolean; nodes: { id: string; type: string }[] } } | null }
export interface NeighbourCountsResult {
  entity: { id: string; name: string; neighbourCounts: { total: number; byEntityType: { type: string; count: number }[] } } | null;
}
export interface PathsResult { paths: (GraphPart & { length: number })[] }

export interface RelationSummary {
  id: string; type: string; confidence: number; evidenceCount: number; status: string | null;
  source: { id: string; name: string; type: string }; target: { id: string; name: string; type: string };
  evidence: { document: { id: string; title: string | null; publishedAt: string | null } }[];
}
export interface EntityResult {
  entity: (EntityNode & { relations: { totalCount: number; nodes: RelationSummary[] } }) | null;
}
export interface EvidenceItem {
  sentence: string; confidence: number;
  sourceStart: number | null; sourceEnd: number | null; targetStart: number | null; targetEnd: number | null;
  document: DocumentInfo;
}
export interface RelationDetail {
  id: string; type: string; confidence: number; evidenceCount: number; status: string | null;
  firstReported: string | null; lastReported: string | null;
  source: { id: string; name: string; type: string }; target: { id: string; name: string; type: string };
  evidence: EvidenceItem[];
}
export interface RelationResult { relation: RelationDetail | null }

/** Server-made Cytoscape elements (Subgraph.cytoscape, Snapshot.cytoscape). */
export interface CyElements { nodes: { data: Record<string, unknown>; position?: { x: number; y: number } }[]; edges: { data: Record<string, unknown> }[] }
