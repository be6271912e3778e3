// Runs the real `kg` command (bin/kg.js → dist/) as a child process. Builds dist/ first when it
// is missing or older than the sources, once, under a lock shared by parallel test files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const KG_BIN = join(ROOT, 'bin', 'kg.js');
const ENTRY = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const LOCK = join(ROOT, 'dist', '.reliability-build-lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (name.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale = () => !existsSync(ENTRY) || statSync(ENTRY).mtimeMs < Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'extract')));

export async function ensureBuilt(): Promise<void> {
  if (!stale()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; wait for it (stale locks older than 5 minutes are broken).
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      if (!existsSync(LOCK) && !stale()) return;
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface KgRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnKg(args: string[], env: Record<string, string>, input?: string): { child: ChildProcess; done: Promise<KgRun> } {
  const child = spawn(process.execPath, [KG_BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  const done = new Promise<KgRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export const runKg = (args: string[], env: Record<string, string>, input?: string): Promise<KgRun> => spawnKg(args, env, input).done;
