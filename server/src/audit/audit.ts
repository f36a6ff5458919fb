/**
 * The audit trail: an append-only, hash-chained log of every state change (who, when, what,
 * before → after). Pure part: hashing and chain verification. Each event's hash covers the previous
 * event's hash, so editing or deleting any event breaks the chain from that point on.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

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
}

export function hashEvent(prevHash: string, p: AuditPayload): string {
  const canonical = JSON.stringify([
    prevHash,
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
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainProblem {
  eventId: number;
  problem: 'hash_mismatch' | 'broken_link';
  message: string;
}

export interface ChainState {
  lastHash: string;
  lastId: number | null;
  checked: number;
}

/** Verifies one batch of events in id order, continuing from `state`. */
export function verifyBatch(
  events: readonly StoredAuditEvent[],
  state: ChainState,
  problems: ChainProblem[],
): ChainState {
  let { lastHash, lastId, checked } = state;
  for (const e of events) {
    if (e.prevHash !== lastHash) {
      problems.push({
        eventId: e.id,
        problem: 'broken_link',
        message:
          lastId === null
            ? `事件 #${e.id} 之前的记录缺失（链条起点不符）`
            : `事件 #${e.id} 与前一条事件 #${lastId} 的链接不符：两者之间的记录被删除或修改`,
      });
    }
    const recomputed = hashEvent(e.prevHash, e);
    if (recomputed !== e.hash) {
      problems.push({
        eventId: e.id,
        problem: 'hash_mismatch',
        message: `事件 #${e.id} 的内容与其哈希不符：记录被修改`,
      });
    }
    lastHash = e.hash;
    lastId = e.id;
    checked++;
  }
  return { lastHash, lastId, checked };
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
