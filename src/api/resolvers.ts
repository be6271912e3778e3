// Resolvers: validate arguments → call the GraphStore → map to the schema. They never touch a
// backend directly, so the same API runs on SQLite and Neo4j. Field resolvers read through the
// parent's view (read-view.ts), so objects inside a snapshot stay frozen.
import { KgError, invalidInput } from '../model/errors.js';
import { ontology } from '../model/ontology.js';
import type { Document, Entity, EntityType, Evidence, Page, Path, Relation, Sentence, Subgraph } from '../model/types.js';
import { Kind, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import type { Direction, EntityHead, EntityOrder, GraphStore, StoredMention } from '../store/graph-store.js';
import { toCytoscape } from './cytoscape.js';
import { FrozenView } from './frozen-view.js';
import { isFrozen, viewOf } from './read-view.js';
import { buildSnapshot } from './snapshots.js';
import { ingestDocument } from '../ingest/ingest-document.js';

export const LIMITS = {
  maxFirst: 500,
  maxDepth: 3,
  maxHops: 6,
  maxPaths: 50,
  maxNodes: 2000,
  maxIds: 500,
  maxQueryLength: 500,
  /** Characters of text for ingestDocument; the request body as a whole is capped at 1 MB (create-api.ts). */
  maxTextLength: 900_000,
  maxTitleLength: 500,
} as const;

export interface ApiContext {
  store: GraphStore;
  /** True when the request carried the right bearer token. */
  authorised: boolean;
  /** True when mutations are enabled at all (KG_API_TOKEN set). */
  mutationsEnabled: boolean;
  /** True when a browser sent the request from another origin (mutations are refused then). */
  crossOrigin: boolean;
  /** Per-request cache so an entity is read once however often a response names it (value once known). */
  entityCache: Map<string, Entity | null | Promise<Entity | null>>;
  /** Relation ends read without their aliases, for queries that do not ask for them. */
  entityHeads: Map<string, EntityHead | null>;
  /** Per-request cache of document sentences (for Mention.sentence). */
  sentenceCache: Map<string, Promise<Sentence[]>>;
}

function bounded(op: string, name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw invalidInput(op, `${name} must be an integer ≥ ${min}`);
  if (v > max) throw new KgError('LIMIT_EXCEEDED', `${op}: ${name} must be at most ${max}`);
  return v;
}

const firstArg = (op: string, a: Args, fallback: number) => bounded(op, 'first', num(a.first), fallback, 0, LIMITS.maxFirst);

function optionalBounded(op: string, name: string, value: unknown, min: number, max: number): number | undefined {
  return value === null || value === undefined ? undefined : bounded(op, name, num(value), min, min, max);
}

function confidenceArg(op: string, value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = num(value)!;
  if (!(v >= 0 && v <= 1)) throw invalidInput(op, 'minConfidence must be between 0 and 1');
  return v;
}

function dateArg(op: string, name: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const v = String(value);
  if (!/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(v)) throw invalidInput(op, `${name} must be an ISO 8601 date`);
  return v;
}

const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

/** The entity from the request cache: the value itself once known (no promise per field), else its read. */
function loadEntity(ctx: ApiContext, id: string): Entity | null | Promise<Entity | null> {
  const hit = ctx.entityCache.get(id);
  if (hit !== undefined) return hit;
  const read: Promise<Entity | null> = ctx.store.getEntity(id).then((e) => {
    if (ctx.entityCache.get(id) === read) ctx.entityCache.set(id, e); // unless a write cleared the cache meanwhile
    return e;
  });
  ctx.entityCache.set(id, read);
  return read;
}

/** Whether a field's selection may read an entity's aliases: it asks for them, or uses a fragment (not looked into). */
function selectsAliases(fieldNodes: readonly FieldNode[]): boolean {
  return fieldNodes.some((f) => (f.selectionSet?.selections ?? []).some((s) => s.kind !== Kind.FIELD || s.name.value === 'aliases'));
}

/**
 * What a connection field's `nodes` read of the relation ends: nothing, the ends without aliases,
 * or whole entities (when aliases are asked for, or a fragment is used: not looked into).
 */
function endsWanted(fieldNodes: readonly FieldNode[]): 'none' | 'heads' | 'full' {
  const fields = (nodes: readonly FieldNode[], name?: string): FieldNode[] | null => {
    const out: FieldNode[] = [];
    for (const f of nodes) {
      for (const s of f.selectionSet?.selections ?? []) {
        if (s.kind !== Kind.FIELD) return null;
        if (!name || s.name.value === name) out.push(s);
      }
    }
    return out;
  };
  const pageNodes = fields(fieldNodes, 'nodes');
  const ends = pageNodes && fields(pageNodes)?.filter((e) => e.name.value === 'source' || e.name.value === 'target');
  if (!ends) return 'full';
  if (ends.length === 0) return 'none';
  return ends.some((e) => selectsAliases([e])) ? 'full' : 'heads';
}

/**
 * Loads the ends of a page of relations in one store call into the request cache, before the page
 * is returned, so each end then resolves synchronously; without their aliases unless the query
 * asks for them. If the batch fails, the ends load one by one and report their own errors.
 */
async function primeEntities(ctx: ApiContext, ids: string[], wanted: 'none' | 'heads' | 'full'): Promise<void> {
  if (wanted === 'none') return;
  const withAliases = wanted === 'full';
  const missing = [...new Set(ids)].filter((id) => !ctx.entityCache.has(id) && (withAliases || !ctx.entityHeads.has(id)));
  if (missing.length === 0) return;
  try {
    if (withAliases) {
      const byId = new Map((await ctx.store.getEntities(missing)).map((e) => [e.id, e]));
      for (const id of missing) if (!ctx.entityCache.has(id)) ctx.entityCache.set(id, byId.get(id) ?? null);
    } else {
      const byId = new Map((await ctx.store.getEntityHeads(missing)).map((e) => [e.id, e]));
      for (const id of missing) ctx.entityHeads.set(id, byId.get(id) ?? null);
    }
  } catch {
    return;
  }
}

function requireFound<T extends EntityHead>(e: T | null, id: string): T {
  if (!e) throw new KgError('NOT_FOUND', `relation: entity ${id} is missing`);
  return e;
}

/** An end of a relation: from the relation's own view (frozen or live), cached when live. */
function requireEntity(ctx: ApiContext, parent: unknown, id: string, info: GraphQLResolveInfo): EntityHead | Promise<EntityHead> {
  if (isFrozen(parent)) return viewOf(parent, ctx.store).getEntity(id).then((e) => requireFound(e, id));
  if (!ctx.entityCache.has(id) && ctx.entityHeads.has(id) && !selectsAliases(info.fieldNodes)) return requireFound(ctx.entityHeads.get(id)!, id);
  const e = loadEntity(ctx, id);
  return isPromise(e) ? e.then((x) => requireFound(x, id)) : requireFound(e, id);
}

const subgraphResult = (g: Subgraph) => ({ ...g, cytoscape: toCytoscape(g.nodes, g.relations) });

const pathResult = (p: Path) => ({ ...p, length: p.relations.length });

const connection = <T>(page: Page<T>) => ({ totalCount: page.totalCount, nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } });

const typeCounts = (r: Record<string, number>) => Object.entries(r).map(([type, count]) => ({ type, count }));

interface SnapshotResult {
  id: string;
  title: string | null;
  createdAt: string;
  rootIds: string[];
  depth: number;
  view: FrozenView;
}

const snapshotResult = (view: FrozenView): SnapshotResult => {
  const { id, title, createdAt, rootIds, depth } = view.record;
  return { id, title, createdAt, rootIds, depth, view };
};

function requireAuth(ctx: ApiContext, op: string): void {
  if (!ctx.mutationsEnabled) throw new KgError('FORBIDDEN', `${op}: mutations are disabled on this server (KG_API_TOKEN is not set)`);
  if (ctx.crossOrigin) throw new KgError('FORBIDDEN', `${op}: mutations are refused from another origin`);
  if (!ctx.authorised) throw new KgError('UNAUTHORIZED', `${op}: send "Authorization: Bearer <KG_API_TOKEN>"`);
}

/** Runs a curation write; the per-request entity cache is dropped because the graph changed. */
async function curate<T>(ctx: ApiContext, op: string, write: () => Promise<T>): Promise<T> {
  requireAuth(ctx, op);
  const result = await write();
  ctx.entityCache.clear();
  ctx.entityHeads.clear();
  return result;
}

type Args = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? (v as string[]) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const cursor = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function degreeOf(ctx: ApiContext, e: Entity): Promise<number> {
  return (await viewOf(e, ctx.store).getRelations(e.id, { first: 0 })).totalCount;
}

export function createResolvers() {
  return {
    Query: {
      search: (_: unknown, a: Args, ctx: ApiContext) => {
        const query = String(a.query ?? '');
        if (query.length > LIMITS.maxQueryLength) throw new KgError('LIMIT_EXCEEDED', `search: query must be at most ${LIMITS.maxQueryLength} characters`);
        return ctx.store.search(query, { types: strs(a.types) as EntityType[] | undefined, first: firstArg('search', a, 10) });
      },
      entity: (_: unknown, a: Args, ctx: ApiContext) => loadEntity(ctx, String(a.id)),
      entities: async (_: unknown, a: Args, ctx: ApiContext) => {
        const op = 'entities';
        const where = (a.where ?? {}) as Args;
        const nameContains = str(where.nameContains);
        if (nameContains !== undefined && nameContains.length > LIMITS.maxQueryLength) throw new KgError('LIMIT_EXCEEDED', `${op}: nameContains must be at most ${LIMITS.maxQueryLength} characters`);
        const page = await ctx.store.listEntities({
          types: strs(where.type) as EntityType[] | undefined,
          nameContains,
          minMentions: optionalBounded(op, 'minMentions', where.minMentions, 0, Number.MAX_SAFE_INTEGER),
          mentionedIn: str(where.mentionedIn),
          connectedTo: str(where.connectedTo),
          orderBy: (a.orderBy as EntityOrder | undefined) ?? 'MENTIONS_DESC',
          first: firstArg(op, a, 20),
          after: cursor(a.after),
        });
        return connection(page);
      },
      central: async (_: unknown, a: Args, ctx: ApiContext) => {
        const type = str(a.type) as EntityType | undefined;
        const page = await ctx.store.listEntities({ types: type ? [type] : undefined, orderBy: 'DEGREE_DESC', first: firstArg('central', a, 10) });
        return Promise.all(page.nodes.map(async (entity) => ({ entity, degree: await degreeOf(ctx, entity) })));
      },
      neighbourhood: async (_: unknown, a: Args, ctx: ApiContext) => {
        const op = 'neighbourhood';
        const depth = bounded(op, 'depth', num(a.depth), 1, 0, LIMITS.maxDepth);
        const limit = bounded(op, 'limit', num(a.limit), 200, 1, LIMITS.maxNodes);
        const limitPerType = optionalBounded(op, 'limitPerType', a.limitPerType, 0, LIMITS.maxNodes);
        return subgraphResult(
          await ctx.store.neighbourhood(String(a.id), { depth, limit, limitPerType, relationTypes: strs(a.relationTypes), entityTypes: strs(a.types) as EntityType[] | undefined }),
        );
      },
      paths: async (_: unknown, a: Args, ctx: ApiContext) => {
        const maxHops = bounded('paths', 'maxHops', num(a.maxHops), 4, 1, LIMITS.maxHops);
        const first = bounded('paths', 'first', num(a.first), 3, 0, LIMITS.maxPaths);
        const found = await ctx.store.paths(String(a.from), String(a.to), { maxHops, first, relationTypes: strs(a.relationTypes) });
        return found.map(pathResult);
      },
      subgraph: async (_: unknown, a: Args, ctx: ApiContext) => {
        const ids = strs(a.ids) ?? [];
        if (ids.length > LIMITS.maxIds) throw new KgError('LIMIT_EXCEEDED', `subgraph: at most ${LIMITS.maxIds} ids`);
        const depth = bounded('subgraph', 'depth', num(a.depth), 0, 0, LIMITS.maxDepth);
        const limit = bounded('subgraph', 'limit', num(a.limit), 200, 1, LIMITS.maxNodes);
        return subgraphResult(await ctx.store.subgraph(ids, { depth, limit }));
      },
      relation: (_: unknown, a: Args, ctx: ApiContext) => ctx.store.getRelation(String(a.id)),
      relations: async (_: unknown, a: Args, ctx: ApiContext, info: GraphQLResolveInfo) => {
        const op = 'relations';
        const where = (a.where ?? {}) as Args;
        const page = await ctx.store.listRelations({
          types: strs(where.types),
          minConfidence: confidenceArg(op, where.minConfidence),
          documentId: str(where.documentId),
          entityId: str(where.entityId),
          first: firstArg(op, a, 50),
          after: cursor(a.after),
        });
        await primeEntities(ctx, page.nodes.flatMap((r) => [r.source, r.target]), endsWanted(info.fieldNodes));
        return connection(page);
      },
      documents: async (_: unknown, a: Args, ctx: ApiContext) => connection(await ctx.store.listDocuments(firstArg('documents', a, 20), cursor(a.after))),
      document: (_: unknown, a: Args, ctx: ApiContext) => ctx.store.getDocument(String(a.id)),
      stats: async (_: unknown, _a: Args, ctx: ApiContext) => {
        const s = await ctx.store.stats();
        return { ...s, entitiesByType: typeCounts(s.entitiesByType), relationsByType: typeCounts(s.relationsByType) };
      },
      ontology: () => ontology(),
      snapshot: async (_: unknown, a: Args, ctx: ApiContext) => {
        const record = await ctx.store.getSnapshot(String(a.id));
        return record ? snapshotResult(new FrozenView(record)) : null;
      },
    },
    Mutation: {
      ingestDocument: async (_: unknown, a: Args, ctx: ApiContext) => {
        requireAuth(ctx, 'ingestDocument');
        const input = (a.input ?? {}) as Record<string, string | null | undefined>;
        const text = input.text ?? '';
        if (text.length > LIMITS.maxTextLength) throw new KgError('LIMIT_EXCEEDED', `ingestDocument: text must be at most ${LIMITS.maxTextLength} characters`);
        const outcome = await ingestDocument(ctx.store, {
          text,
          title: input.title ?? null,
          byline: input.byline ?? null,
          url: input.url ?? null,
          publishedAt: dateArg('ingestDocument', 'publishedAt', input.publishedAt) ?? null,
          source: 'graphql',
        });
        ctx.entityCache.clear();
        ctx.entityHeads.clear();
        return { ...outcome, document: await ctx.store.getDocument(outcome.documentId) };
      },
      createSnapshot: async (_: unknown, a: Args, ctx: ApiContext) => {
        requireAuth(ctx, 'createSnapshot');
        const input = (a.input ?? {}) as { ids?: string[]; depth?: number | null; limit?: number | null; title?: string | null };
        const ids = input.ids ?? [];
        if (ids.length > LIMITS.maxIds) throw new KgError('LIMIT_EXCEEDED', `createSnapshot: at most ${LIMITS.maxIds} ids`);
        const depth = bounded('createSnapshot', 'depth', input.depth, 1, 0, LIMITS.maxDepth);
        const limit = bounded('createSnapshot', 'limit', input.limit, 200, 1, LIMITS.maxNodes);
        const title = input.title ?? null;
        if (title !== null && title.length > LIMITS.maxTitleLength) throw new KgError('LIMIT_EXCEEDED', `createSnapshot: title must be at most ${LIMITS.maxTitleLength} characters`);
        const record = await buildSnapshot(ctx.store, { ids, depth, limit, title });
        await ctx.store.addSnapshot(record);
        return snapshotResult(new FrozenView(record));
      },
      mergeEntities: (_: unknown, a: Args, ctx: ApiContext) => curate(ctx, 'mergeEntities', () => ctx.store.mergeEntities(String(a.keep), String(a.merge))),
      renameEntity: (_: unknown, a: Args, ctx: ApiContext) => curate(ctx, 'renameEntity', () => ctx.store.renameEntity(String(a.id), String(a.name))),
      addAlias: (_: unknown, a: Args, ctx: ApiContext) => curate(ctx, 'addAlias', () => ctx.store.addAlias(String(a.id), String(a.alias))),
      removeAlias: (_: unknown, a: Args, ctx: ApiContext) => curate(ctx, 'removeAlias', () => ctx.store.removeAlias(String(a.id), String(a.alias))),
      setEntityType: (_: unknown, a: Args, ctx: ApiContext) =>
        curate(ctx, 'setEntityType', () => ctx.store.setEntityType(String(a.id), String(a.type) as EntityType)),
      rejectRelation: (_: unknown, a: Args, ctx: ApiContext) => curate(ctx, 'rejectRelation', () => ctx.store.rejectRelation(String(a.id))),
      deleteDocument: (_: unknown, a: Args, ctx: ApiContext) => curate(ctx, 'deleteDocument', () => ctx.store.deleteDocument(String(a.id))),
    },
    Entity: {
      degree: (e: Entity, _a: Args, ctx: ApiContext) => degreeOf(ctx, e),
      relations: async (e: Entity, a: Args, ctx: ApiContext, info: GraphQLResolveInfo) => {
        const op = 'Entity.relations';
        const page = await viewOf(e, ctx.store).getRelations(e.id, {
          types: strs(a.types),
          direction: (a.direction as Direction | undefined) ?? 'BOTH',
          minConfidence: confidenceArg(op, a.minConfidence),
          reportedAfter: dateArg(op, 'reportedAfter', a.reportedAfter),
          reportedBefore: dateArg(op, 'reportedBefore', a.reportedBefore),
          first: firstArg(op, a, 50),
          after: cursor(a.after),
        });
        if (!isFrozen(e)) await primeEntities(ctx, page.nodes.flatMap((r) => [r.source, r.target]), endsWanted(info.fieldNodes));
        return connection(page);
      },
      mentions: async (e: Entity, a: Args, ctx: ApiContext) => connection(await viewOf(e, ctx.store).getMentions(e.id, firstArg('Entity.mentions', a, 20), cursor(a.after))),
      documents: async (e: Entity, a: Args, ctx: ApiContext) =>
        connection(await viewOf(e, ctx.store).getEntityDocuments(e.id, firstArg('Entity.documents', a, 20), cursor(a.after))),
      neighbourCounts: async (e: Entity, _a: Args, ctx: ApiContext) => {
        const c = await viewOf(e, ctx.store).neighbourCounts(e.id);
        return { total: c.total, byEntityType: typeCounts(c.byEntityType), byRelationType: typeCounts(c.byRelationType) };
      },
      neighbourhood: async (e: Entity, a: Args, ctx: ApiContext) => {
        const op = 'Entity.neighbourhood';
        const depth = bounded(op, 'depth', num(a.depth), 1, 0, LIMITS.maxDepth);
        const limit = bounded(op, 'limit', num(a.limit), 200, 1, LIMITS.maxNodes);
        const limitPerType = optionalBounded(op, 'limitPerType', a.limitPerType, 0, LIMITS.maxNodes);
        const g = await viewOf(e, ctx.store).neighbourhood(e.id, {
          depth,
          limit,
          limitPerType,
          relationTypes: strs(a.relationTypes),
          entityTypes: strs(a.types) as EntityType[] | undefined,
        });
        return subgraphResult(g);
      },
    },
    Snapshot: {
      nodes: (s: SnapshotResult) => s.view.nodes(),
      relations: (s: SnapshotResult) => s.view.allRelations(),
      documents: (s: SnapshotResult) => s.view.allDocuments(),
      cytoscape: (s: SnapshotResult) => toCytoscape(s.view.record.nodes, s.view.allRelations()),
    },
    Relation: {
      source: (r: Relation, _a: Args, ctx: ApiContext, info: GraphQLResolveInfo) => requireEntity(ctx, r, r.source, info),
      target: (r: Relation, _a: Args, ctx: ApiContext, info: GraphQLResolveInfo) => requireEntity(ctx, r, r.target, info),
      evidence: (r: Relation, a: Args, ctx: ApiContext) => viewOf(r, ctx.store).getEvidence(r.id, firstArg('Relation.evidence', a, 10)),
    },
    Evidence: {
      document: async (ev: Evidence, _a: Args, ctx: ApiContext) => {
        const d = await viewOf(ev, ctx.store).getDocument(ev.documentId);
        if (!d) throw new KgError('NOT_FOUND', `Evidence.document: document ${ev.documentId} is missing`);
        return d;
      },
    },
    Mention: {
      document: async (m: StoredMention, _a: Args, ctx: ApiContext) => {
        const d = await viewOf(m, ctx.store).getDocument(m.documentId);
        if (!d) throw new KgError('NOT_FOUND', `Mention.document: document ${m.documentId} is missing`);
        return d;
      },
      sentence: async (m: StoredMention, _a: Args, ctx: ApiContext) => {
        const view = viewOf(m, ctx.store);
        let sentences = isFrozen(m) ? undefined : ctx.sentenceCache.get(m.documentId);
        if (!sentences) {
          sentences = view.getSentences(m.documentId);
          if (!isFrozen(m)) ctx.sentenceCache.set(m.documentId, sentences);
        }
        return (await sentences).find((s) => s.index === m.sentenceIndex)?.text ?? '';
      },
    },
    Document: {
      sentences: (d: Document, _a: Args, ctx: ApiContext) => viewOf(d, ctx.store).getSentences(d.id),
      entities: async (d: Document, a: Args, ctx: ApiContext) =>
        connection(await viewOf(d, ctx.store).listEntities({ mentionedIn: d.id, first: firstArg('Document.entities', a, 50), after: cursor(a.after) })),
      relations: async (d: Document, a: Args, ctx: ApiContext) =>
        connection(await viewOf(d, ctx.store).listRelations({ documentId: d.id, first: firstArg('Document.relations', a, 50), after: cursor(a.after) })),
    },
    Ontology: {
      entityTypes: (o: ReturnType<typeof ontology>) => o.entityTypes,
      relationTypes: (o: ReturnType<typeof ontology>) => o.relationTypes,
    },
  };
}
