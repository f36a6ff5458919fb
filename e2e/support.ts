/**
 * Browser-test support: a real server on a free loopback port over a fresh SQLite file with the demo
 * county, and Debian's Chromium driven by playwright-core (Playwright's own browser download does
 * not work on this machine).
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config/config.ts';
import { openDatabase } from '../server/src/db/create-db.ts';
import { seedDemo } from '../server/src/demo/demo.seed.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { offsetClock, systemClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';

export const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

/** A free loopback port, so the configured public address (links, permalinks) is the real one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `now`: the server's clock starts at this instant and advances in real time (default: the system
 * clock), so journeys over many working days stay inside years with calendar data.
 */
export async function startServer(opts: { now?: string } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DEMO_DATA: 'false',
  });
  const handle = openDatabase(config);
  const deps = makeDeps(handle, config, opts.now ? offsetClock(opts.now) : systemClock);
  await prepareDatabase(deps);
  await seedDemo(deps);
  const app = await buildApp(deps);
  const address = await app.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl: address,
    deps,
    async stop() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
