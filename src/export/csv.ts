// CSV for `neo4j-admin database import full`: nodes.csv and relationships.csv with the header
// conventions it reads (id:ID, :LABEL, :START_ID, :END_ID, :TYPE, typed columns, string[] arrays
// split on ";"). Every value is quoted; quotes are doubled; values are one line, so the default
// import options work (no --multiline-fields needed).
import type { GraphExport } from '../model/types.js';
import { indexGraph, oneLine } from './graph-data.js';

export const NODE_HEADER = ['id:ID', ':LABEL', 'name', 'type', 'aliases:string[]', 'mentionCount:int', 'documentCount:int'];
export const RELATIONSHIP_HEADER = [
  ':START_ID',
  ':END_ID',
  ':TYPE',
  'id',
  'confidence:float',
  'evidenceCount:int',
  'status',
  'firstReported',
  'lastReported',
  'evidence',
  'sources:string[]',
];

/** neo4j-admin's default array delimiter. */
const ARRAY = ';';

const quote = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return `"${oneLine(v).replace(/"/g, '""')}"`;
};
const array = (values: string[]) => quote(values.map((v) => oneLine(v).replaceAll(ARRAY, ',')).join(ARRAY));
const row = (cells: string[]) => cells.join(',');

export function toCsv(graph: GraphExport): { 'nodes.csv': string; 'relationships.csv': string } {
  const index = indexGraph(graph);
  const nodes = [
    row(NODE_HEADER),
    ...graph.entities.map((e) =>
      row([quote(e.id), quote(`Entity${ARRAY}${e.type}`), quote(e.name), quote(e.type), array(e.aliases), quote(e.mentionCount ?? 0), quote(e.documentCount ?? 0)]),
    ),
  ];
  const relationships = [
    row(RELATIONSHIP_HEADER),
    ...graph.relations.map((r) => {
      const reported = index.reported(r);
      const urls = [...new Set(index.documentsOf(r).map((d) => d.url).filter((u): u is string => !!u))];
      return row([
        quote(r.source),
        quote(r.target),
        quote(r.type),
        quote(r.id),
        quote(r.confidence),
        quote(r.evidence.length),
        quote(r.status ?? null),
        quote(reported.first),
        quote(reported.last),
        quote(r.evidence[0]?.sentence ?? null),
        array(urls),
      ]);
    }),
  ];
  return { 'nodes.csv': nodes.join('\n') + '\n', 'relationships.csv': relationships.join('\n') + '\n' };
}
