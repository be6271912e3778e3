// Web worker: the big-graph layout (layout-core.ts) off the main thread, so the page stays
// responsive and draws a first picture meanwhile. The page keeps one worker and reuses it;
// each job carries an id that comes back with { id, positions }.
import { bigGraphPositions, type LayoutJob } from './layout-core.js';

self.onmessage = (ev: MessageEvent<LayoutJob & { id: number }>) => {
  const { id, ...job } = ev.data;
  (self as unknown as Worker).postMessage({ id, positions: bigGraphPositions(job) });
};
