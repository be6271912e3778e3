// The "Embed" dialog: publishes a snapshot of the current view (a mutation, so it needs the API
// token, asked once and kept in sessionStorage) and hands out the <iframe> and <kg-graph>
// snippets. Live snippets (entity/ids) work without a token.
import { esc } from './dom.js';
import { apiToken, gql, GraphQLRequestError } from './graphql-client.js';

export const CREATE_SNAPSHOT = `mutation CreateSnapshot($ids: [ID!]!, $limit: Int, $title: String) {
  createSnapshot(input: { ids: $ids, depth: 0, limit: $limit, title: $title }) { id title }
}`;

export interface EmbedView { ids: string[]; focus: { id: string; name: string } | null; title: string }

export const iframeSnippet = (origin: string, query: string, title: string): string =>
  `<iframe src="${origin}/embed?${query}" title="${esc(title)}" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;

export const componentSnippet = (origin: string, attrs: string): string =>
  `<script src="${origin}/kg-graph.js" defer></script><kg-graph ${attrs}></kg-graph>`;

function snippetBlock(label: string, code: string, name: string): string {
  return `<div class="snippet"><label for="snip-${name}">${esc(label)}</label>
    <div class="snippet-row"><textarea id="snip-${name}" readonly rows="3" spellcheck="false">${esc(code)}</textarea>
    <button type="button" data-copy="snip-${name}">Copy</button></div></div>`;
}

/** The API takes at most this many ids per snapshot. */
const MAX_SNAPSHOT_IDS = 500;

export function openEmbedDialog(dialog: HTMLDialogElement, view: EmbedView): void {
  const origin = location.origin;
  const tooMany = view.ids.length > MAX_SNAPSHOT_IDS;
  const live = view.focus
    ? snippetBlock('Live web component (always the current graph around this entity)', componentSnippet(origin, `entity="${esc(view.focus.id)}" depth="1"`), 'live-component') +
      snippetBlock('Live <iframe>', iframeSnippet(origin, `entity=${encodeURIComponent(view.focus.id)}&depth=1`, view.title), 'live-iframe')
    : '';
  const needToken = !apiToken.get();
  dialog.innerHTML = `
    <form class="embed-form" method="dialog">
      <h2>Embed this view</h2>
      <p class="note">Publishing saves a <strong>snapshot</strong> of the ${view.ids.length} entities shown: the published graph and its evidence never change, even when the live graph does.</p>
      ${tooMany ? `<p class="note"><strong>The view has more than ${MAX_SNAPSHOT_IDS} entities:</strong> hide some or filter by type first; an article graph that big would not be readable anyway.</p>` : ''}
      <label class="field">Title <input name="title" value="${esc(view.title)}" maxlength="200"></label>
      <div class="token-field" ${needToken ? '' : 'hidden'}>
        <label class="field">API token <input name="token" type="password" autocomplete="off" placeholder="KG_API_TOKEN"></label>
        <p class="note">Saving a snapshot writes to the server, so it needs the token the server was started with (<code>KG_API_TOKEN</code>). It is kept only in this browser tab.</p>
      </div>
      <p class="embed-status" role="status"></p>
      <div class="snippets published"></div>
      ${live ? `<details class="live"><summary>Live snippets (no snapshot)</summary>${live}</details>` : ''}
      <menu>
        <button type="submit" value="close" formnovalidate>Close</button>
        <button type="button" class="primary" data-action="publish" ${view.ids.length && !tooMany ? '' : 'disabled'}>Publish snapshot</button>
      </menu>
    </form>`;
  const form = dialog.querySelector('form')!;
  const status = form.querySelector<HTMLElement>('.embed-status')!;
  const tokenField = form.querySelector<HTMLElement>('.token-field')!;
  const out = form.querySelector<HTMLElement>('.snippets.published')!;
  const publish = form.querySelector<HTMLButtonElement>('[data-action="publish"]')!;

  publish.addEventListener('click', async () => {
    const typed = form.querySelector<HTMLInputElement>('input[name="token"]')!.value.trim();
    if (typed) apiToken.set(typed);
    if (!apiToken.get()) {
      tokenField.hidden = false;
      status.textContent = 'Enter the API token to publish.';
      form.querySelector<HTMLInputElement>('input[name="token"]')!.focus();
      return;
    }
    const title = form.querySelector<HTMLInputElement>('input[name="title"]')!.value.trim() || view.title;
    publish.disabled = true;
    status.textContent = 'Publishing…';
    try {
      const { createSnapshot } = await gql<{ createSnapshot: { id: string; title: string | null } }>(CREATE_SNAPSHOT, { ids: view.ids, limit: Math.min(2000, Math.max(1, view.ids.length)), title }, { auth: true });
      const id = createSnapshot.id;
      tokenField.hidden = true;
      status.innerHTML = `Published snapshot <a href="/embed?snapshot=${encodeURIComponent(id)}" target="_blank" rel="noopener">${esc(id)}</a>. Paste one of these into the article:`;
      out.innerHTML =
        snippetBlock('<iframe>', iframeSnippet(origin, `snapshot=${encodeURIComponent(id)}`, title), 'iframe') +
        snippetBlock('Web component (one line)', componentSnippet(origin, `snapshot="${esc(id)}"`), 'component');
      dialog.dataset.snapshot = id;
    } catch (e) {
      const code = e instanceof GraphQLRequestError ? e.code : null;
      if (code === 'UNAUTHORIZED') {
        apiToken.set(null);
        tokenField.hidden = false;
        status.textContent = 'The server did not accept that token. Enter the KG_API_TOKEN the server was started with.';
      } else if (code === 'FORBIDDEN') {
        status.textContent = 'This server has writes disabled (it was started without KG_API_TOKEN), so snapshots cannot be published. Use a live snippet below, or restart the server with KG_API_TOKEN set.';
      } else status.textContent = `Could not publish: ${(e as Error).message}`;
    } finally {
      publish.disabled = false;
    }
  });
  form.addEventListener('click', (ev) => {
    const id = (ev.target as HTMLElement).closest<HTMLElement>('[data-copy]')?.dataset.copy;
    if (!id) return;
    const area = form.querySelector<HTMLTextAreaElement>(`#${id}`)!;
    area.select();
    void navigator.clipboard?.writeText(area.value).then(
      () => (status.textContent = 'Copied.'),
      () => (status.textContent = 'Press Ctrl+C to copy the selected snippet.'),
    );
  });
  dialog.showModal();
}
