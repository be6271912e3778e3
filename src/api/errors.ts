// The error chokepoint: deliberate KgErrors reach clients with extensions.code; anything else
// becomes "Unexpected error." with no stack, SQL or Cypher text (yoga's maskedErrors hook).
import { GraphQLError } from 'graphql';
import { isKgError, type KgError } from '../model/errors.js';

export function toGraphQLError(error: KgError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code } });
}

export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isKgError(original)) {
    const e = error as GraphQLError;
    return new GraphQLError(original.message, { nodes: e.nodes, path: e.path, extensions: { code: original.code } });
  }
  if (error instanceof GraphQLError && !error.originalError) return error; // validation/parse errors
  if (error instanceof GraphQLError && error.originalError instanceof GraphQLError) return error.originalError;
  return new GraphQLError(message, { extensions: { code: 'INTERNAL' } });
}
