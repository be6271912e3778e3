// Curation on Neo4j: merge, rename, aliases, type, reject relation, delete document. Each runs in
// one write transaction and appends its decision to the (:Curation) log that getCurationRules
// replays (src/store/curation-replay.ts), with the embedded store's semantics.
import type { Node } from 'neo4j-driver';
import { invalidInput, notFound } from '../../model/errors.js';
import { evidenceKey, sentenceKey } from '../../model/graph-keys.js';
import { normaliseName, relationId } from '../../model/names.js';
import { ontology } from '../../model/ontology.js';
import { ENTITY_TYPES, type Entity, type EntityType, type Relation } from '../../model/types.js';
import { rejectionKey, replayCuration, type CurationDecision, type CurationKind } from '../curation-replay.js';
import type { CurationRules, DeleteDocumentResult } from '../graph-store.js';
import * as Q from './cypher.js';
import type { Neo4jExecutor, Run } from './executor.js';
import { allAliasesOf, entityFromNode, relationFromFields, toNumber, toNumberOrNull } from './mapping.js';
import { entityRow, refresh } from './writes.js';

const MAX_NAME = 300;

function cleanName(op: string, what: string, value: string): string {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!normaliseName(v)) throw invalidInput(op, `${what} must contain a letter or digit`);
  if (v.length > MAX_NAME) throw invalidInput(op, `${what} must be at most ${MAX_NAME} characters`);
  return v;
}

async function entityNode(run: Run, op: string, id: string): Promise<Node> {
  const record = (await run(Q.entitiesByIds([id])))[0];
  if (!record) throw notFound(op, `entity ${id} does not exist`);
  return record.get('e') as Node;
}

const reload = async (run: Run, op: string, id: string): Promise<Entity> => entityFromNode(await entityNode(run, op, id));

const record = (run: Run, kind: CurationKind, subject: string, object: string | null, value: string | null) =>
  run(Q.recordCuration(kind, subject, object, value, new Date().toISOString()));

async function rules(run: Run): Promise<CurationRules> {
  const decisions = (await run(Q.curationLog())).map((r) => r.toObject() as unknown as CurationDecision);
  return replayCuration(decisions);
}

async function addAliases(run: Run, id: string, aliases: string[]): Promise<void> {
  await run(Q.addAliases(id, entityRow(id, aliases[0] ?? '', aliases, 0, 0).aliases));
}

interface TouchingRelation {
  relation: Relation;
  evidence: Array<{ ev: Node; s: Node }>;
}

async function relationsTouching(run: Run, id: string): Promise<TouchingRelation[]> {
  return (await run(Q.relationsTouching(id))).map((r) => ({
    relation: relationFromFields({ r: r.get('r'), source: r.get('source'), target: r.get('target') }),
    evidence: r.get('evidence') as Array<{ ev: Node; s: Node }>,
  }));
}

async function dropRelations(run: Run, relations: Relation[]): Promise<void> {
  const byType = new Map<string, string[]>();
  for (const r of relations) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  for (const [type, ids] of byType) await run(Q.dropRelations(type, ids));
}

/** Moves a relation onto new ends, folding it into an existing relation with the same key. */
async function rekeyRelation(run: Run, t: TouchingRelation, newSource: string, newTarget: string): Promise<void> {
  const r = t.relation;
  let [source, target] = [newSource, newTarget];
  const swapped = (ontology().relationType(r.type)?.symmetric ?? false) && source > target;
  if (swapped) [source, target] = [target, source];
  await dropRelations(run, [r]);
  if (source === target) return; // a self-loop: dropped with its evidence
  const id = relationId(source, r.type, target);
  await run(Q.mergeRelations(r.type, [{ id, source, target, confidence: 0, status: r.status }]));
  const offset = (p: Record<string, unknown>, key: string) => {
    const n = toNumberOrNull(p[key]);
    return n === null ? null : Q.int(n);
  };
  const rows: Q.EvidenceRow[] = t.evidence.map(({ ev, s }) => {
    const p = ev.properties as Record<string, unknown>;
    const documentId = String(p.documentId);
    const index = toNumber(s.properties.index);
    return {
      key: evidenceKey(id, documentId, index),
      relationId: id,
      relationType: r.type,
      documentId,
      sentenceKey: sentenceKey(documentId, index),
      sentenceIndex: Q.int(index),
      confidence: toNumberOrNull(p.confidence) ?? 0,
      sourceStart: offset(p, swapped ? 'targetStart' : 'sourceStart'),
      sourceEnd: offset(p, swapped ? 'targetEnd' : 'sourceEnd'),
      targetStart: offset(p, swapped ? 'sourceStart' : 'targetStart'),
      targetEnd: offset(p, swapped ? 'sourceEnd' : 'targetEnd'),
    };
  });
  if (rows.length > 0) await run(Q.mergeEvidence(rows));
  await refresh(run, [{ id, type: r.type }]);
}

export function mergeEntities(executor: Neo4jExecutor, keepId: string, mergeId: string): Promise<Entity> {
  const op = 'store.mergeEntities';
  if (keepId === mergeId) return Promise.reject(invalidInput(op, 'cannot merge an entity into itself'));
  return executor.write(op, async (run) => {
    await entityNode(run, op, keepId);
    const merged = await entityNode(run, op, mergeId);
    await run(Q.foldEntityCounts(keepId, mergeId));
    const name = String(merged.properties.name);
    await addAliases(run, keepId, [...new Set([name, ...allAliasesOf(merged)])]);
    await run(Q.moveMentions(mergeId, keepId));
    for (const t of await relationsTouching(run, mergeId)) {
      const r = t.relation;
      await rekeyRelation(run, t, r.source === mergeId ? keepId : r.source, r.target === mergeId ? keepId : r.target);
    }
    await run(Q.dropEntities([mergeId]));
    await record(run, 'merge', mergeId, keepId, null);
    // Rejections still hold on the merged ends.
    const rejected = new Set((await rules(run)).rejected);
    const stale = (await relationsTouching(run, keepId)).map((t) => t.relation).filter((r) => rejected.has(rejectionKey(r.source, r.type, r.target)));
    await dropRelations(run, stale);
    return reload(run, op, keepId);
  });
}

export function renameEntity(executor: Neo4jExecutor, id: string, name: string): Promise<Entity> {
  const op = 'store.renameEntity';
  let clean: string;
  try {
    clean = cleanName(op, 'name', name);
  } catch (e) {
    return Promise.reject(e);
  }
  return executor.write(op, async (run) => {
    await entityNode(run, op, id);
    await run(Q.renameEntity(id, clean));
    await addAliases(run, id, [clean]);
    await record(run, 'rename', id, null, clean);
    return reload(run, op, id);
  });
}

export function addAlias(executor: Neo4jExecutor, id: string, alias: string): Promise<Entity> {
  const op = 'store.addAlias';
  let clean: string;
  try {
    clean = cleanName(op, 'alias', alias);
  } catch (e) {
    return Promise.reject(e);
  }
  return executor.write(op, async (run) => {
    await entityNode(run, op, id);
    await addAliases(run, id, [clean]);
    await record(run, 'add-alias', id, null, clean);
    return reload(run, op, id);
  });
}

export function removeAlias(executor: Neo4jExecutor, id: string, alias: string): Promise<Entity> {
  const op = 'store.removeAlias';
  return executor.write(op, async (run) => {
    const node = await entityNode(run, op, id);
    if (alias === node.properties.name) throw invalidInput(op, 'cannot remove the canonical name (rename the entity first)');
    await run(Q.removeAlias(id, alias));
    await record(run, 'remove-alias', id, null, alias);
    return reload(run, op, id);
  });
}

export function setEntityType(executor: Neo4jExecutor, id: string, type: EntityType): Promise<Entity> {
  const op = 'store.setEntityType';
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) return Promise.reject(invalidInput(op, `unknown entity type ${String(type)}`));
  return executor.write(op, async (run) => {
    await entityNode(run, op, id);
    await run(Q.setEntityType(id, type));
    await record(run, 'type', id, null, type);
    return reload(run, op, id);
  });
}

export function rejectRelation(executor: Neo4jExecutor, id: string): Promise<Relation> {
  const op = 'store.rejectRelation';
  return executor.write(op, async (run) => {
    const found = (await run(Q.relationById(id)))[0];
    if (!found) throw notFound(op, `relation ${id} does not exist`);
    const relation = relationFromFields({ r: found.get('r'), source: found.get('source'), target: found.get('target') });
    await dropRelations(run, [relation]);
    await record(run, 'reject', relation.source, relation.target, relation.type);
    return relation;
  });
}

const totalRelations = async (run: Run): Promise<number> =>
  (await run(Q.relationsByType())).reduce((sum, r) => sum + toNumber(r.get('n')), 0);

export function deleteDocument(executor: Neo4jExecutor, id: string): Promise<DeleteDocumentResult> {
  const op = 'store.deleteDocument';
  return executor.write(op, async (run) => {
    const footprint = (await run(Q.documentFootprint(id)))[0];
    if (!footprint) throw notFound(op, `document ${id} does not exist`);
    const relationsBefore = await totalRelations(run);
    const mentioned = (footprint.get('entities') as Array<{ id: string; n: unknown }>).map((m) => ({ id: m.id, n: Q.int(toNumber(m.n)) }));
    const touched = (footprint.get('relations') as Array<{ id: string | null; type: string | null }>).filter(
      (r): r is { id: string; type: string } => r.id !== null && r.type !== null && ontology().isRelationType(r.type),
    );
    await run(Q.dropDocument(id));
    const left = await run(Q.lowerEntityCounts(mentioned));
    const byType = new Map<string, string[]>();
    for (const r of touched) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
    for (const [type, ids] of byType) await run(Q.dropUnsupportedRelations(type, ids));
    await refresh(run, touched);
    // Entities left without mentions go, with the relations (and their evidence) they had.
    const orphans = left.filter((r) => toNumber(r.get('mentionCount')) <= 0).map((r) => String(r.get('id')));
    for (const orphan of orphans) await dropRelations(run, (await relationsTouching(run, orphan)).map((t) => t.relation));
    if (orphans.length > 0) await run(Q.dropEntities(orphans));
    return { documentId: id, relationsRemoved: relationsBefore - (await totalRelations(run)), entitiesRemoved: orphans.length };
  });
}

export function getCurationRules(executor: Neo4jExecutor): Promise<CurationRules> {
  return executor.read('store.getCurationRules', rules);
}

