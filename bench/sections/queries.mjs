// Query latency at 10k / 100k / 1M relations: the store's read paths (as the GraphQL resolvers
// call them) over degree-weighted samples, each beside a naive baseline on the same file.
import Database from 'better-sqlite3';
import { bulkLoad } from '../lib/bulk-load.mjs';
import { load } from '../lib/dist.mjs';
import { latency, round } from '../lib/measure.mjs';
import { createRandom } from '../lib/prng.mjs';
import { degreeWeightedSampler, generateEntities, generateGraph, misspell } from '../lib/synthetic.mjs';

export async function runQueries({ levels, count, baselineCount, seed, log, measure = true }) {
  const { SqliteStore } = await load('src/store/sqlite/sqlite-store.js');
  const { ontology } = await load('src/model/ontology.js');
  const { ftsPrefixQuery } = await load('src/store/search-keys.js');
  const out = {};
  const build = {};
  const paths = {};
  for (const relations of levels) {
    const label = relations >= 1e6 ? `${relations / 1e6}m` : `${relations / 1e3}k`;
    let t = process.hrtime.bigint();
    const entities = generateEntities(Math.max(1000, relations / 10), seed);
    const graph = generateGraph(entities, relations, ontology(), seed);
    const genSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    const loaded = await bulkLoad(entities, graph, { seed, label });
    build[relations] = { entities: entities.length, relations, generateSeconds: round(genSeconds, 1), loadSeconds: loaded.seconds === null ? 'cached' : round(loaded.seconds, 1), maxDegree: Math.max(...graph.degree) };
    log(`  ${label}: ${entities.length} entities, max degree ${build[relations].maxDegree}, store ${loaded.cached ? 'cached' : `built in ${round(loaded.seconds, 1)} s`}`);
    const ids = loaded.ids;
    paths[relations] = loaded.path;
    if (!measure) continue;
    const store = new SqliteStore({ path: loaded.path });
    await store.init();
    const raw = new Database(loaded.path, { readonly: true });

    const sample = degreeWeightedSampler(graph, seed + relations);
    const random = createRandom(seed + relations + 7);
    const picks = Array.from({ length: count + 50 }, () => sample());
    const pairs = Array.from({ length: count + 50 }, () => [sample(), sample()]);
    const prefixes = picks.map((i) => {
      const name = entities[i].name;
      return name.slice(0, Math.min(name.length, 3 + random.int(Math.max(1, name.length - 2)))).trim();
    });
    const typos = [];
    for (const i of picks) {
      const m = misspell(entities[i].name, random);
      if (m) typos.push([i, m]);
    }

    const r = {};
    r.search = await latency(count, (k) => store.search(prefixes[k % prefixes.length], { first: 10 }));
    let hits = 0;
    let asked = 0;
    r.searchTypo = await latency(count, async (k) => {
      const [i, q] = typos[k % typos.length];
      const res = await store.search(q, { first: 10 });
      if (k < count) {
        asked++;
        if (res.some((h) => h.entity.id === ids[i])) hits++;
      }
    });
    r.typoRecallAt10 = round(hits / asked, 3);
    r.entity = await latency(count, async (k) => {
      const id = ids[picks[k % picks.length]];
      await store.getEntity(id);
      const page = await store.getRelations(id, { first: 50 });
      await store.getEntities([...new Set(page.nodes.map((x) => (x.source === id ? x.target : x.source)))]);
    });
    r.neighbourhood2 = await latency(count, (k) => store.neighbourhood(ids[picks[k % picks.length]], { depth: 2, limit: 500 }));
    let pathLengths = 0;
    r.shortestPath = await latency(count, async (k) => {
      const [a, b] = pairs[k % pairs.length];
      const p = await store.paths(ids[a], ids[b], { maxHops: 6, first: 3 });
      if (k < count) pathLengths += p.length > 0 ? p[0].relations.length : 0;
    });
    r.meanPathLength = round(pathLengths / count, 2);
    r.subgraph = await latency(count, (k) => store.subgraph([ids[picks[k % picks.length]]], { depth: 1, limit: 200 }));
    out[relations] = r;

    // --- baselines: the obvious implementations, on the same file and the same samples --------------
    const b = {};
    const opts = { warmup: 3, budgetMs: 4000 };
    const bm25 = raw.prepare('SELECT entity_id, alias FROM entity_fts WHERE entity_fts MATCH ? ORDER BY rank LIMIT 10');
    b.searchBm25 = await latency(baselineCount, (k) => bm25.all(ftsPrefixQuery(prefixes[k % prefixes.length])), opts);
    const byPopularity = raw.prepare(
      'SELECT f.entity_id, f.alias, e.mention_count FROM entity_fts f JOIN entities e ON e.id = f.entity_id WHERE entity_fts MATCH ? ORDER BY e.mention_count DESC LIMIT 10',
    );
    b.searchSortAll = await latency(baselineCount, (k) => byPopularity.all(ftsPrefixQuery(prefixes[k % prefixes.length])), opts);
    const allRelations = raw.prepare(`SELECT * FROM (SELECT * FROM relations WHERE source = ? UNION ALL SELECT * FROM relations WHERE target = ? AND source <> target)
      ORDER BY (type = 'ASSOCIATED_WITH'), evidence_count DESC, confidence DESC, id`);
    const entityRow = raw.prepare('SELECT * FROM entities WHERE id = ?');
    const aliasesOf = raw.prepare('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias');
    b.entitySortAll = await latency(baselineCount, (k) => {
      const id = ids[picks[k % picks.length]];
      entityRow.get(id);
      aliasesOf.all(id);
      const rows = allRelations.all(id, id);
      for (const x of rows.slice(0, 50)) {
        entityRow.get(x.source === id ? x.target : x.source);
        aliasesOf.all(x.source === id ? x.target : x.source);
      }
    }, opts);
    const cte = raw.prepare(`WITH RECURSIVE walk(id, d) AS (
        SELECT ?, 0
        UNION SELECT r.target, w.d + 1 FROM walk w JOIN relations r ON r.source = w.id WHERE w.d < 2
        UNION SELECT r.source, w.d + 1 FROM walk w JOIN relations r ON r.target = w.id WHERE w.d < 2)
      SELECT DISTINCT id FROM walk LIMIT 500`);
    b.neighbourhood2Cte = await latency(baselineCount, (k) => cte.all(ids[picks[k % picks.length]]), opts);
    const adjacency = raw.prepare('SELECT id, target AS other FROM relations WHERE source = ? UNION ALL SELECT id, source AS other FROM relations WHERE target = ?');
    b.shortestPathOneSidedBfs = await latency(baselineCount, (k) => {
      const [a, z] = pairs[k % pairs.length];
      const from = ids[a];
      const to = ids[z];
      const seen = new Set([from]);
      let frontier = [from];
      for (let hop = 0; hop < 6 && frontier.length > 0; hop++) {
        const next = [];
        for (const id of frontier) {
          for (const e of adjacency.all(id, id)) {
            if (e.other === to) return;
            if (!seen.has(e.other)) {
              seen.add(e.other);
              next.push(e.other);
            }
          }
        }
        frontier = next;
        if (seen.size > 200000) return;
      }
    }, { warmup: 1, budgetMs: 4000 });
    out[relations].baselines = b;
    raw.close();
    await store.close();
  }
  return { queries: out, build, paths };
}
