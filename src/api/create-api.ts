// Builds the GraphQL server (graphql-yoga) over a GraphStore: schema from schema/, limits from
// graphql-armor, errors masked through one chokepoint, HTTP policy (body size, caching, CORS) in
// http-policy.ts. Tests call `api.fetch` in-process.
import { timingSafeEqual } from 'node:crypto';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLScalarType, Kind, type DocumentNode } from 'graphql';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphStore } from '../store/graph-store.js';
import { apiLogger, maskError } from './errors.js';
import { useExecutionTimeout } from './execution-timeout.js';
import { useListCostLimit } from './list-cost.js';
import { ARMOR_LIMITS, corsOptions, isCrossOrigin, useHttpPolicy } from './http-policy.js';
import { createResolvers, type ApiContext } from './resolvers.js';
import { loadTypeDefs } from './type-defs.js';

export interface ApiOptions {
  /** Bearer token that unlocks mutations; null disables them. */
  apiToken: string | null;
  graphiql?: boolean;
  /** Longest one operation may run before it is stopped with code TIMEOUT (default 15 s). */
  executionTimeoutMs?: number;
  /** Compile each distinct query to JavaScript once (graphql-jit); ~1.5× the req/s. Default on. */
  jit?: boolean;
}

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Arbitrary JSON.',
  serialize: (v) => v,
  parseValue: (v) => v,
});

function tokenMatches(header: string | null, token: string | null): boolean {
  if (!token || !header) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** graphql-jit ignores variable defaults (`$id: ID! = "x"`): such operations run on the plain executor. */
const defaultsSeen = new WeakMap<DocumentNode, boolean>();
function hasVariableDefaults(document: DocumentNode): boolean {
  let found = defaultsSeen.get(document);
  if (found === undefined) {
    found = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && (d.variableDefinitions ?? []).some((v) => v.defaultValue !== undefined));
    defaultsSeen.set(document, found);
  }
  return found;
}

export type KgApi = YogaServerInstance<Record<string, unknown>, ApiContext>;

export function createApi(store: GraphStore, options: ApiOptions): KgApi {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: { ...createResolvers(), JSON: JSONScalar },
  });
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ?? true,
    // GraphiQL's assets are bundled (no CDN), so it works offline and behind strict networks.
    renderGraphiQL,
    landingPage: false,
    maskedErrors: { maskError },
    // The body cap is useHttpPolicy's (1 MB, declared or streamed). Yoga's own limiter piped every
    // body through a TransformStream even with a declared length: ~6% of a small request's CPU.
    // Over HTTP, Node's parser holds a body to its content-length, so the declared check suffices.
    maxRequestBodySize: false,
    logging: apiLogger,
    cors: corsOptions,
    context: ({ request }) => ({
      store,
      authorised: tokenMatches(request.headers.get('authorization'), options.apiToken),
      mutationsEnabled: options.apiToken !== null,
      crossOrigin: isCrossOrigin(request),
      entityCache: new Map(),
      entityHeads: new Map(),
      sentenceCache: new Map(),
    }),
    plugins: [
      useHttpPolicy(),
      useListCostLimit(),
      EnvelopArmorPlugin({
        maxDepth: { n: ARMOR_LIMITS.maxDepth },
        maxAliases: { n: ARMOR_LIMITS.maxAliases },
        maxTokens: { n: ARMOR_LIMITS.maxTokens },
        maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
        costLimit: { maxCost: ARMOR_LIMITS.maxCost },
        blockFieldSuggestion: { enabled: true },
      }),
      ...(options.jit === false ? [] : [useGraphQlJit({}, { enableIf: ({ document }) => !hasVariableDefaults(document) })]),
      // After jit: the timeout wraps whichever executor runs.
      useExecutionTimeout(options.executionTimeoutMs),
    ],
  });
}
