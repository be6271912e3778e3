// Pre-tokenised input keeps a period that its tokeniser left glued to a name (or split off an
// abbreviation at the sentence end); prose does not.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';

const names = (text: string): string[] => extractDocument(text).mentions.filter((m) => !m.via).map((m) => m.text);

describe('pre-tokenised text', () => {
  it.each([
    ['Brandt , 61 , moved to Boise , Idaho.', ['Brandt', 'Boise', 'Idaho.']],
    ['Brandt, 61, moved to Boise, Idaho.', ['Brandt', 'Boise', 'Idaho']],
    ['He lives in Boise.', ['Boise']],
    ['The mill , she said , is in Duluth , Minn .', ['Duluth', 'Minn .']],
    ['The mill, she said, is in Duluth, Minn.', ['Duluth', 'Minn.']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
