// Replays a backend's ordered log of curation decisions into CurationRules (backend-neutral):
// merge chains resolve to the last kept id, rejected keys follow merges, and decisions about
// entities merged away drop out. The same rules as src/store/sqlite/curation.ts.
import { ontology } from '../model/ontology.js';
import type { EntityType } from '../model/types.js';
import type { CurationRules } from './graph-store.js';

export type CurationKind = 'merge' | 'rename' | 'add-alias' | 'remove-alias' | 'type' | 'reject';

export interface CurationDecision {
  kind: CurationKind;
  subject: string;
  object: string | null;
  value: string | null;
}

export const rejectionKey = (source: string, type: string, target: string): string => `${source}\u0000${type}\u0000${target}`;

export function replayCuration(decisions: CurationDecision[]): CurationRules {
  const redirects = new Map<string, string>();
  const names = new Map<string, string>();
  const types = new Map<string, EntityType>();
  const removed = new Map<string, Set<string>>();
  const rejected: Array<[string, string, string]> = [];
  for (const r of decisions) {
    if (r.kind === 'merge') redirects.set(r.subject, r.object!);
    else if (r.kind === 'rename') names.set(r.subject, r.value!);
    else if (r.kind === 'type') types.set(r.subject, r.value as EntityType);
    else if (r.kind === 'remove-alias') removed.set(r.subject, (removed.get(r.subject) ?? new Set()).add(r.value!));
    else if (r.kind === 'add-alias') removed.get(r.subject)?.delete(r.value!);
    else if (r.kind === 'reject') rejected.push([r.subject, r.value!, r.object!]);
  }
  const resolve = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    while (redirects.has(current) && !seen.has(current)) {
      seen.add(current);
      current = redirects.get(current)!;
    }
    return current;
  };
  const onto = ontology();
  const keys = new Set<string>();
  for (const [s, type, t] of rejected) {
    let source = resolve(s);
    let target = resolve(t);
    if (onto.relationType(type)?.symmetric && source > target) [source, target] = [target, source];
    keys.add(rejectionKey(source, type, target));
  }
  const live = <T>(m: Map<string, T>) => Object.fromEntries([...m].filter(([id]) => !redirects.has(id)));
  return {
    redirects: Object.fromEntries([...redirects.keys()].map((id) => [id, resolve(id)])),
    rejected: [...keys].sort(),
    names: live(names),
    types: live(types),
    removedAliases: Object.fromEntries([...removed].filter(([id, set]) => !redirects.has(id) && set.size > 0).map(([id, set]) => [id, [...set].sort()])),
  };
}
