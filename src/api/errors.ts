// The error chokepoint: deliberate KgErrors reach clients with extensions.code; anything else
// becomes "Unexpected error." with no stack, SQL or Cypher text (yoga's maskedErrors hook).
// Duck-typed on purpose: graphql can be loaded twice (ESM and CJS), which breaks instanceof.
import { createGraphQLError } from 'graphql-yoga';
import { isKgError } from '../model/errors.js';

interface GraphQLErrorLike {
  message: string;
  originalError?: unknown;
  nodes?: unknown;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

const isGraphQLErrorLike = (e: unknown): e is GraphQLErrorLike =>
  typeof e === 'object' && e !== null && (e as { name?: string }).name === 'GraphQLError';

export function maskError(error: unknown, message: string): Error {
  const original = isGraphQLErrorLike(error) ? error.originalError : error;
  if (isKgError(original)) {
    return createGraphQLError(original.message, { path: isGraphQLErrorLike(error) ? error.path : undefined, extensions: { code: original.code } });
  }
  if (isGraphQLErrorLike(error)) {
    // Parse and validation errors (and armor's limits) carry no originalError: they are for the client.
    if (!error.originalError) {
      // graphql-armor rejects over-limit documents without a code; give them one.
      if (!error.extensions?.code && /limit|exceeded|too many/i.test(error.message)) {
        return createGraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'LIMIT_EXCEEDED' } });
      }
      return error as unknown as Error;
    }
    if (isGraphQLErrorLike(error.originalError)) return error.originalError as unknown as Error;
  }
  return createGraphQLError(message, { extensions: { code: 'INTERNAL' } });
}

/** True for errors meant for the client (typed KgErrors, parse/validation/limit errors): not worth a log line. */
function isExpected(value: unknown): boolean {
  if (isKgError(value)) return value.code !== 'INTERNAL';
  return isGraphQLErrorLike(value) && (!value.originalError || isExpected(value.originalError));
}

/** Yoga's logger: client errors are silent, anything unexpected is logged in full (server side only). */
export const apiLogger = {
  debug: (): void => undefined,
  info: (): void => undefined,
  warn: (...args: unknown[]): void => console.warn(...args),
  error: (...args: unknown[]): void => {
    if (args.some(isExpected)) return;
    console.error(...args);
  },
};
