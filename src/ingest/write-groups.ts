// Bulk ingest commits documents in small groups: one transaction for the documents written in a
// short window, so pages shared by neighbouring documents (index interiors, hub entities, the
// search index's new segment) are written and checksummed once per group, not once per document.
import type { GraphStore } from '../store/graph-store.js';

/** A group closes after this many documents or once it is this old (bounds time-to-visible). */
export const WRITE_GROUP = { maxDocuments: 64, maxMs: 4 } as const;

/**
 * Runs step(0..count-1) in order, consecutive steps sharing one store transaction within the
 * WRITE_GROUP bounds, and hands each committed group's results to `done` (in order). A group
 * that fails keeps nothing; its steps run again one transaction each, so a failing document
 * fails alone (and others are stored) exactly as without grouping. Steps must be repeatable.
 */
export async function runInWriteGroups<R>(
  store: GraphStore,
  count: number,
  step: (index: number) => Promise<R>,
  done: (results: R[], first: number) => void,
): Promise<void> {
  let index = 0;
  while (index < count) {
    const start = index;
    let results: R[] = [];
    if (!store.groupWrites) {
      results.push(await step(index++));
    } else {
      try {
        await store.groupWrites(async () => {
          const opened = performance.now();
          while (index < count && index - start < WRITE_GROUP.maxDocuments && (index === start || performance.now() - opened < WRITE_GROUP.maxMs)) {
            results.push(await step(index));
            index++;
          }
        });
      } catch {
        // Nothing of the group was kept: replay it without grouping, where errors surface per document.
        const end = Math.max(index, start + 1);
        results = [];
        for (index = start; index < end; index++) results.push(await step(index));
      }
    }
    done(results, start);
  }
}
