// Ingest: end to end (kg ingest's own code: read → extract in workers → link → store) into a fresh
// store, and storage alone (link + write, extraction done beforehand) into a copy of the biggest
// bench store. Each in a child process, so that peak RSS is the ingest's own.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = (args, env = {}) =>
  JSON.parse(execFileSync(process.execPath, [fileURLToPath(new URL('../lib/ingest-child.mjs', import.meta.url)), ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 20 }).toString());

export function runIngest({ count, storageCount, seed, basePath, log }) {
  const e2e = child(['e2e', String(count), String(seed)]);
  log(`  end to end: ${e2e.documents} articles, ${e2e.wordsPerSec} words/s, commit p99 ${e2e.commitP99} ms, ${e2e.writerPauses} writer pauses for WAL restarts (max ${e2e.writerPauseMax} ms), peak RSS ${e2e.peakRssMb} MB`);
  const storage = child(['storage', String(storageCount), String(seed), basePath]);
  log(`  storage alone into ${basePath.split('/').pop()}: ${storage.storageWordsPerSec} words/s (${storage.storageWordsPerCpuSec} per CPU second), ${storage.groups} write groups, commit p99 ${storage.commitP99} ms, ${storage.writerPauses} writer pauses (${storage.writerPauseMsTotal} ms in all, max ${storage.writerPauseMax} ms)`);
  return {
    wordsPerSec: e2e.wordsPerSec,
    storageWordsPerSec: storage.storageWordsPerSec,
    commitP99: e2e.commitP99,
    peakRssMb: e2e.peakRssMb,
    endToEnd: e2e,
    storage: { ...storage, store: basePath.split('/').pop() },
  };
}
