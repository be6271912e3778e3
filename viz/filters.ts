// Filters: entity types, relation types (co-occurrence separately), minimum confidence, one
// document, and a timeline over publication dates. The form lives in the sidebar; applying
// the filters hides elements with a class, so the graph and its layout stay intact.
import type { Core } from 'cytoscape';
import { esc, relationLabel, typeBadge } from './dom.js';
import { day, type EdgeData } from './elements.js';
import type { DocumentInfo } from './queries.js';
import { filtersActive, type Filters } from './state.js';
import { CO_OCCURRENCE } from './style.js';

export interface FilterContext {
  entityTypes: string[];
  /** Relation types in the view, with counts. */
  relationTypes: Map<string, number>;
  documents: DocumentInfo[];
}

/** Distinct publication days of the documents, oldest first. */
export const timelineDays = (docs: DocumentInfo[]): string[] => [...new Set(docs.map((d) => day(d.publishedAt)).filter((d): d is string => !!d))].sort();

export function filtersForm(ctx: FilterContext, f: Filters): string {
  const rels = [...ctx.relationTypes.entries()].filter(([t]) => t !== CO_OCCURRENCE).sort((a, b) => a[0].localeCompare(b[0]));
  const co = ctx.relationTypes.get(CO_OCCURRENCE) ?? 0;
  const days = timelineDays(ctx.documents);
  const undated = ctx.documents.filter((d) => !day(d.publishedAt)).length;
  const untilIndex = f.until ? Math.max(0, days.findIndex((d) => d > f.until!) - 1) : days.length - 1;
  const idx = f.until && days.every((d) => d <= f.until!) ? days.length - 1 : untilIndex;
  return `
    <fieldset><legend>Entity types</legend>
      ${ctx.entityTypes.map((t) => `<label class="check"><input type="checkbox" name="entityType" value="${esc(t)}" ${f.hiddenEntityTypes.includes(t) ? '' : 'checked'}> ${typeBadge(t)}</label>`).join('')}
    </fieldset>
    <fieldset><legend>Relation types</legend>
      ${rels.length === 0 ? '<p class="note">No typed relations in view.</p>' : ''}
      <div class="rel-checks">${rels
        .map(([t, n]) => `<label class="check"><input type="checkbox" name="relationType" value="${esc(t)}" ${f.hiddenRelationTypes.includes(t) ? '' : 'checked'}> ${esc(relationLabel(t))} <small>${n}</small></label>`)
        .join('')}</div>
      <label class="check co"><input type="checkbox" name="coOccurrence" ${f.coOccurrence ? 'checked' : ''}> co-occurrence only (faint dashed) <small>${co}</small></label>
    </fieldset>
    <fieldset><legend>Minimum confidence</legend>
      <label class="range"><input type="range" name="minConfidence" min="0" max="1" step="0.05" value="${f.minConfidence}" aria-label="Minimum confidence"> <output name="minConfidenceOut">${Math.round(f.minConfidence * 100)}%</output></label>
    </fieldset>
    <fieldset><legend>Document</legend>
      <select name="document" aria-label="Only relations reported in this document">
        <option value="">All documents (${ctx.documents.length})</option>
        ${ctx.documents
          .slice()
          .sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''))
          .map((d) => `<option value="${esc(d.id)}" ${f.document === d.id ? 'selected' : ''}>${esc((d.title ?? 'Untitled').slice(0, 70))}${d.publishedAt ? ` (${esc(d.publishedAt.slice(0, 10))})` : ''}</option>`)
          .join('')}
        ${f.document && !ctx.documents.some((d) => d.id === f.document) ? `<option value="${esc(f.document)}" selected>${esc(f.document)}</option>` : ''}
      </select>
    </fieldset>
    <fieldset class="timeline"><legend>Reported up to</legend>
      ${
        days.length >= 2
          ? `<label class="range"><input type="range" name="until" min="0" max="${days.length - 1}" step="1" value="${idx}" aria-label="Show relations reported up to this date" aria-valuetext="${esc(days[idx]!)}">
               <output name="untilOut">${f.until ? esc(days[idx]!) : 'all dates'}</output></label>
             <p class="note">${esc(days[0]!)} … ${esc(days.at(-1)!)}${undated ? ` · ${undated} undated document${undated === 1 ? '' : 's'} always shown` : ''}</p>`
          : `<input type="range" disabled aria-label="Timeline (unavailable)"><p class="note">${
              days.length === 1 ? `All dated evidence is from ${esc(days[0]!)}: nothing to slide over.` : 'Timeline off: these documents carry no publication dates.'
            }</p>`
      }
    </fieldset>
    <button type="button" data-action="reset-filters" ${filtersActive(f) ? '' : 'disabled'}>Reset filters</button>`;
}

/** Reads the form back into filters (the timeline index becomes a day). */
export function readFiltersForm(form: HTMLElement, ctx: FilterContext, previous: Filters): Filters {
  const checked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const days = timelineDays(ctx.documents);
  const until = form.querySelector<HTMLInputElement>('input[name="until"]:not([disabled])');
  const untilIdx = until ? Number(until.value) : days.length - 1;
  return {
    hiddenEntityTypes: checked('entityType').filter((i) => !i.checked).map((i) => i.value),
    hiddenRelationTypes: [
      ...checked('relationType').filter((i) => !i.checked).map((i) => i.value),
      // Keep hidden types that are not in view right now (e.g. restored from a URL).
      ...previous.hiddenRelationTypes.filter((t) => !ctx.relationTypes.has(t)),
    ],
    coOccurrence: form.querySelector<HTMLInputElement>('input[name="coOccurrence"]')?.checked ?? true,
    minConfidence: Number(form.querySelector<HTMLInputElement>('input[name="minConfidence"]')?.value ?? 0),
    document: form.querySelector<HTMLSelectElement>('select[name="document"]')?.value || null,
    until: until && untilIdx < days.length - 1 ? days[untilIdx]! : null,
  };
}

/**
 * Hides (class `filtered`) what the filters exclude; returns how many relations stay visible.
 * Only elements whose state changes are touched: restyling 7,000 elements costs seconds.
 */
export function applyFilters(cy: Core, f: Filters, keep: Set<string> = new Set()): { visibleEdges: number; totalEdges: number } {
  const hiddenTypes = new Set(f.hiddenEntityTypes);
  const hiddenRels = new Set(f.hiddenRelationTypes);
  const edgeFilters = hiddenRels.size > 0 || !f.coOccurrence || f.minConfidence > 0 || f.document !== null || f.until !== null;
  const hide = new Set<string>();
  if (hiddenTypes.size) cy.nodes().forEach((n) => void (hiddenTypes.has(n.data('type')) && !keep.has(n.id()) && hide.add(n.id())));
  const shownDegree = new Map<string, number>();
  const anyDegree = new Set<string>();
  let visibleEdges = 0;
  cy.edges().forEach((e) => {
    const d = e.data() as EdgeData;
    anyDegree.add(d.source).add(d.target);
    const reported = f.until !== null ? day(d.firstReported) : null;
    const hidden =
      hide.has(d.source) ||
      hide.has(d.target) ||
      (edgeFilters &&
        (hiddenRels.has(d.type) ||
          (!f.coOccurrence && d.type === CO_OCCURRENCE) ||
          d.confidence < f.minConfidence - 1e-9 ||
          (f.document !== null && !(d.documents ?? []).includes(f.document)) ||
          (reported !== null && reported > f.until!)));
    if (hidden) hide.add(d.id);
    else {
      visibleEdges++;
      shownDegree.set(d.source, (shownDegree.get(d.source) ?? 0) + 1);
      shownDegree.set(d.target, (shownDegree.get(d.target) ?? 0) + 1);
    }
  });
  // A node whose every relation is filtered out is noise in a filtered view.
  if (edgeFilters) for (const id of anyDegree) if (!shownDegree.has(id) && !keep.has(id)) hide.add(id);
  cy.batch(() => {
    cy.elements('.filtered').forEach((e) => void (hide.has(e.id()) || e.removeClass('filtered')));
    for (const id of hide) {
      const e = cy.getElementById(id);
      if (!e.hasClass('filtered')) e.addClass('filtered');
    }
  });
  return { visibleEdges, totalEdges: cy.edges().length };
}
