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
  'oversight.detections_recorded': '违规自动发现（每日检查）',
  'deadline.extended_by_pause': '期限因中止顺延',
  // 依申请公开
  'request.submitted': '提交申请',
  'request.registered': '登记申请',
  'request.confirm_receipt': '确认收到申请',
  'request.accept': '受理并分办',
  'request.assigned': '分办',
  'request.request_correction': '告知补正',
  'request.receive_correction': '收到补正',
  'request.lapse_correction': '逾期未补正',
  'request.consult_third_party': '征求第三方意见',
  'request.consult_agency': '征求其他机关意见',
  'request.end_consultation': '结束征求意见',
  'request.third_party_notified': '书面告知第三方',
  'request.notice_fee': '发出收费通知',
  'request.settle_fee': '缴费或减免',
  'request.lapse_fee': '逾期未缴费',
  'request.suspend': '中止办理',
  'request.resume': '恢复办理',
  'request.delay_excessive': '延迟答复（申请数量明显超出合理范围）',
  'request.extension_requested': '申请延期答复',
  'request.extension_rejected': '不同意延期',
  'request.extended': '延期答复',
  'request.item_decided': '拟定处理意见',
  'request.submit_for_approval': '提交审批',
  'request.approved': '审批同意',
  'request.reject_approval': '审批退回',
  'request.letter_issued': '出具文书',
  'request.file_attached': '附加文件',
  'request.send_reply': '发出答复',
  'request.close': '办结',
  'request.reopen': '重新办理',
  'request.withdraw': '申请人撤回',
  'request.appeal_recorded': '登记行政复议/行政诉讼',
  'request.appeal_decided': '登记复议/诉讼结果',
  'request.settings.approval_chain_set': '设置审批流程',
  'request.settings.template_saved': '修改文书模板',
  // 主动公开
  'item.created': '新建信息',
  'item.updated': '修改信息',
  'item.submitted': '提交保密审查',
  'item.leader_approve': '分管领导审核同意',
  'item.leader_return': '分管领导退回',
  'item.review_public': '保密审查：可以公开',
  'item.review_not_public': '保密审查：不予公开',
  'item.review_refer': '保密审查：报上级审查',
  'item.review_defer': '保密审查：暂缓公开',
  'item.review_return': '保密审查：退回',
  'item.review_resumed': '恢复保密审查',
  'item.scan_overridden': '敏感信息检查：说明理由后放行',
  'item.approval_step': '审议审批通过一步',
  'item.approval_returned': '审议审批退回',
  'item.scheduled': '定时发布',
  'item.published': '发布',
  'item.held_for_policy': '等待政策文件一并发布',
  'item.revoked': '撤回',
  'item.validity_changed': '变更有效性',
  'item.joint_consent': '联合发文机关同意',
  'item.attachment_added': '添加附件',
  'item.attachment_removed': '删除附件',
  'item.bulk_loaded': '批量载入已发布信息',
  'item.publish_due_recomputed': '重新计算公开期限',
  'catalog.created': '新建目录分类',
  'catalog.updated': '修改目录分类',
  'guide.draft_saved': '保存公开指南草稿',
  'guide.published': '发布公开指南',
  'filing.filed': '报送备案',
  'filing.refiled': '重新报备',
  'filing.reviewed': '备案审查通过',
  'filing.correction_required': '备案审查：要求纠正',
  'archive.volume_built': '组卷',
  'archive.volume_closed': '归档封卷',
  'archive.handed_over': '移交档案馆/图书馆',
  'publication.settings_updated': '修改发布设置',
  'publication.import_started': '开始导入历史信息',
  'publication.import_finished': '导入历史信息完成',
  'publication.import_failed': '导入历史信息失败',
  'subject.local_added': '新增地方主题分类',
  // 年度报告
  'report.created': '开始编制年度报告',
  'report.draft_saved': '保存年度报告草稿',
  'report.submitted': '提交年度报告审批',
  'report.approved': '年度报告审批同意',
  'report.returned': '年度报告退回',
  'report.published': '发布年度报告',
  'report.imported': '录入往年年度报告',
  'self_inspection.saved': '保存自查报告',
  // 意见征集
  'consultation.created': '新建意见征集',
  'consultation.updated': '修改意见征集草稿',
  'consultation.opened': '发布意见征集',
  'consultation.closed': '结束意见征集',
  'consultation.summary_published': '公布意见采纳情况',
  'consultation.decision_linked': '关联通过的正式文件',
  'consultation.group_created': '新建同类意见分组',
  'consultation_comment.submitted': '公众提交意见',
  'consultation_comment.entered': '录入意见',
  'consultation_comment.moderated': '审核意见',
  'consultation_comment.decided': '标注采纳情况',
  'consultation_comment.grouped': '归并同类意见',
  'synthetic.generated': '生成合成数据',
};

/** Chinese names of the kinds of records an audit event is about (the 对象 column). */
export const ENTITY_LABELS: Record<string, string> = {
  agency: '机关',
  user: '用户',
  session: '登录会话',
  rule_profile: '规则配置',
  calendar_year: '年度节假日安排',
  calendar_day: '特别日期',
  notification: '通知',
  request_application: '依申请公开申请',
  request_settings: '依申请公开设置',
  information_item: '公开信息',
  catalog_entry: '目录分类',
  publication_settings: '发布设置',
  publication_subject: '主题分类',
  publication_import: '历史信息导入',
  guide: '公开指南',
  item_filing: '备案',
  archive_volume: '归档卷',
  archive_handover: '移交',
  annual_report: '年度报告',
  self_inspection: '自查报告',
  consultation: '意见征集',
  consultation_comment: '征集意见',
  synthetic_load: '合成数据',
  oversight_detection_run: '违规自动发现',
};

/** The label of an action; an unknown code is shown under its record kind rather than bare. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
