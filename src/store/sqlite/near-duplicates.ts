// Near-duplicate bookkeeping for the embedded store, in its own tables so the core schema stays
// untouched: MinHash signatures and LSH band keys of original documents, and the link from each
// recorded syndicated copy to its original.
import type { NearDuplicateInfo } from '../../model/types.js';
import type { NearDuplicateCandidate } from '../graph-store.js';
import type { SqliteConnection } from './connection.js';

export const NEAR_DUPLICATE_DDL = `
CREATE TABLE IF NOT EXISTS document_signatures (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  signature TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS document_bands (
  band_key TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_bands_document ON document_bands (document_id);
CREATE TABLE IF NOT EXISTS document_duplicates (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  duplicate_of TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE
) WITHOUT ROWID;
`;

/** Inside the addDocument transaction: a copy is linked to its original; an original is indexed. */
export function recordNearDuplicate(conn: SqliteConnection, documentId: string, info: NearDuplicateInfo): void {
  if (info.duplicateOf) {
    conn.stmt('INSERT OR REPLACE INTO document_duplicates (document_id, duplicate_of) VALUES (?, ?)').run(documentId, info.duplicateOf);
    return;
  }
  conn.stmt('INSERT OR REPLACE INTO document_signatures (document_id, signature) VALUES (?, ?)').run(documentId, JSON.stringify(info.signature));
  const band = conn.stmt('INSERT OR IGNORE INTO document_bands (band_key, document_id) VALUES (?, ?)');
  for (const key of new Set(info.bandKeys)) band.run(key, documentId);
}

export function findNearDuplicates(conn: SqliteConnection, bandKeys: string[]): NearDuplicateCandidate[] {
  const ids = new Set<string>();
  const byKey = conn.stmt('SELECT document_id FROM document_bands WHERE band_key = ?');
  for (const key of new Set(bandKeys)) for (const row of byKey.all(key) as { document_id: string }[]) ids.add(row.document_id);
  const signatureOf = conn.stmt('SELECT signature FROM document_signatures WHERE document_id = ?');
  const out: NearDuplicateCandidate[] = [];
  for (const documentId of [...ids].sort()) {
    const row = signatureOf.get(documentId) as { signature: string } | undefined;
    if (row) out.push({ documentId, signature: JSON.parse(row.signature) as number[] });
  }
  return out;
}

/** Copy → original, for the JSON export. */
export function duplicateLinks(conn: SqliteConnection): Map<string, string> {
  const rows = conn.stmt('SELECT document_id, duplicate_of FROM document_duplicates').all() as { document_id: string; duplicate_of: string }[];
  return new Map(rows.map((r) => [r.document_id, r.duplicate_of]));
}

export function linkDuplicate(conn: SqliteConnection, documentId: string, duplicateOf: string): void {
  conn.stmt('INSERT OR IGNORE INTO document_duplicates (document_id, duplicate_of) VALUES (?, ?)').run(documentId, duplicateOf);
}
