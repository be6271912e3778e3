// kg extract: JSON Lines {"id","text"} on stdin → one line per input on stdout, in the public
// format of DESIGN.md (entities with offsets, relations indexing into them).
import { createInterface } from 'node:readline';
import { extractDocument } from '../../extract/index.js';
import type { DocumentGraph } from '../model/types.js';

export function toExtractLine(id: unknown, graph: DocumentGraph) {
  return {
    id,
    entities: graph.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity })),
    relations: graph.relations.map((r) => ({
      head: r.sourceMention,
      tail: r.targetMention,
      type: r.type,
      confidence: r.confidence,
      evidence: graph.sentences[r.sentence]?.text ?? '',
    })),
    ...(graph.warnings.length > 0 ? { warnings: graph.warnings } : {}),
  };
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
