// One better-sqlite3 connection with a cache of prepared statements (prepared once, reused).
import type Database from 'better-sqlite3';

export class SqliteConnection {
  private readonly cache = new Map<string, Database.Statement>();
  /** Set while a write group (SqliteStore.groupWrites) holds the transaction; records the first failed write. */
  group: { failed: unknown } | null = null;

  constructor(readonly db: Database.Database) {}

  stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}
