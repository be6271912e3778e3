// What every export format starts from: the whole-graph JSON (GraphExport), optionally cut down
// by filters (entities and depth, relation types, minimum confidence), plus small derived facts
// the formats share (evidence count, dates, source URLs, publishers).
import { invalidInput, notFound } from '../model/errors.js';
import { ontology } from '../model/ontology.js';
import type { GraphExport } from '../model/types.js';

export interface ExportFilter {
  /** Keep these entities and everything within `depth` hops of them. */
  entities?: string[];
  /** Hops from `entities` (default 1). */
  depth?: number;
  relationTypes?: string[];
  minConfidence?: number;
}

export type ExportEntity = GraphExport['entities'][number];
export type ExportRelation = GraphExport['relations'][number];
export type ExportDocument = GraphExport['documents'][number];

export const MAX_EXPORT_DEPTH = 10;

const isFiltered = (f: ExportFilter) =>
  (f.entities?.length ?? 0) > 0 || (f.relationTypes?.length ?? 0) > 0 || f.minConfidence !== undefined;

/** Validates filter values before anything is read or written. */
export function checkFilter(f: ExportFilter): void {
  const op = 'export';
  if (f.depth !== undefined && (!Number.isInteger(f.depth) || f.depth < 0 || f.depth > MAX_EXPORT_DEPTH)) {
    throw invalidInput(op, `--depth must be a whole number from 0 to ${MAX_EXPORT_DEPTH}`);
  }
  if (f.minConfidence !== undefined && (!Number.isFinite(f.minConfidence) || f.minConfidence < 0 || f.minConfidence > 1)) {
    throw invalidInput(op, '--min-confidence must be a number from 0 to 1');
  }
  for (const t of f.relationTypes ?? []) if (!ontology().isRelationType(t)) throw invalidInput(op, `unknown relation type ${t}`);
}

/** The graph cut down by the filter; without a filter, the graph itself (lossless). */
export function filterGraph(graph: GraphExport, f: ExportFilter = {}): GraphExport {
  checkFilter(f);
  if (!isFiltered(f)) return graph;
  const types = f.relationTypes && f.relationTypes.length > 0 ? new Set(f.relationTypes) : null;
  const min = f.minConfidence ?? 0;
  let relations = graph.relations.filter((r) => (!types || types.has(r.type)) && r.confidence >= min);
  let entities = graph.entities;
  if (f.entities && f.entities.length > 0) {
    const known = new Set(graph.entities.map((e) => e.id));
    for (const id of f.entities) if (!known.has(id)) throw notFound('export', `no entity with id ${id}`);
    const adjacent = new Map<string, string[]>();
    for (const r of relations) {
      adjacent.set(r.source, [...(adjacent.get(r.source) ?? []), r.target]);
      adjacent.set(r.target, [...(adjacent.get(r.target) ?? []), r.source]);
    }
    const keep = new Set(f.entities);
    let frontier = [...keep];
    for (let hop = 0; hop < (f.depth ?? 1) && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const other of adjacent.get(id) ?? []) {
          if (keep.has(other)) continue;
          keep.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
    entities = graph.entities.filter((e) => keep.has(e.id));
    relations = relations.filter((r) => keep.has(r.source) && keep.has(r.target));
  }
  const cited = new Set(relations.flatMap((r) => r.evidence.map((e) => e.document)));
  const documents = graph.documents.filter((d) => cited.has(d.id) || (d.duplicateOf !== undefined && cited.has(d.duplicateOf)));
  return { ...graph, entities, relations, documents };
}

/** Shared look-ups for the formats. */
export interface GraphIndex {
  document(id: string): ExportDocument | undefined;
  /** Distinct documents supporting a relation, in evidence order. */
  documentsOf(r: ExportRelation): ExportDocument[];
  /** Earliest and latest publication date of a relation's documents. */
  reported(r: ExportRelation): { first: string | null; last: string | null };
}

export function indexGraph(graph: GraphExport): GraphIndex {
  const documents = new Map(graph.documents.map((d) => [d.id, d]));
  const documentsOf = (r: ExportRelation) =>
    [...new Set(r.evidence.map((e) => e.document))].map((id) => documents.get(id)).filter((d): d is ExportDocument => d !== undefined);
  return {
    document: (id) => documents.get(id),
    documentsOf,
    reported(r) {
      const dates = documentsOf(r)
        .map((d) => d.publishedAt)
        .filter((d): d is string => !!d)
        .sort();
      return { first: dates[0] ?? null, last: dates[dates.length - 1] ?? null };
    },
  };
}

/** The site a URL belongs to ("www.example.com" → "example.com"), or null. */
export function publisherOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** One line of text: whitespace collapsed, characters XML 1.0 cannot carry removed. */
export function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
