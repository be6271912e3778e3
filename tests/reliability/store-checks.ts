// Consistency checks over a SQLite store file, in plain SQL: what "every document fully there
// or absent" means for the tables, so crash and concurrency tests can assert it.
import Database from 'better-sqlite3';
import { OTHER_ALIASES_SQL } from '../../src/store/sqlite/schema.js';
import { STRENGTH_SQL } from '../../src/store/sqlite/writes.js';

export interface StoreSnapshot {
  documents: number;
  sentences: number;
  mentions: number;
  entities: number;
  relations: number;
  evidence: number;
  /** document id -> [sentences, mentions, evidence rows] */
  perDocument: Map<string, [number, number, number]>;
}

const count = (db: Database.Database, sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;

/** Reads counts without writing (opened read-only; WAL readers never block writers). */
export function snapshot(path: string): StoreSnapshot {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  try {
    const perDocument = new Map<string, [number, number, number]>();
    const rows = db
      .prepare(
        `SELECT d.id AS id,
           (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS s,
           (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS m,
           (SELECT count(*) FROM evidence e WHERE e.document_id = d.id) AS e
         FROM documents d ORDER BY d.id`,
      )
      .all() as { id: string; s: number; m: number; e: number }[];
    for (const r of rows) perDocument.set(r.id, [r.s, r.m, r.e]);
    return {
      documents: count(db, 'SELECT count(*) AS n FROM documents'),
      sentences: count(db, 'SELECT count(*) AS n FROM sentences'),
      mentions: count(db, 'SELECT count(*) AS n FROM mentions'),
      entities: count(db, 'SELECT count(*) AS n FROM entities'),
      relations: count(db, 'SELECT count(*) AS n FROM relations'),
      evidence: count(db, 'SELECT count(*) AS n FROM evidence'),
      perDocument,
    };
  } finally {
    db.close();
  }
}

/**
 * Every invariant a committed ingest leaves behind; returns the broken ones (empty = consistent).
 * Counters kept on entities and relations must agree with the rows they summarise, which a
 * half-written document would break.
 */
export function consistencyProblems(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const problems: string[] = [];
  const check = (what: string, sql: string) => {
    const rows = db.prepare(sql).all();
    if (rows.length > 0) problems.push(`${what}: ${JSON.stringify(rows.slice(0, 3))}`);
  };
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    check('foreign keys', 'PRAGMA foreign_key_check');
    // A recorded near-duplicate (syndicated copy) is stored on purpose without sentences.
    const hasDuplicates = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_duplicates'").get() !== undefined;
    check(
      'document without sentences',
      `SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)
       ${hasDuplicates ? 'AND NOT EXISTS (SELECT 1 FROM document_duplicates x WHERE x.document_id = d.id)' : ''}`,
    );
    check('duplicate text hash', 'SELECT text_hash, count(*) AS n FROM documents GROUP BY text_hash HAVING n > 1');
    // Offsets are UTF-16 code units (JavaScript's), so compare in JavaScript, not with SQL substr.
    const bodies = db.prepare('SELECT id, body FROM documents WHERE body IS NOT NULL').all() as { id: string; body: string }[];
    const sentencesOf = db.prepare('SELECT idx, start, end, text FROM sentences WHERE document_id = ?');
    const mentionsOf = db.prepare('SELECT start, end, text FROM mentions WHERE document_id = ?');
    for (const d of bodies) {
      for (const s of sentencesOf.all(d.id) as { idx: number; start: number; end: number; text: string }[]) {
        if (d.body.slice(s.start, s.end) !== s.text) problems.push(`sentence ${d.id}#${s.idx} does not match its offsets`);
      }
      for (const m of mentionsOf.all(d.id) as { start: number; end: number; text: string }[]) {
        if (d.body.slice(m.start, m.end) !== m.text) problems.push(`mention "${m.text}" in ${d.id} does not match its offsets`);
      }
    }
    check('mention outside a stored sentence', 'SELECT m.document_id, m.sentence_idx FROM mentions m LEFT JOIN sentences s ON s.document_id = m.document_id AND s.idx = m.sentence_idx WHERE s.idx IS NULL');
    check(
      'entity mention_count differs from its mention rows',
      `SELECT e.id, e.mention_count, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS rows FROM entities e
       WHERE e.mention_count <> (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)`,
    );
    check(
      'entity document_count differs from its documents',
      `SELECT e.id FROM entities e
       WHERE e.document_count <> (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id)`,
    );
    check('entity without mentions', 'SELECT id FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)');
    check('relation without evidence', 'SELECT id FROM relations r WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.relation_id = r.id)');
    check('relation evidence_count differs from its evidence rows', 'SELECT id FROM relations r WHERE evidence_count <> (SELECT count(*) FROM evidence e WHERE e.relation_id = r.id)');
    // The write path keeps these aggregates incrementally: they must equal a full recompute.
    check(
      'relation confidence differs from the noisy-or of its evidence',
      `SELECT id FROM relations r WHERE confidence IS NOT
         (SELECT round(1.0 - exp(sum(ln(max(1e-9, 1.0 - min(e.confidence, 0.999))))), 4) FROM evidence e WHERE e.relation_id = r.id)`,
    );
    check(
      'relation reporting window differs from its evidence documents',
      `SELECT id FROM relations r WHERE first_reported IS NOT (SELECT min(d.published_at) FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.relation_id = r.id)
         OR last_reported IS NOT (SELECT max(d.published_at) FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.relation_id = r.id)`,
    );
    check('relation strength differs from its fields', `SELECT id FROM relations WHERE strength <> ${STRENGTH_SQL}`);
    check('evidence citing a missing sentence', 'SELECT e.relation_id FROM evidence e LEFT JOIN sentences s ON s.document_id = e.document_id AND s.idx = e.sentence_idx WHERE s.idx IS NULL');
    check('alias without a search row', 'SELECT a.entity_id, a.alias FROM aliases a WHERE NOT EXISTS (SELECT 1 FROM entity_fts f WHERE f.entity_id = a.entity_id AND f.alias = a.alias)');
    if (count(db, 'SELECT count(*) AS n FROM entity_fts') !== count(db, 'SELECT count(*) AS n FROM aliases')) problems.push('search index and aliases differ in size');
    check('entity other_aliases differs from its aliases', `SELECT id, other_aliases FROM entities WHERE other_aliases IS NOT ${OTHER_ALIASES_SQL}`);
    check(
      'entity degrees differ from its relations',
      `SELECT id FROM entities WHERE out_degree <> (SELECT count(*) FROM relations WHERE source = entities.id)
         OR in_degree <> (SELECT count(*) FROM relations WHERE target = entities.id AND source <> target)`,
    );
  } finally {
    db.close();
  }
  return problems;
}
