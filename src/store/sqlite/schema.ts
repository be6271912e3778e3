// DDL for the embedded store. Idempotent: run on every open. An entity's relations are one index
// range, strongest first ((source, strength DESC, id) covering the whole row), so a LIMIT or a
// capped walk reads only what it returns; the FTS table is kept in popularity order. Entities are
// one b-tree keyed by id holding their other aliases, so a batch of them is one probe each; pair
// probes read whole relations from their index too.
export const SCHEMA_VERSION = 3;

/**
 * An entity's aliases other than its name, in alias order, as a JSON array; NULL when it has none.
 * Evaluated in an UPDATE of `entities` (the row's own id and name).
 */
export const OTHER_ALIASES_SQL = `(SELECT nullif(json_group_array(alias), '[]') FROM
  (SELECT alias FROM aliases WHERE entity_id = entities.id AND alias <> entities.name ORDER BY alias))`;

/** The entities table (the v2 → v3 migration copies rows into this shape). */
export const ENTITIES_TABLE = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  mention_count INTEGER NOT NULL DEFAULT 0,
  document_count INTEGER NOT NULL DEFAULT 0,
  -- Kept by the write path so totalCount needs no count(*) over a hub's relations.
  out_degree INTEGER NOT NULL DEFAULT 0,
  in_degree INTEGER NOT NULL DEFAULT 0,
  -- floor(log2(1 + mention_count)): the popularity band of this entity's rows in entity_fts.
  search_band INTEGER NOT NULL DEFAULT 0,
  -- OTHER_ALIASES_SQL, kept by triggers on aliases and on the name: an Entity is one row.
  other_aliases TEXT
) WITHOUT ROWID;`;

// busy_timeout first: switching to WAL on a file another process is opening must wait, not fail.
export const PRAGMAS = [
  'PRAGMA busy_timeout = 10000',
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA temp_store = MEMORY',
  // The default 2 MB page cache turns every index probe of a big store into a read() syscall:
  // map the file (reads become memory loads) and keep 64 MB of pages in the process.
  'PRAGMA mmap_size = 1073741824',
  'PRAGMA cache_size = -65536',
  // Checkpoint every ~40 MB of WAL instead of 4 MB: +30% storage throughput on a 100k store.
  // Once a store writes documents, a worker thread checkpoints instead (checkpointer.ts).
  'PRAGMA wal_autocheckpoint = 10000',
];

export const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  text_hash TEXT NOT NULL UNIQUE,
  title TEXT, byline TEXT, url TEXT, published_at TEXT, source TEXT,
  ingested_at TEXT NOT NULL,
  word_count INTEGER NOT NULL DEFAULT 0,
  body TEXT
);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published_at);

CREATE TABLE IF NOT EXISTS sentences (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

${ENTITIES_TABLE('entities')}
CREATE INDEX IF NOT EXISTS entities_popularity ON entities (mention_count DESC);

CREATE TABLE IF NOT EXISTS aliases (
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  norm TEXT NOT NULL,
  fts_rowid INTEGER,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases (norm, entity_id);
-- entities.other_aliases follows every alias written or removed and every rename.
CREATE TRIGGER IF NOT EXISTS aliases_other_insert AFTER INSERT ON aliases BEGIN
  UPDATE entities SET other_aliases = ${OTHER_ALIASES_SQL} WHERE id = NEW.entity_id AND name <> NEW.alias;
END;
CREATE TRIGGER IF NOT EXISTS aliases_other_delete AFTER DELETE ON aliases BEGIN
  UPDATE entities SET other_aliases = ${OTHER_ALIASES_SQL} WHERE id = OLD.entity_id AND name <> OLD.alias;
END;
CREATE TRIGGER IF NOT EXISTS aliases_other_update AFTER UPDATE OF entity_id, alias ON aliases BEGIN
  UPDATE entities SET other_aliases = ${OTHER_ALIASES_SQL} WHERE id IN (OLD.entity_id, NEW.entity_id);
END;
CREATE TRIGGER IF NOT EXISTS entities_other_aliases AFTER UPDATE OF name ON entities BEGIN
  UPDATE entities SET other_aliases = ${OTHER_ALIASES_SQL} WHERE id = NEW.id;
END;

-- One-edit typo search: every alias token and its single-deletion variants (symmetric deletion).
CREATE TABLE IF NOT EXISTS search_keys (
  key TEXT NOT NULL,
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (key, entity_id, alias)
) WITHOUT ROWID;

-- rowid = (MAX_BAND - band) * 2^40 + sequence (see search-order.ts): rowid order is popularity
-- order, so \`MATCH ? LIMIT n\` returns the best-known entities first without sorting the matches.
CREATE VIRTUAL TABLE IF NOT EXISTS entity_fts USING fts5 (
  entity_id UNINDEXED, alias, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);

CREATE TABLE IF NOT EXISTS mentions (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  sentence_idx INTEGER NOT NULL,
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id, document_id);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions (document_id, sentence_idx);

CREATE TABLE IF NOT EXISTS relations (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  target TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence_count INTEGER NOT NULL DEFAULT 0,
  status TEXT,
  first_reported TEXT,
  last_reported TEXT,
  -- Listing order as one integer (typed before co-occurrence, then support, then confidence).
  strength INTEGER NOT NULL DEFAULT 0
);
-- Each holds the whole row, so a walk or a page of relations is one range read.
CREATE INDEX IF NOT EXISTS relations_by_source ON relations
  (source, strength DESC, id, type, target, confidence, evidence_count, status, first_reported, last_reported);
CREATE INDEX IF NOT EXISTS relations_by_target ON relations
  (target, strength DESC, id, type, source, confidence, evidence_count, status, first_reported, last_reported);
-- Stored degrees follow every insert, delete and re-pointing of a relation (curation included).
CREATE TRIGGER IF NOT EXISTS relations_degree_insert AFTER INSERT ON relations BEGIN
  UPDATE entities SET out_degree = out_degree + 1 WHERE id = NEW.source;
  UPDATE entities SET in_degree = in_degree + 1 WHERE id = NEW.target AND NEW.source <> NEW.target;
END;
CREATE TRIGGER IF NOT EXISTS relations_degree_delete AFTER DELETE ON relations BEGIN
  UPDATE entities SET out_degree = out_degree - 1 WHERE id = OLD.source;
  UPDATE entities SET in_degree = in_degree - 1 WHERE id = OLD.target AND OLD.source <> OLD.target;
END;
CREATE TRIGGER IF NOT EXISTS relations_degree_update AFTER UPDATE OF source, target ON relations BEGIN
  UPDATE entities SET out_degree = out_degree - 1 WHERE id = OLD.source;
  UPDATE entities SET in_degree = in_degree - 1 WHERE id = OLD.target AND OLD.source <> OLD.target;
  UPDATE entities SET out_degree = out_degree + 1 WHERE id = NEW.source;
  UPDATE entities SET in_degree = in_degree + 1 WHERE id = NEW.target AND NEW.source <> NEW.target;
END;
-- Pair probes (the links between these two) for hubs in capped neighbourhoods and shortest paths;
-- it holds the whole row, so the links found need no second, random, read of the table.
CREATE INDEX IF NOT EXISTS relations_pair ON relations
  (source, target, id, type, confidence, evidence_count, status, first_reported, last_reported);

CREATE TABLE IF NOT EXISTS evidence (
  relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  sentence_idx INTEGER NOT NULL,
  confidence REAL NOT NULL,
  source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,
  PRIMARY KEY (relation_id, document_id, sentence_idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS evidence_document ON evidence (document_id);
`;
