// Builds a snapshot from ordinary store reads: the subgraph, every relation's evidence (capped),
// the source documents with their sentences, and the nodes' mentions in them. Backends then
// store it whole, so reading it back never depends on the live graph.
import { KgError, invalidInput } from '../model/errors.js';
import { sha1 } from '../model/names.js';
import type { Sentence } from '../model/types.js';
import type { GraphStore, SnapshotRecord, StoredMention } from '../store/graph-store.js';

export const SNAPSHOT_EVIDENCE_CAP = 100;
const MENTION_PAGE = 500;

export interface SnapshotRequest {
  ids: string[];
  depth: number;
  limit: number;
  title: string | null;
}

export async function buildSnapshot(store: GraphStore, req: SnapshotRequest, now: Date = new Date()): Promise<SnapshotRecord> {
  if (req.ids.length === 0) throw invalidInput('createSnapshot', 'ids must not be empty');
  const graph = await store.subgraph(req.ids, { depth: req.depth, limit: req.limit });
  if (graph.nodes.length === 0) throw new KgError('NOT_FOUND', 'createSnapshot: none of the ids is a known entity');
  const relations = [];
  const documentIds = new Set<string>();
  for (const r of graph.relations) {
    const evidence = await store.getEvidence(r.id, SNAPSHOT_EVIDENCE_CAP);
    for (const e of evidence) documentIds.add(e.documentId);
    relations.push({ ...r, evidence });
  }
  const documents = await store.getDocuments([...documentIds].sort());
  const sentences: Record<string, Sentence[]> = {};
  for (const d of documents) sentences[d.id] = await store.getSentences(d.id);
  const mentions: StoredMention[] = [];
  for (const n of graph.nodes) {
    let after: string | null = null;
    do {
      const page = await store.getMentions(n.id, MENTION_PAGE, after);
      mentions.push(...page.nodes.filter((m) => documentIds.has(m.documentId)));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
  }
  const content = {
    title: req.title,
    rootIds: [...new Set(req.ids)],
    depth: req.depth,
    nodes: graph.nodes,
    relations,
    documents,
    sentences,
    mentions,
  };
  const createdAt = now.toISOString();
  const id = `s-${sha1(JSON.stringify(content) + createdAt).slice(0, 16)}`;
  return { id, createdAt, ...content };
}
