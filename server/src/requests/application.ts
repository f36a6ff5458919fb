/**
 * Disclosure on application (依申请公开, R.27–R.45): the application, its applicant and request
 * items, the channels it arrives by, and its lifecycle as a closed status union with an explicit
 * transition table. Pure: imports nothing from db/ or http/.
 */

/** R.29 ¶1: applications in writing (letters, data messages) or, where writing is difficult, orally. */
export const CHANNELS = [
  'online',
  'registered_post',
  'ordinary_post',
  'fax',
  'in_person',
  'oral',
  'email',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  registered_post: '挂号信（需签收）',
  ordinary_post: '平信',
  fax: '传真',
  in_person: '当面提交',
  oral: '口头申请（工作人员代填、申请人签名）',
  email: '电子邮件',
};

/** Annual-report Table 三 columns (国办公开办函〔2021〕30号): 自然人 and the five 法人或其他组织 sub-types. */
export const APPLICANT_KINDS = ['natural', 'organization'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const ORG_TYPES = ['commercial', 'research', 'nonprofit', 'legal_service', 'other'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  natural: '自然人',
  organization: '法人或其他组织',
};
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_pass',
  'taiwan_pass',
  'foreign_residence',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_pass: '港澳居民来往内地通行证',
  taiwan_pass: '台湾居民来往大陆通行证',
  foreign_residence: '外国人永久居留身份证',
  other: '其他有效身份证件',
};

/** R.29 ¶2(三) and R.40: form of provision and how the applicant obtains it. */
export const PROVISION_FORMS = ['paper', 'electronic', 'onsite'] as const;
export type ProvisionForm = (typeof PROVISION_FORMS)[number];
export const PROVISION_FORM_LABELS: Record<ProvisionForm, string> = {
  paper: '纸质文本',
  electronic: '电子文本',
  onsite: '当场查阅、抄录',
};
export const DELIVERY_METHODS = ['collect', 'post', 'email', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  collect: '自行领取',
  post: '邮寄',
  email: '电子邮件',
  online: '网上获取',
};

export interface Applicant {
  kind: ApplicantKind;
  orgType: OrgType | null;
  name: string;
  idType: IdType | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  contactPerson: string | null;
  phone: string;
  email: string | null;
  address: string | null;
}

export interface RequestItemInput {
  description: string;
  title?: string | null;
  docNo?: string | null;
}

// ------------------------------------------------------------------ lifecycle

/** R.45: 登记、审核、办理、答复、归档 — the states an application passes through. */
export const STATUSES = [
  'unconfirmed',
  'registered',
  'awaiting_correction',
  'in_progress',
  'consulting_third_party',
  'consulting_agency',
  'awaiting_fee',
  'suspended',
  'awaiting_approval',
  'replied',
  'closed',
  'withdrawn',
  'lapsed',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  unconfirmed: '待确认收到',
  registered: '已登记',
  awaiting_correction: '待补正',
  in_progress: '办理中',
  consulting_third_party: '征求第三方意见中',
  consulting_agency: '征求其他机关意见中',
  awaiting_fee: '待缴费',
  suspended: '中止办理',
  awaiting_approval: '待审批',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
  lapsed: '视为放弃申请',
};

/** Statuses in which the reply period does not run (R.33 ¶3, 109号, 《县局政务公开制度汇编》 art.10). */
export const PAUSED_STATUSES: readonly Status[] = [
  'consulting_third_party',
  'consulting_agency',
  'awaiting_fee',
  'suspended',
];
/** Statuses with no reply period at all (not yet received, or the correction restarts it: R.30). */
export const CLOCKLESS_STATUSES: readonly Status[] = ['unconfirmed', 'awaiting_correction'];
export const FINAL_STATUSES: readonly Status[] = ['closed', 'withdrawn', 'lapsed'];
/** The reply has been sent: the statutory period is met. */
export const ANSWERED_STATUSES: readonly Status[] = ['replied', 'closed', 'withdrawn', 'lapsed'];

export const ACTIONS = [
  'confirm_receipt',
  'accept',
  'request_correction',
  'receive_correction',
  'lapse_correction',
  'consult_third_party',
  'consult_agency',
  'end_consultation',
  'notice_fee',
  'settle_fee',
  'lapse_fee',
  'suspend',
  'resume',
  'submit_for_approval',
  'reject_approval',
  'send_reply',
  'close',
  'reopen',
  'withdraw',
] as const;
export type Action = (typeof ACTIONS)[number];

const OPEN_WORKING: Status[] = ['registered', 'in_progress'];

/** The transition table: for each action, the statuses it may start from and where it leads. */
export const TRANSITIONS: Record<Action, { from: readonly Status[]; to: Status; label: string }> = {
  confirm_receipt: { from: ['unconfirmed'], to: 'registered', label: '确认收到申请（条例第三十一条）' },
  accept: { from: ['registered'], to: 'in_progress', label: '受理并分办' },
  request_correction: { from: OPEN_WORKING, to: 'awaiting_correction', label: '告知补正（条例第三十条）' },
  receive_correction: {
    from: ['awaiting_correction'],
    to: 'in_progress',
    label: '收到补正（答复期限重新起算）',
  },
  lapse_correction: { from: ['awaiting_correction'], to: 'lapsed', label: '逾期未补正，视为放弃申请' },
  consult_third_party: {
    from: OPEN_WORKING,
    to: 'consulting_third_party',
    label: '征求第三方意见（条例第三十二条）',
  },
  consult_agency: {
    from: OPEN_WORKING,
    to: 'consulting_agency',
    label: '征求其他机关意见（条例第三十四条）',
  },
  end_consultation: {
    from: ['consulting_third_party', 'consulting_agency'],
    to: 'in_progress',
    label: '结束征求意见',
  },
  notice_fee: { from: OPEN_WORKING, to: 'awaiting_fee', label: '发出收费通知' },
  settle_fee: { from: ['awaiting_fee'], to: 'in_progress', label: '缴费或减免' },
  lapse_fee: { from: ['awaiting_fee'], to: 'lapsed', label: '逾期未缴费，不再处理' },
  suspend: {
    from: OPEN_WORKING,
    to: 'suspended',
    label: '中止办理（不可抗力等）',
  },
  resume: { from: ['suspended'], to: 'in_progress', label: '恢复办理' },
  submit_for_approval: { from: OPEN_WORKING, to: 'awaiting_approval', label: '提交审批' },
  reject_approval: { from: ['awaiting_approval'], to: 'in_progress', label: '审批退回' },
  send_reply: { from: ['awaiting_approval'], to: 'replied', label: '发出答复' },
  close: { from: ['replied'], to: 'closed', label: '办结归档' },
  reopen: { from: ['replied', 'closed'], to: 'in_progress', label: '重新办理（复议或诉讼纠正）' },
  withdraw: {
    from: [
      'unconfirmed',
      'registered',
      'awaiting_correction',
      'in_progress',
      'consulting_third_party',
      'consulting_agency',
      'awaiting_fee',
      'suspended',
      'awaiting_approval',
    ],
    to: 'withdrawn',
    label: '申请人撤回申请',
  },
};

export function canTransition(status: Status, action: Action): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The next status, or null when the action is not allowed from `status`. */
export function nextStatus(status: Status, action: Action): Status | null {
  return canTransition(status, action) ? TRANSITIONS[action].to : null;
}

export function availableActions(status: Status): Action[] {
  return ACTIONS.filter((a) => canTransition(status, a));
}

export function isStatus(s: string): s is Status {
  return (STATUSES as readonly string[]).includes(s);
}

// ------------------------------------------------------------------ numbers and masking

/**
 * Registration number: agency code, year of receipt and a per-agency sequence, e.g. `sfj-2026-000123`
 * (R.45 登记). Readable on the phone and on paper.
 */
export function formatRegistrationNo(agencyCode: string, year: number, seq: number): string {
  return `${agencyCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/** A tracking code alphabet without look-alikes (0/O, 1/I/L). */
export const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 10;

export function trackingCodeFrom(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++)
    out += TRACKING_ALPHABET[bytes[i]! % TRACKING_ALPHABET.length];
  return out;
}

export function normaliseTrackingCode(s: string): string {
  return s.replace(/[\s-]/g, '').toUpperCase();
}

/** Personal data outside the handling staff: keep the first character, mask the rest. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

/** An address outside the handling staff: the first six characters (city, district) only. */
export function maskAddress(address: string | null): string | null {
  return address ? `${[...address].slice(0, 6).join('')}***` : null;
}

/** The address a letter is served to: the applicant's address with the postal code, if given. */
export function servedAddress(a: { address: string | null; postalCode: string | null }): string | null {
  if (!a.address) return null;
  return a.postalCode ? `${a.address}（邮政编码 ${a.postalCode}）` : a.address;
}

/**
 * Registration numbers are `<agency code>-<year>-<seq>` and agency codes are lower case
 * (agencies/agency.ts AGENCY_CODE_PATTERN): what a citizen types from paper — upper case, full-width
 * digits or dashes, spaces — is brought to that one form before the lookup.
 */
export function normaliseRegistrationNo(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[\u2010-\u2015\u2212\u30fc]/g, '-')
    .toLowerCase();
}

export function maskTail(s: string | null, keepStart: number, keepEnd: number): string | null {
  if (!s) return s;
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd);
}

/** The report column of Table 三 for this applicant. */
export function applicantColumn(a: Pick<Applicant, 'kind' | 'orgType'>): 'natural' | OrgType {
  return a.kind === 'natural' ? 'natural' : (a.orgType ?? 'other');
}
