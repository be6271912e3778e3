// News-wire structure and name boundaries: monitoring-service source lines, military units,
// two organisations joined by "and" ([text, expected "text/Type" of every mention]).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';

const typed = (text: string): string[] => extractDocument(text).mentions.filter((m) => !m.via).map((m) => `${m.text}/${m.type}`);

const table: Array<[string, string[]]> = [
  ['Dock Strike Ends LD1203114596 London BBC World Service in English 1100 GMT 12 Mar 96', ['London/Place', 'BBC World Service/Organization']],
  ['BK0101010196 Bangkok Krungthep Radio Network in Thai 0600 GMT 1 Jan 96', ['Bangkok/Place', 'Krungthep Radio Network/Organization']],
  ['OW1502020296 Panama City KPR in Spanish 0200 GMT 15 Feb 96', ['Panama City/Place', 'KPR/Organization']],
  ['The 7th Fleet sailed from Yokosuka.', ['7th Fleet/Organization', 'Yokosuka/Place']],
  ['Troops of the 3rd Mountain Regiment crossed the river.', ['3rd Mountain Regiment/Organization']],
  ['The ships joined the U.S. 7th Fleet on Monday.', ['U.S./Place', '7th Fleet/Organization']],
  ['The Navy will send two carriers.', ['Navy/Organization']],
  ['The Internal Revenue Service and Chemical Banking Corp. settled.', ['Internal Revenue Service/Organization', 'Chemical Banking Corp./Organization']],
  ['The Ministry of Science and Higher Education Council met.', ['Ministry of Science and Higher Education Council/Organization']],
  ['Peace returned to Bosnia-Herzegovina in 1995.', ['Bosnia-Herzegovina/Place']],
  ['Ten Basque militants and an Ecuadoran minister were named.', []],
];

describe('news structure', () => {
  it.each(table)('%s', (text, expected) => {
    expect(typed(text)).toEqual(expected);
  });
});
