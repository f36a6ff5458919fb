/**
 * Accountability cases (责任追究 / 问责), the pure rules: the violation catalog, the split of
 * responsibility by how the act was decided, the sanctions by severity, and the case's steps.
 * Sources (docs/sources.md, docs/product.md §5.2): 《区督查问责办法》第八条（单位违规情形）、第九条
 * （工作人员违规行为）、第十条（责任区分）、第十一条（处理方式）、第十三条（陈述申辩、问责决定书、复核）、
 * 第十四条（书面整改报告）; 《政府信息公开条例》第五十二条、第五十三条 (the statute the kinds apply).
 */

export const ACCOUNTABILITY_STATUTE = '《政府信息公开条例》第五十二条、第五十三条';

export type ViolationLevel = 'unit' | 'individual';

export interface ViolationKind {
  code: string;
  level: ViolationLevel;
  label: string;
  basis: string;
}

const UNIT = '《区督查问责办法》第八条';
const PERSON = '《区督查问责办法》第九条';
const S52 = '《政府信息公开条例》第五十二条';
const S53 = '《政府信息公开条例》第五十三条';

/** The catalog a case picks from: unit-level kinds, then individual kinds. */
export const VIOLATION_KINDS: readonly ViolationKind[] = [
  {
    code: 'no_proactive',
    level: 'unit',
    label: '不依法履行政府信息主动公开义务',
    basis: `${S53}第（一）项；${UNIT}第（四）项`,
  },
  {
    code: 'not_updated',
    level: 'unit',
    label: '不及时发布、更新政府信息公开内容、政府信息公开指南和目录',
    basis: `${S53}第（二）项；${UNIT}第（六）项`,
  },
  {
    code: 'no_reply',
    level: 'unit',
    label: '不依法答复政府信息公开申请',
    basis: `${S53}第（一）项；${UNIT}第（八）项`,
  },
  { code: 'illegal_fee', level: 'unit', label: '违反规定收取费用', basis: `${S53}第（三）项` },
  {
    code: 'disclosed_restricted',
    level: 'unit',
    label: '公开不应当公开的政府信息',
    basis: `${S53}第（五）项；${UNIT}第（七）项`,
  },
  {
    code: 'leaked_secret',
    level: 'unit',
    label: '违反规定泄露国家秘密、商业秘密或者个人隐私',
    basis: `${S53}第（五）项`,
  },
  {
    code: 'concealed',
    level: 'unit',
    label: '隐瞒或者不提供应当公开的政府信息，虚假公开',
    basis: `${S53}；${UNIT}第（二）项、第（五）项`,
  },
  {
    code: 'no_rules',
    level: 'unit',
    label: '不建立健全政府信息公开有关制度、机制',
    basis: `${S53}第（二）项；${UNIT}第（三）项`,
  },
  {
    code: 'ignores_superior',
    level: 'unit',
    label: '不执行上级机关关于政务公开的决定和要求，不落实监督检查决定',
    basis: `${S52}；${UNIT}第（一）项、第（九）项`,
  },
  {
    code: 'unit_other',
    level: 'unit',
    label: '其他违反政务公开有关规定且不按要求整改',
    basis: `${UNIT}第（十）项`,
  },
  {
    code: 'absent',
    level: 'individual',
    label: '工作时间脱岗、漏岗，延误政务公开工作',
    basis: `${PERSON}第（一）项`,
  },
  {
    code: 'refused_valid',
    level: 'individual',
    label: '对符合条件、手续齐备的事项不予受理和批准',
    basis: `${PERSON}第（二）项`,
  },
  { code: 'broken_promise', level: 'individual', label: '不履行服务承诺', basis: `${PERSON}第（三）项` },
  {
    code: 'extra_conditions',
    level: 'individual',
    label: '擅自提出额外的办事条件和要求',
    basis: `${PERSON}第（四）项`,
  },
  {
    code: 'rude',
    level: 'individual',
    label: '对手续不齐全的当事人不作具体说明，态度生、冷、硬、顶',
    basis: `${PERSON}第（五）项`,
  },
  {
    code: 'person_other',
    level: 'individual',
    label: '其他违反政务公开有关规定且拒不改正',
    basis: `${PERSON}第（六）项`,
  },
];

export const VIOLATION_CODES = VIOLATION_KINDS.map((k) => k.code);

export function violationKind(code: string): ViolationKind | undefined {
  return VIOLATION_KINDS.find((k) => k.code === code);
}

// ------------------------------------------------------------------ responsibility (第十条)

/** How the act was decided (《区督查问责办法》第十条). */
export const DECISION_MODES = ['handler_alone', 'leader_approved', 'collective'] as const;
export type DecisionMode = (typeof DECISION_MODES)[number];

export const DECISION_MODE_LABELS: Record<DecisionMode, string> = {
  handler_alone: '未经主管领导审批',
  leader_approved: '经主管领导审批或同意',
  collective: '经领导班子集体讨论决定',
};

/** A person's part in the act. */
export const PERSON_ROLES = ['handler', 'approving_leader', 'principal', 'leader_in_charge'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  handler: '直接承办人',
  approving_leader: '审批的主管领导',
  principal: '主要领导',
  leader_in_charge: '分管领导',
};

export type Share = 'all' | 'main' | 'secondary' | 'none';

export const SHARE_LABELS: Record<Share, string> = {
  all: '全部责任',
  main: '主要责任',
  secondary: '次要责任',
  none: '不承担责任',
};

export interface ShareResult {
  share: Share;
  basis: string;
}

/**
 * The share one person bears, by how the act was decided (《区督查问责办法》第十条):
 * (一) without the leader's approval → the handler bears all;
 * (二) with the leader's approval → the approving leader main, the handler secondary;
 * (三) decided collectively → the principal leader main, the leader in charge and the handler secondary.
 */
export function responsibilityShare(mode: DecisionMode, role: PersonRole): ShareResult {
  const art = '《区督查问责办法》第十条';
  switch (mode) {
    case 'handler_alone':
      return { share: role === 'handler' ? 'all' : 'none', basis: `${art}第（一）项` };
    case 'leader_approved':
      return {
        share: role === 'approving_leader' ? 'main' : role === 'handler' ? 'secondary' : 'none',
        basis: `${art}第（二）项`,
      };
    case 'collective':
      return {
        share:
          role === 'principal'
            ? 'main'
            : role === 'leader_in_charge' || role === 'handler'
              ? 'secondary'
              : 'none',
        basis: `${art}第（三）项`,
      };
  }
}

/** The split for every person of a case. */
export function splitResponsibility<T extends { role: PersonRole }>(
  mode: DecisionMode,
  persons: readonly T[],
): (T & ShareResult)[] {
  return persons.map((p) => ({ ...p, ...responsibilityShare(mode, p.role) }));
}

// ------------------------------------------------------------------ sanctions (第十一条)

export const SEVERITIES = ['minor', 'affected', 'serious', 'criminal'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<Severity, string> = {
  minor: '情节轻微，影响较小',
  affected: '影响正常工作或者给群众造成损失',
  serious: '情节严重，影响较大',
  criminal: '触犯刑律',
};

export interface Sanction {
  code: string;
  label: string;
  /** the lowest severity at which the measures allow it */
  severity: Severity;
  /** who it can apply to */
  applies: 'person' | 'unit' | 'both';
}

/** 《区督查问责办法》第十一条, in order of severity. */
export const SANCTIONS: readonly Sanction[] = [
  { code: 'admonition', label: '诫勉谈话', severity: 'minor', applies: 'person' },
  { code: 'criticism', label: '批评教育', severity: 'minor', applies: 'person' },
  { code: 'circulated_criticism', label: '通报批评', severity: 'affected', applies: 'both' },
  { code: 'written_examination', label: '责令作出书面检查', severity: 'affected', applies: 'person' },
  { code: 'no_awards', label: '取消当年评优评先资格', severity: 'affected', applies: 'both' },
  { code: 'rectify_deadline', label: '责令限期整改', severity: 'serious', applies: 'unit' },
  { code: 'disciplinary', label: '建议给予处分', severity: 'serious', applies: 'person' },
  { code: 'removal', label: '建议调离岗位或者免职', severity: 'serious', applies: 'person' },
  { code: 'judiciary', label: '移送司法机关处理', severity: 'criminal', applies: 'person' },
];

export const SANCTION_CODES = SANCTIONS.map((s) => s.code);

export function sanction(code: string): Sanction | undefined {
  return SANCTIONS.find((s) => s.code === code);
}

/** A sanction is allowed at a severity when the measures list it at that level or below. */
export function sanctionAllowed(code: string, severity: Severity, target: 'person' | 'unit'): boolean {
  const s = sanction(code);
  if (!s) return false;
  if (s.applies !== 'both' && s.applies !== target) return false;
  return SEVERITIES.indexOf(s.severity) <= SEVERITIES.indexOf(severity);
}

// ------------------------------------------------------------------ the case's steps (第十三条)

export const CASE_STATUSES = [
  'opened',
  'investigating',
  'statement_recorded',
  'decided',
  'review_requested',
  'review_decided',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  opened: '已立案',
  investigating: '调查中',
  statement_recorded: '已听取陈述申辩',
  decided: '已作出问责决定',
  review_requested: '复核中',
  review_decided: '已复核',
  closed: '已结案',
};

export type CaseEvent =
  | 'investigate'
  | 'record_statement'
  | 'decide'
  | 'request_review'
  | 'decide_review'
  | 'close';

const TRANSITIONS: Record<CaseStatus, Partial<Record<CaseEvent, CaseStatus>>> = {
  opened: { investigate: 'investigating' },
  investigating: { record_statement: 'statement_recorded' },
  // more than one person may state; the decision comes after the statements were heard (第十三条)
  statement_recorded: { record_statement: 'statement_recorded', decide: 'decided' },
  decided: { request_review: 'review_requested', close: 'closed' },
  review_requested: { decide_review: 'review_decided' },
  review_decided: { close: 'closed' },
  closed: {},
};

export function nextCaseStatus(from: CaseStatus, event: CaseEvent): CaseStatus | null {
  return TRANSITIONS[from][event] ?? null;
}

/** The decision stays in force during review (《区督查问责办法》第十三条第二款). */
export function decisionInForce(status: CaseStatus, reviewOutcome: ReviewOutcome | null): boolean {
  if (status === 'decided' || status === 'review_requested') return true;
  if (status === 'review_decided' || status === 'closed') return reviewOutcome !== 'revoked';
  return false;
}

/**
 * The period for asking review, in natural days from the delivery of the decision letter. 《区督查问责办法》
 * 第十三条 refers to "有关规定" without a number; the platform uses 15 days (docs/product.md §5.2) until a
 * region's rule gives another — it is data, change it here.
 */
export const REVIEW_REQUEST_DAYS = 15;

export const REVIEW_OUTCOMES = ['upheld', 'corrected', 'revoked'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  upheld: '维持原决定',
  corrected: '纠正原决定（变更处理）',
  revoked: '撤销原决定',
};

/** The last day to ask for review (ISO date): delivery + REVIEW_REQUEST_DAYS natural days. */
export function reviewDueOn(deliveredOn: string, days = REVIEW_REQUEST_DAYS): string {
  const d = new Date(`${deliveredOn}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function reviewRequestInTime(deliveredOn: string, today: string, days = REVIEW_REQUEST_DAYS): boolean {
  return today <= reviewDueOn(deliveredOn, days);
}

export const CASE_SOURCES = ['finding', 'detection', 'complaint', 'manual'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  finding: '监督检查发现的问题',
  detection: '违规自动发现',
  complaint: '投诉举报',
  manual: '直接立案',
};

/** Records whose audit trail gives who drafted and who approved. */
export const LINKED_TYPES = ['information_item', 'request_application'] as const;
export type LinkedType = (typeof LINKED_TYPES)[number];

export interface TrailEvent {
  action: string;
  actorUserId: number | null;
  actorLabel: string;
}

export interface TrailFacts {
  drafterUserId: number | null;
  drafterLabel: string | null;
  approverUserId: number | null;
  approverLabel: string | null;
  /** the decision mode the trail suggests: approved by a leader or not */
  suggestedMode: DecisionMode;
}

const DRAFT_ACTIONS: Record<LinkedType, readonly string[]> = {
  information_item: ['item.created', 'item.submitted'],
  request_application: ['request.submit_for_approval', 'request.assigned'],
};
const APPROVE_ACTIONS: Record<LinkedType, readonly string[]> = {
  information_item: ['item.leader_approve'],
  request_application: ['request.approved'],
};

/** Who drafted and who approved, from the record's audit events (oldest first). */
export function factsFromTrail(type: LinkedType, events: readonly TrailEvent[]): TrailFacts {
  const drafted = events.find((e) => DRAFT_ACTIONS[type].includes(e.action) && e.actorUserId !== null);
  const approved = [...events].reverse().find((e) => APPROVE_ACTIONS[type].includes(e.action));
  return {
    drafterUserId: drafted?.actorUserId ?? null,
    drafterLabel: drafted?.actorLabel ?? null,
    approverUserId: approved?.actorUserId ?? null,
    approverLabel: approved?.actorLabel ?? null,
    suggestedMode: approved ? 'leader_approved' : 'handler_alone',
  };
}
