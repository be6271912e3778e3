// The one place where extraction meets storage: extract → link → store, per document.
import { extractDocument } from '../../extract/index.js';
import { invalidInput } from '../model/errors.js';
import { countWords, documentId, textHash } from '../model/names.js';
import type { DocumentGraph, DocumentInput, DocumentMeta, LinkedDocument } from '../model/types.js';
import type { AddDocumentResult, GraphStore } from '../store/graph-store.js';
import { applyCuration, hasRules } from './apply-curation.js';
import { checkDocumentSize } from './input-limits.js';
import { linkDocument, linkKeys } from './link.js';
import { bestMatch, fingerprint } from './near-duplicate.js';

export interface IngestOutcome extends AddDocumentResult {
  title: string | null;
  entities: number;
  relations: number;
  words: number;
  warnings: string[];
  /** For status 'duplicate': the stored document this one is a copy of, and how similar. */
  duplicateOf?: { documentId: string; similarity: number };
}

/** Normalises text for hashing and extraction: one newline convention, no NUL/control bytes,
 * no lone surrogates (SQLite would store them as U+FFFD; same length, so offsets hold). */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/^\uFEFF/, '');
}

/** `extracted`, when given, is extractDocument(cleanText(input.text)) computed elsewhere (a worker thread). */
export async function ingestDocument(store: GraphStore, input: DocumentInput, extracted?: Promise<DocumentGraph>): Promise<IngestOutcome> {
  const raw = typeof input.text === 'string' ? input.text : '';
  const what = input.source ?? input.title ?? 'document';
  checkDocumentSize(raw, what);
  const text = cleanText(raw);
  if (text.trim().length === 0) throw invalidInput('ingest', `${what} has no text`);
  const hash = textHash(text);
  const base = { title: input.title, words: countWords(text) };
  if (await store.hasDocument(hash)) {
    return { ...base, documentId: documentId(hash), status: 'unchanged', entitiesCreated: 0, relationsCreated: 0, entities: 0, relations: 0, warnings: [] };
  }
  const meta = { title: input.title, byline: input.byline, url: input.url, publishedAt: input.publishedAt, source: input.source };
  const print = fingerprint(text);
  const copy = await storeIfCopy(store, text, hash, meta, print);
  if (copy) return copy;
  const graph = extracted ? await extracted : extractDocument(text);
  return linkAndStore(store, graph, meta, text, { print });
}

/**
 * A syndicated copy of a stored story is recorded as such and not extracted: it must not count
 * twice as evidence. Returns null when the text is not a near-duplicate.
 */
async function storeIfCopy(store: GraphStore, text: string, hash: string, meta: DocumentMeta, print: ReturnType<typeof fingerprint>): Promise<IngestOutcome | null> {
  const original = print ? bestMatch(print.signature, await store.findNearDuplicates(print.bandKeys)) : null;
  if (!print || !original) return null;
  const copy: LinkedDocument = {
    id: documentId(hash),
    textHash: hash,
    meta,
    text,
    wordCount: countWords(text),
    sentences: [],
    entities: [],
    mentions: [],
    relations: [],
    nearDuplicate: { ...print, duplicateOf: original.documentId },
  };
  const result = await store.addDocument(copy);
  return { title: meta.title, words: copy.wordCount, ...result, entities: 0, relations: 0, warnings: [], duplicateOf: original };
}

/**
 * Links a DocumentGraph to the stored graph and stores it: the second half of ingest, also used
 * by `kg ingest --extracted` for graphs that `kg extract --graph` computed elsewhere. `text` is
 * the cleaned document text (graph.text unless extraction truncated it); its hash keeps ingest
 * idempotent.
 */
export async function linkAndStore(
  store: GraphStore,
  graph: DocumentGraph,
  meta: DocumentMeta,
  text: string = graph.text,
  /** Set by ingestDocument, which already fingerprinted the text and found it is not a copy. */
  checked?: { print: ReturnType<typeof fingerprint> },
): Promise<IngestOutcome> {
  const hash = textHash(text);
  const base = { title: meta.title, words: countWords(text) };
  if (await store.hasDocument(hash)) {
    return { ...base, documentId: documentId(hash), status: 'unchanged', entitiesCreated: 0, relationsCreated: 0, entities: 0, relations: 0, warnings: [] };
  }
  const print = checked ? checked.print : fingerprint(text);
  if (!checked) {
    const copy = await storeIfCopy(store, text, hash, meta, print);
    if (copy) return copy;
  }
  const rules = await store.getCurationRules();
  const linked0 = linkDocument(graph, await store.findLinkCandidates(linkKeys(graph)));
  // Investigators' corrections (merges, rejections, renames, types, removed aliases) stick.
  const linked = hasRules(rules) ? applyCuration(linked0, rules) : linked0;
  const doc: LinkedDocument = {
    id: documentId(hash),
    textHash: hash,
    meta,
    text,
    wordCount: base.words,
    sentences: graph.sentences,
    ...linked,
    ...(print ? { nearDuplicate: { ...print, duplicateOf: null } } : {}),
  };
  const result = await store.addDocument(doc);
  return { ...base, ...result, entities: linked.entities.length, relations: linked.relations.length, warnings: graph.warnings };
}
