/**
 * Inspection plans (监督检查计划), pure. The district supervision measures art. 7: the supervising
 * office (督查室) inspects every department once a year and may inspect at any time; each department
 * inspects itself every half year and reports to the supervising office. The bureau's supervision
 * regime combines regular and ad-hoc, self and mutual, sampling and full inspections — attributes of
 * a plan, not kinds of their own.
 */

/** 自查 (the agency itself, every half year) · 督查 (the supervising office) · 专项检查 (ad hoc, on one subject). */
export const INSPECTION_KINDS = ['self', 'supervision', 'special'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  self: '自查',
  supervision: '督查',
  special: '专项检查',
};

/** 检查中 → 检查结束（待审批）→ 已审批公开; a concluded plan may be sent back to 检查中. */
export const PLAN_STATUSES = ['open', 'concluded', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  open: '检查中',
  concluded: '待审批',
  published: '已审批公开',
};

export type PlanEvent = 'conclude' | 'reopen' | 'publish';

const PLAN_TRANSITIONS: Record<PlanStatus, Partial<Record<PlanEvent, PlanStatus>>> = {
  open: { conclude: 'concluded' },
  concluded: { reopen: 'open', publish: 'published' },
  published: {},
};

export function nextPlanStatus(from: PlanStatus, event: PlanEvent): PlanStatus | null {
  return PLAN_TRANSITIONS[from][event] ?? null;
}

export function planEvents(from: PlanStatus): PlanEvent[] {
  return Object.keys(PLAN_TRANSITIONS[from]) as PlanEvent[];
}

export interface PlanAttributes {
  /** 定期检查 (true) or 不定期检查 */
  regular: boolean;
  /** 互查 (true) or 自查/督查 by one side */
  mutual: boolean;
  /** 抽查 (true) or 普查 (all records) */
  sampling: boolean;
}

export interface PlanDraft extends PlanAttributes {
  kind: InspectionKind;
  organizerAgencyId: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  agencyIds: number[];
}

export interface ScopeProblem {
  field: string;
  label: string;
  message: string;
}

/**
 * The scope rule: a self-inspection covers the organizing agency alone; a supervision or special
 * inspection covers agencies the organizer supervises (agency_supervisions) and never itself —
 * supervision is over others (docs/access.md). `supervised` is the organizer's supervised scope.
 */
export function scopeProblems(draft: PlanDraft, supervised: ReadonlySet<number>): ScopeProblem[] {
  const out: ScopeProblem[] = [];
  if (draft.periodEnd < draft.periodStart)
    out.push({ field: 'periodEnd', label: '检查期间（止）', message: '不能早于检查期间（起）' });
  const ids = [...new Set(draft.agencyIds)];
  if (ids.length === 0) {
    out.push({ field: 'agencyIds', label: '检查范围', message: '至少选择一个被检查机关' });
    return out;
  }
  if (draft.kind === 'self') {
    if (ids.length !== 1 || ids[0] !== draft.organizerAgencyId)
      out.push({ field: 'agencyIds', label: '检查范围', message: '自查的范围只能是本机关' });
    if (draft.mutual) out.push({ field: 'mutual', label: '互查', message: '自查不能设为互查' });
  } else {
    if (ids.includes(draft.organizerAgencyId))
      out.push({
        field: 'agencyIds',
        label: '检查范围',
        message: '督查和专项检查不能检查本机关，本机关请开展自查',
      });
    else if (ids.some((id) => !supervised.has(id)))
      out.push({ field: 'agencyIds', label: '检查范围', message: '只能检查本机关监督的机关' });
  }
  return out;
}

/**
 * The half year a self-inspection belongs to (art. 7: every half year), from the start of its
 * period: 2026-03-01 → "2026年上半年".
 */
export function halfYearOf(date: string): string {
  const y = date.slice(0, 4);
  return Number(date.slice(5, 7)) <= 6 ? `${y}年上半年` : `${y}年下半年`;
}
