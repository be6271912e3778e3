// Lucene query strings for alias search: user syntax is always plain text.
import { describe, expect, it } from 'vitest';
import { escapeLucene, fuzzyQuery, prefixQuery } from '../../../src/store/neo4j/lucene.js';

describe('Lucene query building', () => {
  it.each([
    ['Ruben Vard', '+ruben +vard*'],
    ['  Vardanyan ', '+vardanyan*'],
    ['Çelik’s AND', '+celik +and*'],
    ['" OR 1=1 --', '+or +1 +1*'],
    ["'})-[r]-() DETACH DELETE r//", '+r +detach +delete +r*'],
    ['NEAR(', '+near*'],
    ['*', null],
    ['', null],
  ])('prefixQuery(%j) = %j', (input, expected) => {
    expect(prefixQuery(input)).toBe(expected);
  });

  it.each([
    ['vardanian', 'vardanian vardanian~1'],
    ['ab vardanian', 'ab vardanian vardanian~1'],
    ['~~~', null],
  ])('fuzzyQuery(%j) = %j', (input, expected) => {
    expect(fuzzyQuery(input)).toBe(expected);
  });

  it('escapes every Lucene special character and neutralises operator words', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t');
    expect(['AND', 'OR', 'NOT', 'TO'].map(escapeLucene)).toEqual(['and', 'or', 'not', 'to']);
  });
});

describe('relationship types and labels come from whitelists', () => {
  it('every ontology type is accepted and backtick-quoted; anything else is refused', async () => {
    const Q = await import('../../../src/store/neo4j/cypher.js');
    const { ontology } = await import('../../../src/model/ontology.js');
    for (const d of ontology().relationTypes) expect(Q.relationTypeName(d.name)).toBe(`\`${d.name}\``);
    for (const bad of ['LEADS]->() DETACH DELETE n//', 'leads', 'HAS_ALIAS', '']) {
      expect(() => Q.relationTypeName(bad)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    expect(Q.relationTypeAlternation(['LEADS', 'NOT_A_TYPE'])).toBe('`LEADS`');
    expect(Q.relationTypeAlternation(['NOT_A_TYPE'])).toBeNull();
    expect(Q.entityLabel('Person')).toBe('`Person`');
    expect(() => Q.entityLabel('Person:Admin')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(Q.escapeName('a`b')).toBe('`a``b`');
  });
});
