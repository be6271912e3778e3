// Progress for long ingests: on a terminal, a bar with documents, words/s and ETA; otherwise
// (pipes, CI logs) one plain line per document.
import { Presets, SingleBar } from 'cli-progress';

export type DocumentStatus = 'new' | 'unchanged' | 'duplicate' | 'failed';

export interface ProgressEvent {
  label: string;
  status: DocumentStatus;
  words: number;
  /** One-line detail for the plain-text log. */
  detail: string;
}

export interface Progress {
  document(event: ProgressEvent): void;
  stop(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Force the bar on or off; defaults to whether the stream is a terminal. */
  bar?: boolean;
  now?: () => number;
}

export function createProgress(total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const started = now();
  let words = 0;
  const wordsPerSecond = () => Math.round(words / Math.max(0.001, (now() - started) / 1000));
  if ((options.bar ?? stream.isTTY) && total > 1) {
    const bar = new SingleBar(
      {
        format: 'ingest [{bar}] {value}/{total} docs | {wps} words/s | ETA {eta_formatted} | {label}',
        stream,
        hideCursor: true,
        etaBuffer: 20,
        noTTYOutput: !stream.isTTY,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { label: '', wps: 0 });
    return {
      document(e) {
        words += e.words;
        bar.increment(1, { label: `${e.status === 'new' ? '' : `[${e.status}] `}${e.label}`.slice(0, 40), wps: wordsPerSecond() });
      },
      stop: () => bar.stop(),
    };
  }
  let n = 0;
  return {
    document(e) {
      n++;
      words += e.words;
      stream.write(`[${n}/${total}] ${e.label} — ${e.status}: ${e.detail}\n`);
    },
    stop() {},
  };
}
