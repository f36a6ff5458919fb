import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The server's modules form a graph without cycles (house style rule 16; ARCHITECTURE.md): a low
// module that needs a higher one to act announces a hook (shared/hooks.ts) instead of importing it.
describe('module graph of server/src', () => {
  it('has no import cycle between modules (the failure prints the cycle and the files that close it)', () => {
    const script = fileURLToPath(new URL('./module-graph.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    const cycles = run.stdout.slice(run.stdout.indexOf('cross-module'));
    expect(cycles).toContain('no cycles');
    expect(run.status, cycles).toBe(0);
  });
});
