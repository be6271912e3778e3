// Stage 5: resolution inside one document. Mentions join one entity when they share a
// normalised name or a known variant ("Karabakh" = "Nagorno-Karabakh" = "Artsakh"); an acronym
// joins its definition ("General Directorate of External Security (DGSE)") or a name whose
// initials it spells; a lone surname or "Pres. Aliyev" joins the nearest full name it ends;
// a lone first word of an organisation ("Troika") joins the full name ("Troika Dialog").
import { normaliseName } from '../../src/model/names.js';
import type { DocEntity, EntityType, Mention } from '../../src/model/types.js';
import type { Token } from './02-tokens.js';
import type { TypedCandidate } from './04-types.js';
import { demonyms, firstNames, isCommonWord, lower, variantOf } from '../lexicon.js';

export interface Resolved {
  mentions: Mention[];
  entities: DocEntity[];
}

const STOP = new Set(['of', 'and', 'the', 'for', 'on', 'in', '&', 'de', 'la', 'du', 'des']);
const initials = (name: string): string =>
  name.split(/[\s-]+/).filter((w) => w && !STOP.has(w.toLowerCase())).map((w) => w[0]!.toUpperCase()).join('');

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

const isAcronymText = (s: string): boolean => /^[\p{Lu}\d&.]{2,8}$/u.test(s) && /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(s);

export function resolve(text: string, typed: TypedCandidate[], tokens: Token[]): Resolved {
  const cands = [...typed].sort((a, b) => a.start - b.start);
  const mentions: Mention[] = [];
  const entities: DocEntity[] = [];
  const byKey = new Map<string, number>();
  const words = (c: TypedCandidate): string[] => c.text.split(/\s+/).filter(Boolean);

  // Acronym definitions: "Long Name (ACR)" — the acronym takes the long name's entity and type.
  const definedBy = new Map<number, number>(); // candidate index of acronym → candidate index of definition
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1]!;
    const open = tokens[a.last + 1];
    if (open && open.text === '(' && b.first === a.last + 2 && tokens[b.last + 1]?.text === ')' && words(b).length === 1 && isAcronymText(b.text) && words(a).length >= 2 && (a.type === 'Organization' || initials(a.text) === b.text.replace(/\./g, ''))) {
      definedBy.set(i + 1, i);
      b.type = a.type;
    }
  }

  const keyOf = (c: TypedCandidate): string => {
    const v = variantOf.get(lower(c.text));
    return `${c.type}:${normaliseName(v ?? c.text)}`;
  };
  const newEntity = (c: TypedCandidate): number => {
    entities.push({ name: c.text, type: c.type, aliases: [], mentions: [] });
    return entities.length - 1;
  };

  // Pass 1: multi-word names (and single words that are not surnames/acronyms of something else).
  const entityOfCand = new Array<number>(cands.length).fill(-1);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (words(c).length < 2 && c.type === 'Person') continue;
    if (definedBy.has(i)) continue;
    const k = keyOf(c);
    let e = byKey.get(k);
    if (e === undefined) { e = newEntity(c); byKey.set(k, e); }
    entityOfCand[i] = e;
  }
  const mergeInto = (from: number, into: number): void => {
    if (from === into || from < 0 || into < 0) return;
    for (let j = 0; j < cands.length; j++) if (entityOfCand[j] === from) entityOfCand[j] = into;
    for (const [k, v] of byKey) if (v === from) byKey.set(k, into);
  };
  // "German Bundestag" joins "Bundestag": a demonym before a name the document also uses alone.
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const ws = words(c);
    if (c.type !== 'Organization' || ws.length < 2 || !demonyms.has(ws[0]!.toLowerCase())) continue;
    const rest = normaliseName(ws.slice(1).join(' '));
    const e = byKey.get(`Organization:${rest}`);
    if (e !== undefined && normaliseName(entities[e]!.name) === rest && rest.includes(' ') === ws.length > 2) mergeInto(entityOfCand[i]!, e);
  }
  // Appositions naming one body twice: "Mossad, Israel’s Institute for Intelligence and Special Operations,".
  for (let i = 0; i + 2 < cands.length; i++) {
    const a = cands[i]!;
    const p = cands[i + 1]!;
    const b = cands[i + 2]!;
    if (a.type !== 'Organization' || p.type !== 'Place' || b.type !== 'Organization') continue;
    const gap1 = text.slice(a.end, p.start);
    const gap2 = text.slice(p.end, b.start);
    const after = text.slice(b.end, b.end + 2);
    if (/^\s*,\s*$/.test(gap1) && /^['’]s\s+$/.test(gap2) && /^\s*[,;)]/.test(after) && words(b).length >= 2) mergeInto(entityOfCand[i + 2]!, entityOfCand[i]!);
  }
  // "the Moscow School of Management in Skolkovo" … "the Skolkovo school": a single word after
  // "in" that the document also uses as an organisation name is this organisation's short name.
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const z = cands[i + 1]!;
    if (a.type !== 'Organization' || words(a).length < 3 || words(z).length !== 1 || text.slice(a.end, z.start) !== ' in ') continue;
    const e = byKey.get(`Organization:${normaliseName(z.text)}`);
    if (e !== undefined && z.type === 'Organization') mergeInto(e, entityOfCand[i]!);
  }
  // Hyphenated place variants: "Nagorno-Karabakh" joins "Karabakh".
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.type !== 'Place' || !c.text.includes('-') || words(c).length !== 1) continue;
    const tail = c.text.split('-').pop()!;
    const e = byKey.get(`Place:${normaliseName(tail)}`);
    if (e !== undefined && e !== entityOfCand[i]) {
      const old = entityOfCand[i]!;
      for (let j = 0; j < cands.length; j++) if (entityOfCand[j] === old) entityOfCand[j] = e;
      byKey.set(keyOf(c), e);
    }
  }
  // Acronyms: definition, else the initials of an organisation named in the document.
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const def = definedBy.get(i);
    if (def !== undefined) {
      const e = entityOfCand[def]!;
      entityOfCand[i] = e;
      const other = byKey.get(keyOf(c));
      if (other !== undefined && other !== e) mergeInto(other, e);
      byKey.set(keyOf(c), e);
      continue;
    }
    if (entityOfCand[i]! >= 0 && isAcronymText(c.text) && entities[entityOfCand[i]!]!.name === c.text) {
      const target = entities.findIndex((en) => en.type === c.type && en.name !== c.text && initials(en.name) === c.text.replace(/\./g, ''));
      if (target >= 0) {
        const old = entityOfCand[i]!;
        for (let j = 0; j < cands.length; j++) if (entityOfCand[j] === old) entityOfCand[j] = target;
        byKey.set(keyOf(c), target);
      }
    }
  }
  // Pass 2: single-word persons join the nearest full name whose last (or first) word matches.
  for (let i = 0; i < cands.length; i++) {
    if (entityOfCand[i]! >= 0) continue;
    const c = cands[i]!;
    const w = normaliseName(c.text);
    let best = -1;
    let bestDist = Infinity;
    for (let j = 0; j < cands.length; j++) {
      const o = cands[j]!;
      if (o.type !== 'Person' || words(o).length < 2 || entityOfCand[j]! < 0) continue;
      const parts = normaliseName(o.text).split(' ');
      const last = parts[parts.length - 1]!;
      const match = last === w || (w.length >= 6 && editDistanceAtMost1(last, w)) || (parts[0] === w && !firstNames.has(w));
      if (!match) continue;
      const dist = o.start <= c.start ? c.start - o.start : (c.start - o.start) * -4;
      if (dist < bestDist) { bestDist = dist; best = entityOfCand[j]!; }
    }
    if (best < 0) {
      const k = keyOf(c);
      best = byKey.get(k) ?? -1;
      if (best < 0) { best = newEntity(c); byKey.set(k, best); }
    }
    entityOfCand[i] = best;
  }
  // Organisations: a lone first word joins the one full name it starts ("Troika" → "Troika Dialog").
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.type !== 'Organization' || words(c).length !== 1 || isCommonWord(c.text)) continue;
    const w = normaliseName(c.text);
    const hits = new Set<number>();
    for (let j = 0; j < cands.length; j++) {
      const o = cands[j]!;
      if (o.type === 'Organization' && words(o).length >= 2 && normaliseName(o.text).split(' ')[0] === w) hits.add(entityOfCand[j]!);
    }
    if (hits.size === 1) {
      const target = [...hits][0]!;
      const old = entityOfCand[i]!;
      if (old !== target) {
        for (let j = 0; j < cands.length; j++) if (entityOfCand[j] === old) entityOfCand[j] = target;
      }
    }
  }

  // Demonyms as evidence: "the Azerbaijani government" stands for Azerbaijan when the document
  // names Azerbaijan. They join that entity as `via: 'demonym'` mentions (never as aliases).
  const covered = (t: Token): boolean => cands.some((c) => t.start >= c.start && t.end <= c.end);
  const extra: Array<{ cand: TypedCandidate; entity: number }> = [];
  for (const t of tokens) {
    if (!t.upper || t.capsLine) continue;
    const place = demonyms.get(t.lower);
    if (!place) continue;
    const e = byKey.get(`Place:${normaliseName(variantOf.get(lower(place)) ?? place)}`);
    if (e === undefined || covered(t)) continue;
    extra.push({ cand: { first: 0, last: 0, start: t.start, end: t.end, text: t.text, sentence: t.sentence, type: 'Place', evidence: 'context', strength: 1 }, entity: e });
  }
  for (const x of extra) { cands.push(x.cand); entityOfCand.push(x.entity); }
  const order = cands.map((_, i) => i).sort((i, j) => cands[i]!.start - cands[j]!.start);
  const viaDemonym = new Set(extra.map((x) => x.cand));

  // Materialise mentions; compact entities (some lost all candidates to merges).
  const remap = new Map<number, number>();
  const out: DocEntity[] = [];
  for (const i of order) {
    const c = cands[i]!;
    const old = entityOfCand[i]!;
    let e = remap.get(old);
    if (e === undefined) {
      e = out.length;
      remap.set(old, e);
      out.push({ name: c.text, type: entities[old]!.type, aliases: [], mentions: [] });
    }
    const ent = out[e]!;
    ent.mentions.push(mentions.length);
    if (viaDemonym.has(c)) {
      mentions.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type: ent.type, entity: e, sentence: c.sentence, via: 'demonym' });
      continue;
    }
    if (!ent.aliases.includes(c.text)) ent.aliases.push(c.text);
    mentions.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type: ent.type, entity: e, sentence: c.sentence });
  }
  for (const ent of out) {
    ent.name = canonicalName(ent.aliases, ent.type);
    for (const m of ent.mentions) mentions[m]!.type = ent.type;
    const known = new Set<string>();
    for (const a of ent.aliases) { const v = variantOf.get(lower(a)); if (v) known.add(v); }
    if (known.size > 0) ent.knownAs = [...known];
  }
  return { mentions, entities: out };
}

function canonicalName(aliases: string[], _type: EntityType): string {
  const score = (a: string): number => {
    const letters = a.replace(/[^\p{L}]/gu, '');
    const shouting = letters.length > 4 && letters === letters.toUpperCase() ? -50 : 0;
    return a.split(/\s+/).length * 10 + Math.min(a.length, 60) / 10 + shouting - (/^\p{Lu}[\p{Lu}\d&.]+$/u.test(a) ? 30 : 0);
  };
  return [...aliases].sort((a, b) => score(b) - score(a))[0]!;
}
