// Minimal GraphQL-over-HTTP client for the viewer (the viewer talks to the server only this way).
export class GraphQLRequestError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, endpoint = '/graphql'): Promise<T> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphQLRequestError('Cannot reach the server.');
  }
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (!body) throw new GraphQLRequestError(`The server answered ${res.status} without JSON.`);
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new GraphQLRequestError('The server sent no data.');
  return body.data;
}
