// Minimal GraphQL-over-HTTP client for the viewer (the viewer talks to the server only this way).
// Mutations carry the API token the user typed once (kept in sessionStorage, never in the URL).

/** A GraphQL or transport failure; `code` is the server's extensions.code when it sent one. */
export class GraphQLRequestError extends Error {
  constructor(message: string, readonly code: string | null = null) {
    super(message);
  }
}

const TOKEN_KEY = 'kg-api-token';

export const apiToken = {
  get: (): string | null => {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  set: (token: string | null): void => {
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage blocked (e.g. a sandboxed frame): the token then lives only for this call.
    }
  },
};

export interface GqlOptions {
  endpoint?: string;
  /** Send the stored API token (mutations). */
  auth?: boolean;
  signal?: AbortSignal;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = options.auth ? apiToken.get() : null;
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(options.endpoint ?? '/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: options.signal ?? null });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new GraphQLRequestError('Cannot reach the server: check your connection and try again.', 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  if (!body) throw new GraphQLRequestError(`The server answered ${res.status} without JSON.`, 'HTTP');
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors[0]?.extensions?.code ?? null);
  if (!body.data) throw new GraphQLRequestError('The server sent no data.', 'HTTP');
  return body.data;
}
