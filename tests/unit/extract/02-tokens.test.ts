import { describe, expect, it } from 'vitest';
import { segment } from '../../../extract/stages/01-segment.js';
import { tokenize } from '../../../extract/stages/02-tokens.js';

const tokensOf = (text: string) => tokenize(text, segment(text));

describe('02-tokens', () => {
  const table: Array<[string, string[]]> = [
    ['Azerbaijan’s military crossed', ['Azerbaijan', '’s', 'military', 'crossed']],
    ['Pres. Aliyev met Dr. Smith', ['Pres.', 'Aliyev', 'met', 'Dr.', 'Smith']],
    ['the Moscow-based fund', ['the', 'Moscow', '-', 'based', 'fund']],
    ['the Azerbaijan-France confrontation', ['the', 'Azerbaijan', '-', 'France', 'confrontation']],
    ['Nagorno-Karabakh and U.S. troops', ['Nagorno-Karabakh', 'and', 'U.S.', 'troops']],
    ['England \'s captain', ['England', '\'s', 'captain']],
  ];
  it.each(table)('%s', (text, expected) => {
    const tokens = tokensOf(text);
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('restores case on ALL-CAPS lines: names stay capitalised, common words do not', () => {
    const tokens = tokensOf('VARDANYAN’S INVOLVEMENT IN AGGRESSION AGAINST UKRAINE');
    const cap = Object.fromEntries(tokens.map((t) => [t.text, t.cap]));
    expect(cap).toMatchObject({ VARDANYAN: true, INVOLVEMENT: false, IN: false, AGGRESSION: false, AGAINST: false, UKRAINE: true });
  });

  it('keeps known multi-word names in ALL-CAPS lines', () => {
    const tokens = tokensOf('NEW YORK 1996-08-22');
    expect(tokens.filter((t) => t.cap).map((t) => t.text)).toEqual(['NEW', 'YORK']);
  });

  it('treats Title Case headlines like ALL-CAPS lines', () => {
    const tokens = tokensOf('Pashinyan is a Greater Threat to Armenia’s Security');
    expect(tokens.find((t) => t.text === 'Greater')!.cap).toBe(false);
    expect(tokens.find((t) => t.text === 'Pashinyan')!.cap).toBe(true);
  });
});
