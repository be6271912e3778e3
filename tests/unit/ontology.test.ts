import { describe, expect, it } from 'vitest';
import { buildOntology, ontology } from '../../src/model/ontology.js';

describe('ontology', () => {
  it('loads the shipped ontology with the design relation types', () => {
    const o = ontology();
    expect(o.entityTypes.map((t) => t.name)).toEqual(['Person', 'Organization', 'Place']);
    for (const t of ['LEADS', 'FOUNDED', 'PARTNER_OF', 'MET_WITH', 'BASED_IN', 'ASSOCIATED_WITH']) expect(o.isRelationType(t)).toBe(true);
    expect(o.allows('LEADS', 'Person', 'Organization')).toBe(true);
    expect(o.allows('LEADS', 'Place', 'Person')).toBe(false);
    expect(o.allows('FRIEND_OF', 'Person', 'Person')).toBe(true);
  });

  it.each([
    ['not a mapping', 'nope'],
    ['missing relation types', { entityTypes: { Person: { definition: 'x' }, Organization: { definition: 'x' }, Place: { definition: 'x' } } }],
    ['unknown entity type', { entityTypes: { Person: { definition: 'x' }, Organization: { definition: 'x' }, Place: { definition: 'x' } }, relationTypes: { ASSOCIATED_WITH: { definition: 'x', source: ['Robot'], target: ['Person'] } } }],
    ['lower-case relation name', { entityTypes: { Person: { definition: 'x' }, Organization: { definition: 'x' }, Place: { definition: 'x' } }, relationTypes: { leads: { definition: 'x', source: ['Person'], target: ['Person'] } } }],
  ])('rejects a broken ontology: %s', (_name, doc) => {
    expect(() => buildOntology(doc)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
