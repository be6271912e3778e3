// Loads and validates schema/ontology.yaml, the single source of entity and relation types.
// A broken ontology is rejected at start-up with a message naming the offending entry.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ENTITY_TYPES, type EntityType, type RelationType } from './types.js';
import { KgError } from './errors.js';
import { packagePath } from './paths.js';

export interface RelationTypeDef {
  name: RelationType;
  definition: string;
  source: EntityType[];
  target: EntityType[];
  symmetric: boolean;
  cues: string[];
}

export interface EntityTypeDef {
  name: EntityType;
  definition: string;
}

export interface Ontology {
  entityTypes: EntityTypeDef[];
  relationTypes: RelationTypeDef[];
  relationType(name: string): RelationTypeDef | undefined;
  isRelationType(name: string): boolean;
  /** True when the ontology allows `type` between entities of these types. */
  allows(type: string, sourceType: EntityType, targetType: EntityType): boolean;
}

const RELATION_NAME = /^[A-Z][A-Z_]*[A-Z]$/;

function fail(detail: string): never {
  throw new KgError('INVALID_INPUT', `ontology.load: ${detail}`);
}

function entityTypeList(value: unknown, where: string): EntityType[] {
  if (!Array.isArray(value) || value.length === 0) fail(`${where} must be a non-empty list of entity types`);
  return value.map((v) => {
    if (!ENTITY_TYPES.includes(v as EntityType)) fail(`${where}: unknown entity type ${JSON.stringify(v)}`);
    return v as EntityType;
  });
}

/** Validates a parsed ontology document; exported for tests. */
export function buildOntology(doc: unknown): Ontology {
  if (!doc || typeof doc !== 'object') fail('the document must be a mapping');
  const { entityTypes, relationTypes } = doc as Record<string, unknown>;
  if (!entityTypes || typeof entityTypes !== 'object') fail('entityTypes is missing');
  if (!relationTypes || typeof relationTypes !== 'object') fail('relationTypes is missing');

  const entityDefs: EntityTypeDef[] = Object.entries(entityTypes as Record<string, unknown>).map(([name, def]) => {
    if (!ENTITY_TYPES.includes(name as EntityType)) fail(`entityTypes: ${name} is not one of ${ENTITY_TYPES.join(', ')}`);
    const definition = (def as { definition?: unknown } | null)?.definition;
    if (typeof definition !== 'string') fail(`entityTypes.${name}.definition must be a string`);
    return { name: name as EntityType, definition };
  });
  for (const t of ENTITY_TYPES) if (!entityDefs.some((d) => d.name === t)) fail(`entityTypes: ${t} is missing`);

  const relationDefs: RelationTypeDef[] = Object.entries(relationTypes as Record<string, unknown>).map(([name, raw]) => {
    if (!RELATION_NAME.test(name)) fail(`relationTypes: ${name} must be CONST_CASE`);
    if (!raw || typeof raw !== 'object') fail(`relationTypes.${name} must be a mapping`);
    const def = raw as Record<string, unknown>;
    if (typeof def.definition !== 'string') fail(`relationTypes.${name}.definition must be a string`);
    const cues = def.cues ?? [];
    if (!Array.isArray(cues) || cues.some((c) => typeof c !== 'string')) fail(`relationTypes.${name}.cues must be a list of strings`);
    return {
      name,
      definition: def.definition,
      source: entityTypeList(def.source, `relationTypes.${name}.source`),
      target: entityTypeList(def.target, `relationTypes.${name}.target`),
      symmetric: def.symmetric === true,
      cues: cues as string[],
    };
  });
  if (!relationDefs.some((d) => d.name === 'ASSOCIATED_WITH')) fail('relationTypes: ASSOCIATED_WITH is required');

  const byName = new Map(relationDefs.map((d) => [d.name, d]));
  return {
    entityTypes: entityDefs,
    relationTypes: relationDefs,
    relationType: (name) => byName.get(name),
    isRelationType: (name) => byName.has(name),
    allows(type, sourceType, targetType) {
      const def = byName.get(type);
      if (!def) return false;
      if (def.source.includes(sourceType) && def.target.includes(targetType)) return true;
      return def.symmetric && def.source.includes(targetType) && def.target.includes(sourceType);
    },
  };
}

let loaded: Ontology | null = null;

/** The ontology shipped in schema/ontology.yaml, loaded once. */
export function ontology(): Ontology {
  if (!loaded) loaded = buildOntology(parse(readFileSync(packagePath('schema', 'ontology.yaml'), 'utf8')));
  return loaded;
}
