// Hand-made linked documents for store tests: independent of extraction quality, so the
// contract checks storage semantics only.
import { countWords, documentId, entityId, relationId, textHash } from '../../src/model/names.js';
import type { EntityType, LinkedDocument, LinkedEntity, LinkedRelation, Sentence } from '../../src/model/types.js';

interface FixtureSpec {
  title: string;
  byline?: string;
  publishedAt?: string;
  sentences: string[];
  /** [name, type, aliases] */
  entities: Array<[string, EntityType, string[]?]>;
  /** [sourceName, type, targetName, sentenceIndex, confidence] */
  relations: Array<[string, string, string, number, number]>;
}

export function buildDocument(spec: FixtureSpec): LinkedDocument {
  const sentences: Sentence[] = [];
  let text = '';
  for (const s of spec.sentences) {
    if (text) text += ' ';
    sentences.push({ index: sentences.length, start: text.length, end: text.length + s.length, text: s });
    text += s;
  }
  const hash = textHash(text);
  const entities: LinkedEntity[] = spec.entities.map(([name, type, aliases]) => ({
    id: entityId(type, name),
    name,
    type,
    aliases: [name, ...(aliases ?? [])],
    mentionCount: 0,
    link: { rule: 'new', matched: null },
  }));
  const idByName = new Map(entities.map((e) => [e.name, e.id]));
  const mentions: LinkedDocument['mentions'] = [];
  for (const e of entities) {
    for (const form of e.aliases) {
      for (const s of sentences) {
        const at = s.text.indexOf(form);
        if (at >= 0) {
          mentions.push({ entityId: e.id, sentence: s.index, start: s.start + at, end: s.start + at + form.length, text: form });
          e.mentionCount++;
        }
      }
    }
  }
  const relations: LinkedRelation[] = spec.relations.map(([src, type, tgt, sentence, confidence]) => {
    const source = idByName.get(src)!;
    const target = idByName.get(tgt)!;
    const s = sentences[sentence]!;
    const sAt = s.start + Math.max(0, s.text.indexOf(src));
    const tAt = s.start + Math.max(0, s.text.indexOf(tgt));
    return { id: relationId(source, type, target), source, target, type, confidence, sentence, status: null, sourceStart: sAt, sourceEnd: sAt + src.length, targetStart: tAt, targetEnd: tAt + tgt.length };
  });
  return {
    id: documentId(hash),
    textHash: hash,
    meta: { title: spec.title, byline: spec.byline ?? null, url: null, publishedAt: spec.publishedAt ?? null, source: 'fixture' },
    text,
    wordCount: countWords(text),
    sentences,
    entities,
    mentions,
    relations,
  };
}

export const docA = (): LinkedDocument =>
  buildDocument({
    title: 'Troika story',
    byline: 'A. Reporter',
    publishedAt: '2024-01-10',
    sentences: [
      'Ruben Vardanyan founded Troika Dialog in Moscow.',
      'Vardanyan later sold Troika Dialog to Sberbank.',
      'Sberbank is based in Moscow.',
    ],
    entities: [
      ['Ruben Vardanyan', 'Person', ['Vardanyan']],
      ['Troika Dialog', 'Organization'],
      ['Sberbank', 'Organization'],
      ['Moscow', 'Place'],
    ],
    relations: [
      ['Ruben Vardanyan', 'FOUNDED', 'Troika Dialog', 0, 0.8],
      ['Troika Dialog', 'BASED_IN', 'Moscow', 0, 0.6],
      ['Sberbank', 'OWNS', 'Troika Dialog', 1, 0.7],
      ['Sberbank', 'BASED_IN', 'Moscow', 2, 0.9],
    ],
  });

export const docB = (): LinkedDocument =>
  buildDocument({
    title: 'Intelligence story',
    publishedAt: '2024-03-01',
    sentences: [
      'Mossad works closely with the General Directorate of External Security (DGSE).',
      'David Barnea leads Mossad.',
      'Ruben Vardanyan met David Barnea in Moscow.',
      'Troika Dialog was founded by Ruben Vardanyan.',
    ],
    entities: [
      ['Mossad', 'Organization'],
      ['General Directorate of External Security', 'Organization', ['DGSE']],
      ['David Barnea', 'Person', ['Barnea']],
      ['Ruben Vardanyan', 'Person'],
      ['Moscow', 'Place'],
      ['Troika Dialog', 'Organization'],
    ],
    relations: [
      ['Mossad', 'PARTNER_OF', 'General Directorate of External Security', 0, 0.7],
      ['David Barnea', 'LEADS', 'Mossad', 1, 0.9],
      ['Ruben Vardanyan', 'MET_WITH', 'David Barnea', 2, 0.6],
      ['Ruben Vardanyan', 'FOUNDED', 'Troika Dialog', 3, 0.8],
    ],
  });
