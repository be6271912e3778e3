// Evidence rendering shared by the explorer panel and the embed: the sentence with both
// mentions highlighted, then the article's title, byline and date.
import { esc, percent, relationLabel } from './dom.js';
import type { DocumentInfo, EvidenceItem } from './queries.js';

type Span = [number | null | undefined, number | null | undefined];

/** Escaped sentence with each valid, non-overlapping span wrapped in <mark>. */
export function highlight(sentence: string, spans: Span[]): string {
  const marks = spans
    .filter((s): s is [number, number] => typeof s[0] === 'number' && typeof s[1] === 'number' && s[0] >= 0 && s[1] <= sentence.length && s[0] < s[1])
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of marks) {
    if (s < pos) continue;
    out += esc(sentence.slice(pos, s)) + `<mark>${esc(sentence.slice(s, e))}</mark>`;
    pos = e;
  }
  return out + esc(sentence.slice(pos));
}

export function citation(doc: Pick<DocumentInfo, 'title' | 'byline' | 'url' | 'publishedAt'>): string {
  const title = esc(doc.title ?? 'Untitled article');
  const link = doc.url && /^https?:\/\//i.test(doc.url) ? `<a href="${esc(doc.url)}" target="_blank" rel="noopener noreferrer">${title}</a>` : title;
  const parts = [link, doc.byline ? esc(doc.byline) : null, doc.publishedAt ? esc(doc.publishedAt.slice(0, 10)) : null].filter(Boolean);
  return parts.join(' · ');
}

export const evidenceItem = (ev: EvidenceItem): string => `
  <li class="evidence-item">
    <blockquote>${highlight(ev.sentence, [[ev.sourceStart, ev.sourceEnd], [ev.targetStart, ev.targetEnd]])}</blockquote>
    <cite>${citation(ev.document)}</cite>
  </li>`;

export interface RelationForEvidence {
  type: string; confidence: number; evidenceCount: number; status: string | null;
  source: { name: string }; target: { name: string };
  evidence: EvidenceItem[];
}

/** Heading, confidence line and the evidence list of one relation. */
export function relationEvidence(r: RelationForEvidence): string {
  const shown = r.evidence.length;
  return `
    <h2 class="relation-title">${esc(r.source.name)} <span class="rel-type" title="${esc(r.type)}">${esc(relationLabel(r.type))}</span> ${esc(r.target.name)}</h2>
    <p class="relation-meta">Confidence <strong>${percent(r.confidence)}</strong> · ${r.evidenceCount} supporting sentence${r.evidenceCount === 1 ? '' : 's'}${r.status ? ` · <em>${esc(r.status)}</em>` : ''}</p>
    ${shown ? `<ol class="evidence">${r.evidence.map(evidenceItem).join('')}</ol>` : '<p class="empty">No evidence sentences are stored for this relation.</p>'}
    ${shown < r.evidenceCount ? `<p class="note">Showing the ${shown} most confident of ${r.evidenceCount} sentences.</p>` : ''}`;
}
