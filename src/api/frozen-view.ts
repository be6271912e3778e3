// A read-only, in-memory view over one snapshot: answers the same reads as the live store, from
// the frozen copy only. Every object it returns is tagged so nested resolvers stay frozen.
import { invalidInput } from '../model/errors.js';
import { normaliseName } from '../model/names.js';
import type { Document, Entity, Evidence, Page, Relation, Sentence, Subgraph } from '../model/types.js';
import {
  decodeCursor,
  DEFAULT_LIMITS,
  encodeCursor,
  type EntityQuery,
  type NeighbourCounts,
  type NeighbourhoodOptions,
  type RelationListQuery,
  type RelationQuery,
  type SnapshotRecord,
  type StoredMention,
} from '../store/graph-store.js';
import { bfsNeighbourhood, relationListAccess } from '../store/traverse.js';
import { capPerType } from '../store/type-caps.js';
import { tagView, type ReadView } from './read-view.js';

/** Offset page over an in-memory list (same cursors as the stores). */
export function pageOf<T>(op: string, items: T[], first: number, after: string | null | undefined): Page<T> {
  const offset = decodeCursor(after);
  if (offset < 0) throw invalidInput(op, 'malformed cursor');
  const nodes = items.slice(offset, offset + Math.max(0, first));
  return { totalCount: items.length, nodes, endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length) : null, hasNextPage: offset + nodes.length < items.length };
}

// Strongest first, as the stores order an entity's relations.
const strength = (a: Relation, b: Relation): number =>
  Number(a.type === 'ASSOCIATED_WITH') - Number(b.type === 'ASSOCIATED_WITH') ||
  b.evidenceCount - a.evidenceCount ||
  b.confidence - a.confidence ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class FrozenView implements ReadView {
  private readonly entities = new Map<string, Entity>();
  private readonly documents = new Map<string, Document>();
  private readonly relations: Relation[];
  private readonly evidence = new Map<string, Evidence[]>();

  constructor(readonly record: SnapshotRecord) {
    for (const e of record.nodes) this.entities.set(e.id, e);
    for (const d of record.documents) this.documents.set(d.id, d);
    this.relations = record.relations.map(({ evidence, ...relation }) => {
      this.evidence.set(relation.id, evidence);
      return relation;
    });
    this.relations.sort(strength);
  }

  private tag<T extends object>(value: T): T {
    return tagView({ ...value }, this);
  }

  nodes(): Entity[] {
    return this.record.nodes.map((e) => this.tag(e));
  }

  allRelations(): Relation[] {
    return this.relations.map((r) => this.tag(r));
  }

  allDocuments(): Document[] {
    return this.record.documents.map((d) => this.tag(d));
  }

  async getEntity(id: string): Promise<Entity | null> {
    const e = this.entities.get(id);
    return e ? this.tag(e) : null;
  }

  private relationsOf(entityId: string, q: RelationQuery): Relation[] {
    const direction = q.direction ?? 'BOTH';
    return this.relations.filter(
      (r) =>
        ((direction !== 'IN' && r.source === entityId) || (direction !== 'OUT' && r.target === entityId)) &&
        (!q.types || q.types.length === 0 || q.types.includes(r.type)) &&
        r.confidence >= (q.minConfidence ?? 0) &&
        (!q.reportedAfter || (r.lastReported !== null && r.lastReported >= q.reportedAfter)) &&
        (!q.reportedBefore || (r.firstReported !== null && r.firstReported <= q.reportedBefore)),
    );
  }

  async getRelations(entityId: string, q: RelationQuery = {}): Promise<Page<Relation>> {
    const page = pageOf('snapshot.relations', this.relationsOf(entityId, q), q.first ?? DEFAULT_LIMITS.relationsFirst, q.after);
    return { ...page, nodes: page.nodes.map((r) => this.tag(r)) };
  }

  async getEvidence(relationId: string, first: number = DEFAULT_LIMITS.evidenceFirst): Promise<Evidence[]> {
    return (this.evidence.get(relationId) ?? []).slice(0, Math.max(0, first)).map((e) => this.tag(e));
  }

  async neighbourCounts(entityId: string): Promise<NeighbourCounts> {
    const byEntity = new Map<string, Set<string>>();
    const byRelation = new Map<string, Set<string>>();
    const all = new Set<string>();
    for (const r of this.relationsOf(entityId, {})) {
      const other = r.source === entityId ? r.target : r.source;
      if (other === entityId) continue;
      all.add(other);
      const type = this.entities.get(other)?.type;
      if (type) byEntity.set(type, (byEntity.get(type) ?? new Set()).add(other));
      byRelation.set(r.type, (byRelation.get(r.type) ?? new Set()).add(other));
    }
    const record = (m: Map<string, Set<string>>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.size]));
    return { total: all.size, byEntityType: record(byEntity), byRelationType: record(byRelation) };
  }

  async neighbourhood(entityId: string, options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    if (!this.entities.has(entityId)) return { nodes: [], relations: [], truncated: false };
    const allowed = options.entityTypes && options.entityTypes.length > 0 ? new Set<string>(options.entityTypes) : null;
    const list = (id: string): Relation[] =>
      this.relationsOf(id, { types: options.relationTypes }).filter((r) => {
        const other = r.source === id ? r.target : r.source;
        return this.entities.has(other) && (!allowed || allowed.has(this.entities.get(other)!.type));
      });
    const listed = relationListAccess(list);
    let access = listed.access;
    let capped = () => false;
    if (options.limitPerType !== undefined) {
      let adjacency = access.adjacency;
      ({ adjacency, capped } = capPerType(adjacency, [entityId], (id) => this.entities.get(id)?.type, Math.max(0, options.limitPerType)));
      access = { ...access, adjacency };
    }
    const depth = Math.max(0, Math.min(options.depth ?? 1, DEFAULT_LIMITS.maxDepth));
    const walk = bfsNeighbourhood([entityId], access, depth, Math.max(1, options.limit ?? DEFAULT_LIMITS.neighbourhoodLimit));
    return {
      nodes: walk.nodeIds.map((id) => this.tag(this.entities.get(id)!)),
      relations: walk.relationIds.flatMap((id) => listed.relation(id) ?? []).map((r) => this.tag(r)),
      truncated: walk.truncated || capped(),
    };
  }

  async getMentions(entityId: string, first: number = DEFAULT_LIMITS.relationsFirst, after: string | null = null): Promise<Page<StoredMention>> {
    const page = pageOf('snapshot.mentions', this.record.mentions.filter((m) => m.entityId === entityId), first, after);
    return { ...page, nodes: page.nodes.map((m) => this.tag(m)) };
  }

  async getEntityDocuments(entityId: string, first: number = DEFAULT_LIMITS.documentsFirst, after: string | null = null): Promise<Page<Document>> {
    const ids = new Set(this.record.mentions.filter((m) => m.entityId === entityId).map((m) => m.documentId));
    const page = pageOf('snapshot.documents', this.record.documents.filter((d) => ids.has(d.id)), first, after);
    return { ...page, nodes: page.nodes.map((d) => this.tag(d)) };
  }

  async listEntities(q: EntityQuery = {}): Promise<Page<Entity>> {
    const needle = q.nameContains === undefined ? null : normaliseName(q.nameContains);
    const neighbours = q.connectedTo === undefined ? null : new Set(this.relationsOf(q.connectedTo, {}).map((r) => (r.source === q.connectedTo ? r.target : r.source)));
    const inDocument = q.mentionedIn === undefined ? null : new Set(this.record.mentions.filter((m) => m.documentId === q.mentionedIn).map((m) => m.entityId));
    const degree = (id: string) => this.relationsOf(id, {}).length;
    const found = this.record.nodes.filter(
      (e) =>
        (!q.types || q.types.length === 0 || q.types.includes(e.type)) &&
        (needle === null || (needle !== '' && [e.name, ...e.aliases].some((a) => normaliseName(a).includes(needle)))) &&
        e.mentionCount >= (q.minMentions ?? 0) &&
        (!inDocument || inDocument.has(e.id)) &&
        (!neighbours || (neighbours.has(e.id) && e.id !== q.connectedTo)),
    );
    const byId = (a: Entity, b: Entity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const order = q.orderBy ?? 'MENTIONS_DESC';
    found.sort((a, b) =>
      order === 'NAME_ASC'
        ? a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || byId(a, b)
        : order === 'DEGREE_DESC'
          ? degree(b.id) - degree(a.id) || byId(a, b)
          : b.mentionCount - a.mentionCount || byId(a, b),
    );
    const page = pageOf('snapshot.entities', found, q.first ?? DEFAULT_LIMITS.relationsFirst, q.after);
    return { ...page, nodes: page.nodes.map((e) => this.tag(e)) };
  }

  async listRelations(q: RelationListQuery = {}): Promise<Page<Relation>> {
    const found = this.relations.filter(
      (r) =>
        (!q.types || q.types.length === 0 || q.types.includes(r.type)) &&
        r.confidence >= (q.minConfidence ?? 0) &&
        (q.documentId === undefined || (this.evidence.get(r.id) ?? []).some((e) => e.documentId === q.documentId)) &&
        (q.entityId === undefined || r.source === q.entityId || r.target === q.entityId),
    );
    const page = pageOf('snapshot.relations', found, q.first ?? DEFAULT_LIMITS.relationsFirst, q.after);
    return { ...page, nodes: page.nodes.map((r) => this.tag(r)) };
  }

  async getDocument(id: string): Promise<Document | null> {
    const d = this.documents.get(id);
    return d ? this.tag(d) : null;
  }

  async getSentences(documentId: string): Promise<Sentence[]> {
    return this.record.sentences[documentId] ?? [];
  }
}
