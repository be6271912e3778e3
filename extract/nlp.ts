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

export interface VerbInfo {
  /** Offset of the verb phrase inside the analysed text. */
  start: number;
  end: number;
  text: string;
  negative: boolean;
}

/** Verb phrases of one sentence (compromise's part-of-speech tagger); used by the relation stage only. */
export function verbPhrases(text: string): VerbInfo[] {
  try {
    const doc = nlp(text);
    const list = doc.verbs().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number }; verb?: { negative?: boolean } }>;
    return list.map((v) => ({ start: v.offset.start, end: v.offset.start + v.offset.length, text: v.text, negative: v.verb?.negative === true }));
  } catch {
    return [];
  }
}

export default nlp;
