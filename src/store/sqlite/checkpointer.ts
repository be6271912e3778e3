// Folds the WAL into the database file on a worker thread with its own connection, so commits
// never pay for a checkpoint: in the writer's own thread a 40 MB checkpoint set the commit latency
// tail (1M store: p99 ~130 ms, ~8 ms with no checkpoints). PASSIVE checkpoints take no write lock,
// but a WAL only restarts from its start when it is wholly folded as a write begins, which never
// happens while a writer keeps writing. So once the WAL is long, the worker folds twice in a row,
// then asks the writer to stand still between two transactions for one last fold; the writer's
// next transaction restarts the WAL.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const SETTINGS: { everyMs: number; restartFrames: number; waitMs: number } = {
  /** How often the worker folds new WAL frames into the file. */
  everyMs: 50,
  /**
   * WAL length (pages) past which the worker restarts it (64 MB of 4 KB pages). The writer's pause
   * is one fold's fsync of scattered pages (30-90 ms on the bench VM) whatever the length, so a
   * longer WAL means fewer pauses (1M store, 1,000 documents: 4,096 → 52 pauses, 16,384 → 18),
   * and longer lookups for readers.
   */
  restartFrames: 16384,
  /** How long the worker waits for the writer to reach a pause between transactions. */
  waitMs: 250,
};

/** The writer's own autocheckpoint while the worker runs: only a safety net (the worker restarts the WAL long before). */
export const WRITER_AUTOCHECKPOINT_WITH_WORKER = 4 * SETTINGS.restartFrames;

/** The longest a writer stands still, should the worker never answer. */
const MAX_STAND_STILL_MS = 1000;

/** Int32 slots shared with the worker. */
const WANTED = 0; // the worker asks the writer to stand still
const STILL = 1; // the writer is standing still

// CommonJS, evaluated in the worker; better-sqlite3 is passed in as an absolute path so the
// worker resolves it the same way whether the product runs from dist/ or from source.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.lib);
const { everyMs, restartFrames, waitMs } = workerData.settings;
const flags = new Int32Array(workerData.flags);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const fold = () => { try { return db.pragma('wal_checkpoint(PASSIVE)')[0]; } catch { return null; } };
const tick = () => {
  const first = fold();
  if (!first || first.busy || first.log < restartFrames) return;
  // Once more at once: what the writer added during the first fold (a shorter log: the WAL restarted meanwhile).
  const then = fold();
  if (!then || then.busy || then.log < first.log) return;
  Atomics.store(flags, ${WANTED}, 1);
  const asked = Date.now();
  while (Atomics.load(flags, ${STILL}) === 0 && Date.now() - asked < waitMs) Atomics.wait(flags, ${STILL}, 0, 10);
  // Folded whether or not the writer came: an idle writer restarts the WAL on its next write anyway.
  fold();
  Atomics.store(flags, ${WANTED}, 0);
  Atomics.notify(flags, ${WANTED});
};
const timer = setInterval(tick, everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  /**
   * Call between write transactions: undefined at once, unless the worker is about to restart the
   * WAL; then a promise that resolves once it has (one fold, tens of ms).
   */
  betweenWrites(): Promise<void> | undefined;
  /** Stops the worker and closes its connection. */
  stop(): Promise<void>;
}

/** `Atomics.waitAsync` (Node 16+; typed from ES2024 on). */
type WaitAsync = (view: Int32Array, index: number, value: number, timeoutMs: number) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

export type CheckpointerSettings = typeof SETTINGS;

/** Starts background checkpoints of the WAL of the database at `path` (a file, not ':memory:'). */
export function startCheckpointer(path: string, settings: CheckpointerSettings = SETTINGS): Checkpointer {
  const lib = createRequire(import.meta.url).resolve('better-sqlite3');
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { lib, path, flags: flags.buffer, settings } });
  // Never keeps a process alive, and a failure only means the writer's own autocheckpoint does the work.
  worker.unref();
  let running = true;
  worker.on('error', () => {
    running = false;
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      running = false;
      // A writer standing still must not wait for a worker that is gone.
      Atomics.store(flags, WANTED, 0);
      Atomics.notify(flags, WANTED);
      resolve();
    }),
  );
  return {
    betweenWrites() {
      if (!running || Atomics.load(flags, WANTED) === 0) return undefined;
      Atomics.store(flags, STILL, 1);
      Atomics.notify(flags, STILL);
      const wait = waitAsync(flags, WANTED, 1, MAX_STAND_STILL_MS);
      if (!wait.async) return void Atomics.store(flags, STILL, 0);
      // A pending waitAsync does not keep Node's event loop alive: this timer does.
      const alive = setTimeout(() => {}, MAX_STAND_STILL_MS);
      return wait.value.then(() => {
        clearTimeout(alive);
        Atomics.store(flags, STILL, 0);
      });
    },
    async stop() {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
