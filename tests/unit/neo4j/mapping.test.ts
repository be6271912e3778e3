// Driver records → our types, built with the driver's own classes (Integer, Node, Relationship,
// PathSegment, Path, Record), so a driver upgrade that changes them breaks here, not in production.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  allAliasesOf,
  documentFromMap,
  entityFromNode,
  evidenceFromNodes,
  pathFromDriver,
  relationFromFields,
  sentenceFromNode,
  toNumber,
  toNumberOrNull,
} from '../../../src/store/neo4j/mapping.js';

const { Node, Relationship, PathSegment, Path, Record } = neo4j.types;
const int = neo4j.int;

const entityNode = (n: number, id: string, name: string, type: string, aliases: string[]) =>
  new Node(int(n), ['Entity', type], { id, name, type, aliases, mentionCount: int(n * 10), documentCount: int(n) }, `4:db:${n}`);

const vardanyan = entityNode(1, 'p-ruben-vardanyan', 'Ruben Vardanyan', 'Person', ['Ruben Vardanyan', 'Vardanyan', 'R. Vardanyan']);
const troika = entityNode(2, 'o-troika-dialog', 'Troika Dialog', 'Organization', ['Troika Dialog']);
const moscow = entityNode(3, 'l-moscow', 'Moscow', 'Place', ['Moscow', 'Moskva']);

const relationship = (n: number, start: InstanceType<typeof Node>, end: InstanceType<typeof Node>, type: string, props: Record<string, unknown>) =>
  new Relationship(int(n), start.identity, end.identity, type, props, `5:db:${n}`, start.elementId, end.elementId);

const founded = relationship(10, vardanyan, troika, 'FOUNDED', {
  id: 'r-founded', confidence: 0.96, evidenceCount: int(2), status: 'former', firstReported: '2024-01-10', lastReported: '2024-03-01',
});
const basedIn = relationship(11, troika, moscow, 'BASED_IN', { id: 'r-based', confidence: 0.6, evidenceCount: int(1) });

describe('neo4j mapping: Integer', () => {
  it.each([
    [int(0), 0],
    [int(42), 42],
    [int(-7), -7],
    [int(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    [3.5, 3.5],
  ])('%s → %s', (value, expected) => {
    expect(toNumber(value)).toBe(expected);
  });

  it('refuses integers a JS number cannot hold, and non-numbers', () => {
    expect(() => toNumber(int('9007199254740993'))).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => toNumber('12')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });

  it('null and missing stay null', () => {
    expect(toNumberOrNull(null)).toBeNull();
    expect(toNumberOrNull(undefined)).toBeNull();
    expect(toNumberOrNull(int(5))).toBe(5);
  });
});

describe('neo4j mapping: Node and Record', () => {
  it('an Entity node read from a Record becomes an Entity: name left out of aliases, aliases sorted, counts numbers', () => {
    const record = new Record(['e'], [vardanyan]);
    expect(entityFromNode(record.get('e'))).toEqual({
      id: 'p-ruben-vardanyan',
      type: 'Person',
      name: 'Ruben Vardanyan',
      aliases: ['R. Vardanyan', 'Vardanyan'],
      mentionCount: 10,
      documentCount: 1,
    });
    expect(allAliasesOf(vardanyan)).toEqual(['R. Vardanyan', 'Ruben Vardanyan', 'Vardanyan']);
  });

  it('takes the type from the label when the property is absent, and rejects a node with neither', () => {
    const bare = new Node(int(9), ['Entity', 'Place'], { id: 'l-x', name: 'X' }, '4:db:9');
    expect(entityFromNode(bare)).toMatchObject({ type: 'Place', aliases: [], mentionCount: 0 });
    const typeless = new Node(int(8), ['Entity'], { id: 'p-y', name: 'Y' }, '4:db:8');
    expect(() => entityFromNode(typeless)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });

  it('Sentence and Evidence nodes become evidence with sentence-relative mention offsets', () => {
    const s = new Node(int(20), ['Sentence'], { key: 'd-1:2', documentId: 'd-1', index: int(2), start: int(100), end: int(148), text: 'Ruben Vardanyan founded Troika Dialog in Moscow.' }, '4:db:20');
    const ev = new Node(int(21), ['Evidence'], {
      key: 'k', relationId: 'r-founded', documentId: 'd-1', sentenceIndex: int(2), confidence: 0.8,
      sourceStart: int(100), sourceEnd: int(115), targetStart: int(124), targetEnd: int(137),
    }, '4:db:21');
    expect(sentenceFromNode(s)).toEqual({ index: 2, start: 100, end: 148, text: 'Ruben Vardanyan founded Troika Dialog in Moscow.' });
    const e = evidenceFromNodes(ev, s);
    expect(e).toMatchObject({ relationId: 'r-founded', documentId: 'd-1', sentenceIndex: 2, start: 100, end: 148, confidence: 0.8 });
    expect(e.sentence.slice(e.sourceStart!, e.sourceEnd!)).toBe('Ruben Vardanyan');
    expect(e.sentence.slice(e.targetStart!, e.targetEnd!)).toBe('Troika Dialog');
    const noOffsets = new Node(int(22), ['Evidence'], { relationId: 'r', documentId: 'd-1', confidence: 0.5 }, '4:db:22');
    expect(evidenceFromNodes(noOffsets, s)).toMatchObject({ sourceStart: null, targetEnd: null });
  });

  it('a document map projection becomes a Document', () => {
    const record = new Record(['document'], [{ id: 'd-1', textHash: 'h', title: 'T', byline: null, url: null, publishedAt: '2024-01-10', ingestedAt: '2024-02-01T00:00:00Z', wordCount: int(120), sentenceCount: int(3) }]);
    expect(documentFromMap(record.get('document'))).toEqual({
      id: 'd-1', title: 'T', byline: null, url: null, publishedAt: '2024-01-10', ingestedAt: '2024-02-01T00:00:00Z', textHash: 'h', wordCount: 120, sentenceCount: 3,
    });
  });
});

describe('neo4j mapping: Relationship and Path', () => {
  it('a Relationship with its end ids becomes a Relation', () => {
    const record = new Record(['r', 'source', 'target'], [founded, 'p-ruben-vardanyan', 'o-troika-dialog']);
    expect(relationFromFields(record.toObject() as never)).toEqual({
      id: 'r-founded', source: 'p-ruben-vardanyan', target: 'o-troika-dialog', type: 'FOUNDED', confidence: 0.96,
      evidenceCount: 2, status: 'former', firstReported: '2024-01-10', lastReported: '2024-03-01',
    });
    expect(relationFromFields({ r: basedIn, source: 'o-troika-dialog', target: 'l-moscow' })).toMatchObject({ status: null, firstReported: null });
  });

  it('a Path keeps walk order for nodes and stored direction for relations', () => {
    // Walk Moscow → Troika → Vardanyan: both relationships point against the walk.
    const path = new Path(moscow, vardanyan, [new PathSegment(moscow, basedIn, troika), new PathSegment(troika, founded, vardanyan)]);
    const mapped = pathFromDriver(new Record(['p'], [path]).get('p'));
    expect(mapped.nodes.map((n) => n.id)).toEqual(['l-moscow', 'o-troika-dialog', 'p-ruben-vardanyan']);
    expect(mapped.relations.map((r) => [r.source, r.type, r.target])).toEqual([
      ['o-troika-dialog', 'BASED_IN', 'l-moscow'],
      ['p-ruben-vardanyan', 'FOUNDED', 'o-troika-dialog'],
    ]);
    expect(mapped.relations).toHaveLength(mapped.nodes.length - 1);
  });

  it('a one-node path has no relations', () => {
    expect(pathFromDriver(new Path(moscow, moscow, []))).toEqual({ nodes: [entityFromNode(moscow)], relations: [] });
  });
});
