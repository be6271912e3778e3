// Stage 4: entity types for candidates, or rejection. Evidence in order of strength: gazetteer
// match, head words ("... Foundation", "Gulf of ..."), titles, given names, acronyms, context
// ("in X", "X said"), then document consistency (the same surface, or a surname of a person
// named earlier, takes the strongest type seen in the document).
import type { EntityType } from '../../src/model/types.js';
import type { Token } from './02-tokens.js';
import type { Candidate } from './03-mentions.js';
import { countryNames, demonyms, roles, firstNames, gazetteer, isCommonWord, lastNames, lower, notEntities, ofHeads, orgHeads, placeHeads, placeOfHeads, titles } from '../lexicon.js';

export type TypeEvidence = 'gazetteer' | 'head' | 'title' | 'given-name' | 'acronym' | 'context' | 'document' | 'default';

export interface TypedCandidate extends Candidate {
  type: EntityType;
  evidence: TypeEvidence;
  /** 3 strong (gazetteer/head/title), 2 medium (given name, acronym, context), 1 weak (default), 0.5 weakest kept. */
  strength: number;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'across', 'via', 'outside', 'towards', 'toward', 'throughout', 'around', 'inside', 'across']);
const OPEN_QUOTES = new Set(['‘', '“', '"', "'", '«']);
const CLOSE_QUOTES = new Set(['’', '”', '"', "'", '»']);
const ORG_NOUNS = new Set([...orgHeads].filter((w) => /^[a-z]+$/.test(w) && w.length > 3).concat(['website', 'newspaper', 'broadcaster', 'outlet', 'firm', 'portal', 'channel', 'daily', 'weekly', 'agency']));
const APPOS_ORG = new RegExp(`^(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,3}?(?:${[...ORG_NOUNS, 'tank', 'organisation', 'organization', 'body', 'institution', 'outlet', 'think'].join('|')})\\b`);
const MODIFIER_TITLES = new Set(['former', 'fellow', 'late', 'acting', 'then', 'new', 'deputy', 'vice', 'ex', 'interim', 'outgoing', 'incoming', 'chief', 'senior', 'top']);
const ORG_NOUN_WORDS_APPOS = new Set(['member', 'part', 'unit', 'division', 'subsidiary', 'branch', 'affiliate', 'partner']);
// "Derwinski, a Republican …", "Sirhan is serving …": an unknown word before a finite verb or a clause.
const PERSON_NEXT = new Set(['was', 'is', 'has', 'had', 'will', 'would', 'could', 'did', 'does', 'who', 'also', 'himself', 'herself', 'later', 'then']);
const followingWords = (tokens: Token[], from: number, n: number): string => tokens.slice(from, from + n).map((t) => t.lower).join(' ');
const MEDIA_CUE = /(?:\btold|interview (?:with|to)|according to(?: the)?|reported by|published by|wrote (?:in|for|on)|writing (?:in|for))$/;
const VENUE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'of']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'wrote', 'stated', 'explained', 'noted', 'asked', 'replied', 'argued', 'insisted', 'warned', 'believes', 'thinks']);
const SPORTS = /\b(SOCCER|FOOTBALL|CRICKET|RUGBY|BASKETBALL|BASEBALL|HOCKEY|TENNIS|GOLF|CYCLING|ATHLETICS|MOTOR|RACING|SKIING|SWIMMING|BOXING|VOLLEYBALL|HANDBALL|NFL|NBA|NHL)\b/;

const isAcronym = (s: string): boolean => (/^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(s)) && s.replace(/[^\p{Lu}]/gu, '').length >= 2;

function nameTokens(tokens: Token[], c: Candidate): Token[] {
  return tokens.slice(c.first, c.last + 1).filter((t) => t.isWord);
}

function typeOne(c: Candidate, tokens: Token[], sportsDoc: boolean): Omit<TypedCandidate, keyof Candidate> | null {
  const words = nameTokens(tokens, c);
  if (words.length === 0) return null;
  const key = lower(c.text);
  const firstW = words[0]!;
  const lastW = words[words.length - 1]!;
  if (notEntities.has(key) || titles.has(key) || (demonyms.has(key) && !gazetteer.has(key))) return null;
  if (words.length === 1 && key.endsWith('s') && demonyms.has(key.slice(0, -1))) return null;
  if (words.length === 1 && /\d/.test(firstW.text)) return null;
  const prev = tokens[c.first - 1];
  const next = tokens[c.last + 1];
  const prevW = prev && prev.sentence === c.sentence ? prev.lower : '';
  const nextW = next && next.sentence === c.sentence ? next.lower : '';
  const capsLine = firstW.capsLine;

  const gaz = gazetteer.get(key);
  // "M. Waugh", "J. F. Kennedy": initials before a surname.
  if (words.length >= 2 && /^\p{Lu}\.$/u.test(firstW.text) && /^\p{Lu}\p{Ll}/u.test(lastW.text)) return { type: 'Person', evidence: 'given-name', strength: 2 };
  if (sportsDoc && !countryNames.has(key) && gaz !== 'Organization') {
    // Scorecards: "c Smith b Jayasuriya 50" names players; results tables "Lotte 6 Hyundai 2" name teams.
    if (['c', 'b', 'st', 'lbw'].includes(prevW)) return { type: 'Person', evidence: 'context', strength: 2 };
    if (/^\d/.test(nextW) && !c.title && !(words.length >= 2 && firstNames.has(firstW.lower)) && !(capsLine && /^\d{4}-/.test(nextW))) return { type: 'Organization', evidence: 'context', strength: 2 };
  }
  // Titles of works and slogans in quotes (‘Am Abgrund’, “Golden Passport”) are not names.
  const quoted = prev && next && OPEN_QUOTES.has(prev.text) && CLOSE_QUOTES.has(next.text);
  if (quoted && !gaz && !orgHeads.has(lastW.lower)) return null;
  // "playwright Tennessee Williams", "Harrington, a professor of …": a role noun before the name
  // or in its apposition makes it a person.
  const roleWord = (w: string | undefined): boolean => !!w && (roles.has(w) || titles.has(w)) && !ORG_NOUNS.has(w) && !MODIFIER_TITLES.has(w);
  if (!gaz && !orgHeads.has(lastW.lower) && words.length <= 4) {
    if (prev && prev.sentence === c.sentence && prev.isWord && !prev.upper && roleWord(prev.lower)) return { type: 'Person', evidence: 'context', strength: 2 };
    const appos = /^, (?:(?:a|an|the|its|his|her) )?(?:[a-z-]+ ){0,2}?([a-z-]+) (?:of|at|for|with|in)\b/.exec(` ${followingWords(tokens, c.last + 1, 7)} `.slice(1));
    if (appos && roleWord(appos[1]) && !ORG_NOUN_WORDS_APPOS.has(appos[1]!)) return { type: 'Person', evidence: 'context', strength: 2 };
  }
  // "Fed chairman Alan Greenspan": a name before a role noun is the body the role belongs to.
  if (!gaz && next && next.sentence === c.sentence && !next.upper && roles.has(next.lower) && !c.title && words.length <= 3) return { type: 'Organization', evidence: 'context', strength: 2 };
  // "the Skolkovo school", "the Intelligence Online website": a name used before an organisation noun.
  if (!gaz && next && next.sentence === c.sentence && !next.upper && ORG_NOUNS.has(next.lower) && !c.title) return { type: 'Organization', evidence: 'context', strength: 2 };
  if (c.title && gaz !== 'Organization') return { type: 'Person', evidence: 'title', strength: 3 };
  if (gaz) {
    // Sports results: a city or region standing for its team.
    const dateline = capsLine && /^\d{4}-\d\d-\d\d$/.test(next?.text ?? '');
    if (gaz === 'Place' && sportsDoc && !dateline && !countryNames.has(key) && !VENUE_PREPOSITIONS.has(prevW)) {
      return { type: 'Organization', evidence: 'context', strength: 3 };
    }
    return { type: gaz, evidence: 'gazetteer', strength: 3 };
  }
  if (words.length >= 2) {
    if (orgHeads.has(lastW.lower)) return { type: 'Organization', evidence: 'head', strength: 3 };
    const hasOf = tokens.slice(c.first, c.last + 1).some((t) => t.lower === 'of');
    if (hasOf && placeOfHeads.has(firstW.lower)) return { type: 'Place', evidence: 'head', strength: 3 };
    if (hasOf && (ofHeads.has(firstW.lower) || orgHeads.has(firstW.lower))) return { type: 'Organization', evidence: 'head', strength: 3 };
    // "Andrew Hall": a given name and a known surname outweigh a place head word.
    if (placeHeads.has(lastW.lower) && !(words.length === 2 && firstNames.has(firstW.lower) && (lastNames.has(lastW.lower) || firstNames.has(lastW.lower)) && !gazetteer.has(firstW.lower))) return { type: 'Place', evidence: 'head', strength: 3 };
    if (!capsLine && words.some((w) => orgHeads.has(w.lower) && !firstNames.has(w.lower)) && !firstNames.has(firstW.lower)) return { type: 'Organization', evidence: 'head', strength: 2 };
  } else if (orgHeads.has(firstW.lower) && !capsLine && firstW.upper && isCommonWord(firstW.lower)) {
    return null; // a lone "Council" / "Ministry" is a reference, not a name
  }
  if (words.length >= 2 && words.length <= 4 && firstNames.has(firstW.lower) && !orgHeads.has(lastW.lower)) return { type: 'Person', evidence: 'given-name', strength: 2 };
  if (words.length === 1 && isAcronym(firstW.text) && !capsLine) return { type: 'Organization', evidence: 'acronym', strength: 2 };
  if (SPEECH.has(nextW) || prevW === 'said' || prevW === 'by' && words.length >= 2) return { type: 'Person', evidence: 'context', strength: 2 };
  if (words.length === 1 && PLACE_PREPOSITIONS.has(prevW)) return { type: 'Place', evidence: 'context', strength: 1 };
  if (words.length === 1 && !capsLine && !firstW.allCaps && (PERSON_NEXT.has(nextW) || (/^[a-z]{3,}ed$/.test(nextW) && isCommonWord(nextW) && !firstW.initial && !['the', 'a', 'an'].includes(prevW) && !/s$/.test(firstW.lower))) && !isCommonWord(firstW.lower) && !demonyms.has(firstW.lower) && !notEntities.has(firstW.lower) && !/(?:ese|ian|ans|ists?|ers)$/.test(firstW.lower)) return { type: 'Person', evidence: 'context', strength: 0.5 };
  if (words.length === 1 && lastNames.has(firstW.lower)) return { type: 'Person', evidence: 'given-name', strength: 1 };
  if (words.length === 1 && (firstW.initial || capsLine) && isCommonWord(firstW.lower)) return null;
  if (words.length === 1 && /(?:ian|ese|ish|ean|ans|ists?)$/.test(firstW.lower) && isCommonWord(firstW.lower)) return null;
  // "Air France", "Dynamo Moscow", "Red Star Belgrade": a name built around a place is a body.
  if (words.length >= 2 && !(words.length === 2 && lastNames.has(lastW.lower) && !gazetteer.has(lastW.lower)) && words.some((w) => gazetteer.get(w.lower) === 'Place' && !firstNames.has(w.lower))) return { type: 'Organization', evidence: 'default', strength: 1 };
  // "Troika Dialog, an investment company": an apposition names the kind of body.
  if (next?.text === ',' && APPOS_ORG.test(followingWords(tokens, c.last + 2, 5)) && !/^(?:a|an|the) [a-z-]+ (?:said|says|told|reported|announced)\b/.test(followingWords(tokens, c.last + 2, 4))) return { type: 'Organization', evidence: 'context', strength: 2 };
  // "told Global Voices", "in an interview with Intelligence Online": a name after a media cue.
  if (words.length >= 2 && MEDIA_CUE.test(followingWords(tokens, Math.max(0, c.first - 4), c.first - Math.max(0, c.first - 4)))) return { type: 'Organization', evidence: 'context', strength: 1 };
  const nameLike = words.every((w) => firstNames.has(w.lower) || lastNames.has(w.lower) || (!isCommonWord(w.lower) && !demonyms.has(w.lower) && !notEntities.has(w.lower)));
  if (words.length >= 2 && words.length <= 4 && nameLike) return { type: 'Person', evidence: 'default', strength: 1 };
  return { type: 'Person', evidence: 'default', strength: 0 };
}

export function typeCandidates(candidates: Candidate[], tokens: Token[]): TypedCandidate[] {
  const head = tokens.slice(0, 12).map((t) => t.text).join(' ');
  const sportsDoc = SPORTS.test(head);
  const typed: TypedCandidate[] = [];
  for (const c of candidates) {
    const t = typeOne(c, tokens, sportsDoc);
    if (t) typed.push({ ...c, ...t });
  }
  // Document consistency: strongest type per surface; surnames / first words of known names.
  const bySurface = new Map<string, TypedCandidate>();
  const partOf = new Map<string, TypedCandidate>();
  for (const m of typed) {
    const k = lower(m.text);
    const cur = bySurface.get(k);
    if (!cur || m.strength > cur.strength) bySurface.set(k, m);
    const words = nameTokens(tokens, m);
    if (words.length >= 2 && (m.strength >= 2 || (m.type === 'Person' && m.strength >= 1))) {
      const parts = m.type === 'Person' ? [words[words.length - 1]!.lower] : [words[0]!.lower];
      // "Wang Dan" … "Wang": a family name may come first when the first word is no given name.
      if (m.type === 'Person' && !firstNames.has(words[0]!.lower) && !/\.$/.test(words[0]!.text)) parts.push(words[0]!.lower);
      for (const part of parts) {
        const p = partOf.get(part);
        if (!p || m.strength > p.strength) partOf.set(part, m);
      }
    }
  }
  for (const m of typed) {
    if (m.strength >= 3) {
      // "Jordan" after "Michael Jordan": a surname of a person named in the document.
      const whole = partOf.get(lower(m.text));
      const prev = tokens[m.first - 1];
      if (m.evidence === 'gazetteer' && m.type === 'Place' && whole?.type === 'Person' && whole !== m && !(prev && PLACE_PREPOSITIONS.has(prev.lower))) { m.type = 'Person'; m.evidence = 'document'; }
      continue;
    }
    const k = lower(m.text);
    const whole = partOf.get(k);
    if (whole && whole !== m && nameTokens(tokens, m).length === 1 && whole.strength >= m.strength) { m.type = whole.type; m.evidence = 'document'; m.strength = 2; continue; }
    const best = bySurface.get(k);
    if (best && best.strength > m.strength && best.strength >= 1) { m.type = best.type; m.evidence = 'document'; m.strength = best.strength; }
  }
  // "Clinton and Dole": an unknown name takes the type of a known list neighbour.
  for (let k = 0; k < typed.length; k++) {
    const m = typed[k]!;
    if (m.strength > 0 || m.evidence === 'document') continue;
    for (const o of [typed[k - 1], typed[k + 1]]) {
      if (!o || o.sentence !== m.sentence || o.strength < 1 || o.evidence === 'default') continue;
      const between = tokens.slice(Math.min(o.last, m.last) + 1, Math.max(o.first, m.first)).map((t) => t.lower).join(' ');
      if (/^(?:,|and|or|, and|&)$/.test(between)) { m.type = o.type; m.evidence = 'context'; m.strength = 1; break; }
    }
  }
  // Weakest guesses that nothing in the document supports are dropped.
  return typed.filter((m) => m.strength > 0 || m.evidence === 'document');
}
