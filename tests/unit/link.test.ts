// Cross-document linking decisions, as a table.
import { describe, expect, it } from 'vitest';
import { chooseLink } from '../../src/ingest/link.js';
import type { DocEntity } from '../../src/model/types.js';
import type { LinkCandidate } from '../../src/store/graph-store.js';

const person = (name: string, aliases: string[] = []): DocEntity => ({ name, type: 'Person', aliases: [name, ...aliases], mentions: [0] });
const stored = (id: string, name: string, aliases: string[] = [], type: LinkCandidate['type'] = 'Person'): LinkCandidate => ({ id, name, type, aliases: [name, ...aliases], mentionCount: 3 });

describe('chooseLink', () => {
  const ilham = stored('p-ilham-aliyev', 'Ilham Aliyev', ['Aliyev', 'Pres. Aliyev']);
  const heydar = stored('p-heydar-aliyev', 'Heydar Aliyev', ['Aliyev']);
  it.each<[string, DocEntity, LinkCandidate[], string | null, string]>([
    ['same full name', person('Ilham Aliyev'), [ilham], 'p-ilham-aliyev', 'exact-name'],
    ['surname alone, one candidate', person('Aliyev'), [ilham], 'p-ilham-aliyev', 'alias'],
    ['different first name', person('Heydar Aliyev', ['Aliyev']), [ilham], null, 'new'],
    ['surname shared by two people', person('Aliyev'), [ilham, heydar], null, 'new'],
    ['type must agree', person('Troika Dialog'), [stored('o-troika-dialog', 'Troika Dialog', [], 'Organization')], null, 'new'],
    ['initial of the first name', person('I. Aliyev'), [ilham], 'p-ilham-aliyev', 'initial'],
  ])('%s', (_label, entity, candidates, expectedId, rule) => {
    const { candidate, decision } = chooseLink(entity, candidates);
    expect(candidate?.id ?? null).toBe(expectedId);
    expect(decision.rule).toBe(rule);
  });
});
