// The explorer at /: wires search, graph, panel, filters, path finder, URL state, exports and
// the embed dialog together. Each of those lives in its own module; this file only connects them.
import type { Core } from 'cytoscape';
import { $, esc } from './dom.js';
import { openEmbedDialog } from './embed-dialog.js';
import { toElements } from './elements.js';
import { askHowMany, countByType, fetchWithContext, HUB_THRESHOLD, neighbourCounts, newNeighbours } from './expand.js';
import { exportJson, exportPng } from './export.js';
import { applyFilters, filtersForm, readFiltersForm, type FilterContext } from './filters.js';
import { createGraphView } from './graph-view.js';
import { warmLayoutWorker } from './layout.js';
import { gql } from './graphql-client.js';
import { entityPanel, message, pathsPanel, relationPanel, welcome } from './panel.js';
import { createPathFinder, findPaths, highlightPath } from './path-finder.js';
import {
  ENTITY, ONTOLOGY, RELATION, SUBGRAPH,
  type DocumentInfo, type EntityResult, type EntitySummary, type OntologyResult, type RelationResult, type SubgraphResult,
} from './queries.js';
import { createAutocomplete } from './search.js';
import { createHistory, createState, filtersActive } from './state.js';
import { TYPE_STYLE } from './style.js';
import { readUrl, writeUrl } from './url-state.js';

const view = createGraphView($('#graph'));
const cy: Core = view.cy;
const state = createState();
const history = createHistory(cy);
const documents = new Map<string, DocumentInfo>();
let entityTypes = Object.keys(TYPE_STYLE);
// For tests and the benchmark: the Cytoscape instance and a way to load elements directly.
Object.assign(window, { cy, kgExplorer: { loadElements: (els: cytoscape.ElementDefinition[]) => loadElements(els) } });

const panel = $('#panel');
const stageState = $('#stage-state');
const statusLine = $('#status');
const filtersForm$ = $<HTMLFormElement>('#filters-form');

// --- status, loading and empty states -----------------------------------------------------------
let pending = 0;
function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  statusLine.textContent = text;
  statusLine.className = kind;
}
async function busy<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  pending++;
  document.body.dataset.loaded = 'false';
  stageState.innerHTML = message(label, 'loading');
  stageState.classList.toggle('corner', cy.nodes().nonempty());
  stageState.hidden = false;
  setStatus(label);
  try {
    return await work();
  } catch (e) {
    const text = `${label.replace(/…$/, '')} failed: ${(e as Error).message}`;
    setStatus(text, 'error');
    if (cy.nodes().empty()) stageState.innerHTML = message(text, 'error');
    return undefined;
  } finally {
    pending--;
    if (pending === 0) {
      if (!stageState.querySelector('.state-error')) stageState.hidden = cy.nodes().nonempty();
      if (cy.nodes().empty() && !stageState.querySelector('.state-error')) stageState.innerHTML = message('The graph is empty. Search for a name to begin.');
      document.body.dataset.loaded = 'true';
      updateChrome();
    }
  }
}

function updateCounts(visibleEdges: number): void {
  const nodes = cy.nodes().length;
  const hiddenNodes = cy.nodes('.filtered').length;
  const edges = cy.edges().length;
  $('#counts').textContent = nodes
    ? `${nodes - hiddenNodes} of ${nodes} entities · ${visibleEdges} of ${edges} relations shown`
    : '';
}

function updateChrome(): void {
  const sel = state.selected ? cy.getElementById(state.selected) : null;
  const node = sel && sel.nonempty() && sel.isNode();
  $<HTMLButtonElement>('#btn-expand').disabled = !node;
  $<HTMLButtonElement>('#btn-hide').disabled = !node;
  $<HTMLButtonElement>('#btn-undo').disabled = history.size === 0;
  $('#btn-filters .dot').hidden = !filtersActive(state.filters);
  syncUrl();
}

// --- URL state ----------------------------------------------------------------------------------
let restoring = true;
function syncUrl(): void {
  if (restoring) return;
  const q = writeUrl({ ids: view.nodeIds(), selected: state.selected, filters: state.filters, path: state.path });
  if (q !== location.search) window.history.replaceState(null, '', `${location.pathname}${q}`);
}

// --- filters ------------------------------------------------------------------------------------
function filterContext(): FilterContext {
  const relationTypes = new Map<string, number>();
  cy.edges().forEach((e) => void relationTypes.set(e.data('type'), (relationTypes.get(e.data('type')) ?? 0) + 1));
  const inView = new Set(cy.edges().map((e) => (e.data('documents') as string[] | undefined) ?? []).flat());
  return { entityTypes, relationTypes, documents: [...documents.values()].filter((d) => inView.has(d.id)) };
}
function refreshFilters(renderForm = true): void {
  const ctx = filterContext();
  if (renderForm) filtersForm$.innerHTML = filtersForm(ctx, state.filters);
  const keep = new Set([state.selected, state.path?.from, state.path?.to].filter((x): x is string => !!x));
  const { visibleEdges } = applyFilters(cy, state.filters, keep);
  updateCounts(visibleEdges);
  updateChrome();
}
filtersForm$.addEventListener('input', (ev) => {
  state.filters = readFiltersForm(filtersForm$, filterContext(), state.filters);
  const t = ev.target as HTMLInputElement;
  if (t.name === 'minConfidence') filtersForm$.querySelector('output[name="minConfidenceOut"]')!.textContent = `${Math.round(state.filters.minConfidence * 100)}%`;
  if (t.name === 'until') {
    filtersForm$.querySelector('output[name="untilOut"]')!.textContent = state.filters.until ?? 'all dates';
    t.setAttribute('aria-valuetext', state.filters.until ?? 'all dates');
  }
  refreshFilters(t.type === 'checkbox' || t.tagName === 'SELECT');
});
filtersForm$.addEventListener('submit', (ev) => ev.preventDefault());

function registerDocuments(list: DocumentInfo[]): void {
  for (const d of list) documents.set(d.id, d);
}

// --- graph changes ------------------------------------------------------------------------------
/** Timings of the last loadElements call (ms): first picture on screen, and layout settled. */
const timings = { firstPicture: 0, settled: 0 };
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Replaces the view with the given elements (used by the benchmark and by tests). */
async function loadElements(els: cytoscape.ElementDefinition[]): Promise<typeof timings> {
  const t0 = performance.now();
  cy.elements().remove();
  let pictured = false;
  performance.mark('kg:load-start');
  const firstPicture = () => {
    pictured = true;
    view.fit();
    void nextFrame().then(() => (timings.firstPicture = performance.now() - t0));
  };
  stageState.hidden = true;
  await view.add(els, undefined, firstPicture);
  view.fit();
  refreshFilters();
  setStatus(`Loaded ${cy.nodes().length} entities and ${cy.edges().length} relations.`);
  await nextFrame();
  timings.settled = performance.now() - t0;
  if (!pictured) timings.firstPicture = timings.settled;
  return { ...timings };
}

function shownSet(): Set<string> {
  return new Set(view.nodeIds());
}

/** Neighbours of `id` to add: all of them, or for a hub, what the user chooses per type. */
async function chooseNeighbours(id: string, ask: boolean): Promise<{ ids: string[]; total: number; name: string } | null> {
  const node = cy.getElementById(id);
  const counts = await neighbourCounts(id);
  const inView = node.nonempty() ? node.neighborhood('node') : cy.collection();
  const fresh = counts.total - inView.length;
  if (fresh <= 0) return { ids: [], total: counts.total, name: counts.name };
  if (fresh <= HUB_THRESHOLD) return { ids: (await newNeighbours(id, shownSet())).map((n) => n.id), total: counts.total, name: counts.name };
  const shownByType = countByType(inView.map((n) => ({ type: String(n.data('type')) })));
  const remaining = new Map([...counts.byType].map(([t, c]) => [t, Math.max(0, c - (shownByType.get(t) ?? 0))] as const).filter(([, c]) => c > 0));
  const plan = ask ? await askHowMany($<HTMLDialogElement>('#expand-dialog'), counts.name, remaining, inView.length) : { types: [...remaining.keys()], perType: 10 };
  if (!plan) return null;
  const shownPerType = Math.max(0, ...plan.types.map((t) => shownByType.get(t) ?? 0));
  return { ids: (await newNeighbours(id, shownSet(), { ...plan, shownPerType })).map((n) => n.id), total: counts.total, name: counts.name };
}

async function expand(id: string): Promise<void> {
  const node = cy.getElementById(id);
  const label = node.nonempty() ? String(node.data('label')) : id;
  await busy(`Loading the neighbours of ${label}…`, async () => {
    const chosen = await chooseNeighbours(id, true);
    if (!chosen) return setStatus(`Expanding ${label} cancelled.`);
    if (!chosen.ids.length && node.nonempty()) return setStatus(`Every neighbour of ${chosen.name} (${chosen.total}) is already shown.`);
    const added = await addEntities(chosen.ids, id);
    const shown = cy.getElementById(id).neighborhood('node').length;
    setStatus(
      `Added ${added.nodes} entit${added.nodes === 1 ? 'y' : 'ies'} and ${added.edges} relation${added.edges === 1 ? '' : 's'} around ${chosen.name}` +
        (shown < chosen.total ? ` (${shown} of its ${chosen.total} neighbours shown).` : '.'),
    );
  });
}

/** Adds entities (with every relation among them and the view) around `anchor`. */
async function addEntities(ids: string[], anchor: string | null): Promise<{ nodes: number; edges: number }> {
  const els = await fetchWithContext(ids, view.nodeIds(), anchor);
  registerDocuments(els.documents);
  history.push();
  if (anchor && cy.getElementById(anchor).empty() && cy.nodes().nonempty()) {
    // A new start point goes to the right of what is shown, so nothing else moves.
    const bb = cy.nodes().boundingBox({});
    const def = els.nodes.find((n) => n.data.id === anchor);
    if (def) await view.add([{ ...def, position: { x: bb.x2 + 220, y: (bb.y1 + bb.y2) / 2 } }]);
  }
  const before = cy.elements().length;
  const beforeNodes = cy.nodes().length;
  const res = await view.add(els.all, anchor ?? undefined);
  refreshFilters();
  const eles = anchor ? cy.getElementById(anchor).closedNeighborhood() : cy.elements();
  if (res.nodes.nonempty()) view.fit(eles.union(res.nodes), true);
  return { nodes: cy.nodes().length - beforeNodes, edges: cy.elements().length - before - (cy.nodes().length - beforeNodes) };
}

function hide(ids: string[]): void {
  if (!ids.length) return;
  history.push();
  view.remove(ids);
  if (state.selected && cy.getElementById(state.selected).empty()) {
    state.selected = null;
    panel.innerHTML = message('Hidden. Undo brings it back.');
  }
  refreshFilters();
  setStatus(`Hid ${ids.length === 1 ? String(ids[0]) : `${ids.length} entities`}.`);
}

// --- panel --------------------------------------------------------------------------------------
function select(id: string | null): void {
  cy.$(':selected').unselect();
  state.selected = id;
  if (id) cy.getElementById(id).select();
  updateChrome();
}

async function showEntity(id: string): Promise<void> {
  select(id);
  panel.innerHTML = message('Loading…', 'loading');
  try {
    const { entity } = await gql<EntityResult>(ENTITY, { id });
    if (state.selected !== id) return;
    panel.innerHTML = entity ? entityPanel(entity, cy.getElementById(id).nonempty()) : message('That entity no longer exists.', 'error');
  } catch (e) {
    panel.innerHTML = message(`Could not load this entity: ${(e as Error).message}`, 'error');
  }
}

async function showRelation(id: string): Promise<void> {
  select(id);
  panel.innerHTML = message('Loading evidence…', 'loading');
  try {
    const { relation } = await gql<RelationResult>(RELATION, { id });
    if (state.selected !== id) return;
    panel.innerHTML = relation ? relationPanel(relation) : message('That relation no longer exists.', 'error');
  } catch (e) {
    panel.innerHTML = message(`Could not load the evidence: ${(e as Error).message}`, 'error');
  }
}

/** Search result chosen: show it (with its neighbours when new), centre it, open its panel. */
async function openEntity(entity: Pick<EntitySummary, 'id' | 'name'>): Promise<void> {
  if (cy.getElementById(entity.id).empty()) {
    await busy(`Loading ${entity.name}…`, async () => {
      // A hub opens with its 10 strongest neighbours per type; Expand offers the rest.
      const chosen = await chooseNeighbours(entity.id, false);
      if (!chosen) return;
      await addEntities(chosen.ids, entity.id);
      const shown = cy.getElementById(entity.id).neighborhood('node').length;
      if (shown < chosen.total) setStatus(`${chosen.name} has ${chosen.total} neighbours; showing ${shown}. Expand to choose more.`);
      else setStatus(`${chosen.name}: ${chosen.total} neighbour${chosen.total === 1 ? '' : 's'}. Click an edge to read its evidence.`);
    });
  }
  const node = cy.getElementById(entity.id);
  if (node.nonempty()) cy.animate({ center: { eles: node } }, { duration: 200 });
  await showEntity(entity.id);
}

panel.addEventListener('click', (ev) => {
  const t = (ev.target as HTMLElement).closest<HTMLElement>('[data-relation],[data-entity],[data-action]');
  if (!t) return;
  if (t.dataset.relation) {
    const edge = cy.getElementById(t.dataset.relation);
    if (edge.nonempty()) cy.animate({ center: { eles: edge } }, { duration: 200 });
    void showRelation(t.dataset.relation);
  } else if (t.dataset.entity) void openEntity({ id: t.dataset.entity, name: t.textContent?.trim() ?? t.dataset.entity });
  else act(t.dataset.action!, t);
});

function act(action: string, t: HTMLElement): void {
  const id = t.dataset.id ?? state.selected;
  if (action === 'expand' && id) void expand(id);
  else if (action === 'hide' && id) hide([id]);
  else if (action === 'show' && id) void busy('Adding…', () => addEntities([], id));
  else if (action === 'path-from' && id) {
    const node = cy.getElementById(id);
    togglePanel('pathfinder', true);
    pathFinder.setFrom({ id, name: node.nonempty() ? String(node.data('label')) : (panel.querySelector('h2')?.textContent ?? id), type: String(node.data('type') ?? ''), aliases: [], mentionCount: 0 });
    $<HTMLInputElement>('#path-to').focus();
  } else if (action === 'doc-filter' && t.dataset.doc) {
    state.filters = { ...state.filters, document: t.dataset.doc };
    togglePanel('filters', true);
    refreshFilters();
    setStatus('Showing only relations reported in that document. Reset filters to see everything.');
  } else if (action === 'clear-path') clearPath();
}

// --- path finder --------------------------------------------------------------------------------
function clearPath(): void {
  state.path = null;
  highlightPath(cy, []);
  refreshFilters(false);
}

async function runPathFinder(from: Pick<EntitySummary, 'id' | 'name'>, to: Pick<EntitySummary, 'id' | 'name'>): Promise<void> {
  await busy(`Finding paths from ${from.name} to ${to.name}…`, async () => {
    const { paths, elements } = await findPaths(from.id, to.id);
    state.path = { from: from.id, to: to.id };
    // Names from the answer: a restored link knows only the ids.
    const names = new Map(paths.flatMap((p) => p.nodes.map((n) => [n.id, n.name] as const)));
    from = { id: from.id, name: names.get(from.id) ?? from.name };
    to = { id: to.id, name: names.get(to.id) ?? to.name };
    if (!paths.length) {
      panel.innerHTML = pathsPanel(from.name, to.name, paths);
      setStatus(`No connection between ${from.name} and ${to.name} within 6 steps.`);
      return;
    }
    registerDocuments(elements.documents);
    history.push();
    const anchor = cy.getElementById(from.id).nonempty() ? from.id : cy.getElementById(to.id).nonempty() ? to.id : undefined;
    await view.add([...elements.nodes, ...elements.edges], anchor);
    const ids = [...elements.nodes, ...elements.edges].map((e) => e.data.id!);
    highlightPath(cy, ids);
    select(null);
    refreshFilters();
    panel.innerHTML = pathsPanel(from.name, to.name, paths);
    view.fit(cy.collection().union(ids.map((i) => cy.getElementById(i)).reduce((a, b) => a.union(b), cy.collection())));
    setStatus(`${paths.length} shortest path${paths.length === 1 ? '' : 's'} (${paths[0]!.length} step${paths[0]!.length === 1 ? '' : 's'}) from ${from.name} to ${to.name}.`);
  });
}
const pathFinder = createPathFinder($('#pathfinder'), (from, to) => void runPathFinder(from, to), setStatus);

// --- search -------------------------------------------------------------------------------------
const searchBox = $<HTMLInputElement>('#search');
createAutocomplete(searchBox, { onChoose: (e) => void openEntity(e), onMessage: setStatus });

// --- graph events -------------------------------------------------------------------------------
cy.on('tap', 'node', (ev) => {
  if (state.path) clearPath();
  void showEntity(ev.target.id());
});
cy.on('dbltap', 'node', (ev) => void expand(ev.target.id()));
cy.on('tap', 'edge', (ev) => void showRelation(ev.target.id()));
cy.on('tap', (ev) => {
  if (ev.target === cy && state.selected) select(null);
});

// --- toolbar ------------------------------------------------------------------------------------
function togglePanel(id: 'filters' | 'pathfinder', open?: boolean): void {
  const section = $(`#${id}`);
  const button = $(id === 'filters' ? '#btn-filters' : '#btn-path');
  const show = open ?? section.hidden;
  section.hidden = !show;
  button.setAttribute('aria-expanded', String(show));
  if (show && id === 'filters') refreshFilters();
  if (show) section.querySelector<HTMLElement>('input, select')?.focus();
}

function undo(): void {
  if (!history.undo()) return;
  view.updateDegrees();
  view.updateLite();
  if (state.selected && cy.getElementById(state.selected).empty()) state.selected = null;
  refreshFilters();
  setStatus('Undone.');
}

const on = (sel: string, fn: () => void) => $(sel).addEventListener('click', fn);
on('#btn-expand', () => state.selected && void expand(state.selected));
on('#btn-hide', () => state.selected && hide([state.selected]));
on('#btn-undo', undo);
on('#btn-fit', () => view.fit());
on('#btn-layout', () => {
  history.push();
  void view.relayout().then(() => {
    view.fit();
    updateChrome();
  });
});
on('#btn-clear', () => {
  if (cy.elements().empty()) return;
  history.push();
  cy.elements().remove();
  state.selected = null;
  state.path = null;
  panel.innerHTML = welcome();
  stageState.hidden = false;
  stageState.innerHTML = message('The graph is empty. Search for a name to begin.');
  refreshFilters();
  setStatus('Cleared. Undo brings the graph back.');
});
on('#btn-filters', () => togglePanel('filters'));
on('#btn-path', () => togglePanel('pathfinder'));
on('#btn-png', () => exportPng(cy));
on('#btn-json', () => exportJson(cy));
on('#btn-share', () => {
  syncUrl();
  void navigator.clipboard?.writeText(location.href).then(
    () => setStatus('Link copied: it reopens this view (entities, selection, filters).'),
    () => setStatus(`Copy this link: ${location.href}`),
  );
});
on('#btn-embed', () => {
  const focusNode = state.selected && cy.getElementById(state.selected).isNode?.() ? cy.getElementById(state.selected) : cy.nodes().max((n) => n.degree(false)).ele;
  const focus = focusNode && focusNode.nonempty() ? { id: focusNode.id(), name: String(focusNode.data('label')) } : null;
  openEmbedDialog($<HTMLDialogElement>('#embed-dialog'), {
    ids: cy.nodes().not('.filtered').map((n) => n.id()),
    focus,
    title: focus ? `Connections of ${focus.name}` : 'Knowledge graph',
  });
});

document.addEventListener('keydown', (ev) => {
  const typing = (ev.target as HTMLElement).closest('input, textarea, select, dialog');
  if (typing) return;
  if (ev.key === '/') {
    ev.preventDefault();
    searchBox.focus();
  } else if ((ev.key === 'Delete' || ev.key === 'Backspace') && state.selected && cy.getElementById(state.selected).isNode()) hide([state.selected]);
  else if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'z') {
    ev.preventDefault();
    undo();
  }
});

// --- legend -------------------------------------------------------------------------------------
$('#legend').innerHTML =
  Object.values(TYPE_STYLE)
    .map((s) => `<span class="legend-item"><i class="shape" style="color:${s.color}">${s.symbol}</i>${esc(s.label)}</span>`)
    .join('') +
  `<span class="legend-item"><i class="line"></i>relation (→ direction, width = evidence)</span>` +
  `<span class="legend-item"><i class="line dashed"></i>co-occurrence only</span>`;

// --- start: ontology, then restore the view from the URL ----------------------------------------
async function start(): Promise<void> {
  const url = readUrl(location.search);
  state.filters = url.filters;
  panel.innerHTML = welcome();
  stageState.innerHTML = message('The graph is empty. Search for a name to begin.');
  gql<OntologyResult>(ONTOLOGY)
    .then((o) => {
      entityTypes = o.ontology.entityTypes.map((t) => t.name);
      refreshFilters();
    })
    .catch(() => undefined);
  if (url.ids.length) {
    await busy('Restoring the shared view…', async () => {
      const data = await gql<SubgraphResult>(SUBGRAPH, { ids: url.ids, depth: 0, limit: url.ids.length });
      const els = toElements(data.subgraph);
      registerDocuments(els.documents);
      await view.add([...els.nodes, ...els.edges]);
      view.fit();
      if (els.nodes.length < url.ids.length) setStatus(`${url.ids.length - els.nodes.length} entities of the shared view no longer exist.`);
      else setStatus(`Restored the shared view: ${els.nodes.length} entities, ${els.edges.length} relations.`);
    });
    refreshFilters();
    if (url.path) {
      const name = (id: string) => String(cy.getElementById(id).data('label') ?? id);
      await runPathFinder({ id: url.path.from, name: name(url.path.from) }, { id: url.path.to, name: name(url.path.to) });
    }
    if (url.selected && cy.getElementById(url.selected).nonempty()) {
      const sel = cy.getElementById(url.selected);
      if (sel.isNode()) await showEntity(url.selected);
      else await showRelation(url.selected);
    }
  } else if (url.entity) {
    await openEntity({ id: url.entity, name: url.entity });
  } else {
    document.body.dataset.loaded = 'true';
    setStatus('Type a name to start, e.g. “Vardanyan”, “Mossad” or “Aliyev”.');
  }
  restoring = false;
  refreshFilters();
  if (filtersActive(state.filters)) setStatus(`${statusLine.textContent} Filters from the link are on.`);
}
void start();
// Big views (a shared link, a loaded snapshot) lay out in a worker: have it ready before they come.
if ('requestIdleCallback' in window) requestIdleCallback(() => warmLayoutWorker(), { timeout: 3000 });
else setTimeout(warmLayoutWorker, 1000);
