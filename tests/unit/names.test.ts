import { describe, expect, it } from 'vitest';
import { entityId, normaliseName, relationId } from '../../src/model/names.js';
import { deletionKeys, editDistance, ftsPrefixQuery } from '../../src/store/search-keys.js';

describe('names and ids', () => {
  it.each([
    ['Ruben Vardanyan', 'ruben vardanyan'],
    ['Azerbaijan’s', 'azerbaijan'],
    ['Élysée', 'elysee'],
    ['  General  Directorate-of External ', 'general directorate of external'],
    ['Москва', 'москва'],
  ])('normaliseName(%s) = %s', (input, expected) => expect(normaliseName(input)).toBe(expected));

  it('entity ids are stable, readable and type-scoped', () => {
    expect(entityId('Person', 'Ruben Vardanyan')).toBe('p-ruben-vardanyan');
    expect(entityId('Person', 'RUBEN VARDANYAN')).toBe('p-ruben-vardanyan');
    expect(entityId('Organization', 'Troika Dialog')).toBe('o-troika-dialog');
    expect(entityId('Place', 'Москва')).toMatch(/^l-[0-9a-f]{10}$/);
    expect(entityId('Person', 'x'.repeat(500)).length).toBeLessThan(80);
    expect(relationId('a', 'LEADS', 'b')).toBe(relationId('a', 'LEADS', 'b'));
    expect(relationId('a', 'LEADS', 'b')).not.toBe(relationId('b', 'LEADS', 'a'));
  });
});

describe('search keys', () => {
  it.each([
    ['vardanyan', 'vardanian', 1],
    ['mossad', 'mosad', 1],
    ['dgse', 'dgse', 0],
    ['putin', 'merkel', 3],
  ])('editDistance(%s, %s) = %i', (a, b, d) => expect(editDistance(a, b, 2)).toBe(Math.min(d, 3)));

  it('one-edit words share a deletion key', () => {
    const a = new Set(deletionKeys('vardanyan'));
    expect(deletionKeys('vardanian').some((k) => a.has(k))).toBe(true);
  });

  it('FTS queries quote user text', () => {
    expect(ftsPrefixQuery('NEAR( "x" *')).toBe('"near" "x" *');
    expect(ftsPrefixQuery('***')).toBeNull();
  });
});
