// PLACEHOLDER pipeline (walking skeleton): compromise people/places/organizations per sentence,
// same-name merge, sentence co-occurrence as ASSOCIATED_WITH. Replaced by the staged pipeline.
import nlp from 'compromise';
import type { DocEntity, DocRelation, DocumentGraph, EntityType, Mention, Sentence } from '../src/model/types.js';

export interface ExtractOptions {
  /** Upper bound on characters processed; longer text is truncated with a warning. */
  maxChars?: number;
}

function segment(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const re = /[^\n.!?]+(?:[.!?]+|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const start = (m.index ?? 0) + lead;
    sentences.push({ index: sentences.length, start, end: start + body.length, text: body });
  }
  return sentences;
}

export function extractDocument(text: string, options: ExtractOptions = {}): DocumentGraph {
  const warnings: string[] = [];
  const max = options.maxChars ?? 5_000_000;
  const body = text.length > max ? text.slice(0, max) : text;
  if (body.length < text.length) warnings.push(`text truncated to ${max} characters`);
  const sentences = segment(body);
  const mentions: Mention[] = [];
  const entities: DocEntity[] = [];
  const byKey = new Map<string, number>();
  for (const s of sentences) {
    const doc = nlp(s.text);
    const found: Array<[EntityType, { text: string; offset: { start: number; length: number } }[]]> = [
      ['Person', doc.people().json({ offset: true })],
      ['Place', doc.places().json({ offset: true })],
      ['Organization', doc.organizations().json({ offset: true })],
    ];
    for (const [type, list] of found) {
      for (const item of list) {
        const surface = item.text.replace(/[\s.,;:!?'’]+$/u, '').replace(/[’']s$/u, '');
        if (!surface) continue;
        const start = s.start + item.offset.start;
        const key = `${type}:${surface.toLowerCase()}`;
        let entity = byKey.get(key);
        if (entity === undefined) {
          entity = entities.length;
          byKey.set(key, entity);
          entities.push({ name: surface, type, aliases: [surface], mentions: [] });
        }
        entities[entity]!.mentions.push(mentions.length);
        mentions.push({ start, end: start + surface.length, text: body.slice(start, start + surface.length), type, entity, sentence: s.index });
      }
    }
  }
  // A lone surname joins the one full person name ending with it.
  entities.forEach((e, i) => {
    if (e.type !== 'Person' || e.name.includes(' ')) return;
    const full = entities.filter((f) => f !== e && f.type === 'Person' && f.name.endsWith(` ${e.name}`));
    if (full.length !== 1) return;
    const target = full[0]!;
    const targetIndex = entities.indexOf(target);
    target.aliases.push(e.name);
    for (const m of e.mentions) {
      mentions[m]!.entity = targetIndex;
      target.mentions.push(m);
    }
    e.mentions = [];
    void i;
  });
  const relations: DocRelation[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    const inSentence = mentions.map((m, i) => [m, i] as const).filter(([m]) => m.sentence === s.index);
    for (let a = 0; a < inSentence.length; a++) {
      for (let b = a + 1; b < inSentence.length; b++) {
        const [ma, ia] = inSentence[a]!;
        const [mb, ib] = inSentence[b]!;
        if (ma.entity === mb.entity) continue;
        const key = `${Math.min(ma.entity, mb.entity)}:${Math.max(ma.entity, mb.entity)}:${s.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        relations.push({ source: ma.entity, target: mb.entity, type: 'ASSOCIATED_WITH', confidence: 0.2, sentence: s.index, sourceMention: ia, targetMention: ib, rule: 'co-occurrence' });
      }
    }
  }
  // Drop entities emptied by merging, renumbering mentions' entity indexes.
  const keep = entities.map((e) => e.mentions.length > 0);
  const newIndex: number[] = [];
  let k = 0;
  for (const kept of keep) newIndex.push(kept ? k++ : -1);
  for (const m of mentions) m.entity = newIndex[m.entity]!;
  for (const r of relations) {
    r.source = newIndex[r.source]!;
    r.target = newIndex[r.target]!;
  }
  return { text: body, sentences, mentions, entities: entities.filter((_, i) => keep[i]), relations, warnings };
}
