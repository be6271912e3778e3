// Maps a subgraph to Cytoscape.js elements JSON: the one mapping used by the viewer, the
// embed and any newsroom tool that renders our graphs itself.
import type { Entity, Relation } from '../model/types.js';

export interface CytoscapeElements {
  nodes: Array<{ data: { id: string; label: string; type: string; aliases: string[]; mentionCount: number; documentCount: number; degree: number } }>;
  edges: Array<{ data: { id: string; source: string; target: string; label: string; type: string; confidence: number; evidenceCount: number; status: string | null } }>;
}

export function toCytoscape(nodes: Entity[], relations: Relation[]): CytoscapeElements {
  const ids = new Set(nodes.map((n) => n.id));
  const edges = relations.filter((r) => ids.has(r.source) && ids.has(r.target));
  const degree = new Map<string, number>();
  for (const r of edges) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  return {
    nodes: nodes.map((n) => ({
      data: { id: n.id, label: n.name, type: n.type, aliases: n.aliases, mentionCount: n.mentionCount, documentCount: n.documentCount, degree: degree.get(n.id) ?? 0 },
    })),
    edges: edges.map((r) => ({
      data: { id: r.id, source: r.source, target: r.target, label: r.type, type: r.type, confidence: r.confidence, evidenceCount: r.evidenceCount, status: r.status },
    })),
  };
}
