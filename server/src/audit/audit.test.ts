/**
 * The pure half of the audit trail: event hashing, chain verification and secret-free snapshots.
 * Each event's hash covers the previous event's hash of its chain (one chain per agency, plus the
 * legacy chain of events written before 0014), so editing, deleting or inserting any event breaks
 * its chain; heads recorded in the database or published by an operator catch a cut tail.
 */
import { describe, expect, it } from 'vitest';
import {
  type AuditPayload,
  type ChainProblem,
  type ChainHead,
  type ChainState,
  finishChains,
  formatHeads,
  GENESIS_HASH,
  hashChainedEvent,
  hashEvent,
  headsDigest,
  initialState,
  LEGACY_CHAIN,
  parseHeads,
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

/** A correctly linked legacy chain (before 0014: no seq) of n events with ids 1..n. */
function chain(n: number): StoredAuditEvent[] {
  const out: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const p = payload(i);
    const hash = hashEvent(prev, p);
    out.push({ ...p, id: i, prevHash: prev, hash, chainSeq: null });
    prev = hash;
  }
  return out;
}

/**
 * Per-agency chains after `origin` (the legacy head): `agencies` lists each event's agency in id
 * order starting at `firstId`, e.g. [3, 4, 3] = agency 3's #1, agency 4's #1, agency 3's #2.
 */
function chains(agencies: (number | null)[], origin = GENESIS_HASH, firstId = 1): StoredAuditEvent[] {
  const heads = new Map<number | null, { seq: number; hash: string }>();
  return agencies.map((agencyId, n) => {
    const h = heads.get(agencyId) ?? { seq: 0, hash: origin };
    const p = { ...payload(n + 1), agencyId };
    const seq = h.seq + 1;
    const hash = hashChainedEvent(h.hash, seq, p);
    heads.set(agencyId, { seq, hash });
    return { ...p, id: firstId + n, prevHash: h.hash, hash, chainSeq: seq };
  });
}

function verifyAll(events: StoredAuditEvent[]): { state: ChainState; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  const state = verifyBatch(events, initialState(), problems);
  return { state, problems };
}

/** The heads the writers would have recorded for `events` (audit_chains), legacy chain included. */
function recordedHeads(events: StoredAuditEvent[]): ChainHead[] {
  return finishChains(verifyAll(events).state, [], [], []);
}

function legacyCursor(state: ChainState) {
  const c = state.chains.get(LEGACY_CHAIN)!;
  return { hash: c.hash, seq: c.seq, lastId: c.lastId, checked: state.checked };
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

describe('verifyBatch on the legacy chain (events before 0014)', () => {
  it('accepts a correct chain and reports the head', () => {
    const events = chain(5);
    const { state, problems } = verifyAll(events);
    expect(problems).toEqual([]);
    expect(legacyCursor(state)).toEqual({ hash: events[4]!.hash, seq: 5, lastId: 5, checked: 5 });
  });

  it('accepts an empty batch without changing the state', () => {
    const problems: ChainProblem[] = [];
    expect(verifyBatch([], initialState(), problems)).toEqual(initialState());
    expect(problems).toEqual([]);
  });

  it('continues across batches: verifying in two halves gives the same result as one pass', () => {
    const events = chain(6);
    const problems: ChainProblem[] = [];
    let state: ChainState = initialState();
    state = verifyBatch(events.slice(0, 3), state, problems);
    state = verifyBatch(events.slice(3), state, problems);
    expect(problems).toEqual([]);
    expect(legacyCursor(state)).toEqual({ hash: events[5]!.hash, seq: 6, lastId: 6, checked: 6 });
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
    verifyBatch(events, initialState(), problems);
    expect(problems.map((p) => p.eventId)).toEqual([0, 1]);
  });
});

describe('per-agency chains', () => {
  it('hashes the position in the chain: the same payload at another seq has another hash', () => {
    expect(hashChainedEvent(GENESIS_HASH, 1, BASE)).not.toBe(hashChainedEvent(GENESIS_HASH, 2, BASE));
    expect(hashChainedEvent(GENESIS_HASH, 1, BASE)).not.toBe(hashEvent(GENESIS_HASH, BASE));
  });

  it('interleaved events of three chains verify, each chain linked only to its own events', () => {
    const events = chains([3, 4, 3, null, 4, 3]);
    const { state, problems } = verifyAll(events);
    expect(problems).toEqual([]);
    expect(state.checked).toBe(6);
    expect(state.chains.get(3)).toMatchObject({ seq: 3, hash: events[5]!.hash, lastId: 6 });
    expect(state.chains.get(4)).toMatchObject({ seq: 2, hash: events[4]!.hash });
    expect(state.chains.get(0)).toMatchObject({ seq: 1, hash: events[3]!.hash });
    const heads = finishChains(state, recordedHeads(events), [], problems);
    expect(problems).toEqual([]);
    expect(heads.map((h) => [h.chain, h.seq])).toEqual([
      [-1, 0],
      [0, 1],
      [3, 3],
      [4, 2],
    ]);
  });

  it('an edited event is a hash_mismatch on that event; the other chains stay clean', () => {
    const events = chains([3, 4, 3, 4]);
    events[2] = { ...events[2]!, afterJson: '{"forged":true}' };
    expect(verifyAll(events).problems).toEqual([
      expect.objectContaining({ eventId: 3, problem: 'hash_mismatch' }),
    ]);
  });

  it('a deleted middle event breaks the link of the next event of the same chain', () => {
    const events = chains([3, 4, 3, 4, 3]);
    const head = recordedHeads(events);
    events.splice(2, 1); // agency 3's #2
    const { state, problems } = verifyAll(events);
    expect(problems).toEqual([expect.objectContaining({ eventId: 5, problem: 'broken_link' })]);
    expect(problems[0]!.message).toContain('#1');
    finishChains(state, head, [], problems);
    // its head row still says 3 events, the chain now has its #3 at position 2… seq says 3: one gap only
    expect(problems.filter((p) => p.problem === 'broken_link')).toHaveLength(1);
  });

  it('an inserted event with a correct hash at the end of a chain is caught by the recorded head', () => {
    const events = chains([3, 4]);
    const recorded = recordedHeads(events);
    const [extra] = chains([3, 3], GENESIS_HASH, 3).slice(1);
    const forged = { ...extra!, prevHash: events[0]!.hash };
    forged.hash = hashChainedEvent(forged.prevHash, 2, forged);
    const { state, problems } = verifyAll([...events, forged]);
    expect(problems).toEqual([]);
    finishChains(state, recorded, [], problems);
    expect(problems).toEqual([expect.objectContaining({ eventId: forged.id, problem: 'broken_link' })]);
  });

  it('an event inserted inside a chain (seq reused) is a broken link', () => {
    const events = chains([3, 3, 3]);
    const dup = { ...events[1]!, id: 10, entityId: 'x' };
    dup.hash = hashChainedEvent(dup.prevHash, 2, dup);
    const { problems } = verifyAll(
      [...events.slice(0, 2), dup, events[2]!].map((e, i) => ({ ...e, id: i + 1 })),
    );
    expect(problems.map((p) => [p.eventId, p.problem])).toEqual([
      [3, 'broken_link'],
      [4, 'broken_link'],
    ]);
  });

  it('a cut tail is truncated against the recorded head, and against a published head even when the recorded head was rewound too', () => {
    const events = chains([3, 4, 3, 3]);
    const recorded = recordedHeads(events);
    const cut = events.slice(0, 2); // agency 3's #2 and #3 deleted
    let problems: ChainProblem[] = [];
    finishChains(verifyAll(cut).state, recorded, [], problems);
    expect(problems).toEqual([expect.objectContaining({ problem: 'truncated', eventId: 1 })]);
    expect(problems[0]!.message).toContain('应有 3 条事件，现只有 1 条');

    // the attacker also rewinds audit_chains: the database heads agree with the cut chain …
    problems = [];
    const rewound = recordedHeads(cut);
    const published = recorded.filter((h) => h.chain === 3);
    const state = verifyBatch(cut, initialState(published), problems);
    finishChains(state, rewound, [], problems);
    expect(problems).toEqual([]);
    // … but the head the operator published earlier is missing
    finishChains(state, rewound, published, problems);
    expect(problems).toEqual([expect.objectContaining({ problem: 'truncated' })]);
    expect(problems[0]!.message).toContain('已公布的链头');
  });

  it('a published head older than the current head still matches once more events were written', () => {
    const events = chains([3, 3, 3]);
    const published = recordedHeads(events.slice(0, 2));
    const problems: ChainProblem[] = [];
    const state = verifyBatch(events, initialState(published), problems);
    finishChains(state, recordedHeads(events), published, problems);
    expect(problems).toEqual([]);
  });

  it('a chain rewritten from a published seq on (deleted and rebuilt with other hashes) is caught', () => {
    const events = chains([3, 3]);
    const published = recordedHeads(events);
    const rebuilt = chains([3, 3]).map((e, i) => (i === 1 ? { ...e, action: 'other' } : e));
    rebuilt[1]!.hash = hashChainedEvent(rebuilt[1]!.prevHash, 2, rebuilt[1]!);
    const problems: ChainProblem[] = [];
    const state = verifyBatch(rebuilt, initialState(published), problems);
    finishChains(state, recordedHeads(rebuilt), published, problems);
    expect(problems).toEqual([expect.objectContaining({ problem: 'truncated' })]);
    expect(problems[0]!.message).toContain('第 2 条事件的哈希与已公布的链头不符');
  });

  it('new chains start from the legacy head: cutting the legacy tail breaks them', () => {
    const legacy = chain(3);
    const after = chains([3, 4], legacy[2]!.hash, 4);
    const all = [...legacy, ...after];
    const ok: ChainProblem[] = [];
    finishChains(verifyAll(all).state, recordedHeads(all), [], ok);
    expect(ok).toEqual([]);

    const cut = [...legacy.slice(0, 2), ...after];
    const problems: ChainProblem[] = [];
    finishChains(verifyAll(cut).state, recordedHeads(cut), [], problems);
    expect(problems.filter((p) => p.message.includes('旧版总链的链头不符'))).toHaveLength(2);
  });

  it('heads print as chain:seq:hash and parse back; a digest changes with any head', () => {
    const heads = recordedHeads(chains([3, 4, 3]));
    expect(parseHeads(formatHeads(heads))).toEqual(heads);
    expect(parseHeads('3:1:xyz')).toBeNull();
    const moved = heads.map((h) => (h.chain === 4 ? { ...h, seq: h.seq + 1 } : h));
    expect(headsDigest(moved)).not.toBe(headsDigest(heads));
    expect(headsDigest([...heads].reverse())).toBe(headsDigest(heads));
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
