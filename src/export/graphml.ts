// GraphML (yEd, Gephi, NetworkX, igraph): entities as nodes, relations as directed edges, with
// entity type, aliases, relation type, confidence, evidence count and sources as typed data keys.
import type { GraphExport } from '../model/types.js';
import { indexGraph, oneLine, publisherOf } from './graph-data.js';
import { ATTR, buildXml } from './xml.js';

type KeyType = 'string' | 'int' | 'double';

const NODE_KEYS: Array<[string, string, KeyType]> = [
  ['n_label', 'label', 'string'],
  ['n_type', 'type', 'string'],
  ['n_aliases', 'aliases', 'string'],
  ['n_mentions', 'mentionCount', 'int'],
  ['n_documents', 'documentCount', 'int'],
];
const EDGE_KEYS: Array<[string, string, KeyType]> = [
  ['e_label', 'label', 'string'],
  ['e_type', 'type', 'string'],
  ['e_confidence', 'confidence', 'double'],
  ['e_evidence', 'evidenceCount', 'int'],
  ['e_status', 'status', 'string'],
  ['e_first', 'firstReported', 'string'],
  ['e_last', 'lastReported', 'string'],
  ['e_sentence', 'evidence', 'string'],
  ['e_sources', 'sources', 'string'],
  ['e_publishers', 'publishers', 'string'],
];

const data = (values: Record<string, string | number | null | undefined>) =>
  Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([key, v]) => ({ [`${ATTR}key`]: key, '#text': typeof v === 'string' ? oneLine(v) : String(v) }));

/** Aliases joined with " | " (GraphML has no list type). */
export const LIST_SEPARATOR = ' | ';

export function toGraphml(graph: GraphExport): string {
  const index = indexGraph(graph);
  const key = (forWhat: 'node' | 'edge') => ([id, name, type]: [string, string, KeyType]) => ({
    [`${ATTR}id`]: id,
    [`${ATTR}for`]: forWhat,
    [`${ATTR}attr.name`]: name,
    [`${ATTR}attr.type`]: type,
  });
  const nodes = graph.entities.map((e) => ({
    [`${ATTR}id`]: e.id,
    data: data({
      n_label: e.name,
      n_type: e.type,
      n_aliases: e.aliases.map(oneLine).join(LIST_SEPARATOR),
      n_mentions: e.mentionCount ?? 0,
      n_documents: e.documentCount ?? 0,
    }),
  }));
  const edges = graph.relations.map((r) => {
    const docs = index.documentsOf(r);
    const reported = index.reported(r);
    const urls = docs.map((d) => d.url).filter((u): u is string => !!u);
    return {
      [`${ATTR}id`]: r.id,
      [`${ATTR}source`]: r.source,
      [`${ATTR}target`]: r.target,
      data: data({
        e_label: r.type,
        e_type: r.type,
        e_confidence: r.confidence,
        e_evidence: r.evidence.length,
        e_status: r.status,
        e_first: reported.first,
        e_last: reported.last,
        e_sentence: r.evidence[0]?.sentence,
        e_sources: urls.join(' '),
        e_publishers: [...new Set(urls.map(publisherOf).filter(Boolean))].join(LIST_SEPARATOR),
      }),
    };
  });
  return buildXml({
    graphml: {
      [`${ATTR}xmlns`]: 'http://graphml.graphdrawing.org/xmlns',
      [`${ATTR}xmlns:xsi`]: 'http://www.w3.org/2001/XMLSchema-instance',
      [`${ATTR}xsi:schemaLocation`]: 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: [...NODE_KEYS.map(key('node')), ...EDGE_KEYS.map(key('edge'))],
      graph: { [`${ATTR}id`]: 'kg', [`${ATTR}edgedefault`]: 'directed', node: nodes, edge: edges },
    },
  });
}
