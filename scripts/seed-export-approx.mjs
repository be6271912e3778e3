#!/usr/bin/env node
// Approximates `kg seed` + `kg export --format json` for the seed file so the extractor can be
// scored with ../shared/eval/score-seed.mjs before the integrated CLI exists. Not a product
// feature: cross-document merging here is a naive (type, normalised name/alias) union.
// usage: node scripts/seed-export-approx.mjs [SEED.txt] > export.json
import { readFileSync } from 'node:fs';
import { extractDocument } from '../dist/extract/index.js';
import { normaliseName, entityId, relationId } from '../dist/src/model/names.js';

const path = process.argv[2] ?? new URL('../../shared/seed/000_df2a8448239207a5.txt', import.meta.url).pathname;
const raw = readFileSync(path, 'utf8');
const parts = raw.split(/^ {2}• /m).slice(1);
const documents = [];
const entities = new Map(); // id -> {id,name,type,aliases:Set}
const keyToId = new Map();
const relations = new Map();
parts.forEach((part, i) => {
  const lines = part.split('\n');
  const title = lines[0].trim();
  let body = lines.slice(1).join('\n');
  // The title line is repeated right after; drop it once.
  body = body.replace(new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\n`), '');
  const by = /^\s*By ([^\n]+)\n/.exec(body);
  const byline = by ? by[1].trim() : null;
  const docId = `d${i + 1}`;
  documents.push({ id: docId, title, byline });
  const text = `${title}\n${byline ? `By ${byline}\n` : ''}${body.replace(/^\s*By [^\n]+\n/, '')}`;
  const g = extractDocument(text);
  const local = g.entities.map((e) => {
    const keys = [e.name, ...e.aliases, ...(e.knownAs ?? [])].map((n) => `${e.type}:${normaliseName(n)}`);
    let id = keys.map((k) => keyToId.get(k)).find(Boolean);
    if (!id) { id = entityId(e.type, e.name); entities.set(id, { id, name: e.name, type: e.type, aliases: new Set() }); }
    const ent = entities.get(id);
    for (const a of [e.name, ...e.aliases]) ent.aliases.add(a);
    if (e.name.split(' ').length > ent.name.split(' ').length) ent.name = e.name;
    for (const k of keys) if (!keyToId.has(k)) keyToId.set(k, id);
    return id;
  });
  for (const r of g.relations) {
    const s = local[r.source], t = local[r.target];
    const id = relationId(s, r.type, t);
    const rel = relations.get(id) ?? { id, source: s, target: t, type: r.type, confidence: 0, evidence: [], rule: r.rule };
    rel.confidence = Math.max(rel.confidence, r.confidence);
    rel.evidence.push({ sentence: g.sentences[r.sentence].text, document: docId });
    relations.set(id, rel);
  }
});
const out = {
  entities: [...entities.values()].map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: [...e.aliases].filter((a) => a !== e.name) })),
  relations: [...relations.values()],
  documents,
};
process.stdout.write(JSON.stringify(out, null, 1));
