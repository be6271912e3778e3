// Pre-tokenised input keeps a period that its tokeniser left glued to a name; prose does not.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';

const names = (text: string): string[] => extractDocument(text).mentions.filter((m) => !m.via).map((m) => m.text);

describe('pre-tokenised text', () => {
  it.each([
    ['Cheek , 53 , is a former charge in Addis Ababa , Ethiopia.', ['Addis Ababa', 'Ethiopia.']],
    ['Cheek, 53, is a former charge in Addis Ababa, Ethiopia.', ['Addis Ababa', 'Ethiopia']],
    ['He lives in Boise.', ['Boise']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
