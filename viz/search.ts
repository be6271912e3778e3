// Autocomplete over the `search` query, with keyboard navigation (↑ ↓ Enter Esc) and an ARIA
// listbox; results show the type and aliases. Used by the main search box and the path finder.
import { esc, typeBadge } from './dom.js';
import { gql } from './graphql-client.js';
import { SEARCH, type EntitySummary, type SearchHit, type SearchResult } from './queries.js';

export interface Autocomplete {
  clear(): void;
  /** The entity last chosen in this box (null once the text is edited). */
  chosen(): EntitySummary | null;
  set(entity: EntitySummary): void;
}

export interface AutocompleteOptions {
  onChoose(entity: EntitySummary): void;
  /** Reports searches that found nothing or failed. */
  onMessage?(text: string, kind: 'info' | 'error'): void;
  first?: number;
}

let counter = 0;

export function createAutocomplete(input: HTMLInputElement, options: AutocompleteOptions): Autocomplete {
  const listId = `${input.id || `ac${++counter}`}-results`;
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'ac-results';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let hits: SearchHit[] = [];
  let active = -1;
  let seq = 0;
  let chosen: EntitySummary | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function render(): void {
    list.innerHTML = hits
      .map((h, i) => {
        const aliases = h.entity.aliases.filter((a) => a !== h.entity.name).slice(0, 3);
        const via = h.matched && h.matched !== h.entity.name && !aliases.includes(h.matched) ? [h.matched, ...aliases] : aliases;
        return `<li role="option" id="${listId}-${i}" data-index="${i}" aria-selected="${i === active}" class="${i === active ? 'active' : ''}">
          ${typeBadge(h.entity.type)} <span class="ac-name">${esc(h.entity.name)}</span>
          ${via.length ? `<small class="ac-aliases">${esc(via.join(' · '))}</small>` : ''}
        </li>`;
      })
      .join('');
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function close(): void {
    hits = [];
    active = -1;
    render();
  }

  async function run(q: string): Promise<void> {
    const mine = ++seq;
    if (q.trim().length < 2) {
      close();
      return;
    }
    try {
      const data = await gql<SearchResult>(SEARCH, { q: q.trim(), first: options.first ?? 8 });
      if (mine !== seq) return;
      hits = data.search;
      active = hits.length ? 0 : -1;
      render();
      if (!hits.length) options.onMessage?.(`No person, organisation or place matches “${q.trim()}”.`, 'info');
    } catch (e) {
      if (mine === seq) options.onMessage?.(`Search failed: ${(e as Error).message}`, 'error');
    }
  }

  function choose(i: number): void {
    const hit = hits[i];
    if (!hit) return;
    chosen = hit.entity;
    input.value = hit.entity.name;
    close();
    options.onChoose(hit.entity);
  }

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 140);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) {
      active = (active + 1) % hits.length;
      render();
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp' && hits.length) {
      active = (active - 1 + hits.length) % hits.length;
      render();
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (active >= 0) choose(active);
      else {
        // Enter before the debounced search answered: search now, then take the best hit.
        clearTimeout(timer);
        void run(input.value).then(() => hits.length && choose(0));
      }
    } else if (ev.key === 'Escape' && hits.length) {
      close();
      ev.stopPropagation();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  list.addEventListener('mousedown', (ev) => {
    const li = (ev.target as HTMLElement).closest('li');
    if (li) {
      ev.preventDefault();
      choose(Number(li.dataset.index));
    }
  });

  return {
    clear: () => {
      input.value = '';
      chosen = null;
      close();
    },
    chosen: () => chosen,
    set: (entity) => {
      chosen = entity;
      input.value = entity.name;
    },
  };
}
