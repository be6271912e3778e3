// Soak test (not in CI): N minutes of mixed GraphQL reads, authorised ingests and concurrent
// `kg ingest` runs against a real server on 127.0.0.1, on a fresh seeded store in a temp folder.
// Prints requests, errors, latency and the server's RSS over time, then checks the store.
//   npm run build && node scripts/soak.mjs [--minutes 10] [--workers 4] [--ingest 0]
// (--ingest 0: reads only, so a growing graph does not hide a leak in the RSS figures).
// Exits 1 when any request failed or the store is inconsistent at the end.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const KG = join(ROOT, 'bin', 'kg.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 10);
const WORKERS = arg('workers', 4);
const INGEST = arg('ingest', 1) !== 0;
const SAMPLE_MS = Math.max(5_000, Math.min(30_000, (MINUTES * 60_000) / 20));
const REQUEST_TIMEOUT_MS = 30_000;
const TOKEN = `soak-${process.pid}-${Date.now()}`;

if (!existsSync(join(ROOT, 'dist', 'src', 'server.js'))) {
  console.error('soak: run `npm run build` first');
  process.exit(2);
}

// --- a fresh store, seeded -------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'kg-soak-'));
const dbPath = join(dir, 'kg.sqlite');
const env = { ...process.env, KG_DB_PATH: dbPath, KG_API_TOKEN: TOKEN };
const seeded = spawnSync(process.execPath, [KG, 'seed', '--json'], { env, encoding: 'utf8' });
if (seeded.status !== 0) {
  console.error(`soak: seeding failed\n${seeded.stderr}`);
  process.exit(2);
}

// Sentences of the seed articles, mixed at random into new documents.
const sentences = readFileSync(join(ROOT, 'seed', 'articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .flatMap((line) => JSON.parse(line).text.split(/(?<=[.!?])\s+(?=[A-Z“"])/u))
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 40 && s.length < 400);
let docCounter = 0;
const newDocument = () => {
  const picked = Array.from({ length: 6 }, () => sentences[Math.floor(Math.random() * sentences.length)]);
  return `Soak report ${++docCounter} (${process.pid}).\n\n${picked.join(' ')}`;
};

// --- the server, in its own process so its memory is measured alone -----------------------------
const serverCode = `
  import { startServer } from ${JSON.stringify(join(ROOT, 'dist', 'src', 'server.js'))};
  import { createStore, storeConfigFromEnv } from ${JSON.stringify(join(ROOT, 'dist', 'src', 'store', 'create-store.js'))};
  const store = await createStore(storeConfigFromEnv());
  const running = await startServer({ store, port: 0, host: '127.0.0.1', apiToken: process.env.KG_API_TOKEN });
  console.log(JSON.stringify({ port: running.server.address().port }));
  process.once('SIGTERM', async () => { await running.close(); await store.close(); process.exit(0); });
`;
const server = spawn(process.execPath, ['--input-type=module', '-e', serverCode], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  server.stdout.once('data', (d) => resolve(JSON.parse(String(d)).port));
});
const URL_ = `http://127.0.0.1:${port}/graphql`;

const rssMb = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux: ask ps
  }
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Math.round(Number(r.stdout.trim()) / 1024);
};

// --- the workload ----------------------------------------------------------------------------
const stats = { requests: 0, errors: 0, ingested: 0, cliRuns: 0, cliFailures: 0, latencies: [], errorSamples: [] };
const NAMES = ['Vardanyan', 'Putin', 'Aliyev', 'Mossad', 'DGSE', 'Moscow', 'Baku', 'Troika', 'Sberbank', 'Barnea', 'vardanian', 'Ruben Var', 'a'];
const HOSTILE = ['" OR 1=1 --', '*', 'NEAR(', "'})-[r]-() DETACH DELETE r//", 'Рубен', 'Ռուբեն', '👩‍👩‍👧'];
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
const entityIds = [];

async function gql(query, variables = {}, auth = false) {
  const started = performance.now();
  stats.requests++;
  try {
    const res = await fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await res.json();
    if (res.status !== 200 || body.errors) throw new Error(`${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
    return body.data;
  } catch (e) {
    stats.errors++;
    if (stats.errorSamples.length < 10) stats.errorSamples.push(`${new Date().toISOString()} ${query.slice(0, 60)}: ${e.message}${e.cause ? ` (${e.cause.code ?? ''} ${e.cause.message ?? e.cause})` : ''}`);
    return null;
  } finally {
    stats.latencies.push(performance.now() - started);
  }
}

const OPERATIONS = [
  [30, async () => {
    const d = await gql('query($q: String!) { search(query: $q, first: 10) { score entity { id name } } }', { q: Math.random() < 0.2 ? pick(HOSTILE) : pick(NAMES) });
    for (const h of d?.search ?? []) if (entityIds.length < 500 && !entityIds.includes(h.entity.id)) entityIds.push(h.entity.id);
  }],
  [20, () => entityIds.length && gql('query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) { nodes { id name } relations { id type } cytoscape } }', { id: pick(entityIds) })],
  [15, () => entityIds.length && gql('query($id: ID!) { entity(id: $id) { name relations(first: 20) { totalCount nodes { type source { name } target { name } evidence(first: 3) { sentence document { title } } } } } }', { id: pick(entityIds) })],
  [10, () => entityIds.length > 1 && gql('query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, first: 3) { length nodes { name } } }', { a: pick(entityIds), b: pick(entityIds) })],
  [10, () => gql('{ documents(first: 20) { totalCount nodes { title sentences { index } } } stats { documents entities relations } }')],
  [INGEST ? 15 : 0, async () => {
    const d = await gql('mutation($t: String!) { ingestDocument(input: { text: $t, title: "soak" }) { status documentId } }', { t: newDocument() }, true);
    if (d) stats.ingested++;
  }],
];
const TOTAL_WEIGHT = OPERATIONS.reduce((s, [w]) => s + w, 0);
const chooseOperation = () => {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [w, op] of OPERATIONS) if ((r -= w) < 0) return op;
  return OPERATIONS[0][1];
};

const deadline = Date.now() + MINUTES * 60_000;
async function worker() {
  while (Date.now() < deadline) await chooseOperation()();
}

/** Every 20 s, a separate `kg ingest` process writes 5 new documents into the same file. */
async function cliIngester() {
  if (!INGEST) return;
  const folder = join(dir, 'batches');
  mkdirSync(folder, { recursive: true });
  let batch = 0;
  while (Date.now() < deadline - 20_000) {
    const sub = join(folder, `b${++batch}`);
    mkdirSync(sub);
    for (let i = 0; i < 5; i++) writeFileSync(join(sub, `doc-${i}.txt`), newDocument());
    const r = await new Promise((resolve) => {
      const child = spawn(process.execPath, [KG, 'ingest', '--json', sub], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, err }));
    });
    stats.cliRuns++;
    if (r.code !== 0) {
      stats.cliFailures++;
      if (stats.errorSamples.length < 10) stats.errorSamples.push(`kg ingest: exit ${r.code} ${r.err.slice(0, 200)}`);
    }
    await new Promise((res) => setTimeout(res, Math.max(0, Math.min(20_000, deadline - 20_000 - Date.now()))));
  }
}

const samples = [];
const sample = () => {
  const s = { minute: Math.round((MINUTES * 60_000 - (deadline - Date.now())) / 600) / 100, requests: stats.requests, errors: stats.errors, rssMb: rssMb(server.pid) };
  samples.push(s);
  console.log(`t=${s.minute.toFixed(2)} min  requests=${s.requests}  errors=${s.errors}  server RSS=${s.rssMb} MB`);
};

console.log(`soak: ${MINUTES} min, ${WORKERS} workers, ingest ${INGEST ? 'on' : 'off'}, server pid ${server.pid} on 127.0.0.1:${port}, store ${dbPath}`);
sample();
const sampler = setInterval(sample, SAMPLE_MS);
await Promise.all([...Array.from({ length: WORKERS }, worker), cliIngester()]);
clearInterval(sampler);
sample();

// --- stop the server we started, then check the store ------------------------------------------
await new Promise((resolve) => {
  server.once('exit', resolve);
  server.kill('SIGTERM');
});
const db = new Database(dbPath, { readonly: true });
const one = (sql) => db.prepare(sql).get().n;
const problems = [];
if (db.pragma('integrity_check', { simple: true }) !== 'ok') problems.push('integrity_check failed');
const orphanDocs = one(`SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)
  ${db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_duplicates'").get() ? 'AND NOT EXISTS (SELECT 1 FROM document_duplicates x WHERE x.document_id = d.id)' : ''}`);
if (orphanDocs) problems.push(`${orphanDocs} document(s) without sentences`);
const badCounts = one('SELECT count(*) AS n FROM entities e WHERE mention_count <> (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)');
if (badCounts) problems.push(`${badCounts} entities whose mention_count disagrees with their mentions`);
const documents = one('SELECT count(*) AS n FROM documents');
db.close();

const sorted = [...stats.latencies].sort((a, b) => a - b);
const q = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
const steady = samples[Math.min(1, samples.length - 1)].rssMb;
const summary = {
  minutes: MINUTES,
  workers: WORKERS,
  requests: stats.requests,
  errors: stats.errors,
  requestsPerSecond: Math.round(stats.requests / (MINUTES * 60)),
  latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: Math.round(sorted.at(-1) ?? 0) },
  graphqlIngests: stats.ingested,
  cliIngestRuns: stats.cliRuns,
  cliIngestFailures: stats.cliFailures,
  documentsAtEnd: documents,
  serverRssMb: { start: samples[0].rssMb, afterWarmUp: steady, end: samples.at(-1).rssMb, max: Math.max(...samples.map((s) => s.rssMb)) },
  storeProblems: problems,
  errorSamples: stats.errorSamples,
};
console.log(JSON.stringify(summary, null, 2));
rmSync(dir, { recursive: true, force: true });
process.exit(stats.errors > 0 || stats.cliFailures > 0 || problems.length > 0 ? 1 : 0);
