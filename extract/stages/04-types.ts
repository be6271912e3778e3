// Stage 4: entity types for candidates, or rejection. Evidence in order of strength: gazetteer
// match, head words ("... Foundation", "Gulf of ..."), titles, given names, acronyms, context
// ("in X", "X said"), then document consistency (the same surface, or a surname of a person
// named earlier, takes the strongest type seen in the document).
import type { EntityType } from '../../src/model/types.js';
import type { Token } from './02-tokens.js';
import type { Candidate } from './03-mentions.js';
import { ageAppositionMax, appositionNouns, countryNames, demonyms, roles, firstNames, gazetteer, isCommonWord, isNoun, isPastTense, isPresentVerb, lastNames, lower, notEntities, ofHeads, orgHeads, orgNounsBeforeName, placeAdjectives, placeHeads, placeNounsBeforeOf, placeOfHeads, possessedNouns, regionNames, titles, victimCues } from '../lexicon.js';

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
  // "the murder of King": after a victim cue even a lone title word is the person.
  if (titles.has(key) && words.length === 1 && firstW.upper && !firstW.capsLine && personCue(c, tokens)) return { type: 'Person', evidence: 'context', strength: 3 };
  if (notEntities.has(key) || titles.has(key) || (demonyms.has(key) && !gazetteer.has(key))) return null;
  if (words.length === 1 && key.endsWith('s') && demonyms.has(key.slice(0, -1))) return null;
  if (words.length === 1 && /\d/.test(firstW.text)) return null;
  const prev = tokens[c.first - 1];
  const next = tokens[c.last + 1];
  const prevW = prev && prev.sentence === c.sentence ? prev.lower : '';
  const nextW = next && next.sentence === c.sentence ? next.lower : '';
  const capsLine = firstW.capsLine;

  // "Sen. Jake Garn, R-Utah,": a party and state tag, not a name.
  const tag = /^[rdi]-(.+?)\.?$/.exec(key);
  if (words.length === 1 && tag && (regionNames.has(tag[1]!) || regionNames.has(`${tag[1]}.`))) return null;
  const gaz = gazetteer.get(key);
  if (c.source) return { type: 'Organization', evidence: 'context', strength: 3 };
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
  // Person context strong enough to outweigh a town of the same name: "the assassination of
  // Lincoln", "Dole's wife", "Cheek, 53, is …", "his wife, Elizabeth,".
  if (gaz !== 'Organization' && !countryNames.has(key) && words.length <= 4 && !orgHeads.has(lastW.lower) && !placeHeads.has(lastW.lower) && personCue(c, tokens)) return { type: 'Person', evidence: 'context', strength: 3 };
  // "the copper company Codelco", "the state oil monopoly, Pemex.", "the Frankfurt-based Commerzbank".
  if (!gaz && !c.title && !(words.length >= 2 && firstNames.has(firstW.lower)) && orgCue(c, tokens)) return { type: 'Organization', evidence: 'context', strength: 2 };
  // "West Branch, Iowa", "Fort Scott, Kan.": a name before a state, province or country.
  if (!gaz && !capsLine && !sportsDoc && !c.title && !orgHeads.has(lastW.lower) && words.length <= 3 && !firstNames.has(firstW.lower) && next?.text === ',' && regionAfter(tokens, c.last + 2, c.sentence)) return { type: 'Place', evidence: 'context', strength: 2 };
  // "the resort town of Lowman", "the former mayor of Mohammadia", "in suburban Larchmont".
  if (!gaz && !c.title && !orgHeads.has(lastW.lower) && !(words.length >= 2 && firstNames.has(firstW.lower)) && placeCue(c, tokens)) return { type: 'Place', evidence: 'context', strength: 2 };
  // "playwright Tennessee Williams", "Harrington, a professor of …": a role noun before the name
  // or in its apposition makes it a person.
  const roleWord = (w: string | undefined): boolean => !!w && (roles.has(w) || titles.has(w)) && !ORG_NOUNS.has(w) && !MODIFIER_TITLES.has(w);
  if (!gaz && !orgHeads.has(lastW.lower) && words.length <= 4) {
    if (prev && prev.sentence === c.sentence && prev.isWord && !prev.upper && roleWord(prev.lower)) return { type: 'Person', evidence: 'context', strength: 2 };
    const appos = /^, (?:(?:a|an|the|its|his|her) )?(?:[a-z-]+ ){0,2}?([a-z-]+) (?:of|at|for|with|in)\b/.exec(` ${followingWords(tokens, c.last + 1, 7)} `.slice(1));
    if (appos && roleWord(appos[1]) && !ORG_NOUN_WORDS_APPOS.has(appos[1]!)) return { type: 'Person', evidence: 'context', strength: 2 };
    if (words.length <= 3 && !['of', 'in', 'at', 'from'].includes(prevW) && personApposition(tokens, c.last + 1)) return { type: 'Person', evidence: 'context', strength: 2 };
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
  // "Starr, who served …": people take "who", bodies "which".
  if (!gaz && words.length <= 3 && prevW !== 'the' && next?.text === ',' && tokens[c.last + 2]?.lower === 'who' && !orgHeads.has(lastW.lower)) return { type: 'Person', evidence: 'context', strength: 2 };
  // "…, said Smith." names the speaker; in "said Solidarity wants …" the name opens the reported clause.
  const saidBefore = prevW === 'said' && !(next && next.sentence === c.sentence && next.isWord && !next.upper && isPresentVerb(next.lower));
  const hasSaid = ['has', 'had', 'have', 'would'].includes(nextW) && SPEECH.has(tokens[c.last + 2]?.lower ?? '');
  if (SPEECH.has(nextW) || hasSaid || saidBefore || prevW === 'by' && words.length >= 2) return { type: 'Person', evidence: 'context', strength: 2 };
  // "aide to Patrick": a known given name after "to"/"at" is still a person, not a place.
  if (words.length === 1 && PLACE_PREPOSITIONS.has(prevW) && !(firstNames.has(firstW.lower) && !isCommonWord(firstW.lower))) return { type: 'Place', evidence: 'context', strength: 1 };
  if (words.length === 1 && !capsLine && !firstW.allCaps && (PERSON_NEXT.has(nextW) || (((/^[a-z]{3,}ed$/.test(nextW) && isCommonWord(nextW) && !firstW.initial) || (isPastTense(nextW) && !AUX.has(nextW) && !firstW.initial && (!prev || prev.sentence !== c.sentence || !prev.isWord || CLAUSE_OPENERS.has(prevW)))) && !['the', 'a', 'an'].includes(prevW) && !/s$/.test(firstW.lower))) && !isCommonWord(firstW.lower) && !demonyms.has(firstW.lower) && !notEntities.has(firstW.lower) && !/(?:ese|ian|ans|ists?|ers)$/.test(firstW.lower)) return { type: 'Person', evidence: 'context', strength: 0.5 };
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

const AUX = new Set(['was', 'were', 'had', 'did', 'got', 'became', 'seemed']);
const CLAUSE_OPENERS = new Set(['that', 'and', 'but', 'when', 'after', 'before', 'because', 'while', 'as', 'since', 'if', 'until', 'where']);
const ADVERB_NOUNS = new Set(['there', 'here', 'today', 'yesterday', 'tonight', 'home', 'again', 'later', 'inside', 'outside', 'overnight']);
const APPOS_END = new Set([',', '.', ';', ')', 'of', 'at', 'for', 'with', 'in', 'from', 'who', 'and', 'on', 'to', 'whose', 'since']);
const APPOS_START = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their']);

/** "X, a senior Defense Ministry official,", "X, one of the top strategists in Israel": the
 * apposition after the name ends with a word for a person. */
function personApposition(tokens: Token[], k: number): boolean {
  const comma = tokens[k];
  if (comma?.text !== ',') return false;
  let i = k + 1;
  if (tokens[i]?.lower === 'one' && tokens[i + 1]?.lower === 'of') i += 2;
  // ", former first deputy director of …", ", deputy leader of …": no article needed.
  if (!APPOS_START.has(tokens[i]?.lower ?? '')) {
    if (!['former', 'deputy', 'then', 'now', 'later'].includes(tokens[i]?.lower ?? '')) return false;
    i -= 1;
  }
  const s = comma.sentence;
  for (let j = i + 1; j < i + 7 && j < tokens.length && tokens[j]!.sentence === s && tokens[j]!.isWord; j++) {
    const w = tokens[j]!.lower;
    const after = tokens[j + 1];
    const ends = !after || after.sentence !== s || APPOS_END.has(after.lower);
    if (ends && (appositionNouns.has(w) || roles.has(w) || (w.endsWith('s') && roles.has(w.slice(0, -1))) || (titles.has(w) && !['former', 'late'].includes(w))) && !ORG_NOUNS.has(w) && !ORG_NOUN_WORDS_APPOS.has(w)) return true;
  }
  return false;
}

/** A region name (state, its abbreviation, country) starts at token k and ends a phrase there. */
function regionAfter(tokens: Token[], k: number, sentence: number): boolean {
  let phrase = '';
  for (let n = 0; n < 3 && tokens[k + n]?.sentence === sentence; n++) {
    const t = tokens[k + n]!;
    if (!t.upper) return false;
    phrase = n === 0 ? t.lower : `${phrase} ${t.lower}`;
    const after = tokens[k + n + 1];
    if (regionNames.has(phrase) && (!after || after.sentence !== sentence || !after.isWord || (!after.upper && after.lower !== 'and' && after.lower !== 'or'))) return true;
  }
  return false;
}

/** Token k when it lies in `sentence` (context cues never look across a sentence end). */
const tokenInSentence =
  (tokens: Token[], sentence: number) =>
  (k: number): Token | undefined =>
    tokens[k]?.sentence === sentence ? tokens[k] : undefined;

function personCue(c: Candidate, tokens: Token[]): boolean {
  const at = tokenInSentence(tokens, c.sentence);
  const p1 = at(c.first - 1);
  const p2 = at(c.first - 2);
  const n1 = at(c.last + 1);
  const n2 = at(c.last + 2);
  const n3 = at(c.last + 3);
  // "Cheek, 53, is …": an age in commas.
  const n4 = tokens[c.last + 4];
  const thousands = n3 && n4 && n4.start === n3.end && /^\d/.test(n4.text); // "6,000"
  if (n1?.text === ',' && n2 && /^\d{1,3}$/.test(n2.text) && Number(n2.text) <= ageAppositionMax && n3?.text === ',' && !thousands) return true;
  // "assassinated Lincoln", "the murder of King".
  // Not "arrested NLD supporters": the name must not modify a following noun.
  const modifies = n1 && n1.isWord && !n1.upper && isNoun(n1.lower) && !ADVERB_NOUNS.has(n1.lower);
  if (p1 && !p1.upper && !c.text.match(/^[\p{Lu}\d&.-]+$/u) && !modifies && (victimCues.has(p1.lower) || (p2 && victimCues.has(`${p2.lower} ${p1.lower}`)))) return true;
  // "Dole's wife", "Kennedy's motorcade".
  if (n1 && /^['’]s$/i.test(n1.text) && n2 && !n2.upper && possessedNouns.has(n2.lower)) return true;
  // "Dole's wife, Elizabeth, is …".
  if (p1?.text === ',' && p2 && !p2.upper && possessedNouns.has(p2.lower) && (n1?.text === ',' || !n1)) return true;
  return false;
}

function orgCue(c: Candidate, tokens: Token[]): boolean {
  const at = tokenInSentence(tokens, c.sentence);
  const p1 = at(c.first - 1);
  const p2 = at(c.first - 2);
  const n1 = at(c.last + 1);
  if (c.text.replace(/[^\p{L}]/gu, '').length < 2) return false;
  if (p1 && !p1.upper && orgNounsBeforeName.has(p1.lower) && at(c.first - 2)?.lower !== 'of') return true;
  if (p1?.text === ',' && p2 && !p2.upper && orgNounsBeforeName.has(p2.lower) && (!n1 || /^[.,;]$/.test(n1.text))) return true;
  return p1?.lower === 'based' && p2?.text === '-';
}

function placeCue(c: Candidate, tokens: Token[]): boolean {
  const at = tokenInSentence(tokens, c.sentence);
  const p1 = at(c.first - 1);
  const p2 = at(c.first - 2);
  if (p1?.lower === 'of' && p2 && !p2.upper && placeNounsBeforeOf.has(p2.lower)) return true;
  return !!p1 && !p1.upper && placeAdjectives.has(p1.lower) && !!p2 && PLACE_PREPOSITIONS.has(p2.lower);
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
      // A lone comma lists only when the list goes on ("A, B and C"), not in "Born in Athens, X came".
      const after = tokens[m.last + 1];
      const clauseGoesOn = after !== undefined && after.sentence === m.sentence && /^\p{Ll}/u.test(after.text) && !['and', 'or'].includes(after.lower) && !placeHeads.has(after.lower) && !orgHeads.has(after.lower);
      const listGoesOn = o.first > m.first || !clauseGoesOn;
      if (/^(?:,|and|or|, and|&)$/.test(between) && (between !== ',' || listGoesOn)) { m.type = o.type; m.evidence = 'context'; m.strength = 1; break; }
    }
  }
  // "Brian Michaud of Millinocket", "Daniel Urquhart, 8, of Aumsville": an unknown name after
  // "of" that follows a person (or a person's age) is where the person is from.
  for (let k = 1; k < typed.length; k++) {
    const m = typed[k]!;
    if (m.strength >= 3 || m.type === 'Place' || tokens[m.first - 1]?.lower !== 'of' || nameTokens(tokens, m).length > 1 || orgHeads.has(tokens[m.last]!.lower)) continue;
    const o = typed[k - 1]!;
    const age = /^\d{1,3}$/.test(tokens[m.first - 3]?.text ?? '') && tokens[m.first - 2]?.text === ',' && tokens[m.first - 4]?.text === ',';
    if (m.type === 'Organization' || m.evidence === 'gazetteer' || m.evidence === 'head') continue;
    if ((o.type === 'Person' && o.strength >= 2 && o.evidence !== 'default' && o.last === m.first - 2 && o.sentence === m.sentence) || age) { m.type = 'Place'; m.evidence = 'context'; m.strength = 2; }
  }
  // Weakest guesses that nothing in the document supports are dropped.
  return typed.filter((m) => m.strength > 0 || m.evidence === 'document');
}
