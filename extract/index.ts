// Entity and relation extraction: one document in, one DocumentGraph out. Pure and
// deterministic; the staged pipeline lives in stages/ (segment → tokens → mentions → types →
// resolve → relations), its data in data/. Messy text never throws: it yields warnings.
import type { DocumentGraph } from '../src/model/types.js';
import { segment } from './stages/01-segment.js';
import { tokenize } from './stages/02-tokens.js';
import { findCandidates } from './stages/03-mentions.js';
import { typeCandidates } from './stages/04-types.js';
import { resolve } from './stages/05-resolve.js';
import { findRelations } from './stages/06-relations.js';
import { lower, placeAbbreviations } from './lexicon.js';

export interface ExtractOptions {
  /** Upper bound on characters processed; longer text is truncated with a warning. */
  maxChars?: number;
  /** Leave out ASSOCIATED_WITH co-occurrence relations. */
  noCooccurrence?: boolean;
}

export { segment, tokenize, findCandidates, typeCandidates, resolve, findRelations };

export function extractDocument(text: string, options: ExtractOptions = {}): DocumentGraph {
  const warnings: string[] = [];
  const input = typeof text === 'string' ? text : String(text ?? '');
  if (typeof text !== 'string') warnings.push('input was not a string; converted');
  const max = options.maxChars ?? 5_000_000;
  const body = input.length > max ? input.slice(0, max) : input;
  if (body.length < input.length) warnings.push(`text truncated to ${max} characters`);
  const empty: DocumentGraph = { text: body, sentences: [], mentions: [], entities: [], relations: [], warnings };
  let sentences;
  try {
    sentences = segment(body);
  } catch (err) {
    warnings.push(`segment failed: ${(err as Error).message}`);
    return empty;
  }
  try {
    const tokens = tokenize(body, sentences);
    const candidates = findCandidates(body, tokens);
    const typed = typeCandidates(candidates, tokens);
    const { mentions, entities } = resolve(body, typed, tokens);
    const byStart = new Map(typed.map((c) => [c.start, c.title]));
    const titleOf = mentions.map((m) => byStart.get(m.start));
    let relations = [] as DocumentGraph['relations'];
    try {
      relations = findRelations({ text: body, sentences, mentions, entities, titleOf });
      if (options.noCooccurrence) relations = relations.filter((r) => r.type !== 'ASSOCIATED_WITH');
    } catch (err) {
      warnings.push(`relations failed: ${(err as Error).message}`);
    }
    keepTokenPeriods(body, mentions);
    return { text: body, sentences, mentions, entities, relations, warnings };
  } catch (err) {
    warnings.push(`extraction failed: ${(err as Error).message}`);
    return { ...empty, sentences };
  }
}

/** Pre-tokenised text (corpora whose punctuation is split off by spaces: "Boise , Idaho ."):
 * mentions follow the input's token boundaries, as token-level annotation does. A period still
 * glued to a name ("Boise.") is part of that token, so the mention takes it; an abbreviation's own
 * period split off at a sentence end ("Minn .") goes back to the abbreviation. Entity names stay
 * clean (they are fixed before this step). Ordinary prose (commas glued to words) is left alone. */
function keepTokenPeriods(text: string, mentions: DocumentGraph['mentions']): void {
  if (/[\p{L}\p{N}][,;:!?)"]/u.test(text) || !/ [,;:] | ['’]s /u.test(text)) return;
  for (const m of mentions) {
    // "Chisholm , Minn ." — an abbreviation whose period the tokeniser split off at the sentence end.
    if (text.startsWith(' .', m.end) && placeAbbreviations.has(`${lower(m.text)}.`) && (m.end + 2 === text.length || /\s/.test(text[m.end + 2]!))) {
      m.end += 2;
      m.text = text.slice(m.start, m.end);
      continue;
    }
    if (text[m.end] === '.' && /^\p{L}/u.test(text.slice(m.end - 1, m.end)) && (m.end + 1 === text.length || /\s/.test(text[m.end + 1]!))) {
      m.end += 1;
      m.text = text.slice(m.start, m.end);
    }
  }
}
