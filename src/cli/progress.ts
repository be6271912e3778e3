// Progress for long ingests: a bar on a terminal, one line per document otherwise.
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  document(label: string, detail: string): void;
  stop(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY && total > 1) {
    const bar = new SingleBar(
      { format: 'ingest [{bar}] {value}/{total} docs | {wps} words/s | ETA {eta_formatted} | {label}', stream, hideCursor: true },
      Presets.shades_classic,
    );
    const started = Date.now();
    let words = 0;
    bar.start(total, 0, { label: '', wps: 0 });
    return {
      document(label, detail) {
        const m = /(\d+) words/.exec(detail);
        if (m) words += Number(m[1]);
        const wps = Math.round(words / Math.max(0.001, (Date.now() - started) / 1000));
        bar.increment(1, { label: label.slice(0, 40), wps });
      },
      stop: () => bar.stop(),
    };
  }
  let n = 0;
  return {
    document(label, detail) {
      n++;
      stream.write(`[${n}/${total}] ${label} — ${detail}\n`);
    },
    stop() {},
  };
}
