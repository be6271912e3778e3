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
import { hedgeWords, lower, negationWords, roles, titles, verbCues, type VerbCue } from '../lexicon.js';
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

    for (let x = 0; x < ms.length; x++) {
      for (let y = x + 1; y < ms.length; y++) {
        const ia = ms[x]!;
        const ib = ms[y]!;
        const A = mentions[ia]!;
        const B = mentions[ib]!;
        if (A.entity === B.entity) continue;
        // List distribution: skip over list members between A and B ("asked X, Y and Z").
        let leftEnd = A.end;
        let rightStart = B.start;
        let listed = false;
        const inner = ms.slice(x + 1, y).map((k) => mentions[k]!);
        if (inner.length > 0) {
          // Right-side list: A cue M1, M2 and B — all gaps from M1 to B are list separators.
          const chainR = [...inner, B];
          let rightList = chainR.every((m, k) => k === 0 || LIST_SEP.test(text.slice(chainR[k - 1]!.end, m.start))) && chainR.every((m) => m.type === B.type);
          // Left-side list: A, M1 and Mk cue B.
          const chainL = [A, ...inner];
          let leftList = chainL.every((m, k) => k === 0 || LIST_SEP.test(text.slice(chainL[k - 1]!.end, m.start))) && chainL.every((m) => m.type === A.type);
          if (rightList) rightStart = inner[0]!.start;
          else if (leftList) leftEnd = inner[inner.length - 1]!.end;
          else { rightList = false; leftList = false; }
          if (!rightList && !leftList) {
            if (y - x > 1) continue;
          }
          listed = true;
        }
        const gap = text.slice(leftEnd, rightStart);
        const gapLower = lower(gap);
        if (gap.length > 160 || /[;:]/.test(gap)) continue;
        const before = lower(text.slice(Math.max(sentence.start, A.start - 40), A.start));
        const f = matchPair(ia, ib, A, B, gapLower, before, input, () => (verbs ??= verbPhrases(sentence.text)), sentence.start, titleOf);
        if (f) {
          if (listed) f.confidence *= 0.9;
          emit(f, ia, ib);
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

const pairKey = (a: number, b: number): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const round = (x: number): number => Math.round(x * 100) / 100;

function negated(gapLower: string, cueAt: number): boolean {
  const window = gapLower.slice(Math.max(0, cueAt - 30), cueAt + 1);
  return window.split(/[^\p{L}']+/u).some((w) => negationWords.has(w));
}

function matchPair(ia: number, ib: number, A: Mention, B: Mention, gap: string, before: string, input: RelationInput,
  verbs: () => ReturnType<typeof verbPhrases>, sentenceStart: number, titleOf: Array<string | undefined>): Found | null {
  const a = A.entity;
  const b = B.entity;
  const tA = A.type;
  const tB = B.type;
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
  // 4. "According to Y, X ..." : X is reported by Y.
  if (/according to (?:the )?$/.test(before) && /^\s*['’]?s?\s*(?:[\p{L}-]+\s+){0,3}?(?:sources?\s*)?,/u.test(gap)) {
    if (typesOk('REPORTED_BY', tB, tA)) return { src: b, tgt: a, type: 'REPORTED_BY', confidence: 0.6, rule: 'according-to' };
  }
  // 5. Verb frames from the cue lexicon: the cue closest to B wins.
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
  if (title && titles.get(title) && (tA === 'Person') !== (tB === 'Person')) {
    const [p, other, pm] = tA === 'Person' ? [a, b, A] : [b, a, B];
    const om = pm === A ? B : A;
    const role = titles.get(title)!;
    const close = /^\s*(?:of|,|from|in)?\s*(?:the\s+)?$/.test(gap);
    if (close && typesOk(role, 'Person', om.type)) return { src: p, tgt: other, type: role, confidence: 0.75, rule: 'title-of' };
    if (HEAD_OF_STATE.has(title) && om.type === 'Place' && gap.split(/\s+/).length <= 8 && typesOk('LEADS', 'Person', 'Place')) return { src: p, tgt: other, type: 'LEADS', confidence: 0.45, rule: 'title-place' };
  }
  // 7. Prepositions and commas: "X of Y", "X in Y", "San Francisco, California", "X at Y".
  const g = gap.trim();
  if (tA === 'Person' && tB === 'Organization' && /^(?:,\s*)?(?:at|of|from|with|for)(?: the)?$/.test(g)) return { src: a, tgt: b, type: 'WORKS_FOR', confidence: 0.5, rule: 'preposition' };
  if (tA === 'Person' && tB === 'Place' && /^(?:,\s*)?(?:of|from|in)(?: the)?$|^,$/.test(g)) return { src: a, tgt: b, type: 'LIVES_IN', confidence: 0.4, rule: 'preposition' };
  if (tA === 'Organization' && tB === 'Place' && /^(?:,\s*)?(?:in|of|at)(?: the)?$|^,$|^-based$/.test(g)) return { src: a, tgt: b, type: 'BASED_IN', confidence: 0.5, rule: 'preposition' };
  if (tA === 'Place' && tB === 'Organization' && /^(?:-based|based)$|^$/.test(g)) return { src: b, tgt: a, type: 'BASED_IN', confidence: 0.5, rule: 'place-modifier' };
  if (tA === 'Place' && tB === 'Place' && /^(?:,|in|,\s*in)$/.test(g)) return { src: a, tgt: b, type: 'LOCATED_IN', confidence: 0.5, rule: 'preposition' };
  return null;
}
