// Property tests: on any text the pipeline never throws, is deterministic, keeps exact offsets,
// and relates only its own entities, with types the ontology allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';
import { ontology } from '../../../src/model/ontology.js';

const words = ['Pres.', 'Aliyev', 'Ruben', 'Vardanyan', 'of', 'the', 'Council', 'Europe', '(DGSE)', 'DGSE', 'said', 'met', 'with', 'in', 'Baku', ',', '.',
  'Azerbaijan’s', 'led', 'by', 'General', 'and', 'NEW', 'YORK', '“', '”', 'Foundation', 'Moscow-based', '\n', 'Mr.', 'founded', 'not', 'Karabakh'];
const newsLike = fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((ws) => ws.join(' '));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 120 }), newsLike);

describe('extractDocument properties', () => {
  it('never throws, reports no internal failure, and is deterministic', () => {
    fc.assert(fc.property(anyText, (text) => {
      const a = extractDocument(text);
      expect(a.warnings.filter((w) => /failed/.test(w))).toEqual([]);
      expect(extractDocument(text)).toEqual(a);
    }), { numRuns: 200 });
  });

  it('keeps exact offsets and consistent indexes', () => {
    fc.assert(fc.property(anyText, (text) => {
      const g = extractDocument(text);
      for (const s of g.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
      g.mentions.forEach((m, i) => {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(g.entities[m.entity]!.mentions).toContain(i);
        expect(m.start).toBeGreaterThanOrEqual(g.sentences[m.sentence]!.start);
        expect(m.end).toBeLessThanOrEqual(g.sentences[m.sentence]!.end);
      });
      for (const r of g.relations) {
        expect(r.source).not.toBe(r.target);
        expect(g.mentions[r.sourceMention]!.entity).toBe(r.source);
        expect(g.mentions[r.targetMention]!.entity).toBe(r.target);
        expect(g.mentions[r.sourceMention]!.sentence).toBe(r.sentence);
        expect(ontology().allows(r.type, g.entities[r.source]!.type, g.entities[r.target]!.type)).toBe(true);
        expect(r.confidence).toBeGreaterThan(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        if (r.type === 'ASSOCIATED_WITH') expect(r.confidence).toBeLessThanOrEqual(0.3);
      }
    }), { numRuns: 200 });
  });

  it('survives messy input', () => {
    for (const text of ['', '\u0000\u0000', 'A'.repeat(10_000), '.'.repeat(500), '“”’’((((', 'ÉCOLE NORMALE SUPÉRIEURE DE PARIS', '\uD800 broken surrogate']) {
      expect(() => extractDocument(text)).not.toThrow();
    }
    expect(extractDocument('abc', { maxChars: 2 }).warnings).toEqual(['text truncated to 2 characters']);
  });
});
