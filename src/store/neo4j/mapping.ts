// The boundary between driver values and our types: Integer → number, Node → Entity/Sentence,
// Relationship (+ end ids) → Relation, Path → Path. Nothing past this file sees a driver type.
import neo4j, { type Node, type Path as DriverPath, type Relationship } from 'neo4j-driver';
import { KgError } from '../../model/errors.js';
import type { Document, Entity, EntityType, Evidence, Path, Relation, Sentence } from '../../model/types.js';
import { ENTITY_TYPES } from '../../model/types.js';

/** A driver Integer (or a plain number) as a JS number; refuses values beyond 2^53. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) throw new KgError('INTERNAL', `neo4j.mapping: integer ${value.toString()} is out of range`);
    return neo4j.integer.toNumber(value);
  }
  throw new KgError('INTERNAL', `neo4j.mapping: expected a number, got ${typeof value}`);
}

export const toNumberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : toNumber(value));

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new KgError('INTERNAL', `neo4j.mapping: ${what} is missing`);
  return value;
}

/** Binary (code point) order, like SQLite's default collation, so both backends list alike. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function entityFromNode(node: Node): Entity {
  const p = node.properties as Record<string, unknown>;
  const name = requireString(p.name, 'Entity.name');
  const type = (ENTITY_TYPES as readonly string[]).includes(p.type as string)
    ? (p.type as EntityType)
    : ENTITY_TYPES.find((t) => node.labels.includes(t));
  if (!type) throw new KgError('INTERNAL', `neo4j.mapping: entity ${String(p.id)} has no entity type`);
  const aliases = Array.isArray(p.aliases) ? (p.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  return {
    id: requireString(p.id, 'Entity.id'),
    type,
    name,
    aliases: [...new Set(aliases)].filter((a) => a !== name).sort(byCodePoint),
    mentionCount: toNumberOrNull(p.mentionCount) ?? 0,
    documentCount: toNumberOrNull(p.documentCount) ?? 0,
  };
}

/** All surface forms of a stored entity, its name included (what the linker compares). */
export function allAliasesOf(node: Node): string[] {
  const p = node.properties as Record<string, unknown>;
  const aliases = Array.isArray(p.aliases) ? (p.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  return [...new Set(aliases)].sort(byCodePoint);
}

/** A relationship between two entities whose ids the query returned (or the path supplies). */
export function relationFromRelationship(rel: Relationship, source: string, target: string): Relation {
  const p = rel.properties as Record<string, unknown>;
  return {
    id: requireString(p.id, 'relation id'),
    source,
    target,
    type: rel.type,
    confidence: toNumberOrNull(p.confidence) ?? 0,
    evidenceCount: toNumberOrNull(p.evidenceCount) ?? 0,
    status: str(p.status),
    firstReported: str(p.firstReported),
    lastReported: str(p.lastReported),
  };
}

/** A `{r, source, target}` map or record fields. */
export function relationFromFields(fields: { r: unknown; source: unknown; target: unknown }): Relation {
  return relationFromRelationship(fields.r as Relationship, requireString(fields.source, 'relation source'), requireString(fields.target, 'relation target'));
}

/** A document map projection (see cypher.ts DOCUMENT_PROJECTION). */
export function documentFromMap(map: Record<string, unknown>): Document {
  return {
    id: requireString(map.id, 'Document.id'),
    title: str(map.title),
    byline: str(map.byline),
    url: str(map.url),
    publishedAt: str(map.publishedAt),
    ingestedAt: str(map.ingestedAt) ?? '',
    textHash: str(map.textHash) ?? '',
    wordCount: toNumberOrNull(map.wordCount) ?? 0,
    sentenceCount: toNumberOrNull(map.sentenceCount) ?? 0,
  };
}

export function sentenceFromNode(node: Node): Sentence {
  const p = node.properties as Record<string, unknown>;
  return { index: toNumber(p.index), start: toNumber(p.start), end: toNumber(p.end), text: requireString(p.text, 'Sentence.text') };
}

const relative = (value: unknown, sentenceStart: number): number | null => {
  const n = toNumberOrNull(value);
  return n === null ? null : n - sentenceStart;
};

/** An Evidence node and its Sentence node; mention offsets become sentence-relative. */
export function evidenceFromNodes(ev: Node, sentence: Node): Evidence {
  const p = ev.properties as Record<string, unknown>;
  const s = sentenceFromNode(sentence);
  return {
    relationId: requireString(p.relationId, 'Evidence.relationId'),
    documentId: requireString(p.documentId, 'Evidence.documentId'),
    sentenceIndex: s.index,
    sentence: s.text,
    start: s.start,
    end: s.end,
    sourceStart: relative(p.sourceStart, s.start),
    sourceEnd: relative(p.sourceEnd, s.start),
    targetStart: relative(p.targetStart, s.start),
    targetEnd: relative(p.targetEnd, s.start),
    confidence: toNumberOrNull(p.confidence) ?? 0,
  };
}

/** A driver Path of entities: nodes in walk order, relations with their stored direction. */
export function pathFromDriver(path: DriverPath): Path {
  const nodes: Node[] = [path.start];
  const idByElement = new Map<string, string>([[path.start.elementId, requireString(path.start.properties.id, 'Entity.id')]]);
  for (const seg of path.segments) {
    nodes.push(seg.end);
    idByElement.set(seg.end.elementId, requireString(seg.end.properties.id, 'Entity.id'));
  }
  const relations = path.segments.map((seg) => {
    const r = seg.relationship;
    const source = idByElement.get(r.startNodeElementId);
    const target = idByElement.get(r.endNodeElementId);
    if (!source || !target) throw new KgError('INTERNAL', 'neo4j.mapping: a path relationship joins nodes outside the path');
    return relationFromRelationship(r, source, target);
  });
  return { nodes: nodes.map(entityFromNode), relations };
}
