// The export formats `kg export --format F` offers, by name. Each renders a (filtered) graph to
// one text, or to several named files written into a folder (csv).
import type { GraphExport } from '../model/types.js';
import { toCsv } from './csv.js';
import { toCypherScript } from './cypher.js';
import { toCytoscapeJson } from './cytoscape.js';
import { toFtm } from './ftm.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';

export interface Rendered {
  /** Single-file formats: the text. */
  text?: string;
  /** Multi-file formats: file name → content; needs an output folder. */
  files?: Record<string, string>;
  /** Notes for the user (stderr), e.g. what a format could not express. */
  notes: string[];
}

export interface ExportFormat {
  description: string;
  render(graph: GraphExport): Rendered;
}

export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  json: {
    description: 'whole-graph JSON; `kg import` reads it back losslessly',
    render: (g) => ({ text: JSON.stringify(g) + '\n', notes: [] }),
  },
  graphml: { description: 'GraphML for yEd, Gephi, NetworkX', render: (g) => ({ text: toGraphml(g), notes: [] }) },
  gexf: { description: 'GEXF 1.3 for Gephi', render: (g) => ({ text: toGexf(g), notes: [] }) },
  csv: {
    description: 'nodes.csv + relationships.csv for neo4j-admin database import (needs --out DIR)',
    render: (g) => ({ files: toCsv(g), notes: [] }),
  },
  cypher: { description: 'a cypher-shell script that loads the graph into Neo4j 5 (docs/neo4j.md)', render: (g) => ({ text: toCypherScript(g), notes: [] }) },
  cytoscape: { description: 'Cytoscape JSON (.cyjs) for Cytoscape desktop and Cytoscape.js', render: (g) => ({ text: toCytoscapeJson(g), notes: [] }) },
  ftm: {
    description: 'FollowTheMoney entities as JSON lines for Aleph / OpenAleph',
    render: (g) => {
      const { text, skipped } = toFtm(g);
      return { text, notes: skipped > 0 ? [`ftm: ${skipped} relation(s) to places that are not countries have no FtM form and were left out`] : [] };
    },
  },
};
