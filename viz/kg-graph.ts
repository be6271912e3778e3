// <kg-graph> web component for newsrooms: one <script src=".../kg-graph.js"> and
// <kg-graph entity="ID" depth="1"></kg-graph> (or ids="A,B" or snapshot="ID"; height="480").
// It renders our /embed page in a sandbox-friendly iframe from the server that served this script.
const scriptOrigin = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  try {
    return src ? new URL(src).origin : location.origin;
  } catch {
    return location.origin;
  }
})();

class KgGraph extends HTMLElement {
  static observedAttributes = ['entity', 'ids', 'depth', 'snapshot', 'height', 'title', 'server'];
  private frame: HTMLIFrameElement | null = null;

  connectedCallback(): void {
    if (!this.frame) {
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>:host{display:block;width:100%}iframe{display:block;width:100%;border:0;border-radius:8px;background:#fff}</style>`;
      this.frame = document.createElement('iframe');
      this.frame.loading = 'lazy';
      this.frame.referrerPolicy = 'strict-origin-when-cross-origin';
      root.append(this.frame);
    }
    this.update();
  }

  attributeChangedCallback(): void {
    if (this.frame) this.update();
  }

  private update(): void {
    const q = new URLSearchParams();
    const snapshot = this.getAttribute('snapshot');
    if (snapshot) q.set('snapshot', snapshot);
    else {
      const entity = this.getAttribute('entity');
      const ids = this.getAttribute('ids');
      if (entity) q.set('entity', entity);
      else if (ids) q.set('ids', ids);
      q.set('depth', this.getAttribute('depth') ?? (entity ? '1' : '0'));
    }
    const origin = this.getAttribute('server') ?? scriptOrigin;
    const height = Number(this.getAttribute('height')) || 480;
    this.frame!.style.height = `${height}px`;
    this.frame!.title = this.getAttribute('title') ?? 'Graph of people, organisations and places';
    this.frame!.src = `${origin.replace(/\/$/, '')}/embed?${q.toString().replace(/%2C/g, ',')}`;
  }
}

if (!customElements.get('kg-graph')) customElements.define('kg-graph', KgGraph);
