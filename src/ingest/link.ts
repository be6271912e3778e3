// Cross-document linking: joins each entity of a freshly extracted document to a stored entity
// when names agree (normalised, same type, person names compatible), else mints a new id.
// Every decision records its rule and the alias that matched, so it can be explained.
import { entityId, normaliseName, relationId } from '../model/names.js';
import { ontology } from '../model/ontology.js';
import type {
  DocEntity,
  DocumentGraph,
  LinkDecision,
  LinkedEntity,
  LinkedMention,
  LinkedRelation,
} from '../model/types.js';
import type { LinkCandidate } from '../store/graph-store.js';

const tokens = (name: string): string[] => normaliseName(name).split(' ').filter(Boolean);

/** Token lists of the multi-word names among `names` (the ones person compatibility looks at). */
const fullNames = (names: string[]): string[][] => names.map(tokens).filter((t) => t.length >= 2);

/** Multi-word person names must agree on first and last token (or one extends the other). */
function personNamesCompatible(fullA: string[][], fullB: string[][]): boolean {
  if (fullA.length === 0 || fullB.length === 0) return true;
  return fullA.some((x) => fullB.some((y) => x[x.length - 1] === y[y.length - 1] && (x[0] === y[0] || x[0]![0] === y[0]![0] && (x[0]!.length === 1 || y[0]!.length === 1))));
}

/** A candidate with its names normalised once per document (not once per entity compared). */
interface PreparedCandidate {
  candidate: LinkCandidate;
  norm: string;
  /** Normalised alias or name → the stored spelling (the later spelling wins, as before). */
  keys: Map<string, string>;
  /** Only computed for people. */
  fullNames: string[][] | null;
}

function prepareCandidates(candidates: LinkCandidate[]): PreparedCandidate[] {
  return candidates.map((c) => ({
    candidate: c,
    norm: normaliseName(c.name),
    keys: new Map(c.aliases.concat(c.name).map((a) => [normaliseName(a), a])),
    fullNames: c.type === 'Person' ? fullNames([c.name, ...c.aliases]) : null,
  }));
}

export function chooseLink(entity: DocEntity, candidates: LinkCandidate[]): { candidate: LinkCandidate | null; decision: LinkDecision } {
  return choosePrepared(entity, prepareCandidates(candidates));
}

function choosePrepared(entity: DocEntity, candidates: PreparedCandidate[]): { candidate: LinkCandidate | null; decision: LinkDecision } {
  const name = normaliseName(entity.name);
  const aliasKeys = [...new Set([...entity.aliases, ...(entity.knownAs ?? [])].map(normaliseName).filter(Boolean))];
  const nameTokens = tokens(entity.name);
  const entityFull = entity.type === 'Person' ? fullNames([entity.name, ...entity.aliases]) : [];
  let best: { candidate: LinkCandidate; rank: number; decision: LinkDecision; key: string } | null = null;
  for (const p of candidates) {
    const c = p.candidate;
    if (c.type !== entity.type) continue;
    if (entity.type === 'Person' && !personNamesCompatible(entityFull, p.fullNames!)) continue;
    const candidateKeys = p.keys;
    let match: { rank: number; decision: LinkDecision; key: string } | null = null;
    if (p.norm === name) {
      match = { rank: 3, decision: { rule: 'exact-name', matched: c.name }, key: name };
    } else if (candidateKeys.has(name)) {
      match = { rank: name.includes(' ') ? 2 : 1, decision: { rule: 'alias', matched: candidateKeys.get(name)! }, key: name };
    } else {
      const shared = aliasKeys.find((k) => candidateKeys.has(k));
      if (shared) match = { rank: shared.includes(' ') ? 2 : 1, decision: { rule: 'alias', matched: candidateKeys.get(shared)! }, key: shared };
      else if (entity.type === 'Person' && nameTokens.length >= 2) {
        // "I. Aliyev" ~ "Ilham Aliyev": same surname, compatible initial (checked above).
        const surname = nameTokens[nameTokens.length - 1]!;
        const full = [...candidateKeys.keys()].find((k) => k.includes(' ') && k.endsWith(` ${surname}`));
        if (full) match = { rank: 1, decision: { rule: 'initial', matched: candidateKeys.get(full)! }, key: surname };
      }
    }
    if (!match) continue;
    if (!best || match.rank > best.rank || (match.rank === best.rank && c.mentionCount > best.candidate.mentionCount)) best = { candidate: c, ...match };
  }
  if (best && best.rank === 1) {
    // A lone surname or initial shared by two stored people of this type: do not guess.
    const key = best.key;
    let sharing = 0;
    for (const p of candidates) {
      if (p.candidate.type !== entity.type) continue;
      for (const n of p.keys.keys()) {
        if (n === key || n.endsWith(` ${key}`)) {
          sharing++;
          break;
        }
      }
    }
    if (sharing > 1) best = null;
  }
  if (!best) return { candidate: null, decision: { rule: 'new', matched: null } };
  return { candidate: best.candidate, decision: best.decision };
}

/** Keys to look candidates up by: every name and alias, normalised. */
export function linkKeys(graph: DocumentGraph): string[] {
  const keys = new Set<string>();
  for (const e of graph.entities) {
    for (const n of [e.name, ...e.aliases, ...(e.knownAs ?? [])]) {
      const k = normaliseName(n);
      if (!k) continue;
      keys.add(k);
      // Surnames of people, so "I. Aliyev" can find "Ilham Aliyev" (whose aliases include "Aliyev").
      if (e.type === 'Person' && k.includes(' ')) keys.add(k.slice(k.lastIndexOf(' ') + 1));
    }
  }
  return [...keys];
}

export interface LinkResult {
  entities: LinkedEntity[];
  mentions: LinkedMention[];
  relations: LinkedRelation[];
}

export function linkDocument(graph: DocumentGraph, candidates: LinkCandidate[]): LinkResult {
  const onto = ontology();
  const idOf: string[] = [];
  const byId = new Map<string, LinkedEntity>();
  const prepared = prepareCandidates(candidates);
  for (const e of graph.entities) {
    const { candidate, decision } = choosePrepared(e, prepared);
    const id = candidate ? candidate.id : entityId(e.type, e.name);
    idOf.push(id);
    const existing = byId.get(id);
    if (existing) {
      // Two in-document entities landed on one stored entity: fold them together.
      existing.mentionCount += e.mentions.length;
      existing.aliases = [...new Set([...existing.aliases, e.name, ...e.aliases])];
    } else {
      byId.set(id, {
        id,
        name: candidate ? candidate.name : e.name,
        type: e.type,
        aliases: [...new Set([e.name, ...e.aliases])],
        mentionCount: e.mentions.length,
        link: decision,
      });
    }
  }
  const mentions: LinkedMention[] = graph.mentions.map((m) => ({
    entityId: idOf[m.entity]!,
    sentence: m.sentence,
    start: m.start,
    end: m.end,
    text: m.text,
  }));
  const relations = new Map<string, LinkedRelation>();
  for (const r of graph.relations) {
    let source = idOf[r.source];
    let target = idOf[r.target];
    if (!source || !target || source === target || !onto.isRelationType(r.type)) continue;
    let sm = graph.mentions[r.sourceMention];
    let tm = graph.mentions[r.targetMention];
    // Symmetric relations are stored once per pair, in id order.
    if (onto.relationType(r.type)!.symmetric && source > target) {
      [source, target] = [target, source];
      [sm, tm] = [tm, sm];
    }
    const id = relationId(source, r.type, target);
    const key = `${id}:${r.sentence}`;
    const prev = relations.get(key);
    if (prev && prev.confidence >= r.confidence) continue;
    relations.set(key, {
      id,
      source,
      target,
      type: r.type,
      confidence: r.confidence,
      sentence: r.sentence,
      status: r.status ?? null,
      sourceStart: sm?.start ?? 0,
      sourceEnd: sm?.end ?? 0,
      targetStart: tm?.start ?? 0,
      targetEnd: tm?.end ?? 0,
    });
  }
  return { entities: [...byId.values()], mentions, relations: [...relations.values()] };
}
