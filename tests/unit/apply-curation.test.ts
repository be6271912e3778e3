// applyCuration: stored curation decisions re-applied to a freshly linked document.
import { describe, expect, it } from 'vitest';
import { applyCuration } from '../../src/ingest/apply-curation.js';
import type { LinkResult } from '../../src/ingest/link.js';
import { relationId } from '../../src/model/names.js';
import type { CurationRules } from '../../src/store/graph-store.js';

const none: CurationRules = { redirects: {}, rejected: [], names: {}, types: {}, removedAliases: {} };
const key = (s: string, t: string, o: string) => `${s}\u0000${t}\u0000${o}`;

function linked(): LinkResult {
  const entity = (id: string, name: string, aliases: string[] = [name]) => ({ id, name, type: 'Person' as const, aliases, mentionCount: 1, link: { rule: 'new', matched: null } });
  const rel = (source: string, type: string, target: string, sentence: number, confidence: number) => ({
    id: relationId(source, type, target),
    source,
    target,
    type,
    confidence,
    sentence,
    status: null,
    sourceStart: 0,
    sourceEnd: 1,
    targetStart: 5,
    targetEnd: 6,
  });
  return {
    entities: [entity('p-a', 'Anna', ['Anna', 'Annie']), entity('p-b', 'Bob'), entity('p-c', 'Cleo')],
    mentions: [
      { entityId: 'p-a', sentence: 0, start: 0, end: 4, text: 'Anna' },
      { entityId: 'p-b', sentence: 0, start: 9, end: 12, text: 'Bob' },
    ],
    relations: [rel('p-a', 'MET_WITH', 'p-b', 0, 0.6), rel('p-b', 'FRIEND_OF', 'p-c', 1, 0.7), rel('p-a', 'BRIBED', 'p-c', 1, 0.5)],
  };
}

describe('applyCuration', () => {
  it('changes nothing without rules', () => {
    expect(applyCuration(linked(), none)).toEqual(linked());
  });

  it('redirects merged ids in entities, mentions and relations, folding duplicates and dropping self-loops', () => {
    const out = applyCuration(linked(), { ...none, redirects: { 'p-b': 'p-a' } });
    expect(out.entities.map((e) => e.id)).toEqual(['p-a', 'p-c']);
    expect(out.entities[0]).toMatchObject({ mentionCount: 2, aliases: ['Anna', 'Annie', 'Bob'] });
    expect(out.mentions.map((m) => m.entityId)).toEqual(['p-a', 'p-a']);
    // MET_WITH a–b became a self-loop; FRIEND_OF b–c is now a–c and re-keyed.
    expect(out.relations.map((r) => [r.source, r.type, r.target])).toEqual([
      ['p-a', 'FRIEND_OF', 'p-c'],
      ['p-a', 'BRIBED', 'p-c'],
    ]);
    expect(out.relations[0]!.id).toBe(relationId('p-a', 'FRIEND_OF', 'p-c'));
  });

  it('keeps symmetric relations in id order after a redirect, swapping mention offsets', () => {
    const out = applyCuration(linked(), { ...none, redirects: { 'p-b': 'p-z' } });
    const met = out.relations.find((r) => r.type === 'MET_WITH')!;
    expect([met.source, met.target]).toEqual(['p-a', 'p-z']);
    const friend = out.relations.find((r) => r.type === 'FRIEND_OF')!;
    expect([friend.source, friend.target, friend.sourceStart, friend.targetStart]).toEqual(['p-c', 'p-z', 5, 0]);
  });

  it('never re-creates rejected relations, also after redirects', () => {
    const out = applyCuration(linked(), { ...none, rejected: [key('p-a', 'BRIBED', 'p-c')] });
    expect(out.relations.map((r) => r.type)).toEqual(['MET_WITH', 'FRIEND_OF']);
    const merged = applyCuration(linked(), { ...none, redirects: { 'p-b': 'p-a' }, rejected: [key('p-a', 'FRIEND_OF', 'p-c')] });
    expect(merged.relations.map((r) => r.type)).toEqual(['BRIBED']);
  });

  it('applies curated names and types and keeps removed aliases out', () => {
    const out = applyCuration(linked(), { ...none, names: { 'p-a': 'Anna Karenina' }, types: { 'p-c': 'Organization' }, removedAliases: { 'p-a': ['Annie'] } });
    expect(out.entities[0]).toMatchObject({ name: 'Anna Karenina', aliases: ['Anna'] });
    expect(out.entities[2]!.type).toBe('Organization');
  });
});
