// Cytoscape JSON (.cyjs): loads in Cytoscape desktop (File → Import → Network from File) and is
// also plain Cytoscape.js elements JSON. Desktop reads `name` as the node label and
// `interaction` as the edge type; Cytoscape.js styles read `label` and `type`.
import type { GraphExport } from '../model/types.js';
import { indexGraph, publisherOf } from './graph-data.js';

export function toCytoscapeJson(graph: GraphExport): string {
  const index = indexGraph(graph);
  const degree = new Map<string, number>();
  for (const r of graph.relations) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const names = new Map(graph.entities.map((e) => [e.id, e.name]));
  const doc = {
    format_version: '1.0',
    generated_by: 'newsgraph-kg',
    target_cytoscapejs_version: '~3.0',
    data: { name: 'kg', shared_name: 'kg' },
    elements: {
      nodes: graph.entities.map((e) => ({
        data: {
          id: e.id,
          name: e.name,
          shared_name: e.name,
          label: e.name,
          type: e.type,
          aliases: e.aliases,
          mentionCount: e.mentionCount ?? 0,
          documentCount: e.documentCount ?? 0,
          degree: degree.get(e.id) ?? 0,
        },
      })),
      edges: graph.relations.map((r) => {
        const reported = index.reported(r);
        const urls = [...new Set(index.documentsOf(r).map((d) => d.url).filter((u): u is string => !!u))];
        const name = `${names.get(r.source) ?? r.source} (${r.type}) ${names.get(r.target) ?? r.target}`;
        return {
          data: {
            id: r.id,
            source: r.source,
            target: r.target,
            name,
            shared_name: name,
            interaction: r.type,
            shared_interaction: r.type,
            label: r.type,
            type: r.type,
            confidence: r.confidence,
            evidenceCount: r.evidence.length,
            status: r.status ?? null,
            firstReported: reported.first,
            lastReported: reported.last,
            evidence: r.evidence.slice(0, 3).map((e) => e.sentence),
            sources: urls,
            publishers: [...new Set(urls.map(publisherOf).filter((p): p is string => !!p))],
          },
        };
      }),
    },
  };
  return JSON.stringify(doc, null, 1) + '\n';
}
