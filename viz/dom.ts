// Small DOM helpers shared by the explorer and the embed: lookup, escaping, type badges.
import { TYPE_STYLE } from './style.js';

export function $<T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`missing element ${sel}`);
  return el;
}

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const typeBadge = (type: string): string =>
  `<span class="badge badge-${esc(type)}" style="background:${TYPE_STYLE[type]?.color ?? '#5b6475'}">${esc(TYPE_STYLE[type]?.label ?? type)}</span>`;

/** "FOUNDED" → "founded", "MET_WITH" → "met with": how relation types read in prose. */
export const relationLabel = (type: string): string => type.toLowerCase().replace(/_/g, ' ');

export const percent = (x: number): string => `${Math.round(x * 100)}%`;

export function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
