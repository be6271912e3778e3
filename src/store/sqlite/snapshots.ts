// Snapshots: immutable frozen subgraphs stored whole as JSON (one row each), never updated.
import { KgError } from '../../model/errors.js';
import type { SnapshotRecord } from '../graph-store.js';
import type { SqliteConnection } from './connection.js';

export const SNAPSHOT_DDL = `
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  title TEXT,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL
);`;

export function addSnapshot(conn: SqliteConnection, snapshot: SnapshotRecord): void {
  const inserted = conn
    .stmt('INSERT OR IGNORE INTO snapshots (id, title, created_at, body) VALUES (?, ?, ?, ?)')
    .run(snapshot.id, snapshot.title, snapshot.createdAt, JSON.stringify(snapshot)).changes;
  if (inserted === 0) throw new KgError('CONFLICT', `store.addSnapshot: snapshot ${snapshot.id} already exists`);
}

export function getSnapshot(conn: SqliteConnection, id: string): SnapshotRecord | null {
  const row = conn.stmt('SELECT body FROM snapshots WHERE id = ?').get(id) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as SnapshotRecord) : null;
}
