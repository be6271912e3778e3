// Child process for the ingest benchmark (its own process, so peak RSS is ingest's alone).
// argv: mode (e2e|storage) count seed [storePath]. Prints one JSON line.
import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './dist.mjs';
import { msSince, now, percentiles, round } from './measure.mjs';
import { generateArticles } from './synthetic.mjs';

const [mode, countArg, seedArg, basePath] = process.argv.slice(2);
const count = Number(countArg);
const seed = Number(seedArg);
const { SqliteStore } = await load('src/store/sqlite/sqlite-store.js');
const dir = mkdtempSync(join(tmpdir(), 'kg-bench-ingest-'));
const path = join(dir, 'kg.sqlite');
if (basePath) {
  copyFileSync(basePath, path);
  // The copy's dirty pages would otherwise be written back during the ingest (the first fsync waits for all of them).
  const fd = openSync(path, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}
const store = new SqliteStore({ path });
await store.init();
// Per-document commit latency: from the start of its write until the transaction holding it has
// committed (alone, or with its write group: then the group's COMMIT is included).
const commits = [];
const groupCommits = [];
// Time from asking for a write group to its transaction being open: where the writer stands still
// for the background checkpointer to restart the WAL (checkpointer.ts), between transactions.
const groupWaits = [];
let open = null;
const addDocument = store.addDocument.bind(store);
store.addDocument = async (doc) => {
  const t = now();
  const r = await addDocument(doc);
  if (open) open.push(t);
  else commits.push(msSince(t));
  return r;
};
if (store.groupWrites) {
  const groupWrites = store.groupWrites.bind(store);
  store.groupWrites = async (fn) => {
    open = [];
    const asked = now();
    let t;
    try {
      return await groupWrites(async () => {
        groupWaits.push(msSince(asked));
        const r = await fn();
        t = now();
        return r;
      });
    } finally {
      if (t !== undefined) groupCommits.push(msSince(t));
      for (const s of open) commits.push(msSince(s));
      open = null;
    }
  };
}
// RSS includes the mapped store file (mmap), so the JS heap and (on Linux) the anonymous part of
// RSS are tracked too: they are what must stay flat.
const rss = [];
const heap = [];
const anon = [];
const anonRss = () => {
  try {
    return Number(/RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
};
const timer = setInterval(() => {
  const m = process.memoryUsage();
  rss.push(m.rss);
  heap.push(m.heapUsed);
  anon.push(anonRss());
}, 250);
const articles = generateArticles(count, seed + 99);
let result;
if (mode === 'e2e') {
  const { ingestInputs } = await load('src/cli/ingest-command.js');
  const items = articles.map((a, i) => ({ ok: true, input: { text: a.text, title: a.title, byline: null, url: null, publishedAt: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, source: 'bench' } }));
  const workers = Number(process.env.BENCH_WORKERS ?? '0') || undefined;
  const t = now();
  const summary = await ingestInputs(store, items, { quiet: true, workers });
  const seconds = msSince(t) / 1000;
  result = { wordsPerSec: round(summary.words / seconds, 0), words: summary.words, documents: summary.new ?? summary.added, seconds: round(seconds, 1), failed: summary.failed };
} else {
  // Storage alone: everything after extraction (link candidates, linking, the write), timed per document.
  const { extractDocument } = await load('extract/index.js');
  const { cleanText } = await load('src/ingest/ingest-document.js');
  const { linkDocument, linkKeys } = await load('src/ingest/link.js');
  const { countWords, documentId, textHash } = await load('src/model/names.js');
  const prepared = articles.map((a) => {
    const text = cleanText(a.text);
    return { text, hash: textHash(text), graph: extractDocument(text), words: countWords(text) };
  });
  // Written as kg ingest writes them: in the product's write groups (write-groups.ts).
  const { runInWriteGroups } = await load('src/ingest/write-groups.js');
  const words = prepared.reduce((n, p) => n + p.words, 0);
  const t = now();
  const cpu = process.cpuUsage();
  let groups = 0;
  await runInWriteGroups(store, prepared.length, async (i) => {
    const p = prepared[i];
    const linked = linkDocument(p.graph, await store.findLinkCandidates(linkKeys(p.graph)));
    return store.addDocument({
      id: documentId(p.hash), textHash: p.hash, text: p.text, wordCount: p.words, sentences: p.graph.sentences,
      meta: { title: null, byline: null, url: null, publishedAt: '2026-02-01', source: 'bench' }, ...linked,
    });
  }, () => groups++);
  const ms = msSince(t);
  const c = process.cpuUsage(cpu);
  result = {
    storageWordsPerSec: round(words / (ms / 1000), 0),
    // The same words over this process's CPU time: what shared cores distort least.
    storageWordsPerCpuSec: round(words / ((c.user + c.system) / 1e6), 0),
    words,
    documents: prepared.length,
    groups,
    groupCommitP99: percentiles(groupCommits).p99,
  };
}
clearInterval(timer);
await store.close();
rmSync(dir, { recursive: true, force: true });
const c = percentiles(commits);
const waits = percentiles(groupWaits);
const pauses = groupWaits.filter((ms) => ms >= 1);
const tenth = rss.length > 10 ? rss[Math.floor(rss.length / 10)] : rss[0];
process.stdout.write(`${JSON.stringify({
  ...result,
  commitP50: c.p50,
  commitP99: c.p99,
  writerPauses: pauses.length,
  writerPauseMsTotal: round(pauses.reduce((a, b) => a + b, 0), 0),
  writerPauseMax: round(Math.max(0, ...pauses), 1),
  groupWaitP99: waits.p99,
  peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
  rssAt10PercentMb: round((tenth ?? 0) / 1048576, 0),
  rssAtEndMb: round((rss[rss.length - 1] ?? 0) / 1048576, 0),
  heapAt10PercentMb: round((heap[Math.floor(heap.length / 10)] ?? 0) / 1048576, 0),
  heapAtEndMb: round((heap[heap.length - 1] ?? 0) / 1048576, 0),
  anonRssAt10PercentMb: round((anon[Math.floor(anon.length / 10)] ?? NaN) / 1048576, 0),
  anonRssAtHalfMb: round((anon[Math.floor(anon.length / 2)] ?? NaN) / 1048576, 0),
  anonRssAtEndMb: round((anon[anon.length - 1] ?? NaN) / 1048576, 0),
})}\n`);
