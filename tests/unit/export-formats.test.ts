// Export formats, each checked with a reader: GraphML and GEXF load in graphology's parsers,
// Cytoscape JSON in headless Cytoscape.js, CSV against neo4j-admin's header rules, FtM lines
// against FollowTheMoney's schemata; filters cut the graph as asked.
import cytoscape from 'cytoscape';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { MultiDirectedGraph, MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_HEADER, RELATIONSHIP_HEADER, toCsv } from '../../src/export/csv.js';
import { toCytoscapeJson } from '../../src/export/cytoscape.js';
import { buildFtmMapping, countryCode, ftmMapping, toFtm, type FtmEntity } from '../../src/export/ftm.js';
import { toGexf } from '../../src/export/gexf.js';
import { filterGraph } from '../../src/export/graph-data.js';
import { toGraphml } from '../../src/export/graphml.js';
import { entityId } from '../../src/model/names.js';
import { ontology } from '../../src/model/ontology.js';
import type { GraphExport } from '../../src/model/types.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { exportStore } from '../helpers/export-graph.js';

const vardanyan = entityId('Person', 'Ruben Vardanyan');
const troika = entityId('Organization', 'Troika Dialog');
const att = entityId('Organization', 'AT&T "Labs" <Research>; Inc.');
const armenia = entityId('Place', 'Armenia');

let store: SqliteStore;
let graph: GraphExport;
beforeAll(async () => {
  store = await exportStore();
  graph = await store.exportGraph();
});
afterAll(async () => {
  await store.close();
});

describe('GraphML', () => {
  it('is well-formed XML and loads in graphology-graphml with every node, edge and attribute', () => {
    const xml = toGraphml(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const g = graphml.parse(MultiDirectedGraph, xml);
    expect(g.order).toBe(graph.entities.length);
    expect(g.size).toBe(graph.relations.length);
    expect(g.getNodeAttributes(att)).toMatchObject({ label: 'AT&T "Labs" <Research>; Inc.', type: 'Organization', aliases: 'AT&T; Labs' });
    for (const r of graph.relations) {
      expect(g.getEdgeAttributes(r.id)).toMatchObject({ type: r.type, confidence: r.confidence, evidenceCount: r.evidence.length });
      expect(g.source(r.id)).toBe(r.source);
    }
    const founded = graph.relations.find((r) => r.source === vardanyan && r.target === troika)!;
    expect(g.getEdgeAttributes(founded.id)).toMatchObject({ firstReported: '2024-01-10', lastReported: '2024-03-01', publishers: 'caucasus-ledger.example | wire.example.org' });
  });

  it('is well-formed for an empty graph', () => {
    const empty: GraphExport = { format: 'kg-graph', version: 1, entities: [], relations: [], documents: [] };
    expect(XMLValidator.validate(toGraphml(empty))).toBe(true);
    expect(graphml.parse(MultiDirectedGraph, toGraphml(empty)).order).toBe(0);
  });
});

describe('GEXF', () => {
  it('is well-formed XML and loads in graphology-gexf with kinds, weights and attributes', () => {
    const xml = toGexf(graph, new Date('2024-06-01T00:00:00Z'));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
    const g = gexf.parse(MultiDirectedGraph, xml);
    expect(g.order).toBe(graph.entities.length);
    expect(g.size).toBe(graph.relations.length);
    expect(g.getNodeAttributes(att)).toMatchObject({ label: 'AT&T "Labs" <Research>; Inc.', type: 'Organization', mentionCount: expect.any(Number) });
    expect(g.getNodeAttributes(vardanyan).color).toBe('rgb(66,133,244)');
    for (const r of graph.relations) {
      expect(g.getEdgeAttributes(r.id)).toMatchObject({ kind: r.type, label: r.type, weight: r.confidence, evidenceCount: r.evidence.length });
    }
  });
});

/** RFC 4180 reader, enough to check what neo4j-admin will see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\n')) {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('CSV for neo4j-admin', () => {
  const HEADER_FIELD = /^[A-Za-z]\w*(:(int|long|float|double|boolean|byte|short|char|string|date|datetime|localdatetime|point)(\[\])?)?$|^(\w*):(ID|LABEL|START_ID|END_ID|TYPE|IGNORE)$/;

  it('has the headers neo4j-admin database import reads', () => {
    const { 'nodes.csv': nodes, 'relationships.csv': rels } = toCsv(graph);
    const nodeHeader = parseCsv(nodes)[0]!;
    const relHeader = parseCsv(rels)[0]!;
    expect(nodeHeader).toEqual(NODE_HEADER);
    expect(relHeader).toEqual(RELATIONSHIP_HEADER);
    for (const f of [...nodeHeader, ...relHeader]) expect(f).toMatch(HEADER_FIELD);
    expect(nodeHeader.filter((f) => f.endsWith(':ID'))).toHaveLength(1);
    expect(relHeader.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
  });

  it('writes one quoted row per entity and relation, every reference resolvable', () => {
    const { 'nodes.csv': nodes, 'relationships.csv': rels } = toCsv(graph);
    const nodeRows = parseCsv(nodes).slice(1);
    const relRows = parseCsv(rels).slice(1);
    expect(nodeRows).toHaveLength(graph.entities.length);
    expect(relRows).toHaveLength(graph.relations.length);
    for (const r of nodeRows) expect(r).toHaveLength(NODE_HEADER.length);
    for (const r of relRows) expect(r).toHaveLength(RELATIONSHIP_HEADER.length);
    const ids = new Set(nodeRows.map((r) => r[0]));
    for (const r of relRows) expect(ids.has(r[0]) && ids.has(r[1])).toBe(true);
    const attRow = nodeRows.find((r) => r[0] === att)!;
    expect(attRow.slice(1, 5)).toEqual(['Entity;Organization', 'AT&T "Labs" <Research>; Inc.', 'Organization', 'AT&T, Labs']);
    expect(relRows.every((r) => ontology().isRelationType(r[2]!))).toBe(true);
    expect(nodes.split('\n').length).toBe(graph.entities.length + 2); // no multi-line fields
  });
});

describe('Cytoscape JSON', () => {
  it('loads in Cytoscape.js and carries Cytoscape desktop keys', () => {
    const doc = JSON.parse(toCytoscapeJson(graph));
    expect(doc).toMatchObject({ format_version: '1.0', data: { name: 'kg' } });
    const cy = cytoscape({ headless: true, elements: doc.elements });
    expect(cy.nodes().length).toBe(graph.entities.length);
    expect(cy.edges().length).toBe(graph.relations.length);
    expect(cy.getElementById(vardanyan).data()).toMatchObject({ name: 'Ruben Vardanyan', label: 'Ruben Vardanyan', type: 'Person' });
    const edge = cy.edges().first().data();
    expect(edge.interaction).toBe(edge.type);
    expect(edge.evidence.length).toBeGreaterThan(0);
  });
});

/** FollowTheMoney schemata we write and the properties each allows (from followthemoney/schema/*.yaml). */
const THING = ['name', 'alias', 'country', 'sourceUrl', 'publisher', 'address', 'addressEntity', 'summary', 'description'];
const INTERVAL = ['summary', 'description', 'date', 'startDate', 'endDate', 'sourceUrl', 'publisher', 'publisherUrl'];
const FTM: Record<string, { props: string[]; entityProps: string[] }> = {
  Person: { props: [...THING, 'nationality', 'citizenship', 'birthPlace', 'birthCountry'], entityProps: ['addressEntity'] },
  Organization: { props: THING, entityProps: ['addressEntity'] },
  Company: { props: THING, entityProps: ['addressEntity'] },
  Address: { props: ['full', 'country', 'city', 'region', ...INTERVAL], entityProps: [] },
  Directorship: { props: [...INTERVAL, 'role', 'status', 'director', 'organization'], entityProps: ['director', 'organization'] },
  Membership: { props: [...INTERVAL, 'role', 'status', 'member', 'organization'], entityProps: ['member', 'organization'] },
  Employment: { props: [...INTERVAL, 'role', 'status', 'employee', 'employer'], entityProps: ['employee', 'employer'] },
  Ownership: { props: [...INTERVAL, 'role', 'status', 'owner', 'asset'], entityProps: ['owner', 'asset'] },
  UnknownLink: { props: [...INTERVAL, 'role', 'status', 'subject', 'object'], entityProps: ['subject', 'object'] },
  Associate: { props: [...INTERVAL, 'relationship', 'person', 'associate'], entityProps: ['person', 'associate'] },
  Family: { props: [...INTERVAL, 'relationship', 'person', 'relative'], entityProps: ['person', 'relative'] },
};

describe('FollowTheMoney', () => {
  const lines = () => toFtm(graph).text.trim().split('\n').map((l) => JSON.parse(l) as FtmEntity);

  it('writes id/schema/properties lines with valid schema and property names and resolvable references', () => {
    const entities = lines();
    const ids = new Set(entities.map((e) => e.id));
    expect(ids.size).toBe(entities.length);
    for (const e of entities) {
      expect(Object.keys(e).sort()).toEqual(['id', 'properties', 'schema']);
      expect(e.id).toMatch(/^kg-[\w-]+$/);
      expect(Object.keys(FTM)).toContain(e.schema);
      for (const [prop, values] of Object.entries(e.properties)) {
        expect(FTM[e.schema]!.props, `${e.schema}.${prop}`).toContain(prop);
        expect(values.length).toBeGreaterThan(0);
        expect(values.every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
        if (FTM[e.schema]!.entityProps.includes(prop)) for (const v of values) expect(ids.has(v), `${e.id} ${prop} → ${v}`).toBe(true);
      }
    }
  });

  it('is deterministic', () => {
    expect(toFtm(graph).text).toBe(toFtm(graph).text);
  });

  it('maps entities and relation types as the mapping file says', () => {
    const byId = new Map(lines().map((e) => [e.id, e]));
    expect(byId.get(`kg-${vardanyan}`)).toMatchObject({ schema: 'Person', properties: { name: ['Ruben Vardanyan'], birthPlace: ['Armenia'], birthCountry: ['am'] } });
    expect(byId.get(`kg-${armenia}`)).toMatchObject({ schema: 'Address', properties: { full: ['Armenia'], country: ['am'] } });
    // owned by Sberbank, so a Company (only Assets can be owned in FtM)
    expect(byId.get(`kg-${troika}`)!.schema).toBe('Company');
    expect(byId.get(`kg-${att}`)!.properties.addressEntity).toEqual([`kg-${entityId('Place', 'Moscow')}`]);
    const pashinyan = byId.get(`kg-${entityId('Person', 'Nikol Pashinyan')}`)!;
    expect(pashinyan.properties.country).toEqual(['am']); // LEADS a country: the place fallback
    const links = [...byId.values()].filter((e) => !['Person', 'Organization', 'Company', 'Address'].includes(e.schema));
    const bySchema = (s: string) => links.filter((l) => l.schema === s);
    expect(bySchema('Directorship')[0]!.properties).toMatchObject({ role: ['LEADS'], director: [`kg-${entityId('Person', 'David Barnea')}`] });
    expect(bySchema('Ownership')[0]!.properties).toMatchObject({ role: ['OWNS'], asset: [`kg-${troika}`] });
    expect(bySchema('Associate')[0]!.properties).toMatchObject({ relationship: ['FRIEND_OF'] });
    const unknown = bySchema('UnknownLink').map((l) => l.properties.role![0]);
    expect(unknown.sort()).toEqual(['FOUNDED', 'MET_WITH', 'PARTNER_OF']);
    const founded = bySchema('UnknownLink').find((l) => l.properties.role![0] === 'FOUNDED')!;
    expect(founded.properties).toMatchObject({
      sourceUrl: ['https://www.caucasus-ledger.example/troika', 'https://wire.example.org/intel'],
      publisher: ['caucasus-ledger.example', 'wire.example.org'],
      date: ['2024-01-10', '2024-03-01'],
      summary: ['Ruben Vardanyan founded Troika Dialog in Moscow.'],
    });
  });

  it('counts relations it cannot express (a non-country place with no property)', () => {
    expect(toFtm(graph).skipped).toBe(1); // David Barnea ATTACKED Moscow
  });

  it('has a mapping whose relation types the ontology defines (family types excepted) and a strict loader', () => {
    const m = ftmMapping();
    for (const [type, rule] of Object.entries(m.relations)) {
      if (!ontology().isRelationType(type)) expect(rule).toMatchObject({ schema: 'Family' });
    }
    expect(() => buildFtmMapping({ ...m, relations: { LEADS: { schema: 'Nonsense', source: 'a', target: 'b', roleProperty: 'role' } } })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => buildFtmMapping({ ...m, entities: { ...m.entities, Place: 'Country' } })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(countryCode('Russia')).toBe('ru');
    expect(countryCode('Moscow')).toBeNull();
  });
});

describe('export filters', () => {
  it('--entity with --depth keeps the neighbourhood and the documents it cites', () => {
    const g0 = filterGraph(graph, { entities: [armenia], depth: 0 });
    expect(g0.entities.map((e) => e.id)).toEqual([armenia]);
    expect(g0.relations).toEqual([]);
    const g1 = filterGraph(graph, { entities: [armenia] });
    expect(g1.entities.map((e) => e.id).sort()).toEqual([armenia, vardanyan, entityId('Person', 'Nikol Pashinyan')].sort());
    expect(g1.relations.map((r) => r.type).sort()).toEqual(['BORN_IN', 'LEADS']);
    expect(g1.documents.map((d) => d.title)).toEqual(['Edge cases']);
    const g2 = filterGraph(graph, { entities: [armenia], depth: 2 });
    expect(g2.entities.length).toBeGreaterThan(g1.entities.length);
  });

  it('--relation-types and --min-confidence keep matching relations only', () => {
    const typed = filterGraph(graph, { relationTypes: ['FOUNDED', 'OWNS'] });
    expect(new Set(typed.relations.map((r) => r.type))).toEqual(new Set(['FOUNDED', 'OWNS']));
    const strong = filterGraph(graph, { minConfidence: 0.85 });
    expect(strong.relations.length).toBeGreaterThan(0);
    expect(strong.relations.every((r) => r.confidence >= 0.85)).toBe(true);
    // the syndicated copy travels with the original it duplicates
    expect(typed.documents.map((d) => d.id)).toContain('d-copy');
  });

  it('no filter returns the graph unchanged', () => {
    expect(filterGraph(graph, {})).toBe(graph);
  });

  it.each([
    [{ entities: ['p-nobody'] }, 'NOT_FOUND'],
    [{ relationTypes: ['NOT_A_TYPE'] }, 'INVALID_INPUT'],
    [{ minConfidence: 2 }, 'INVALID_INPUT'],
    [{ entities: [armenia], depth: -1 }, 'INVALID_INPUT'],
    [{ entities: [armenia], depth: 1.5 }, 'INVALID_INPUT'],
  ])('rejects %j with %s', (filter, code) => {
    expect(() => filterGraph(graph, filter)).toThrow(expect.objectContaining({ code }));
  });
});

describe('exports with hostile text', () => {
  const nasty = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\u0000\u0001', '\uD800', 'a\uDC00b', ']]>', '"; DROP', 'x\ny\r\nz', '&amp;<', ' '));
  const tiny = (names: string[], sentence: string): GraphExport => ({
    format: 'kg-graph',
    version: 1,
    entities: names.map((name, i) => ({ id: `p-${i}`, name, type: 'Person', aliases: [name, `${name}"`], mentionCount: 1, documentCount: 1 })),
    relations: names.slice(1).map((_, i) => ({
      id: `r-${i}`,
      source: 'p-0',
      target: `p-${i + 1}`,
      type: 'MET_WITH',
      confidence: 0.5,
      evidence: [{ sentence, document: 'd-1' }],
    })),
    documents: [{ id: 'd-1', title: sentence, byline: null, url: `https://x.example/a?q=${sentence}` }],
  });

  it('GraphML and GEXF stay well-formed and loadable; CSV keeps one line per row', () => {
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 1, maxLength: 5 }), nasty, (names, sentence) => {
        const g = tiny(names, sentence);
        for (const [xml, parse] of [
          [toGraphml(g), (x: string) => graphml.parse(MultiGraph, x)],
          // graphology-gexf types an edgeless graph "mixed"
          [toGexf(g), (x: string) => gexf.parse(MultiGraph, x)],
        ] as const) {
          expect(XMLValidator.validate(xml)).toBe(true);
          const parsed = parse(xml);
          expect([parsed.order, parsed.size]).toEqual([g.entities.length, g.relations.length]);
        }
        const csv = toCsv(g);
        expect(csv['nodes.csv'].split('\n')).toHaveLength(g.entities.length + 2);
        expect(parseCsv(csv['relationships.csv']).every((r) => r.length === RELATIONSHIP_HEADER.length)).toBe(true);
        for (const line of toFtm(g).text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    );
  });
});
