// Timing helpers: latency percentiles over many calls (process.hrtime), throughput, rounding.

export const now = () => process.hrtime.bigint();
export const msSince = (t) => Number(process.hrtime.bigint() - t) / 1e6;

export function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => (s.length === 0 ? null : round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)], 3));
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

/** Sums this process's CPU time (user + system) in ms: robust when other work shares the cores. */
export const cpuMs = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/**
 * Runs `fn(i)` for i = 0..count-1 (stopping early after `budgetMs` if given, for slow baselines)
 * after `warmup` untimed calls; returns percentiles of the per-call latency in ms.
 */
export async function latency(count, fn, { warmup = 20, budgetMs = Infinity } = {}) {
  for (let i = 0; i < warmup; i++) await fn(count + i);
  const samples = [];
  const started = now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const t = now();
    await fn(i);
    samples.push(msSince(t));
    if (msSince(started) > budgetMs) break;
  }
  return { ...percentiles(samples), cpuMean: round(cpuMs(cpu) / samples.length, 3) };
}

export const round = (x, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? x : Math.round(x * 10 ** digits) / 10 ** digits);
export const ratio = (a, b) => (a && b ? round(a / b, 2) : null);
export const mb = (bytes) => round(bytes / 1048576, 1);
