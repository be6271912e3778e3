// Shared helpers for the extraction stage tests: run the pipeline up to a stage.
import { segment } from '../../../extract/stages/01-segment.js';
import { tokenize } from '../../../extract/stages/02-tokens.js';
import { findCandidates } from '../../../extract/stages/03-mentions.js';
import { typeCandidates } from '../../../extract/stages/04-types.js';

export function candidatesOf(text: string) {
  const sentences = segment(text);
  const tokens = tokenize(text, sentences);
  return { sentences, tokens, candidates: findCandidates(text, tokens) };
}

export function typedOf(text: string) {
  const { tokens, candidates } = candidatesOf(text);
  return typeCandidates(candidates, tokens);
}
