// Copies one store's graph into another in batches of importGraph calls (kg migrate): documents
// first, then entities, then relations with the entities they join, so every batch is valid on
// its own and a failed batch can be re-run (imports merge). What an export carries is copied:
// entities with aliases and counts, relations with evidence sentences, document metadata.
import type { GraphExport } from '../model/types.js';
import type { GraphStore, ImportResult } from './graph-store.js';

export interface CopyProgress {
  phase: 'documents' | 'entities' | 'relations';
  done: number;
  total: number;
}

export async function copyGraph(
  from: GraphStore,
  to: GraphStore,
  options: { batchSize?: number; onProgress?: (p: CopyProgress) => void } = {},
): Promise<ImportResult> {
  const size = Math.max(1, options.batchSize ?? 1000);
  const graph = await from.exportGraph();
  const total: ImportResult = { documents: 0, entities: 0, relations: 0 };
  const load = async (part: Pick<GraphExport, 'documents' | 'entities' | 'relations'>) => {
    const r = await to.importGraph({ format: 'kg-graph', version: 1, ...part });
    total.documents += r.documents;
    total.entities += r.entities;
    total.relations += r.relations;
  };
  for (let i = 0; i < graph.documents.length; i += size) {
    await load({ documents: graph.documents.slice(i, i + size), entities: [], relations: [] });
    options.onProgress?.({ phase: 'documents', done: Math.min(i + size, graph.documents.length), total: graph.documents.length });
  }
  for (let i = 0; i < graph.entities.length; i += size) {
    await load({ documents: [], entities: graph.entities.slice(i, i + size), relations: [] });
    options.onProgress?.({ phase: 'entities', done: Math.min(i + size, graph.entities.length), total: graph.entities.length });
  }
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  for (let i = 0; i < graph.relations.length; i += size) {
    const relations = graph.relations.slice(i, i + size);
    const ends = [...new Set(relations.flatMap((r) => [r.source, r.target]))].map((id) => byId.get(id)!).filter(Boolean);
    await load({ documents: [], entities: ends, relations });
    options.onProgress?.({ phase: 'relations', done: Math.min(i + size, graph.relations.length), total: graph.relations.length });
  }
  return total;
}
