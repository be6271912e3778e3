// FollowTheMoney entities as JSON lines ({"id","schema","properties"}), loadable into Aleph /
// OpenAleph (`ftm` tools, `alephclient write-entities`). The mapping from our types to FtM
// schemata lives in ftm-mapping.yaml; this file only applies it. IDs are deterministic: "kg-" and
// our own stable id.
import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { parse } from 'yaml';
import { KgError } from '../model/errors.js';
import { packagePath } from '../model/paths.js';
import type { EntityType, GraphExport } from '../model/types.js';
import { indexGraph, oneLine, publisherOf, type ExportEntity, type ExportRelation } from './graph-data.js';

countries.registerLocale(en);

/** FtM schemata this exporter may write; the loader rejects a mapping naming anything else. */
export const FTM_SCHEMATA = ['Person', 'Organization', 'Company', 'LegalEntity', 'Address', 'Directorship', 'Membership', 'Employment', 'Ownership', 'Associate', 'Family', 'UnknownLink'] as const;

interface EdgeRule {
  schema: string;
  source: string;
  target: string;
  roleProperty: string;
  requires?: { source?: string; target?: string };
  targetSchema?: string;
}
interface PropertyRule {
  property?: string;
  nameProperty?: string;
  countryProperty?: string;
  requires?: { source?: string; target?: string };
}
type Rule = EdgeRule | PropertyRule;

export interface FtmMapping {
  entities: Record<EntityType, string>;
  relations: Record<string, Rule>;
  fallback: EdgeRule;
  placeFallback: PropertyRule;
}

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const isEdge = (r: Rule): r is EdgeRule => 'schema' in r;

function fail(detail: string): never {
  throw new KgError('INVALID_INPUT', `ftm.mapping: ${detail}`);
}

/** Validates a parsed mapping document (strict, like the ontology loader). */
export function buildFtmMapping(doc: unknown): FtmMapping {
  const known = new Set<string>(FTM_SCHEMATA);
  const m = doc as Partial<FtmMapping> | null;
  if (!m || typeof m !== 'object') fail('the document must be a mapping');
  for (const t of ['Person', 'Organization', 'Place'] as const) if (!known.has(m.entities?.[t] ?? '')) fail(`entities.${t} must name a known FtM schema`);
  const checkEdge = (r: EdgeRule, where: string) => {
    if (!known.has(r.schema)) fail(`${where}: unknown FtM schema ${String(r.schema)}`);
    if (r.targetSchema !== undefined && !known.has(r.targetSchema)) fail(`${where}: unknown targetSchema ${r.targetSchema}`);
    for (const k of ['source', 'target', 'roleProperty'] as const) if (typeof r[k] !== 'string' || !r[k]) fail(`${where}.${k} must be a property name`);
  };
  if (!m.fallback || !isEdge(m.fallback)) fail('fallback must be an edge rule');
  checkEdge(m.fallback, 'fallback');
  if (!m.placeFallback || typeof m.placeFallback !== 'object') fail('placeFallback is missing');
  if (!m.relations || typeof m.relations !== 'object') fail('relations is missing');
  for (const [type, rule] of Object.entries(m.relations)) {
    if (!/^[A-Z][A-Z_]*[A-Z]$/.test(type)) fail(`relations: ${type} is not a relation type name`);
    if (!rule || typeof rule !== 'object') fail(`relations.${type} must be a mapping`);
    if (isEdge(rule)) checkEdge(rule, `relations.${type}`);
    else if (!rule.property && !rule.nameProperty && !rule.countryProperty) fail(`relations.${type} needs a schema or a property`);
  }
  return m as FtmMapping;
}

let cached: FtmMapping | null = null;
export function ftmMapping(): FtmMapping {
  cached ??= buildFtmMapping(parse(readFileSync(packagePath('src', 'export', 'ftm-mapping.yaml'), 'utf8')));
  return cached;
}

/** ISO 3166-1 alpha-2 code (lower case, as FtM writes countries) when a place name is a country. */
export function countryCode(name: string): string | null {
  const code = countries.getAlpha2Code(name, 'en') ?? countries.getAlpha2Code(name.replace(/^the\s+/i, ''), 'en');
  return code ? code.toLowerCase() : null;
}

export const ftmId = (ourId: string): string => `kg-${ourId}`;

export interface FtmResult {
  entities: FtmEntity[];
  /** Relations with no FtM form (a place that is not a country, and no property for it). */
  skipped: number;
}

export function toFtmEntities(graph: GraphExport, mapping: FtmMapping = ftmMapping()): FtmResult {
  const index = indexGraph(graph);
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  const out = new Map<string, FtmEntity>();
  const add = (e: FtmEntity, prop: string, ...values: Array<string | null | undefined>) => {
    for (const raw of values) {
      const v = raw ? oneLine(raw) : '';
      if (!v) continue;
      const list = (e.properties[prop] ??= []);
      if (!list.includes(v)) list.push(v);
    }
  };
  const schemaOf = new Map<string, string>();
  for (const e of graph.entities) schemaOf.set(e.id, mapping.entities[e.type]);
  // An owned Organization must be a Company in FtM (only Assets can be owned).
  for (const r of graph.relations) {
    const rule = mapping.relations[r.type];
    if (rule && isEdge(rule) && rule.targetSchema && byId.get(r.target)?.type === 'Organization') schemaOf.set(r.target, rule.targetSchema);
  }
  const sourcesOf = new Map<string, Set<string>>();
  for (const r of graph.relations) {
    for (const d of index.documentsOf(r)) {
      if (!d.url) continue;
      for (const end of [r.source, r.target]) (sourcesOf.get(end) ?? sourcesOf.set(end, new Set()).get(end)!).add(d.url);
    }
  }
  for (const e of graph.entities) {
    const ftm: FtmEntity = { id: ftmId(e.id), schema: schemaOf.get(e.id)!, properties: {} };
    if (e.type === 'Place') {
      add(ftm, 'full', e.name);
      add(ftm, 'country', countryCode(e.name));
    } else {
      add(ftm, 'name', e.name);
      add(ftm, 'alias', ...e.aliases.filter((a) => a !== e.name));
    }
    const urls = [...(sourcesOf.get(e.id) ?? [])].sort().slice(0, 25);
    add(ftm, 'sourceUrl', ...urls);
    add(ftm, 'publisher', ...urls.map(publisherOf));
    out.set(e.id, ftm);
  }

  const fits = (rule: Rule, source: ExportEntity, target: ExportEntity) =>
    (!rule.requires?.source || schemaOf.get(source.id) === rule.requires.source || (rule.requires.source === 'Organization' && schemaOf.get(source.id) === 'Company')) &&
    (!rule.requires?.target || schemaOf.get(target.id) === rule.requires.target || (rule.requires.target === 'Organization' && schemaOf.get(target.id) === 'Company'));

  /** Sets properties on one end for a relation to a place; false when nothing could be said. */
  const onEnd = (rule: PropertyRule, end: ExportEntity, place: ExportEntity): boolean => {
    const ftm = out.get(end.id)!;
    const code = countryCode(place.name);
    let said = false;
    if (end.type === 'Place') {
      // An Address only carries a country.
      if (code && rule.countryProperty) {
        add(ftm, 'country', code);
        said = true;
      }
      return said;
    }
    if (rule.property) {
      add(ftm, rule.property, ftmId(place.id));
      said = true;
    }
    if (rule.nameProperty) {
      add(ftm, rule.nameProperty, place.name);
      said = true;
    }
    if (rule.countryProperty && code) {
      add(ftm, rule.countryProperty, code);
      said = true;
    }
    return said;
  };

  const edge = (rule: EdgeRule, r: ExportRelation): FtmEntity => {
    const ftm: FtmEntity = { id: ftmId(r.id), schema: rule.schema, properties: {} };
    add(ftm, rule.source, ftmId(r.source));
    add(ftm, rule.target, ftmId(r.target));
    add(ftm, rule.roleProperty, r.type);
    if (r.status && rule.roleProperty === 'role') add(ftm, 'status', r.status);
    add(ftm, 'summary', r.evidence[0]?.sentence);
    add(ftm, 'description', ...r.evidence.slice(1, 10).map((e) => e.sentence));
    const docs = index.documentsOf(r);
    add(ftm, 'sourceUrl', ...docs.map((d) => d.url));
    add(ftm, 'publisher', ...docs.map((d) => publisherOf(d.url)));
    add(ftm, 'date', ...docs.map((d) => /^\d{4}-\d{2}-\d{2}/.exec(d.publishedAt ?? '')?.[0]));
    return ftm;
  };

  const links: FtmEntity[] = [];
  let skipped = 0;
  for (const r of graph.relations) {
    const source = byId.get(r.source);
    const target = byId.get(r.target);
    if (!source || !target) continue;
    const rule = mapping.relations[r.type];
    const placeEnd = target.type === 'Place' ? target : source.type === 'Place' ? source : null;
    if (rule && isEdge(rule) && fits(rule, source, target) && !placeEnd) {
      links.push(edge(rule, r));
    } else if (rule && !isEdge(rule) && target.type === 'Place' && fits(rule, source, target) && onEnd(rule, source, target)) {
      // written as properties of the source
    } else if (!placeEnd) {
      links.push(edge(mapping.fallback, r));
    } else if (!onEnd(mapping.placeFallback, placeEnd === target ? source : target, placeEnd)) {
      skipped++;
    }
  }
  return { entities: [...out.values(), ...links], skipped };
}

export function toFtm(graph: GraphExport, mapping?: FtmMapping): { text: string; skipped: number } {
  const { entities, skipped } = toFtmEntities(graph, mapping);
  return { text: entities.map((e) => JSON.stringify(e)).join('\n') + (entities.length > 0 ? '\n' : ''), skipped };
}
