// Pure mapping from GraphQL answers to Cytoscape element definitions (same data fields as the
// server's Subgraph.cytoscape, plus dates and documents the explorer filters on).
import type { ElementDefinition } from 'cytoscape';
import type { CyElements, DocumentInfo, GraphPart } from './queries.js';

export interface NodeData { id: string; label: string; type: string; aliases: string[]; mentionCount: number; documentCount: number; degree: number }
export interface EdgeData {
  id: string; source: string; target: string; label: string; type: string; confidence: number; evidenceCount: number; status: string | null;
  firstReported: string | null; lastReported: string | null; documents: string[];
}

export interface Elements { nodes: ElementDefinition[]; edges: ElementDefinition[]; documents: DocumentInfo[] }

export function toElements(part: GraphPart): Elements {
  const documents = new Map<string, DocumentInfo>();
  const nodes = part.nodes.map((n): ElementDefinition => ({
    group: 'nodes',
    data: { id: n.id, label: n.name, type: n.type, aliases: n.aliases, mentionCount: n.mentionCount, documentCount: n.documentCount, degree: 0 } satisfies NodeData,
  }));
  const edges = part.relations.map((r): ElementDefinition => {
    const docs = [...new Set(r.evidence.map((e) => e.document.id))];
    for (const e of r.evidence) documents.set(e.document.id, e.document);
    const dates = r.evidence.map((e) => e.document.publishedAt).filter((d): d is string => !!d).sort();
    return {
      group: 'edges',
      data: {
        id: r.id, source: r.source.id, target: r.target.id, label: r.type, type: r.type, confidence: r.confidence, evidenceCount: r.evidenceCount,
        status: r.status, firstReported: r.firstReported ?? dates[0] ?? null, lastReported: r.lastReported ?? dates.at(-1) ?? null, documents: docs,
      } satisfies EdgeData,
    };
  });
  return { nodes, edges, documents: [...documents.values()] };
}

/** Server-made Cytoscape JSON (Subgraph.cytoscape) as element definitions, positions kept. */
export function fromCyJson(json: CyElements): ElementDefinition[] {
  return [
    ...json.nodes.map((n): ElementDefinition => ({ group: 'nodes', data: { ...n.data } as unknown as NodeData, ...(n.position ? { position: { ...n.position } } : {}) })),
    ...json.edges.map((e): ElementDefinition => ({ group: 'edges', data: { ...e.data } as unknown as EdgeData })),
  ];
}

/** Publication day (YYYY-MM-DD) or null. */
export const day = (iso: string | null | undefined): string | null => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null);
