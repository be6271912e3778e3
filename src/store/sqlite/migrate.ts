// Upgrades a store written by an older schema in place, inside one transaction: v1 → v2 adds
// stored degrees, relation strength and the popularity-ordered FTS table (see schema.ts).
import type { SqliteConnection } from './connection.js';
import { DDL, SCHEMA_VERSION } from './schema.js';
import { rebuildSearchOrder } from './search-order.js';
import { STRENGTH_SQL } from './writes.js';

const hasColumn = (conn: SqliteConnection, table: string, column: string): boolean =>
  (conn.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).some((c) => c.name === column);

/** Creates or upgrades the schema; idempotent, run on every open. */
export function applySchema(conn: SqliteConnection): void {
  const db = conn.db;
  const isV1 = hasColumn(conn, 'entities', 'id') && !hasColumn(conn, 'entities', 'out_degree');
  if (!isV1) {
    db.exec(DDL);
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
    return;
  }
  db.transaction(() => {
    db.exec(`
      ALTER TABLE entities ADD COLUMN out_degree INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entities ADD COLUMN in_degree INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entities ADD COLUMN search_band INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE aliases ADD COLUMN fts_rowid INTEGER;
      ALTER TABLE relations ADD COLUMN strength INTEGER NOT NULL DEFAULT 0;
      DROP INDEX IF EXISTS relations_out;
      DROP INDEX IF EXISTS relations_in;
      DROP TABLE IF EXISTS entity_fts;
    `);
    db.exec(DDL);
    db.exec(`UPDATE relations SET strength = ${STRENGTH_SQL}`);
    db.exec(`UPDATE entities SET out_degree = (SELECT count(*) FROM relations WHERE source = entities.id),
      in_degree = (SELECT count(*) FROM relations WHERE target = entities.id AND source <> target)`);
    rebuildSearchOrder(conn);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
  }).immediate();
}
