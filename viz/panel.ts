// The side panel's contents as HTML: an entity (relations grouped by type, documents, actions),
// a relation (its evidence), paths, and the empty/loading/error states. Buttons carry
// data-action / data-entity / data-relation; explorer.ts handles the clicks.
import { esc, percent, relationLabel, typeBadge } from './dom.js';
import { relationEvidence } from './evidence.js';
import type { EntityResult, PathsResult, RelationDetail, RelationSummary } from './queries.js';
import { CO_OCCURRENCE } from './style.js';

type EntityDetail = NonNullable<EntityResult['entity']>;

export const message = (text: string, kind: 'empty' | 'loading' | 'error' = 'empty'): string =>
  `<div class="state state-${kind}" ${kind === 'error' ? 'role="alert"' : ''}>${kind === 'loading' ? '<span class="spinner" aria-hidden="true"></span>' : ''}<p>${esc(text)}</p></div>`;

export const welcome = (): string => `
  <div class="state state-empty welcome">
    <h2>Find how people, organisations and places are connected</h2>
    <ol>
      <li>Search a name above and press Enter.</li>
      <li>Click a node for its relations; double-click (or <em>Expand</em>) to add its neighbours.</li>
      <li>Click an edge to read the sentences that support it.</li>
      <li><em>Path</em> finds the shortest chain between two names.</li>
    </ol>
  </div>`;

function relationRow(r: RelationSummary, entityId: string): string {
  const outgoing = r.source.id === entityId;
  const other = outgoing ? r.target : r.source;
  return `<li><button type="button" class="rel" data-relation="${esc(r.id)}" title="Show the evidence">
      <span class="dir" aria-label="${outgoing ? 'to' : 'from'}">${outgoing ? '→' : '←'}</span>
      <span class="rel-other">${esc(other.name)}</span>
      <small>${r.evidenceCount} sentence${r.evidenceCount === 1 ? '' : 's'} · ${percent(r.confidence)}</small>
    </button></li>`;
}

export function entityPanel(entity: EntityDetail, inGraph: boolean): string {
  const groups = new Map<string, RelationSummary[]>();
  for (const r of entity.relations.nodes) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  const order = [...groups.keys()].sort((a, b) => (a === CO_OCCURRENCE ? 1 : b === CO_OCCURRENCE ? -1 : a.localeCompare(b)));
  const docs = new Map<string, { id: string; title: string | null; publishedAt: string | null }>();
  for (const r of entity.relations.nodes) for (const e of r.evidence) docs.set(e.document.id, e.document);
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  const id = esc(entity.id);
  return `
    <article class="entity" data-entity-panel="${id}">
      <h2>${esc(entity.name)}</h2>
      <p class="meta">${typeBadge(entity.type)} mentioned ${entity.mentionCount}× in ${entity.documentCount} document${entity.documentCount === 1 ? '' : 's'}</p>
      ${aliases.length ? `<p class="aliases"><span>Also known as</span> ${aliases.map(esc).join(', ')}</p>` : ''}
      <div class="actions">
        <button type="button" data-action="expand" data-id="${id}">Expand neighbours</button>
        ${inGraph ? `<button type="button" data-action="hide" data-id="${id}">Hide</button>` : `<button type="button" data-action="show" data-id="${id}">Show in graph</button>`}
        <button type="button" data-action="path-from" data-id="${id}">Path from here…</button>
      </div>
      <h3>Relations <span class="count">${entity.relations.totalCount}</span></h3>
      ${order.length === 0 ? '<p class="empty">No relations found for this entity yet.</p>' : ''}
      ${order
        .map(
          (type) => `<section class="rel-group${type === CO_OCCURRENCE ? ' co' : ''}">
            <h4>${esc(type === CO_OCCURRENCE ? 'named together with (co-occurrence)' : relationLabel(type))} <span class="count">${groups.get(type)!.length}</span></h4>
            <ul>${groups.get(type)!.map((r) => relationRow(r, entity.id)).join('')}</ul>
          </section>`,
        )
        .join('')}
      ${entity.relations.totalCount > entity.relations.nodes.length ? `<p class="note">Showing the ${entity.relations.nodes.length} strongest of ${entity.relations.totalCount} relations.</p>` : ''}
      ${docs.size ? `<h3>Documents <span class="count">${docs.size}</span></h3>
        <ul class="docs">${[...docs.values()]
          .map((d) => `<li><button type="button" class="doc" data-action="doc-filter" data-doc="${esc(d.id)}" title="Show only relations reported in this document">${esc(d.title ?? 'Untitled article')}${d.publishedAt ? ` <small>${esc(d.publishedAt.slice(0, 10))}</small>` : ''}</button></li>`)
          .join('')}</ul>` : ''}
    </article>`;
}

export function relationPanel(r: RelationDetail): string {
  const dates = r.firstReported ? `<p class="note">First reported ${esc(r.firstReported.slice(0, 10))}${r.lastReported && r.lastReported !== r.firstReported ? `, last ${esc(r.lastReported.slice(0, 10))}` : ''}.</p>` : '';
  return `
    <article class="relation" data-relation-panel="${esc(r.id)}">
      <p class="crumbs">
        <button type="button" class="link" data-entity="${esc(r.source.id)}">${typeBadge(r.source.type)} ${esc(r.source.name)}</button>
        <button type="button" class="link" data-entity="${esc(r.target.id)}">${typeBadge(r.target.type)} ${esc(r.target.name)}</button>
      </p>
      ${relationEvidence(r)}
      ${dates}
    </article>`;
}

export function pathsPanel(from: string, to: string, paths: PathsResult['paths']): string {
  if (!paths.length) return message(`No connection between ${from} and ${to} within 6 steps.`);
  const name = new Map(paths.flatMap((p) => p.nodes.map((n) => [n.id, n.name] as const)));
  return `
    <article class="paths">
      <h2>${esc(from)} → ${esc(to)}</h2>
      <p class="meta">${paths.length} shortest path${paths.length === 1 ? '' : 's'} of ${paths[0]!.length} step${paths[0]!.length === 1 ? '' : 's'}, highlighted in the graph.</p>
      <ol class="path-list">${paths
        .map(
          (p) => `<li><ol class="hops">${p.relations
            .map(
              (r) => `<li><button type="button" class="rel" data-relation="${esc(r.id)}">${esc(name.get(r.source.id) ?? r.source.id)}
                <span class="rel-type">${esc(relationLabel(r.type))}</span> ${esc(name.get(r.target.id) ?? r.target.id)}</button></li>`,
            )
            .join('')}</ol></li>`,
        )
        .join('')}</ol>
      <button type="button" data-action="clear-path">Clear highlight</button>
    </article>`;
}
