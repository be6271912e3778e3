// The viewer's pure pieces, as tables: URL state round trip, evidence highlighting, per-type
// picking for hub expansion, and filters applied to a headless Cytoscape graph.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { highlight } from '../../viz/evidence.js';
import { pick } from '../../viz/expand.js';
import { applyFilters, timelineDays } from '../../viz/filters.js';
import { seeded, seedFor } from '../../viz/layout.js';
import { defaultFilters, type Filters } from '../../viz/state.js';
import { readUrl, writeUrl } from '../../viz/url-state.js';

describe('url state', () => {
  const views = [
    { ids: [], selected: null, filters: defaultFilters(), path: null },
    { ids: ['p-a', 'o-b'], selected: 'r-123', filters: defaultFilters(), path: null },
    {
      ids: ['p-a'],
      selected: 'p-a',
      filters: { hiddenEntityTypes: ['Place'], hiddenRelationTypes: ['MET_WITH', 'OWNS'], coOccurrence: false, minConfidence: 0.35, document: 'd-1', until: '2024-03-01' },
      path: { from: 'p-a', to: 'o-b' },
    },
  ];
  it.each(views)('round-trips %#', (view) => {
    const back = readUrl(writeUrl(view));
    expect({ ids: back.ids, selected: back.selected, filters: back.filters, path: back.path }).toEqual(view);
  });
  it.each([
    ['?minConf=7', 0],
    ['?minConf=-1', 0],
    ['?minConf=abc', 0],
    ['?minConf=0.5', 0.5],
  ])('rejects a bad minimum confidence: %s', (q, expected) => expect(readUrl(q).filters.minConfidence).toBe(expected));
  it('ignores a malformed date and caps the number of ids', () => {
    expect(readUrl('?until=yesterday').filters.until).toBeNull();
    expect(readUrl(`?ids=${Array.from({ length: 600 }, (_, i) => `p-${i}`).join(',')}`).ids).toHaveLength(500);
  });
  it('keeps the simple deep link', () => expect(readUrl('?entity=p-a').entity).toBe('p-a'));
});

describe('highlight', () => {
  it.each([
    ['Ruben Vardanyan founded Troika Dialog.', [[0, 15], [24, 37]], '<mark>Ruben Vardanyan</mark> founded <mark>Troika Dialog</mark>.'],
    ['B met A.', [[6, 7], [0, 1]], '<mark>B</mark> met <mark>A</mark>.'],
    ['No offsets <here>.', [[null, null], [null, 3]], 'No offsets &lt;here&gt;.'],
    ['Out of range.', [[5, 99], [-1, 2]], 'Out of range.'],
    ['Overlap here.', [[0, 7], [3, 9]], '<mark>Overlap</mark> here.'],
  ] as [string, [number | null, number | null][], string][])('%s', (sentence, spans, html) => expect(highlight(sentence, spans)).toBe(html));
});

describe('pick (hub expansion)', () => {
  const nodes = ['P1', 'L1', 'P2', 'P3', 'O1', 'L2'].map((id) => ({ id, type: { P: 'Person', L: 'Place', O: 'Organization' }[id[0]!]! }));
  it.each([
    [{ types: ['Person', 'Place', 'Organization'], perType: 1 }, ['P1', 'L1', 'O1']],
    [{ types: ['Person'], perType: 2 }, ['P1', 'P2']],
    [{ types: ['Place', 'Organization'], perType: 5 }, ['L1', 'O1', 'L2']],
    [{ types: [], perType: 5 }, []],
  ])('%j', (plan, ids) => expect(pick(nodes, plan).map((n) => n.id)).toEqual(ids));
});

describe('filters on a headless graph', () => {
  const graph = () =>
    cytoscape({
      headless: true,
      elements: [
        { data: { id: 'a', type: 'Person' } },
        { data: { id: 'b', type: 'Organization' } },
        { data: { id: 'c', type: 'Place' } },
        { data: { id: 'ab', source: 'a', target: 'b', type: 'FOUNDED', confidence: 0.9, documents: ['d1'], firstReported: '2024-01-10' } },
        { data: { id: 'bc', source: 'b', target: 'c', type: 'BASED_IN', confidence: 0.5, documents: ['d2'], firstReported: '2024-03-01' } },
        { data: { id: 'ac', source: 'a', target: 'c', type: 'ASSOCIATED_WITH', confidence: 0.2, documents: ['d2'], firstReported: null } },
      ],
    });
  const visible = (f: Partial<Filters>, keep: string[] = []) => {
    const cy = graph();
    applyFilters(cy, { ...defaultFilters(), ...f }, new Set(keep));
    return cy.elements().not('.filtered').map((e) => e.id()).sort();
  };
  it.each([
    [{}, [], ['a', 'ab', 'ac', 'b', 'bc', 'c']],
    [{ hiddenEntityTypes: ['Place'] }, [], ['a', 'ab', 'b']],
    [{ hiddenEntityTypes: ['Place'] }, ['c'], ['a', 'ab', 'ac', 'b', 'bc', 'c']],
    [{ hiddenRelationTypes: ['FOUNDED'] }, [], ['a', 'ac', 'b', 'bc', 'c']],
    [{ coOccurrence: false }, [], ['a', 'ab', 'b', 'bc', 'c']],
    [{ minConfidence: 0.6 }, [], ['a', 'ab', 'b']],
    [{ document: 'd2' }, [], ['a', 'ac', 'b', 'bc', 'c']],
    [{ until: '2024-02-01' }, [], ['a', 'ab', 'ac', 'b', 'c']],
    [{ minConfidence: 0.95 }, ['a'], ['a']],
  ] as [Partial<Filters>, string[], string[]][])('%j keep %j', (f, keep, ids) => expect(visible(f, keep)).toEqual(ids));
  it('clears what it hid once the filter is off', () => {
    const cy = graph();
    applyFilters(cy, { ...defaultFilters(), minConfidence: 0.6 });
    const counts = applyFilters(cy, defaultFilters());
    expect(cy.elements('.filtered').length).toBe(0);
    expect(counts).toEqual({ visibleEdges: 3, totalEdges: 3 });
  });
  it('lists distinct publication days, oldest first, skipping undated documents', () => {
    const doc = (id: string, publishedAt: string | null) => ({ id, title: null, byline: null, url: null, publishedAt });
    expect(timelineDays([doc('1', '2024-03-01T10:00:00Z'), doc('2', null), doc('3', '2024-01-10'), doc('4', '2024-03-01')])).toEqual(['2024-01-10', '2024-03-01']);
  });
});

describe('seeded layouts', () => {
  it('give the same random sequence for the same ids, in any order, and restore Math.random', () => {
    const original = Math.random;
    const draw = (ids: string[]) => seeded(seedFor(ids), () => [Math.random(), Math.random()]);
    expect(draw(['a', 'b'])).toEqual(draw(['b', 'a']));
    expect(draw(['a', 'b'])).not.toEqual(draw(['a', 'c']));
    expect(Math.random).toBe(original);
  });
});
