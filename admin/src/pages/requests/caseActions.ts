/** The case actions of the staff case page: what each asks for and where it posts. */
/** 'stepDate': the real date of a step done on paper and recorded afterwards (optional; empty = today). */
export type FieldKind = 'date' | 'stepDate' | 'text' | 'textarea' | 'days' | 'select';

/**
 * The label of the real-date field: the server checks it lies between the previous recorded step and
 * today and records the step as back-dated (server/src/requests/paper-steps.ts).
 */
export const STEP_ON_LABEL = '实际办理日期（纸质办理后补录时选择；不选为今天）';
export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: string }[];
  /** a date that is usually today (the server's day) is filled in with it */
  defaultToday?: boolean;
}
export interface ActionDef {
  label: string;
  path: string;
  fields: FieldDef[];
  danger?: boolean;
  /** who may: 'manage' (政务公开工作机构) or 'handle' (承办) */
  who: 'manage' | 'handle' | 'any';
  /** fixed values sent with the form (e.g. which consultation or appeal the action is about) */
  extra?: Record<string, unknown>;
}

/**
 * Every case action in one table, keyed by the transition name the server lists in `actions`
 * (application.ts) or, for actions offered by other conditions, by their own key (see caseButtons).
 */
export const CASE_ACTIONS: Record<string, ActionDef> = {
  confirm_receipt: {
    label: '确认收到申请',
    path: 'confirm',
    who: 'manage',
    fields: [
      {
        name: 'confirmedOn',
        label: '确认收到日期（条例第三十一条）',
        kind: 'date',
        required: true,
        defaultToday: true,
      },
    ],
  },
  request_correction: {
    label: '告知补正',
    path: 'correction',
    who: 'handle',
    fields: [
      { name: 'note', label: '需要补正的内容（一次性告知，条例第三十条）', kind: 'textarea', required: true },
      { name: 'correctionDays', label: '补正期限（工作日）', kind: 'days', required: true },
      { name: 'on', label: STEP_ON_LABEL, kind: 'stepDate' },
    ],
  },
  receive_correction: {
    label: '收到补正',
    path: 'correction-received',
    who: 'handle',
    fields: [{ name: 'receivedOn', label: '收到补正日期', kind: 'date', required: true, defaultToday: true }],
  },
  lapse_correction: {
    label: '逾期未补正，视为放弃',
    path: 'correction-lapse',
    who: 'manage',
    fields: [],
    danger: true,
  },
  consult_third_party: {
    label: '征求第三方意见',
    path: 'consultation',
    who: 'handle',
    extra: { kind: 'third_party' },
    fields: [
      { name: 'party', label: '第三方名称', kind: 'text', required: true },
      { name: 'note', label: '说明', kind: 'textarea' },
      { name: 'on', label: STEP_ON_LABEL, kind: 'stepDate' },
    ],
  },
  consult_agency: {
    label: '征求其他机关意见',
    path: 'consultation',
    who: 'handle',
    extra: { kind: 'inter_agency' },
    fields: [
      { name: 'party', label: '机关名称', kind: 'text', required: true },
      { name: 'note', label: '说明', kind: 'textarea' },
      { name: 'on', label: STEP_ON_LABEL, kind: 'stepDate' },
    ],
  },
  end_consultation: {
    label: '结束征求意见',
    path: 'consultation/end',
    who: 'handle',
    fields: [
      {
        name: 'opinion',
        label: '意见',
        kind: 'select',
        required: true,
        options: [
          { value: 'agree', label: '同意公开' },
          { value: 'object', label: '不同意公开' },
          { value: 'none', label: '逾期未答复' },
        ],
      },
      { name: 'note', label: '意见内容', kind: 'textarea' },
      { name: 'on', label: STEP_ON_LABEL, kind: 'stepDate' },
    ],
  },
  notice_fee: {
    label: '发出收费通知',
    path: 'fee',
    who: 'manage',
    fields: [
      {
        name: 'method',
        label: '计收方式（只能选择一种）',
        kind: 'select',
        required: true,
        options: [
          { value: 'per_piece', label: '按件计收' },
          { value: 'per_volume', label: '按量计收' },
        ],
      },
      { name: 'units', label: '件数或页数', kind: 'days', required: true },
      { name: 'on', label: STEP_ON_LABEL, kind: 'stepDate' },
    ],
  },
  settle_fee: {
    label: '登记缴费或减免',
    path: 'fee/settle',
    who: 'manage',
    fields: [
      { name: 'paidOn', label: '缴费日期', kind: 'date' },
      { name: 'receiptNo', label: '票据号', kind: 'text' },
      { name: 'waiverReason', label: '减免理由（减免时填写）', kind: 'textarea' },
    ],
  },
  lapse_fee: { label: '逾期未缴费，不再处理', path: 'fee-lapse', who: 'manage', fields: [], danger: true },
  suspend: {
    label: '中止办理',
    path: 'suspend',
    who: 'manage',
    fields: [{ name: 'reason', label: '中止理由', kind: 'textarea', required: true }],
  },
  resume: { label: '恢复办理', path: 'resume', who: 'manage', fields: [] },
  submit_for_approval: { label: '提交审批', path: 'submit', who: 'handle', fields: [] },
  send_reply: {
    label: '发出答复书',
    path: 'reply',
    who: 'manage',
    fields: [{ name: 'on', label: '实际送达日期（纸质送达后补录时选择；不选为今天）', kind: 'stepDate' }],
  },
  close: { label: '办结归档', path: 'close', who: 'manage', fields: [] },
  withdraw: {
    label: '申请人撤回',
    path: 'withdraw',
    who: 'manage',
    fields: [{ name: 'reason', label: '撤回说明', kind: 'textarea', required: true }],
    danger: true,
  },
  appeal: {
    label: '登记复议/诉讼',
    path: 'appeal',
    who: 'manage',
    fields: [
      {
        name: 'kind',
        label: '类别',
        kind: 'select',
        required: true,
        options: [
          { value: 'reconsideration', label: '行政复议' },
          { value: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）' },
          { value: 'litigation_after_reconsideration', label: '行政诉讼（复议后起诉）' },
        ],
      },
      { name: 'filedOn', label: '申请复议或起诉日期', kind: 'date', required: true },
      {
        name: 'outcome',
        label: '结果',
        kind: 'select',
        required: true,
        options: [
          { value: 'pending', label: '尚未审结' },
          { value: 'upheld', label: '结果维持' },
          { value: 'corrected', label: '结果纠正（申请将重新办理）' },
          { value: 'other', label: '其他结果' },
        ],
      },
      { name: 'decidedOn', label: '决定或判决日期（已有结果时填写）', kind: 'date' },
      { name: 'note', label: '备注', kind: 'textarea' },
    ],
  },
  extension: {
    label: '申请延期',
    path: 'extension',
    who: 'handle',
    fields: [
      { name: 'days', label: '延长工作日数（累计不超过规定上限）', kind: 'days', required: true },
      { name: 'reason', label: '延期理由', kind: 'textarea', required: true },
    ],
  },
  extension_decision: {
    label: '审批延期',
    path: 'extension/decision',
    who: 'any',
    fields: [
      {
        name: 'approve',
        label: '审批结果',
        kind: 'select',
        required: true,
        options: [
          { value: 'true', label: '同意延期' },
          { value: 'false', label: '不同意' },
        ],
      },
      { name: 'comment', label: '审批意见', kind: 'textarea' },
      {
        name: 'on',
        label: '实际审批日期（纸质审批后补录时选择；须在答复期限内，条例第三十三条）',
        kind: 'stepDate',
      },
    ],
  },
  approval: {
    label: '审批答复',
    path: 'approval',
    who: 'any',
    fields: [
      {
        name: 'approve',
        label: '审批结果',
        kind: 'select',
        required: true,
        options: [
          { value: 'true', label: '同意' },
          { value: 'false', label: '退回修改' },
        ],
      },
      { name: 'comment', label: '审批意见', kind: 'textarea' },
    ],
  },
  delay: {
    label: '延后答复（条例第三十五条）',
    path: 'delay',
    who: 'manage',
    fields: [
      { name: 'dueOn', label: '延后答复日期', kind: 'date', required: true },
      { name: 'reason', label: '理由', kind: 'textarea', required: true },
    ],
  },
  appeal_outcome: {
    label: '登记结果',
    path: 'appeal/outcome',
    who: 'manage',
    fields: [
      {
        name: 'outcome',
        label: '结果',
        kind: 'select',
        required: true,
        options: [
          { value: 'upheld', label: '结果维持' },
          { value: 'corrected', label: '结果纠正（申请将重新办理）' },
          { value: 'other', label: '其他结果' },
        ],
      },
      { name: 'decidedOn', label: '决定或判决日期', kind: 'date', required: true },
      { name: 'note', label: '备注（如复议决定书文号）', kind: 'textarea' },
    ],
  },
  third_party_notice: {
    label: '发出第三方告知书',
    path: 'third-party-notice',
    who: 'manage',
    fields: [
      { name: 'disclosed', label: '决定公开的政府信息内容', kind: 'textarea', required: true },
      {
        name: 'reason',
        label: '决定公开的理由（不公开可能对公共利益造成重大影响的情形）',
        kind: 'textarea',
        required: true,
      },
    ],
  },
};

interface CaseState {
  /** the action keys the server allows this user (request.policy.ts caseActionKeys) */
  actions: string[];
}

/**
 * The buttons of the 办理 card: exactly the actions the server says this user may take — a
 * supervising office, for one, gets none (docs/access.md).
 */
export function caseButtons(c: CaseState): { key: string; def: ActionDef }[] {
  return c.actions.filter((k) => CASE_ACTIONS[k]).map((key) => ({ key, def: CASE_ACTIONS[key]! }));
}

/**
 * What a case action's form starts with, from what the server knows: today's date (the server's day)
 * for dates that are usually today, and for an extension the days the agency's rule profile still
 * allows (《政府信息公开条例》第三十三条第二款: at most the profile's extension days in total).
 */
export function actionDefaults(
  def: ActionDef,
  c: { today: string; rules: { extensionDays: number }; clock: { extensionDays: number } },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of def.fields) if (f.defaultToday) out[f.name] = c.today;
  if (def.path === 'extension') {
    const left = c.rules.extensionDays - c.clock.extensionDays;
    if (left > 0) out.days = left;
  }
  return out;
}
