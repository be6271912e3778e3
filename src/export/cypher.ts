// `kg export --format cypher`: a cypher-shell script that loads an exported graph into Neo4j in
// the model of docs/neo4j.md (the one the Neo4j backend writes), so `cypher-shell -f graph.cypher`
// followed by `NEO4J_URI=... kg serve` shows the same graph. Data travel as literal UNWIND lists
// (a script has no parameters); every string goes through one escaper, labels and relationship
// types come from fixed whitelists (ENTITY_TYPES, the ontology). Re-running it changes nothing.
import { aliasUid, evidenceKey, sentenceKey } from '../model/graph-keys.js';
import { normaliseName } from '../model/names.js';
import { ontology } from '../model/ontology.js';
import { ENTITY_TYPES, type GraphExport } from '../model/types.js';

/** Rows per UNWIND statement. */
const BATCH = 500;

/** A number that must stay a float in Neo4j even when it is whole (confidence 1 → 1.0). */
class Float {
  constructor(readonly value: number) {}
}
const float = (n: number): Float => new Float(n);

type Literal = string | number | boolean | null | Float | Literal[] | { [key: string]: Literal };

/** A Cypher string literal: quotes, backslashes, line breaks and control characters escaped. */
export function cypherString(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const escaped = s.replace(/[\\'"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Cypher literal for a JSON-like value. */
export function cypherLiteral(value: Literal): string {
  if (value === null) return 'null';
  if (value instanceof Float) {
    if (!Number.isFinite(value.value)) return 'null';
    return Number.isInteger(value.value) ? `${value.value}.0` : String(value.value);
  }
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.trunc(value)) : 'null';
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${IDENTIFIER.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${cypherLiteral(v)}`);
  return `{${entries.join(', ')}}`;
}

const quoteName = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

/** The script's statements (without the trailing semicolons), in load order. */
export function cypherScriptStatements(graph: GraphExport): string[] {
  const out: string[] = [
    'CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
    'CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
    'CREATE CONSTRAINT kg_sentence_key IF NOT EXISTS FOR (s:Sentence) REQUIRE s.key IS UNIQUE',
    'CREATE CONSTRAINT kg_alias_uid IF NOT EXISTS FOR (a:Alias) REQUIRE a.uid IS UNIQUE',
    'CREATE CONSTRAINT kg_evidence_key IF NOT EXISTS FOR (ev:Evidence) REQUIRE ev.key IS UNIQUE',
  ];
  const unwind = (rows: Literal[], body: string) => {
    for (const batch of batches(rows)) out.push(`UNWIND ${cypherLiteral(batch)} AS row\n${body}`);
  };

  const published = new Map(graph.documents.map((d) => [d.id, d.publishedAt ?? null]));
  unwind(
    graph.documents.map((d) => ({
      id: d.id,
      textHash: d.textHash ?? `import:${d.id}`,
      title: d.title ?? null,
      byline: d.byline ?? null,
      url: d.url ?? null,
      publishedAt: d.publishedAt ?? null,
      ingestedAt: d.ingestedAt ?? null,
      wordCount: d.wordCount ?? 0,
      source: 'import',
    })),
    'MERGE (d:Document {id: row.id})\nON CREATE SET d += row',
  );
  unwind(
    graph.documents.flatMap((d) => (d.duplicateOf ? [{ id: d.id, duplicateOf: d.duplicateOf }] : [])),
    'MATCH (d:Document {id: row.id})\nMATCH (o:Document {id: row.duplicateOf})\nMERGE (d)-[:DUPLICATE_OF]->(o)',
  );

  for (const type of ENTITY_TYPES) {
    const rows = graph.entities
      .filter((e) => e.type === type)
      .map((e) => {
        const forms = [...new Set([e.name, ...(e.aliases ?? [])])].filter((a) => normaliseName(a));
        return {
          id: e.id,
          name: e.name,
          aliases: forms,
          mentionCount: e.mentionCount ?? 0,
          documentCount: e.documentCount ?? 0,
          aliasNodes: forms.map((alias) => ({ uid: aliasUid(e.id, alias), alias, norm: normaliseName(alias) })),
        };
      });
    unwind(
      rows,
      `MERGE (e:Entity {id: row.id})
ON CREATE SET e:${quoteName(type)}, e.type = ${cypherString(type)}, e.name = row.name, e.aliases = row.aliases,
  e.mentionCount = row.mentionCount, e.documentCount = row.documentCount
FOREACH (a IN row.aliasNodes |
  MERGE (al:Alias {uid: a.uid})
  ON CREATE SET al.alias = a.alias, al.norm = a.norm, al.entityId = row.id
  MERGE (e)-[:HAS_ALIAS]->(al))`,
    );
  }

  // Sentences cited by evidence (an export carries no other text), then relations and evidence.
  const sentences = new Map<string, Literal>();
  const evidence: Literal[] = [];
  const nextIndex = new Map<string, Map<string, number>>();
  for (const r of graph.relations) {
    for (const ev of r.evidence) {
      const byText = nextIndex.get(ev.document) ?? new Map<string, number>();
      nextIndex.set(ev.document, byText);
      const index = ev.index ?? byText.get(ev.sentence) ?? byText.size;
      byText.set(ev.sentence, index);
      const key = sentenceKey(ev.document, index);
      if (!sentences.has(key)) {
        sentences.set(key, { key, documentId: ev.document, index, start: ev.start ?? 0, end: ev.end ?? ev.sentence.length, text: ev.sentence });
      }
      evidence.push({
        key: evidenceKey(r.id, ev.document, index),
        relationId: r.id,
        relationType: r.type,
        documentId: ev.document,
        sentenceKey: key,
        sentenceIndex: index,
        confidence: float(ev.confidence ?? r.confidence),
        sourceStart: ev.sourceStart ?? null,
        sourceEnd: ev.sourceEnd ?? null,
        targetStart: ev.targetStart ?? null,
        targetEnd: ev.targetEnd ?? null,
      });
    }
  }
  unwind([...sentences.values()], 'MATCH (d:Document {id: row.documentId})\nMERGE (s:Sentence {key: row.key})\nON CREATE SET s += row\nMERGE (d)-[:HAS_SENTENCE]->(s)');

  for (const def of ontology().relationTypes) {
    const rows = graph.relations
      .filter((r) => r.type === def.name)
      .map((r) => {
        const dates = r.evidence.map((ev) => published.get(ev.document) ?? null).filter((d): d is string => d !== null).sort();
        return {
          id: r.id,
          source: r.source,
          target: r.target,
          confidence: float(r.confidence),
          evidenceCount: r.evidence.length,
          status: r.status ?? null,
          firstReported: dates[0] ?? null,
          lastReported: dates[dates.length - 1] ?? null,
        };
      });
    unwind(
      rows,
      `MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:${quoteName(def.name)} {id: row.id}]->(b)
ON CREATE SET r.confidence = row.confidence, r.evidenceCount = row.evidenceCount, r.status = row.status,
  r.firstReported = row.firstReported, r.lastReported = row.lastReported`,
    );
  }
  unwind(
    evidence,
    `MATCH (s:Sentence {key: row.sentenceKey})
MERGE (ev:Evidence {key: row.key})
ON CREATE SET ev.relationId = row.relationId, ev.relationType = row.relationType, ev.documentId = row.documentId, ev.sentenceIndex = row.sentenceIndex,
  ev.confidence = row.confidence, ev.sourceStart = row.sourceStart, ev.sourceEnd = row.sourceEnd,
  ev.targetStart = row.targetStart, ev.targetEnd = row.targetEnd
MERGE (ev)-[:IN]->(s)`,
  );
  return out;
}

/** The whole script: a header saying how to run it, then one statement per `;`. */
export function toCypherScript(graph: GraphExport): string {
  const header = [
    '// Knowledge graph export for Neo4j 5 (kg export --format cypher).',
    `// ${graph.entities.length} entities, ${graph.relations.length} relations, ${graph.documents.length} documents.`,
    '// Load: cypher-shell -a bolt://localhost:7687 -u neo4j -p PASSWORD -f graph.cypher',
    '// Re-running it changes nothing (every write is a MERGE on a unique key).',
    '',
  ].join('\n');
  return `${header}${cypherScriptStatements(graph).map((s) => `${s};\n`).join('\n')}`;
}
