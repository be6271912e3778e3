// Name normalisation and stable identifiers. IDs are deterministic functions of their key
// parts, so re-ingesting the same text yields the same ids (followthemoney's rule).
import { createHash } from 'node:crypto';
import type { EntityType } from './types.js';

/** Case-, diacritics- and punctuation-insensitive key for comparing names. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]s\b/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Hash of a document's text: the identity used for idempotent ingest. */
export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

export const documentId = (hash: string): string => `d-${hash.slice(0, 16)}`;

const TYPE_PREFIX: Record<EntityType, string> = { Person: 'p', Organization: 'o', Place: 'l' };

/** `p-ruben-vardanyan`; non-Latin or very long names fall back to (or gain) a short hash. */
export function entityId(type: EntityType, name: string): string {
  const key = normaliseName(name);
  const slug = key.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const readable = slug.length > 0 && slug.length <= 60 && /^[a-z0-9-]+$/.test(slug) && slug.replace(/-/g, ' ') === key;
  return readable ? `${TYPE_PREFIX[type]}-${slug}` : `${TYPE_PREFIX[type]}-${slug.slice(0, 40)}${slug ? '-' : ''}${sha1(`${type}\u0000${key}`).slice(0, 10)}`;
}

export const relationId = (source: string, type: string, target: string): string =>
  `r-${sha1(`${source}\u0000${type}\u0000${target}`).slice(0, 16)}`;

export const countWords = (text: string): number => {
  const m = text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
};
