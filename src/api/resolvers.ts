// Resolvers: validate arguments → call the GraphStore → map to the schema. They never touch a
// backend directly, so the same API runs on SQLite and Neo4j.
import { KgError, invalidInput } from '../model/errors.js';
import { ontology } from '../model/ontology.js';
import type { Document, Entity, Evidence, Path, Relation, Subgraph } from '../model/types.js';
import type { Direction, GraphStore } from '../store/graph-store.js';
import { toCytoscape } from './cytoscape.js';
import { FrozenView } from './frozen-view.js';
import { isFrozen, viewOf } from './read-view.js';
import { buildSnapshot } from './snapshots.js';
import { ingestDocument } from '../ingest/ingest-document.js';

export const LIMITS = {
  maxFirst: 500,
  maxDepth: 3,
  maxHops: 6,
  maxNodes: 2000,
  maxIds: 500,
  maxQueryLength: 500,
  maxTextLength: 5_000_000,
} as const;

export interface ApiContext {
  store: GraphStore;
  /** True when the request carried the right bearer token. */
  authorised: boolean;
  /** True when mutations are enabled at all (KG_API_TOKEN set). */
  mutationsEnabled: boolean;
  /** Per-request cache so an entity is read once however often a response names it. */
  entityCache: Map<string, Promise<Entity | null>>;
}

function bounded(op: string, name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw invalidInput(op, `${name} must be an integer ≥ ${min}`);
  if (v > max) throw new KgError('LIMIT_EXCEEDED', `${op}: ${name} must be at most ${max}`);
  return v;
}

function loadEntity(ctx: ApiContext, id: string): Promise<Entity | null> {
  let p = ctx.entityCache.get(id);
  if (!p) {
    p = ctx.store.getEntity(id);
    ctx.entityCache.set(id, p);
  }
  return p;
}

/** An end of a relation: from the relation's own view (frozen or live), cached when live. */
async function requireEntity(ctx: ApiContext, parent: unknown, id: string): Promise<Entity> {
  const e = isFrozen(parent) ? await viewOf(parent, ctx.store).getEntity(id) : await loadEntity(ctx, id);
  if (!e) throw new KgError('NOT_FOUND', `relation: entity ${id} is missing`);
  return e;
}

const subgraphResult = (g: Subgraph) => ({ ...g, cytoscape: toCytoscape(g.nodes, g.relations) });

const pathResult = (p: Path) => ({ ...p, length: p.relations.length });

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

const pageInfo = (page: { endCursor: string | null; hasNextPage: boolean }) => ({ endCursor: page.endCursor, hasNextPage: page.hasNextPage });

function requireAuth(ctx: ApiContext, op: string): void {
  if (!ctx.mutationsEnabled) throw new KgError('FORBIDDEN', `${op}: mutations are disabled on this server (KG_API_TOKEN is not set)`);
  if (!ctx.authorised) throw new KgError('UNAUTHORIZED', `${op}: send "Authorization: Bearer <KG_API_TOKEN>"`);
}

type Args = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? (v as string[]) : undefined);

export function createResolvers() {
  return {
    Query: {
      search: (_: unknown, a: Args, ctx: ApiContext) => {
        const query = String(a.query ?? '');
        if (query.length > LIMITS.maxQueryLength) throw new KgError('LIMIT_EXCEEDED', `search: query must be at most ${LIMITS.maxQueryLength} characters`);
        const first = bounded('search', 'first', num(a.first), 10, 0, LIMITS.maxFirst);
        return ctx.store.search(query, { types: strs(a.types) as Entity['type'][] | undefined, first });
      },
      entity: (_: unknown, a: Args, ctx: ApiContext) => loadEntity(ctx, String(a.id)),
      neighbourhood: async (_: unknown, a: Args, ctx: ApiContext) => {
        const depth = bounded('neighbourhood', 'depth', num(a.depth), 1, 0, LIMITS.maxDepth);
        const limit = bounded('neighbourhood', 'limit', num(a.limit), 200, 1, LIMITS.maxNodes);
        const limitPerType = a.limitPerType === null || a.limitPerType === undefined ? undefined : bounded('neighbourhood', 'limitPerType', num(a.limitPerType), 0, 0, LIMITS.maxNodes);
        return subgraphResult(
          await ctx.store.neighbourhood(String(a.id), { depth, limit, limitPerType, relationTypes: strs(a.relationTypes), entityTypes: strs(a.types) as Entity['type'][] | undefined }),
        );
      },
      paths: async (_: unknown, a: Args, ctx: ApiContext) => {
        const maxHops = bounded('paths', 'maxHops', num(a.maxHops), 4, 1, LIMITS.maxHops);
        const first = bounded('paths', 'first', num(a.first), 3, 0, 50);
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
      documents: async (_: unknown, a: Args, ctx: ApiContext) => {
        const first = bounded('documents', 'first', num(a.first), 20, 0, LIMITS.maxFirst);
        const page = await ctx.store.listDocuments(first, (a.after as string | null) ?? null);
        return { totalCount: page.totalCount, nodes: page.nodes, pageInfo: pageInfo(page) };
      },
      document: (_: unknown, a: Args, ctx: ApiContext) => ctx.store.getDocument(String(a.id)),
      stats: async (_: unknown, _a: Args, ctx: ApiContext) => {
        const s = await ctx.store.stats();
        return { ...s, entitiesByType: typeCounts(s.entitiesByType), relationsByType: typeCounts(s.relationsByType) };
      },
      snapshot: async (_: unknown, a: Args, ctx: ApiContext) => {
        const record = await ctx.store.getSnapshot(String(a.id));
        return record ? snapshotResult(new FrozenView(record)) : null;
      },
      ontology: () => ontology(),
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
          publishedAt: input.publishedAt ?? null,
          source: 'graphql',
        });
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
        if (title !== null && title.length > 500) throw new KgError('LIMIT_EXCEEDED', 'createSnapshot: title must be at most 500 characters');
        const record = await buildSnapshot(ctx.store, { ids, depth, limit, title });
        await ctx.store.addSnapshot(record);
        return snapshotResult(new FrozenView(record));
      },
    },
    Entity: {
      relations: async (e: Entity, a: Args, ctx: ApiContext) => {
        const first = bounded('Entity.relations', 'first', num(a.first), 50, 0, LIMITS.maxFirst);
        const page = await viewOf(e, ctx.store).getRelations(e.id, {
          types: strs(a.types),
          direction: (a.direction as Direction | undefined) ?? 'BOTH',
          minConfidence: num(a.minConfidence),
          reportedAfter: (a.reportedAfter as string | null | undefined) ?? undefined,
          reportedBefore: (a.reportedBefore as string | null | undefined) ?? undefined,
          first,
          after: (a.after as string | null) ?? null,
        });
        return { totalCount: page.totalCount, nodes: page.nodes, pageInfo: pageInfo(page) };
      },
      neighbourCounts: async (e: Entity, _a: Args, ctx: ApiContext) => {
        const c = await viewOf(e, ctx.store).neighbourCounts(e.id);
        return { total: c.total, byEntityType: typeCounts(c.byEntityType), byRelationType: typeCounts(c.byRelationType) };
      },
      neighbourhood: async (e: Entity, a: Args, ctx: ApiContext) => {
        const op = 'Entity.neighbourhood';
        const depth = bounded(op, 'depth', num(a.depth), 1, 0, LIMITS.maxDepth);
        const limit = bounded(op, 'limit', num(a.limit), 200, 1, LIMITS.maxNodes);
        const limitPerType = a.limitPerType === null || a.limitPerType === undefined ? undefined : bounded(op, 'limitPerType', num(a.limitPerType), 0, 0, LIMITS.maxNodes);
        const g = await viewOf(e, ctx.store).neighbourhood(e.id, {
          depth,
          limit,
          limitPerType,
          relationTypes: strs(a.relationTypes),
          entityTypes: strs(a.types) as Entity['type'][] | undefined,
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
      source: (r: Relation, _a: Args, ctx: ApiContext) => requireEntity(ctx, r, r.source),
      target: (r: Relation, _a: Args, ctx: ApiContext) => requireEntity(ctx, r, r.target),
      evidence: (r: Relation, a: Args, ctx: ApiContext) =>
        viewOf(r, ctx.store).getEvidence(r.id, bounded('Relation.evidence', 'first', num(a.first), 10, 0, LIMITS.maxFirst)),
    },
    Evidence: {
      document: async (ev: Evidence, _a: Args, ctx: ApiContext) => {
        const d = await viewOf(ev, ctx.store).getDocument(ev.documentId);
        if (!d) throw new KgError('NOT_FOUND', `Evidence.document: document ${ev.documentId} is missing`);
        return d;
      },
    },
    Document: {
      sentences: (d: Document, _a: Args, ctx: ApiContext) => viewOf(d, ctx.store).getSentences(d.id),
    },
    Ontology: {
      entityTypes: (o: ReturnType<typeof ontology>) => o.entityTypes,
      relationTypes: (o: ReturnType<typeof ontology>) => o.relationTypes,
    },
  };
}
