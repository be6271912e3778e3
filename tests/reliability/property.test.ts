// Property-based tests (fast-check) of the extraction pipeline: on any text it never throws, is
// deterministic, keeps offsets valid, and every relation joins entities of its own document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../extract/index.js';
import { graphProblems } from './graph-checks.js';

// Words that make the pipeline do real work: names, titles, cue verbs, acronyms, scripts.
const WORDS = [
  'Ruben', 'Vardanyan', 'Vladimir', 'Putin', 'Ilham', 'Aliyev', 'Pres.', 'Mr.', 'Dr.', 'General', 'Directorate',
  'of', 'External', 'Security', '(DGSE)', 'DGSE', 'Mossad', 'Troika', 'Dialog', 'Sberbank', 'Moscow', 'Baku', 'Berlin',
  'founded', 'leads', 'met', 'with', 'arrested', 'sanctioned', 'the', 'and', 'in', 'said', 'former', 'CEO', 'of',
  'Рубен', 'Варданян', 'Москва', 'İlham', 'Əliyev', 'بوتين', 'Ռուբեն', '👩‍👩‍👧', 'e\u0301', '\u0000', '\uD800',
  '.', ',', ';', '?', '!', '"', '«', '»', '(', ')', '-', '—', "'s", '’s', '\n', '\n\n', ' ',
];

const newsLike = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 60 })
  .map((parts) => parts.join(' '));

const anyText = fc.oneof(newsLike, fc.string({ maxLength: 80, unit: 'grapheme' }), fc.string({ maxLength: 80, unit: 'binary' }));

const RUNS = { numRuns: 100 } as const;

describe('extractDocument properties', () => {
  it('never throws and keeps every offset and index valid', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const g = extractDocument(text);
        expect(graphProblems(g)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same text gives the same graph', () => {
    fc.assert(
      fc.property(newsLike, (text) => {
        expect(extractDocument(text)).toEqual(extractDocument(text));
      }),
      RUNS,
    );
  });

  it('does not depend on what was extracted before (no state leaks between calls)', () => {
    fc.assert(
      fc.property(newsLike, newsLike, (a, b) => {
        const alone = extractDocument(b);
        extractDocument(a);
        expect(extractDocument(b)).toEqual(alone);
      }),
      { numRuns: 50 },
    );
  });

  it('every relation joins two different entities of its own graph, with mentions in its evidence sentence', () => {
    fc.assert(
      fc.property(newsLike, (text) => {
        const g = extractDocument(text);
        for (const r of g.relations) {
          expect(r.source).not.toBe(r.target);
          expect(g.entities[r.source]).toBeDefined();
          expect(g.entities[r.target]).toBeDefined();
          expect(g.mentions[r.sourceMention]!.sentence).toBe(r.sentence);
          expect(g.mentions[r.targetMention]!.sentence).toBe(r.sentence);
        }
      }),
      RUNS,
    );
  });
});
