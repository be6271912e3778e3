// One error family with stable codes. Messages start with the operation ("store.addDocument: ...");
// tests check `code`, never message text. The API maps codes to GraphQL extensions.

export type KgErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'BACKEND_UNAVAILABLE'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED'
  /** A request ran longer than the server allows (GraphQL execution timeout). */
  | 'TIMEOUT'
  | 'INTERNAL';

export class KgError extends Error {
  readonly code: KgErrorCode;

  constructor(code: KgErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KgError';
    this.code = code;
  }
}

export const isKgError = (value: unknown): value is KgError => value instanceof KgError;

export const invalidInput = (operation: string, detail: string): KgError =>
  new KgError('INVALID_INPUT', `${operation}: ${detail}`);

export const notFound = (operation: string, detail: string): KgError =>
  new KgError('NOT_FOUND', `${operation}: ${detail}`);
