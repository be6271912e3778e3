// Every Cypher statement the Neo4j backend can send passes Neo4j's own parser and semantic
// analysis offline (@neo4j-cypher/language-support), with the parameters it is sent with, so a
// "parameter not defined", an unknown label/type or a syntax error fails here, without a server.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as Q from '../../../src/store/neo4j/cypher.js';
import { MODEL_SCHEMA, statementCatalogue } from './statements.js';

// The package's ESM build has extensionless imports that Node refuses; its CommonJS build loads.
const { lintCypherQuery, testData } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as {
  lintCypherQuery: (query: string, schema: unknown) => Array<{ severity?: number; message: string }>;
  testData: { mockSchema: Record<string, unknown> };
};

const lint = (cypher: string, params: Record<string, unknown>) =>
  lintCypherQuery(cypher, { ...testData.mockSchema, ...MODEL_SCHEMA, parameters: params }).map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);

// The semantic analysis is CPU-heavy: allow for a busy 2-core machine.
describe('Cypher statements (offline lint with Neo4j’s parser and semantic analysis)', { timeout: 120_000 }, () => {
  const catalogue = statementCatalogue();

  it('the linter is live: it rejects a syntax error, an undefined parameter and an unknown type', () => {
    expect(lint('MATCH (e:Entity) RETURN e.id +', {})).not.toEqual([]);
    expect(lint('MATCH (e:Entity {id: $id}) RETURN e', {})).not.toEqual([]);
    expect(lint('MATCH (e:Entity)-[:NOT_A_TYPE]->(o) RETURN o', {})).not.toEqual([]);
    expect(lint('MATCH (e:Entity {id: $id}) RETURN e', { id: 'x' })).toEqual([]);
  });

  it('the catalogue covers every statement builder in cypher.ts', () => {
    const helpers = new Set(['int', 'escapeName', 'entityLabel', 'relationTypeNames', 'relationTypeName', 'relationTypeAlternation']);
    const builders = Object.entries(Q).filter(([name, v]) => typeof v === 'function' && !helpers.has(name)).map(([name]) => name);
    const covered = new Set(catalogue.map(([name]) => name));
    expect(builders.filter((b) => !covered.has(b))).toEqual([]);
  });

  it.each(catalogue.map(([name, s], i) => [`${i}: ${name}`, s] as const))('%s', (_label, s) => {
    expect(lint(s.cypher, s.params)).toEqual([]);
  });

  it('no statement splices a value: every parameter it declares is used and every one used is sent', () => {
    for (const [name, s] of catalogue) {
      const used = new Set([...s.cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
      expect([name, [...used].sort()]).toEqual([name, Object.keys(s.params).sort()]);
    }
  });
});
