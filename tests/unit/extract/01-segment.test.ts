import { describe, expect, it } from 'vitest';
import { segment } from '../../../extract/stages/01-segment.js';

const table: Array<[string, string[]]> = [
  ['Pashinyan refused. Aliyev complained.', ['Pashinyan refused.', 'Aliyev complained.']],
  ['In addition, when Pres. Aliyev demanded it, Armenia agreed.', ['In addition, when Pres. Aliyev demanded it, Armenia agreed.']],
  ['President John F. Kennedy was killed in Dallas. Oswald fled.', ['President John F. Kennedy was killed in Dallas.', 'Oswald fled.']],
  ['GENERAL INFORMATION\nRuben Vardanyan, born in Yerevan, is rich.', ['GENERAL INFORMATION', 'Ruben Vardanyan, born in Yerevan, is rich.']],
  ['“The loan was granted,” Navalny said. Sberbank refused.', ['“The loan was granted,” Navalny said.', 'Sberbank refused.']],
  ['The U.S. Army left. It rained.', ['The U.S. Army left.', 'It rained.']],
  ['   \n\n  ', []],
];

describe('01-segment', () => {
  it.each(table)('%s', (text, expected) => {
    const sentences = segment(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.index)).toEqual(sentences.map((_, i) => i));
  });
});
