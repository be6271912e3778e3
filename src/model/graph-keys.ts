// Keys of the Neo4j model's helper nodes (docs/neo4j.md), shared by the Neo4j store and the
// `kg export --format cypher` script so that both write the same graph.
export const sentenceKey = (documentId: string, index: number): string => `${documentId}:${index}`;

/** One (:Alias) node per entity and surface form. */
export const aliasUid = (entityId: string, alias: string): string => `${entityId}\u0000${alias}`;

/** One (:Evidence) node per relation and supporting sentence. */
export const evidenceKey = (relationId: string, documentId: string, sentenceIndex: number): string =>
  `${relationId}\u0000${documentId}\u0000${sentenceIndex}`;
