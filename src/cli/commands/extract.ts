// kg extract: stdin JSON Lines → stdout JSON Lines, no store involved.
import type { Command } from 'commander';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('JSON Lines {"id","text"} on stdin → entities and relations per line on stdout (no store)')
    .option('--graph', 'write whole DocumentGraphs (for `kg ingest --extracted`) instead of the public format')
    .action(async (opts: { graph?: boolean }) => {
      // Loaded on use, so other commands do not pay for compromise and the gazetteers.
      const failures = opts.graph ? (await extractGraphs()).failures : await (await import('../extract-command.js')).runExtract(process.stdin, process.stdout);
      if (failures > 0) process.exitCode = 1;
    });
}

/** kg extract --graph: reports throughput on stderr so fan-out runs can be sized (docs/scaling.md). */
async function extractGraphs() {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const { runExtractGraph } = await import('../extracted-graphs.js');
  const r = await runExtractGraph(process.stdin, process.stdout);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  // Words per CPU-second is the per-core rate even on a busy machine; words/s is what this run saw.
  const rate = (s: number) => Math.round(r.words / Math.max(s, 1e-9));
  console.error(`kg: extracted ${r.documents} document(s), ${r.words} words in ${seconds.toFixed(2)}s: ${rate(seconds)} words/s, ${rate(cpuSeconds)} words per CPU-second`);
  return r;
}
