// Validation of a whole-graph export before the Neo4j backend writes it (kg import, kg migrate):
// a file that would leave dangling references is rejected whole. Same rules as the embedded
// store's copy in sqlite/exchange.ts (which could import this one).
import { invalidInput } from '../model/errors.js';
import { ontology } from '../model/ontology.js';
import type { GraphExport } from '../model/types.js';

/** Rejects an import that would leave dangling references, before anything is written. */
export function validateExport(data: GraphExport): void {
  const op = 'store.importGraph';
  if (!data || typeof data !== 'object') throw invalidInput(op, 'expected a JSON object');
  for (const key of ['entities', 'relations', 'documents'] as const) {
    if (!Array.isArray(data[key])) throw invalidInput(op, `"${key}" must be an array`);
  }
  const ids = new Set<string>();
  for (const e of data.entities) {
    if (!e || typeof e.id !== 'string' || typeof e.name !== 'string') throw invalidInput(op, 'every entity needs a string id and name');
    if (!['Person', 'Organization', 'Place'].includes(e.type)) throw invalidInput(op, `entity ${e.id} has unknown type ${String(e.type)}`);
    ids.add(e.id);
  }
  const documentIds = new Set<string>();
  for (const d of data.documents) {
    if (!d || typeof d.id !== 'string') throw invalidInput(op, 'every document needs a string id');
    documentIds.add(d.id);
  }
  for (const d of data.documents) {
    if (d.duplicateOf !== undefined && (typeof d.duplicateOf !== 'string' || !documentIds.has(d.duplicateOf))) {
      throw invalidInput(op, `document ${d.id} is a duplicate of ${String(d.duplicateOf)}, which is not in the file`);
    }
  }
  for (const r of data.relations) {
    if (!r || typeof r.id !== 'string' || typeof r.type !== 'string') throw invalidInput(op, 'every relation needs a string id and type');
    if (!ontology().isRelationType(r.type)) throw invalidInput(op, `relation ${r.id} has type ${r.type}, which the ontology does not define`);
    if (!ids.has(r.source) || !ids.has(r.target)) throw invalidInput(op, `relation ${r.id} joins an entity that is not in the file`);
    if (!Array.isArray(r.evidence)) throw invalidInput(op, `relation ${r.id} needs an evidence array`);
    for (const ev of r.evidence) {
      if (!ev || typeof ev.sentence !== 'string' || typeof ev.document !== 'string') throw invalidInput(op, `relation ${r.id} has malformed evidence`);
    }
  }
}
