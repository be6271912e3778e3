// Stage 6: typed, directed relations between mentions of one sentence, each with its evidence
// sentence, the two mentions, a confidence and the rule that fired. Patterns, strongest first:
// appositions/copulas with a role noun ("X, the head of Y", "X is the director of Y"), role
// before the name ("director of Y, X"; "President of Y X"), possessive roles ("Y's founder X",
// "Y's Foreign Intelligence Service"), verb frames from the cue lexicon ("Y, led by General X",
// "X accused Y"), titles ("Prime Minister X ... Armenia") and prepositions ("X of Y", "X in Y").
// Lists distribute a relation; negation and hedging lower confidence; what no pattern explains
// becomes ASSOCIATED_WITH at 0.2. Every relation is checked against the ontology.
import { ontology } from '../../src/model/ontology.js';
import type { DocEntity, DocRelation, EntityType, Mention, Sentence } from '../../src/model/types.js';
import { attributiveNouns, countryNames, demonyms, regionNames, hedgeWords, isNoun, locationPrepositions, lower, negationWords, roles, sentenceFrames, titles, verbCues, type VerbCue } from '../lexicon.js';
import { termTags, type TermTags } from '../nlp.js';

export interface RelationInput {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  entities: DocEntity[];
  /** Per mention index: the title cue seen before it, if any. */
  titleOf: Array<string | undefined>;
}

const onto = ontology();
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const roleAlternation = [...roles.keys()].sort((a, b) => b.length - a.length).map(esc).join('|');
const ROLE_APPOS = new RegExp(`^\\s*(?:,|\\(|\\bis|\\bwas|\\bbecame|\\bas)\\s*(?:now\\s+|also\\s+)?(?:the|a|an|its|his|her)?\\s*(former\\s+|ex-|then\\s+|new\\s+|first\\s+|current\\s+|main\\s+|deputy\\s+|vice\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(${roleAlternation})\\s+(?:of|at|for|in|with|to)\\s+(?:the\\s+)?$`, 'iu');
const ROLE_BEFORE = new RegExp(`(?:^|\\b)(former\\s+)?(${roleAlternation})\\s+(?:of|at|for)\\s+(?:the\\s+)?(?:[a-z]+\\s+)?$`, 'iu');
// "Jo Ann Emmerich, vice president of daytime programs for ABC Entertainment".
const ROLE_APPOS_LONG = new RegExp(`^\\s*,\\s*(?:(?:a|an|the)\\s+)?(?:[a-z-]+\\s+){0,2}?(${roleAlternation})\\s+(?:of|for)\\s+(?:[a-z-]+\\s+){1,5}?(?:of|at|for|with)\\s+(?:the\\s+)?$`, 'iu');
// "Vardanyan was the initiator, one of the founders, and the first president of the ..."
const COPULA_ROLE = new RegExp(`^\\s*(?:,\\s*)?(?:is|was|became|has been|had been|remains|served as|serves as)\\b[^.;]{0,90}?\\b(former\\s+)?(${roleAlternation})\\s+(?:of|at|for|in|with|to)\\s+(?:the\\s+)?$`, 'iu');
// "..., where his partner is the head of ROSTEC, Sergei Chemezov": the sentence's person and the one named.
const PRONOUN_ROLE = new RegExp(`\\b(?:his|her)\\s+(?:[a-z]+\\s+)?(${roleAlternation})\\s+(?:is|was)\\b`, 'iu');
const POSSESSIVE_ROLE = new RegExp(`^\\s*['’]s\\s+(?:own\\s+|former\\s+|new\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(${roleAlternation})\\s*,?\\s*$`, 'iu');
const POSSESSIVE = /^\s*['’]s\s+(?:own\s+)?$/iu;
const LIST_SEP = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)$/iu;
const GOVERNMENT_BODY = /\b(service|directorate|agency|ministry|army|parliament|government|council|police|forces|navy|intelligence|military|guard|command|office|bundestag|senate|assembly|court)\b/i;
const LOCATIVE_TYPES = new Set(['LIVES_IN', 'BORN_IN', 'BASED_IN', 'LOCATED_IN', 'OCCUPIES', 'ATTACKED', 'CITIZEN_OF', 'PART_OF']);
const ORG_NOUN_WORDS = new Set(['company', 'firm', 'group', 'bank', 'agency', 'newspaper', 'maker', 'manufacturer', 'producer', 'carrier', 'airline', 'retailer', 'concern', 'conglomerate', 'corporation', 'university', 'college', 'school', 'institute', 'organization', 'organisation', 'association', 'party', 'network', 'station', 'club', 'team', 'developer', 'insurer', 'utility', 'exchange', 'broadcaster', 'daily', 'publisher']);
const OFFICE_TYPES = new Set(['LEADS', 'WORKS_FOR', 'MEMBER_OF']);
const CHAIN_TYPES = new Set(['LIVES_IN', 'BORN_IN', 'BASED_IN', 'LOCATED_IN']);
const MEMBER_NOUNS = new Set(['member', 'mp', 'politician', 'lawmaker', 'deputy', 'senator', 'activist', 'councillor', 'candidate', 'legislator']);
const HEAD_OF_STATE = new Set(['president', 'pres.', 'pres', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emperor', 'president-elect', 'dictator', 'leader']);

// All cue phrases in one alternation (longest first), so a gap is scanned once.
const CUES_BY_PHRASE = new Map<string, VerbCue[]>();
for (const cue of verbCues) {
  for (const phrase of cue.cues) CUES_BY_PHRASE.set(phrase, [...(CUES_BY_PHRASE.get(phrase) ?? []), cue]);
}
const CUE_RE = new RegExp(`(?<![\\p{L}])(?:${[...CUES_BY_PHRASE.keys()].sort((a, b) => b.length - a.length).map(esc).join('|')})(?![\\p{L}])`, 'giu');

interface Found { src: number; tgt: number; type: string; confidence: number; rule: string; status?: string }

function typesOk(type: string, s: EntityType, t: EntityType): boolean {
  return onto.allows(type, s, t);
}

export function findRelations(input: RelationInput): DocRelation[] {
  const { text, sentences, mentions, titleOf } = input;
  const out: DocRelation[] = [];
  const seen = new Set<string>();
  const bySentence = new Map<number, number[]>();
  mentions.forEach((m, i) => { const l = bySentence.get(m.sentence) ?? []; l.push(i); bySentence.set(m.sentence, l); });

  for (const [si, idx] of bySentence) {
    const sentence = sentences[si]!;
    const ms = idx.slice(0, 24);
    if (ms.length < 2) continue;
    const sentLower = lower(sentence.text);
    const hedged = sentLower.split(/[^\p{L}']+/u).some((w) => hedgeWords.has(w));
    let tags: TermTags[] | null = null;
    const explained = new Set<string>();
    const emit = (f: Found, ma: number, mb: number): void => {
      const a = mentions[ma]!;
      const b = mentions[mb]!;
      const srcM = f.src === a.entity ? ma : mb;
      const tgtM = srcM === ma ? mb : ma;
      const s = input.entities[f.src]!;
      const t = input.entities[f.tgt]!;
      if (f.src === f.tgt || !typesOk(f.type, s.type, t.type)) return;
      explained.add(pairKey(a.entity, b.entity));
      const key = `${f.src}|${f.type}|${f.tgt}|${si}`;
      if (seen.has(key)) return;
      seen.add(key);
      let confidence = f.confidence;
      if (hedged) confidence *= 0.75;
      const rel: DocRelation = { source: f.src, target: f.tgt, type: f.type, confidence: round(confidence), sentence: si, sourceMention: srcM, targetMention: tgtM, rule: f.rule };
      if (f.status) rel.status = f.status;
      out.push(rel);
      // A person who holds an office of a place ("Illinois Gov. X", "U.S. Ambassador X") is its
      // citizen (country) or resident (state, city).
      if (s.type === 'Person' && t.type === 'Place' && OFFICE_TYPES.has(f.type) && !f.status && f.rule !== 'title-place') {
        const home = countryNames.has(lower(t.name)) || countryNames.has(lower(b.text)) || countryNames.has(lower(a.text)) ? 'CITIZEN_OF' : 'LIVES_IN';
        emit({ src: f.src, tgt: f.tgt, type: home, confidence: confidence * 0.8, rule: `${f.rule}+office` }, ma, mb);
      }
    };

    const attributiveCache = new Map<Mention, boolean>();
    const attributive = (m: Mention): boolean => {
      let v = attributiveCache.get(m);
      if (v === undefined) { v = attributiveOf(m); attributiveCache.set(m, v); }
      return v;
    };
    const attributiveOf = (m: Mention): boolean => {
      // "Artsakh leaders", "the Artsakh conflict": a place name used as a modifier.
      if (m.type !== 'Place' || m.via) return false;
      const after = /^\s+([\p{L}-]+)/u.exec(text.slice(m.end, m.end + 30))?.[1] ?? '';
      if (/^\p{Lu}/u.test(after)) return demonyms.has(after.toLowerCase().replace(/s$/, ''));
      if (after === '' || locationPrepositions.has(after)) return false;
      if (attributiveNouns.has(after)) return true;
      if (!isNoun(after)) return false;
      // compromise decides whether "hand" in "Armenia hand over" is a noun or a verb.
      tags ??= termTags(sentence.text);
      const at = text.indexOf(after, m.end) - sentence.start;
      const term = tags.find((t) => t.start <= at && at < t.end);
      return !term || !term.tags.includes('Verb');
    };
    for (let x = 0; x < ms.length; x++) {
      for (let y = x + 1; y < ms.length; y++) {
        const ia = ms[x]!;
        const ib = ms[y]!;
        const A = mentions[ia]!;
        const B = mentions[ib]!;
        if (A.entity === B.entity) continue;
        // Lists: skip over list members between A and B ("asked X, Y and Z"; "X, Y and Z met B").
        let leftEnd = A.end;
        let rightStart = B.start;
        let listed = false;
        let distant = false;
        // Mentions of A's or B's own entity in between ("X (ACR) of Y") do not separate them.
        const inner = ms.slice(x + 1, y).map((k) => mentions[k]!).filter((m) => m.entity !== A.entity && m.entity !== B.entity && !m.via);
        if (inner.length > 0) {
          const isList = (chain: Mention[]): boolean => {
            const seps = chain.slice(1).map((m, k) => text.slice(chain[k]!.end, m.start));
            return seps.every((g) => LIST_SEP.test(g)) && chain.every((m) => m.type === chain[0]!.type) && (chain.length >= 3 || seps.some((g) => /\b(?:and|or)\b|&/.test(g)));
          };
          if (isList([A, ...inner, B])) continue;
          // The list may go on after B ("backed Gazprom, Rosneft and Sberbank").
          const tail: Mention[] = [];
          for (let k = y + 1; k < ms.length; k++) {
            const m = mentions[ms[k]!]!;
            const prev = tail[tail.length - 1] ?? B;
            if (m.type !== B.type || !LIST_SEP.test(text.slice(prev.end, m.start))) break;
            tail.push(m);
          }
          if (isList([...inner, B, ...tail])) { rightStart = inner[0]!.start; listed = true; }
          else if (isList([A, ...inner])) { leftEnd = inner[inner.length - 1]!.end; listed = true; }
          else if (inner.length <= 3) distant = true;
          else continue;
        }
        // Members of one list are not related to each other by the list itself.
        if (!listed && !distant && isListContext(text, A, B, x > 0 ? mentions[ms[x - 1]!] : undefined, mentions[ms[y + 1]!])) continue;
        // Parentheses ("(XKX)") are blanked, not removed, so offsets inside the gap stay true.
        const gap = text.slice(leftEnd, rightStart).replace(/\([^()]*\)/g, (p) => ' '.repeat(p.length));
        const gapLower = lower(gap);
        if (gap.length > 200 || /[;]/.test(gap)) continue;
        const before = lower(text.slice(Math.max(sentence.start, A.start - 40), A.start));
        const f = matchPair(ia, ib, A, B, gapLower, before, input, () => (tags ??= termTags(sentence.text)), sentence.start, titleOf,
          { distant, inner: distant ? inner : [], attributive: attributive(A) || attributive(B), textAll: text, subject: mentions[ms[0]!] });
        if (f) {
          if (listed) f.confidence *= 0.9;
          if (distant) f.confidence *= 0.8;
          emit(f, ia, ib);
        }
      }
    }
    // Sentence frames: "the meeting was attended by X, Y and Z"; "the conflict between X and Y".
    for (const frame of sentenceFrames) {
      const hit = frame.cues.find((c) => new RegExp(`(?:^|[^\\p{L}])${esc(c)}(?=$|[^\\p{L}])`, 'iu').test(sentLower)) ?? (frame.hyphenNouns?.some((w) => sentLower.includes(w)) ? '\u0000' : undefined);
      if (!hit) continue;
      for (let x = 0; x < ms.length; x++) {
        for (let y = x + 1; y < ms.length; y++) {
          const A = mentions[ms[x]!]!;
          const B = mentions[ms[y]!]!;
          if (A.entity === B.entity || explained.has(pairKey(A.entity, B.entity))) continue;
          if (frame.types && (!frame.types.includes(A.type) || !frame.types.includes(B.type))) continue;
          const hyphenFrame = frame.hyphenNouns && /^[-–]$/.test(text.slice(A.end, B.start)) && frame.hyphenNouns.includes(/^\s+([a-z]+)/.exec(text.slice(B.end, B.end + 20))?.[1] ?? '');
          if (hyphenFrame) { emit({ src: A.entity, tgt: B.entity, type: frame.type, confidence: 0.6, rule: `frame:${frame.type.toLowerCase()}` }, ms[x]!, ms[y]!); continue; }
          if (frame.between) {
            const pre = lower(text.slice(Math.max(sentence.start, A.start - 40), A.start));
            if (!/^\s*(?:and|-|–)\s*$/.test(text.slice(A.end, B.start)) || !new RegExp(`${esc(hit)}\\s+(?:the\\s+)?$`).test(pre)) continue;
          }
          emit({ src: A.entity, tgt: B.entity, type: frame.type, confidence: 0.5, rule: `frame:${frame.type.toLowerCase()}` }, ms[x]!, ms[y]!);
        }
      }
    }
    // Place chains: "of Bethany, Conn.", "DAYTON, Ohio (AP)" — a locative relation to one place of
    // a "Town, State" pair holds for the other too.
    for (const r of out.filter((x) => x.sentence === si && CHAIN_TYPES.has(x.type))) {
      const P = mentions[r.targetMention]!;
      for (const k of ms) {
        const Q = mentions[k]!;
        if (Q.type !== 'Place' || Q.entity === P.entity || Q.entity === r.source || Q.via) continue;
        const [first, second] = Q.start < P.start ? [Q, P] : [P, Q];
        if (!/^\s*,\s*$/.test(text.slice(first.end, second.start))) continue;
        // Only town → state/country: the second of the pair contains the first.
        if (second === Q || first === Q) emit({ src: r.source, tgt: Q.entity, type: r.type, confidence: r.confidence * 0.9, rule: `${r.rule ?? 'rule'}+chain` }, r.sourceMention, k);
      }
    }
    // Co-occurrence that no pattern explains.
    for (let x = 0; x < ms.length; x++) {
      for (let y = x + 1; y < ms.length; y++) {
        const A = mentions[ms[x]!]!;
        const B = mentions[ms[y]!]!;
        if (A.entity === B.entity || A.via || B.via || explained.has(pairKey(A.entity, B.entity))) continue;
        explained.add(pairKey(A.entity, B.entity));
        emit({ src: A.entity, tgt: B.entity, type: 'ASSOCIATED_WITH', confidence: 0.2, rule: 'co-occurrence' }, ms[x]!, ms[y]!);
      }
    }
  }
  return out;
}

/** A and B are neighbours in a comma list ("Lithuania, Poland, Sweden"): same-type mentions
 * on either side are joined by list separators too. */
function isListContext(text: string, A: Mention, B: Mention, prev?: Mention, next?: Mention): boolean {
  if (!/^\s*,\s*$/.test(text.slice(A.end, B.start)) || A.type !== B.type) return false;
  const sep = (x: Mention, y: Mention): boolean => x.type === y.type && LIST_SEP.test(text.slice(x.end, y.start));
  return (!!next && sep(B, next)) || (!!prev && sep(prev, A));
}

const pairKey = (a: number, b: number): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const round = (x: number): number => Math.round(x * 100) / 100;

function negated(gapLower: string, cueAt: number): boolean {
  const window = gapLower.slice(Math.max(0, cueAt - 30), cueAt + 1);
  return window.split(/[^\p{L}']+/u).some((w) => negationWords.has(w));
}

interface PairContext { distant: boolean; inner: Mention[]; attributive: boolean; textAll: string; bTitle?: string; subject?: Mention }

function matchPair(ia: number, ib: number, A: Mention, B: Mention, gap: string, before: string, input: RelationInput,
  terms: () => TermTags[], sentenceStart: number, titleOf: Array<string | undefined>, ctx: PairContext): Found | null {
  const a = A.entity;
  const b = B.entity;
  const tA = A.type;
  const tB = B.type;
  // "According to (confidential) Y (sources), X ..." : X is reported by Y; X is the first
  // name after the comma that is not a possessor ("Azerbaijan’s Foreign Intelligence Service").
  if (/according to (?:the )?(?:[\p{L}'’]+ ){0,2}$/u.test(before)) {
    const comma = gap.indexOf(',');
    if (comma >= 0 && comma < 40 && !/[.;]/.test(gap.slice(0, comma))) {
      const possessor = (m: Mention): boolean => /^['’]s\b/.test(ctx.textAll.slice(m.end, m.end + 2));
      const after = ctx.inner.filter((m) => m.start > A.end + comma && !possessor(m));
      // The claim's subject (first name after the comma) and the first person it is about.
      const firstOk = after.length === 0;
      const firstPerson = tB === 'Person' && !after.some((m) => m.type === 'Person');
      if ((firstOk || firstPerson) && !possessor(B) && typesOk('REPORTED_BY', tB, tA)) return { src: b, tgt: a, type: 'REPORTED_BY', confidence: 0.6, rule: 'according-to' };
    }
  }
  if (tA === 'Person' && tB === 'Person') {
    const pr = PRONOUN_ROLE.exec(gap);
    const type = pr ? roles.get(pr[1]!.toLowerCase()) : undefined;
    if (pr && type && typesOk(type, 'Person', 'Person') && /,\s*$/.test(gap)) return { src: a, tgt: b, type, confidence: 0.6, rule: 'pronoun-role' };
  }
  // "Unit 8200 (Aman) of Israel’s Military Intelligence Directorate": a unit of a body.
  if (tA === 'Organization' && tB === 'Organization' && /^\s*of\s+(?:the\s+)?(?:[\p{L}-]+['’]s\s+)?$/u.test(gap) && (!ctx.distant || ctx.inner.every((m) => m.type === 'Place'))) {
    return { src: a, tgt: b, type: 'PART_OF', confidence: 0.6, rule: 'of-body' };
  }
  if (ctx.distant) return distantCue(A, B, gap, { ...ctx, bTitle: titleOf[ib] });
  // 1. Apposition / copula with a role noun: "X, the head of Y", "X is the director of Y".
  let m = ROLE_APPOS.exec(gap);
  if (m && tA === 'Person') {
    const type = roles.get(m[2]!.toLowerCase());
    if (type) return { src: a, tgt: b, type, confidence: 0.85, rule: 'apposition-role', ...(m[1] && /former|ex-/.test(m[1]) ? { status: 'former' } : {}) };
  }
  m = ROLE_APPOS_LONG.exec(gap);
  if (m && tA === 'Person' && tB === 'Organization') {
    const type = roles.get(m[1]!.toLowerCase());
    if (type && typesOk(type, 'Person', 'Organization')) return { src: a, tgt: b, type, confidence: 0.7, rule: 'apposition-role-long' };
  }
  m = COPULA_ROLE.exec(gap);
  if (m && tA === 'Person') {
    const type = roles.get(m[2]!.toLowerCase());
    if (type) return { src: a, tgt: b, type, confidence: 0.75, rule: 'copula-role', ...(m[1] ? { status: 'former' } : {}) };
  }
  // "European Commission President Jean-Claude Juncker": a title between a body and a name.
  const tb = titleOf[ib];
  if (tB === 'Person' && tb && titles.get(tb) && gap.trim() === tb && typesOk(titles.get(tb)!, 'Person', tA)) {
    return { src: b, tgt: a, type: titles.get(tb)!, confidence: 0.8, rule: 'title-after-name' };
  }
  // "Bob Blackman, a Conservative member of …", "X, a Labour MP": a body named before a member noun.
  if (tA === 'Person' && tB === 'Organization' && /^\s*,\s*(?:a|an|the)\s+(?:[a-z]+\s+)?$/.test(gap)) {
    const noun = /^\s+([a-z]+)/i.exec(ctx.textAll.slice(B.end, B.end + 20))?.[1]?.toLowerCase();
    if (noun && MEMBER_NOUNS.has(noun)) return { src: a, tgt: b, type: 'MEMBER_OF', confidence: 0.7, rule: 'member-noun' };
  }
  // 2. Role before the first name, the person right after: "director of Y, X" / "President of Y X".
  if (/^\s*,?\s*$/.test(gap) && tB === 'Person') {
    m = ROLE_BEFORE.exec(before);
    if (m) {
      const type = roles.get(m[2]!.toLowerCase());
      if (type) return { src: b, tgt: a, type, confidence: 0.8, rule: 'role-before-name', ...(m[1] ? { status: 'former' } : {}) };
    }
  }
  // 3. Possessives: "Y's founder X", "Azerbaijan's Foreign Intelligence Service", "Canada's Geopolitical Monitor".
  m = POSSESSIVE_ROLE.exec(gap);
  if (m && tB === 'Person') {
    const type = roles.get(m[1]!.toLowerCase());
    if (type) return { src: b, tgt: a, type, confidence: 0.8, rule: 'possessive-role' };
  }
  if (POSSESSIVE.test(gap) || /^\s*['’]s\s+(?:[a-z-]+\s+){1,2}$/.test(gap)) {
    // "Brian Mulroney 's Progressive Conservative Party", "Hernandez Galicia 's allegedly corrupt … Union".
    if (tA === 'Person' && tB === 'Organization') return { src: a, tgt: b, type: 'WORKS_FOR', confidence: 0.4, rule: 'possessive-person-org' };
  }
  if (POSSESSIVE.test(gap)) {
    if (tA === 'Place' && tB === 'Organization') return { src: b, tgt: a, type: GOVERNMENT_BODY.test(B.text) ? 'PART_OF' : 'BASED_IN', confidence: 0.7, rule: 'possessive-place-org' };
    if (tA === 'Organization' && tB === 'Person') return { src: b, tgt: a, type: 'WORKS_FOR', confidence: 0.5, rule: 'possessive-org-person' };
    if (tA === 'Place' && tB === 'Person') return { src: b, tgt: a, type: 'CITIZEN_OF', confidence: 0.4, rule: 'possessive-place-person' };
    if (tA === 'Place' && tB === 'Place') return { src: b, tgt: a, type: 'LOCATED_IN', confidence: 0.55, rule: 'possessive-place-place' };
  }
  // Demonym before a name: "Russian opposition actor Alexei Navalny", "German broadcaster ARD".
  if (A.via === 'demonym' && /^\s+(?:[a-z][a-z-]*\s+){1,3}$/.test(gap) && !/\b(?:and|or|of|in|to|by|with|from|for)\b/.test(gap)) {
    if (tB === 'Person') return { src: b, tgt: a, type: 'CITIZEN_OF', confidence: 0.5, rule: 'demonym-person' };
    if (tB === 'Organization') return { src: b, tgt: a, type: GOVERNMENT_BODY.test(gap) ? 'PART_OF' : 'BASED_IN', confidence: 0.5, rule: 'demonym-org' };
  }
  // "Sirhan was convicted of Kennedy's killing": a crime noun after the victim's possessive.
  if (tA === 'Person' && tB === 'Person' && /\b(?:convicted|accused|suspected|charged|guilty|arrested|sentenced|tried)\s+(?:of|for|with|in)\s+(?:the\s+)?$/.test(gap)
    && /^\s*['’]s\s+(?:[a-z]+\s+)?(?:killing|murder|assassination|slaying|shooting|death)\b/.test(lower(ctx.textAll.slice(B.end, B.end + 40)))) {
    return { src: a, tgt: b, type: 'KILLED', confidence: 0.6, rule: 'convicted-of-killing' };
  }
  // 5. Verb frames from the cue lexicon: the cue closest to B wins.
  let best = findCue(gap, tA, tB);
  // "..., led by General X, asked Y": X is inside a phrase, not the one who asked.
  if (best && /^\s*,/.test(gap) && /\b(?:led|headed|run|chaired|directed|commanded|founded|owned|backed)\s+by\s+(?:[a-z]+\s+)?$/.test(lower(ctx.textAll.slice(Math.max(0, A.start - 30), A.start)))) best = null;
  // "expelled two officials from Baku": a place after a locative preposition is where, not whom.
  const lastWord = /([a-z]+)\s*(?:the\s+)?$/.exec(gap)?.[1] ?? '';
  if (best && tB === 'Place' && locationPrepositions.has(lastWord) && !LOCATIVE_TYPES.has(best.cue.type) && !best.cue.cues.some((c) => c.endsWith(` ${lastWord}`) || c === lastWord)) best = null;
  if (best && ctx.attributive) best = null;
  if (best && gap.split(/\s+/).length <= 14) {
    // Passive voice: "Y was (fatally) shot … by X" turns a forward verb around.
    const passive = best.cue.dir === 'forward' && new RegExp(`\\b(?:was|were|is|are|been|being|be)\\s+(?:[a-z]+ly\\s+)?${esc(gap.slice(best.at - best.len, best.at))}\\b[^;]*\\b(?:by|on the orders? of|at the hands of)\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,3}$`).test(gap);
    const [src, tgt] = (best.cue.dir === 'forward') !== passive ? [a, b] : [b, a];
    let confidence = 0.7;
    let neg = negated(gap, best.at - best.len);
    if (!neg && /n['’]t\b|\bno\b|\bnever\b|\bnot\b/.test(gap)) {
      // compromise's tags tell whether a negation really attaches before the cue ("did not transmit").
      const cueStart = A.end - sentenceStart + best.at - best.len;
      neg = terms().some((t) => t.tags.includes('Negative') && t.start < cueStart && t.start >= A.end - sentenceStart);
    }
    if (neg) confidence *= 0.4;
    return { src, tgt, type: best.cue.type, confidence, rule: `cue:${best.cue.type.toLowerCase()}`, ...(neg ? { status: 'negated' } : {}) };
  }
  // 6. A head-of-state title and a country in the same sentence: "Pres. Ilham Aliyev of Azerbaijan".
  const title = titleOf[tA === 'Person' ? ia : ib];
  if (title && titles.get(title) && (tA === 'Person') !== (tB === 'Person') && !ctx.attributive) {
    const [p, other, pm] = tA === 'Person' ? [a, b, A] : [b, a, B];
    const om = pm === A ? B : A;
    const role = titles.get(title)!;
    const close = /^\s*(?:of|,|from|in)?\s*(?:the\s+)?$/.test(gap);
    if (close && typesOk(role, 'Person', om.type)) return { src: p, tgt: other, type: role, confidence: 0.75, rule: 'title-of' };
    if (HEAD_OF_STATE.has(title) && om.type === 'Place' && gap.split(/\s+/).length <= 8 && typesOk('LEADS', 'Person', 'Place')) return { src: p, tgt: other, type: 'LEADS', confidence: 0.45, rule: 'title-place' };
  }
  // 7. Prepositions and commas: "X of Y", "X in Y", "San Francisco, California", "X at Y".
  const g = gap.trim();
  const after = lower(ctx.textAll.slice(B.end, B.end + 40));
  // "Robert Corduwener, a Netherlands businessman", "Madagascar, an island nation in the Indian Ocean".
  if ((tA === 'Person' || tA === 'Place') && tB === 'Place') {
    const type = tA === 'Person' ? 'LIVES_IN' : 'LOCATED_IN';
    if (/^,\s*(?:a|an|the)$/.test(g) && [/^\s+([a-z-]+)\b/, /^\s+[a-z-]+\s+([a-z-]+)\b/].some((re) => { const w = re.exec(after)?.[1]; return !!w && isNoun(w) && !ORG_NOUN_WORDS.has(w); })) return { src: a, tgt: b, type, confidence: 0.45, rule: 'apposition-place-noun' };
    if (/^,\s*(?:a|an|the|one of the)\s+(?:[a-z-]+\s+){0,4}?(?:in|from|of)(?:\s+the)?$/.test(g)) return { src: a, tgt: b, type, confidence: 0.45, rule: 'apposition-in-place' };
  }
  // "Illinois born Charlton Heston", "Chicago-born X".
  if (tA === 'Place' && tB === 'Person' && /^-?born$/.test(g)) return { src: b, tgt: a, type: 'BORN_IN', confidence: 0.6, rule: 'place-born-person' };
  if (ctx.attributive) return null;
  // "Marie Ferraro, 50, of Bethany", "Derwinski, a Republican from Chicago": where a person lives.
  if (tA === 'Person' && tB === 'Place' && /^,\s*(?:\d+\s*,\s*)?(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?)?(?:of|from)(?:\s+the)?$/.test(g)) return { src: a, tgt: b, type: 'LIVES_IN', confidence: 0.55, rule: 'person-of-place' };
  // "John A. Georges, International Paper 's chairman": the role follows the body's possessive.
  if (tA === 'Person' && tB === 'Organization' && /^,$/.test(g)) {
    const m1 = /^\s*['’]s\s+([a-z-]+)(?:\s+([a-z-]+))?/.exec(after);
    const type = m1 ? roles.get(m1[1]!) ?? (m1[2] ? roles.get(m1[2]) : undefined) : undefined;
    if (type && typesOk(type, 'Person', 'Organization')) return { src: a, tgt: b, type, confidence: 0.7, rule: 'apposition-possessive-role' };
  }
  // "Ulf D. Merbold, 47, of the European Space Agency".
  if (tA === 'Person' && tB === 'Organization' && /^,\s*\d+\s*,\s*(?:of|from|at)(?:\s+the)?$/.test(g)) return { src: a, tgt: b, type: 'WORKS_FOR', confidence: 0.55, rule: 'person-of-body' };
  // "the Andean Group (Colombia, Bolivia, …)": members or homes listed in parentheses.
  if (tA === 'Organization' && tB === 'Place' && /^\($/.test(g)) return { src: a, tgt: b, type: 'BASED_IN', confidence: 0.45, rule: 'parenthesis-place' };
  // "Sofia, February 15 (BTA)": a dateline with its date.
  if (tA === 'Place' && tB === 'Organization' && /^,?\s*(?:[a-z]+\.?\s+)?\d{1,2}\s*\(?$/.test(g)) return { src: b, tgt: a, type: 'BASED_IN', confidence: 0.5, rule: 'dateline' };
  // "In Washington, the General Accounting Office …".
  if (tA === 'Place' && tB === 'Organization' && /^,\s*the$/.test(g) && /\bin\s+$/.test(before)) return { src: b, tgt: a, type: 'BASED_IN', confidence: 0.45, rule: 'in-place-body' };
  // "Gary Hess, an Emery employee", "Fred Farrar, another FAA spokesman".
  if (tA === 'Person' && tB === 'Organization' && /^,\s*(?:a|an|another|the)(?:\s+[a-z-]+)?$/.test(g)) {
    const noun = /^\s+([a-z-]+)/.exec(after)?.[1];
    const type = noun ? roles.get(noun) : undefined;
    if (type && typesOk(type, 'Person', 'Organization')) return { src: a, tgt: b, type, confidence: 0.6, rule: 'apposition-body-role' };
  }
  // "Sun Hung Kai Properties, a Hong Kong construction firm": the body's home in its apposition.
  if (tA === 'Organization' && tB === 'Place' && /^,\s*(?:a|an|the)$/.test(g) && new RegExp(`^\\s+(?:[a-z-]+\\s+){0,2}(?:${[...ORG_NOUN_WORDS].join('|')})\\b`).test(after)) return { src: a, tgt: b, type: 'BASED_IN', confidence: 0.6, rule: 'apposition-place' };
  // Datelines: "DAYTON, Ohio (AP)".
  if (tA === 'Place' && tB === 'Organization' && /^\($/.test(g)) return { src: b, tgt: a, type: 'BASED_IN', confidence: 0.5, rule: 'dateline' };
  // "former Air Force commander Avihu Bin-Nun", "Soviet historian Roy Medvedev": a role noun between.
  if (tB === 'Person' && /^(?:[a-z-]+\s+){0,3}[a-z-]+$/.test(g)) {
    const type = roles.get(g) ?? roles.get(g.split(/\s+/).pop()!);
    if (type && tA === 'Organization' && typesOk(type, 'Person', 'Organization')) return { src: b, tgt: a, type, confidence: 0.6, rule: 'body-role-name' };
    if (type && tA === 'Place') return { src: b, tgt: a, type: countryNames.has(lower(A.text)) ? 'CITIZEN_OF' : 'LIVES_IN', confidence: 0.45, rule: 'place-role-name' };
    // "John F. Kennedy assassin Lee Harvey Oswald".
    if (type === 'KILLED' && tA === 'Person') return { src: b, tgt: a, type, confidence: 0.6, rule: 'victim-role-name' };
  }
  if (tA === 'Person' && tB === 'Organization' && /^(?:,\s*)?(?:at|of|from|with|for)(?: the)?$/.test(g)) return { src: a, tgt: b, type: 'WORKS_FOR', confidence: 0.5, rule: 'preposition' };
  if (tA === 'Person' && tB === 'Place' && /^(?:,\s*)?(?:of|from|in)(?: the)?$|^,$/.test(g)) return { src: a, tgt: b, type: 'LIVES_IN', confidence: 0.4, rule: 'preposition' };
  if (tA === 'Organization' && tB === 'Place' && /^(?:,\s*)?(?:in|of|at)(?: the)?$|^,$|^-based$/.test(g)) return { src: a, tgt: b, type: 'BASED_IN', confidence: 0.5, rule: 'preposition' };
  if (tA === 'Place' && tB === 'Organization' && /^(?:-based|based)$|^$/.test(g)) return { src: b, tgt: a, type: 'BASED_IN', confidence: 0.5, rule: 'place-modifier' };
  // "Bosnia 's capital, Sarajevo".
  if (tA === 'Place' && tB === 'Place' && /^['’]s\s+capital\s*,$/.test(g)) return { src: b, tgt: a, type: 'LOCATED_IN', confidence: 0.7, rule: 'capital-of' };
  if (tA === 'Place' && tB === 'Place' && /^(?:,|in|,\s*in)(?:\s+(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern))?$/.test(g) && !countryNames.has(lower(A.text)) && (g !== ',' || regionNames.has(lower(B.text)) || countryNames.has(lower(B.text))) && !/^\s*(?:,\s*)?(?:and|or)\b/.test(ctx.textAll.slice(B.end, B.end + 8))) return { src: a, tgt: b, type: 'LOCATED_IN', confidence: 0.5, rule: 'preposition' };
  return null;
}

/** The mention is the object of a preposition or of "led by"-like participles. */
function insidePhrase(m: Mention, text: string): boolean {
  const before = lower(text.slice(Math.max(0, m.start - 30), m.start));
  return /\b(?:of|for|at|in|from|with|by)\s+(?:the\s+)?(?:[a-z]+\s+)?$/.test(before);
}

function findCue(gap: string, tA: EntityType, tB: EntityType): { at: number; len: number; cue: VerbCue } | null {
  let best: { at: number; len: number; cue: VerbCue } | null = null;
  CUE_RE.lastIndex = 0;
  for (const hit of gap.matchAll(CUE_RE)) {
    const phrase = hit[0].toLowerCase();
    const at = (hit.index ?? 0) + hit[0].length;
    if (best && at < best.at) continue;
    for (const cue of CUES_BY_PHRASE.get(phrase) ?? []) {
      const [s, t] = cue.dir === 'forward' ? [tA, tB] : [tB, tA];
      if (cue.src && !cue.src.includes(s)) continue;
      if (cue.tgt && !cue.tgt.includes(t)) continue;
      if (!typesOk(cue.type, s, t)) continue;
      if (!best || at > best.at || phrase.length > best.len) best = { at, len: phrase.length, cue };
      break;
    }
  }
  return best;
}

/** Verb cue between two mentions with others in between: the cue must come after every
 * intervening mention ("X, led by General Y, asked Z" relates X and Z through "asked"). */
function distantCue(A: Mention, B: Mention, gap: string, ctx: PairContext): Found | null {
  if (ctx.attributive || gap.split(/\s+/).length > 26) return null;
  // "the new director of X, Y, met with Z": X sits inside a prepositional phrase, it is not the subject.
  if (insidePhrase(A, ctx.textAll)) return null;
  const best = findCue(gap, A.type, B.type);
  if (!best) return null;
  const cueStart = A.end + best.at - best.len;
  // After the cue only B's own title phrase may intervene ("to the European Commission President X").
  // … or a place used as a modifier ("murdering Phoenix newspaper reporter Don Bolles").
  const titled = (m: Mention): boolean => (!!ctx.bTitle && lower(ctx.textAll.slice(m.end, B.start)).trim() === ctx.bTitle)
    || (m.type === 'Place' && /^\s+(?:[a-z-]+\s+){1,3}$/.test(ctx.textAll.slice(m.end, B.start)));
  if (ctx.inner.some((m) => m.end > cueStart && !titled(m))) return null;
  // Only an apposition may stand between the subject and its verb: "X (XKX), led by General Y, asked Z".
  const head = gap.slice(0, best.at - best.len).replace(/\s*$/, ' ');
  const apposition = /^\s*(?:\([^)]*\)\s*)?(?:,[^,]+){1,3},\s*$/.test(head) || (ctx.inner.length > 0 && ctx.inner.every((m) => m.end > cueStart) && !/[,;:]/.test(head)) || (A.type === 'Person' && /^\s*,[^,]+\bwho\s+(?:also\s+|now\s+)?$/.test(head));
  // "X was a co-owner of Y, but sold his stake, remaining in partnership with Z": a participle
  // clause takes the sentence's subject (X is its first name).
  const participle = ctx.subject === A && /,\s*[a-z]+ing\s+$/.test(head);
  if (/^['’]s\b/.test(gap) || !(apposition || participle)) return null;
  const lastWord = /([a-z]+)\s*(?:the\s+)?$/.exec(gap)?.[1] ?? '';
  if (B.type === 'Place' && locationPrepositions.has(lastWord) && !LOCATIVE_TYPES.has(best.cue.type)) return null;
  const [src, tgt] = best.cue.dir === 'forward' ? [A.entity, B.entity] : [B.entity, A.entity];
  const neg = negated(gap, best.at - best.len);
  return { src, tgt, type: best.cue.type, confidence: neg ? 0.25 : 0.6, rule: `cue-distant:${best.cue.type.toLowerCase()}`, ...(neg ? { status: 'negated' } : {}) };
}
