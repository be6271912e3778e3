// Upgrades a store written by an older schema in place, inside one transaction: v1 → v2 adds
// stored degrees, relation strength and the popularity-ordered FTS table; v2 → v3 rebuilds
// `entities` WITHOUT ROWID with each entity's other aliases in its row, and the pair index
// holding whole relations (see schema.ts).
import type { SqliteConnection } from './connection.js';
import { DDL, ENTITIES_TABLE, OTHER_ALIASES_SQL, SCHEMA_VERSION } from './schema.js';
import { rebuildSearchOrder } from './search-order.js';
import { STRENGTH_SQL } from './writes.js';

const hasColumn = (conn: SqliteConnection, table: string, column: string): boolean =>
  (conn.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).some((c) => c.name === column);

/** True for a store written by v1 or v2 (a new file has no entities table yet). */
const isOld = (conn: SqliteConnection): boolean => hasColumn(conn, 'entities', 'id') && !hasColumn(conn, 'entities', 'other_aliases');

/** Creates or upgrades the schema; idempotent, run on every open. */
export function applySchema(conn: SqliteConnection): void {
  const db = conn.db;
  if (!isOld(conn)) {
    db.exec(DDL);
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
    return;
  }
  // Swapping `entities` for its rebuilt copy must not cascade deletes to aliases, mentions and
  // relations; the pragma is a no-op inside a transaction, so it goes around it.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      if (!isOld(conn)) return; // another connection upgraded it while this one waited
      const fromV1 = !hasColumn(conn, 'entities', 'out_degree');
      if (fromV1) {
        db.exec(`
          ALTER TABLE aliases ADD COLUMN fts_rowid INTEGER;
          ALTER TABLE relations ADD COLUMN strength INTEGER NOT NULL DEFAULT 0;
          DROP INDEX IF EXISTS relations_out;
          DROP INDEX IF EXISTS relations_in;
          DROP TABLE IF EXISTS entity_fts;
        `);
      }
      // The degree triggers name `entities` (a rename re-checks them): DDL brings them back, and
      // the pair index in its v3 shape.
      db.exec(`
        DROP INDEX IF EXISTS relations_pair;
        DROP TRIGGER IF EXISTS relations_degree_insert;
        DROP TRIGGER IF EXISTS relations_degree_delete;
        DROP TRIGGER IF EXISTS relations_degree_update;
        DROP TABLE IF EXISTS entities_v3;
        ${ENTITIES_TABLE('entities_v3')}
        INSERT INTO entities_v3 (id, type, name, mention_count, document_count, out_degree, in_degree, search_band)
          SELECT id, type, name, mention_count, document_count, ${fromV1 ? '0, 0, 0' : 'out_degree, in_degree, search_band'} FROM entities ORDER BY id;
        DROP TABLE entities;
        ALTER TABLE entities_v3 RENAME TO entities;
      `);
      db.exec(DDL);
      db.exec(`UPDATE entities SET other_aliases = ${OTHER_ALIASES_SQL}`);
      if (fromV1) {
        db.exec(`UPDATE relations SET strength = ${STRENGTH_SQL}`);
        db.exec(`UPDATE entities SET out_degree = (SELECT count(*) FROM relations WHERE source = entities.id),
          in_degree = (SELECT count(*) FROM relations WHERE target = entities.id AND source <> target)`);
        rebuildSearchOrder(conn);
      }
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
