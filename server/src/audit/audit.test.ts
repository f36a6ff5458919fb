/**
 * The pure half of the audit trail: event hashing, chain verification and secret-free snapshots.
 * Each event's hash covers the previous event's hash, so editing or deleting any event breaks the chain.
 */
import { describe, expect, it } from 'vitest';
import {
  type AuditPayload,
  type ChainProblem,
  type ChainState,
  GENESIS_HASH,
  hashEvent,
  type StoredAuditEvent,
  snapshot,
  verifyBatch,
} from './audit.ts';

const BASE: AuditPayload = {
  occurredAt: '2026-11-21T02:00:00.000Z',
  actorUserId: 7,
  actorLabel: '张三（zhangsan）',
  agencyId: 3,
  entityType: 'agency',
  entityId: '3',
  action: 'agency.updated',
  beforeJson: '{"name":"旧名称"}',
  afterJson: '{"name":"新名称"}',
  ip: '203.0.113.9',
};

function payload(i: number): AuditPayload {
  return { ...BASE, occurredAt: `2026-11-21T02:00:${String(i).padStart(2, '0')}.000Z`, entityId: String(i) };
}

/** A correctly linked chain of n events with ids 1..n. */
function chain(n: number): StoredAuditEvent[] {
  const out: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const p = payload(i);
    const hash = hashEvent(prev, p);
    out.push({ ...p, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verifyAll(events: StoredAuditEvent[]): { state: ChainState; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  const state = verifyBatch(events, { lastHash: GENESIS_HASH, lastId: null, checked: 0 }, problems);
  return { state, problems };
}

describe('hashEvent', () => {
  it('is deterministic: the same payload and previous hash give the same SHA-256 hex digest', () => {
    const a = hashEvent(GENESIS_HASH, BASE);
    const b = hashEvent(GENESIS_HASH, { ...BASE });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(GENESIS_HASH);
  });

  it('does not depend on the order of object keys', () => {
    const reversed = Object.fromEntries(Object.entries(BASE).reverse()) as unknown as AuditPayload;
    expect(hashEvent(GENESIS_HASH, reversed)).toBe(hashEvent(GENESIS_HASH, BASE));
  });

  it('changes when the previous hash changes', () => {
    expect(hashEvent('1'.repeat(64), BASE)).not.toBe(hashEvent(GENESIS_HASH, BASE));
  });

  const CHANGES: [keyof AuditPayload, unknown][] = [
    ['occurredAt', '2026-11-21T02:00:00.001Z'],
    ['actorUserId', 8],
    ['actorUserId', null],
    ['actorLabel', '系统'],
    ['agencyId', 4],
    ['agencyId', null],
    ['entityType', 'user'],
    ['entityId', '33'],
    ['action', 'agency.deactivated'],
    ['beforeJson', '{"name":"旧名称 "}'],
    ['beforeJson', null],
    ['afterJson', '{"name":"新名称2"}'],
    ['afterJson', null],
    ['ip', '203.0.113.10'],
    ['ip', null],
  ];

  it.each(CHANGES)('changes when %s changes (to %j)', (field, value) => {
    const changed = { ...BASE, [field]: value } as AuditPayload;
    expect(hashEvent(GENESIS_HASH, changed)).not.toBe(hashEvent(GENESIS_HASH, BASE));
  });

  it('distinguishes a number from the same digits as a string, and null from the string "null"', () => {
    const h = hashEvent(GENESIS_HASH, BASE);
    expect(hashEvent(GENESIS_HASH, { ...BASE, actorUserId: '7' as unknown as number })).not.toBe(h);
    expect(hashEvent(GENESIS_HASH, { ...BASE, ip: 'null' })).not.toBe(
      hashEvent(GENESIS_HASH, { ...BASE, ip: null }),
    );
  });

  it('cannot be fooled by moving text between adjacent fields', () => {
    const a = hashEvent(GENESIS_HASH, { ...BASE, entityType: 'agency', entityId: '13' });
    const b = hashEvent(GENESIS_HASH, { ...BASE, entityType: 'agency1', entityId: '3' });
    expect(a).not.toBe(b);
  });
});

describe('verifyBatch', () => {
  it('accepts a correct chain and reports the head', () => {
    const events = chain(5);
    const { state, problems } = verifyAll(events);
    expect(problems).toEqual([]);
    expect(state).toEqual({ lastHash: events[4]!.hash, lastId: 5, checked: 5 });
  });

  it('accepts an empty batch without changing the state', () => {
    const problems: ChainProblem[] = [];
    const start: ChainState = { lastHash: GENESIS_HASH, lastId: null, checked: 0 };
    expect(verifyBatch([], start, problems)).toEqual(start);
    expect(problems).toEqual([]);
  });

  it('continues across batches: verifying in two halves gives the same result as one pass', () => {
    const events = chain(6);
    const problems: ChainProblem[] = [];
    let state: ChainState = { lastHash: GENESIS_HASH, lastId: null, checked: 0 };
    state = verifyBatch(events.slice(0, 3), state, problems);
    state = verifyBatch(events.slice(3), state, problems);
    expect(problems).toEqual([]);
    expect(state).toEqual({ lastHash: events[5]!.hash, lastId: 6, checked: 6 });
  });

  it('detects an edited event (hash_mismatch on that event only)', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, afterJson: '{"name":"篡改后的名称"}' };
    const { problems } = verifyAll(events);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ eventId: 3, problem: 'hash_mismatch' });
    expect(problems[0]!.message).toContain('#3');
  });

  it('detects an edited event whose hash was recomputed (broken_link on the next event)', () => {
    const events = chain(5);
    const forged = { ...events[2]!, actorLabel: '他人' };
    events[2] = { ...forged, hash: hashEvent(forged.prevHash, forged) };
    const { problems } = verifyAll(events);
    expect(problems).toEqual([expect.objectContaining({ eventId: 4, problem: 'broken_link' })]);
  });

  it('detects a deleted middle event (broken_link on the event after the gap)', () => {
    const events = chain(5);
    events.splice(2, 1); // delete #3
    const { problems, state } = verifyAll(events);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ eventId: 4, problem: 'broken_link' });
    expect(problems[0]!.message).toContain('#2');
    expect(state.checked).toBe(4);
  });

  it('detects a deleted first event (broken_link: the chain does not start at the genesis hash)', () => {
    const events = chain(3).slice(1);
    const { problems } = verifyAll(events);
    expect(problems).toEqual([expect.objectContaining({ eventId: 2, problem: 'broken_link' })]);
  });

  it('detects an edit to the stored previous hash (both the link and the hash are wrong)', () => {
    const events = chain(3);
    events[1] = { ...events[1]!, prevHash: 'f'.repeat(64) };
    const { problems } = verifyAll(events);
    expect(problems.map((p) => [p.eventId, p.problem])).toEqual([
      [2, 'broken_link'],
      [2, 'hash_mismatch'],
    ]);
  });

  it('appends to the problems it is given', () => {
    const problems: ChainProblem[] = [{ eventId: 0, problem: 'broken_link', message: 'earlier' }];
    const events = chain(2);
    events[0] = { ...events[0]!, ip: '198.51.100.1' };
    verifyBatch(events, { lastHash: GENESIS_HASH, lastId: null, checked: 0 }, problems);
    expect(problems.map((p) => p.eventId)).toEqual([0, 1]);
  });
});

describe('snapshot', () => {
  it('hides passwordHash, password and csrfToken but keeps other fields', () => {
    const json = snapshot({
      id: 1,
      username: 'zhangsan',
      passwordHash: '$argon2id$v=19$secret',
      password: 'Plain-text-1234',
      csrfToken: 'tok-abc',
    });
    expect(json).not.toBeNull();
    expect(json).not.toContain('$argon2id');
    expect(json).not.toContain('Plain-text-1234');
    expect(json).not.toContain('tok-abc');
    expect(JSON.parse(json!)).toEqual({
      id: 1,
      username: 'zhangsan',
      passwordHash: '[已隐藏]',
      password: '[已隐藏]',
      csrfToken: '[已隐藏]',
    });
  });

  it('hides secrets nested inside objects and arrays', () => {
    const json = snapshot({
      user: { password: 'p1' },
      sessions: [{ csrfToken: 't1' }, { newPassword: 'p2' }],
    });
    expect(json).not.toMatch(/p1|t1|p2/);
    expect(JSON.parse(json!)).toEqual({
      user: { password: '[已隐藏]' },
      sessions: [{ csrfToken: '[已隐藏]' }, { newPassword: '[已隐藏]' }],
    });
  });

  it('returns null for null and undefined, and JSON for other values', () => {
    expect(snapshot(null)).toBeNull();
    expect(snapshot(undefined)).toBeNull();
    expect(snapshot({ a: 1, 名称: '测试' })).toBe('{"a":1,"名称":"测试"}');
    expect(snapshot(0)).toBe('0');
  });
});
