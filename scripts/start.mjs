#!/usr/bin/env node
/**
 * `npm start`: builds the staff app when it is missing or older than its sources, then starts the
 * server (which migrates the embedded database and loads the demo county on first start).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const admin = path.join(root, 'admin');
const built = path.join(admin, 'dist/index.html');

function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const e of readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json']
  .map((f) => path.join(admin, f))
  .filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  console.log('正在构建工作人员工作台（admin）……');
  const r = spawnSync('npm', ['run', 'build', '-w', 'admin'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, [path.join(root, 'server/bin/gongkai.mjs'), 'serve'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 0);
