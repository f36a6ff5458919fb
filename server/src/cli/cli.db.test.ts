/** The `gongkai` command as an operator runs it: a real process over a fresh SQLite data folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';

const BIN = path.resolve(import.meta.dirname, '../../bin/gongkai.mjs');

describe('gongkai CLI (sqlite)', () => {
  let dir: string;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const lines = r.stdout.trim().split('\n');
    return { code: r.status, out: r.stdout, err: r.stderr, last: lines[lines.length - 1] ?? '' };
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrate creates the database and reports that it is up to date the second time', () => {
    const first = run('migrate');
    expect(first.code).toBe(0);
    expect(first.out).toContain('0001_foundation');
    expect(run('migrate').out).toContain('已是最新');
  });

  it('calendar due prints the date as its last line (2025 National Day week, make-up Saturday 10-11)', () => {
    const r = run('calendar', 'due', '--from', '2025-09-30', '--days', '2');
    expect(r.code).toBe(0);
    expect(r.last).toBe('2025-10-10');
  });

  it('calendar due refuses a year without data with a clear message and a non-zero exit', () => {
    const r = run('calendar', 'due', '--from', '2026-12-25', '--days', '10');
    expect(r.code).toBe(1);
    expect(r.err).toContain('CALENDAR_YEAR_MISSING');
    expect(r.err).toContain('2027 年');
  });

  it('calendar import --file adds a year that then counts', () => {
    const f = path.join(dir, '2027.json');
    writeFileSync(
      f,
      JSON.stringify({
        year: 2027,
        sourceTitle: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
        days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      }),
    );
    expect(run('calendar', 'import', '--file', f).code).toBe(0);
    expect(run('calendar', 'due', '--from', '2026-12-31', '--days', '1').last).toBe('2027-01-04');
    expect(run('calendar', 'check').out).toContain('2027');
    expect(run('calendar', 'import', '--file', f).code).toBe(1);
  });

  it('create-admin, seed-demo and generate build data; audit verify passes, then detects tampering', () => {
    const admin = run('create-admin', '--username', 'ops', '--name', '运维管理员');
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/初始密码/);
    expect(run('seed-demo').code).toBe(0);
    expect(run('seed-demo').code).toBe(1);
    const gen = run('generate', '--agencies', '45');
    expect(gen.code).toBe(0);
    expect(gen.out).toContain('已生成 45 个机关');
    // the publication module registers the documents generator (issue 4)
    const docs = run('generate', '--agencies', '0', '--documents', '10');
    expect(docs.code).toBe(0);
    expect(docs.out).toContain('已生成 10 条公开信息');

    const ok = run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.last).toMatch(/^[0-9a-f]{64}$/);
    const digest = ok.last;
    // one chain:seq:hash line per chain: what an operator records ("published head")
    const heads = ok.out.split('\n').filter((l) => /^-?\d+:\d+:[0-9a-f]{64}$/.test(l));
    expect(heads.length).toBeGreaterThan(2);
    const headsFile = path.join(dir, 'heads.txt');
    writeFileSync(headsFile, heads.join('\n'));
    expect(run('audit', 'verify', '--expect-head', digest).code).toBe(0);
    expect(run('audit', 'verify', '--expect-head', `@${headsFile}`).code).toBe(0);
    expect(run('audit', 'verify', '--expect-head', 'not-a-head').code).toBe(2);

    const db = new SQLite(path.join(dir, 'gongkai.sqlite'));
    db.exec(
      'DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_chains_no_rewind;',
    );
    db.prepare('UPDATE audit_events SET after_json = \'{"forged":true}\' WHERE id = 5').run();
    // cut the tail of the busiest chain and rewind its recorded head, as a careful attacker would
    const last = db
      .prepare(
        'SELECT id, agency_id AS a, chain_seq AS s FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY id DESC LIMIT 1',
      )
      .get() as { id: number; a: number | null; s: number };
    const prev = db
      .prepare('SELECT hash FROM audit_events WHERE agency_id IS ? AND chain_seq = ?')
      .get(last.a, last.s - 1) as { hash: string };
    db.prepare('DELETE FROM audit_events WHERE id = ?').run(last.id);
    db.prepare('UPDATE audit_chains SET head_seq = ?, head_hash = ? WHERE chain_key = ?').run(
      last.s - 1,
      prev.hash,
      last.a ?? 0,
    );
    db.close();
    const bad = run('audit', 'verify', '--expect-head', digest);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('事件 #5');
    expect(bad.err).toContain('链头哈希与预期不符');
    const cut = run('audit', 'verify', '--expect-head', `@${headsFile}`);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain('已公布的链头');
    // a dozen CLI processes in a row (each loads the TypeScript sources) on a shared 2-core machine
  }, 180_000);

  it('a wrong setting stops the command with every problem listed', () => {
    const r = spawnSync(process.execPath, [BIN, 'migrate'], {
      env: { ...process.env, DATA_DIR: dir, PORT: 'x', DATABASE_URL: 'mysql://a' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('DATABASE_URL');
  });
});
