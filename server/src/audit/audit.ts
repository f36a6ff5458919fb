/**
 * The audit trail: an append-only, hash-chained log of every state change (who, when, what,
 * before → after). Pure part: hashing and chain verification.
 *
 * There is one chain per agency (key = agency id) and one for events without an agency (key 0), so
 * writers of different agencies never wait for each other (docs/audit.md). Each event carries its
 * position in its chain (`chainSeq`, from 1) and the previous event's hash of the same chain; its
 * hash covers both, so editing, deleting or inserting any event breaks its chain from that point on.
 * Events written before per-agency chains (0014_audit_chains) form the legacy chain -1: one chain over
 * all events in id order, hashed without a seq. Every new chain starts from the legacy head.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
/** Chain keys that are not agency ids. */
export const PLATFORM_CHAIN = 0;
export const LEGACY_CHAIN = -1;

export interface AuditPayload {
  occurredAt: string;
  actorUserId: number | null;
  actorLabel: string;
  agencyId: number | null;
  entityType: string;
  entityId: string;
  action: string;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
}

export interface StoredAuditEvent extends AuditPayload {
  id: number;
  prevHash: string;
  hash: string;
  /** null: an event of the legacy chain */
  chainSeq: number | null;
}

export function chainKeyOf(agencyId: number | null): number {
  return agencyId ?? PLATFORM_CHAIN;
}

function fields(p: AuditPayload) {
  return [
    p.occurredAt,
    p.actorUserId,
    p.actorLabel,
    p.agencyId,
    p.entityType,
    p.entityId,
    p.action,
    p.beforeJson,
    p.afterJson,
    p.ip,
  ];
}

/** The legacy hash (events before 0014): previous hash and payload. */
export function hashEvent(prevHash: string, p: AuditPayload): string {
  return sha256(JSON.stringify([prevHash, ...fields(p)]));
}

/** The hash of an event in a per-agency chain: previous hash, position in the chain and payload. */
export function hashChainedEvent(prevHash: string, seq: number, p: AuditPayload): string {
  return sha256(JSON.stringify([prevHash, seq, ...fields(p)]));
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** One chain's head as an operator records it ("published head"): the event at `seq` has `hash`. */
export interface ChainHead {
  chain: number;
  seq: number;
  hash: string;
}

/** `chain:seq:hash` tokens, one per chain (the CLI prints and reads this form). */
export function formatHeads(heads: readonly ChainHead[]): string {
  return heads.map((h) => `${h.chain}:${h.seq}:${h.hash}`).join('\n');
}

export function parseHeads(text: string): ChainHead[] | null {
  const out: ChainHead[] = [];
  for (const tok of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(-?\d+):(\d+):([0-9a-f]{64})$/.exec(tok);
    if (!m) return null;
    out.push({ chain: Number(m[1]), seq: Number(m[2]), hash: m[3]! });
  }
  return out;
}

/** One digest of all heads, for a single line to compare by eye (changes with every event). */
export function headsDigest(heads: readonly ChainHead[]): string {
  const sorted = [...heads].sort((a, b) => a.chain - b.chain);
  return sha256(JSON.stringify(sorted.map((h) => [h.chain, h.seq, h.hash])));
}

export interface ChainProblem {
  eventId: number;
  problem: 'hash_mismatch' | 'broken_link' | 'truncated';
  message: string;
}

interface ChainCursor {
  seq: number;
  hash: string;
  lastId: number | null;
  /** the prev_hash of the chain's first event: must be the legacy head */
  origin: string | null;
}

/** Walk state; `chains` holds one cursor per chain seen so far (memory = number of chains). */
export interface ChainState {
  chains: Map<number, ChainCursor>;
  checked: number;
  lastId: number | null;
  /** hashes found at the positions of published heads ("chain:seq" → hash) */
  watch: Map<string, string | null>;
}

export function initialState(published: readonly ChainHead[] = []): ChainState {
  return {
    chains: new Map([[LEGACY_CHAIN, { seq: 0, hash: GENESIS_HASH, lastId: null, origin: GENESIS_HASH }]]),
    checked: 0,
    lastId: null,
    watch: new Map(published.map((h) => [`${h.chain}:${h.seq}`, null])),
  };
}

function chainName(key: number): string {
  return key === LEGACY_CHAIN ? '旧版总链' : key === PLATFORM_CHAIN ? '平台链' : `机关 ${key} 的链`;
}

/** Verifies one batch of events in id order, continuing from `state`. */
export function verifyBatch(
  events: readonly StoredAuditEvent[],
  state: ChainState,
  problems: ChainProblem[],
): ChainState {
  let { checked, lastId } = state;
  const { chains, watch } = state;
  for (const e of events) {
    const key = e.chainSeq === null ? LEGACY_CHAIN : chainKeyOf(e.agencyId);
    let c = chains.get(key);
    if (!c) {
      c = { seq: 0, hash: e.prevHash, lastId: null, origin: e.prevHash };
      chains.set(key, c);
    }
    const seq = e.chainSeq ?? c.seq + 1;
    if (e.prevHash !== c.hash || seq !== c.seq + 1) {
      problems.push({
        eventId: e.id,
        problem: 'broken_link',
        message:
          c.lastId === null
            ? `事件 #${e.id}（${chainName(key)}第 ${seq} 条）之前的记录缺失（链条起点不符）`
            : `事件 #${e.id}（${chainName(key)}第 ${seq} 条）与前一条事件 #${c.lastId} 的链接不符：两者之间的记录被删除、插入或修改`,
      });
    }
    const recomputed = e.chainSeq === null ? hashEvent(e.prevHash, e) : hashChainedEvent(e.prevHash, seq, e);
    if (recomputed !== e.hash) {
      problems.push({
        eventId: e.id,
        problem: 'hash_mismatch',
        message: `事件 #${e.id} 的内容与其哈希不符：记录被修改`,
      });
    }
    const at = `${key}:${seq}`;
    if (watch.has(at)) watch.set(at, e.hash);
    c.seq = seq;
    c.hash = e.hash;
    c.lastId = e.id;
    checked++;
    lastId = e.id;
  }
  return { chains, checked, lastId, watch };
}

/**
 * After the walk, checks the chains against their heads and returns the heads found:
 * - every chain starts from the legacy head, so the legacy tail cannot be cut;
 * - each chain ends exactly at the head recorded in the database (audit_chains) — fewer events: the
 *   tail was deleted; more: events were added behind the writers' back;
 * - each head an operator published earlier is still there, at its seq with its hash, so a tail
 *   deleted together with the database's own head record is found as well.
 */
export function finishChains(
  state: ChainState,
  recorded: readonly ChainHead[],
  published: readonly ChainHead[],
  problems: ChainProblem[],
): ChainHead[] {
  const legacy = state.chains.get(LEGACY_CHAIN)!;
  for (const [key, c] of state.chains) {
    if (key !== LEGACY_CHAIN && c.origin !== legacy.hash)
      problems.push({
        eventId: 0,
        problem: 'broken_link',
        message: `${chainName(key)}的起点与旧版总链的链头不符：旧版总链末尾的记录被删除或修改`,
      });
  }
  const byKey = new Map(recorded.map((h) => [h.chain, h]));
  for (const [key, c] of state.chains) {
    const h = byKey.get(key);
    if (!h || h.seq !== c.seq || h.hash !== c.hash)
      problems.push({
        eventId: c.lastId ?? 0,
        problem: h && h.seq > c.seq ? 'truncated' : 'broken_link',
        message:
          h && h.seq > c.seq
            ? `${chainName(key)}应有 ${h.seq} 条事件，现只有 ${c.seq} 条：末尾的记录被删除`
            : `${chainName(key)}的末尾（第 ${c.seq} 条）与数据库记录的链头（第 ${h?.seq ?? 0} 条）不符：记录被插入或链头被改动`,
      });
  }
  for (const h of recorded)
    if (!state.chains.has(h.chain) && h.seq > 0)
      problems.push({
        eventId: 0,
        problem: 'truncated',
        message: `${chainName(h.chain)}应有 ${h.seq} 条事件，现一条也没有：记录被删除`,
      });
  for (const h of published) {
    if (h.seq === 0) continue;
    const have = state.chains.get(h.chain)?.seq ?? 0;
    const found = state.watch.get(`${h.chain}:${h.seq}`);
    if (have < h.seq)
      problems.push({
        eventId: state.chains.get(h.chain)?.lastId ?? 0,
        problem: 'truncated',
        message: `${chainName(h.chain)}应至少有 ${h.seq} 条事件（已公布的链头），现只有 ${have} 条：末尾的记录被删除`,
      });
    else if (found !== h.hash)
      problems.push({
        eventId: 0,
        problem: 'truncated',
        message: `${chainName(h.chain)}第 ${h.seq} 条事件的哈希与已公布的链头不符：记录被删除后重写`,
      });
  }
  return [...state.chains]
    .map(([chain, c]) => ({ chain, seq: c.seq, hash: c.hash }))
    .sort((a, b) => a.chain - b.chain);
}

/** JSON for before/after snapshots, with secrets removed. */
export function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? '[已隐藏]' : v));
}

const SECRET_KEYS = new Set([
  'passwordHash',
  'password',
  'newPassword',
  'currentPassword',
  'csrfToken',
  'idHash',
]);

/** Chinese labels for audit actions shown in the staff audit browser. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.context_switched': '切换机关/角色',
  'agency.created': '新建机关',
  'agency.updated': '修改机关',
  'agency.deactivated': '停用机关',
  'agency.supervision_added': '新增监督关系',
  'agency.supervision_removed': '撤销监督关系',
  'rule_profile.created': '新建规则配置',
  'rule_profile.updated': '修改规则配置',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.password_reset': '重置密码',
  'user.unlocked': '解除锁定',
  'user.role_granted': '授予角色',
  'user.role_revoked': '撤销角色',
  'calendar.year_added': '新增年度节假日安排',
  'calendar.year_updated': '修改年度来源信息',
  'calendar.day_set': '设置特别日期',
  'calendar.day_removed': '删除特别日期',
  'deadline.recomputed': '期限重新计算',
  'deadline.created': '设立期限',
  'notification.reminders_enqueued': '生成期限提醒',
  'notification.delivery_run': '发送邮件/短信',
  'notification.retried': '重新发送通知',
};
