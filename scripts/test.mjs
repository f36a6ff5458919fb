#!/usr/bin/env node
/**
 * `npm test`: runs every tier — unit, database and fuzz (SQLite and PostgreSQL), browser — and prints one
 * closing line "N passed, N failed, N skipped". A tier that cannot run says so loudly; with
 * GONGKAI_REQUIRE_PG=1 or GONGKAI_REQUIRE_E2E=1 (as in CI) it fails the run instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, TZ: 'UTC' };
const loud = (msg) => console.log(`\n${'!'.repeat(78)}\n!! ${msg}\n${'!'.repeat(78)}\n`);
const problems = [];

// ---- PostgreSQL for the database tier
const pgUrl = env.GONGKAI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgOk =
  spawnSync(
    process.execPath,
    [
      '-e',
      `
  const pg = require('pg'); const c = new pg.Client({ connectionString: ${JSON.stringify(pgUrl)}, connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.query('select 1')).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
`,
    ],
    { cwd: path.join(root, 'server'), stdio: 'ignore' },
  ).status === 0;
if (pgOk) env.GONGKAI_TEST_PG_URL = pgUrl;
else {
  delete env.GONGKAI_TEST_PG_URL;
  const msg = `PostgreSQL tier NOT RUN: cannot connect to ${pgUrl.replace(/:[^:@/]*@/, ':***@')}. Database tests ran on SQLite only.`;
  loud(msg);
  if (env.GONGKAI_REQUIRE_PG === '1') problems.push(msg);
}

// ---- browser for the e2e tier
const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserOk = existsSync(chromium);
if (!browserOk) {
  const msg = `Browser tier NOT RUN: no Chromium at ${chromium} (apt-get install -y chromium).`;
  loud(msg);
  if (env.GONGKAI_REQUIRE_E2E === '1') problems.push(msg);
}

// ---- the staff app must be built for the browser tier
if (browserOk && !existsSync(path.join(root, 'admin/dist/index.html'))) {
  const b = spawnSync('npm', ['run', 'build', '-w', 'admin'], { cwd: root, stdio: 'inherit', env });
  if (b.status !== 0) problems.push('building the staff app failed');
}

const outDir = path.join(root, 'test-results');
mkdirSync(outDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const tiers = [
  ['unit', true],
  ['db', true],
  ['fuzz', true],
  ['e2e', browserOk],
];
for (const [tier, run] of tiers) {
  if (!run) continue;
  const report = path.join(outDir, `${tier}.json`);
  rmSync(report, { force: true });
  const both = tier === 'db' || tier === 'fuzz';
  console.log(`\n=== ${tier} tier${both ? ` (SQLite${pgOk ? ' + PostgreSQL' : ' only'})` : ''} ===`);
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      tier,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: 'inherit', env },
  );
  if (!existsSync(report)) {
    problems.push(`${tier} tier produced no report (exit ${r.status})`);
    totals.failed++;
    continue;
  }
  const j = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += j.numPendingTests + j.numTodoTests;
  if (j.numTotalTests === 0) problems.push(`${tier} tier ran no test`);
  if (r.status !== 0 && j.numFailedTests === 0) problems.push(`${tier} tier exited with ${r.status}`);
}

console.log('');
for (const p of problems) console.log(`FAILED: ${p}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0);
