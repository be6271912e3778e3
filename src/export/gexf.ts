// GEXF 1.3 (Gephi): entities as nodes coloured by type, relations as directed edges whose kind
// is the relation type (Gephi keeps parallel edges of different kinds) and weight the confidence.
import type { GraphExport } from '../model/types.js';
import { indexGraph, oneLine, publisherOf } from './graph-data.js';
import { LIST_SEPARATOR } from './graphml.js';
import { ATTR, buildXml } from './xml.js';

const COLOURS: Record<string, [number, number, number]> = {
  Person: [66, 133, 244],
  Organization: [240, 140, 40],
  Place: [52, 168, 83],
};

const NODE_ATTRIBUTES: Array<[string, string]> = [
  ['type', 'string'],
  ['aliases', 'string'],
  ['mentionCount', 'integer'],
  ['documentCount', 'integer'],
];
const EDGE_ATTRIBUTES: Array<[string, string]> = [
  ['type', 'string'],
  ['confidence', 'double'],
  ['evidenceCount', 'integer'],
  ['status', 'string'],
  ['firstReported', 'string'],
  ['lastReported', 'string'],
  ['evidence', 'string'],
  ['sources', 'string'],
  ['publishers', 'string'],
];

const declare = (cls: 'node' | 'edge', list: Array<[string, string]>) => ({
  [`${ATTR}class`]: cls,
  attribute: list.map(([id, type]) => ({ [`${ATTR}id`]: id, [`${ATTR}title`]: id, [`${ATTR}type`]: type })),
});

const attvalues = (values: Record<string, string | number | null | undefined>) => ({
  attvalue: Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([id, v]) => ({ [`${ATTR}for`]: id, [`${ATTR}value`]: typeof v === 'string' ? oneLine(v) : String(v) })),
});

export function toGexf(graph: GraphExport, now: Date = new Date()): string {
  const index = indexGraph(graph);
  const nodes = graph.entities.map((e) => {
    const [r, g, b] = COLOURS[e.type] ?? [128, 128, 128];
    return {
      [`${ATTR}id`]: e.id,
      [`${ATTR}label`]: oneLine(e.name),
      attvalues: attvalues({ type: e.type, aliases: e.aliases.map(oneLine).join(LIST_SEPARATOR), mentionCount: e.mentionCount ?? 0, documentCount: e.documentCount ?? 0 }),
      'viz:color': { [`${ATTR}r`]: r, [`${ATTR}g`]: g, [`${ATTR}b`]: b },
      'viz:size': { [`${ATTR}value`]: Math.max(1, Math.round(Math.sqrt(e.mentionCount ?? 1) * 4)) },
    };
  });
  const edges = graph.relations.map((rel) => {
    const reported = index.reported(rel);
    const urls = index
      .documentsOf(rel)
      .map((d) => d.url)
      .filter((u): u is string => !!u);
    return {
      [`${ATTR}id`]: rel.id,
      [`${ATTR}source`]: rel.source,
      [`${ATTR}target`]: rel.target,
      [`${ATTR}label`]: rel.type,
      [`${ATTR}kind`]: rel.type,
      [`${ATTR}weight`]: rel.confidence,
      attvalues: attvalues({
        type: rel.type,
        confidence: rel.confidence,
        evidenceCount: rel.evidence.length,
        status: rel.status,
        firstReported: reported.first,
        lastReported: reported.last,
        evidence: rel.evidence[0]?.sentence,
        sources: urls.join(' '),
        publishers: [...new Set(urls.map(publisherOf).filter(Boolean))].join(LIST_SEPARATOR),
      }),
    };
  });
  return buildXml({
    gexf: {
      [`${ATTR}xmlns`]: 'http://gexf.net/1.3',
      [`${ATTR}xmlns:viz`]: 'http://gexf.net/1.3/viz',
      [`${ATTR}xmlns:xsi`]: 'http://www.w3.org/2001/XMLSchema-instance',
      [`${ATTR}xsi:schemaLocation`]: 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
      [`${ATTR}version`]: '1.3',
      meta: { [`${ATTR}lastmodifieddate`]: now.toISOString().slice(0, 10), creator: 'newsgraph-kg', description: 'People, places and organisations from news text' },
      graph: {
        [`${ATTR}defaultedgetype`]: 'directed',
        [`${ATTR}mode`]: 'static',
        attributes: [declare('node', NODE_ATTRIBUTES), declare('edge', EDGE_ATTRIBUTES)],
        nodes: { node: nodes },
        edges: { edge: edges },
      },
    },
  });
}
