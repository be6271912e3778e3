// JSON Lines: one document per line, {"id","text","title","byline","url","publishedAt"}.
// A malformed line is reported with its line number; the other lines still count.
import type { DocumentInput } from '../../model/types.js';
import { isoDate } from './dates.js';

export type JsonlItem = { ok: true; input: DocumentInput } | { ok: false; error: string };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

export function* readJsonl(text: string, source: string): Generator<JsonlItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { ok: false, error: `${where}: not valid JSON` };
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield { ok: false, error: `${where}: expected a JSON object` };
      continue;
    }
    const o = value as Record<string, unknown>;
    if (typeof o.text !== 'string' || !o.text.trim()) {
      yield { ok: false, error: `${where}: "text" must be a non-empty string` };
      continue;
    }
    yield {
      ok: true,
      input: {
        text: o.text,
        title: str(o.title) ?? str(o.id),
        byline: str(o.byline),
        url: str(o.url),
        publishedAt: isoDate(str(o.publishedAt)),
        source: str(o.id) ? `${source}#${String(o.id)}` : where,
      },
    };
  }
}
