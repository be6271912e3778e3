// The SDL served by the API: schema/*.graphql plus the EntityType and RelationType enums
// generated from schema/ontology.yaml (so adding a relation type is a data change only).
import { readdirSync, readFileSync } from 'node:fs';
import { ontology } from '../model/ontology.js';
import { packagePath } from '../model/paths.js';

const describe = (text: string): string => JSON.stringify(text);

export function enumTypeDefs(): string {
  const o = ontology();
  const entity = o.entityTypes.map((t) => `  ${describe(t.definition)}\n  ${t.name}`).join('\n');
  const relation = o.relationTypes.map((t) => `  ${describe(t.definition)}\n  ${t.name}`).join('\n');
  return `"Kinds of entity."\nenum EntityType {\n${entity}\n}\n\n"Kinds of relation (schema/ontology.yaml)."\nenum RelationType {\n${relation}\n}\n`;
}

export function loadTypeDefs(): string {
  const dir = packagePath('schema');
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  return [...files.map((f) => readFileSync(`${dir}/${f}`, 'utf8')), enumTypeDefs()].join('\n');
}
