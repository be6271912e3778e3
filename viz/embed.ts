// The chrome-less embed at /embed?entity=ID&depth=1 (or ids=a,b,c): read-only subgraph; clicking
// an edge shows its evidence.
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql } from './graphql-client.js';
import { RELATION, type CyElements, type RelationResult } from './queries.js';
import { graphStyle } from './style.js';

cytoscape.use(fcose);

const SUBGRAPH = `query Embed($ids: [ID!]!, $depth: Int) { subgraph(ids: $ids, depth: $depth, limit: 120) { cytoscape } }`;
const params = new URLSearchParams(location.search);
const ids = (params.get('ids') ?? params.get('entity') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const depth = Math.min(2, Math.max(0, Number(params.get('depth') ?? (params.get('entity') ? 1 : 0)) || 0));
const status = document.getElementById('status')!;
const evidence = document.getElementById('evidence')!;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const cy = cytoscape({ container: document.getElementById('graph'), style: graphStyle, autoungrabify: false, minZoom: 0.2, maxZoom: 3 });

async function load(): Promise<void> {
  if (ids.length === 0) {
    status.textContent = 'Nothing to show: add ?entity=ID or ?ids=ID1,ID2 to the address.';
    return;
  }
  try {
    const data = await gql<{ subgraph: { cytoscape: CyElements } }>(SUBGRAPH, { ids, depth });
    const { nodes, edges } = data.subgraph.cytoscape;
    if (nodes.length === 0) {
      status.textContent = 'No such entity.';
      return;
    }
    cy.add([...nodes.map((n) => ({ group: 'nodes', data: n.data })), ...edges.map((e) => ({ group: 'edges', data: e.data }))] as ElementDefinition[]);
    cy.layout({ name: 'fcose', animate: false, randomize: true } as cytoscape.LayoutOptions).run();
    cy.fit(undefined, 20);
    document.body.dataset.loaded = 'true';
  } catch (e) {
    status.textContent = (e as Error).message;
  }
}

cy.on('tap', 'edge', async (ev) => {
  const { relation } = await gql<RelationResult>(RELATION, { id: ev.target.id() });
  if (!relation) return;
  evidence.hidden = false;
  evidence.innerHTML = `<strong>${esc(relation.source.name)} — ${esc(relation.type)} — ${esc(relation.target.name)}</strong>` +
    relation.evidence
      .map((e) => `<p>${esc(e.sentence)}<br><cite>${esc(e.document.title ?? 'Untitled')}${e.document.byline ? ` — ${esc(e.document.byline)}` : ''}</cite></p>`)
      .join('');
});
cy.on('tap', (ev) => {
  if (ev.target === cy) evidence.hidden = true;
});

void load();
