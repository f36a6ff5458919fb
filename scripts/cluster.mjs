#!/usr/bin/env node
/**
 * `node scripts/cluster.mjs [--nodes N] [--base-port P]`: the several-nodes topology on one machine,
 * for trying it out (docs/deployment.md): N `gongkai serve` processes on ports P, P+1, … sharing the
 * PostgreSQL database of DATABASE_URL (and DATABASE_READ_URL when set). Each node's output is
 * prefixed with its name; Ctrl-C stops them all. Put nginx (or any load balancer) in front of the
 * ports, or call them directly to watch a change on one node reach the others.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  if (!Number.isInteger(v) || v < 1) {
    console.error(`--${name} 应为正整数`);
    process.exit(2);
  }
  return v;
};
const nodes = arg('nodes', 2);
const basePort = arg('base-port', 3001);

if (!process.env.DATABASE_URL) {
  console.error('多节点需要 PostgreSQL：请设置 DATABASE_URL（SQLite 只支持单个进程）');
  process.exit(2);
}

const children = [];
let stopping = false;
const stopAll = (code) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
};

for (let n = 0; n < nodes; n++) {
  const name = `node${n + 1}`;
  const port = basePort + n;
  // node1 migrates and (when empty) loads the demo; the others start once it is listening
  const env = { ...process.env, PORT: String(port), ...(n > 0 ? { DEMO_DATA: 'false' } : {}) };
  const start = () => {
    const child = spawn(process.execPath, [path.join(root, 'server/bin/gongkai.mjs'), 'serve'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const prefix = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) out.write(`[${name} :${port}] ${l}\n`);
      });
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('exit', (code) => {
      console.log(`[${name} :${port}] 已退出（${code}）`);
      if (!stopping) stopAll(code ?? 1);
    });
    return child;
  };
  if (n === 0) {
    const first = start();
    await new Promise((resolve) => {
      const onData = (chunk) => {
        if (chunk.toString().includes('已启动')) {
          first.stdout.off('data', onData);
          resolve();
        }
      };
      first.stdout.on('data', onData);
      first.on('exit', resolve);
    });
  } else start();
}

console.log(
  `\n${nodes} 个节点：${Array.from({ length: nodes }, (_, i) => `http://127.0.0.1:${basePort + i}/`).join('  ')}\n`,
);
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
