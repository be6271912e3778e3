// Start-up failures are clear: an unreachable server, a bad URI or an unsupported version gives
// BACKEND_UNAVAILABLE with a message naming the problem; driver errors are translated at the edge.
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createStore, storeConfigFromEnv } from '../../../src/store/create-store.js';
import { translateError } from '../../../src/store/neo4j/executor.js';
import { Neo4jStore } from '../../../src/store/neo4j/neo4j-store.js';
import { checkServerVersion, isSupportedVersion } from '../../../src/store/neo4j/schema.js';

// Port 1 on loopback: nothing listens there, so the connection is refused at once.
const NOWHERE = 'bolt://127.0.0.1:1';

describe('Neo4j start-up', () => {
  it('an unreachable server gives BACKEND_UNAVAILABLE naming Neo4j', async () => {
    const store = new Neo4jStore({ uri: NOWHERE, user: 'neo4j', password: 'x', connectionTimeoutMs: 2000 });
    try {
      const error = await store.init().then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      expect((error as Error).message).toMatch(/^neo4j\.init: Neo4j is unreachable/);
    } finally {
      await store.close();
    }
  });

  it('createStore with NEO4J_URI set uses Neo4j and fails cleanly when it is not there', async () => {
    const config = storeConfigFromEnv({ NEO4J_URI: NOWHERE, NEO4J_PASSWORD: 'x', NEO4J_CONNECTION_TIMEOUT_MS: '2000' });
    expect(config.neo4jUri).toBe(NOWHERE);
    expect(config.neo4j).toMatchObject({ user: 'neo4j', password: 'x', connectionTimeoutMs: 2000 });
    await expect(createStore(config)).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });

  it.each(['http://127.0.0.1:7474', 'not a uri'])('a URI the driver cannot use (%s) gives BACKEND_UNAVAILABLE', (uri) => {
    expect(() => new Neo4jStore({ uri })).toThrow(expect.objectContaining({ code: 'BACKEND_UNAVAILABLE' }));
  });

  it.each([
    ['5.0.0', true],
    ['5.26.12', true],
    ['2025.01.0', true],
    ['2025.10.1', true],
    ['4.4.30', false],
    ['3.5.0', false],
    ['6.0.0', false],
    ['garbage', false],
  ])('server version %s supported: %s', (version, ok) => {
    expect(isSupportedVersion(version)).toBe(ok);
    if (ok) expect(() => checkServerVersion(version)).not.toThrow();
    else expect(() => checkServerVersion(version)).toThrow(expect.objectContaining({ code: 'BACKEND_UNAVAILABLE' }));
  });
});

// The driver's own error class, as the driver raises it.
const driverError = (message: string, code: string) => new Neo4jError(message, code as never, '50N42', 'error: general processing exception');

describe('driver error translation', () => {
  it.each([
    [neo4j.error.SERVICE_UNAVAILABLE, 'BACKEND_UNAVAILABLE'],
    [neo4j.error.SESSION_EXPIRED, 'BACKEND_UNAVAILABLE'],
    ['Neo.ClientError.Security.Unauthorized', 'BACKEND_UNAVAILABLE'],
    ['Neo.ClientError.Security.Forbidden', 'BACKEND_UNAVAILABLE'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'BACKEND_UNAVAILABLE'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'BACKEND_UNAVAILABLE'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONFLICT'],
    ['Neo.ClientError.Statement.SyntaxError', 'INTERNAL'],
  ])('%s → %s', (code, expected) => {
    const error = translateError('store.test', driverError('boom', code));
    expect(error.code).toBe(expected);
    expect(error.message.startsWith('store.test: ')).toBe(true);
  });

  it('bad credentials and missing rights say so', () => {
    expect(translateError('neo4j.init', driverError('auth failed', 'Neo.ClientError.Security.Unauthorized')).message).toMatch(/NEO4J_PASSWORD/);
    expect(translateError('neo4j.init', driverError('denied', 'Neo.ClientError.Security.Forbidden')).message).toMatch(/may not/);
  });
});
