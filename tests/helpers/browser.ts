// Real-browser helpers: Debian's Chromium driven by playwright-core (no downloaded browsers),
// and a real server on a free loopback port over a seeded store.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.js';
import type { GraphStore } from '../../src/store/graph-store.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results/screenshots';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export const startTestServer = (store: GraphStore, apiToken: string | null = null): Promise<RunningServer> =>
  startServer({ store, port: 0, host: '127.0.0.1', apiToken });
