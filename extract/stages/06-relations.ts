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
import { attributiveNouns, demonyms, hedgeWords, isNoun, locationPrepositions, lower, negationWords, roles, sentenceFrames, titles, verbCues, type VerbCue } from '../lexicon.js';
import { verbPhrases } from '../nlp.js';
import type { TypedCandidate } from './04-types.js';

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
const ROLE_BEFORE = new RegExp(`(?:^|\\b)(former\\s+)?(${roleAlternation})\\s+(?:of|at|for)\\s+(?:the\\s+)?$`, 'iu');
const POSSESSIVE_ROLE = new RegExp(`^\\s*['’]s\\s+(?:own\\s+|former\\s+|new\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(${roleAlternation})\\s*,?\\s*$`, 'iu');
const POSSESSIVE = /^\s*['’]s\s+(?:own\s+)?$/iu;
const LIST_SEP = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)$/iu;
const GOVERNMENT_BODY = /\b(service|directorate|agency|ministry|army|parliament|government|council|police|forces|navy|intelligence|military|guard|command|office|bundestag|senate|assembly|court)\b/i;
const LOCATIVE_TYPES = new Set(['LIVES_IN', 'BORN_IN', 'BASED_IN', 'LOCATED_IN', 'OCCUPIES', 'ATTACKED', 'CITIZEN_OF', 'PART_OF']);
const HEAD_OF_STATE = new Set(['president', 'pres.', 'pres', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emperor', 'president-elect', 'dictator', 'leader']);

const CUES: Array<{ phrase: string; re: RegExp; cue: VerbCue }> = verbCues.flatMap((cue) =>
  cue.cues.map((phrase) => ({ phrase, cue, re: new RegExp(`(?:^|[^\\p{L}])${esc(phrase)}(?=$|[^\\p{L}])`, 'giu') })));

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
    let verbs: ReturnType<typeof verbPhrases> | null = null;
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
    };

    const attributive = (m: Mention): boolean => {
      // "Artsakh leaders", "the Artsakh conflict": a place name used as a modifier.
      if (m.type !== 'Place') return false;
      const after = /^\s+([\p{L}-]+)/u.exec(text.slice(m.end, m.end + 30))?.[1] ?? '';
      if (/^\p{Lu}/u.test(after)) return demonyms.has(after.toLowerCase().replace(/s$/, ''));
      return after !== '' && (attributiveNouns.has(after) || (isNoun(after) && !locationPrepositions.has(after)));
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
        const inner = ms.slice(x + 1, y).map((k) => mentions[k]!);
        if (inner.length > 0) {
          const isList = (chain: Mention[]): boolean => {
            const seps = chain.slice(1).map((m, k) => text.slice(chain[k]!.end, m.start));
            return seps.every((g) => LIST_SEP.test(g)) && chain.every((m) => m.type === chain[0]!.type) && (chain.length >= 3 || seps.some((g) => /\b(?:and|or)\b|&/.test(g)));
          };
          if (isList([A, ...inner, B])) continue;
          if (isList([...inner, B])) { rightStart = inner[0]!.start; listed = true; }
          else if (isList([A, ...inner])) { leftEnd = inner[inner.length - 1]!.end; listed = true; }
          else if (inner.length <= 3) distant = true;
          else continue;
        }
        // Members of one list are not related to each other by the list itself.
        if (!listed && !distant && isListContext(text, A, B)) continue;
        const gap = text.slice(leftEnd, rightStart);
        const gapLower = lower(gap);
        if (gap.length > 200 || /[;]/.test(gap)) continue;
        const before = lower(text.slice(Math.max(sentence.start, A.start - 40), A.start));
        const f = matchPair(ia, ib, A, B, gapLower, before, input, () => (verbs ??= verbPhrases(sentence.text)), sentence.start, titleOf,
          { distant, inner: distant ? inner : [], attributive: attributive(A) || attributive(B), textAll: text });
        if (f) {
          if (listed) f.confidence *= 0.9;
          if (distant) f.confidence *= 0.8;
          emit(f, ia, ib);
        }
      }
    }
    // Sentence frames: "the meeting was attended by X, Y and Z"; "the conflict between X and Y".
    for (const frame of sentenceFrames) {
      const hit = frame.cues.find((c) => new RegExp(`(?:^|[^\\p{L}])${esc(c)}(?=$|[^\\p{L}])`, 'iu').test(sentLower));
      if (!hit) continue;
      for (let x = 0; x < ms.length; x++) {
        for (let y = x + 1; y < ms.length; y++) {
          const A = mentions[ms[x]!]!;
          const B = mentions[ms[y]!]!;
          if (A.entity === B.entity || explained.has(pairKey(A.entity, B.entity))) continue;
          if (frame.types && (!frame.types.includes(A.type) || !frame.types.includes(B.type))) continue;
          if (frame.between) {
            const pre = lower(text.slice(Math.max(sentence.start, A.start - 40), A.start));
            if (!/^\s*(?:and|-|–)\s*$/.test(text.slice(A.end, B.start)) || !new RegExp(`${esc(hit)}\\s+(?:the\\s+)?$`).test(pre)) continue;
          }
          emit({ src: A.entity, tgt: B.entity, type: frame.type, confidence: 0.5, rule: `frame:${frame.type.toLowerCase()}` }, ms[x]!, ms[y]!);
        }
      }
    }
    // Co-occurrence that no pattern explains.
    for (let x = 0; x < ms.length; x++) {
      for (let y = x + 1; y < ms.length; y++) {
        const A = mentions[ms[x]!]!;
        const B = mentions[ms[y]!]!;
        if (A.entity === B.entity || explained.has(pairKey(A.entity, B.entity))) continue;
        explained.add(pairKey(A.entity, B.entity));
        emit({ src: A.entity, tgt: B.entity, type: 'ASSOCIATED_WITH', confidence: 0.2, rule: 'co-occurrence' }, ms[x]!, ms[y]!);
      }
    }
  }
  return out;
}

/** A and B are neighbours in a comma list ("Lithuania, Poland, Sweden"). */
function isListContext(text: string, A: Mention, B: Mention): boolean {
  const gap = text.slice(A.end, B.start);
  if (!/^\s*,\s*$/.test(gap)) return false;
  const after = text.slice(B.end, B.end + 6);
  const before = text.slice(Math.max(0, A.start - 3), A.start);
  return /^\s*(?:,|and\b|or\b)/.test(after) || /,\s*$/.test(before);
}

const pairKey = (a: number, b: number): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const round = (x: number): number => Math.round(x * 100) / 100;

function negated(gapLower: string, cueAt: number): boolean {
  const window = gapLower.slice(Math.max(0, cueAt - 30), cueAt + 1);
  return window.split(/[^\p{L}']+/u).some((w) => negationWords.has(w));
}

interface PairContext { distant: boolean; inner: Mention[]; attributive: boolean; textAll: string }

function matchPair(ia: number, ib: number, A: Mention, B: Mention, gap: string, before: string, input: RelationInput,
  verbs: () => ReturnType<typeof verbPhrases>, sentenceStart: number, titleOf: Array<string | undefined>, ctx: PairContext): Found | null {
  const a = A.entity;
  const b = B.entity;
  const tA = A.type;
  const tB = B.type;
  // "According to (confidential) Y (sources), X ..." : X is reported by Y; X is the first
  // name after the comma that is not a possessor ("Azerbaijan’s Foreign Intelligence Service").
  if (/according to (?:the )?(?:[a-z]+ ){0,2}$/.test(before)) {
    const comma = gap.indexOf(',');
    if (comma >= 0 && comma < 40 && !/[.;]/.test(gap.slice(0, comma))) {
      const possessor = (m: Mention): boolean => /^['’]s\b/.test(ctx.textAll.slice(m.end, m.end + 2));
      const firstAfter = ctx.inner.filter((m) => m.start > A.end + comma && !possessor(m));
      if (firstAfter.length === 0 && !possessor(B) && typesOk('REPORTED_BY', tB, tA)) return { src: b, tgt: a, type: 'REPORTED_BY', confidence: 0.6, rule: 'according-to' };
    }
  }
  if (ctx.distant) return distantCue(A, B, gap, ctx);
  // 1. Apposition / copula with a role noun: "X, the head of Y", "X is the director of Y".
  let m = ROLE_APPOS.exec(gap);
  if (m && tA === 'Person') {
    const type = roles.get(m[2]!.toLowerCase());
    if (type) return { src: a, tgt: b, type, confidence: 0.85, rule: 'apposition-role', ...(m[1] && /former|ex-/.test(m[1]) ? { status: 'former' } : {}) };
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
  if (POSSESSIVE.test(gap)) {
    if (tA === 'Place' && tB === 'Organization') return { src: b, tgt: a, type: GOVERNMENT_BODY.test(B.text) ? 'PART_OF' : 'BASED_IN', confidence: 0.7, rule: 'possessive-place-org' };
    if (tA === 'Organization' && tB === 'Person') return { src: b, tgt: a, type: 'WORKS_FOR', confidence: 0.5, rule: 'possessive-org-person' };
    if (tA === 'Place' && tB === 'Person') return { src: b, tgt: a, type: 'CITIZEN_OF', confidence: 0.4, rule: 'possessive-place-person' };
  }
  // 5. Verb frames from the cue lexicon: the cue closest to B wins.
  let best = findCue(gap, tA, tB);
  // "expelled two officials from Baku": a place after a locative preposition is where, not whom.
  const lastWord = /([a-z]+)\s*(?:the\s+)?$/.exec(gap)?.[1] ?? '';
  if (best && tB === 'Place' && locationPrepositions.has(lastWord) && !LOCATIVE_TYPES.has(best.cue.type) && !best.cue.cues.some((c) => c.endsWith(` ${lastWord}`) || c === lastWord)) best = null;
  if (best && ctx.attributive) best = null;
  if (best && gap.split(/\s+/).length <= 14) {
    const [src, tgt] = best.cue.dir === 'forward' ? [a, b] : [b, a];
    let confidence = 0.7;
    let neg = negated(gap, best.at - best.len);
    if (!neg) {
      // compromise's verb phrases tell negation the lexicon cannot see ("did not transmit").
      const cueStart = A.end - sentenceStart + best.at - best.len;
      neg = verbs().some((v) => v.negative && v.start <= cueStart + 2 && v.end >= cueStart - 2);
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
  if (ctx.attributive) return null;
  const g = gap.trim();
  if (tA === 'Person' && tB === 'Organization' && /^(?:,\s*)?(?:at|of|from|with|for)(?: the)?$/.test(g)) return { src: a, tgt: b, type: 'WORKS_FOR', confidence: 0.5, rule: 'preposition' };
  if (tA === 'Person' && tB === 'Place' && /^(?:,\s*)?(?:of|from|in)(?: the)?$|^,$/.test(g)) return { src: a, tgt: b, type: 'LIVES_IN', confidence: 0.4, rule: 'preposition' };
  if (tA === 'Organization' && tB === 'Place' && /^(?:,\s*)?(?:in|of|at)(?: the)?$|^,$|^-based$/.test(g)) return { src: a, tgt: b, type: 'BASED_IN', confidence: 0.5, rule: 'preposition' };
  if (tA === 'Place' && tB === 'Organization' && /^(?:-based|based)$|^$/.test(g)) return { src: b, tgt: a, type: 'BASED_IN', confidence: 0.5, rule: 'place-modifier' };
  if (tA === 'Place' && tB === 'Place' && /^(?:,|in|,\s*in)$/.test(g)) return { src: a, tgt: b, type: 'LOCATED_IN', confidence: 0.5, rule: 'preposition' };
  return null;
}

function findCue(gap: string, tA: EntityType, tB: EntityType): { at: number; len: number; cue: VerbCue } | null {
  let best: { at: number; len: number; cue: VerbCue } | null = null;
  for (const { phrase, re, cue } of CUES) {
    if (cue.weak) continue;
    re.lastIndex = 0;
    for (const hit of gap.matchAll(re)) {
      const at = (hit.index ?? 0) + hit[0].length;
      if (!best || at > best.at || (at === best.at && phrase.length > best.len)) {
        const [s, t] = cue.dir === 'forward' ? [tA, tB] : [tB, tA];
        if (cue.src && !cue.src.includes(s)) continue;
        if (cue.tgt && !cue.tgt.includes(t)) continue;
        if (!typesOk(cue.type, s, t)) continue;
        best = { at, len: phrase.length, cue };
      }
    }
  }
  return best;
}

/** Verb cue between two mentions with others in between: the cue must come after every
 * intervening mention ("X, led by General Y, asked Z" relates X and Z through "asked"). */
function distantCue(A: Mention, B: Mention, gap: string, ctx: PairContext): Found | null {
  if (ctx.attributive || gap.split(/\s+/).length > 18) return null;
  const best = findCue(gap, A.type, B.type);
  if (!best) return null;
  const cueStart = A.end + best.at - best.len;
  if (ctx.inner.some((m) => m.end > cueStart)) return null;
  // Only an apposition may stand between the subject and its verb: "X (XKX), led by General Y, asked Z".
  if (/^['’]s\b/.test(gap) || !/^\s*(?:\([^)]*\)\s*)?,[^,]+,\s*$/.test(gap.slice(0, best.at - best.len + 1).replace(/\s*$/, ' '))) return null;
  const lastWord = /([a-z]+)\s*(?:the\s+)?$/.exec(gap)?.[1] ?? '';
  if (B.type === 'Place' && locationPrepositions.has(lastWord) && !LOCATIVE_TYPES.has(best.cue.type)) return null;
  const [src, tgt] = best.cue.dir === 'forward' ? [A.entity, B.entity] : [B.entity, A.entity];
  const neg = negated(gap, best.at - best.len);
  return { src, tgt, type: best.cue.type, confidence: neg ? 0.25 : 0.6, rule: `cue-distant:${best.cue.type.toLowerCase()}`, ...(neg ? { status: 'negated' } : {}) };
}
