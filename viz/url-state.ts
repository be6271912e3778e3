// The shareable URL: which entities are shown, what is selected, the filters and the path. Reading
// it back restores the view (positions are recomputed by the seeded layout, so they match too).
import { defaultFilters, type Filters } from './state.js';

export interface UrlView {
  ids: string[];
  selected: string | null;
  filters: Filters;
  path: { from: string; to: string } | null;
  /** Legacy / simple deep link: open this entity with its neighbours. */
  entity: string | null;
}

const list = (v: string | null): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function readUrl(search: string): UrlView {
  const p = new URLSearchParams(search);
  const d = defaultFilters();
  const conf = Number(p.get('minConf'));
  const until = p.get('until');
  const from = p.get('from');
  const to = p.get('to');
  return {
    ids: list(p.get('ids')).slice(0, 500),
    selected: p.get('sel'),
    entity: p.get('entity'),
    path: from && to ? { from, to } : null,
    filters: {
      hiddenEntityTypes: list(p.get('hideTypes')),
      hiddenRelationTypes: list(p.get('hideRels')),
      coOccurrence: p.get('co') !== '0',
      minConfidence: Number.isFinite(conf) && conf > 0 && conf <= 1 ? conf : d.minConfidence,
      document: p.get('doc') || null,
      until: until && /^\d{4}-\d{2}-\d{2}$/.test(until) ? until : null,
    },
  };
}

export function writeUrl(view: Omit<UrlView, 'entity'>): string {
  const p = new URLSearchParams();
  if (view.ids.length) p.set('ids', view.ids.join(','));
  if (view.selected) p.set('sel', view.selected);
  const f = view.filters;
  if (f.hiddenEntityTypes.length) p.set('hideTypes', f.hiddenEntityTypes.join(','));
  if (f.hiddenRelationTypes.length) p.set('hideRels', f.hiddenRelationTypes.join(','));
  if (!f.coOccurrence) p.set('co', '0');
  if (f.minConfidence > 0) p.set('minConf', String(f.minConfidence));
  if (f.document) p.set('doc', f.document);
  if (f.until) p.set('until', f.until);
  if (view.path) {
    p.set('from', view.path.from);
    p.set('to', view.path.to);
  }
  const q = p.toString().replace(/%2C/g, ',');
  return q ? `?${q}` : '';
}
