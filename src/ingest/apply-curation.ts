// Re-applies stored curation decisions to a freshly linked document, before it is stored:
// merged-away ids redirect to the kept entity, curated names and types win, removed aliases
// stay removed, and rejected (source, type, target) relations are never re-created.
import { relationId } from '../model/names.js';
import { ontology } from '../model/ontology.js';
import type { LinkedEntity, LinkedRelation } from '../model/types.js';
import type { CurationRules } from '../store/graph-store.js';
import type { LinkResult } from './link.js';
import { rejectionKey } from '../store/curation-replay.js';


export const hasRules = (rules: CurationRules): boolean =>
  Object.keys(rules.redirects).length + rules.rejected.length + Object.keys(rules.names).length + Object.keys(rules.types).length + Object.keys(rules.removedAliases).length > 0;

export function applyCuration(linked: LinkResult, rules: CurationRules): LinkResult {
  const to = (id: string): string => rules.redirects[id] ?? id;
  const entities = new Map<string, LinkedEntity>();
  for (const e of linked.entities) {
    const id = to(e.id);
    const removed = new Set(rules.removedAliases[id] ?? []);
    const prev = entities.get(id);
    const aliases = e.aliases.filter((a) => !removed.has(a));
    if (prev) {
      prev.mentionCount += e.mentionCount;
      prev.aliases = [...new Set([...prev.aliases, ...aliases])];
      continue;
    }
    const name = rules.names[id] ?? e.name;
    entities.set(id, {
      ...e,
      id,
      name: removed.has(name) ? e.name : name,
      type: rules.types[id] ?? e.type,
      aliases,
      link: id === e.id ? e.link : { rule: 'curated-merge', matched: e.link.matched },
    });
  }
  const mentions = linked.mentions.map((m) => ({ ...m, entityId: to(m.entityId) }));
  const rejected = new Set(rules.rejected);
  const onto = ontology();
  const relations = new Map<string, LinkedRelation>();
  for (const r of linked.relations) {
    let source = to(r.source);
    let target = to(r.target);
    let { sourceStart, sourceEnd, targetStart, targetEnd } = r;
    if (source === target) continue;
    if (onto.relationType(r.type)?.symmetric && source > target) {
      [source, target] = [target, source];
      [sourceStart, sourceEnd, targetStart, targetEnd] = [targetStart, targetEnd, sourceStart, sourceEnd];
    }
    if (rejected.has(rejectionKey(source, r.type, target))) continue;
    const id = relationId(source, r.type, target);
    const key = `${id}:${r.sentence}`;
    const prev = relations.get(key);
    if (prev && prev.confidence >= r.confidence) continue;
    relations.set(key, { ...r, id, source, target, sourceStart, sourceEnd, targetStart, targetEnd });
  }
  return { entities: [...entities.values()], mentions, relations: [...relations.values()] };
}
