// The newsroom embed at /embed: ?entity=ID&depth=1 or ?ids=A,B (live, read-only) or
// ?snapshot=ID (a published snapshot: its own frozen elements, evidence and sources, so later
// changes to the graph never change it). Clicking an edge shows its evidence.
import cytoscape, { type Core } from 'cytoscape';
import { esc } from './dom.js';
import { fromCyJson } from './elements.js';
import { citation, relationEvidence, type RelationForEvidence } from './evidence.js';
import { gql } from './graphql-client.js';
import { layoutAll, registerLayouts } from './layout.js';
import { RELATION, type CyElements, type DocumentInfo, type RelationResult } from './queries.js';
import { graphStyle, TYPE_STYLE } from './style.js';

const LIVE = `query Embed($ids: [ID!]!, $depth: Int) { subgraph(ids: $ids, depth: $depth, limit: 150) { truncated nodes { id name } cytoscape } }`;
const SNAPSHOT = `query EmbedSnapshot($id: ID!) {
  snapshot(id: $id) {
    id title createdAt cytoscape
    documents { id title byline url publishedAt }
    relations {
      id type confidence evidenceCount status
      source { id name type } target { id name type }
      evidence(first: 20) { sentence confidence sourceStart sourceEnd targetStart targetEnd document { id title byline url publishedAt } }
    }
  }
}`;

interface SnapshotResult {
  snapshot: {
    id: string; title: string | null; createdAt: string; cytoscape: CyElements; documents: DocumentInfo[];
    relations: (RelationForEvidence & { id: string })[];
  } | null;
}

const params = new URLSearchParams(location.search);
const snapshotId = params.get('snapshot');
const ids = (params.get('ids') ?? params.get('entity') ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 100);
const depth = Math.min(2, Math.max(0, Number(params.get('depth') ?? (params.get('entity') ? 1 : 0)) || 0));
const status = document.getElementById('status')!;
const evidence = document.getElementById('evidence')!;
const sources = document.getElementById('sources')!;
const title = document.getElementById('title')!;
const openLink = document.getElementById('open') as HTMLAnchorElement;
/** Frozen relations of a snapshot: their evidence is shown instead of the live one. */
const frozen = new Map<string, RelationForEvidence>();

registerLayouts();
const cy: Core = cytoscape({ container: document.getElementById('graph'), style: graphStyle, minZoom: 0.2, maxZoom: 2.5, boxSelectionEnabled: false, autoungrabify: true });
Object.assign(window, { cy });

document.getElementById('legend')!.innerHTML = Object.values(TYPE_STYLE)
  .map((s) => `<span><i style="color:${s.color}">${s.symbol}</i>${esc(s.label)}</span>`)
  .join('');

/** Whole graph in view, never magnified into giant labels. */
function fit(): void {
  if (cy.nodes().empty()) return;
  cy.maxZoom(1.2);
  cy.fit(undefined, 24);
  cy.maxZoom(2.5);
}

function fail(text: string): void {
  status.textContent = text;
  status.className = 'error';
  document.body.dataset.loaded = 'error';
}

async function render(json: CyElements): Promise<void> {
  const els = fromCyJson(json);
  cy.add(els);
  cy.batch(() => cy.nodes().forEach((n) => void n.data('degree', n.connectedEdges().length)));
  // Stored positions are used as published; otherwise the seeded layout gives the same picture every time.
  if (!json.nodes.every((n) => n.position)) await layoutAll(cy);
  fit();
  status.textContent = '';
  document.body.dataset.loaded = 'true';
}

async function loadLive(): Promise<void> {
  const data = await gql<{ subgraph: { truncated: boolean; nodes: { id: string; name: string }[]; cytoscape: CyElements } }>(LIVE, { ids, depth });
  if (data.subgraph.nodes.length === 0) return fail('This entity is not in the graph (any more).');
  const focus = data.subgraph.nodes.find((n) => n.id === ids[0]);
  title.textContent = ids.length === 1 && focus ? `Connections of ${focus.name}` : `${data.subgraph.nodes.length} connected entities`;
  openLink.href = `/?ids=${data.subgraph.nodes.map((n) => encodeURIComponent(n.id)).join(',')}${focus ? `&sel=${encodeURIComponent(focus.id)}` : ''}`;
  openLink.hidden = false;
  await render(data.subgraph.cytoscape);
  if (focus) cy.getElementById(focus.id).addClass('focus');
}

async function loadSnapshot(id: string): Promise<void> {
  const { snapshot } = await gql<SnapshotResult>(SNAPSHOT, { id });
  if (!snapshot) return fail('This graph was not found: the snapshot id is wrong or it was deleted.');
  for (const r of snapshot.relations) frozen.set(r.id, r);
  title.textContent = snapshot.title ?? 'Graph';
  document.title = snapshot.title ?? 'Graph';
  sources.hidden = false;
  sources.innerHTML = `<h2>Sources</h2>
    ${snapshot.documents.length ? `<ol>${snapshot.documents.map((d) => `<li>${citation(d)}</li>`).join('')}</ol>` : '<p class="note">No source documents.</p>'}
    <p class="stamp">Published ${esc(snapshot.createdAt.slice(0, 10))}; this graph does not change afterwards.</p>`;
  await render(snapshot.cytoscape);
}

async function showEvidence(relationId: string): Promise<void> {
  let relation: RelationForEvidence | null | undefined = frozen.get(relationId);
  if (!relation && !snapshotId) relation = (await gql<RelationResult>(RELATION, { id: relationId })).relation;
  if (!relation) return;
  evidence.innerHTML = `<button type="button" class="close" aria-label="Close evidence">×</button>${relationEvidence(relation)}`;
  evidence.hidden = false;
  evidence.querySelector<HTMLButtonElement>('.close')!.focus();
}

cy.on('tap', 'edge', (ev) => {
  cy.$(':selected').unselect();
  ev.target.select();
  showEvidence(ev.target.id()).catch((e: Error) => fail(`Could not load the evidence: ${e.message}`));
});
cy.on('tap', 'node', (ev) => {
  cy.elements().addClass('faded');
  ev.target.closedNeighborhood().removeClass('faded');
});
cy.on('tap', (ev) => {
  if (ev.target !== cy) return;
  evidence.hidden = true;
  cy.elements().removeClass('faded');
});
evidence.addEventListener('click', (ev) => {
  if ((ev.target as HTMLElement).closest('.close')) evidence.hidden = true;
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') evidence.hidden = true;
});
new ResizeObserver(() => {
  cy.resize();
  fit();
}).observe(document.querySelector('.stage')!);

status.textContent = 'Loading…';
const work = snapshotId ? loadSnapshot(snapshotId) : ids.length ? loadLive() : Promise.resolve(fail('Nothing to show: add ?entity=ID, ?ids=ID1,ID2 or ?snapshot=ID to the address.'));
work.catch((e: Error) => fail(`Could not load the graph: ${e.message}`));
