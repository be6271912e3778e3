// Builds the GraphQL server (graphql-yoga) over a GraphStore: schema from schema/, limits from
// graphql-armor, errors masked through one chokepoint. Tests call `api.fetch` in-process.
import { timingSafeEqual } from 'node:crypto';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLScalarType } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphStore } from '../store/graph-store.js';
import { maskError } from './errors.js';
import { createResolvers, type ApiContext } from './resolvers.js';
import { loadTypeDefs } from './type-defs.js';

export interface ApiOptions {
  /** Bearer token that unlocks mutations; null disables them. */
  apiToken: string | null;
  graphiql?: boolean;
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
    landingPage: false,
    maskedErrors: { maskError },
    cors: (request) => ({ origin: request.headers.get('origin') ?? '*', methods: ['GET', 'POST'], credentials: false }),
    context: ({ request }) => ({
      store,
      authorised: tokenMatches(request.headers.get('authorization'), options.apiToken),
      mutationsEnabled: options.apiToken !== null,
      entityCache: new Map(),
    }),
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        maxAliases: { n: 30 },
        maxTokens: { n: 2000 },
        maxDirectives: { n: 20 },
        costLimit: { maxCost: 100000 },
        blockFieldSuggestion: { enabled: true },
      }),
      ...(options.jit === false ? [] : [useGraphQlJit()]),
    ],
  });
}
