// The one owner of driver sessions: reads through executeRead (routed to readers in a cluster),
// writes through executeWrite (retried by the driver on transient errors), `database` always set,
// every session closed in `finally`, every driver error translated to a KgError here.
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Record as DriverRecord } from 'neo4j-driver';
import { KgError, isKgError } from '../../model/errors.js';
import type { Statement } from './cypher.js';

/** Runs statements inside one managed transaction. */
export type Run = (statement: Statement) => Promise<DriverRecord[]>;

export interface ExecutorOptions {
  /** Database name; undefined means the server's default (usually "neo4j"). */
  database?: string;
}

const runner = (tx: ManagedTransaction): Run => async (s) => (await tx.run(s.cypher, s.params)).records;

/** Maps a driver error to our error family, naming the operation. */
export function translateError(operation: string, error: unknown): KgError {
  if (isKgError(error)) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? '';
    if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED) {
      return new KgError('BACKEND_UNAVAILABLE', `${operation}: Neo4j is unreachable (${error.message})`, { cause: error });
    }
    if (code === 'Neo.ClientError.Security.Forbidden') {
      return new KgError('BACKEND_UNAVAILABLE', `${operation}: the Neo4j user may not do this (it needs read, write and index/constraint rights): ${error.message}`, { cause: error });
    }
    if (code.startsWith('Neo.ClientError.Security.')) {
      return new KgError('BACKEND_UNAVAILABLE', `${operation}: Neo4j refused the credentials (check NEO4J_USER and NEO4J_PASSWORD): ${error.message}`, { cause: error });
    }
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new KgError('BACKEND_UNAVAILABLE', `${operation}: the database does not exist (check NEO4J_DATABASE): ${error.message}`, { cause: error });
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new KgError('CONFLICT', `${operation}: ${error.message}`, { cause: error });
    }
    if (code.startsWith('Neo.TransientError.') || code.startsWith('Neo.DatabaseError.')) {
      return new KgError('BACKEND_UNAVAILABLE', `${operation}: Neo4j could not complete the request (${code})`, { cause: error });
    }
    return new KgError('INTERNAL', `${operation}: Neo4j error ${code}: ${error.message}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new KgError('INTERNAL', `${operation}: ${message}`, { cause: error });
}

export class Neo4jExecutor {
  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions = {},
  ) {}

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /** One read transaction; `work` may run several statements. */
  async read<T>(operation: string, work: (run: Run) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead((tx) => work(runner(tx)));
    } catch (e) {
      throw translateError(operation, e);
    } finally {
      await session.close();
    }
  }

  /** One write transaction, retried by the driver on transient failures; all or nothing. */
  async write<T>(operation: string, work: (run: Run) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) => work(runner(tx)));
    } catch (e) {
      throw translateError(operation, e);
    } finally {
      await session.close();
    }
  }

  /** Shorthand: the records of one read statement. */
  readRecords(operation: string, statement: Statement): Promise<DriverRecord[]> {
    return this.read(operation, (run) => run(statement));
  }

  /** Checks that the server answers and accepts our credentials; returns its agent string. */
  async serverAgent(operation: string): Promise<string> {
    try {
      const info = await this.driver.getServerInfo({ database: this.options.database });
      return info.agent ?? 'unknown';
    } catch (e) {
      throw translateError(operation, e);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
