// kg extract: JSON Lines {"id","text"} on stdin → one line per input on stdout, in the public
// format of DESIGN.md (entities with offsets, relations indexing into them).
import { createInterface } from 'node:readline';
import { extractDocument } from '../../extract/index.js';
import type { DocumentGraph } from '../model/types.js';

/** The public `kg extract` line. Demonym evidence mentions ("Azerbaijani") are not names, so they
 * and the relations anchored on them are left out; head/tail index the remaining entities. */
export function toExtractLine(id: unknown, graph: DocumentGraph) {
  const index = new Map<number, number>();
  const entities: Array<{ start: number; end: number; text: string; type: string; entity: number }> = [];
  graph.mentions.forEach((m, i) => {
    if (m.via) return;
    index.set(i, entities.length);
    entities.push({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity });
  });
  const relations = graph.relations.flatMap((r) => {
    const head = index.get(r.sourceMention);
    const tail = index.get(r.targetMention);
    if (head === undefined || tail === undefined) return [];
    return [{ head, tail, type: r.type, confidence: r.confidence, evidence: graph.sentences[r.sentence]?.text ?? '' }];
  });
  return { id, entities, relations, ...(graph.warnings.length > 0 ? { warnings: graph.warnings } : {}) };
}

export async function runExtract(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  let failures = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    let obj: { id?: unknown; text?: unknown };
    try {
      obj = JSON.parse(line);
    } catch {
      failures++;
      output.write(JSON.stringify({ id: null, error: `line ${lineNo}: not valid JSON`, entities: [], relations: [] }) + '\n');
      continue;
    }
    if (!obj || typeof obj.text !== 'string') {
      failures++;
      output.write(JSON.stringify({ id: obj?.id ?? null, error: `line ${lineNo}: "text" must be a string`, entities: [], relations: [] }) + '\n');
      continue;
    }
    output.write(JSON.stringify(toExtractLine(obj.id ?? null, extractDocument(obj.text))) + '\n');
  }
  return failures;
}
