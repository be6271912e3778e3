// What field resolvers read through: the live store, or a snapshot's frozen copy. Objects served
// from a snapshot carry a hidden tag naming their view, so nested fields (Relation.source,
// Relation.evidence, Evidence.document, ...) keep reading frozen data however the graph changes.
import type { GraphStore } from '../store/graph-store.js';

export type ReadView = Pick<
  GraphStore,
  | 'getEntity'
  | 'getRelations'
  | 'getEvidence'
  | 'neighbourCounts'
  | 'neighbourhood'
  | 'getMentions'
  | 'getEntityDocuments'
  | 'getDocument'
  | 'getSentences'
  | 'listEntities'
  | 'listRelations'
>;

const VIEW = Symbol('kg.readView');

/** Marks `value` as served by `view` (non-enumerable: never serialised, never spread). */
export function tagView<T extends object>(value: T, view: ReadView): T {
  Object.defineProperty(value, VIEW, { value: view, enumerable: false });
  return value;
}

/** The view a parent object came from; untagged objects are live. */
export function viewOf(parent: unknown, live: ReadView): ReadView {
  return ((parent as { [VIEW]?: ReadView } | null)?.[VIEW]) ?? live;
}

export const isFrozen = (parent: unknown): boolean => (parent as { [VIEW]?: ReadView } | null)?.[VIEW] !== undefined;
