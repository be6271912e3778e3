// The explorer at /: search → neighbourhood graph → side panel with relations and evidence.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql } from './graphql-client.js';
import {
  ENTITY,
  NEIGHBOURHOOD,
  RELATION,
  SEARCH,
  type EntityResult,
  type EvidenceItem,
  type NeighbourhoodResult,
  type RelationResult,
  type SearchResult,
} from './queries.js';
import { graphStyle, TYPE_STYLE } from './style.js';

cytoscape.use(fcose);

const $ = <T extends HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`missing element ${sel}`);
  return el;
};

const searchInput = $<HTMLInputElement>('#search');
const resultsList = $<HTMLUListElement>('#results');
const panel = $<HTMLElement>('#panel');
const statusLine = $<HTMLElement>('#status');

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const typeBadge = (type: string): string =>
  `<span class="badge" style="background:${TYPE_STYLE[type]?.color ?? '#666'}">${escapeHtml(TYPE_STYLE[type]?.label ?? type)}</span>`;

function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  statusLine.textContent = text;
  statusLine.className = kind;
}

const cy: Core = cytoscape({
  container: $('#graph'),
  style: graphStyle,
  wheelSensitivity: 0.3,
  minZoom: 0.15,
  maxZoom: 3,
});
(window as unknown as { cy: Core }).cy = cy;

// --- search with autocomplete and keyboard navigation -----------------------------------------
let results: SearchResult['search'] = [];
let active = -1;
let searchSeq = 0;

function renderResults(): void {
  resultsList.innerHTML = results
    .map(
      (r, i) =>
        `<li role="option" id="result-${i}" data-index="${i}" aria-selected="${i === active}" class="${i === active ? 'active' : ''}">
          ${typeBadge(r.entity.type)} <strong>${escapeHtml(r.entity.name)}</strong>
          ${r.entity.aliases.length ? `<small>${escapeHtml(r.entity.aliases.slice(0, 3).join(' · '))}</small>` : ''}
        </li>`,
    )
    .join('');
  resultsList.hidden = results.length === 0;
  searchInput.setAttribute('aria-expanded', String(results.length > 0));
  if (active >= 0) searchInput.setAttribute('aria-activedescendant', `result-${active}`);
}

async function runSearch(q: string): Promise<void> {
  const seq = ++searchSeq;
  if (q.trim().length < 2) {
    results = [];
    renderResults();
    return;
  }
  try {
    const data = await gql<SearchResult>(SEARCH, { q });
    if (seq !== searchSeq) return;
    results = data.search;
    active = results.length ? 0 : -1;
    renderResults();
    if (!results.length) setStatus(`No entity matches “${q}”.`);
  } catch (e) {
    setStatus((e as Error).message, 'error');
  }
}

let debounce: ReturnType<typeof setTimeout> | undefined;
searchInput.addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = setTimeout(() => void runSearch(searchInput.value), 150);
});
searchInput.addEventListener('keydown', (ev) => {
  if (ev.key === 'ArrowDown' && results.length) {
    active = (active + 1) % results.length;
    renderResults();
    ev.preventDefault();
  } else if (ev.key === 'ArrowUp' && results.length) {
    active = (active - 1 + results.length) % results.length;
    renderResults();
    ev.preventDefault();
  } else if (ev.key === 'Enter' && active >= 0 && results[active]) {
    choose(results[active]!.entity.id);
    ev.preventDefault();
  } else if (ev.key === 'Escape') {
    results = [];
    renderResults();
  }
});
resultsList.addEventListener('mousedown', (ev) => {
  const li = (ev.target as HTMLElement).closest('li');
  const r = li ? results[Number(li.dataset.index)] : undefined;
  if (r) choose(r.entity.id);
});

function choose(id: string): void {
  results = [];
  renderResults();
  void showEntity(id, true);
}

// --- graph ---------------------------------------------------------------------------------
async function loadNeighbourhood(id: string): Promise<void> {
  setStatus('Loading neighbourhood…');
  const data = await gql<NeighbourhoodResult>(NEIGHBOURHOOD, { id, depth: 1, limit: 150 });
  const { nodes, edges } = data.neighbourhood.cytoscape;
  cy.elements().remove();
  cy.add([...nodes.map((n) => ({ group: 'nodes', data: n.data })), ...edges.map((e) => ({ group: 'edges', data: e.data }))] as ElementDefinition[]);
  cy.nodes().removeClass('focus');
  cy.getElementById(id).addClass('focus');
  cy.layout({ name: 'fcose', animate: false, quality: 'default', randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 } as cytoscape.LayoutOptions).run();
  fitGraph();
  setStatus(
    `${nodes.length} entities, ${edges.length} relations${data.neighbourhood.truncated ? ' (capped: the strongest are shown)' : ''}. Click a node or an edge.`,
  );
  document.body.dataset.loaded = 'true';
}

async function showEntity(id: string, reload: boolean): Promise<void> {
  try {
    if (reload) await loadNeighbourhood(id);
    const { entity } = await gql<EntityResult>(ENTITY, { id });
    if (!entity) {
      panel.innerHTML = `<p class="empty">That entity no longer exists.</p>`;
      return;
    }
    cy.$(':selected').unselect();
    cy.getElementById(id).select();
    const groups = new Map<string, typeof entity.relations.nodes>();
    for (const r of entity.relations.nodes) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
    const order = [...groups.keys()].sort((a, b) => (a === 'ASSOCIATED_WITH' ? 1 : b === 'ASSOCIATED_WITH' ? -1 : a.localeCompare(b)));
    panel.innerHTML = `
      <h2>${escapeHtml(entity.name)}</h2>
      <p>${typeBadge(entity.type)} mentioned ${entity.mentionCount}× in ${entity.documentCount} document(s)</p>
      ${entity.aliases.length ? `<p class="aliases">Also: ${entity.aliases.map(escapeHtml).join(', ')}</p>` : ''}
      <h3>Relations (${entity.relations.totalCount})</h3>
      ${order
        .map(
          (type) => `<section class="rel-group"><h4>${escapeHtml(type)}</h4><ul>${groups
            .get(type)!
            .map((r) => {
              const outgoing = r.source.id === entity.id;
              const other = outgoing ? r.target : r.source;
              return `<li><button class="rel" data-relation="${escapeHtml(r.id)}">${outgoing ? '→' : '←'} ${escapeHtml(other.name)}
                <small>${r.evidenceCount} sentence(s), ${Math.round(r.confidence * 100)}%</small></button></li>`;
            })
            .join('')}</ul></section>`,
        )
        .join('')}`;
  } catch (e) {
    setStatus((e as Error).message, 'error');
  }
}

function highlight(sentence: string, spans: Array<[number | null, number | null]>): string {
  const marks = spans
    .filter((s): s is [number, number] => s[0] !== null && s[1] !== null && s[0] >= 0 && s[1] <= sentence.length && s[0] < s[1])
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of marks) {
    if (s < pos) continue;
    out += escapeHtml(sentence.slice(pos, s)) + `<mark>${escapeHtml(sentence.slice(s, e))}</mark>`;
    pos = e;
  }
  return out + escapeHtml(sentence.slice(pos));
}

async function showRelation(id: string): Promise<void> {
  try {
    const { relation } = await gql<RelationResult>(RELATION, { id });
    if (!relation) return;
    cy.$(':selected').unselect();
    cy.getElementById(id).select();
    panel.innerHTML = `
      <p><button class="back" data-entity="${escapeHtml(relation.source.id)}">← ${escapeHtml(relation.source.name)}</button></p>
      <h2 class="relation-title">${escapeHtml(relation.source.name)} <span class="rel-type">${escapeHtml(relation.type)}</span> ${escapeHtml(relation.target.name)}</h2>
      <p>Confidence ${Math.round(relation.confidence * 100)}% · ${relation.evidenceCount} supporting sentence(s)${relation.status ? ` · ${escapeHtml(relation.status)}` : ''}</p>
      <ol class="evidence">${relation.evidence.map(evidenceItem).join('')}</ol>`;
  } catch (e) {
    setStatus((e as Error).message, 'error');
  }
}

const evidenceItem = (ev: EvidenceItem): string => `
  <li class="evidence-item">
    <blockquote>${highlight(ev.sentence, [[ev.sourceStart, ev.sourceEnd], [ev.targetStart, ev.targetEnd]])}</blockquote>
    <cite>${escapeHtml(ev.document.title ?? 'Untitled')}${ev.document.byline ? ` — ${escapeHtml(ev.document.byline)}` : ''}${ev.document.publishedAt ? ` (${escapeHtml(ev.document.publishedAt.slice(0, 10))})` : ''}</cite>
  </li>`;

panel.addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest<HTMLElement>('[data-relation],[data-entity]');
  if (target?.dataset.relation) void showRelation(target.dataset.relation);
  else if (target?.dataset.entity) void showEntity(target.dataset.entity, !cy.getElementById(target.dataset.entity).nonempty());
});

cy.on('tap', 'node', (ev) => void showEntity(ev.target.id(), false));
cy.on('dbltap', 'node', (ev) => void showEntity(ev.target.id(), true));
cy.on('tap', 'edge', (ev) => void showRelation(ev.target.id()));

/** Fit, but never magnify a small graph into giant labels. */
function fitGraph(): void {
  cy.fit(undefined, 40);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}
$('#fit').addEventListener('click', fitGraph);

// Legend
$('#legend').innerHTML = Object.values(TYPE_STYLE)
  .map((s) => `<span class="legend-item"><i style="background:${s.color}"></i>${escapeHtml(s.label)}</span>`)
  .join('') + '<span class="legend-item"><i class="dashed"></i>co-occurrence only</span>';

// Deep link: /?entity=ID opens that entity.
const initial = new URLSearchParams(location.search).get('entity');
if (initial) void showEntity(initial, true);
else setStatus('Type a name to start, e.g. “Vardanyan”, “Mossad” or “Aliyev”.');
