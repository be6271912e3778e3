import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';

/** Entities as "Name [alias|alias]" for compact table rows. */
const entitiesOf = (text: string): string[] =>
  extractDocument(text).entities.map((e) => `${e.name} [${[...e.aliases].sort().join('|')}]`);

const table: Array<[string, string[]]> = [
  ['Pres. Ilham Aliyev of Azerbaijan ignores criticism. Aliyev tries to cover up. Pres. Aliyev refused.',
    ['Ilham Aliyev [Aliyev|Ilham Aliyev]', 'Azerbaijan [Azerbaijan]']],
  ['They asked the General Directorate of External Security (DGSE) of France to help. The DGSE declined.',
    ['General Directorate of External Security [DGSE|General Directorate of External Security]', 'France [France]']],
  ['The Organized Crime and Corruption Reporting Project published it. According to the OCCRP, he paid.',
    ['Organized Crime and Corruption Reporting Project [OCCRP|Organized Crime and Corruption Reporting Project]']],
  ['Ruben Vardanyan was born in Yerevan. Vardanyan’s foundation grew. Mr. Vardanyan left.',
    ['Ruben Vardanyan [Ruben Vardanyan|Vardanyan]', 'Yerevan [Yerevan]']],
  ['He was minister of the Nagorno-Karabakh Republic. The Karabakh conflict and Nagorno-Karabakh suffered.',
    ['Nagorno-Karabakh Republic [Karabakh|Nagorno-Karabakh|Nagorno-Karabakh Republic]']],
  ['Mossad, Israel’s Institute for Intelligence and Special Operations, refused.',
    ['Institute for Intelligence and Special Operations [Institute for Intelligence and Special Operations|Mossad]', 'Israel [Israel]']],
  ['Frank Schwabe spoke. Schwab told reporters it was true.', ['Frank Schwabe [Frank Schwabe|Schwab]']],
  ['The German Bundestag voted. The Bundestag met again.', ['German Bundestag [Bundestag|German Bundestag]']],
  ['He founded Troika Dialog, an investment company, in 1991. Troika grew fast.', ['Troika Dialog [Troika|Troika Dialog]']],
  // Known weakness: a lone unknown surname with no other evidence is not proposed at all.
  ['Scholz arrived.', []],
  ['Doug Flach ( U.S. ) beat Tim Henman ( Britain ).', ['Doug Flach [Doug Flach]', 'U.S. [U.S.]', 'Tim Henman [Tim Henman]', 'Britain [Britain]']],
];

describe('05-resolve', () => {
  it.each(table)('%s', (text, expected) => {
    expect(entitiesOf(text)).toEqual(expected);
  });

  it('records known variants for cross-document linking (Karabakh = Artsakh)', () => {
    const g = extractDocument('Karabakh was lost.');
    expect(g.entities[0]!.knownAs).toEqual(['Artsakh']);
  });

  it('adds demonyms as evidence mentions of a place the document names, never as aliases', () => {
    const g = extractDocument('Azerbaijan denied it. The Azerbaijani government bribed the Council of Europe.');
    const az = g.entities.find((e) => e.name === 'Azerbaijan')!;
    expect(az.aliases).toEqual(['Azerbaijan']);
    expect(az.mentions.map((m) => g.mentions[m]!)).toMatchObject([{ text: 'Azerbaijan' }, { text: 'Azerbaijani', via: 'demonym' }]);
  });
});
