// Worker thread for parallel ingest: runs extractDocument on texts posted by parallel-ingest.ts.
import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../../extract/index.js';

parentPort?.on('message', (m: { id: number; text: string }) => {
  try {
    parentPort!.postMessage({ id: m.id, graph: extractDocument(m.text) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
