// The one configured compromise instance. Built once here; nothing else imports compromise
// directly, so per-call lexicons can never leak between documents (compromise's global trap).
import nlp from 'compromise';

export type Nlp = typeof nlp;

/** compromise's own lexicon (word → tag or tags), read-only: used as a gazetteer and a
 * dictionary of common words. */
export const compromiseLexicon: Readonly<Record<string, string | string[]>> =
  (nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;

const two = (nlp.world() as unknown as { model: { two: { orgWords?: Record<string, unknown>; placeWords?: Record<string, unknown> } } }).model.two;
export const compromiseOrgWords: readonly string[] = Object.keys(two.orgWords ?? {});
export const compromisePlaceWords: readonly string[] = Object.keys(two.placeWords ?? {});

export interface TermTags {
  start: number;
  end: number;
  tags: string[];
}

/** Part-of-speech tags of each term of one sentence (offsets inside `text`). */
export function termTags(text: string): TermTags[] {
  try {
    const json = nlp(text).json({ offset: true, terms: { offset: true } }) as Array<{ terms: Array<{ tags: string[]; offset: { start: number; length: number } }> }>;
    return json.flatMap((s) => s.terms.map((t) => ({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: t.tags })));
  } catch {
    return [];
  }
}

export default nlp;
