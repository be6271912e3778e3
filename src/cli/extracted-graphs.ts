// The scale-out path: `kg extract --graph` turns JSON Lines articles into whole DocumentGraphs
// (stateless, any number of machines), `kg ingest --extracted FILE` links and stores them without
// extracting again. One line per document: {"id","meta","graph"[,"text"]}; "text" is present only
// when extraction truncated the document (graph.text then holds the truncated body).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extractDocument } from '../../extract/index.js';
import { cleanText, linkAndStore } from '../ingest/ingest-document.js';
import { KgError, isKgError } from '../model/errors.js';
import { countWords } from '../model/names.js';
import { ontology } from '../model/ontology.js';
import { ENTITY_TYPES, type DocumentGraph, type DocumentMeta } from '../model/types.js';
import type { GraphStore } from '../store/graph-store.js';
import { countOutcome, emptySummary, finishSummary, type IngestSummary } from './ingest-command.js';

export interface ExtractedLine {
  id: string | null;
  meta: DocumentMeta;
  graph: DocumentGraph;
  text?: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function lines(input: NodeJS.ReadableStream) {
  return createInterface({ input, crlfDelay: Infinity });
}

/** kg extract --graph: articles in ({"id","text","title","byline","url","publishedAt"}), graphs out. */
export async function runExtractGraph(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<{ documents: number; words: number; failures: number }> {
  let failures = 0;
  let documents = 0;
  let words = 0;
  let lineNo = 0;
  for await (const line of lines(input)) {
    lineNo++;
    if (!line.trim()) continue;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
      if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('not an object');
    } catch {
      failures++;
      output.write(JSON.stringify({ id: null, error: `line ${lineNo}: not a JSON object` }) + '\n');
      continue;
    }
    const id = str(o.id) ?? (typeof o.id === 'number' ? String(o.id) : null);
    const text = typeof o.text === 'string' ? cleanText(o.text) : '';
    if (!text.trim()) {
      failures++;
      output.write(JSON.stringify({ id, error: `line ${lineNo}: "text" must be a non-empty string` }) + '\n');
      continue;
    }
    const graph = extractDocument(text);
    const meta: DocumentMeta = { title: str(o.title) ?? id, byline: str(o.byline), url: str(o.url), publishedAt: str(o.publishedAt), source: id };
    const out: ExtractedLine = { id, meta, graph, ...(graph.text !== text ? { text } : {}) };
    output.write(JSON.stringify(out) + '\n');
    documents++;
    words += countWords(text);
  }
  return { documents, words, failures };
}

const isInt = (v: unknown, below: number): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) < below;
const isOffset = (v: unknown, length: number): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= length;

/** Checks a line from `kg extract --graph` before anything is stored; throws INVALID_INPUT. */
export function parseExtractedLine(raw: string, where: string): ExtractedLine {
  const fail = (detail: string): never => {
    throw new KgError('INVALID_INPUT', `ingest: ${where}: ${detail}`);
  };
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return fail('not valid JSON');
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) fail('expected a JSON object');
  if (typeof o.error === 'string') fail(`extraction failed upstream: ${o.error}`);
  const g = o.graph as DocumentGraph | undefined;
  if (!g || typeof g !== 'object' || typeof g.text !== 'string' || !g.text.trim()) fail('"graph.text" must be a non-empty string');
  const graph = g as DocumentGraph;
  for (const key of ['sentences', 'mentions', 'entities', 'relations', 'warnings'] as const) if (!Array.isArray(graph[key])) fail(`"graph.${key}" must be an array`);
  const n = graph.text.length;
  graph.sentences.forEach((s, i) => {
    if (!s || s.index !== i || !isOffset(s.start, n) || !isOffset(s.end, n) || s.start > s.end || typeof s.text !== 'string') fail(`sentence ${i} is malformed`);
  });
  graph.entities.forEach((e, i) => {
    if (!e || typeof e.name !== 'string' || !ENTITY_TYPES.includes(e.type) || !Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string') || !Array.isArray(e.mentions)) {
      fail(`entity ${i} is malformed`);
    }
    if (e.mentions.some((m) => !isInt(m, graph.mentions.length))) fail(`entity ${i} points at a missing mention`);
  });
  graph.mentions.forEach((m, i) => {
    if (!m || !isInt(m.entity, graph.entities.length) || !isInt(m.sentence, graph.sentences.length) || !isOffset(m.start, n) || !isOffset(m.end, n) || m.start > m.end || typeof m.text !== 'string' || !ENTITY_TYPES.includes(m.type)) {
      fail(`mention ${i} is malformed`);
    }
  });
  graph.relations.forEach((r, i) => {
    if (!r || !isInt(r.source, graph.entities.length) || !isInt(r.target, graph.entities.length) || !isInt(r.sentence, graph.sentences.length)) fail(`relation ${i} is malformed`);
    if (!isInt(r.sourceMention, graph.mentions.length) || !isInt(r.targetMention, graph.mentions.length)) fail(`relation ${i} points at a missing mention`);
    if (typeof r.confidence !== 'number' || !(r.confidence >= 0 && r.confidence <= 1)) fail(`relation ${i} has a confidence outside 0..1`);
    if (!ontology().isRelationType(r.type)) fail(`relation ${i} has type ${JSON.stringify(r.type)}, which the ontology does not define`);
  });
  const m = (o.meta ?? {}) as Record<string, unknown>;
  const meta: DocumentMeta = { title: str(m.title), byline: str(m.byline), url: str(m.url), publishedAt: str(m.publishedAt), source: str(m.source) };
  const text = typeof o.text === 'string' ? cleanText(o.text) : undefined;
  if (text !== undefined && !text.startsWith(graph.text)) fail('"text" must begin with graph.text');
  return { id: str(o.id), meta, graph, ...(text !== undefined ? { text } : {}) };
}

/** kg ingest --extracted FILE|-: one document per line, each in its own transaction. */
export async function ingestExtracted(store: GraphStore, path: string): Promise<IngestSummary> {
  const started = Date.now();
  const summary = emptySummary(0);
  const input = path === '-' ? process.stdin : createReadStream(path);
  try {
    if (path !== '-') await new Promise<void>((resolve, reject) => input.once('open', () => resolve()).once('error', reject));
  } catch (e) {
    throw new KgError('INVALID_INPUT', `ingest: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let lineNo = 0;
  for await (const raw of lines(input)) {
    lineNo++;
    if (!raw.trim()) continue;
    summary.documents++;
    try {
      const line = parseExtractedLine(raw, `${path}:${lineNo}`);
      countOutcome(summary, await linkAndStore(store, line.graph, line.meta, line.text), line.meta.source);
    } catch (e) {
      if (!isKgError(e) || e.code !== 'INVALID_INPUT') throw e;
      summary.failed++;
      summary.errors.push(e.message.replace(/^ingest: /, ''));
    }
  }
  return finishSummary(store, summary, started);
}
