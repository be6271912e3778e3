// The GraphQL documents the viewer sends.
export const SEARCH = `query Search($q: String!) {
  search(query: $q, first: 8) { score matched entity { id name type aliases mentionCount } }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) { truncated cytoscape }
}`;

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    id name type aliases mentionCount documentCount
    relations(first: 200) {
      totalCount
      nodes { id type confidence evidenceCount source { id name type } target { id name type } }
    }
  }
}`;

export const RELATION = `query Relation($id: ID!) {
  relation(id: $id) {
    id type confidence evidenceCount status
    source { id name type } target { id name type }
    evidence(first: 20) {
      sentence confidence sourceStart sourceEnd targetStart targetEnd
      document { id title byline url publishedAt }
    }
  }
}`;

export interface EntitySummary { id: string; name: string; type: string; aliases: string[]; mentionCount: number }
export interface SearchResult { search: { score: number; matched: string; entity: EntitySummary }[] }
export interface CyElements { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] }
export interface NeighbourhoodResult { neighbourhood: { truncated: boolean; cytoscape: CyElements } }
export interface RelationSummary { id: string; type: string; confidence: number; evidenceCount: number; source: EntitySummary; target: EntitySummary }
export interface EntityResult {
  entity: (EntitySummary & { documentCount: number; relations: { totalCount: number; nodes: RelationSummary[] } }) | null;
}
export interface EvidenceItem {
  sentence: string; confidence: number;
  sourceStart: number | null; sourceEnd: number | null; targetStart: number | null; targetEnd: number | null;
  document: { id: string; title: string | null; byline: string | null; url: string | null; publishedAt: string | null };
}
export interface RelationResult {
  relation: (RelationSummary & { status: string | null; evidence: EvidenceItem[] }) | null;
}
