// kg export --format cypher: the script parses with Neo4j's own parser, uses only our model's
// labels and ontology types, and keeps hostile text inside string literals.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cypherLiteral, cypherScriptStatements, cypherString, toCypherScript } from '../../../src/export/cypher.js';
import type { GraphExport } from '../../../src/model/types.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { docA, docB } from '../../helpers/fixtures.js';
import { MODEL_SCHEMA } from './statements.js';

const support = createRequire(import.meta.url)('@neo4j-cypher/language-support') as {
  lintCypherQuery: (query: string, schema: unknown) => Array<{ message: string }>;
  applySyntaxColouring: (query: string) => Array<{ token: string; tokenType: string }>;
  testData: { mockSchema: Record<string, unknown> };
};

const HOSTILE = "O'Brien \"the\" \\ '})-[r]-() DETACH DELETE r// \n\t\u0000 Çelik 🚀";

async function exportedGraph(): Promise<GraphExport> {
  const store = new SqliteStore({ path: ':memory:' });
  await store.init();
  try {
    await store.addDocument(docA());
    await store.addDocument(docB());
    const graph = await store.exportGraph();
    graph.entities.push({ id: 'p-hostile', name: HOSTILE, type: 'Person', aliases: ['MATCH (n) DETACH DELETE n'], mentionCount: 1, documentCount: 1 });
    graph.relations.push({ id: 'r-hostile', source: 'p-hostile', target: graph.entities[0]!.id, type: 'ACCUSES', confidence: 1, status: HOSTILE, evidence: [] });
    return graph;
  } finally {
    await store.close();
  }
}

describe('kg export --format cypher', () => {
  it('every statement passes Neo4j’s parser and semantic checks with our model’s labels and types', async () => {
    const statements = cypherScriptStatements(await exportedGraph());
    expect(statements.length).toBeGreaterThan(8);
    for (const s of statements) {
      expect([s.slice(0, 80), support.lintCypherQuery(s, { ...support.testData.mockSchema, ...MODEL_SCHEMA }).map((d) => d.message)]).toEqual([s.slice(0, 80), []]);
    }
  }, 300_000); // ~20 statements through Neo4j's semantic analysis: slow on a busy 2-core machine

  it('hostile names stay inside string literals', async () => {
    const statements = cypherScriptStatements(await exportedGraph());
    const withHostile = statements.filter((s) => s.includes('DETACH DELETE'));
    expect(withHostile.length).toBeGreaterThan(0);
    for (const s of withHostile) {
      const outside = support.applySyntaxColouring(s).filter((t) => t.tokenType !== 'stringLiteral' && t.tokenType !== 'comment');
      expect(outside.map((t) => t.token.toUpperCase())).not.toContain('DETACH');
    }
  }, 120_000);

  it('writes the model the store writes: whole-number confidence stays a float, relation types from the ontology', async () => {
    const script = toCypherScript(await exportedGraph());
    expect(script).toMatch(/^\/\/ Knowledge graph export/);
    expect(script).toContain('MERGE (a)-[r:`ACCUSES` {id: row.id}]->(b)');
    expect(script).toContain('MERGE (a)-[r:`FOUNDED` {id: row.id}]->(b)');
    expect(script).toMatch(/id: 'r-hostile', source: 'p-hostile', target: '[^']+', confidence: 1\.0,/);
    expect(script.split(';\n').length - 1).toBe(cypherScriptStatements(await exportedGraph()).length);
  });

  it.each([
    [null, 'null'],
    [true, 'true'],
    [42, '42'],
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['a\\b', "'a\\\\b'"],
    ['line\nbreak\r\t', "'line\\nbreak\\r\\t'"],
    ['nul\u0000\u2028', "'nul\\u0000\\u2028'"],
    [[1, 'x'], "[1, 'x']"],
    [{ a: 1, 'odd key': 'v', 'b`q': null }, "{a: 1, `odd key`: 'v', `b``q`: null}"],
  ])('cypherLiteral(%j) = %s', (value, expected) => {
    expect(cypherLiteral(value as never)).toBe(expected);
  });

  it('cypherString output is one string literal token for any text', () => {
    for (const text of [HOSTILE, "'", '\\', '\\\'', '"; MATCH (n) DELETE n; //']) {
      const tokens = support.applySyntaxColouring(`RETURN ${cypherString(text)} AS x`);
      expect(tokens.map((t) => t.tokenType)).toEqual(['keyword', 'stringLiteral', 'keyword', 'variable']);
    }
  });
});
