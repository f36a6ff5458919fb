/**
 * An information item (政府信息, docs/product.md §2.1) and its publication pipeline (§2.3):
 * source attribute → confidentiality review (drafter's opinion → leader in charge → review office
 * conclusion 公开 / 不予公开 / 需报审) → deliberation and approval → publication (immediate or scheduled).
 * Statuses are a closed union with an explicit transition table (house style rule 1).
 */

export const ITEM_STATUSES = [
  'draft',
  'leader_review',
  'office_review',
  'referred',
  'deferred',
  'approval',
  'scheduled',
  'published',
  'withheld',
  'revoked',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  leader_review: '保密审查：分管领导审核',
  office_review: '保密审查：保密审查办公室审查',
  referred: '已报上级保密部门审查',
  deferred: '暂缓公开（密级待定）',
  approval: '审议审批中',
  scheduled: '待发布（定时）',
  published: '已发布',
  withheld: '不予主动公开（已归档）',
  revoked: '已撤回',
};

export type ItemEvent =
  | 'submit'
  | 'leader_approve'
  | 'return'
  | 'conclude_public'
  | 'conclude_not_public'
  | 'refer'
  | 'defer'
  | 'resume_review'
  | 'approve_step'
  | 'approve_final'
  | 'schedule'
  | 'release'
  | 'revoke';

/**
 * The transition table. `return` sends an item back to its drafter from any review or approval step;
 * `revoke` withdraws an item before (scheduled) or after publication — 《县司法局公开工作制度》 §4: with an explanation.
 */
export const TRANSITIONS: Record<ItemStatus, Partial<Record<ItemEvent, ItemStatus>>> = {
  draft: { submit: 'leader_review' },
  leader_review: { leader_approve: 'office_review', return: 'draft' },
  office_review: {
    conclude_public: 'approval',
    conclude_not_public: 'withheld',
    refer: 'referred',
    defer: 'deferred',
    return: 'draft',
  },
  referred: { resume_review: 'office_review' },
  // 《县局政务公开制度汇编》 art.13: 暂缓公开 until the secrecy is determined, then reviewed again
  deferred: { resume_review: 'office_review' },
  approval: { approve_step: 'approval', approve_final: 'published', schedule: 'scheduled', return: 'draft' },
  scheduled: { release: 'published', revoke: 'revoked' },
  published: { revoke: 'revoked' },
  withheld: {},
  revoked: {},
};

export function nextStatus(from: ItemStatus, event: ItemEvent): ItemStatus | null {
  return TRANSITIONS[from][event] ?? null;
}

/** 公开属性 (source attribute, set when the document is drafted; 国办公开办函〔2019〕61号 源头认定). */
export const DISCLOSURE_ATTRIBUTES = ['proactive', 'on_request', 'not_public'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];
export const DISCLOSURE_ATTRIBUTE_LABELS: Record<DisclosureAttribute, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  not_public: '不予公开',
};

/** 公开范围: the public, or the agency's own staff only (《县司法局公开工作制度》 art.5 internal disclosure). */
export const PUBLIC_SCOPES = ['public', 'internal'] as const;
export type PublicScope = (typeof PUBLIC_SCOPES)[number];
export const PUBLIC_SCOPE_LABELS: Record<PublicScope, string> = { public: '社会', internal: '机关内部' };

/** 有效性 (国办公开办函〔2019〕61号). */
export const VALIDITIES = ['valid', 'amended', 'abolished', 'expired'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: '有效',
  amended: '已修改',
  abolished: '已废止',
  expired: '已失效',
};

/** 公开方式 (R.23 channels; docs/product.md §2.1). */
export const CHANNELS = ['website', 'board', 'gazette', 'new_media', 'service_window', 'screen'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  website: '政府网站',
  board: '公开栏',
  gazette: '政府公报',
  new_media: '新媒体',
  service_window: '服务窗口',
  screen: '电子屏',
};

/** Non-disclosure grounds (docs/product.md §2.5), used as the legal reason of 依申请公开 / 不予公开 items. */
export const NON_DISCLOSURE_GROUNDS = {
  state_secret: '属于国家秘密',
  prohibited_by_law: '其他法律行政法规禁止公开',
  three_safeties: '危及“三安全一稳定”',
  third_party: '保护第三方合法权益',
  internal_affairs: '属于三类内部事务信息',
  process_info: '属于四类过程性信息',
  enforcement_file: '属于行政执法案卷',
  administrative_query: '属于行政查询事项',
} as const;
export type NonDisclosureGround = keyof typeof NON_DISCLOSURE_GROUNDS;

/** 保密审查结论 (《县司法局公开工作制度》《县局政务公开制度汇编》). */
export const REVIEW_CONCLUSIONS = { public: '公开', not_public: '不予公开', refer: '需报审' } as const;

/** Editable while a draft (or returned to the drafter). */
export function isEditable(status: ItemStatus): boolean {
  return status === 'draft';
}

/**
 * THE public-visibility rule (docs/product.md §6, the first security property): published, public scope,
 * proactive attribute, and (for non-permanent items) not yet past the online retention period is
 * decided by the list query; every public path funnels through this predicate or its SQL twin
 * `publicItems()` in publication.repository.ts.
 */
export function isPubliclyVisible(i: {
  status: ItemStatus;
  scope: PublicScope;
  attribute: DisclosureAttribute;
}): boolean {
  return i.status === 'published' && i.scope === 'public' && i.attribute === 'proactive';
}

/** A field problem in domain terms (mapped to AppError fields by the service). */
export interface ItemProblem {
  field: string;
  label: string;
  message: string;
}

export interface ItemDraft {
  title: string;
  attribute: DisclosureAttribute;
  nonDisclosureGround: string | null;
  scope: PublicScope;
  generatedOn: string;
  partial: boolean;
  publicBody: string | null;
  jointAgencyIds: number[];
}

/** Invariants of the source attribute (源头认定): a non-public attribute needs its legal reason; a partial item needs its redacted version. */
export function checkDraft(d: ItemDraft): ItemProblem[] {
  const out: ItemProblem[] = [];
  if (d.title.trim().length === 0) out.push({ field: 'title', label: '标题', message: '不能为空' });
  if (d.attribute !== 'proactive' && !d.nonDisclosureGround)
    out.push({
      field: 'nonDisclosureGround',
      label: '不予主动公开的理由',
      message: '公开属性为依申请公开或不予公开时，必须说明法定理由',
    });
  if (d.partial && !(d.publicBody ?? '').trim())
    out.push({
      field: 'publicBody',
      label: '公开版本正文',
      message: '部分公开时必须提供删除不宜公开内容后的公开版本',
    });
  return out;
}

/** Strips tags for scanning and indexing (the body is sanitised HTML). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
