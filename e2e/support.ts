/**
 * Browser-test support: a real server on a free loopback port over a fresh SQLite file with the demo
 * county, and Debian's Chromium driven by playwright-core (Playwright's own browser download does
 * not work on this machine).
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config/config.ts';
import { openDatabase } from '../server/src/db/create-db.ts';
import { DEMO_PASSWORD } from '../server/src/demo/demo.data.ts';
import { seedDemo } from '../server/src/demo/demo.seed.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { offsetClock } from '../server/src/shared/clock.ts';
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
 * `now`: the server's clock starts at this instant and advances in real time (default: a fixed
 * instant, never the wall clock), so journeys over many working days stay inside years with calendar data.
 */
/** The default instant of a journey: a Monday in mid-November 2026, so 20 + 20 working days and the demo's dates stay within 2026. */
const DEFAULT_NOW = '2026-11-16T02:00:00.000Z';

/** The clock of the server started last: staff pages run their browser clock on it (staffLogin). */
let serverClock: { now(): Date } | null = null;

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
  const deps = makeDeps(handle, config, offsetClock(opts.now ?? DEFAULT_NOW));
  serverClock = deps.clock;
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

export type E2eServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Starts a server (see `startServer`) and Chromium before the describe block's tests and stops both
 * after them; `ready` receives the two so the block can keep them in its own variables. Register
 * further `beforeAll` set-up after this call: it runs once the server is up.
 */
export function useServerAndBrowser(
  opts: { now?: string },
  ready: (suite: { server: E2eServer; browser: Browser }) => void,
): void {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(opts);
    browser = await launchBrowser();
    ready({ server, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
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

/**
 * A new page logged into the staff app as `username` (demo password). `height`, `width`: the viewport
 * (a phone is 390 wide);
 * `timeout`: the page's default timeout, when the journey needs a longer one.
 */
export async function staffLogin(
  browser: Browser,
  baseUrl: string,
  username: string,
  opts: { height?: number; width?: number; timeout?: number } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 1000 },
  });
  if (opts.timeout) page.setDefaultTimeout(opts.timeout);
  // the staff app's "today" (default dates, date pickers) is the server's day, not the wall clock's
  if (serverClock) await page.clock.setFixedTime(serverClock.now());
  await page.goto(`${baseUrl}/admin/login`);
  await page
    .getByLabel('用户名')
    .fill(username)
    .catch(async (e) => {
      await shot(page, `login-failed-${username}`);
      throw e;
    });
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

/**
 * Fills the open dialog titled `title` and confirms it (确定), waiting until it closes; on failure a
 * screenshot is taken and the form's error texts are added to the error. `timeout`: for the waits.
 */
export async function confirmModal(
  page: Page,
  title: string,
  fill?: (modal: Locator) => Promise<void>,
  opts: { timeout?: number } = {},
): Promise<void> {
  const modal = page.getByRole('dialog').filter({ hasText: title }).last();
  await modal.waitFor({ timeout: opts.timeout }).catch(async (e) => {
    await shot(page, `modal-failed-${title}`);
    throw e;
  });
  if (fill) await fill(modal);
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
  await modal.waitFor({ state: 'detached', timeout: opts.timeout }).catch(async (e) => {
    await shot(page, `modal-failed-close-${title}`);
    throw new Error(
      `${title}: ${await page.locator('.ant-message, .ant-form-item-explain-error').allTextContents()} ${String(e)}`,
    );
  });
}

/** Types an ISO date into an antd DatePicker of the staff app (click, type, Enter). */
export async function fillDate(picker: Locator, isoDate: string): Promise<void> {
  await picker.click();
  await picker.fill(isoDate);
  await picker.press('Enter');
}
